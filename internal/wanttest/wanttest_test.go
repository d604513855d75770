package wanttest

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

const fixture = `a: 1   # want APIGW401
b: 2   # want warning:APIGW402 "declares .* as \"X\"" APIGW402
c: '#/not/a/want'
d: 3   # want APIGW403 APIGW403
e: 4   # want APIGW404 ` + "`a\"b`" + `
`

func finding(line int, sev diag.Severity, code diag.Code, msg string) diag.Diagnostic {
	return diag.Diagnostic{File: "f.yaml", Line: line, Column: 4, Severity: sev, Code: code, Message: msg}
}

func TestCompare(t *testing.T) {
	good := []diag.Diagnostic{
		finding(1, diag.Warning, "APIGW401", "m"),
		finding(2, diag.Warning, "APIGW402", "other"),
		finding(2, diag.Warning, "APIGW402", `it declares the header as "X"`),
		finding(4, diag.Info, "APIGW403", "one"),
		finding(4, diag.Info, "APIGW403", "two"),
	}
	tests := []struct {
		name  string
		text  string
		diags []diag.Diagnostic
		want  []string
	}{
		{"all met", fixture[:len(fixture)-len("e: 4   # want APIGW404 `a\"b`\n")], good, nil},
		{"missing", "a: 1   # want APIGW401\nb: 2   # want APIGW401\n", good[:1],
			[]string{"f.yaml:2: no finding for want APIGW401"}},
		{"unexpected", "a: 1\n", good[:1],
			[]string{"f.yaml:1:4: unexpected finding: warning: m [APIGW401]"}},
		{"wrong line", "a: 1\nb: 2   # want APIGW401\n", good[:1],
			[]string{"f.yaml:1:4: unexpected finding: warning: m [APIGW401]", "f.yaml:2: no finding for want APIGW401"}},
		{"wrong severity", "a: 1   # want error:APIGW401\n", good[:1],
			[]string{"f.yaml:1:4: unexpected finding: warning: m [APIGW401]", `f.yaml:1: no finding for want error:APIGW401`}},
		{"message", "a: 1   # want APIGW401 \"^n\"\n", good[:1],
			[]string{"f.yaml:1:4: unexpected finding: warning: m [APIGW401]", `f.yaml:1: no finding for want APIGW401 "^n"`}},
		{"twice", "a: 1   # want APIGW401 APIGW401\n", good[:1],
			[]string{"f.yaml:1: no finding for want APIGW401"}},
		{"other file", "a: 1   # want APIGW401\n", []diag.Diagnostic{{File: "g.yaml", Line: 1, Code: "APIGW401", Message: "m"}},
			[]string{"g.yaml:1:0: unexpected finding: info: m [APIGW401]", "f.yaml:1: no finding for want APIGW401"}},
		{"not a code", "a: 1   # want 401\n", nil, []string{`f.yaml: line 1: "401" is not a code (APIGW401, or warning:APIGW401)`}},
		{"pattern first", "a: 1   # want \"x\"\n", nil, []string{`f.yaml: line 1: message pattern "x" follows no code`}},
		{"empty", "a: 1   # want \n", nil, []string{`f.yaml: line 1: want lists no code`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Compare("f.yaml", []byte(tc.text), tc.diags)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	ws, err := Parse([]byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.String())
	}
	want := []string{"APIGW401", `warning:APIGW402 "declares .* as \"X\""`, "APIGW402", "APIGW403", "APIGW403"}
	if len(ws) != 6 || !slices.Equal(got[:5], want) || ws[5].Line != 5 || ws[5].Message.String() != `a"b` {
		t.Fatalf("Parse = %q", got)
	}
}

func TestCheck(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f.yaml")
	if err := os.WriteFile(file, []byte("a: 1   # want APIGW401\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Check(t, file, []diag.Diagnostic{{File: file, Line: 1, Code: "APIGW401"}})
}
