package goclient

import (
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/openapi"
)

// TestRuntimeDecls checks how the embedded runtime is split: every
// declaration once, in file order, with its doc comment; imports from the
// standard library packages the type check loads.
func TestRuntimeDecls(t *testing.T) {
	r := rt()
	var names []string
	for _, d := range r.decls {
		names = append(names, d.name)
		if !strings.HasPrefix(d.text, "// ") || !strings.Contains(runtimeSource, "\n\n"+d.text+"\n") {
			t.Errorf("%s: %q is not a declaration with its doc comment as the runtime writes it", d.name, d.text)
		}
	}
	want := []string{"APIKeyHeader", "HTTPDoer", "RequestEditorFn", "Option", "Client", "WithHTTPClient", "WithRequestEditor",
		"WithAPIKey", "do", "jsonBody", "decodeJSON", "paramString", "pathParam", "readHeaders", "decodeBody", "RawResponse", "fill",
		"addParam", "ErrorResponse", "ErrorResponse", "errorResponse", "statusError"}
	if !slices.Equal(names, want) {
		t.Errorf("declarations:\n got %v\nwant %v", names, want)
	}
	for _, imp := range r.imports {
		path, err := strconv.Unquote(imp)
		if err != nil || !slices.Contains(stdPackages, path) {
			t.Errorf("the runtime imports %s, which is not among the packages clients may import (%v)", imp, stdPackages)
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", runtimeFile("petstore"), parser.PackageClauseOnly)
	if err != nil || f.Name.Name != "petstore" {
		t.Errorf("the runtime as a file of the client's package: %v", err)
	}
}

// TestReservedNames checks that schemas and operations named like the
// runtime's or the fixed generated declarations get other names.
func TestReservedNames(t *testing.T) {
	reserved := reservedNames()
	for _, d := range rt().decls {
		if !slices.Contains(reserved, d.name) {
			t.Errorf("%s is not reserved", d.name)
		}
	}
	var schemas strings.Builder
	for _, name := range reserved {
		if token.IsExported(name) {
			schemas.WriteString("    " + name + ": {type: object, properties: {a: {type: string}}}\n")
		}
	}
	docs, _, err := openapi.Load("doc.yaml", []byte(`openapi: 3.0.1
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
`+schemas.String()), openapi.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	code, err := Generate(docs[0], Options{Package: "x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Client2", "HTTPDoer2", "NewClient2", "GatewayError2", "DefaultBaseURL2", "RawResponse2"} {
		if !strings.Contains(string(code), "\ntype "+name+" struct {") {
			t.Errorf("no type %s: the schema of that name should be renamed", name)
		}
	}
}
