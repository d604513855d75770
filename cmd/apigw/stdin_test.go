package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// TestStandardInput: every command that reads one document reads "-" as
// standard input, and names it <stdin> in diagnostics, or as
// --stdin-filename says.
func TestStandardInput(t *testing.T) {
	doc, err := os.ReadFile(golden.Fixture(t, "check/names.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	runStdin := func(in []byte, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(args, bytes.NewReader(in), &out, &errb)
		return out.String(), errb.String(), code
	}
	out, _, code := runStdin(doc, "check", "-")
	if code != exitOK || !strings.Contains(out, "<stdin>:7:40: warning: request validator \"bodyy\"") || !strings.Contains(out, "checked 1 file") {
		t.Errorf("check -: exit %d\n%s", code, out)
	}
	out, _, _ = runStdin(doc, "check", "--stdin-filename", "api/names.yaml", "-")
	if !strings.Contains(out, "api/names.yaml:7:40:") {
		t.Errorf("--stdin-filename:\n%s", out)
	}
	suppressed := bytes.Replace(doc, []byte("validator: bodyy"), []byte("validator: bodyy # apigw:ignore APIGW404"), 1)
	if out, _, _ = runStdin(suppressed, "check", "-"); strings.Contains(out, "bodyy") || !strings.Contains(out, "1 suppressed") {
		t.Errorf("inline suppression on standard input:\n%s", out)
	}
	for _, args := range [][]string{
		{"fmt", "-"}, {"fmt", "--to", "json", "-"}, {"import", "-"}, {"convert", "--to", "swagger", "-"},
		{"config", "--target", "calls", "-"}, {"gen", "client", "-package", "names", "-"},
		{"simulate", "-", "--operation", "POST /things"},
	} {
		out, errOut, code := runStdin(doc, args...)
		if code != exitOK || out == "" || strings.Contains(errOut, "no such file") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	if _, errOut, code := runStdin(doc, "fmt", "-w", "-"); code != exitUsage || !strings.Contains(errOut, "standard input") {
		t.Errorf("fmt -w -: exit %d, %s", code, errOut)
	}
	if _, errOut, code := runStdin([]byte("openapi: [\n"), "import", "--stdin-filename", "broken.yaml", "-"); code != exitFindings || !strings.Contains(errOut, "broken.yaml:") {
		t.Errorf("syntax error on standard input: exit %d, %s", code, errOut)
	}
}
