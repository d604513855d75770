package openapi

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/tree"
	"go.yaml.in/yaml/v4"
)

// TestWriteCorpus writes every document of the shared corpus in its own
// format and checks that the output loads to the input's ordered tree and
// that writing it again gives the same bytes. JSON documents are also
// converted to YAML and back.
func TestWriteCorpus(t *testing.T) {
	dir := filepath.Join(golden.Root(t), "..", "shared", "corpus", "specs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no corpus: %v", err)
	}
	var files, refused int
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".json" && ext != ".yaml" && ext != ".yml") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var in yaml.Node
		if err := yaml.Load(data, &in); err != nil {
			refused++
			t.Logf("%s: not loadable by yaml v4: %v", e.Name(), err)
			continue
		}
		files++
		t.Run(e.Name(), func(t *testing.T) {
			if ext == ".json" {
				checkJSONRoundTrip(t, &in)
			} else {
				checkYAMLRoundTrip(t, &in)
			}
		})
	}
	t.Logf("%d corpus files written and reloaded, %d not loadable", files, refused)
}

func checkYAMLRoundTrip(t *testing.T, in *yaml.Node) {
	out, err := source.WriteYAML(in)
	if err != nil {
		t.Fatal(err)
	}
	tree.AssertYAMLRoundTrip(t, in, out, source.WriteYAML)
	// JSON output of a YAML document must load to the same values.
	js, err := source.WriteJSON(in)
	if err != nil {
		t.Logf("no JSON form: %v", err)
		return
	}
	back := tree.Load(t, string(js))
	want, _ := source.WriteJSON(back)
	if !bytes.Equal(js, want) {
		t.Error("WriteJSON is not idempotent")
	}
}

func checkJSONRoundTrip(t *testing.T, in *yaml.Node) {
	out, err := source.WriteJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	back := tree.Load(t, string(out))
	if ok, why := tree.Equal(in, back, tree.Options{}); !ok {
		t.Errorf("JSON output does not load to the input tree: %s", why)
	}
	again, err := source.WriteJSON(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Error("WriteJSON is not idempotent")
	}
	y, err := source.WriteYAML(source.Restyle(in))
	if err != nil {
		t.Fatal(err)
	}
	fromYAML := tree.Load(t, string(y))
	if ok, why := tree.Equal(in, fromYAML, tree.Options{IgnoreStyle: true}); !ok {
		t.Errorf("JSON→YAML changed the tree: %s", why)
	}
	if js, err := source.WriteJSON(fromYAML); err != nil || !bytes.Equal(js, out) {
		t.Errorf("JSON→YAML→JSON differs from JSON output (%v)", err)
	}
}
