package openapi

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/specgen"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// semParseYAML reads text into its value node.
func semParseYAML(t *testing.T, text string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0]
}

func TestNodeAt(t *testing.T) {
	root := semParseYAML(t, `
paths:
  /a/{b}:
    get: {operationId: x}
  "~tilde": 1
list: [zero, {one: 1}]
base: &b {inherited: yes, over: base}
child:
  <<: *b
  over: child
alias: *b
"<<": literal
`)
	for _, tc := range []struct{ ptr, want string }{
		{"/paths/~1a~1{b}/get/operationId", "x"},
		{"/paths/~0tilde", "1"},
		{"/list/0", "zero"},
		{"/list/1/one", "1"},
		{"/list/01", ""},
		{"/list/2", ""},
		{"/list/-1", ""},
		{"/alias/inherited", "yes"},
		{"/child/inherited", "yes"},
		{"/child/over", "child"},
		{"/~3C~3C", ""},
		{"/<<", "literal"},
		{"/missing", ""},
		{"/paths/~1a~1{b}/post", ""},
	} {
		n := source.NodeAt(root, tc.ptr)
		got := ""
		if n != nil {
			got = n.Value
		}
		if got != tc.want {
			t.Errorf("source.NodeAt(%q) = %q, want %q", tc.ptr, got, tc.want)
		}
	}
	if source.NodeAt(root, "") != root {
		t.Error(`source.NodeAt("") is not root`)
	}
	if n, rest := source.NearestNode(root, "/paths/~1a~1{b}/post/responses", nil); n == nil || n.Kind != yaml.MappingNode || rest != "/post/responses" {
		t.Errorf("nearestNode: %v %q", n, rest)
	}
}

// check runs NewSemantic on YAML text and renders its diagnostics compactly.
func check(t *testing.T, text string) []string {
	t.Helper()
	s := NewSemantic(context.Background(), semParseYAML(t, text), SemanticOptions{})
	var out []string
	for _, d := range s.Diagnostics {
		out = append(out, fmt.Sprintf("%s %s %s %d:%d", d.Severity, d.Code, d.Pointer, d.Line, d.Column))
	}
	return out
}

const okHead = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"

func TestSemanticErrorPointers(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      string // one diagnostic: "severity code pointer line:col"
	}{
		{"conflicting paths", okHead + `paths:
  /a/{x}: {get: {responses: {'200': {description: ok}}}, parameters: [{name: x, in: path, required: true, schema: {type: string}}]}
  /a/{y}: {get: {responses: {'200': {description: ok}}}, parameters: [{name: y, in: path, required: true, schema: {type: string}}]}
`, "error APIGW055 /paths/~1a~1{y} 5:3"},
		{"path without slash", okHead + "paths:\n  a: {}\n", "warning APIGW057 /paths/a 4:3"},
		{"unsupported type", okHead + "paths: {}\ncomponents:\n  schemas:\n    E:\n      properties:\n        m: {type: Object}\n", "warning APIGW057 /components/schemas/E/properties/m/type 8:19"},
		{"missing responses", okHead + "paths:\n  /a:\n    get: {}\n", "info APIGW056 /paths/~1a/get 5:10"},
		{"extra field", okHead + "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      produces: [x]\n", "info APIGW056 /paths/~1a/get/produces 7:17"},
		{"duplicate operationId", okHead + "paths:\n  /a: {get: {operationId: o, responses: {'200': {description: ok}}}}\n  /b: {get: {operationId: o, responses: {'200': {description: ok}}}}\n", "info APIGW056 /paths/~1b/get/operationId 5:27"},
		{"path parameter", okHead + "paths:\n  /a/{id}:\n    get: {responses: {'200': {description: ok}}}\n", "info APIGW056 /paths/~1a~1{id}/get 5:10"},
		{"info missing version", "openapi: 3.0.1\ninfo: {title: t}\npaths: {}\n", "info APIGW056 /info 2:7"},
		{"unresolved ref", okHead + "paths:\n  /a:\n    get:\n      responses: {'200': {$ref: '#/components/responses/Nope'}}\n", "warning APIGW053 /paths/~1a/get/responses/200/$ref 6:33"},
		{"built-in model", okHead + "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Empty'}}}}}\n", "info APIGW053 /paths/~1a/get/responses/200/content/application~1json/schema/$ref 6:88"},
		{"built-in model, Swagger 2.0", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: {'200': {description: ok, schema: {$ref: '#/definitions/Error'}}}}\n", "info APIGW053 /paths/~1a/get/responses/200/schema/$ref 5:63"},
		{"not a built-in model", okHead + "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}}\n", "warning APIGW053 /paths/~1a/get/responses/200/content/application~1json/schema/$ref 6:88"},
		{"tags of the wrong shape", okHead + "tags: pets\npaths: {}\n", "info APIGW050 /tags 3:7"},
		{"servers of the wrong shape", okHead + "servers: {url: 'https://a.example'}\npaths: {}\n", "warning APIGW050 /servers 3:10"},
		{"external ref", okHead + "paths:\n  /a: {$ref: 'other.yaml#/a'}\n", "error APIGW052 /paths/~1a/$ref 4:14"},
		{"wrong shape", okHead + "paths:\n  /a:\n    get: [1]\n", "warning APIGW050 /paths/~1a/get 5:10"},
		{"no version", "info: {title: t}\n", "error APIGW051  1:1"},
		{"version 2", "openapi: 2.0.0\n", "error APIGW051 /openapi 1:10"},
		{"swagger wrong shape", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: {'200': {description: [x]}}}\n", "warning APIGW050 /paths/~1a/get/responses/200/description 5:44"},
		{"swagger definition wrong shape", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  D: {type: object, required: yes}\n", "warning APIGW050 /definitions/D/required 5:31"},
		{"alias cycle", okHead + "paths: {}\ncomponents:\n  schemas:\n    A: &a {properties: {p: *a}}\n", "error APIGW050 /components/schemas/A/properties/p 6:28"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.doc)
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSemanticAcceptsWhatAPIGatewayAccepts(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"version as number", "openapi: 3.0.1\ninfo: {title: t, version: 1.0}\npaths: {}\n"},
		{"swagger as number", "swagger: 2.0\ninfo: {title: t, version: '1'}\npaths: {}\n"},
		{"intrinsics", okHead + `paths:
  /a:
    get:
      responses: {'200': {description: !Sub "${X}"}}
      x-amazon-apigateway-integration: {uri: {Fn::Sub: "arn:${AWS::Region}"}, type: aws_proxy}
  /b:
    Fn::If: [C, {get: {responses: {'200': {description: ok}}}}, {Ref: AWS::NoValue}]
`},
		{"lookahead pattern", okHead + "paths: {}\ncomponents: {schemas: {S: {type: string, pattern: '^(?!x).*$'}}}\n"},
		{"bad example", okHead + "paths: {}\ncomponents: {schemas: {S: {type: integer, example: abc}}}\n"},
		{"http api default route", okHead + "paths:\n  $default: {x-amazon-apigateway-any-method: {}}\n"},
		{"ref in example data", okHead + "paths: {}\ncomponents: {examples: {E: {value: {$ref: 'https://x'}}}}\n"},
		{"openapi 3.1", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents: {schemas: {S: {type: [string, 'null']}}}\n"},
		{"timestamp", okHead + "paths: {}\ncomponents: {schemas: {S: {type: string, example: 2020-01-01}}}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := check(t, tc.doc); len(got) != 0 {
				t.Errorf("unexpected diagnostics %q", got)
			}
		})
	}
}

func TestSemanticSwagger2(t *testing.T) {
	s := NewSemantic(context.Background(), semParseYAML(t, `swagger: "2.0"
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      responses: {'200': {description: ok, schema: {$ref: Pets}}}
definitions:
  Pets: {type: array, items: {type: string}}
`), SemanticOptions{Pointer: "/Resources/Api/Properties/Body"})
	if s.Swagger2 == nil || s.V3 == nil {
		t.Fatalf("views: v2 %v v3 %v", s.Swagger2 != nil, s.V3 != nil)
	}
	if len(s.Diagnostics) != 1 || s.Diagnostics[0].Pointer != "/Resources/Api/Properties/Body/paths/~1pets/get/responses/200/schema/$ref" {
		t.Errorf("diagnostics %v", s.Diagnostics)
	}
	if got := s.V3.Paths.Value("/pets").Get.Responses.Value("200").Value.Content["application/json"].Schema.Value.Type.Slice(); len(got) != 1 || got[0] != "array" {
		t.Errorf("converted schema type %v", got)
	}
}

func TestSemanticDoesNotModifyTree(t *testing.T) {
	text := "openapi: 3.0.1\ninfo: {title: !Sub '${A}', version: 1.0}\npaths: {}\n"
	root := semParseYAML(t, text)
	NewSemantic(context.Background(), root, SemanticOptions{})
	if got := source.NodeAt(root, "/info/title").Tag; got != "!Sub" {
		t.Errorf("title tag became %q", got)
	}
	if got := source.NodeAt(root, "/info/version").Tag; got != "!!float" {
		t.Errorf("version tag became %q", got)
	}
}

func TestSemanticExternalRefAllowed(t *testing.T) {
	var asked []string
	opts := SemanticOptions{ReadFromURI: func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		asked = append(asked, u.String())
		return []byte("type: string\n"), nil
	}}
	s := NewSemantic(context.Background(), semParseYAML(t, okHead+"paths: {}\ncomponents: {schemas: {S: {$ref: 'other.yaml'}}}\n"), opts)
	if len(s.Diagnostics) != 0 || strings.Join(asked, ",") != "other.yaml" {
		t.Errorf("diagnostics %v, asked %v", s.Diagnostics, asked)
	}
	if s.V3.Components.Schemas["S"].Value == nil {
		t.Error("external schema not resolved")
	}
	_ = diag.Error
}

func TestSemanticFromBytesOnly(t *testing.T) {
	s := NewSemantic(context.Background(), nil, SemanticOptions{Data: []byte(`{"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"$ref":"#/nope"}}}}}}`)})
	if s.V3 == nil || len(s.Diagnostics) != 1 || s.Diagnostics[0].Code != diag.RefUnresolved || s.Diagnostics[0].Column != 104 {
		t.Errorf("got %v", s.Diagnostics)
	}
}

func TestSemanticExtensionValues(t *testing.T) {
	text := okHead + "paths: {}\nx-amazon-apigateway-request-validator: all\n"
	for _, keep := range []bool{false, true} {
		s := NewSemantic(context.Background(), semParseYAML(t, text), SemanticOptions{KeepExtensionValues: keep})
		v, ok := s.V3.Extensions["x-amazon-apigateway-request-validator"]
		if !ok {
			t.Fatalf("keep=%v: extension missing", keep)
		}
		if _, isString := v.(string); isString != keep {
			t.Errorf("keep=%v: value %#v", keep, v)
		}
	}
}

func TestSemanticSharedSchemaReportedOnce(t *testing.T) {
	text := okHead + `paths:
  /a: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/S'}}}}}}}
  /b: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/S'}}}}}}}
components:
  schemas:
    S: {type: object, properties: {n: {type: Int}}}
`
	root := semParseYAML(t, text)
	s := NewSemantic(context.Background(), root, SemanticOptions{})
	if len(s.Diagnostics) != 1 || s.Diagnostics[0].Pointer != "/components/schemas/S/properties/n/type" {
		t.Errorf("diagnostics %v", s.Diagnostics)
	}
	got := s.V3.Paths.Value("/b").Get.Responses.Value("200").Value.Content["application/json"].Schema.Value
	if got != s.V3.Components.Schemas["S"].Value {
		t.Error("the $ref's target was not put back after validation")
	}
}

func TestSemanticOddInputs(t *testing.T) {
	for _, text := range []string{
		"hello", "[1, 2]", "openapi: 3.0.1", "openapi: 3.0.1\npaths: null", "openapi: [3]",
		"openapi: 3.0.1\npaths: [a]", "swagger: '2.0'\npaths: [a]", "swagger: '2.0'\ndefinitions: {a: 1}",
		"openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a: 1\n", "openapi: 3.0.1\ncomponents: {schemas: {a: {$ref: '#/components/schemas/a'}}}",
	} {
		s := NewSemantic(context.Background(), semParseYAML(t, text), SemanticOptions{})
		if len(s.Diagnostics) == 0 {
			t.Errorf("%q: no diagnostics", text)
		}
	}
	if s := NewSemantic(context.Background(), nil, SemanticOptions{Data: []byte("{")}); len(s.Diagnostics) != 1 || s.Diagnostics[0].Code != diag.SemanticDecode {
		t.Errorf("unparsable bytes: %v", s.Diagnostics)
	}
}

// TestSemanticSwagger2ConversionFails checks that a Swagger 2.0 document
// kin-openapi cannot convert to OpenAPI 3 (a host with a scheme) gets a
// warning saying which checks were skipped, not an error.
func TestSemanticSwagger2ConversionFails(t *testing.T) {
	text := "swagger: '2.0'\ninfo: {title: t, version: '1'}\nhost: https://api.example.com\npaths: {}\n"
	s := NewSemantic(context.Background(), semParseYAML(t, text), SemanticOptions{})
	if len(s.Diagnostics) != 1 || s.Diagnostics[0].Code != diag.SemanticConvert || s.Diagnostics[0].Severity != diag.Warning ||
		!strings.Contains(s.Diagnostics[0].Message, "invalid host") {
		t.Fatalf("diagnostics %v, want one warning %s about the host", s.Diagnostics, diag.SemanticConvert)
	}
	if s.Swagger2 == nil || s.V3 != nil {
		t.Errorf("V2 %v, V3 %v: want the Swagger 2.0 view only", s.Swagger2 != nil, s.V3 != nil)
	}
}

func TestSemanticConcurrent(t *testing.T) {
	data := specgen.JSON(200) // enough path items for the parallel decode
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	done := make(chan int)
	for range 3 {
		go func() {
			s := NewSemantic(context.Background(), &doc, SemanticOptions{})
			done <- len(s.Diagnostics) + 1000*boolInt(s.V3 == nil || s.V3.Paths.Len() != 200)
		}()
	}
	for range 3 {
		if n := <-done; n != 0 {
			t.Errorf("got %d diagnostics (or a wrong model)", n)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
