package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

func TestRender(t *testing.T) {
	response := "fixtures/render/response.vm"
	cases := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		out, errIn string
	}{
		{"response template", []string{response, "--body", "fixtures/render/reply.json", "--path", "id=42",
			"--context", "identity.sourceIp=203.0.113.7", "--stage-var", "env=prod"}, "", exitOK,
			"{\n  \"id\": \"42\",\n  \"caller\": \"203.0.113.7\",\n  \"env\": \"prod\",\n  \"items\": [\n" +
				"    {\"name\": \"Zo\\u00EB\\'s lamp\", \"price\": 19.5},\n    {\"name\": \"desk\", \"price\": 120}\n  ]\n}\n", ""},
		{"body from standard input, no line break added", []string{"fixtures/render/override.vm", "--body", "-"}, `{"items": []}`, exitOK,
			"[]\n", "responseOverride.status: 404\nresponseOverride.header.X-Reason: empty\n"},
		{"template from standard input", []string{"-", "--query", "q=a b", "--header", "X-Q: h", "--query", "r=2"},
			"$input.params('q')|$input.params('r')|$input.params('x-q')|$input.body", exitOK, "a b|2|h|{}", ""},
		{"nested context names", []string{"-", "--context", "authorizer.claims.email=a@b.c", "--context", "authorizer.claims.sub=u1"},
			"$context.authorizer.claims.email $context.authorizer.claims.sub", exitOK, "a@b.c u1", ""},
		{"template error", []string{"fixtures/render/bad.vm"}, "", exitFindings, "",
			"fixtures/render/bad.vm:4:1: error: unexpected \"}\": write \")\" to close the directive's parentheses\n"},
		{"render error", []string{"-"}, "$input.path('$.a').substring(9)", exitFindings, "", "<stdin>:1:20: error: calling substring"},
		{"render limit", []string{"fixtures/render/loop.vm"}, "", exitLimit, "", "fixtures/render/loop.vm:1:16: error: the range [1..2000000]"},
		{"bad parameter", []string{response, "--path", "id"}, "", exitUsage, "", `--path "id": write NAME=VALUE`},
		{"bad header", []string{response, "--header", "X-Q"}, "", exitUsage, "", `write it as 'Name: value'`},
		{"both from standard input", []string{"-", "--body", "-"}, "", exitUsage, "", "cannot both be read from standard input"},
		{"missing template", []string{"fixtures/render/none.vm"}, "", exitUsage, "", "no such file"},
		{"no template", []string{}, "", exitUsage, "", "accepts 1 arg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(golden.Root(t))
			var out, errb bytes.Buffer
			code := run(append([]string{"render"}, c.args...), strings.NewReader(c.stdin), &out, &errb)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.code, errb.String())
			}
			if out.String() != c.out {
				t.Errorf("stdout %q, want %q", out.String(), c.out)
			}
			if !strings.Contains(errb.String(), c.errIn) {
				t.Errorf("stderr %q, want it to contain %q", errb.String(), c.errIn)
			}
		})
	}
}

func TestRenderSizeLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, bytes.Repeat([]byte(" "), maxRenderBody+1), 0o644); err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(dir, "t.vm")
	if err := os.WriteFile(tpl, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"render", tpl, "--body", big}, nil, &out, &errb); code != exitLimit || !strings.Contains(errb.String(), "larger than") {
		t.Fatalf("exit %d, stderr %q; want %d and the limit", code, errb.String(), exitLimit)
	}
	bigTpl := filepath.Join(dir, "big.vm")
	if err := os.WriteFile(bigTpl, bytes.Repeat([]byte("x"), maxRenderTemplate+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"render", bigTpl}, nil, &out, &errb); code != exitLimit {
		t.Fatalf("exit %d for a template past the limit, want %d", code, exitLimit)
	}
}

func TestRenderOutputNotWritten(t *testing.T) {
	var errb bytes.Buffer
	code := run([]string{"render", "-"}, strings.NewReader("hello"), failingWriter{}, &errb)
	if code != exitWrite || !strings.Contains(errb.String(), "no space left on device") {
		t.Fatalf("exit %d, stderr %q; want %d", code, errb.String(), exitWrite)
	}
}
