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

// randomTrees makes random trees whose scalars mix the characters, words,
// styles and tags that decide how yaml v4 writes a scalar; one node in odd
// gets what the fast writer leaves to yaml v4 (a comment, a folded or
// explicitly tagged scalar, a custom tag, an anchor, a character written by
// code point).
type randomTrees struct {
	r   *rand.Rand
	odd int
}

var (
	randomPieces = []string{"a", "b", "Z", "1", "0", " ", " ", ":", ": ", " #", "#", "-", "- ", "?", "? ", ",", "[", "]",
		"{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "\t", "\n", "\n", "\r", ".", "~",
		"é", "\u00a0", "日本", "\x00", "\x7f", "\x1b", "\x01",
		"true", "null", "123", "0x1F", "1e400", "1.5", "-0", ".inf", "2001-12-14", "<<", "---", "...", "yes", "_"}
	randomRare   = []string{"\u2028", "\u0085", "\ufeff", "😀", "\xff", "\xc3"}
	randomStyles = []yaml.Style{0, 0, 0, 0, yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle, yaml.LiteralStyle}
	randomTags   = []string{TagStr, TagStr, TagStr, "", TagInt, TagFloat, TagBool, TagNull, TagTimestamp, "tag:yaml.org,2002:str"}
)

// word returns a random scalar value.
func (g randomTrees) word() string {
	var b strings.Builder
	for range g.r.IntN(5) {
		b.WriteString(randomPieces[g.r.IntN(len(randomPieces))])
	}
	if g.r.IntN(40*g.odd) == 0 {
		b.WriteString(randomRare[g.r.IntN(len(randomRare))])
	}
	return b.String()
}

// scalar returns a random scalar node.
func (g randomTrees) scalar() *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: randomTags[g.r.IntN(len(randomTags))],
		Style: randomStyles[g.r.IntN(len(randomStyles))], Value: g.word()}
	if g.r.IntN(3) == 0 {
		n.Tag = resolvePlain(n.Value) // the tag a loader gives a plain scalar
	}
	switch g.r.IntN(7 * g.odd) {
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
	case 5:
		n.HeadComment = "# h"
	case 6:
		n.FootComment = "# f"
	}
	return n
}

// node returns a random node: a scalar, or a mapping or sequence (in flow
// style one time in eight) of up to three random nodes.
func (g randomTrees) node(depth int) *yaml.Node {
	if depth > 3 || g.r.IntN(3) == 0 {
		return g.scalar()
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: TagMap}
	if g.r.IntN(2) == 0 {
		n.Kind, n.Tag = yaml.SequenceNode, TagSeq
	}
	if g.r.IntN(8) == 0 {
		n.Style = yaml.FlowStyle
	}
	for range g.r.IntN(4) {
		if n.Kind == yaml.MappingNode {
			n.Content = append(n.Content, g.scalar())
		}
		n.Content = append(n.Content, g.node(depth+1))
	}
	return n
}

// TestFastWriterRandomTrees compares the fast writer with yaml v4's emitter
// on random trees.
func TestFastWriterRandomTrees(t *testing.T) {
	g := randomTrees{r: rand.New(rand.NewPCG(1, 2)), odd: 30}
	taken := 0
	const trees = 20000
	for i := range trees {
		root := &yaml.Node{Kind: yaml.MappingNode, Tag: TagMap}
		for range 1 + g.r.IntN(3) {
			root.Content = append(root.Content, g.scalar(), g.node(1))
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
