package goclient_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/codegen/goclient"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
)

// generateFile loads path and generates its client.
func generateFile(t testing.TB, path, pkg string) []byte {
	t.Helper()
	docs, diags, err := openapi.LoadFile(path, openapi.LoadOptions{})
	if err != nil || len(docs) == 0 {
		t.Fatalf("load %s: %v %v", path, err, diags)
	}
	code, err := goclient.Generate(docs[0], goclient.Options{Package: pkg, Version: "v0.0.0-test", Source: path})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// TestGolden regenerates golden/client/<case>/client_gen.go for every
// fixtures/client/<case>.yaml; the packages are compiled, vetted and tested
// with the module (each has a hand-written client_test.go).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(golden.Fixture(t, "client/*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			code := generateFile(t, f, name)
			if again := generateFile(t, f, name); !bytes.Equal(code, again) {
				t.Fatal("two generations differ")
			}
			golden.Assert(t, "client/"+name+"/client_gen.go", code)
		})
	}
}

// TestRequiredSpelling generates the client of two documents that differ
// only in `required: true` against `required: True` on a query parameter,
// from the same file name: YAML's booleans are one value, so the clients
// are the same, and the parameter is required.
func TestRequiredSpelling(t *testing.T) {
	var clients [][]byte
	for _, f := range []string{"lower", "upper"} {
		data, err := os.ReadFile(golden.Fixture(t, "client/required/"+f+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "api.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		clients = append(clients, generateFile(t, path, "required"))
	}
	if !bytes.Equal(clients[0], clients[1]) {
		t.Error("required: true and required: True give different clients")
	}
	for _, want := range []string{"\tLimit int64\n", "\tCursor *string\n", `q.Add("limit", paramString(params.Limit))`} {
		if !bytes.Contains(clients[1], []byte(want)) {
			t.Errorf("the client lacks %q", want)
		}
	}
}
