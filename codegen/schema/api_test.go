package schema

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
	sj "github.com/santhosh-tekuri/jsonschema/v6"
)

// apiCases are the fixtures/schema/api-*.yaml documents, by golden folder.
var apiCases = []string{"api-lambda", "api-proxy", "api-swagger"}

// forFixture runs ForAPI on fixtures/schema/<name>.yaml.
func forFixture(t testing.TB, name string, opts APIOptions) ([]File, []diag.Diagnostic) {
	t.Helper()
	docs, diags, err := openapi.LoadFile(golden.Fixture(t, "schema/"+name+".yaml"), openapi.LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load %s: %v %v", name, err, diags)
	}
	files, fdiags, err := ForAPI(docs[0], opts)
	if err != nil {
		t.Fatal(err)
	}
	return files, fdiags
}

func TestAPIGolden(t *testing.T) {
	for _, name := range apiCases {
		t.Run(name, func(t *testing.T) {
			files, diags := forFixture(t, name, APIOptions{})
			if len(files) == 0 {
				t.Fatalf("no files: %v", diags)
			}
			for _, f := range files {
				golden.Assert(t, "schema/"+name+"/"+f.Name, f.Data)
			}
			var text bytes.Buffer
			for _, d := range diags {
				d.File = filepath.Base(d.File)
				text.WriteString(d.String() + "\n")
			}
			golden.Assert(t, "schema/"+name+"/diagnostics.txt", text.Bytes())
		})
	}
}

// metaSchema is the 2020-12 meta-schema, built into the compiler.
func metaSchema(t testing.TB) *sj.Schema {
	t.Helper()
	m, err := sj.NewCompiler().Compile("https://json-schema.org/draft/2020-12/schema")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// compileFile compiles one generated schema; checkMeta validates it as an
// instance of the 2020-12 meta-schema first.
func compileFile(t testing.TB, meta *sj.Schema, f File) (*sj.Compiler, string) {
	t.Helper()
	v, err := sj.UnmarshalJSON(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	if err := meta.Validate(v); err != nil {
		t.Fatalf("%s is not a valid 2020-12 schema: %v", f.Name, err)
	}
	c := sj.NewCompiler()
	url := "mem://api/" + f.Name
	if err := c.AddResource(url, v); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Compile(url); err != nil {
		t.Fatalf("%s does not compile: %v", f.Name, err)
	}
	return c, url
}

func TestAPIMetaSchema(t *testing.T) {
	meta := metaSchema(t)
	for _, name := range apiCases {
		files, _ := forFixture(t, name, APIOptions{})
		for _, f := range files {
			if f.Name != IndexFile {
				compileFile(t, meta, f)
			}
		}
	}
}

// sample is a response that must validate against the branch of its status
// code (branch ≥ 0) and fail against every other, or fail everywhere (branch -1).
type sample struct {
	name   string
	json   string
	branch int
}

// sampleCase is the samples of one generated file.
type sampleCase struct {
	fixture, file string
	samples       []sample
}

// apiSamples are responses checked against the schemas of the fixtures, by
// TestAPISamples here and by TestSchemasInAjv in JavaScript.
func apiSamples(t testing.TB) []sampleCase {
	orderExample := exampleAt(t, "api-proxy", "/paths/~1orders/post/responses/201/content/application~1json/example")
	return []sampleCase{
		{"api-lambda", "get-pets-petId.json", []sample{
			{"200", `{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*","X-Request-Id":"r-1","Cache-Control":"no-cache"},"contentType":"application/json","body":{"id":1,"name":"Rex","tag":null,"owner":null}}`, 0},
			{"200 without the optional backend header", `{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*","X-Request-Id":"r-1"},"contentType":"application/json","body":{"id":1,"name":"Rex","owner":{"name":"Ann"}}}`, 0},
			{"400", `{"statusCode":400,"headers":{"Access-Control-Allow-Origin":"*"},"contentType":"application/json","body":{"message":"[BadRequest] petId"}}`, 1},
			{"404 as JSON", `{"statusCode":404,"headers":{"Access-Control-Allow-Origin":"*","X-Error-Type":"NotFound"},"contentType":"application/json","body":{"message":"not found"}}`, 2},
			{"404 as text", `{"statusCode":404,"headers":{"Access-Control-Allow-Origin":"*","X-Error-Type":"NotFound"},"contentType":"text/plain","body":"not found"}`, 2},
			{"id 0 is not above the exclusive minimum", `{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*","X-Request-Id":"r"},"contentType":"application/json","body":{"id":0,"name":"Rex"}}`, -1},
			{"name is not nullable", `{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*","X-Request-Id":"r"},"contentType":"application/json","body":{"id":1,"name":null}}`, -1},
			{"context header always mapped", `{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*"},"contentType":"application/json","body":{"id":1,"name":"Rex"}}`, -1},
			{"static header has its value", `{"statusCode":404,"headers":{"Access-Control-Allow-Origin":"*","X-Error-Type":"Gone"},"contentType":"application/json","body":{"message":"x"}}`, -1},
			{"template media types only", `{"statusCode":400,"headers":{"Access-Control-Allow-Origin":"*"},"contentType":"text/html","body":"x"}`, -1},
			{"404 JSON body must be the model", `{"statusCode":404,"headers":{"Access-Control-Allow-Origin":"*","X-Error-Type":"NotFound"},"contentType":"application/json","body":"not found"}`, -1},
			{"no integration response gives 500", `{"statusCode":500,"headers":{},"contentType":"application/json","body":{"message":"Internal server error"}}`, -1},
			{"header names in any case, media type with parameters", `{"statusCode":200,"headers":{"access-control-allow-origin":"*","x-request-id":"r-1"},"contentType":"application/json; charset=utf-8","body":{"id":1,"name":"Rex"}}`, 0},
			{"media type in any case", `{"statusCode":404,"headers":{"ACCESS-CONTROL-ALLOW-ORIGIN":"*","X-ERROR-TYPE":"NotFound"},"contentType":"Text/Plain;charset=UTF-8","body":"not found"}`, 2},
			{"a mapped value checked whatever the name's case", `{"statusCode":404,"headers":{"access-control-allow-origin":"*","x-error-type":"Gone"},"contentType":"text/plain","body":"x"}`, -1},
			{"a required header missing in every case", `{"statusCode":200,"headers":{"access-control-allow-origin":"*","x-request":"r"},"contentType":"application/json","body":{"id":1,"name":"Rex"}}`, -1},
			{"parameters after a media type only", `{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*","X-Request-Id":"r"},"contentType":"application/jsonx","body":{"id":1,"name":"Rex"}}`, -1},
		}},
		{"api-proxy", "post-orders.json", []sample{
			{"201 with the document's example", `{"statusCode":201,"headers":{"Location":"https://x/orders/1"},"contentType":"application/json","body":` + orderExample + `}`, 0},
			{"409", `{"statusCode":409,"contentType":"application/json","body":{"title":"exists"}}`, 1},
			{"404 falls in 4XX", `{"statusCode":404,"contentType":"application/problem+json","body":{"title":"nope","status":404}}`, 2},
			{"503 is the default", `{"statusCode":503,"headers":{"Retry-After":"5"},"body":"whatever"}`, 3},
			{"Location is required", `{"statusCode":201,"headers":{},"contentType":"application/json","body":` + orderExample + `}`, -1},
			{"nullable enum takes null but not other text", `{"statusCode":201,"headers":{"Location":"x"},"contentType":"application/json","body":{"id":"a","total":1,"status":"closed"}}`, -1},
			{"409 has no problem+json", `{"statusCode":409,"contentType":"application/problem+json","body":{"title":"x"}}`, -1},
		}},
		{"api-proxy", "any-orders-id.json", []sample{
			{"200", `{"statusCode":200,"contentType":"application/json","body":{"id":"a","total":1,"status":null,"items":[{"id":"b","total":2,"status":"paid"}]}}`, 0},
			{"recursive items are checked", `{"statusCode":200,"contentType":"application/json","body":{"id":"a","total":1,"status":null,"items":[{"id":"b"}]}}`, -1},
		}},
		{"api-swagger", "get-users-id.json", []sample{
			{"200", `{"statusCode":200,"headers":{"X-Version":"v1"},"contentType":"application/json","body":{"id":"u1","age":149,"email":null}}`, 0},
			{"500", `{"statusCode":500,"contentType":"application/json","body":{}}`, 1},
			{"exclusive maximum from Swagger", `{"statusCode":200,"headers":{"X-Version":"v1"},"contentType":"application/json","body":{"id":"u1","age":150}}`, -1},
			{"stage variable header always mapped", `{"statusCode":200,"contentType":"application/json","body":{"id":"u1"}}`, -1},
		}},
	}
}

func TestAPISamples(t *testing.T) {
	for _, tc := range apiSamples(t) {
		t.Run(tc.fixture+"/"+tc.file, func(t *testing.T) {
			files, _ := forFixture(t, tc.fixture, APIOptions{})
			var f File
			for _, g := range files {
				if g.Name == tc.file {
					f = g
				}
			}
			if f.Data == nil {
				t.Fatalf("no %s", tc.file)
			}
			c, url := compileFile(t, metaSchema(t), f)
			whole, _ := c.Compile(url)
			var doc struct{ OneOf []any }
			if err := json.Unmarshal(f.Data, &doc); err != nil {
				t.Fatal(err)
			}
			branches := make([]*sj.Schema, len(doc.OneOf))
			for i := range branches {
				b, err := c.Compile(url + "#/oneOf/" + strconv.Itoa(i))
				if err != nil {
					t.Fatal(err)
				}
				branches[i] = b
			}
			for _, s := range tc.samples {
				v, err := sj.UnmarshalJSON(strings.NewReader(s.json))
				if err != nil {
					t.Fatalf("%s: %v", s.name, err)
				}
				if err := whole.Validate(v); (err == nil) != (s.branch >= 0) {
					t.Errorf("%s: schema says %v", s.name, err)
				}
				for i, b := range branches {
					if err := b.Validate(v); (err == nil) != (i == s.branch) {
						t.Errorf("%s: branch %d says %v", s.name, i, err)
					}
				}
			}
		})
	}
}

// exampleAt returns the JSON of the example at pointer in a fixture.
func exampleAt(t testing.TB, fixture, pointer string) string {
	t.Helper()
	docs, _, err := openapi.LoadFile(golden.Fixture(t, "schema/"+fixture+".yaml"), openapi.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := source.NodeAt(docs[0].Root, pointer)
	if n == nil {
		t.Fatalf("nothing at %s", pointer)
	}
	raw, err := rawJSON(n)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
