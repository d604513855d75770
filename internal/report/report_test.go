package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/golden"
)

// sample holds diagnostics out of order, in two files, of every severity.
func sample() []diag.Diagnostic {
	return []diag.Diagnostic{
		{Severity: diag.Warning, Code: "APIGW102", Pointer: "/x-amazon-apigateway-request-validators/all/validateBody",
			File: "api/openapi.yaml", Line: 12, Column: 7, Message: `unknown key "validateBody"; did you mean "validateRequestBody"?`},
		{Severity: diag.Error, Code: "APIGW100", Pointer: "/paths/~1pets/get/x-amazon-apigateway-integration/timeoutInMillis",
			File: "api/openapi.yaml", Line: 30, Column: 26, Message: `timeoutInMillis must be an integer, not "soon"; write a number of milliseconds such as 29000`},
		{Severity: diag.Info, Code: "APIGW105", Pointer: "/x-amazon-apigateway-unknown",
			File: "template.json", Line: 4, Column: 3, Message: `x-amazon-apigateway-unknown is not an API Gateway extension & is ignored <here>`},
		{Severity: diag.Error, Code: "APIGW103", Pointer: "/x-amazon-apigateway-integration",
			File: "api/openapi.yaml", Line: 0, Column: 0, Message: "type is required; write one of aws, aws_proxy, http, http_proxy, mock"},
	}
}

func options() Options {
	return Options{
		ToolVersion: "1.2.3",
	}
}

func TestGolden(t *testing.T) {
	for _, c := range []struct {
		name  string
		diags []diag.Diagnostic
	}{{"sample", sample()}, {"empty", nil}} {
		for _, f := range []struct {
			format Format
			file   string
		}{{FormatText, "report.txt"}, {FormatJSON, "report.json"}, {FormatSARIF, "report.sarif"}} {
			got, err := Render(f.format, c.diags, options())
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "report/"+c.name+"/"+f.file, got)
		}
	}
}

func TestRenderDoesNotReorderInput(t *testing.T) {
	d := sample()
	if _, err := Render(FormatSARIF, d, Options{}); err != nil {
		t.Fatal(err)
	}
	Text(d)
	if d[0].Code != "APIGW102" {
		t.Error("the caller's slice was sorted")
	}
}

func TestText(t *testing.T) {
	got := string(Text(sample()))
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	want := []string{
		"api/openapi.yaml:0:0: error: type is required",
		"api/openapi.yaml:12:7: warning: unknown key",
		"api/openapi.yaml:30:26: error: timeoutInMillis",
		"template.json:4:3: info: x-amazon-apigateway-unknown",
		"2 errors, 1 warning, 1 info in 2 files",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines:\n%s", len(lines), got)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
}

func TestSummary(t *testing.T) {
	d := func(s diag.Severity, file string) diag.Diagnostic {
		return diag.Diagnostic{Severity: s, File: file}
	}
	tests := []struct {
		diags []diag.Diagnostic
		want  string
	}{
		{nil, "no problems"},
		{[]diag.Diagnostic{d(diag.Error, "a")}, "1 error, 0 warnings, 0 infos in 1 file"},
		{[]diag.Diagnostic{d(diag.Warning, "a"), d(diag.Warning, "b"), d(diag.Info, "a")},
			"0 errors, 2 warnings, 1 info in 2 files"},
		{[]diag.Diagnostic{d(diag.Error, ""), d(diag.Error, ""), d(diag.Info, "")}, "2 errors, 0 warnings, 1 info in 1 file"},
	}
	for _, tt := range tests {
		if got := Summary(tt.diags); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}

func TestJSONEmptyIsArray(t *testing.T) {
	got, err := JSON(nil)
	if err != nil || string(got) != "[]\n" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestJSONKeyOrderAndValues(t *testing.T) {
	got, err := JSON(sample()[:1])
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	keys := []string{`"file"`, `"line"`, `"column"`, `"pointer"`, `"severity"`, `"code"`, `"message"`}
	last := -1
	for _, k := range keys {
		i := strings.Index(s, k)
		if i <= last {
			t.Fatalf("key %s out of order in\n%s", k, s)
		}
		last = i
	}
	var back []map[string]any
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if back[0]["severity"] != "warning" || back[0]["line"] != 12.0 || back[0]["code"] != "APIGW102" {
		t.Errorf("values: %v", back[0])
	}
}

func TestExitCode(t *testing.T) {
	warn := []diag.Diagnostic{{Severity: diag.Warning}}
	info := []diag.Diagnostic{{Severity: diag.Info}}
	tests := []struct {
		diags  []diag.Diagnostic
		failOn diag.Severity
		want   int
	}{
		{nil, diag.Info, 0},
		{sample(), diag.Error, 1},
		{warn, diag.Error, 0},
		{warn, diag.Warning, 1},
		{info, diag.Warning, 0},
		{info, diag.Info, 1},
	}
	for i, tt := range tests {
		if got := ExitCode(tt.diags, tt.failOn); got != tt.want {
			t.Errorf("%d: ExitCode = %d, want %d", i, got, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"text", "json", "sarif"} {
		if f, err := ParseFormat(s); err != nil || string(f) != s {
			t.Errorf("ParseFormat(%q) = %q, %v", s, f, err)
		}
	}
	for _, s := range []string{"", "JSON", "xml"} {
		if _, err := ParseFormat(s); err == nil {
			t.Errorf("ParseFormat(%q): no error", s)
		}
	}
	if _, err := Render("xml", nil, Options{}); err == nil {
		t.Error("Render of an unknown format: no error")
	}
}

func TestTextCountsFilesRead(t *testing.T) {
	out, err := Render(FormatText, nil, Options{Files: 3})
	if err != nil || string(out) != "checked 3 files: no problems\n" {
		t.Fatalf("got %q, %v", out, err)
	}
	out, _ = Render(FormatText, nil, Options{Files: 0, Refused: 1})
	if want := "checked 0 files (1 file refused by a safety limit)\n"; string(out) != want {
		t.Fatalf("got %q, want %q", out, want)
	}
	out, _ = Render(FormatText, []diag.Diagnostic{{Severity: diag.Warning, Code: "APIGW102", File: "a.yaml", Line: 1, Column: 1, Message: "m"}}, Options{Files: 1})
	if want := "a.yaml:1:1: warning: m [APIGW102]\nchecked 1 file: 0 errors, 1 warning, 0 infos in 1 file\n"; string(out) != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}
