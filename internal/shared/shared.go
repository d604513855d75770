// Package shared finds the real documents tests read from ../shared (the
// corpus, the large benchmark specs, the schemas), skipping a test when the
// folder is absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/internal/golden"
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
