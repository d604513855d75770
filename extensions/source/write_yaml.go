package source

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v4"
)

// WriteYAML writes the source tree as canonical YAML: two-space indentation,
// sequences indented under their key, block style for every non-empty
// mapping and sequence ({} and [] when empty), no line folding, and no
// document start marker. A flow collection that holds comments keeps its flow
// layout, since block style would move its comments. It keeps what the tree records: key order,
// comments (head, line and foot), scalar styles (quoted stays quoted, literal
// and folded block scalars stay block scalars), tags including CloudFormation
// short forms (!Sub, !Ref, !GetAtt a.b) and anchors and aliases as written.
//
// The output loads back to the same ordered tree, and writing that tree
// again gives the same bytes. The tree passed in is not modified. A tree
// loaded from JSON keeps its double-quoted strings; pass it through Restyle
// first for idiomatic YAML.
func WriteYAML(root *yaml.Node) ([]byte, error) {
	if root == nil {
		return nil, errors.New("write yaml: no document")
	}
	return writeClone(Clone(root))
}

// writeClone is WriteYAML of n, a tree it may change.
func writeClone(n *yaml.Node) ([]byte, error) {
	canonicalYAML(n, map[*yaml.Node]bool{})
	out, err := dump(n, 2)
	if err != nil {
		return nil, fmt.Errorf("write yaml: %w", err)
	}
	return separateFootComments(out), nil
}

// dump writes n with the writers' settings, indented by indent spaces:
// sequences indented under their key, no line folding, Unicode as it is,
// no document start marker.
func dump(n *yaml.Node, indent int) ([]byte, error) {
	out, err := dumpChunked(n, indent, false)
	if errors.Is(err, errNoChunks) {
		return dumpWhole(n, indent)
	}
	return out, err
}

// dumpWhole writes n in one yaml v4 dump with the writers' settings.
func dumpWhole(n *yaml.Node, indent int) ([]byte, error) {
	return yaml.Dump(n,
		yaml.WithIndent(indent),
		yaml.WithCompactSeqIndent(false),
		yaml.WithLineWidth(-1),
		yaml.WithUnicode(true),
		yaml.WithExplicitStart(false),
	)
}

// canonicalYAML sets the layout choices of WriteYAML on a copied tree.
func canonicalYAML(n *yaml.Node, done map[*yaml.Node]bool) {
	if n == nil {
		return
	}
	if n.Anchor != "" { // only anchored nodes are reached twice (see Clone)
		if done[n] {
			return
		}
		done[n] = true
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			moveLineComment(n.Content[i], n.Content[i+1])
		}
	case yaml.SequenceNode:
	case yaml.ScalarNode:
		keepScalarTag(n)
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		switch {
		case len(n.Content) == 0:
			n.Style |= yaml.FlowStyle
		case n.Style&yaml.FlowStyle != 0 && hasComments(n):
			// yaml v4's emitter misplaces comments of a flow collection
			// turned into block style, so one that holds comments keeps
			// the flow layout it was written in.
			return
		default:
			n.Style &^= yaml.FlowStyle
		}
	}
	for _, c := range n.Content {
		canonicalYAML(c, done)
	}
}

// moveLineComment moves the line comment of a flow collection written as a
// mapping value to its key, where the loader puts it for block collections
// ("key: # comment").
func moveLineComment(key, value *yaml.Node) {
	if value.Kind != yaml.MappingNode && value.Kind != yaml.SequenceNode {
		return
	}
	if value.Style&yaml.FlowStyle == 0 || len(value.Content) == 0 || value.LineComment == "" || key.LineComment != "" {
		return
	}
	key.LineComment, value.LineComment = value.LineComment, ""
}

// hasComments tells whether n or anything below it carries a comment.
func hasComments(n *yaml.Node) bool {
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		return true
	}
	for _, c := range n.Content {
		if hasComments(c) {
			return true
		}
	}
	return false
}

// keepScalarTag makes the encoder write a core-schema tag explicitly when
// the plain text alone would load as another type (a hand-built !!float "1"
// would otherwise come back as !!int).
func keepScalarTag(n *yaml.Node) {
	if n.Tag == "" || n.Style&yaml.TaggedStyle != 0 {
		return
	}
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		if t := n.ShortTag(); t != TagStr && strings.HasPrefix(t, "!!") {
			n.Style |= yaml.TaggedStyle
		}
		return
	}
	switch t := n.ShortTag(); t {
	case TagInt, TagFloat, TagBool, TagNull, TagTimestamp:
		if resolvePlain(n.Value) != t {
			n.Style |= yaml.TaggedStyle
		}
	}
}
