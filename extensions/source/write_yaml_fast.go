package source

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// Most of a large document is block mappings, block sequences and scalars
// with no comment, anchor or tag to write, and yaml v4's emitter spends
// most of its time on its own machinery (an event queue it never shortens,
// a state stack, an analysis of every scalar held in its event) to write
// them. fastWriter writes such a tree itself, byte for byte as the emitter
// does with the writers' settings: the rules below are yaml v4's (Desolver,
// Serializer.node, Emitter.analyzeScalar, selectScalarStyle and the write
// functions), and write_yaml_fast_test compares the two on every fixture,
// the corpus, generated documents and random trees. A tree with anything
// else in it is dumped by yaml v4 as before: a comment moves with what
// follows it, and some of the emitter's placements of comments and tags
// do not follow the indentation, so no part of such a tree is written
// apart from the rest.

// emitFast writes n, a document or a mapping, as dumpWhole does.
func emitFast(n *yaml.Node, unit int) ([]byte, error) {
	if out, ok := writeFast(n, unit); ok {
		return out, nil
	}
	return dumpWhole(n, unit)
}

// writeFast writes n, a document or a mapping, with the fast writer, or
// reports false for a tree it leaves to yaml v4.
func writeFast(n *yaml.Node, unit int) ([]byte, bool) {
	m := n
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) != 1 || hasOwnComment(n) {
			return nil, false
		}
		m = n.Content[0]
	}
	if m.Kind != yaml.MappingNode || len(m.Content) == 0 || m.Style&yaml.FlowStyle != 0 || !bare(m) {
		return nil, false
	}
	w := fastWriter{unit: unit, b: make([]byte, 0, 4096)}
	if !w.entries(m, 0) {
		return nil, false
	}
	return w.b, true
}

// fastWriter holds the text written so far and the indentation step. A
// method that reports false has given up: what it wrote is dropped and the
// whole tree goes to yaml v4.
type fastWriter struct {
	b    []byte
	unit int
}

// bare tells whether n has no anchor, comment or tag to write.
func bare(n *yaml.Node) bool {
	if n.Anchor != "" || hasOwnComment(n) || n.Style&yaml.TaggedStyle != 0 || n.Tag == "!" {
		return false
	}
	switch n.Kind {
	case yaml.MappingNode:
		return n.ShortTag() == TagMap
	case yaml.SequenceNode:
		return n.ShortTag() == TagSeq
	}
	return true
}

// entries writes the entries of a block mapping whose keys stand at column
// col, the first where the text so far ends, the others on lines of their
// own.
func (w *fastWriter) entries(m *yaml.Node, col int) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if i > 0 {
			w.spaces(col)
		}
		if !w.scalar(m.Content[i], true, col) {
			return false
		}
		w.b = append(w.b, ':')
		if !w.value(m.Content[i+1], col, false) {
			return false
		}
	}
	return true
}

// value writes n after the indicator that ends the text so far: the ":"
// of a key at column col, or the "-" of a sequence item at column col
// (inItem). It ends with a line break.
func (w *fastWriter) value(n *yaml.Node, col int, inItem bool) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		if !w.scalar(n, false, w.next(col, inItem)) {
			return false
		}
		if w.b[len(w.b)-1] != '\n' {
			w.b = append(w.b, '\n')
		}
		return true
	case yaml.MappingNode, yaml.SequenceNode:
		if !bare(n) {
			return false
		}
	default:
		return false
	}
	if len(n.Content) == 0 {
		if n.Kind == yaml.MappingNode {
			w.b = append(w.b, " {}\n"...)
		} else {
			w.b = append(w.b, " []\n"...)
		}
		return true
	}
	if n.Style&yaml.FlowStyle != 0 {
		return false
	}
	child := w.next(col, inItem)
	if inItem {
		w.spaces(child - col - 1)
	} else {
		w.b = append(w.b, '\n')
		w.spaces(child)
	}
	if n.Kind == yaml.SequenceNode {
		for i, item := range n.Content {
			if i > 0 {
				w.spaces(child)
			}
			w.b = append(w.b, '-')
			if !w.value(item, child, true) {
				return false
			}
		}
		return true
	}
	return w.entries(n, child)
}

// next is the column of what a node at column col holds (inItem: the node
// is a sequence item at col): the emitter's increaseIndent.
func (w *fastWriter) next(col int, inItem bool) int {
	if inItem {
		return col + 2
	}
	return w.unit * ((col + w.unit) / w.unit)
}

// spaces appends n spaces.
func (w *fastWriter) spaces(n int) {
	for range n {
		w.b = append(w.b, ' ')
	}
}

// hasOwnComment tells whether n carries a comment itself.
func hasOwnComment(n *yaml.Node) bool {
	return n.HeadComment != "" || n.LineComment != "" || n.FootComment != ""
}

// Scalar styles as the emitter picks them.
const (
	stylePlain = iota
	styleSingle
	styleDouble
	styleLiteral
)

// scalar writes a scalar: a simple key at the start of its line (key), or
// a value after its indicator, whose lines of a literal block stand at
// column indent. It reports false for a scalar it leaves to yaml v4.
func (w *fastWriter) scalar(n *yaml.Node, key bool, indent int) bool {
	if n.Kind != yaml.ScalarNode || !bare(n) || n.Style&(yaml.FoldedStyle|yaml.FlowStyle) != 0 {
		return false
	}
	v := n.Value
	if key && len(v) > 128 {
		return false // the emitter writes a long key as "? key"
	}
	flags := n.Style
	if n.Tag != "" {
		// yaml v4's Desolver: a core tag the value resolves to is left
		// out; a string that would resolve to another type is quoted.
		tag := n.ShortTag()
		resolved := resolvePlain(v)
		if resolved == TagFloat && beyondFloat64(v) {
			resolved = TagStr // resolvePlain's one departure from yaml v4
		}
		switch {
		case resolved == TagMerge:
			return false
		case tag == resolved:
		case tag == TagStr:
			if flags&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle) == 0 {
				flags |= yaml.SingleQuotedStyle
			}
		case tag == TagInt || tag == TagFloat:
		default:
			return false
		}
	}
	a, ok := analyzeScalar(v)
	if !ok || key && a.multiline {
		return false
	}
	style := stylePlain
	switch {
	case flags&yaml.DoubleQuotedStyle != 0:
		style = styleDouble
	case flags&yaml.SingleQuotedStyle != 0:
		style = styleSingle
	case flags&yaml.LiteralStyle != 0, strings.Contains(v, "\n"):
		style = styleLiteral
	}
	if style == stylePlain && (!a.blockPlain || v == "" && key) {
		style = styleSingle
	}
	if style == styleSingle && !a.single {
		style = styleDouble
	}
	if style == styleLiteral && (!a.block || key) {
		style = styleDouble
	}
	if style == styleSingle && a.multiline || style == styleLiteral && !plainLiteral(v) {
		return false // a single-quoted scalar folds its lines; see plainLiteral
	}
	if !key && (style != stylePlain || v != "") {
		w.b = append(w.b, ' ')
	}
	switch style {
	case stylePlain:
		w.b = append(w.b, v...)
	case styleSingle:
		w.b = append(w.b, '\'')
		w.b = append(w.b, strings.ReplaceAll(v, "'", "''")...)
		w.b = append(w.b, '\'')
	case styleDouble:
		w.doubleQuoted(v)
	case styleLiteral:
		w.literal(v, indent)
	}
	return true
}

// plainLiteral tells whether a literal block scalar needs neither an
// indentation indicator (its first line that is not empty starts with a
// blank) nor the "|+" that keeps several final line breaks (and leaves the
// document open-ended): the fast writer writes only those.
func plainLiteral(v string) bool {
	first := strings.TrimLeft(v, "\n")
	return first != "" && first[0] != ' ' && first[0] != '\t' && !strings.HasSuffix(v, "\n\n")
}

// literal writes a literal block scalar whose lines stand at column indent.
func (w *fastWriter) literal(v string, indent int) {
	w.b = append(w.b, '|')
	if !strings.HasSuffix(v, "\n") {
		w.b = append(w.b, '-')
	}
	w.b = append(w.b, '\n')
	for line := range strings.Lines(v) {
		if line != "\n" {
			w.spaces(indent)
		}
		w.b = append(w.b, line...)
	}
}

// shortEscapes are the emitter's one-letter escapes in double quotes.
var shortEscapes = [128]byte{0: '0', 0x07: 'a', 0x08: 'b', '\t': 't', '\n': 'n', 0x0b: 'v', 0x0c: 'f',
	'\r': 'r', 0x1b: 'e', '"': '"', '\\': '\\'}

// doubleQuoted writes v double-quoted with the emitter's escapes: the
// short ones, and \xHH for the other ASCII control characters.
func (w *fastWriter) doubleQuoted(v string) {
	const hex = "0123456789ABCDEF"
	w.b = append(w.b, '"')
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 0x20 && c < 0x7F && c != '"' && c != '\\' || c >= 0x80:
			w.b = append(w.b, c)
		case shortEscapes[c] != 0:
			w.b = append(w.b, '\\', shortEscapes[c])
		default:
			w.b = append(w.b, '\\', 'x', hex[c>>4], hex[c&0xF])
		}
	}
	w.b = append(w.b, '"')
}

// scalarAnalysis is what the emitter's analysis of a scalar allows.
type scalarAnalysis struct {
	multiline, blockPlain, single, block bool
}

// analyzeScalar is yaml v4's Emitter.analyzeScalar in block context. It
// reports false for a value with a character the fast writer leaves to
// yaml v4: one outside the printable range the emitter writes as it is
// (it escapes those in double quotes by code point), or a line break other
// than CR and LF.
func analyzeScalar(v string) (scalarAnalysis, bool) {
	if v == "" {
		return scalarAnalysis{blockPlain: true, single: true}, true
	}
	if ordinary(v) {
		return scalarAnalysis{blockPlain: true, single: true, block: true}, true
	}
	var indicators, breaks, special, tabs, leadSpace, leadBreak, trailSpace, trailBreak,
		breakSpace, spaceBreak, prevSpace, prevBreak bool
	if strings.HasPrefix(v, "---") || strings.HasPrefix(v, "...") {
		indicators = true
	}
	preceded := true
	for i := 0; i < len(v); {
		c, width := v[i], 1
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(v[i:])
			if !printableRune(r) || r == utf8.RuneError && size == 1 {
				return scalarAnalysis{}, false
			}
			width = size
		}
		followed := i+width >= len(v) || v[i+width] == ' ' || v[i+width] == '\t'
		if i == 0 {
			switch c {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				indicators = true
			case '?', ':', '-':
				indicators = indicators || followed
			}
		} else {
			switch c {
			case ':':
				indicators = indicators || followed
			case '#':
				indicators = indicators || preceded
			}
		}
		switch {
		case c == '\t':
			tabs = true
		case c < 0x20 && c != '\n' || c == 0x7F:
			special = true
		}
		switch c {
		case ' ':
			leadSpace = leadSpace || i == 0
			trailSpace = trailSpace || i+1 == len(v)
			breakSpace = breakSpace || prevBreak
			prevSpace, prevBreak = true, false
		case '\n', '\r':
			breaks = true
			leadBreak = leadBreak || i == 0
			trailBreak = trailBreak || i+1 == len(v)
			spaceBreak = spaceBreak || prevSpace
			prevSpace, prevBreak = false, true
		default:
			prevSpace, prevBreak = false, false
		}
		preceded = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0
		i += width
	}
	return scalarAnalysis{
		multiline: breaks,
		blockPlain: !(leadSpace || leadBreak || trailSpace || trailBreak || breakSpace ||
			spaceBreak || tabs || special || breaks || indicators),
		single: !(breakSpace || spaceBreak || tabs || special),
		block:  !special,
	}, true
}

// ordinaryByte marks the bytes that set nothing in analyzeScalar after the
// first: printable ASCII but ':' and '#', and the space.
var ordinaryByte = func() (t [256]bool) {
	for c := ' '; c < 0x7F; c++ {
		t[c] = c != ':' && c != '#'
	}
	return t
}()

// ordinary tells, faster than the whole analysis, whether v is written
// plain and every style allows it: it starts with a byte that is no
// indicator, ends with no space, and holds only ordinary bytes.
func ordinary(v string) bool {
	switch v[0] {
	case ' ', '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', ':', '-', '.':
		return false
	}
	if v[len(v)-1] == ' ' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !ordinaryByte[v[i]] {
			return false
		}
	}
	return true
}

// printableRune tells whether the emitter writes r, beyond ASCII, as it is
// and counts it as an ordinary character: printable (isPrintable), not a
// byte order mark, and not a line break.
func printableRune(r rune) bool {
	return (r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD) && r != 0xFEFF && r != 0x2028 && r != 0x2029
}
