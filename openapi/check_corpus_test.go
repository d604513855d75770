package openapi

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

// TestCorpusCheck checks every corpus file: no panic, every diagnostic has a
// file, position and code, and every error-level finding of the
// document-level checks is listed so it can be judged against what API
// Gateway's import does.
func TestCorpusCheck(t *testing.T) {
	files := corpusFiles(t, "specs", "bad")
	if len(files) == 0 {
		t.Skip("empty corpus")
	}
	counts := map[string]int{}
	for _, f := range files {
		name := filepath.Base(f)
		diags, err := CheckFile(f, LoadOptions{})
		if err != nil {
			var le *source.LimitError
			if !errors.As(err, &le) {
				t.Errorf("%s: %v", name, err)
			}
			t.Logf("REFUSED %s: %v", name, err)
			continue
		}
		for _, d := range diags {
			if d.File != f || d.Code == "" || d.Message == "" {
				t.Errorf("%s: incomplete diagnostic %+v", name, d)
			}
			if strings.HasPrefix(string(d.Code), "APIGW4") {
				counts[string(d.Code)+" "+d.Severity.String()]++
				if d.Severity == diag.Error {
					t.Logf("ERROR %s:%d:%d: %s [%s]", name, d.Line, d.Column, d.Message, d.Code)
				}
			}
		}
	}
	for _, c := range diag.Catalog() {
		for _, s := range []string{"error", "warning", "info"} {
			if n := counts[string(c.Code)+" "+s]; n > 0 {
				t.Logf("%s %s: %d", c.Code, s, n)
			}
		}
	}
}
