package apimodel

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// TestCorpusDumpsLoad loads every recorded API Gateway response in the
// corpus snapshots: list and API outputs as they are, get-method and
// get-integration outputs placed under a resource.
func TestCorpusDumpsLoad(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(golden.Root(t), "..", "shared", "corpus", "specs", "*.snapshot.json"))
	if len(files) == 0 {
		t.Skip("no corpus snapshots beside the repository")
	}
	loaded := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var snap map[string]struct {
			RC map[string]json.RawMessage `json:"recorded-content"`
		}
		if err := json.Unmarshal(b, &snap); err != nil {
			t.Fatal(err)
		}
		for _, test := range SortedKeys(snap) {
			rc := snap[test].RC
			for _, name := range SortedKeys(rc) {
				raw := wrapPart(rc[name])
				if raw == nil {
					continue
				}
				dump, diags := Load(name, raw)
				if dump == nil {
					continue // not an API Gateway read (an error response, an invocation result)
				}
				loaded++
				for _, d := range diags {
					t.Errorf("%s %s: %s", filepath.Base(f), test, d)
				}
			}
		}
	}
	if loaded < 50 {
		t.Errorf("only %d recorded outputs loaded; expected the snapshots' get-* outputs", loaded)
	}
}

// wrapPart puts a get-method or get-integration output under a resource, so
// that it loads as a dump; other outputs are returned as they are.
func wrapPart(raw json.RawMessage) []byte {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	if _, ok := m["Error"]; ok {
		return nil
	}
	keys := SortedKeys(m)
	switch {
	case slices.Contains(keys, "methodIntegration") || slices.Contains(keys, "methodResponses"):
		m = map[string]any{"resources": []any{map[string]any{"id": "r", "path": "/", "resourceMethods": map[string]any{"GET": m}}}}
	case slices.Contains(keys, "passthroughBehavior") || slices.Contains(keys, "uri") && slices.Contains(keys, "type"):
		m = map[string]any{"resources": []any{map[string]any{"id": "r", "path": "/", "resourceMethods": map[string]any{"GET": map[string]any{"methodIntegration": m}}}}}
	}
	restoreTemplates(m)
	b, _ := json.Marshal(m)
	return b
}

// restoreTemplates undoes a LocalStack snapshot transform: mapping templates
// that hold JSON text were recorded parsed, as objects; API Gateway returns
// them as strings, which is what Load requires.
func restoreTemplates(v any) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range SortedKeys(v) {
			if t, ok := v[k].(map[string]any); ok && (k == "requestTemplates" || k == "responseTemplates") {
				for _, ct := range SortedKeys(t) {
					if _, isStr := t[ct].(string); !isStr {
						b, _ := json.Marshal(t[ct])
						t[ct] = string(b)
					}
				}
			}
			restoreTemplates(v[k])
		}
	case []any:
		for _, e := range v {
			restoreTemplates(e)
		}
	}
}
