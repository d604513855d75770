package source

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// compareFast writes a copy of n with the fast writer and another with yaml
// v4, indented by unit, and reports whether the fast writer took the tree.
func compareFast(t *testing.T, name string, n *yaml.Node, unit int) bool {
	t.Helper()
	fast, ok := writeFast(Clone(n), unit)
	if !ok {
		return false
	}
	whole, err := dumpWhole(Clone(n), unit)
	if err != nil {
		t.Errorf("%s: yaml v4 refused a tree the fast writer took: %v\n%s", name, err, fast)
		return true
	}
	if !bytes.Equal(fast, whole) {
		t.Errorf("%s (indent %d): fast writer differs from yaml v4:\n%s\nwant:\n%s", name, unit, fast, whole)
	}
	return true
}

// canonical returns a copy of n with WriteYAML's layout choices set.
func canonical(n *yaml.Node) *yaml.Node {
	c := Clone(n)
	canonicalYAML(c, map[*yaml.Node]bool{})
	return c
}

// TestFastWriterIsYAMLv4 compares the fast writer with yaml v4's emitter on
// every fixture, the corpus and generated documents, as loaded and
// restyled, indented by 2 and 4 spaces.
func TestFastWriterIsYAMLv4(t *testing.T) {
	taken, compared := 0, 0
	for name, data := range chunkInputs(t) {
		tree, _, err := Parse(name, data, Limits{})
		if err != nil {
			continue
		}
		for _, n := range []*yaml.Node{canonical(tree), canonical(Restyle(tree))} {
			for _, unit := range []int{2, 4} {
				compared++
				if compareFast(t, name, n, unit) {
					taken++
				} else if strings.HasPrefix(name, "specgen") {
					t.Errorf("%s: the fast writer did not take a generated document", name)
				}
			}
		}
	}
	t.Logf("fast writer took %d of %d trees", taken, compared)
	if taken < compared/4 {
		t.Errorf("the fast writer took only %d of %d trees", taken, compared)
	}
}

// TestFastWriterRandomTrees compares the fast writer with yaml v4's emitter
// on random trees whose scalars mix the characters, words, styles and tags
// that decide how the emitter writes a scalar.
func TestFastWriterRandomTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", "Z", "1", "0", " ", " ", ":", ": ", " #", "#", "-", "- ", "?", "? ", ",", "[", "]",
		"{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "\t", "\n", "\n", "\r", ".", "~",
		"é", "\u00a0", "日本", "\x00", "\x7f", "\x1b", "\x01",
		"true", "null", "123", "0x1F", "1e400", "1.5", "-0", ".inf", "2001-12-14", "<<", "---", "...", "yes", "_"}
	rare := []string{"\u2028", "\u0085", "\ufeff", "😀", "\xff", "\xc3"} // left to yaml v4
	word := func() string {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if r.IntN(200) == 0 {
			b.WriteString(rare[r.IntN(len(rare))])
		}
		return b.String()
	}
	styles := []yaml.Style{0, 0, 0, 0, yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle, yaml.LiteralStyle}
	tags := []string{TagStr, TagStr, TagStr, "", TagInt, TagFloat, TagBool, TagNull, TagTimestamp, "tag:yaml.org,2002:str"}
	scalar := func() *yaml.Node {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: tags[r.IntN(len(tags))], Style: styles[r.IntN(len(styles))], Value: word()}
		if r.IntN(3) == 0 {
			n.Tag = resolvePlain(n.Value) // the tag a loader gives a plain scalar
		}
		switch r.IntN(200) { // left to yaml v4
		case 0:
			n.LineComment = "# c"
		case 1:
			n.Style = yaml.FoldedStyle
		case 2:
			n.Style |= yaml.TaggedStyle
		case 3:
			n.Tag = "!Ref"
		case 4:
			n.Anchor = "a"
		}
		return n
	}
	var node func(depth int) *yaml.Node
	node = func(depth int) *yaml.Node {
		if depth > 3 || r.IntN(3) == 0 {
			return scalar()
		}
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: TagMap}
		if r.IntN(2) == 0 {
			n.Kind, n.Tag = yaml.SequenceNode, TagSeq
		}
		if r.IntN(8) == 0 {
			n.Style = yaml.FlowStyle
		}
		for range r.IntN(4) {
			if n.Kind == yaml.MappingNode {
				n.Content = append(n.Content, scalar())
			}
			n.Content = append(n.Content, node(depth+1))
		}
		return n
	}
	taken := 0
	const trees = 20000
	for i := range trees {
		root := &yaml.Node{Kind: yaml.MappingNode, Tag: TagMap}
		for range 1 + r.IntN(3) {
			root.Content = append(root.Content, scalar(), node(1))
		}
		doc := canonical(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
		if _, err := dumpWhole(Clone(doc), 2); err != nil {
			continue
		}
		if compareFast(t, "random tree", doc, 2+i%3) {
			taken++
		}
		if t.Failed() {
			break
		}
	}
	t.Logf("fast writer took %d of %d random trees", taken, trees)
	if taken < trees/10 {
		t.Errorf("the fast writer took only %d of %d random trees", taken, trees)
	}
}
