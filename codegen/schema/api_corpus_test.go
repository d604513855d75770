package schema

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/openapi"
)

// TestAPICorpus runs ForAPI over every document of the shared corpus: each
// either gives schemas that are valid 2020-12 schemas and compile, or is
// refused with an error diagnostic that says why.
func TestAPICorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "specs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no corpus: %v", err)
	}
	meta := metaSchema(t)
	var generated, refused, files int
	reasons := map[string]int{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		docs, _, err := openapi.LoadFile(filepath.Join(dir, e.Name()), openapi.LoadOptions{})
		if err != nil {
			continue // refused by a safety limit: not this test's concern
		}
		for _, doc := range docs {
			out, diags, err := ForAPI(doc, APIOptions{})
			if err != nil {
				t.Errorf("%s: %v", e.Name(), err)
				continue
			}
			if out == nil {
				refused++
				var why []string
				for _, d := range diags {
					if d.Severity == diag.Error {
						why = append(why, string(d.Code))
						if d.Message == "" || d.Code == "" {
							t.Errorf("%s: refused without a reason: %+v", e.Name(), d)
						}
					}
				}
				if len(why) == 0 {
					t.Errorf("%s: no files and no error diagnostic", e.Name())
				}
				reasons[strings.Join(why[:1], "")]++
				t.Logf("%s: refused: %s", e.Name(), firstError(diags))
				continue
			}
			generated++
			for _, f := range out {
				if f.Name == IndexFile {
					continue
				}
				files++
				compileFile(t, meta, f)
			}
		}
	}
	var keys []string
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("refused (first error %s): %d", k, reasons[k])
	}
	t.Logf("%d documents generated (%d operation schemas), %d refused", generated, files, refused)
	if generated == 0 {
		t.Error("no corpus document generated schemas")
	}
}

func firstError(ds []diag.Diagnostic) string {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return d.String()
		}
	}
	return ""
}
