package main

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

// TestExplain checks the three spellings of a code, the list, and the
// answer to a code the catalog does not hold.
func TestExplain(t *testing.T) {
	e, _ := diag.Lookup(diag.UndeclaredRequestParameter)
	var first string
	for _, arg := range []string{"APIGW402", "apigw402", "402", " 402 "} {
		out, stderr, code := runAt(t, "explain", arg)
		if code != exitOK || stderr != "" {
			t.Fatalf("explain %q: exit %d, stderr %q", arg, code, stderr)
		}
		for _, want := range []string{"APIGW402: " + e.Title, "Default severity: error", e.HelpURI(), "Evidence: Reported:", "lambda-tools/issues/56"} {
			if !strings.Contains(out, want) {
				t.Errorf("explain %q: output lacks %q:\n%s", arg, want, out)
			}
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Errorf("explain %q differs from explain APIGW402", arg)
		}
	}
	for _, line := range strings.Split(first, "\n") {
		if len([]rune(line)) > 78 && !strings.Contains(line, "://") {
			t.Errorf("line longer than 78 columns: %q", line)
		}
	}

	out, _, code := runAt(t, "explain")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != exitOK || len(lines) != len(diag.Catalog()) {
		t.Fatalf("explain: exit %d, %d lines for %d codes", code, len(lines), len(diag.Catalog()))
	}
	if lines[0] != "APIGW001  error    Syntax error in YAML or JSON" {
		t.Errorf("first line %q", lines[0])
	}

	for _, c := range []struct{ arg, want string }{
		{"APIGW409", "the nearest are APIGW408 (Extension read only by the other kind of API), APIGW410 (Path segment REST APIs cannot create), APIGW407"},
		{"9", "the nearest are APIGW008"},
		{"nope", "codes are written APIGW followed by three digits"},
	} {
		out, stderr, code := runAt(t, "explain", c.arg)
		if code != exitUsage || out != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("explain %q: exit %d, stdout %q, stderr %q; want exit 2 naming %q", c.arg, code, out, stderr, c.want)
		}
	}
	if _, _, code := runAt(t, "explain", "402", "403"); code != exitUsage {
		t.Errorf("two codes: exit %d, want %d", code, exitUsage)
	}
}
