package lint

import (
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

func TestGlobMatch(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"legacy/**", "legacy/a/b.yaml", true},
		{"legacy/**", "legacy", true},
		{"**/*.tpl.yaml", "a/b/c.tpl.yaml", true},
		{"**/*.tpl.yaml", "c.tpl.yaml", true},
		{"api/*.yaml", "api/x/y.yaml", false},
		{"api/*.yaml", "api/y.yaml", true},
		{"other/**", "legacy/a.yaml", false},
	} {
		if got := globMatch(c.glob, c.path); got != c.want {
			t.Errorf("%s ~ %s: %v", c.glob, c.path, got)
		}
	}
}

func TestCommentSuppressions(t *testing.T) {
	text := "a: 1 # apigw:ignore APIGW401, APIGW402 because\n" +
		"# apigw:ignore apigw430\n" +
		"b: '# apigw:ignore APIGW401'\n" +
		"c: 2 # apigw:ignore nothing\n" +
		"d: 3#apigw:ignore APIGW401\n"
	got := commentSuppressions(text)
	if len(got) != 2 {
		t.Fatalf("%d suppressions: %+v", len(got), got)
	}
	if s := got[0]; s.target != 1 || len(s.codes) != 2 || s.codes[1] != diag.UndeclaredRequestParameter || s.reason != "because" {
		t.Errorf("trailing comment: %+v", s)
	}
	if s := got[1]; s.target != 3 || s.line != 2 || s.codes[0] != diag.NoIntegration {
		t.Errorf("comment above: %+v", s)
	}
}

func TestParseCode(t *testing.T) {
	for _, in := range []string{"APIGW401", "apigw401", "401", " 401 "} {
		if c, err := ParseCode(in); err != nil || c != diag.UndeclaredResponseHeader {
			t.Errorf("%q: %v %v", in, c, err)
		}
	}
	if _, err := ParseCode("APIGW999"); err == nil {
		t.Error("APIGW999 accepted")
	}
}
