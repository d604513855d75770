package source

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"
)

// FormatYAML writes doc, a tree loaded from the YAML text src, in WriteYAML's
// canonical form, with its comments and blank lines placed by the text rather
// than where the YAML loader attached them:
//
//   - a comment stays attached to the line after it: a banner before a
//     resource stays before that resource (indented as the resource is), even
//     when the loader made it a foot comment of the previous resource's last
//     list;
//   - a comment more indented than the line after it, with a blank line
//     between them, closes the block above it and stays at the end of that
//     block;
//   - one blank line is kept wherever the text has one or more between two
//     lines (between top-level sections, between resources, around comments).
//
// Formatting the output again gives the same bytes. doc is not modified. When
// the text and the tree disagree in a way these rules do not cover, the
// comments stay where the loader put them (as WriteYAML writes them).
func FormatYAML(src []byte, doc *yaml.Node) ([]byte, error) {
	return formatYAML(src, doc, false)
}

// FormatYAMLOwned is FormatYAML for a tree the caller has no more use for:
// it formats doc itself rather than a copy, which saves the copy's time and
// memory (about five times the size of the text), and leaves doc changed.
func FormatYAMLOwned(src []byte, doc *yaml.Node) ([]byte, error) {
	return formatYAML(src, doc, true)
}

// formatYAML is FormatYAML, on doc itself when owned.
func formatYAML(src []byte, doc *yaml.Node, owned bool) ([]byte, error) {
	if doc == nil || doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return WriteYAML(doc)
	}
	p, ok := placeComments(src, doc)
	n := doc
	if !owned {
		n = Clone(doc)
	}
	if !ok {
		return writeClone(n)
	}
	p.apply(doc, n)
	canonicalYAML(n, map[*yaml.Node]bool{})
	out, err := dump(n, 2)
	if err != nil {
		return nil, fmt.Errorf("write yaml: %w", err)
	}
	out = separateFootComments(p.blankLines(out))
	if p.trailing != "" {
		out = append(out, p.trailing...)
	}
	return out, nil
}

// commentPlan is where FormatYAML puts each comment: head and foot comments
// by node of the loaded tree, and comments after the last line.
type commentPlan struct {
	head, foot map[*yaml.Node]string
	keep       map[*yaml.Node]bool // nodes whose comments stay as loaded (inside flow collections)
	trailing   string
	blank      string // the comment line that stands for a blank line until blankLines
}

// apply copies the plan from the loaded tree onto its clone c.
func (p *commentPlan) apply(n, c *yaml.Node) {
	if !p.keep[n] {
		c.HeadComment, c.FootComment = p.head[n], p.foot[n]
	}
	for i := range n.Content {
		p.apply(n.Content[i], c.Content[i])
	}
}

// blankLines turns the placeholder comments into empty lines.
func (p *commentPlan) blankLines(out []byte) []byte {
	if !bytes.Contains(out, []byte(p.blank)) {
		return out
	}
	var b bytes.Buffer
	b.Grow(len(out))
	for line := range bytes.Lines(out) {
		if string(bytes.TrimSpace(line)) == p.blank {
			b.WriteByte('\n')
			continue
		}
		b.Write(line)
	}
	return b.Bytes()
}

// A trivia item is a comment line or a blank line between two lines of content.
type trivia struct {
	comment string // "" for a blank line
	indent  int
}

// placeComments works out the comment plan of doc from src; ok is false when
// the plan would not hold exactly the comments the loader found.
func placeComments(src []byte, doc *yaml.Node) (*commentPlan, bool) {
	l, err := newLayout(src, YAML, doc)
	if err != nil {
		return nil, false
	}
	p := &commentPlan{head: map[*yaml.Node]string{}, foot: map[*yaml.Node]string{}, keep: map[*yaml.Node]bool{}}
	p.blank = "#apigw:blank"
	for bytes.Contains(src, []byte(p.blank)) {
		p.blank += "-"
	}
	// By line number: the first key or item starting on a line, the first
	// node starting on it, and whether it is inside a multi-line scalar or
	// flow collection.
	anchorAt := make([]*yaml.Node, len(l.lines)+2)
	firstAt := make([]*yaml.Node, len(l.lines)+2)
	inside := make([]bool, len(l.lines)+2)
	anchors := 0
	var loaded []string            // the comment lines the loader attached, outside flows
	places, visited := l.places, 0 // in the order walk visits the nodes
	var walk func(n *yaml.Node, anchor, inFlow bool)
	walk = func(n *yaml.Node, anchor, inFlow bool) {
		pl := &places[visited] // the node's place, without a map lookup
		visited++
		line := l.lineFrom(pl.start, n.Line)
		if firstAt[line] == nil {
			firstAt[line] = n
		}
		if anchorAt[line] == nil && anchor {
			anchorAt[line] = n
			anchors++
		}
		flow := n.Style&yaml.FlowStyle != 0 && n.Kind != yaml.ScalarNode
		if n.Kind == yaml.ScalarNode || flow {
			last := l.lineFrom(max(pl.end-1, pl.start), line)
			if pl.end > pl.start && pl.end < len(src) && l.lines[l.lineFrom(pl.end, last)-1] == pl.end {
				last = l.lineFrom(pl.end, last) // ends with an empty line that is content ("|+")
			}
			for ln := line + 1; ln <= last; ln++ {
				inside[ln] = true
			}
		}
		if inFlow {
			p.keep[n] = true
		} else {
			loaded = append(loaded, commentLines(n.HeadComment)...)
			loaded = append(loaded, commentLines(n.FootComment)...)
		}
		for i, c := range n.Content {
			walk(c, !flow && !inFlow && (n.Kind == yaml.SequenceNode || i%2 == 0), inFlow || flow)
		}
	}
	walk(doc.Content[0], false, false)
	loaded = append(loaded, commentLines(doc.HeadComment)...)
	loaded = append(loaded, commentLines(doc.FootComment)...)
	if anchors == 0 {
		return nil, false
	}

	var pending []trivia
	var last *yaml.Node // the anchor of the last line of content
	for ln := 1; ln <= len(l.lines); ln++ {
		if inside[ln] {
			continue
		}
		from := l.lines[ln-1]
		if from >= len(src) {
			break
		}
		text := src[from:l.endOfLine(ln)]
		body := bytes.TrimLeft(text, " \t")
		indent := len(text) - len(body)
		switch c := indicatorComment(body); {
		case len(bytes.TrimSpace(body)) == 0:
			// One blank line stands for any number; none before the first line.
			if (last != nil || len(pending) > 0) && (len(pending) == 0 || pending[len(pending)-1].comment != "") {
				pending = append(pending, trivia{})
			}
			continue
		case body[0] == '#':
			pending = append(pending, trivia{comment: string(bytes.TrimRight(body, " \t")), indent: indent})
			continue
		case c != "":
			pending = append(pending, trivia{comment: c, indent: indent})
			continue
		}
		a := anchorAt[ln]
		owned := false
		if a == nil {
			n := firstAt[ln]
			if n == nil {
				continue // nothing starts here ("-" alone): the comments wait for the next line
			}
			a, owned = l.owner(n), true
		}
		p.place(l, pending, last, a, indent, owned)
		pending = pending[:0]
		last = a
	}
	p.place(l, pending, last, nil, -1, false)

	var placed []string
	for _, m := range []map[*yaml.Node]string{p.head, p.foot} {
		for _, c := range m {
			placed = append(placed, commentLines(c)...)
		}
	}
	placed = append(placed, commentLines(p.trailing)...)
	placed = slices.DeleteFunc(placed, func(c string) bool { return c == p.blank })
	slices.Sort(loaded)
	slices.Sort(placed)
	return p, slices.Equal(loaded, placed)
}

// place attaches the comments and blank lines before a line of content, whose
// anchor is a and whose indentation is indent (a nil at the end of the text),
// last being the anchor of the content before them. A comment block followed
// by a blank line and indented more than the next line closes a block of the
// content before it and becomes a foot comment there; the rest goes before
// the line, as head comments of a (or after the text, at its end).
func (p *commentPlan) place(l *layout, items []trivia, last, a *yaml.Node, indent int, owned bool) {
	from := 0
	for last != nil {
		i := from
		for i < len(items) && items[i].comment == "" {
			i++
		}
		j := i
		for j < len(items) && items[j].comment != "" {
			j++
		}
		if i == j || j == len(items) && a != nil {
			break // no comment, or one the next line follows directly
		}
		target := l.closing(last, items[i].indent, indent)
		if target == nil {
			break
		}
		p.foot[target] = joinComments(p.foot[target], p.lines(items[from:j]))
		if j < len(items) {
			if a != nil {
				p.foot[target] = joinComments(p.foot[target], p.blank) // the blank line that closes the block
			}
			j++
		}
		from = j
	}
	rest := items[from:]
	if owned {
		rest = slices.DeleteFunc(slices.Clone(rest), func(t trivia) bool { return t.comment == "" })
	}
	if a == nil {
		for len(rest) > 0 && rest[len(rest)-1].comment == "" {
			rest = rest[:len(rest)-1]
		}
		for _, t := range rest {
			p.trailing += t.comment + "\n"
		}
		return
	}
	if len(rest) > 0 {
		p.head[a] = joinComments(p.head[a], p.lines(rest))
	}
}

// lines writes trivia as comment text, a blank line as the placeholder.
func (p *commentPlan) lines(items []trivia) string {
	out := make([]string, len(items))
	for k, t := range items {
		out[k] = t.comment
		if t.comment == "" {
			out[k] = p.blank
		}
	}
	return strings.Join(out, "\n")
}

func joinComments(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

// commentLines splits a loaded comment into its comment lines.
func commentLines(c string) []string {
	if c == "" {
		return nil // most nodes: no comment
	}
	var out []string
	for _, line := range strings.Split(c, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// indicatorComment returns the comment of a line holding only block
// indicators and a comment ("- # note"), else "".
func indicatorComment(body []byte) string {
	rest := body
	for len(rest) > 0 && (rest[0] == '-' || rest[0] == '?' || rest[0] == ':') && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t') {
		rest = bytes.TrimLeft(rest[1:], " \t")
	}
	if len(rest) == len(body) || len(rest) == 0 || rest[0] != '#' {
		return ""
	}
	return string(bytes.TrimRight(rest, " \t"))
}

// owner returns the key or item whose line a node is written on in the
// canonical form: a mapping value's key, else the node itself if it is a key
// or item, else its parent's owner.
func (l *layout) owner(n *yaml.Node) *yaml.Node {
	for n != nil {
		parent := l.placeOf(n).parent
		if parent == nil {
			return n
		}
		if parent.Kind == yaml.SequenceNode {
			return n
		}
		for j := 0; j+1 < len(parent.Content); j += 2 {
			if parent.Content[j] == n {
				return n
			}
			if parent.Content[j+1] == n {
				return parent.Content[j]
			}
		}
		n = parent
	}
	return nil
}

// closing returns the node whose foot comment a comment indented by col
// becomes when it closes a block after anchor last, the next line being
// indented by next: the last key or item of the innermost block collection
// around last indented by col or less, when that is indented more than next.
func (l *layout) closing(last *yaml.Node, col, next int) *yaml.Node {
	at := l.index()
	for c := at[last].parent; c != nil; c = at[c].parent {
		if c.Style&yaml.FlowStyle != 0 || len(c.Content) == 0 {
			continue
		}
		ind := l.column(at[c.Content[0]].start)
		if c.Kind == yaml.SequenceNode {
			ind = l.column(l.contentStart(at[c].start))
		}
		if ind > col {
			continue
		}
		if ind <= next {
			return nil
		}
		if c.Kind == yaml.MappingNode {
			return c.Content[len(c.Content)-2]
		}
		return c.Content[len(c.Content)-1]
	}
	return nil
}
