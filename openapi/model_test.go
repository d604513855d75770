package openapi

import (
	"fmt"
	"strings"
	"testing"
)

func loadModel(t *testing.T, path string) *Document {
	t.Helper()
	docs, diags, err := LoadFile(path, LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load %s: %v %v", path, err, diags)
	}
	return docs[0]
}

// paramText renders parameters as "in:name:required@pointer".
func paramText(ps []*Parameter) string {
	var b []string
	for _, p := range ps {
		b = append(b, fmt.Sprintf("%s:%s:%v@%s", p.In, p.Name, p.Required, p.Pointer))
	}
	return strings.Join(b, " ")
}

func TestModelParameters(t *testing.T) {
	d := loadModel(t, "../fixtures/model/oas30.yaml")
	get := d.Operation("/pets/{petId}", "GET")
	want := "path:petId:true@/components/parameters/PetId header:trace:false@/paths/~1pets~1{petId}/get/parameters/3 " +
		"query:verbose:true@/paths/~1pets~1{petId}/get/parameters/0 query:quiet:true@/paths/~1pets~1{petId}/get/parameters/1 " +
		"query:limit:false@/paths/~1pets~1{petId}/get/parameters/2"
	if got := paramText(get.Parameters); got != want {
		t.Errorf("parameters:\n got %s\nwant %s", got, want)
	}
	if p := get.Parameter("path", "petId"); p == nil || p.At != "/paths/~1pets~1{petId}/parameters/0" || p.Schema == nil || p.Schema.Pointer != "/components/parameters/PetId/schema" {
		t.Errorf("petId: %+v", p)
	}
	if get.ID != "getPet" || get.Label() != "getPet" || len(get.Tags) != 1 || !get.IsProxy() {
		t.Errorf("operation facts: %q %q %v %v", get.ID, get.Label(), get.Tags, get.IsProxy())
	}
	if post := d.Operation("/pets/{petId}", "POST"); post.Label() != "POST /pets/{petId}" || post.IsProxy() {
		t.Errorf("post: %q %v", post.Label(), post.IsProxy())
	}
}

func TestModelResponsesAndBodies(t *testing.T) {
	d := loadModel(t, "../fixtures/model/oas30.yaml")
	get := d.Operation("/pets/{petId}", "GET")
	ok := get.Response("200")
	if ok == nil || ok.Pointer != "/components/responses/Pet" || ok.Description != "a pet" || len(ok.Headers) != 1 || ok.Headers[0].Name != "X-Request-Id" {
		t.Fatalf("200: %+v", ok)
	}
	s := ok.Content[0].Schema
	if ok.Content[0].Type != "application/json" || s.Ref != "#/components/schemas/Pet" || s.Name != "Pet" || s.TargetPointer != "/components/schemas/Pet" || !s.Resolved {
		t.Errorf("200 schema: %+v", s)
	}
	if get.Response("500") != nil || len(get.Responses) != 2 {
		t.Errorf("responses: %d", len(get.Responses))
	}
	post := d.Operation("/pets/{petId}", "POST")
	if b := post.Body; b == nil || !b.Required || len(b.Content) != 1 || b.Content[0].Schema.Name != "Pet" {
		t.Errorf("body: %+v", post.Body)
	}
}

func TestModelSecurity(t *testing.T) {
	d := loadModel(t, "../fixtures/model/oas30.yaml")
	if !d.HasSecurity || len(d.Security) != 1 || d.Security[0].Schemes[0].Name != "api_key" {
		t.Errorf("root security: %+v", d.Security)
	}
	if s := d.SecurityScheme("api_key"); s == nil || s.Type != "apiKey" || s.In != "header" || s.ParamName != "x-api-key" {
		t.Errorf("scheme: %+v", s)
	}
	reqs, ok := d.Operation("/pets/{petId}", "GET").EffectiveSecurity()
	if !ok || len(reqs) != 0 {
		t.Errorf("get turns security off: %v %v", reqs, ok)
	}
	reqs, ok = d.Operation("/pets/{petId}", "POST").EffectiveSecurity()
	if !ok || len(reqs) != 1 {
		t.Errorf("post inherits the document's security: %v %v", reqs, ok)
	}
}

func TestModelSwagger(t *testing.T) {
	d := loadModel(t, "../fixtures/model/swagger.yaml")
	post := d.Operation("/pets", "POST")
	if b := post.Body; b == nil || !b.Form || len(b.Content) != 1 || b.Content[0].Type != "application/x-www-form-urlencoded" {
		t.Errorf("form body: %+v", post.Body)
	}
	if got := paramText(post.Parameters); got != "formData:name:true@/paths/~1pets/post/parameters/0" {
		t.Errorf("parameters: %s", got)
	}
	r := post.Response("200")
	if len(r.Content) != 2 || r.Content[1].Type != "application/xml" || r.Content[0].Schema.Name != "Pet" || !r.Content[0].Schema.Resolved {
		t.Errorf("produces with a bare $ref: %+v", r.Content)
	}
	if r.Headers[0].Schema == nil || scalarAt(r.Headers[0].Schema.Target, "type") != "integer" {
		t.Errorf("swagger header schema: %+v", r.Headers[0])
	}
	put := d.Operation("/pets", "PUT")
	if b := put.Body; b == nil || b.Form || !b.Required || len(b.Content) != 1 || b.Content[0].Type != "application/json" || b.Content[0].Schema.Name != "Pet" {
		t.Errorf("body parameter: %+v", put.Body)
	}
	if len(d.Schemas) != 1 || d.Schemas[0].Pointer != "/definitions/Pet" {
		t.Errorf("schemas: %+v", d.Schemas)
	}
}

// A path item or operation written as Fn::If: Operations holds the branch
// read when every condition holds, with its own path item; the checks also
// see the other branch.
func TestModelOperationsUnderIf(t *testing.T) {
	d := loadModel(t, "../fixtures/checks/file/fn-if.yaml")
	var got []string
	for _, o := range d.Operations() {
		got = append(got, o.Method+" "+o.Path+" "+o.Pointer+" item="+o.PathItemPointer)
	}
	const base = "/Resources/Api/Properties/DefinitionBody/paths/"
	want := []string{
		"POST /orders " + base + "~1orders/Fn::If/1/post item=" + base + "~1orders/Fn::If/1",
		"GET /items " + base + "~1items/get/1 item=" + base + "~1items",
		"PUT /items " + base + "~1items/put item=" + base + "~1items",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("operations:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.branchOps) != 1 || d.branchOps[0].Pointer != base+"~1orders/Fn::If/2/post" {
		t.Errorf("other branches: %v", d.branchOps)
	}
	if integ, _ := d.branchOps[0].Integration(); integ == nil || !integ.Type.Is("http") {
		t.Errorf("the other branch's integration: %+v", integ)
	}
}
