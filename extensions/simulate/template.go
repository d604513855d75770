package simulate

import (
	"fmt"
	"mime"
	"slices"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions/vtl"
)

// firstMediaType returns the first media type of an Accept (or
// Content-Type) header without parameters, lower-cased; "" when absent.
// API Gateway honours only the first media type of Accept.
func firstMediaType(h string) string {
	first, _, _ := strings.Cut(h, ",")
	first = strings.TrimSpace(first)
	if first == "" {
		return ""
	}
	if mt, _, err := mime.ParseMediaType(first); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(first, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// SelectTemplate picks the response template the way the API Gateway
// documentation describes ("Select a VTL mapping template"):
//
//  1. the key is the first media type of the Accept header, without
//     parameters; an absent Accept header counts as application/json;
//  2. the template stored under that key applies (media types compare
//     case-insensitively);
//  3. otherwise the first template applies. Templates are a JSON object,
//     whose order API Gateway does not keep, so "first" is taken here as
//     the smallest media type in byte order;
//  4. with no templates at all the payload passes through (nil).
func SelectTemplate(templates map[string]string, accept string) *Template {
	if len(templates) == 0 {
		return nil
	}
	keys := make([]string, 0, len(templates))
	for k := range templates {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := firstMediaType(accept)
	why := fmt.Sprintf("Accept %q: its first media type %s has a template", accept, want)
	if want == "" {
		want = "application/json"
		why = "no Accept header: application/json is assumed and has a template"
	}
	for _, k := range keys {
		if strings.EqualFold(strings.TrimSpace(k), want) {
			return newTemplate(k, templates[k], why)
		}
	}
	why = fmt.Sprintf("no template for %s: the first template (by media type) applies", want)
	return newTemplate(keys[0], templates[keys[0]], why)
}

func newTemplate(mediaType, text, reason string) *Template {
	return &Template{MediaType: mediaType, Text: text, Reason: reason, Variables: TemplateVariables(text)}
}

// TemplateVariables lists the API Gateway variables and functions a mapping
// template reads — $input.path(…), $input.json(…), $input.params(…),
// $input.body, $context.*, $stageVariables.*, $util.* — in order of first
// use, each once, as vtl's Template.Reads finds them in the parsed
// template (references in strings, macros and #define blocks included;
// quiet and formal forms written as $name). A template that does not parse
// reads nothing.
func TemplateVariables(text string) []string {
	t, err := parsed.parse("template", text)
	if err != nil {
		return nil
	}
	return t.Reads()
}

// parsed keeps the templates parsed lately: serve renders the same few
// templates for every request, and a simulation reads each template's
// variables before rendering it.
var parsed = &parseCache{}

// parseCache holds parsed templates by name and text, up to maxCached bytes
// of text; past that it starts afresh. A parsed template is safe for
// concurrent renders, and so is the cache.
type parseCache struct {
	mu    sync.Mutex
	m     map[[2]string]parseResult
	bytes int
}

type parseResult struct {
	t   *vtl.Template
	err error
}

const maxCached = 8 << 20

// parse returns vtl.Parse(name, text), from the cache when it has it.
func (c *parseCache) parse(name, text string) (*vtl.Template, error) {
	k := [2]string{name, text}
	c.mu.Lock()
	r, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return r.t, r.err
	}
	r.t, r.err = vtl.Parse(name, text)
	c.mu.Lock()
	if c.m == nil || c.bytes+len(text) > maxCached {
		c.m, c.bytes = map[[2]string]parseResult{}, 0
	}
	c.m[k] = r
	c.bytes += len(name) + len(text)
	c.mu.Unlock()
	return r.t, r.err
}
