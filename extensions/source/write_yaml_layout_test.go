package source

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/internal/tree"
	"go.yaml.in/yaml/v4"
)

func TestFormatYAML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"banner stays before its resource",
			"Resources:\n  A:\n    Type: X\n    List:\n      - a\n\n####\n# B\n####\n  B:\n    Type: Y\n",
			"Resources:\n  A:\n    Type: X\n    List:\n      - a\n\n  ####\n  # B\n  ####\n  B:\n    Type: Y\n"},
		{"blank lines between sections kept, runs become one",
			"# head\n\nA: 1\n\n\nB:\n  x: 1\n\n  y: 2\nC: 3\n",
			"# head\n\nA: 1\n\nB:\n  x: 1\n\n  y: 2\nC: 3\n"},
		{"comment before a less indented key, no blank line",
			"A:\n  x:\n    - 1\n# about B\nB: 2\n",
			"A:\n  x:\n    - 1\n# about B\nB: 2\n"},
		{"comment closing a block",
			"A:\n  x:\n    - 1\n  # end of A\n\nB: 2\n",
			"A:\n  x:\n    - 1\n  # end of A\n\nB: 2\n"},
		{"comment closing a block, after a blank line",
			"A:\n  x: 1\n\n  # y: 2\n\nB: 2\n",
			"A:\n  x: 1\n\n  # y: 2\n\nB: 2\n"},
		{"comments at the end",
			"A: 1\n\n# the end\n\n\n",
			"A: 1\n\n# the end\n"},
		{"indented comment at the end",
			"A:\n  x: 1\n  # the end\n",
			"A:\n  x: 1\n  # the end\n"},
		{"comments in items",
			"A:\n  # first\n  - a\n\n  # second\n  - b: 1\n    # c\n    c: 2\n",
			"A:\n  # first\n  - a\n\n  # second\n  - b: 1\n    # c\n    c: 2\n"},
		{"comment before a value on its own line",
			"A:\n  # about it\n  text\nB: 1\n",
			"# about it\nA: text\nB: 1\n"},
		{"block scalar lines are not comments",
			"A: |\n  #set($x = 1)\n\n  $x\n# B\nB: 1\n",
			"A: |\n  #set($x = 1)\n\n  $x\n# B\nB: 1\n"},
		{"kept empty lines of a block scalar are content",
			"a: |+\n  kept\n\nb: 1\nc: |+\n  x\n\n\nd: 2\n",
			"a: |+\n  kept\n\nb: 1\nc: |+\n  x\n\n\nd: 2\n"},
		{"line comments stay",
			"A: # a\n  x: 1 # x\nB: [1] # b\n",
			"A: # a\n  x: 1 # x\nB: # b\n  - 1\n"},
		{"flow with comments stays flow",
			"A: {x: 1, # x\n  y: 2}\n\nB: 1\n",
			"A: {x: 1, # x\n  y: 2}\n\nB: 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tree.Load(t, tt.in)
			got, err := FormatYAML([]byte(tt.in), in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("FormatYAML:\n%s\nwant:\n%s", got, tt.want)
			}
			back := tree.Load(t, string(got))
			if ok, why := tree.Equal(in, back, tree.Options{}); !ok {
				t.Errorf("output loads to another tree: %s", why)
			}
			again, err := FormatYAML(got, back)
			if err != nil || string(again) != string(got) {
				t.Errorf("not idempotent:\n%s", again)
			}
		})
	}
}

// TestFormatYAMLPlacesEveryCorpusFile checks that the comments of every
// corpus YAML file are placed by the text, not left where the loader put
// them (which FormatYAML falls back to).
func TestFormatYAMLPlacesEveryCorpusFile(t *testing.T) {
	for _, file := range shared.CorpusFiles(t, "specs", "bad") {
		src, doc := loadYAMLFile(t, file)
		if doc == nil {
			continue
		}
		if _, ok := placeComments(src, doc); !ok {
			t.Errorf("%s: comments left where the loader put them", filepath.Base(file))
		}
	}
}

// TestFormatYAMLFixtures formats every YAML fixture of the repository: the
// output loads to the same tree and formatting it again changes nothing.
func TestFormatYAMLFixtures(t *testing.T) {
	var files []string
	err := filepath.WalkDir(filepath.Join("..", "..", "fixtures"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		src, doc := loadYAMLFile(t, file)
		if doc == nil {
			continue
		}
		out, err := FormatYAML(src, doc)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		back, _, err := Parse(file, out, Limits{})
		if err != nil {
			t.Errorf("%s: the output does not load: %v", file, err)
			continue
		}
		if ok, why := tree.Equal(doc, back, tree.Options{}); !ok {
			t.Errorf("%s: the output loads to another tree: %s", file, why)
		}
		if again, err := FormatYAML(out, back); err != nil || string(again) != string(out) {
			t.Errorf("%s: formatting the output again changes it", file)
		}
	}
}

// loadYAMLFile reads a .yaml or .yml file that loads as YAML; nil for any
// other file.
func loadYAMLFile(t *testing.T, file string) ([]byte, *yaml.Node) {
	t.Helper()
	if ext := filepath.Ext(file); ext != ".yaml" && ext != ".yml" {
		return nil, nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, format, err := Parse(file, src, Limits{})
	if err != nil || format != YAML {
		return nil, nil
	}
	return src, doc
}

// TestLayoutPreorder holds what placeComments relies on: the layout's
// places stand in the order of a depth-first walk over Content, each the
// one at gives for its node, on every input the chunked dump is tested on.
func TestLayoutPreorder(t *testing.T) {
	checked := 0
	for name, data := range chunkInputs(t) {
		tree, format, err := Parse(name, data, Limits{})
		if err != nil {
			continue
		}
		l, err := newLayout(data, format, tree)
		if err != nil {
			continue
		}
		places := l.places
		k := 0
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if k >= len(places) || l.nodes[k] != n || l.placeOf(n) != &places[k] {
				t.Fatalf("%s: node %d (line %d) is not the %dth place", name, k, n.Line, k)
			}
			k++
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(tree.Content[0])
		if k != len(places) {
			t.Errorf("%s: %d nodes walked, %d places", name, k, len(places))
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d inputs checked", checked)
	}
	// A node that stands twice in a tree has a place for each stand in
	// preorder, and at gives it the place of its last.
	shared := &yaml.Node{Kind: yaml.ScalarNode, Value: "a", Line: 1, Column: 3}
	tree := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Line: 1, Column: 1,
		Content: []*yaml.Node{shared, shared}}}}
	l, err := newLayout([]byte("[ a]"), YAML, tree)
	if err != nil {
		t.Fatal(err)
	}
	if places := l.places; len(places) != 3 || len(l.index()) != 2 || l.placeOf(shared) != &places[2] {
		t.Errorf("a tree holding a node twice: %d places in preorder, %d in at; want 3 and 2, the node at its last place", len(places), len(l.index()))
	}
}

// TestFormatYAMLOwnedIsFormatYAML formats every input twice, once on a copy
// and once in place, and compares the bytes; FormatYAML must leave its
// tree as it was.
func TestFormatYAMLOwnedIsFormatYAML(t *testing.T) {
	compared := 0
	for name, data := range chunkInputs(t) {
		tree, _, err := Parse(name, data, Limits{})
		if err != nil {
			continue
		}
		before, err := WriteJSON(tree)
		if err != nil {
			before = nil
		}
		want, werr := FormatYAML(data, tree)
		if after, _ := WriteJSON(tree); before != nil && !bytes.Equal(before, after) {
			t.Errorf("%s: FormatYAML changed its tree", name)
		}
		own, _, _ := Parse(name, data, Limits{})
		got, gerr := FormatYAMLOwned(data, own)
		if (werr != nil) != (gerr != nil) || !bytes.Equal(got, want) {
			t.Errorf("%s: formatted in place (%v):\n%s\nwant (%v):\n%s", name, gerr, got, werr, want)
		}
		compared++
	}
	if compared < 100 {
		t.Errorf("only %d inputs compared", compared)
	}
}

// TestLayoutLines holds the shortcuts of the layout's line index against
// the general scan: the lines found with bytes.IndexByte when every break is
// a LF, the end of a line taken from the next line's start, and lineFrom's
// search from a nearby line, on texts with every kind of line break and on
// every input the chunked dump is tested on.
func TestLayoutLines(t *testing.T) {
	texts := map[string][]byte{}
	for name, data := range chunkInputs(t) {
		texts[name] = data
	}
	breaks := []string{"\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029"}
	rng := rand.New(rand.NewPCG(7, 16))
	for i := range 300 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(strings.Repeat("ab é", rng.IntN(3)))
			b.WriteString(breaks[rng.IntN(len(breaks))])
			if rng.IntN(4) == 0 {
				b.WriteString(breaks[rng.IntN(2)])
			}
		}
		texts[fmt.Sprintf("random %d", i)] = []byte(b.String())
	}
	checked := 0
	for name, data := range texts {
		for _, format := range []Format{YAML, JSON} {
			l := &layout{src: data, format: format, eol: "\n"}
			l.findLines()
			want := &layout{src: data, format: format, eol: "\n", lines: []int{0}}
			want.scanLines()
			if !slices.Equal(l.lines, want.lines) || l.eol != want.eol {
				t.Fatalf("%s (%v): lines %v (%q), want %v (%q)", name, format, l.lines, l.eol, want.lines, want.eol)
			}
			for ln := 1; ln <= len(l.lines); ln++ {
				from := l.lines[ln-1]
				if got, want := l.endOfLine(ln), l.lineEnd(from); got != want {
					t.Fatalf("%s (%v): line %d ends at %d, want %d", name, format, ln, got, want)
				}
				for _, off := range []int{from, from + 1, from + 7, from + 40} {
					for _, hint := range []int{ln - 1, ln, ln + 1} {
						if off < len(data) && hint <= ln {
							if got, want := l.lineFrom(off, hint), l.lineOf(off); got != want {
								t.Fatalf("%s: lineFrom(%d, %d) = %d, want %d", name, off, hint, got, want)
							}
						}
					}
				}
			}
			checked++
		}
	}
	if checked < 600 {
		t.Errorf("only %d texts checked", checked)
	}
}
