package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/internal/golden"
)

func TestGenSchema(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args   []string
		code   int
		golden string // golden file the output must equal
		file   string // output file, when -o is used
		want   string // text the output must contain
	}{
		{args: []string{"gen", "schema", "--extensions"}, golden: "schema/extensions.json"},
		{args: []string{"gen", "schema", "--extensions", "--document", "-o", filepath.Join(dir, "doc.json")}, golden: "schema/document.json", file: filepath.Join(dir, "doc.json")},
		{args: []string{"gen", "schema", "--document", "--id", "https://schemas.example.com/o.json"}, want: `"$id": "https://schemas.example.com/o.json"`},
		{args: []string{"gen", "schema"}, code: exitUsage},
		{args: []string{"gen", "schema", "--extensions", "--id", "not a url"}, code: exitUsage},
		{args: []string{"gen", "schema", "--document", "--base-uri", "https://schemas.example.com/apigw"}, want: `"$id": "https://schemas.example.com/apigw/document.json"`},
		{args: []string{"gen", "schema", "--extensions", "--base-uri", "schemas/"}, code: exitUsage},
		{args: []string{"gen", "schema", "../../fixtures/petstore.yaml", "-o", dir, "--base-uri", "https://schemas.example.com/"}, code: exitUsage},
		{args: []string{"gen", "schema", "--extensions", "extra"}, code: exitUsage},
		{args: []string{"gen", "schema", "--extensions", "-o", filepath.Join(blocker(t, dir), "x.json")}, code: exitWrite},
		{args: []string{"gen"}, code: exitUsage},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
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
			if tc.golden != "" {
				want, err := os.ReadFile(golden.Path(t, tc.golden))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("output differs from golden/%s", tc.golden)
				}
			}
			if !strings.Contains(string(got), tc.want) {
				t.Errorf("output lacks %q", tc.want)
			}
		})
	}
}

func TestGenSchemaHelp(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"gen", "schema", "--help"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"# yaml-language-server: $schema=", "apigw gen schema openapi.yaml -o schemas/", "contract tests"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, out.String())
		}
	}
}

func TestGenSchemaAPI(t *testing.T) {
	lambda := golden.Fixture(t, "schema/api-lambda.yaml")
	noIntegration := filepath.Join(t.TempDir(), "plain.yaml")
	if err := os.WriteFile(noIntegration, []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	aFile := filepath.Join(t.TempDir(), "file.json")
	if err := os.WriteFile(aFile, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  func(dir string) []string
		code  int
		files []string // files the folder must hold afterwards, equal to golden/schema/api-lambda/
		err   string   // text stderr must contain
	}{
		{"writes every operation and the index", func(dir string) []string { return []string{lambda, "-o", dir} }, exitOK, []string{"get-pets-petId.json", "index.json"}, ""},
		{"creates the folder", func(dir string) []string { return []string{lambda, "-o", filepath.Join(dir, "new")} }, exitOK, nil, ""},
		{"--id sets the base", func(dir string) []string {
			return []string{lambda, "-o", dir, "--id", "https://schemas.example.com/pets"}
		}, exitOK, nil, ""},
		{"needs -o", func(string) []string { return []string{lambda} }, exitUsage, nil, "-o DIR"},
		{"-o must be a folder", func(string) []string { return []string{lambda, "-o", aFile} }, exitUsage, nil, "is a file"},
		{"FILE or --extensions", func(dir string) []string { return []string{lambda, "--extensions", "-o", dir} }, exitUsage, nil, "not both"},
		{"--resource needs FILE", func(string) []string { return []string{"--extensions", "--resource", "Api"} }, exitUsage, nil, "give the FILE"},
		{"two files", func(dir string) []string { return []string{lambda, lambda, "-o", dir} }, exitUsage, nil, ""},
		{"nothing to describe writes nothing", func(dir string) []string { return []string{noIntegration, "-o", dir} }, exitFindings, nil, "APIGW700"},
		{"missing input", func(dir string) []string { return []string{filepath.Join(dir, "none.yaml"), "-o", dir} }, exitUsage, nil, ""},
		{"folder cannot be made", func(string) []string { return []string{lambda, "-o", filepath.Join(aFile, "sub")} }, exitWrite, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			var out, errb bytes.Buffer
			code := run(append([]string{"gen", "schema"}, tc.args(dir)...), nil, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errb.String())
			}
			if !strings.Contains(errb.String(), tc.err) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.err)
			}
			entries, _ := os.ReadDir(dir)
			if tc.code != exitOK && len(entries) != 0 {
				t.Errorf("wrote %d entries on failure", len(entries))
			}
			for _, name := range tc.files {
				got, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				want, err := os.ReadFile(golden.Path(t, "schema/api-lambda/"+name))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from golden/schema/api-lambda/%s", name, name)
				}
			}
		})
	}
}

func TestGenSchemaAgainLeavesUnchangedFiles(t *testing.T) {
	dir := t.TempDir()
	lambda := golden.Fixture(t, "schema/api-lambda.yaml")
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	gen := func(args ...string) {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(append([]string{"gen", "schema", lambda, "-o", dir}, args...), nil, &out, &errb); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	// touched tells, for each file of dir, whether it changed since it was
	// dated old.
	touched := func() map[string]bool {
		t.Helper()
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) < 2 {
			t.Fatalf("%d entries, %v", len(entries), err)
		}
		m := map[string]bool{}
		for _, e := range entries {
			fi, err := e.Info()
			if err != nil {
				t.Fatal(err)
			}
			m[e.Name()] = !fi.ModTime().Equal(old)
			if err := os.Chtimes(filepath.Join(dir, e.Name()), old, old); err != nil {
				t.Fatal(err)
			}
		}
		return m
	}
	gen()
	touched()
	gen()
	for name, changed := range touched() {
		if changed {
			t.Errorf("a second run with the same output rewrote %s", name)
		}
	}
	gen("--id", "https://schemas.example.com/pets") // every file's $id changes
	for name, changed := range touched() {
		if !changed {
			t.Errorf("a run with another --id left %s as it was", name)
		}
	}
}

func TestGenSchemaAPIID(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"gen", "schema", golden.Fixture(t, "schema/api-lambda.yaml"), "-o", dir, "--id", "https://schemas.example.com/pets"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"$id": "https://schemas.example.com/pets/index.json"`, `"$id": "https://schemas.example.com/pets/get-pets-petId.json"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("index.json lacks %s", want)
		}
	}
}

// blocker makes a regular file in dir and returns its path: an output path
// below it cannot be written, since a file stands where a folder should.
func blocker(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "blocker")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
