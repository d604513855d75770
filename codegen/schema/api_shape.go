package schema

import (
	"mime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigw/apigw/openapi"
	"github.com/invopop/jsonschema"
)

// shape builds one branch: the object {statusCode, headers, contentType, body}.
type shape struct {
	status   *jsonschema.Schema
	title    string
	headers  *jsonschema.Schema
	required []string
	allOf    []*jsonschema.Schema
	ctypes   *jsonschema.Schema
	body     *jsonschema.Schema
}

// newShape starts the branch of one status code.
func newShape(code string) *shape {
	n, _ := strconv.Atoi(code)
	return &shape{status: &jsonschema.Schema{Const: n}, title: code}
}

// header adds a response header. HTTP header names are case-insensitive,
// and clients see them in any case (HTTP/2 lower-cases them), so the header
// is matched by a pattern that ignores case; a required header is one whose
// name, in some case, is among the object's keys. The first of two names
// that differ only in case describes the header.
func (b *shape) header(name string, s *jsonschema.Schema, required bool) {
	if b.headers == nil {
		b.headers = &jsonschema.Schema{Type: "object", PatternProperties: map[string]*jsonschema.Schema{}}
	}
	p := anyCase(name)
	if _, ok := b.headers.PatternProperties[p]; !ok {
		if s.Title == "" {
			s.Title = name
		}
		b.headers.PatternProperties[p] = s
	}
	if required && !slices.ContainsFunc(b.headers.AllOf, func(r *jsonschema.Schema) bool { return r.Not.PropertyNames.Not.Pattern == p }) {
		b.headers.AllOf = append(b.headers.AllOf, &jsonschema.Schema{
			Description: "The header " + name + " is present (its name in any case).",
			Not:         &jsonschema.Schema{PropertyNames: &jsonschema.Schema{Not: &jsonschema.Schema{Pattern: p}}},
		})
	}
}

// anyCase returns a pattern matching exactly name, in any case of its ASCII
// letters. ECMA-262 and RE2 differ on the (?i) flag, so each letter is a
// class ("[Xx]-[Ii][Dd]" for "X-Id"), within their common subset.
func anyCase(name string) string {
	return "^" + anyCaseText(name) + "$"
}

// anyCaseText is anyCase without the anchors.
func anyCaseText(text string) string {
	b := make([]byte, 0, 4*len(text))
	for _, r := range text {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			b = append(b, '[', byte(r)&^0x20, byte(r)|0x20, ']') // upper, then lower case
		case r < utf8.RuneSelf && strings.IndexByte(`\.+*?()|[]{}^$`, byte(r)) >= 0: // ECMA-262's syntax characters, which its u flag lets be escaped
			b = append(b, '\\', byte(r))
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// mediaTypes returns a pattern matching the media types cts in any case,
// each with or without parameters ("application/json; charset=utf-8").
func mediaTypes(cts []string) string {
	alts := make([]string, len(cts))
	for i, ct := range cts {
		alts[i] = anyCaseText(ct)
	}
	return "^(?:" + strings.Join(alts, "|") + ")(?:[\t ]*;.*)?$"
}

// content sets the media types the response may have and the body of
// each, from the declared content of resp; with require, contentType must
// be given (API Gateway always sets it from the template chosen).
func (b *shape) content(c *opContext, resp *openapi.Response, cts []string, require bool) {
	cts = slices.Compact(slices.Clone(cts))
	if len(cts) == 0 {
		return
	}
	examples := make([]any, len(cts))
	for i, ct := range cts {
		examples[i] = ct
	}
	b.ctypes = &jsonschema.Schema{Type: "string", Pattern: mediaTypes(cts), Examples: examples,
		Description: "The media type, in any case, with or without parameters."}
	if require {
		b.required = append(b.required, "contentType")
	}
	bodies := make([]*jsonschema.Schema, len(cts))
	texts := make([]string, len(cts))
	for i, ct := range cts {
		switch sch := declaredSchema(resp, ct); {
		case !isJSONMedia(ct):
			bodies[i] = &jsonschema.Schema{Type: "string", Description: "The body as text (" + ct + " is not JSON)."}
		case sch != nil:
			bodies[i] = c.conv.schema(sch.Node, sch.Pointer, 0)
		default:
			bodies[i] = &jsonschema.Schema{}
		}
		raw, _ := marshalSchema(bodies[i])
		texts[i] = string(raw)
	}
	if len(slices.Compact(slices.Clone(texts))) == 1 {
		if texts[0] != "true\n" {
			b.body = bodies[0]
		}
		return
	}
	for i, ct := range cts {
		if texts[i] == "true\n" {
			continue
		}
		when := &jsonschema.Schema{Properties: jsonschema.NewProperties(), Required: []string{"contentType"}}
		when.Properties.Set("contentType", &jsonschema.Schema{Type: "string", Pattern: mediaTypes([]string{ct})})
		then := &jsonschema.Schema{Properties: jsonschema.NewProperties()}
		then.Properties.Set("body", bodies[i])
		b.allOf = append(b.allOf, &jsonschema.Schema{If: when, Then: then})
	}
}

// declaredSchema returns the schema resp declares for the media type ct
// (the first of that type), or nil.
func declaredSchema(resp *openapi.Response, ct string) *openapi.Schema {
	for _, m := range resp.Content {
		if m.Type == ct {
			return m.Schema
		}
	}
	return nil
}

// schema returns the branch.
func (b *shape) schema() *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "object", Title: b.title, Properties: jsonschema.NewProperties(), Required: []string{"statusCode"}}
	s.Properties.Set("statusCode", b.status)
	if b.headers != nil {
		s.Properties.Set("headers", b.headers)
		if len(b.headers.AllOf) > 0 { // a required header
			s.Required = append(s.Required, "headers")
		}
	}
	if b.ctypes != nil {
		s.Properties.Set("contentType", b.ctypes)
	}
	if b.body != nil {
		s.Properties.Set("body", b.body)
	}
	s.Required = append(s.Required, b.required...)
	s.AllOf = b.allOf
	return s
}

// isJSONMedia tells whether a media type is JSON (application/json, …+json).
func isJSONMedia(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(ct))
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}
