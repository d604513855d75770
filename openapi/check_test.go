package openapi

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/wanttest"
)

// wholeFile is the fixture folder whose files are checked whole (CheckFile:
// loading, extensions, OpenAPI validation and every document check) rather
// than by one check.
const wholeFile = "file"

// checkFixtures returns the fixtures under fixtures/checks/dir.
func checkFixtures(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(golden.Fixture(t, "checks/"+dir+"/*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// fixtureOptions are the load options a fixture asks for in a comment
// line "# load with --api http" (a document with evidence of both kinds
// that a check must see as an HTTP API).
func fixtureOptions(t *testing.T, file string) LoadOptions {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var opts LoadOptions
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "# load with --api "); ok {
			if opts.API, err = ParseAPIKind(v); err != nil {
				t.Fatal(err)
			}
		}
	}
	return opts
}

// runCheck runs c over every document of file.
func runCheck(t *testing.T, c *DocumentCheck, file string) []diag.Diagnostic {
	t.Helper()
	docs, _, err := LoadFile(file, fixtureOptions(t, file))
	if err != nil {
		t.Fatal(err)
	}
	var out []diag.Diagnostic
	for _, d := range docs {
		out = append(out, c.Run(d)...)
	}
	return out
}

// TestDocumentChecks runs each check alone over its fixtures,
// fixtures/checks/<name>/*.yaml, whose "# want" comments mark the findings
// expected on each line.
func TestDocumentChecks(t *testing.T) {
	for _, c := range Checks() {
		t.Run(c.Name, func(t *testing.T) {
			files := checkFixtures(t, c.Name)
			if len(files) == 0 {
				t.Fatalf("no fixtures under fixtures/checks/%s", c.Name)
			}
			for _, f := range files {
				wanttest.Check(t, f, runCheck(t, c, f))
			}
		})
	}
}

// TestCheckFileWants checks the fixtures of fixtures/checks/file whole: they
// hold documents where one problem must not hide another.
func TestCheckFileWants(t *testing.T) {
	files := checkFixtures(t, wholeFile)
	if len(files) == 0 {
		t.Fatal("no fixtures under fixtures/checks/" + wholeFile)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			diags, err := CheckFile(f, fixtureOptions(t, f))
			if err != nil {
				t.Fatal(err)
			}
			wanttest.Check(t, f, diags)
		})
	}
}

// TestCheckFixtureFolders keeps fixtures/checks to one folder per check.
func TestCheckFixtureFolders(t *testing.T) {
	entries, err := os.ReadDir(golden.Fixture(t, "checks"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != wholeFile && !slices.ContainsFunc(Checks(), func(c *DocumentCheck) bool { return c.Name == e.Name() }) {
			t.Errorf("fixtures/checks/%s names no check", e.Name())
		}
	}
}

// TestCheckCodes holds each check to its declared codes: over every fixture
// (and the shared corpus when present) it emits no other code, and its own
// fixtures make it emit each of them. Every document-check code of the
// catalog belongs to exactly one check, and Check gives what the checks give
// one by one.
func TestCheckCodes(t *testing.T) {
	files := checkFixtures(t, "*")
	for _, g := range []string{"check/*.yaml", "check/*.json", "*.yaml"} {
		more, _ := filepath.Glob(golden.Fixture(t, g))
		files = append(files, more...)
	}
	if _, err := os.Stat(filepath.Join(golden.Root(t), "..", "shared", "corpus")); err == nil {
		files = append(files, corpusFiles(t, "specs", "bad")...)
	}
	owner := map[diag.Code]string{}
	for _, c := range Checks() {
		for _, code := range c.Codes {
			if other, dup := owner[code]; dup {
				t.Errorf("%s is declared by %s and %s", code, other, c.Name)
			}
			owner[code] = c.Name
			if _, ok := diag.Lookup(code); !ok {
				t.Errorf("%s declares %s, which the catalog does not hold", c.Name, code)
			}
		}
	}
	for _, e := range diag.Catalog() {
		if strings.HasPrefix(string(e.Code), "APIGW4") && owner[e.Code] == "" {
			t.Errorf("%s (%s) is a document-check code that no check declares", e.Code, e.Title)
		}
	}
	emitted := map[string]map[diag.Code]bool{}
	for _, f := range files {
		docs, _, err := LoadFile(f, fixtureOptions(t, f))
		if err != nil {
			continue // refused by a safety limit
		}
		own := strings.Contains(filepath.ToSlash(f), "/fixtures/checks/")
		for _, d := range docs {
			var each []diag.Diagnostic
			for _, c := range Checks() {
				got := c.Run(d)
				for _, g := range got {
					if !slices.Contains(c.Codes, g.Code) {
						t.Errorf("%s: check %s emits %s, which it does not declare", f, c.Name, g.Code)
					}
					if own && filepath.Base(filepath.Dir(f)) == c.Name {
						if emitted[c.Name] == nil {
							emitted[c.Name] = map[diag.Code]bool{}
						}
						emitted[c.Name][g.Code] = true
					}
				}
				each = append(each, got...)
			}
			diag.Sort(each)
			if all := Check(d); !slices.Equal(all, each) {
				t.Errorf("%s: Check differs from the checks run one by one:\n%v\n%v", f, all, each)
			}
		}
	}
	for _, c := range Checks() {
		for _, code := range c.Codes {
			if !emitted[c.Name][code] {
				t.Errorf("check %s declares %s, but no fixture under fixtures/checks/%s makes it emit it", c.Name, code, c.Name)
			}
		}
	}
}

// TestChecksInREADME keeps the README's list of checks and their codes complete.
func TestChecksInREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(golden.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Checks() {
		codes := make([]string, len(c.Codes))
		for i, code := range c.Codes {
			codes[i] = string(code)
		}
		if row := "| `" + c.Name + "` | " + strings.Join(codes, ", ") + " |"; !strings.Contains(string(readme), row) {
			t.Errorf("README.md does not list the check %s with its codes: %s", c.Name, row)
		}
	}
}
