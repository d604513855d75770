package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

func TestGenClient(t *testing.T) {
	dir := t.TempDir()
	pet := golden.Fixture(t, "client/petstore.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      x-go-name: lower\n      responses: {'200': {description: ok}}\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "out"), 0o755)
	os.MkdirAll(filepath.Join(dir, "pets-api"), 0o755)
	multi := filepath.Join(dir, "template.yaml")
	os.WriteFile(multi, []byte(`Resources:
  First:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body: {openapi: 3.0.1, info: {title: A, version: "1"}, paths: {/a: {get: {operationId: getA, responses: {"200": {description: ok}}}}}}
  Second:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body: {openapi: 3.0.1, info: {title: B, version: "1"}, paths: {/b: {get: {operationId: getB, responses: {"200": {description: ok}}}}}}
`), 0o644)
	existing := filepath.Join(dir, "keep", "client_gen.go")
	os.MkdirAll(filepath.Dir(existing), 0o755)
	os.WriteFile(existing, []byte("package keep\n"), 0o644)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		file   string // output file, when -o is used
		want   string // text the output (or stderr on failure) must contain
		golden string
	}{
		{name: "go:generate spelling to stdout", args: []string{"gen", "client", "-package", "petstore", pet}, golden: "client/petstore/client_gen.go"},
		{name: "two-dash flags to a file", args: []string{"gen", "client", "--package=petstore", "-o", filepath.Join(dir, "out", "c.go"), pet}, file: filepath.Join(dir, "out", "c.go"), golden: "client/petstore/client_gen.go"},
		{name: "package from the output folder", args: []string{"gen", "client", "-o", filepath.Join(dir, "pets-api", "c.go"), pet}, file: filepath.Join(dir, "pets-api", "c.go"), want: "package petsapi\n"},
		{name: "help teaches go:generate", args: []string{"gen", "client", "--help"}, want: "//go:generate go run github.com/apigw/apigw/cmd/apigw gen client -package petstore -o client_gen.go"},
		{name: "bad package", args: []string{"gen", "client", "-package", "func", pet}, code: exitUsage, want: `-package "func"`},
		{name: "package main", args: []string{"gen", "client", "-package", "main", "-o", filepath.Join(dir, "main.go"), pet}, code: exitUsage, want: "-package main cannot hold a client"},
		{name: "a folder named main", args: []string{"gen", "client", "-o", filepath.Join(dir, "main", "c.go"), pet}, file: filepath.Join(dir, "main", "c.go"), want: "package client\n"},
		{name: "no file", args: []string{"gen", "client", "-package", "x"}, code: exitUsage},
		{name: "two files", args: []string{"gen", "client", pet, pet}, code: exitUsage},
		{name: "unknown flag", args: []string{"gen", "client", "--nope", pet}, code: exitUsage},
		{name: "several APIs need --resource", args: []string{"gen", "client", multi}, code: exitUsage, want: "pick one with --resource"},
		{name: "--resource picks one", args: []string{"gen", "client", "--resource", "Second", multi}, want: "func (c *Client) GetB("},
		{name: "unknown --resource", args: []string{"gen", "client", "--resource", "Third", multi}, code: exitUsage, want: "it has First, Second"},
		{name: "missing input", args: []string{"gen", "client", filepath.Join(dir, "none.yaml")}, code: exitUsage},
		{name: "refused document leaves the output alone", args: []string{"gen", "client", "-package", "keep", "-o", existing, bad}, code: exitFindings, file: existing, want: "package keep\n"},
		{name: "unwritable output", args: []string{"gen", "client", "-package", "x", "-o", filepath.Join(dir, "missing", "dir", "c.go"), pet}, code: exitWrite},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "unwritable output" {
				os.WriteFile(filepath.Join(dir, "missing"), []byte("a file, not a folder"), 0o644)
			}
			var out, errb bytes.Buffer
			code := run(tc.args, nil, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errb.String())
			}
			got := out.Bytes()
			if tc.file != "" {
				var err error
				if got, err = os.ReadFile(tc.file); err != nil {
					t.Fatal(err)
				}
			}
			if tc.code != 0 && tc.file == "" {
				got = errb.Bytes()
			}
			if tc.golden != "" {
				want, err := os.ReadFile(golden.Path(t, tc.golden))
				if err != nil {
					t.Fatal(err)
				}
				// The golden file was generated with a fixed version.
				got = bytes.Replace(got, []byte("apigw "+Version()+" gen"), []byte("apigw v0.0.0-test gen"), 1)
				if !bytes.Equal(got, want) {
					t.Errorf("output differs from golden/%s", tc.golden)
				}
			}
			if tc.want != "" && !strings.Contains(string(got), tc.want) {
				t.Errorf("output does not contain %q:\n%.400s", tc.want, got)
			}
		})
	}
}
