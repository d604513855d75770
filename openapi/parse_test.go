package openapi

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

// aliasBomb writes a YAML "billion laughs": each level refers nine times to the one before.
func aliasBomb(levels int) string {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= levels; i++ {
		b.WriteString("x-a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestLimits(t *testing.T) {
	cases := []struct {
		name      string
		src       string
		lim       source.Limits
		limit     string
		line, col int
		msg       string
		code      diag.Code
	}{
		{"size", `{"openapi": "3.0.1"}`, source.Limits{MaxBytes: 10}, source.LimitSize, 0, 0, "more than the limit of 10 bytes", diag.LimitSize},
		{"depth json", `{"a": [[[{"b": 1}]]]}`, source.Limits{MaxDepth: 4}, source.LimitDepth, 1, 10, "deeper than 4 levels", diag.LimitDepth},
		{"depth json ok", `{"a": [[[1]]]}`, source.Limits{MaxDepth: 4}, "", 0, 0, "", ""},
		{"depth yaml", "a:\n  b:\n    c:\n      - d: 1\n", source.Limits{MaxDepth: 3}, source.LimitDepth, 4, 7, "deeper than 3 levels", diag.LimitDepth},
		{"depth yaml flow", "a: [[[[1]]]]\n", source.Limits{MaxDepth: 3}, source.LimitDepth, 1, 6, "deeper than 3 levels", diag.LimitDepth},
		{"depth through alias", "x: &x [[[1]]]\ny:\n  z: *x\n", source.Limits{MaxDepth: 4}, source.LimitDepth, 3, 6, "deeper than 4 levels", diag.LimitDepth},
		{"alias bomb", aliasBomb(8), source.Limits{}, source.LimitAlias, 8, 12, "expand to more than 1000000 nodes", diag.LimitAlias},
		{"alias small", aliasBomb(2), source.Limits{}, "", 0, 0, "", ""},
		{"alias limit configurable", aliasBomb(2), source.Limits{MaxAliasNodes: 50}, source.LimitAlias, 3, 37, "more than 50 nodes", diag.LimitAlias},
		{"alias cycle", "a: &x [1, *x]\n", source.Limits{}, source.LimitAlias, 1, 11, "refers to a node that contains it", diag.LimitAlias},
		{"utf8 yaml", "openapi: 3.0.1\ninfo:\n  title: caf\xe9 au lait\n", source.Limits{}, source.LimitUTF8, 3, 13, "byte 0xe9", diag.InvalidUTF8},
		{"utf8 json after non-ascii", "{\"é\": \"\xff\"}", source.Limits{}, source.LimitUTF8, 1, 8, "byte 0xff", diag.InvalidUTF8},
		{"multi document", "openapi: 3.0.1\n---\nswagger: \"2.0\"\n", source.Limits{}, source.LimitDocuments, 2, 1, "second YAML document", diag.MultiDocument},
		{"one document with markers", "---\nopenapi: 3.0.1\n...\n", source.Limits{}, "", 0, 0, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := source.Parse("in.yaml", []byte(c.src), c.lim)
			if c.limit == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var le *source.LimitError
			if !errors.As(err, &le) {
				t.Fatalf("error %v (%T), want *LimitError", err, err)
			}
			if le.Code != c.code {
				t.Errorf("code %s, want %s", le.Code, c.code)
			}
			if le.Limit != c.limit || le.Line != c.line || le.Column != c.col || le.File != "in.yaml" || !strings.Contains(le.Message, c.msg) {
				t.Errorf("got %s %d:%d %q, want %s %d:%d containing %q", le.Limit, le.Line, le.Column, le.Message, c.limit, c.line, c.col, c.msg)
			}
			if !strings.HasPrefix(le.Error(), "in.yaml:") || !strings.Contains(le.Error(), string(le.Code)) {
				t.Errorf("Error() = %q, want file and code", le.Error())
			}
		})
	}
}

// TestLoadReturnsLimitErrors checks that Load hands refusals back as errors, not diagnostics.
func TestLoadReturnsLimitErrors(t *testing.T) {
	docs, diags, err := Load("big.json", []byte(`{"openapi": "3.0.1"}`), LoadOptions{Limits: source.Limits{MaxBytes: 5}})
	var le *source.LimitError
	if !errors.As(err, &le) || docs != nil || diags != nil {
		t.Errorf("got %v, %v, %v; want only a *LimitError", docs, diags, err)
	}
}

func TestYAMLSyntaxErrorHasPosition(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"openapi: 3.0.1\npaths:\n  /a:\n    get: [1\n", 5, 1, "did not find expected ',' or ']'"},
		{"a: 1\nb:\n  - c\n  d: 2\n", 4, 3, "(the construct starts at 3:3)"},
		{"key: \"unterminated\n", 2, 1, "while scanning a quoted scalar"},
		{"a: *nowhere\n", 1, 4, "unknown anchor"},
	}
	for _, c := range cases {
		docs, diags, err := Load("s.yaml", []byte(c.src), LoadOptions{})
		if err != nil || docs != nil || len(diags) != 1 {
			t.Fatalf("%q: got %v %v %v", c.src, docs, diags, err)
		}
		d := diags[0]
		if d.Code != diag.Syntax || d.File != "s.yaml" || d.Line != c.line || d.Column != c.col || !strings.Contains(d.Message, c.msg) {
			t.Errorf("%q: got %s, want %d:%d containing %q", c.src, d, c.line, c.col, c.msg)
		}
	}
}

func TestEmptyFile(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "  \n", "\xef\xbb\xbf"} {
		_, diags, err := Load("e.yaml", []byte(src), LoadOptions{})
		if err != nil || len(diags) != 1 || diags[0].Code != diag.EmptyFile {
			t.Errorf("%q: got %v %v, want one %s diagnostic", src, diags, err, diag.EmptyFile)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	cases := map[string]source.Format{
		`{"a":1}`: source.JSON, "  \n\t[1]": source.JSON, "\xef\xbb\xbf{}": source.JSON,
		"a: 1": source.YAML, "# {x}\n": source.YAML, "---\n{}": source.YAML, "": source.YAML,
	}
	for src, want := range cases {
		if got := source.DetectFormat([]byte(src)); got != want {
			t.Errorf("DetectFormat(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestYAMLSyntaxErrorsSayWhatToFix(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a:\n  b: 1\n   c: 2\n", "indented differently"},
		{"a:\n\tb: 1\n", "tab used for indentation"},
	} {
		_, _, err := source.Parse("x.yaml", []byte(tc.in), source.Limits{})
		var se *source.SyntaxError
		if !errors.As(err, &se) || !strings.Contains(se.Message, tc.want) {
			t.Errorf("%q: %v, want a message containing %q", tc.in, err, tc.want)
		}
	}
}
