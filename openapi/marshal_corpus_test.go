package openapi

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
)

// TestMarshalMethodsOfCorpus holds that a dump's Marshal writes each
// method as the method's own MarshalJSON does, on the import of every REST
// API of the shared corpus.
func TestMarshalMethodsOfCorpus(t *testing.T) {
	files := corpusFiles(t, "specs")
	if len(files) == 0 {
		t.Skip("empty corpus")
	}
	compared := 0
	for _, f := range files {
		docs, _, err := LoadFile(f, LoadOptions{})
		if err != nil {
			continue
		}
		for _, doc := range docs {
			d, _ := Import(doc, ImportOptions{})
			if d == nil || d.REST == nil {
				continue
			}
			data, err := d.Marshal()
			if err != nil {
				t.Fatalf("%s: %v", filepath.Base(f), err)
			}
			var written struct {
				Resources []struct {
					ID              string                     `json:"id"`
					ResourceMethods map[string]json.RawMessage `json:"resourceMethods"`
				} `json:"resources"`
			}
			if err := json.Unmarshal(data, &written); err != nil {
				t.Fatalf("%s: %v", filepath.Base(f), err)
			}
			byID := map[string]*apimodel.Resource{}
			for _, r := range d.REST.Resources {
				byID[r.ID] = r
			}
			for _, r := range written.Resources {
				for verb, raw := range r.ResourceMethods {
					// Without HTML escaping, as Marshal writes.
					var want bytes.Buffer
					enc := json.NewEncoder(&want)
					enc.SetEscapeHTML(false)
					if err := enc.Encode(byID[r.ID].ResourceMethods[verb]); err != nil {
						t.Fatal(err)
					}
					var got bytes.Buffer
					if err := json.Compact(&got, raw); err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got.Bytes(), bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
						t.Errorf("%s %s %s:\n%s\nwant\n%s", filepath.Base(f), r.ID, verb, got.Bytes(), want.Bytes())
					}
					compared++
				}
			}
		}
	}
	t.Logf("%d methods compared", compared)
	if compared < 300 {
		t.Errorf("only %d methods compared", compared)
	}
}
