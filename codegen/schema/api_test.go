package schema

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
	sj "github.com/santhosh-tekuri/jsonschema/v6"
)

// apiCases are the fixtures/schema/api-*.yaml documents, by golden folder.
var apiCases = []string{"api-lambda", "api-proxy", "api-swagger"}

// forFixture runs ForAPI on fixtures/schema/<name>.yaml.
func forFixture(t testing.TB, name string, opts APIOptions) ([]File, []extensions.Diagnostic) {
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
