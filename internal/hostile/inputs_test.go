package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mockDoc is a small valid document: GET /a answers from a MOCK integration.
const mockDoc = `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {description: ok}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default: {statusCode: "200"}
`

// command is one way to run apigw on a document (or a dump) named file.
type command struct {
	name string
	args func(file string) []string
}

// docCommands are the commands that read a document.
var docCommands = []command{
	{"check", func(f string) []string { return []string{"check", f} }},
	{"fmt", func(f string) []string { return []string{"fmt", f} }},
	{"fmt --to json", func(f string) []string { return []string{"fmt", "--to", "json", f} }},
	{"convert", func(f string) []string { return []string{"convert", "--to", "oas31", f} }},
	{"import", func(f string) []string { return []string{"import", f} }},
	{"config", func(f string) []string { return []string{"config", "--target", "cloudformation", f} }},
	{"gen client", func(f string) []string { return []string{"gen", "client", "-package", "x", f} }},
	{"gen schema", func(f string) []string { return []string{"gen", "schema", f, "-o", "schemas"} }},
	{"simulate", func(f string) []string { return []string{"simulate", f, "--operation", "GET /a"} }},
	{"serve", func(f string) []string { return []string{"serve", f, "--addr", "127.0.0.1:0"} }},
}

// dumpCommands are the commands that read a dump of an API.
var dumpCommands = []command{
	{"export", func(f string) []string { return []string{"export", f} }},
	{"config", func(f string) []string { return []string{"config", "--target", "terraform", f} }},
	{"simulate", func(f string) []string { return []string{"simulate", f, "--operation", "GET /a"} }},
	{"serve", func(f string) []string { return []string{"serve", f, "--addr", "127.0.0.1:0"} }},
}

// write writes a file in dir and returns its name.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fifo makes a named pipe in dir (no writer will ever open it).
func fifo(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	return p
}

// sparse makes a file of size bytes that takes no room on disk.
func sparse(t *testing.T, dir, name string, size int64) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	return p
}

// aliasBomb anchors one string of size bytes and repeats it n times by
// alias, in a document that is otherwise valid: 4 MiB × 1,000 expands to 4 GiB.
func aliasBomb(size, n int) []byte {
	var b strings.Builder
	b.WriteString(mockDoc)
	fmt.Fprintf(&b, "x-big: &big %s\nx-copies:\n", strings.Repeat("a", size))
	for range n {
		b.WriteString("  - *big\n")
	}
	return []byte(b.String())
}

// refChain is a document whose response schema is a $ref to S0, S0 a $ref
// to S1, and so on for links references.
func refChain(links int) []byte {
	var b strings.Builder
	b.WriteString(`{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}}, "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"}, "responses": {"default": {"statusCode": "200"}}}}}}, "components": {"schemas": {`)
	for i := range links {
		fmt.Fprintf(&b, "\"S%d\": {\"$ref\": \"#/components/schemas/S%d\"}, ", i, i+1)
	}
	fmt.Fprintf(&b, "\"S%d\": {\"type\": \"string\"}}}}", links)
	return []byte(b.String())
}

// dumpResource is one resource of a REST dump, with a MOCK GET.
func dumpResource(i int) string {
	path := fmt.Sprintf("/r%d", i)
	if i == 0 {
		path = "/a"
	}
	return fmt.Sprintf(`{"id": "r%d", "parentId": "root", "pathPart": "%s", "path": "%s", "resourceMethods": {"GET": {"httpMethod": "GET", "authorizationType": "NONE", "methodIntegration": {"type": "MOCK", "requestTemplates": {"application/json": "{\"statusCode\": 200}"}, "integrationResponses": {"200": {"statusCode": "200", "responseTemplates": {"application/json": "{\"n\": %d}"}}}}, "methodResponses": {"200": {"statusCode": "200"}}}}}`, i, path[1:], path, i)
}

// bigDump is a REST dump of about size bytes.
func bigDump(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"restApi": {"id": "api", "name": "big", "rootResourceId": "root"}, "resources": [{"id": "root", "path": "/"}`)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(",\n")
		b.WriteString(dumpResource(i))
	}
	b.WriteString("]}\n")
	return []byte(b.String())
}

// anchoredDump reuses one integration by alias n times: 2.3 MB that an
// expanding reader sees as far more.
func anchoredDump(n int) []byte {
	var b strings.Builder
	b.WriteString("restApi: {id: api, name: anchors, rootResourceId: root}\nresources:\n- {id: root, path: /}\n")
	b.WriteString("- id: r0\n  parentId: root\n  pathPart: a\n  path: /a\n  resourceMethods:\n    GET: &m\n      httpMethod: GET\n      authorizationType: NONE\n      methodIntegration:\n        type: MOCK\n        requestTemplates: {application/json: '{\"statusCode\": 200}'}\n        integrationResponses:\n")
	for i := range 40 {
		fmt.Fprintf(&b, "          \"%d\": {statusCode: \"%d\", selectionPattern: \"%d\", responseTemplates: {application/json: '{\"status\": %d, \"message\": \"a longer text that every copy repeats\"}'}}\n", 200+i, 200+i, 200+i, 200+i)
	}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "- {id: r%d, parentId: root, pathPart: r%d, path: /r%d, resourceMethods: {GET: *m, POST: *m}}\n", i, i, i)
	}
	return []byte(b.String())
}

// manyPatterns is a document whose one integration holds n selection
// patterns that need the backtracking engine.
func manyPatterns(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}`)
	for i := range 100 {
		fmt.Fprintf(&b, `, "%d": {"description": "e"}`, 400+i)
	}
	b.WriteString(`}, "x-amazon-apigateway-integration": {"type": "aws", "httpMethod": "POST", "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations", "responses": {"default": {"statusCode": "200"}`)
	for i := range n {
		fmt.Fprintf(&b, `, "(?!x)E%d\\b.*": {"statusCode": "%d"}`, i, 400+i%100)
	}
	b.WriteString("}}}}}}\n")
	return []byte(b.String())
}
