package source

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v4"
)

// How Splice writes a new value: in the style of the place it goes to.

// isInline tells whether v is written on the line where it starts: a scalar,
// an alias, an empty collection, or a collection replacing a flow one.
func isInline(v, old *yaml.Node) bool {
	switch {
	case v.Kind == yaml.ScalarNode || v.Kind == yaml.AliasNode || len(v.Content) == 0:
		return true
	case old != nil && old.Kind != yaml.ScalarNode && old.Style&yaml.FlowStyle != 0:
		return true
	}
	return false
}

// fitScalar gives a plain string the quotes of the scalar it replaces, so a
// file that quotes its values keeps doing so.
func fitScalar(v, old *yaml.Node) {
	if v.Kind != yaml.ScalarNode || old == nil || old.Kind != yaml.ScalarNode {
		return
	}
	if v.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 || ScalarTag(v) != TagStr {
		return
	}
	switch {
	case old.Style&yaml.DoubleQuotedStyle != 0:
		v.Style |= yaml.DoubleQuotedStyle
	case old.Style&yaml.SingleQuotedStyle != 0 && !strings.Contains(v.Value, "\n"):
		v.Style |= yaml.SingleQuotedStyle
	case old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && strings.Contains(v.Value, "\n"):
		v.Style |= old.Style & (yaml.LiteralStyle | yaml.FoldedStyle)
	}
}

// renderInline writes v for a block context, starting on the current line:
// a scalar (a block scalar's lines indented below parentIndent), or a flow
// collection when v replaces one.
func (s *splicer) renderInline(v, old *yaml.Node, parentIndent int) (string, error) {
	if v.Kind != yaml.ScalarNode && v.Kind != yaml.AliasNode {
		return s.renderFlow(v, old, false, 0)
	}
	c := Clone(v)
	fitScalar(c, old)
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	out, err := dumpYAML(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "k"}, c}}, 2)
	if err != nil {
		return "", err
	}
	text := strings.TrimPrefix(strings.TrimPrefix(out, "k:"), " ")
	return s.indentLines(text, parentIndent), nil
}

// renderBlock writes v for a block context where its text starts at column
// col: a collection in block style, its lines after the first indented to
// col, nested ones by unit.
func (s *splicer) renderBlock(v, old *yaml.Node, col, parentIndent, unit int) (string, error) {
	if isInline(v, old) {
		return s.renderInline(v, old, parentIndent)
	}
	c := Clone(v)
	blockStyle(c)
	trimEdgeComments(c)
	out, err := dumpYAML(c, unit)
	if err != nil {
		return "", err
	}
	return s.indentLines(out, col), nil
}

// renderFlow writes v for a flow context: JSON in a JSON file (indented as
// the file is when multiline), else YAML flow style on one line.
func (s *splicer) renderFlow(v, old *yaml.Node, multiline bool, base int) (string, error) {
	if s.format == JSON {
		out, err := WriteJSON(v)
		if err != nil {
			return "", err
		}
		out = bytes.TrimSuffix(out, []byte("\n"))
		if !multiline || v.Kind == yaml.ScalarNode {
			return oneLineJSON(string(out)), nil
		}
		return s.reindentJSON(string(out), base), nil
	}
	c := Clone(v)
	fitScalar(c, old)
	flowStyle(c)
	out, err := dumpYAML(&yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{c}}, 2)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(strings.TrimPrefix(out, "["), "]"), nil
}

// oneLineJSON joins WriteJSON's lines into one, a space after each comma.
// WriteJSON breaks lines only between tokens, never inside a string.
func oneLineJSON(text string) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimLeft(line, " ")
		if i > 0 && b.Len() > 0 && strings.HasSuffix(b.String(), ",") {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	return b.String()
}

// flowPair writes "key: value" for the flow mapping m.
func (s *splicer) flowPair(m, k, v *yaml.Node, base int) (string, error) {
	key, err := s.renderFlow(k, nil, false, 0)
	if err != nil {
		return "", err
	}
	val, err := s.renderFlow(v, nil, s.multiline(m), base)
	if err != nil {
		return "", err
	}
	return key + ": " + val, nil
}

// blockPair writes "key: value" for the block mapping m, the value below
// the key when it is a block collection.
func (s *splicer) blockPair(m, k, v *yaml.Node) (string, error) {
	key, err := s.renderFlow(k, nil, false, 0)
	if err != nil {
		return "", err
	}
	col := s.column(s.at[m.Content[0]].start)
	if isInline(v, nil) {
		val, err := s.renderInline(v, nil, col)
		return key + ": " + val, err
	}
	u := s.unit(m)
	val, err := s.renderBlock(v, nil, col+u, col, u)
	return key + ":" + s.eol + strings.Repeat(" ", col+u) + val, err
}

// indentLines indents every line of text after the first by n spaces and
// ends lines as the file does.
func (s *splicer) indentLines(text string, n int) string {
	lines := strings.Split(text, "\n")
	pad := strings.Repeat(" ", n)
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, s.eol)
}

// reindentJSON turns WriteJSON's two-space indentation into the file's,
// below a line indented by base.
func (s *splicer) reindentJSON(text string, base int) string {
	unit := s.jsonUnit()
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		t := strings.TrimLeft(lines[i], " ")
		depth := (len(lines[i]) - len(t)) / 2
		lines[i] = strings.Repeat(" ", base) + strings.Repeat(unit, depth) + t
	}
	return strings.Join(lines, s.eol)
}

// jsonUnit returns the indentation of the first indented line of a JSON
// file: its indentation step.
func (s *splicer) jsonUnit() string {
	for i := 1; i < len(s.lines); i++ {
		from := s.lines[i]
		j := from
		for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
			j++
		}
		if j > from && j < len(s.src) && s.breakAt(j) == 0 {
			return string(s.src[from:j])
		}
	}
	return "  "
}

// dumpYAML writes one node with the writers' settings, without the final newline.
func dumpYAML(n *yaml.Node, unit int) (string, error) {
	out, err := dump(n, unit)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

// blockStyle writes collections in block style (empty ones as {} and []).
func blockStyle(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		if len(n.Content) == 0 {
			n.Style |= yaml.FlowStyle
		} else {
			n.Style &^= yaml.FlowStyle
		}
	}
	if n.Kind == yaml.ScalarNode {
		keepScalarTag(n)
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// flowStyle writes everything on one line: collections in flow style, block
// scalars double-quoted, no comments.
func flowStyle(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		n.Style |= yaml.FlowStyle
	case yaml.ScalarNode:
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(n.Value, "\n") {
			n.Style = n.Style&^(yaml.LiteralStyle|yaml.FoldedStyle|yaml.SingleQuotedStyle) | yaml.DoubleQuotedStyle
		}
		keepScalarTag(n)
	}
	for _, c := range n.Content {
		flowStyle(c)
	}
}

// trimEdgeComments drops the comments before the first line and after the
// last line of a value: in the text they stand outside the value's bytes,
// which the new value replaces, so they stay where they are.
func trimEdgeComments(n *yaml.Node) {
	for f := n; f != nil; {
		f.HeadComment = ""
		if len(f.Content) == 0 {
			break
		}
		f = f.Content[0]
	}
	for l := n; l != nil; {
		l.LineComment, l.FootComment = "", ""
		if len(l.Content) == 0 {
			break
		}
		l = l.Content[len(l.Content)-1]
	}
}
