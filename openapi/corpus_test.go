package openapi

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/shared"
)

func sharedDir(t *testing.T) string { return shared.Dir(t) }

func corpusFiles(t *testing.T, folders ...string) []string { return shared.CorpusFiles(t, folders...) }

// TestCorpusLoads loads every corpus file: each must give documents, or be
// refused with an error diagnostic or an info that says why nothing was read.
func TestCorpusLoads(t *testing.T) {
	files := corpusFiles(t, "specs", "bad")
	if len(files) == 0 {
		t.Skip("empty corpus")
	}
	loaded := 0
	for _, f := range files {
		name := filepath.Base(f)
		docs, diags, err := LoadFile(f, LoadOptions{})
		if err != nil {
			var le *source.LimitError
			if !errors.As(err, &le) {
				t.Errorf("%s: %v", name, err)
			}
			t.Logf("REFUSED %s: %v", name, err)
			continue
		}
		for _, d := range diags {
			if d.File != f || d.Line == 0 && d.Code != diag.LimitSize {
				t.Errorf("%s: diagnostic without file or position: %s", name, d)
			}
		}
		if len(docs) > 0 {
			loaded++
			for _, d := range docs {
				if d.Root == nil || d.Kind == KindUnknown || d.Kind == CloudFormation {
					t.Errorf("%s: document without root or kind: %+v", name, d)
				}
			}
			continue
		}
		reason := ""
		for _, d := range diags {
			if d.Code < "APIGW100" {
				reason = d.String()
				break
			}
		}
		if reason == "" {
			t.Errorf("%s: no document and no reason", name)
		}
		t.Logf("NO DOCUMENT %s: %s", name, reason)
	}
	t.Logf("%d of %d files gave documents", loaded, len(files))
}
