package openapi

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/extensions/source"
)

// TestCorpusConvertKeepsModel converts every corpus document to each other
// version: the converted document must load without errors and import to
// the same API model as the original (with the base path ignored, as
// servers and basePath are written differently by each version).
func TestCorpusConvertKeepsModel(t *testing.T) {
	files := corpusFiles(t, "specs")
	checked := 0
	for _, f := range files {
		name := filepath.Base(f)
		docs, diags, err := LoadFile(f, LoadOptions{})
		if err != nil || hasErrors(diags) {
			continue
		}
		for _, doc := range docs {
			if doc.Embedded() || intrinsicIn(doc.Root) != "" {
				continue
			}
			want, idiags := Import(doc, ImportOptions{})
			if want == nil || hasErrors(idiags) {
				continue
			}
			m1, _ := want.Marshal()
			for _, to := range []Kind{Swagger2, OpenAPI30, OpenAPI31} {
				if to == doc.Kind || doc.HTTPAPI() && to == Swagger2 {
					continue
				}
				root, _ := Convert(doc, to)
				data, err := source.WriteJSON(root)
				if err != nil {
					t.Fatalf("%s → %s: %v", name, to, err)
				}
				again, ldiags, err := Load(name, data, LoadOptions{})
				if err != nil || len(again) != 1 || hasErrors(ldiags) {
					t.Errorf("%s → %s: does not load cleanly: %v %v", name, to, err, firstError(ldiags))
					continue
				}
				if again[0].Kind != to {
					t.Errorf("%s → %s: loads as %s", name, to, again[0].Kind)
				}
				again[0].API = doc.API
				got, _ := Import(again[0], ImportOptions{})
				m2, _ := got.Marshal()
				if !bytes.Equal(m1, m2) {
					t.Errorf("%s → %s: the model changes:\n%s", name, to, firstLineDiff(m1, m2))
				}
				checked++
			}
		}
	}
	t.Logf("%d conversions checked", checked)
}
