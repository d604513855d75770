package openapi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/tree"
)

// TestWriteGolden writes each document under fixtures/fmt as YAML and as
// JSON and compares with golden/fmt/<case>/out.yaml and out.json. Documents
// loaded from JSON are restyled for YAML. Each output is written again from
// its own parse to check that it is a fixed point.
func TestWriteGolden(t *testing.T) {
	files, err := filepath.Glob(golden.Fixture(t, "fmt/*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures under fixtures/fmt: %v", err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		c := strings.TrimSuffix(name, filepath.Ext(name))
		t.Run(c, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			in := tree.Load(t, string(data))
			src := in
			if filepath.Ext(name) == ".json" {
				src = source.Restyle(in)
			}
			y, err := source.WriteYAML(src)
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "fmt/"+c+"/out.yaml", y)
			if src == in {
				tree.AssertYAMLRoundTrip(t, in, y, source.WriteYAML)
			} else {
				back := tree.Load(t, string(y))
				if ok, why := tree.Equal(in, back, tree.Options{IgnoreStyle: true}); !ok {
					t.Errorf("YAML output loads to another tree: %s", why)
				}
				if again, err := source.WriteYAML(back); err != nil || string(again) != string(y) {
					t.Errorf("YAML output is not a fixed point (%v)", err)
				}
			}

			j, err := source.WriteJSON(in)
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "fmt/"+c+"/out.json", j)
			again, err := source.WriteJSON(tree.Load(t, string(j)))
			if err != nil || string(again) != string(j) {
				t.Errorf("JSON output is not a fixed point (%v)", err)
			}
		})
	}
}
