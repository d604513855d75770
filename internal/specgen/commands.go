package specgen

import (
	"fmt"
	"strings"
)

// Command is one apigw command line that the benchmarks run on the
// generated documents.
type Command struct {
	// Name names the case ("convert-oas31").
	Name string
	// Args are the arguments after "apigw".
	Args []string
	// Again marks a command measured writing over its own earlier output,
	// as a go:generate line run a second time: it is run once before it
	// is measured, and its output is not cleared between runs.
	Again bool
}

// Commands returns every command that reads a document, as the speed
// benchmarks and the peak-memory measurement run them: doc is JSON(n)
// written to a file, yamlDoc YAML(n), dump import's output for doc, and out
// a folder gen schema writes into.
func Commands(doc, yamlDoc, dump, out string) []Command {
	return []Command{
		{Name: "check", Args: []string{"check", doc}},
		{Name: "fmt", Args: []string{"fmt", doc}},
		{Name: "fmt-yaml", Args: []string{"fmt", yamlDoc}},
		{Name: "convert-oas31", Args: []string{"convert", "--to", "oas31", "--format", "json", doc}},
		{Name: "convert-swagger", Args: []string{"convert", "--to", "swagger", "--format", "json", doc}},
		{Name: "import", Args: []string{"import", doc}},
		{Name: "export", Args: []string{"export", dump}},
		{Name: "config-cloudformation", Args: []string{"config", "--target", "cloudformation", doc}},
		{Name: "config-terraform", Args: []string{"config", "--target", "terraform", doc}},
		{Name: "gen-client", Args: []string{"gen", "client", "-package", "bench", doc}},
		{Name: "gen-schema", Args: []string{"gen", "schema", doc, "-o", out}},
		{Name: "gen-schema-again", Args: []string{"gen", "schema", doc, "-o", out}, Again: true},
		{Name: "simulate", Args: []string{"simulate", doc, "--operation", "GET /resource0000/7", "--error-message", "[NotFound] no item"}},
	}
}

// MockBody is what every route of Mock answers with the template
// MockBody: a template without references.
const MockBody = `{"ok": true}`

// MockRequestTemplate is a response template that reads the request: the
// path parameter and the request id.
const MockRequestTemplate = `{"ok": true, "id": "$input.params('id')", "requestId": "$context.requestId"}`

// Mock returns an OpenAPI 3.0 document with n routes GET /r{i}/items/{id},
// each a MOCK integration answering 200 with the response template
// template as application/json: the document apigw serve is measured on.
func Mock(n int, template string) []byte {
	var b strings.Builder
	b.WriteString(`{"openapi": "3.0.1", "info": {"title": "Mock routes", "version": "1"}, "paths": {`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `
"/r%d/items/{id}": {"get": {
  "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
  "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}},
  "x-amazon-apigateway-integration": {"type": "mock",
    "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
    "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": %q}}}}}}`, i, template)
	}
	b.WriteString("}}\n")
	return []byte(b.String())
}
