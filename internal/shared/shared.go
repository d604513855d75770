// Package shared finds the real documents tests read from ../shared (the
// corpus, the large benchmark specs, the schemas), skipping a test when the
// folder is absent.
package shared

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apigw/apigw/internal/golden"
	"go.yaml.in/yaml/v4"
)

// Dir returns the shared folder beside the repository, skipping the test
// when it has no corpus.
func Dir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(golden.Root(t), "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		t.Skip("shared corpus not present")
	}
	return dir
}

// CorpusFiles lists the files of the named corpus folders ("specs", "bad").
func CorpusFiles(t testing.TB, folders ...string) []string {
	t.Helper()
	root := Dir(t)
	var out []string
	for _, f := range folders {
		files, err := filepath.Glob(filepath.Join(root, "corpus", f, "*"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, files...)
	}
	return out
}

// Seeds reads the files of the named corpus folders in name order, for
// fuzz targets' seed corpora; none when the corpus is absent (the target then
// runs on its own seeds instead of being skipped).
func Seeds(tb testing.TB, folders ...string) [][]byte {
	tb.Helper()
	root := filepath.Join(golden.Root(tb), "..", "shared", "corpus")
	var out [][]byte
	for _, f := range folders {
		files, _ := filepath.Glob(filepath.Join(root, f, "*"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				out = append(out, data)
			}
		}
	}
	return out
}

// Entries returns, in corpus order, the keys and scalar values (empty for
// others) of every object stored under one of names in the corpus's
// documents: Entries(tb, "requestParameters", "responseParameters") gives
// parameter mappings, Entries(tb, "responses") selection patterns. None
// when the corpus is absent.
func Entries(tb testing.TB, names ...string) [][2]string {
	tb.Helper()
	var out [][2]string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if slices.Contains(names, k.Value) && v.Kind == yaml.MappingNode {
					for j := 0; j+1 < len(v.Content); j += 2 {
						val := ""
						if v.Content[j+1].Kind == yaml.ScalarNode {
							val = v.Content[j+1].Value
						}
						out = append(out, [2]string{v.Content[j].Value, val})
					}
				}
				walk(v)
			}
		}
	}
	for _, data := range Seeds(tb, "specs") {
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) == nil {
			walk(&doc)
		}
	}
	return out
}
