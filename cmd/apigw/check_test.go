package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// runAt runs the command line from the repository root, so file names in
// the output are relative and the goldens do not depend on the machine.
func runAt(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(golden.Root(t))
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return out.String(), errb.String(), code
}

// fixtureFlags are the flags a fixture is checked with: http-api.yaml holds
// a REST-only extension on purpose, so it must be read as an HTTP API.
var fixtureFlags = map[string][]string{"http-api.yaml": {"--api", "http"}}

// TestCheckGolden runs apigw check on each fixture under fixtures/check and
// compares the text output with golden/check/<case>.txt. Each check has its
// own fixture, so removing a check changes a golden.
func TestCheckGolden(t *testing.T) {
	files, err := filepath.Glob(golden.Fixture(t, "check/*"))
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures under fixtures/check")
	}
	for _, f := range files {
		name := filepath.Base(f)
		c := strings.TrimSuffix(name, filepath.Ext(name))
		if filepath.Ext(name) == ".json" {
			c += "-json"
		}
		t.Run(c, func(t *testing.T) {
			args := append([]string{"check"}, fixtureFlags[name]...)
			out, stderr, code := runAt(t, append(args, "fixtures/check/"+name)...)
			golden.Assert(t, "check/"+c+".txt", []byte(out))
			want := exitOK
			if strings.Contains(out, ": error: ") {
				want = exitFindings
			}
			if code != want {
				t.Errorf("exit code %d, want %d (stderr %q)", code, want, stderr)
			}
		})
	}
}

// TestCheckFormats goldens one JSON and one SARIF report, and the exit code
// under --fail-on warning.
func TestCheckFormats(t *testing.T) {
	out, _, code := runAt(t, "check", "--format", "json", "fixtures/check/names.yaml")
	golden.Assert(t, "check/names.json", []byte(out))
	if code != exitOK {
		t.Errorf("names.yaml has only warnings: exit %d, want 0", code)
	}
	_, _, code = runAt(t, "check", "--fail-on", "warning", "fixtures/check/names.yaml")
	if code != exitFindings {
		t.Errorf("--fail-on warning: exit %d, want 1", code)
	}
	out, _, code = runAt(t, "check", "--format", "sarif", "--api", "http", "fixtures/check/http-api.yaml")
	golden.Assert(t, "check/http-api.sarif", []byte(out))
	if code != exitFindings {
		t.Errorf("http-api.yaml has errors: exit %d, want 1", code)
	}
}

// TestCheckFolder checks a folder: files sorted, one summary, deterministic
// over runs although files are checked concurrently.
func TestCheckFolder(t *testing.T) {
	first, _, code := runAt(t, "check", "fixtures/check")
	if code != exitFindings {
		t.Fatalf("exit %d, want 1", code)
	}
	golden.Assert(t, "check/folder.txt", []byte(first))
	for i := 0; i < 5; i++ {
		if again, _, _ := runAt(t, "check", "fixtures/check"); again != first {
			t.Fatal("output differs between runs")
		}
	}
}

// TestCheckExitCodes covers usage errors, safety limits and syntax errors.
func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep.json")
	if err := os.WriteFile(deep, []byte(strings.Repeat("[", 2000)+strings.Repeat("]", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("openapi: 3.0.1\npaths: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hidden := filepath.Join(dir, ".hidden")
	os.Mkdir(hidden, 0o755)
	os.WriteFile(filepath.Join(hidden, "x.yaml"), []byte("{"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"check", "--format", "xml", bad}, exitUsage, "unknown format"},
		{[]string{"check", "--fail-on", "info", bad}, exitUsage, "--fail-on"},
		{[]string{"check", filepath.Join(dir, "missing.yaml")}, exitUsage, "no such file"},
		{[]string{"check"}, exitUsage, ""},
		{[]string{"check", deep}, exitLimit, "deep.json"},
		{[]string{"check", bad}, exitFindings, ""},
		{[]string{"check", hidden + "/.."}, exitLimit, "deep.json"},
	} {
		_, stderr, code := runAt(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.err) {
			t.Errorf("%v: exit %d (stderr %q), want %d with %q", tc.args, code, stderr, tc.code, tc.err)
		}
	}
}
