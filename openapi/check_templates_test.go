package openapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// TestTemplatePositions holds the exact line and column of each syntax
// error: the character the error points at, inside literal and folded
// blocks, double- and single-quoted strings, a multi-line flow scalar,
// and a JSON document; inside a CloudFormation template (whose bytes the
// document does not keep) the start of the value.
func TestTemplatePositions(t *testing.T) {
	pos := func(file string) string {
		var out []string
		for _, d := range runCheck(t, templatesCheck, file) {
			msg := d.Message
			i := strings.Index(msg, "(template line")
			out = append(out, fmt.Sprintf("%d:%d %s", d.Line, d.Column, msg[i:strings.Index(msg, ")")+1]))
		}
		return strings.Join(out, "\n")
	}
	want := `20:32 (template line 4, column 20)
27:17 (template line 1, column 1)
44:36 (template line 1, column 73)
52:81 (template line 3, column 9)
57:72 (template line 1, column 35)
59:32 (template line 1, column 22)`
	if got := pos(golden.Fixture(t, "checks/mapping-templates/syntax.yaml")); got != want {
		t.Errorf("YAML:\n%s\nwant\n%s", got, want)
	}
	want = `22:37 (template line 2, column 38)
29:41 (template line 3, column 1)`
	if got := pos(golden.Fixture(t, "checks/mapping-templates/template.yaml")); got != want {
		t.Errorf("template:\n%s\nwant\n%s", got, want)
	}
	src := "{\n  \"openapi\": \"3.0.1\", \"info\": {\"title\": \"j\", \"version\": \"1\"},\n  \"paths\": {\"/a\": {\"get\": {\n" +
		"    \"responses\": {\"200\": {\"description\": \"OK\"}},\n" +
		"    \"x-amazon-apigateway-integration\": {\"type\": \"mock\", \"requestTemplates\": {\n" +
		"      \"application/json\": \"{\\\"statusCode\\\": 200}\\n\\u00e9\\t#if($a\"\n" +
		"    }, \"responses\": {\"default\": {\"statusCode\": \"200\"}}}}}}\n}\n"
	docs, _, err := Load("a.json", []byte(src), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ds := templatesCheck.Run(docs[0])
	if len(ds) != 1 || ds[0].Line != 6 || ds[0].Column != 65 || !strings.Contains(ds[0].Message, "(template line 2, column 9)") {
		t.Errorf("JSON: %v", ds)
	}
}

// TestResponseShapes: what each response template of the shapes fixture
// gives when rendered offline.
func TestResponseShapes(t *testing.T) {
	docs, _, err := LoadFile(golden.Fixture(t, "checks/mapping-templates/shapes.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, op := range docs[0].Operations() {
		for _, s := range op.ResponseShapes() {
			got = append(got, fmt.Sprintf("%s %s %s %s: %s", op.Method, op.Path, s.Status, s.MediaType, s.Verdict))
		}
	}
	want := `GET /pets/{id} 200 application/json: mismatch
GET /pets/{id} 404 application/json: matches
GET /pets 200 application/json: mismatch
GET /pets 400 application/json: matches
GET /pets 502 text/plain: not rendered
POST /orders 201 application/json: mismatch
GET /broken 200 application/json: render failed
GET /heavy 200 application/json: not rendered`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got\n%s\nwant\n%s", g, want)
	}
}
