package openapi

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
)

// exportJSON exports d and returns the document as plain JSON values.
func exportJSON(t *testing.T, d *apimodel.Dump, opts ExportOptions) map[string]any {
	t.Helper()
	root, _ := Export(d, opts)
	data, err := source.WriteJSON(root)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// jget walks a JSON value along keys.
func jget(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// TestExportAsGetExport holds what GetExport writes beyond the API's
// content: "content": {} and "components": {} in OpenAPI 3.0, parameters in
// the order they were imported, produces and consumes from models before
// templates, and info.version from the deployment when the API has none.
func TestExportAsGetExport(t *testing.T) {
	src := `swagger: "2.0"
info: {title: t}
paths:
  /p/{id}:
    get:
      produces: [application/json]
      parameters:
        - {name: z, in: query, type: string}
        - {name: a, in: header, type: string, required: true}
      responses:
        "200": {description: ok, schema: {type: object}}
        "404": {description: none}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}', application/xml: '<s>200</s>'}
        responses: {default: {statusCode: "200", responseTemplates: {application/xml: '<ok/>'}}}
  /html:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200", responseTemplates: {text/html: '<p/>'}}}}
`
	dump, _ := importString(t, src, ImportOptions{})
	oas := exportJSON(t, dump, ExportOptions{To: OpenAPI30})
	var names []string
	for _, p := range jget(oas, "paths", "/p/{id}", "get", "parameters").([]any) {
		names = append(names, jget(p, "name").(string))
	}
	if !slices.Equal(names, []string{"z", "a", "id"}) {
		t.Errorf("parameters %v, want the document's order, then the path parameter import added", names)
	}
	if c, ok := jget(oas, "paths", "/p/{id}", "get", "responses", "404", "content").(map[string]any); !ok || len(c) != 0 {
		t.Errorf(`response without a model: content %v, want {}`, c)
	}
	if jget(oas, "info", "version") != "" {
		t.Errorf("info.version %v without a version or a deployment", jget(oas, "info", "version"))
	}
	sw := exportJSON(t, dump, ExportOptions{To: Swagger2})
	if got := jget(sw, "paths", "/p/{id}", "get", "produces"); !slices.Equal(anyStrings(got), []string{"application/json"}) {
		t.Errorf("produces %v: a template's media type beside a model's would give the re-import a model the API lacks", got)
	}
	if got := jget(sw, "paths", "/p/{id}", "get", "consumes"); !slices.Equal(anyStrings(got), []string{"application/json", "application/xml"}) {
		t.Errorf("consumes %v, want the request templates' media types (no request model)", got)
	}
	if got := jget(sw, "paths", "/html", "get", "produces"); !slices.Equal(anyStrings(got), []string{"text/html"}) {
		t.Errorf("produces %v, want the template's media type (no response model)", got)
	}

	empty := "openapi: 3.0.1\ninfo: {title: e, version: '1'}\npaths:\n  /x: {get: {responses: {}, x-amazon-apigateway-integration: {type: mock}}}\n"
	d2, _ := importString(t, empty, ImportOptions{})
	if c, ok := exportJSON(t, d2, ExportOptions{To: OpenAPI30})["components"].(map[string]any); !ok || len(c) != 0 {
		t.Errorf(`no models: components %v, want {}`, c)
	}

	d := *dump.REST
	d.Deployments = []*apimodel.Deployment{{ID: "d1", CreatedDate: "2024-05-01T12:00:00.5+02:00"}, {ID: "d2", CreatedDate: "1714600000"}}
	d.Stages = []*apimodel.RestStage{{StageName: "prod", DeploymentID: "d1"}}
	for stage, want := range map[string]string{"prod": "2024-05-01T10:00:00Z", "other": "2024-05-01T21:46:40Z"} {
		v := jget(exportJSON(t, &apimodel.Dump{REST: &d}, ExportOptions{Stage: stage}), "info", "version")
		if v != want {
			t.Errorf("stage %s: info.version %v, want %s (the deployment's date)", stage, v, want)
		}
	}
	api := *d.RestAPI
	api.Version = "7"
	d.RestAPI = &api
	if v := jget(exportJSON(t, &apimodel.Dump{REST: &d}, ExportOptions{Stage: "prod"}), "info", "version"); v != "7" {
		t.Errorf("info.version %v, want the API's version", v)
	}
}

func anyStrings(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, e := range l {
		s, _ := e.(string)
		out = append(out, s)
	}
	return out
}
