package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/internal/specgen"
	"go.yaml.in/yaml/v4"
)

// chunkInputs are the texts the chunked dump is compared on: every YAML
// and JSON fixture, the corpus (when present) and generated documents.
func chunkInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{"specgen.json": specgen.JSON(20), "specgen.yaml": specgen.YAML(20)}
	root := golden.Root(t)
	var files []string
	for _, glob := range []string{"fixtures/*.yaml", "fixtures/*/*.yaml", "fixtures/*/*.json", "fixtures/*/*/*.yaml", "fixtures/*/*/*.json", "extensions/testdata/*"} {
		m, _ := filepath.Glob(filepath.Join(root, glob))
		files = append(files, m...)
	}
	if _, err := os.Stat(filepath.Join(root, "..", "shared", "corpus")); err == nil {
		files = append(files, shared.CorpusFiles(t, "specs", "bad")...)
	}
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil {
			in[f] = data
		}
	}
	return in
}

// TestChunkedDumpIsOneDump writes every input with groups of one entry
// wherever a mapping can be split and compares the bytes with one dump:
// WriteYAML of the tree and of its restyled copy, FormatYAML, and the tree
// as loaded with four-space indentation.
func TestChunkedDumpIsOneDump(t *testing.T) {
	defer func(n int) { chunkNodes = n }(chunkNodes)
	write := func(size int, f func() ([]byte, error)) ([]byte, error) {
		chunkNodes = size
		return f()
	}
	compared := 0
	for name, data := range chunkInputs(t) {
		tree, _, err := Parse(name, data, Limits{})
		if err != nil {
			continue
		}
		cases := map[string]func() ([]byte, error){
			"WriteYAML":          func() ([]byte, error) { return WriteYAML(tree) },
			"WriteYAML restyled": func() ([]byte, error) { return WriteYAML(Restyle(tree)) },
			"FormatYAML":         func() ([]byte, error) { return FormatYAML(data, tree) },
			"dump indented by 4": func() ([]byte, error) { return dump(tree, 4) },
		}
		for what, f := range cases {
			whole, werr := write(1<<30, f)
			pieces, perr := write(1, f)
			if (werr != nil) != (perr != nil) {
				t.Errorf("%s: %s: error %v, in one dump %v", name, what, perr, werr)
				continue
			}
			if !bytes.Equal(whole, pieces) {
				t.Errorf("%s: %s in pieces differs from one dump:\n%s\nwant:\n%s", name, what, pieces, whole)
			}
			compared++
		}
	}
	t.Logf("%d outputs compared", compared)
}

// TestChunkedDumpSplits checks that a large mapping is in fact dumped in
// pieces, and what stops a split.
func TestChunkedDumpSplits(t *testing.T) {
	defer func(n int) { chunkNodes = n }(chunkNodes)
	chunkNodes = 1
	load := func(s string) *yaml.Node {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(s), &n); err != nil {
			t.Fatal(err)
		}
		return &n
	}
	var big []*yaml.Node
	findLarge(load("a:\n  b: 1\n  c: 2\n  d: 3\n  e: 4\n"), false, &big)
	if len(big) != 1 {
		t.Fatalf("found %d mappings to split, want the root", len(big))
	}
	big = nil
	findLarge(load("&x\na: 1\nb: 2\nc: 3\nd: 4\n"), false, &big)
	if len(big) != 0 {
		t.Errorf("a mapping with an anchor is split")
	}
	m := load("a: 1\n# foot of a\nb: 2\n").Content[0]
	if canSplit(m.Content, 2) {
		t.Errorf("a split is allowed where a comment stands")
	}
}

// TestEntrySizes holds the counts shared among the processors against
// counting each entry in turn, on a mapping of entries of every size.
func TestEntrySizes(t *testing.T) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := range 1001 {
		v := &yaml.Node{Kind: yaml.SequenceNode}
		for range i % 37 {
			v.Content = append(v.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "x"})
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.Itoa(i)}, v)
	}
	sizes := entrySizes(m.Content)
	if len(sizes) != 1001 {
		t.Fatalf("%d sizes for 1001 entries", len(sizes))
	}
	for i, got := range sizes {
		if want := 2 + i%37; got != want {
			t.Fatalf("entry %d: %d nodes, want %d", i, got, want)
		}
	}
}
