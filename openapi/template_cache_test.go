package openapi

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/vtl"
)

func TestTemplateCacheKeepsRecentTemplates(t *testing.T) {
	var c templateCache
	text := func(i int) string { return fmt.Sprintf(`{"id": "$input.params('id')", "n": %d}`, i) }
	first, _ := c.parse("application/json", text(0))
	if again, _ := c.parse("application/json", text(0)); again != first {
		t.Fatal("the same text was parsed again while it was the most recent")
	}
	if other, _ := c.parse("text/plain", text(0)); other == first {
		t.Fatal("another media type got the same parse tree")
	}
	n := 2 * templateCacheText / len(text(0))
	for i := 1; i <= n; i++ {
		c.parse("application/json", text(i))
	}
	if c.text > templateCacheText {
		t.Errorf("the cache keeps %d bytes of text, more than %d", c.text, templateCacheText)
	}
	if got, want := c.len(), templateCacheText/len(text(n)); got < want/2 || got > want+1 {
		t.Errorf("the cache keeps %d templates, want about %d", got, want)
	}
	last, _ := c.parse("application/json", text(n))
	if again, _ := c.parse("application/json", text(n)); again != last {
		t.Error("the most recent template was parsed again")
	}
	if again, _ := c.parse("application/json", text(0)); again == first {
		t.Error("the oldest template is still kept after twice the cache's text")
	}
	sum := 0
	for e := c.recent.Front(); e != nil; e = e.Next() {
		sum += len(e.Value.(*cachedTemplate).key.text)
	}
	if sum != c.text || len(c.parsed) != c.recent.Len() {
		t.Errorf("the cache's count (%d bytes, %d keys) disagrees with its list (%d bytes, %d entries)", c.text, len(c.parsed), sum, c.recent.Len())
	}
}

func TestTemplateCacheUseKeepsATemplate(t *testing.T) {
	var c templateCache
	shared := `#set($m = $input.path('$.errorMessage')){"message": "$m"}`
	want, _ := c.parse("application/json", shared)
	for i := range 4 * templateCacheText / 40 {
		c.parse("application/json", fmt.Sprintf(`{"operation": "operation%06d"}`, i))
		if i%100 == 0 {
			if got, _ := c.parse("application/json", shared); got != want {
				t.Fatalf("a template used every 100 others was dropped after %d", i)
			}
		}
	}
}

func TestTemplateCacheLargeTemplate(t *testing.T) {
	var c templateCache
	big := strings.Repeat("$context.requestId ", 2*templateCacheText/19)
	want, _ := c.parse("application/json", big)
	if got, _ := c.parse("application/json", big); got != want || c.len() != 1 {
		t.Errorf("a template larger than the cache was not kept as the last one (%d kept)", c.len())
	}
	c.parse("application/json", "{}")
	if c.len() != 1 || c.text != 2 {
		t.Errorf("after a small template the cache keeps %d templates, %d bytes; want the small one alone", c.len(), c.text)
	}
}

func TestTemplateCacheSyntaxError(t *testing.T) {
	var c templateCache
	tmpl, err := c.parse("application/json", "#if($x)")
	if tmpl != nil || err == nil {
		t.Fatalf("parse of an unclosed #if: template %v, error %v", tmpl, err)
	}
	if _, again := c.parse("application/json", "#if($x)"); again != err {
		t.Error("the syntax error was not kept")
	}
}

func TestTemplateCacheConcurrent(t *testing.T) {
	var c templateCache
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3000 {
				text := fmt.Sprintf(`{"n": %d}`, (i*7+g)%500)
				tmpl, err := c.parse("application/json", text)
				if err != nil || tmpl == nil {
					t.Errorf("%s: %v", text, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if c.text > templateCacheText || len(c.parsed) != c.recent.Len() {
		t.Errorf("after concurrent use: %d bytes, %d keys, %d entries", c.text, len(c.parsed), c.recent.Len())
	}
}

// TestTemplateCacheBoundsADocument checks a document with more template
// text than the cache keeps: the cache stays within its bound, and the
// findings (syntax errors, MOCK status codes, found again after a template
// was dropped) are those of a cache that keeps every template.
func TestTemplateCacheBoundsADocument(t *testing.T) {
	data := mockTemplatesDoc(300)
	check := func(limit int) ([]diag.Diagnostic, *Document) {
		docs, _, err := Load("api.json", data, LoadOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("load: %v (%d documents)", err, len(docs))
		}
		docs[0].templates.limit = limit
		return Check(docs[0]), docs[0]
	}
	bounded, d := check(0)
	all, full := check(1 << 40)
	if full.templates.text <= templateCacheText {
		t.Fatalf("the document has %d bytes of template text; the test needs more than the cache keeps", full.templates.text)
	}
	if d.templates.text > templateCacheText || d.templates.len() >= full.templates.len() {
		t.Errorf("the cache keeps %d templates (%d bytes of text) of %d", d.templates.len(), d.templates.text, full.templates.len())
	}
	codes := map[diag.Code]int{}
	for _, f := range bounded {
		codes[f.Code]++
	}
	if codes[diag.TemplateSyntax] != 150 || codes[diag.TemplateMockStatus] != 100 {
		t.Errorf("findings by code: %v; want 150 APIGW440 and 100 APIGW444", codes)
	}
	if !reflect.DeepEqual(bounded, all) {
		t.Errorf("findings differ: %d with the bounded cache, %d with every template kept", len(bounded), len(all))
	}
}

// mockTemplatesDoc is an OpenAPI document of n MOCK operations, each with
// its own request and response template of about 600 bytes: every second
// response template does not parse, every third request template gives no
// statusCode.
func mockTemplatesDoc(n int) []byte {
	pad := strings.Repeat("x", 560)
	var b strings.Builder
	b.WriteString(`{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		req := fmt.Sprintf(`{"statusCode": 200, "n": %d, "pad": "%s"}`, i, pad)
		if i%3 == 1 {
			req = fmt.Sprintf(`{"n": %d, "pad": "%s"}`, i, pad)
		}
		resp := fmt.Sprintf(`{"n": %d, "pad": "%s"}`, i, pad)
		if i%2 == 0 {
			resp = fmt.Sprintf(`#if($x) %d %s`, i, pad)
		}
		fmt.Fprintf(&b, `"/r%d": {"get": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": %q}, "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": %q}}}}}}`, i, req, resp)
	}
	b.WriteString("}}")
	return []byte(b.String())
}

// TestTemplateCacheKeepsRepeatedTemplates uses more templates than the
// recent ones hold, in turn, as a document that repeats them across
// operations far apart does: each is parsed twice at most, then kept.
func TestTemplateCacheKeepsRepeatedTemplates(t *testing.T) {
	var c templateCache
	pad := strings.Repeat(" ", 1000)
	n := 3 * templateCacheText / len(pad)
	round := func() []*vtl.Template {
		out := make([]*vtl.Template, n)
		for i := range out {
			out[i], _ = c.parse("application/json", fmt.Sprintf(`{"n": %d}%s`, i, pad))
		}
		return out
	}
	first, second, third := round(), round(), round()
	for i := range n {
		if third[i] != second[i] {
			t.Fatalf("template %d of %d was parsed a third time", i, n)
		}
	}
	if first[0] == second[0] {
		t.Fatal("the first template was still kept after the others: the test does not exceed the cache")
	}
	if got := c.len(); got != n || c.text > templateCacheText {
		t.Errorf("the cache keeps %d templates, %d of them recent (%d bytes of text); want all %d", got, c.recent.Len(), c.text, n)
	}
}
