package openapi

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/golden"
)

// locateText renders a location as "part: op, op".
func locateText(l Location) string {
	var ops []string
	for _, o := range l.Operations {
		ops = append(ops, o.Label())
	}
	return l.Part.String() + ": " + strings.Join(ops, ", ")
}

func TestLocate(t *testing.T) {
	d := loadModel(t, golden.Fixture(t, "parts/api.yaml"))
	for _, c := range []struct {
		ptr  string
		code diag.Code
		want string
	}{
		{"", diag.UnsupportedVersion, "the document: "},
		{"/info/title", diag.WrongType, "the document: "},
		{"/paths/~1pets/get/x-amazon-apigateway-integration/uri", diag.IntegrationURI, "integration URIs: listPets"},
		{"/paths/~1pets/get/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.X", diag.MappingUnquotedStatic, "integration responses: listPets"},
		{"/paths/~1pets/get/x-amazon-apigateway-integration/httpMethod", diag.HTTPMethod, "integration requests: listPets"},
		{"/paths/~1pets/get/x-amazon-apigateway-integration/type", diag.UnknownValue, "integration types: listPets"},
		{"/paths/~1pets/get/x-amazon-apigateway-integration", diag.MissingField, "integration requests: listPets"},
		// addPet's integration has no type; listOwners' has no uri.
		{"/paths/~1pets/post/x-amazon-apigateway-integration", diag.MissingField, "integration types: addPet"},
		{"/paths/~1owners/get/x-amazon-apigateway-integration", diag.MissingField, "integration URIs: listOwners"},
		{"/paths/~1pets/get/operationId", diag.WrongType, "paths and operations: listPets"},
		{"/paths/~1pets/get/responses/200/content/application~1json/schema/items", diag.ExternalRef, "responses: listPets"},
		{"/paths/~1pets/parameters/0/schema", diag.WrongType, "parameters: listPets, addPet"},
		{"/paths/~1pets/post/requestBody", diag.WrongType, "request bodies: addPet"},
		{"/components/parameters/Limit/in", diag.WrongType, "parameters: listPets"},
		{"/components/responses/Created", diag.WrongType, "responses: addPet"},
		// Tag is reached from Pet, which listPets and Owner (listOwners) reach.
		{"/components/schemas/Tag", diag.ExternalRef, "schemas: listPets, listOwners"},
		{"/components/schemas/Owner/properties/example", diag.ExternalRef, "schemas: listOwners"},
		{"/components/schemas/NewPet", diag.ExternalRef, "schemas: addPet"},
		{"/components/schemas/Unused", diag.ExternalRef, "schemas: "},
		{"/components/securitySchemes/pool/x-amazon-apigateway-authorizer", diag.MissingField, "authorizers: listPets"},
		{"/components/securitySchemes/pool/x-amazon-apigateway-authtype", diag.WrongType, "authorization types: listPets"},
		{"/components/securitySchemes/pool/type", diag.WrongType, "security schemes: listPets"},
		{"/x-amazon-apigateway-gateway-responses/DEFAULT_4XX/statusCode", diag.StatusCode, "gateway responses: "},
		{"/x-amazon-apigateway-binary-media-types/0", diag.MediaType, "binary media types: "},
		{"/x-amazon-apigateway-endpoint-configuration/types/0", diag.UnknownValue, "API settings: "},
	} {
		got := locateText(d.Locate([]diag.Diagnostic{{Code: c.code, Pointer: c.ptr, File: d.File}})[0])
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.ptr, got, c.want)
		}
	}
}

// TestLocateLoadErrors places the errors Load finds in the fixture.
func TestLocateLoadErrors(t *testing.T) {
	docs, diags, err := LoadFile(golden.Fixture(t, "parts/api.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, l := range docs[0].Locate(diags) {
		if diags[i].Severity == diag.Error {
			got = append(got, string(diags[i].Code)+" "+locateText(l))
		}
	}
	want := "APIGW106 integration URIs: listPets|APIGW304 integration responses: listPets|" +
		"APIGW103 integration types: addPet|APIGW103 authorizers: listPets"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// TestLocateTemplateAndFiles places diagnostics of a template's other
// resources, and of files that $refs read.
func TestLocateTemplateAndFiles(t *testing.T) {
	tpl := golden.Fixture(t, "parts/two-apis.yaml")
	docs, _, err := LoadFile(tpl, LoadOptions{})
	if err != nil || len(docs) != 2 {
		t.Fatalf("load: %v %d", err, len(docs))
	}
	first := docs[0]
	for _, c := range []struct{ ptr, want string }{
		{"/Resources/First/Properties/Body/paths/~1a/get/responses", "responses: getA"},
		{"/Resources/Second/Properties/Body/paths/~1b/get/responses", "other resources of the template: "},
		{"/Resources/First/Properties/Name", "the document: "},
		{"", "the document: "},
	} {
		if got := locateText(first.Locate([]diag.Diagnostic{{Pointer: c.ptr, File: tpl}})[0]); got != c.want {
			t.Errorf("%s: %s, want %s", c.ptr, got, c.want)
		}
	}

	refs := golden.Fixture(t, "load/refs")
	docs, _, err = LoadFile(filepath.Join(refs, "api.yaml"), LoadOptions{AllowRefs: refs})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v", err)
	}
	got := docs[0].Locate([]diag.Diagnostic{{Pointer: "/Ok/description", File: filepath.Join(refs, "shared", "responses.yaml")}})[0]
	if locateText(got) != "responses: GET /pets" {
		t.Errorf("a diagnostic in a file a response's $ref reads: %s", locateText(got))
	}
}

func TestJudge(t *testing.T) {
	docs, diags, err := LoadFile(golden.Fixture(t, "parts/api.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	text := func(v Verdict) string {
		var b []string
		for _, dg := range v.Diagnostics {
			b = append(b, dg.Severity.String()+" "+string(dg.Code)+" "+dg.Message)
		}
		for _, o := range v.LeftOut {
			b = append(b, "left out "+o.Label())
		}
		return strings.Join(b, "\n")
	}
	client := Usage{Command: "gen client", Unread: "a client does not read %s", LeaveOut: true,
		Parts: PartAll &^ (PartIntegrationURIs | PartIntegrationRequests | PartAuthorizers)}
	v := client.Judge(d, diags)
	if v.Refused() || len(v.LeftOut) != 2 || v.LeftOut[0].ID != "listPets" || v.LeftOut[1].ID != "addPet" {
		t.Errorf("client:\n%s", text(v))
	}
	for _, want := range []string{
		`warning APIGW060 gen client: ignored, a client does not read integration URIs: uri "PetsHandler" must be`,
		`warning APIGW061 gen client: left out operation listPets (GET /pets): Invalid mapping expression specified`,
		`warning APIGW061 gen client: left out operation addPet (POST /pets): integration has no type`,
		`warning APIGW060 gen client: ignored, a client does not read authorizers: a cognito_user_pools authorizer needs providerARNs (error APIGW103)`,
	} {
		if !strings.Contains(text(v), want) {
			t.Errorf("client verdict lacks %q:\n%s", want, text(v))
		}
	}

	// Without leaving out, an error in an operation refuses.
	schema := Usage{Command: "gen schema", Unread: "a schema does not read %s", Parts: PartResponses | PartIntegrationResponses}
	if v := schema.Judge(d, diags); !v.Refused() || len(v.LeftOut) != 0 {
		t.Errorf("schema:\n%s", text(v))
	}
	// Reading one operation: errors in the others do not matter.
	listOwners := d.Operation("/owners", "GET")
	one := Usage{Command: "simulate", Unread: "%s", Parts: PartAll, NotOnly: "the error is in %s",
		Only: func(o *Operation) bool { return o == listOwners }}
	if v := one.Judge(d, diags); v.Refused() || !strings.Contains(text(v), "simulate: ignored, the error is in operation listPets (GET /pets)") {
		t.Errorf("one operation:\n%s", text(v))
	}
	// Leaving out every operation read leaves nothing: the errors refuse.
	mocks := Usage{Command: "serve", Unread: "%s", Parts: PartAll &^ PartAuthorizers, LeaveOut: true, NotOnly: "%s",
		Only: func(o *Operation) bool { return o.ID == "listPets" }}
	if v := mocks.Judge(d, diags); !v.Refused() || len(v.LeftOut) != 0 {
		t.Errorf("nothing left:\n%s", text(v))
	}
	// Warnings and infos pass through; no errors, no change.
	quiet := []diag.Diagnostic{{Severity: diag.Warning, Code: diag.DuplicateKey, Message: "m"}}
	if v := client.Judge(d, quiet); v.Refused() || len(v.Diagnostics) != 1 || v.Diagnostics[0] != quiet[0] {
		t.Errorf("warnings changed: %+v", v)
	}
}

func TestPartString(t *testing.T) {
	if got := (PartParameters | PartIntegrationURIs).String(); got != "parameters, integration URIs" {
		t.Errorf("String: %q", got)
	}
	if PartAll&PartOtherResources != 0 || PartAll&PartAPISettings == 0 || PartOpenAPI&PartIntegrationTypes != 0 {
		t.Error("PartAll or PartOpenAPI hold the wrong parts")
	}
	if len(partNames) != 18 || PartOtherResources != 1<<17 {
		t.Errorf("%d part names for %d parts", len(partNames), PartOtherResources)
	}
}

func TestOperationNames(t *testing.T) {
	d := loadModel(t, golden.Fixture(t, "parts/api.yaml"))
	if got := d.Operation("/pets", "GET").Name(); got != "listPets (GET /pets)" {
		t.Errorf("Name: %q", got)
	}
	for path, want := range map[string]string{"/pets/": "/pets", "/": "/", "//a//": "/a"} {
		if got := (&Operation{Path: path}).ResourcePath(); got != want {
			t.Errorf("ResourcePath(%q) = %q, want %q", path, got, want)
		}
	}
}
