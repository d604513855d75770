package source

import (
	"strings"

	"go.yaml.in/yaml/v4"
)

// Restyle returns a copy of the tree styled for YAML output, for documents
// loaded from JSON: quoted strings lose their quotes where YAML does not
// need them ("true" and "200" keep theirs, so they stay strings), strings
// spanning lines become literal block scalars (strings holding U+2028,
// U+2029 or U+0085 keep their quotes, so those stay escaped), and collections take block
// style. Values, tags, key order, anchors and comments are unchanged, so
// the result loads to the same ordered tree. The tree passed in is not
// modified.
func Restyle(root *yaml.Node) *yaml.Node {
	c := Clone(root)
	restyle(c, map[*yaml.Node]bool{})
	return c
}

func restyle(n *yaml.Node, done map[*yaml.Node]bool) {
	if n == nil || done[n] {
		return
	}
	done[n] = true
	switch n.Kind {
	case yaml.ScalarNode:
		// Line and paragraph separators and NEL stay escaped in double
		// quotes: YAML 1.1 readers take them for line breaks.
		// A string such as "1e400" keeps its quotes too: yaml v4 would write
		// it plain, which reads as a number.
		if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 && ScalarTag(n) == TagStr &&
			!strings.ContainsAny(n.Value, "\u2028\u2029\u0085") && !beyondFloat64(n.Value) {
			n.Tag = TagStr
			n.Style &^= yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle
			if strings.Contains(strings.TrimRight(n.Value, "\n"), "\n") {
				n.Style |= yaml.LiteralStyle
			}
		}
	case yaml.MappingNode, yaml.SequenceNode:
		if len(n.Content) > 0 {
			n.Style &^= yaml.FlowStyle
		}
	}
	for _, c := range n.Content {
		restyle(c, done)
	}
}
