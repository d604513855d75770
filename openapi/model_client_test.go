package openapi_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
)

// loadText loads a document written inline.
func loadText(t *testing.T, text string) *openapi.Document {
	docs, diags, err := openapi.Load("doc.yaml", []byte(text), openapi.LoadOptions{})
	if len(docs) != 1 {
		t.Fatalf("load: %v %v", err, diags)
	}
	return docs[0]
}

func TestFollowOnce(t *testing.T) {
	d := loadText(t, `openapi: 3.0.1
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    A: {$ref: "#/components/schemas/B"}
    B: {$ref: "#/components/schemas/C"}
    C: {type: string}
    D: {$ref: "#/components/schemas/Missing"}
`)
	a := d.Schemas[0]
	got, ok := d.FollowOnce(a.Node, a.Pointer)
	if !ok || got.Pointer != "/components/schemas/B" || got.Node != d.Schemas[1].Node {
		t.Errorf("A: %+v %v", got, ok)
	}
	if all, ok := d.Follow(a.Node, a.Pointer); !ok || all.Node != d.Schemas[2].Node {
		t.Errorf("Follow goes to the end: %+v", all)
	}
	c := d.Schemas[2]
	if got, ok := d.FollowOnce(c.Node, c.Pointer); !ok || got.Node != c.Node || got.Pointer != c.Pointer {
		t.Errorf("a schema that is no reference is itself: %+v %v", got, ok)
	}
	if _, ok := d.FollowOnce(d.Schemas[3].Node, d.Schemas[3].Pointer); ok {
		t.Error("a reference to nothing resolves")
	}
}

func TestFollowOnceInAnotherFile(t *testing.T) {
	dir := "../fixtures/load/refs"
	docs, diags, err := openapi.LoadFile(filepath.Join(dir, "api.yaml"), openapi.LoadOptions{AllowRefs: dir})
	if err != nil || len(docs) != 1 {
		t.Fatal(err, diags)
	}
	d := docs[0]
	r := d.Operation("/pets", "GET").Response("200")
	s := r.Content[0].Schema // {$ref: "pet.yaml"}, written in shared/responses.yaml
	pet, ok := d.FollowOnce(s.Node, s.Pointer)
	if !ok || pet.File != "shared/pet.yaml" || pet.Pointer != "" || source.Scalar(source.Get(pet.Node, "type")) != "object" {
		t.Errorf("a reference written in another file resolves from there: %+v %v", pet, ok)
	}
	if self, ok := d.FollowOnce(r.Node, r.Pointer); !ok || self.File != "shared/responses.yaml" || self.Node != r.Node {
		t.Errorf("a value that is no reference is itself, in its file: %+v %v", self, ok)
	}
}

const integrationResponsesDoc = `openapi: 3.0.1
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {description: ok, headers: {X-A: {schema: {type: string}}, X-N: {schema: {type: string}}}}
        "404": {description: missing}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations
        responses:
          "Not.*": {statusCode: "404"}
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.X-A: "'a'"
              method.response.header.X-N: 5
            responseTemplates: {application/json: "{}"}
          "Gone.*": {statusCode: "404", responseTemplates: {text/plain: gone}}
`

func TestIntegrationResponses(t *testing.T) {
	d := loadText(t, integrationResponsesDoc)
	got := fmt.Sprint(d.Operation("/a", "GET").IntegrationResponses())
	// 404 comes from the later entry; X-N's value is a number, which import drops.
	want := "[{200  map[method.response.header.X-A:'a'] map[application/json:{}] } {404 Gone.* map[] map[text/plain:gone] }]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	proxy := loadText(t, `openapi: 3.0.1
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses: {"200": {description: ok}}
`)
	if rs := proxy.Operation("/a", "GET").IntegrationResponses(); rs != nil {
		t.Errorf("no integration: %v", rs)
	}
}

// The integration responses API Gateway creates, one per status code.
func ExampleOperation_IntegrationResponses() {
	docs, _, _ := openapi.Load("api.yaml", []byte(integrationResponsesDoc), openapi.LoadOptions{})
	for _, r := range docs[0].Operation("/a", "GET").IntegrationResponses() {
		fmt.Printf("%s %q %v\n", r.StatusCode, r.SelectionPattern, r.ResponseParameters)
	}
	// Output:
	// 200 "" map[method.response.header.X-A:'a']
	// 404 "Gone.*" map[]
}

// A schema that refers to another, one step at a time.
func ExampleDocument_FollowOnce() {
	docs, _, _ := openapi.Load("api.yaml", []byte(`openapi: 3.0.1
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    Pet: {$ref: "#/components/schemas/Animal"}
    Animal: {type: object}
`), openapi.LoadOptions{})
	d := docs[0]
	pet := d.Schemas[0]
	t, ok := d.FollowOnce(pet.Node, pet.Pointer)
	fmt.Println(t.Pointer, ok)
	// Output:
	// /components/schemas/Animal true
}
