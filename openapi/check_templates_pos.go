package openapi

// Where a byte of a string value stands in the file: a template's error
// is reported at its own line and column in the document, which differ
// from the template's as soon as the template is a YAML block scalar
// (indented, folded) or a quoted string with escapes (JSON's "\n", YAML's
// '' and line folding).

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// srcPos is a 1-based line and column (in characters, as the YAML parser
// counts them) in a file.
type srcPos struct{ line, col int }

// valuePositions maps each byte offset of scalar n's value, and the offset
// just past it, to where that byte was written in raw, the file n was read
// from. It decodes the scalar's source text again (double-quoted escapes,
// single-quoted ”, line folding of flow scalars, literal and folded block
// scalars with their indentation) and accepts the mapping only when the
// decoded text is n's value, so that a mapping is either exact or not
// given (ok false): then callers point at the value itself.
func valuePositions(raw []byte, n *yaml.Node) (pos []srcPos, ok bool) {
	if n == nil || n.Kind != yaml.ScalarNode || len(raw) == 0 || n.Line < 1 || n.Column < 1 {
		return nil, false
	}
	s := &scalarScanner{raw: raw}
	if !s.seek(n.Line, n.Column) {
		return nil, false
	}
	s.skipProperties()
	switch style := n.Style &^ (yaml.TaggedStyle | yaml.FlowStyle); style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		q := byte('"')
		if style == yaml.SingleQuotedStyle {
			q = '\''
		}
		if s.peek() != q {
			return nil, false
		}
		s.next()
		if !s.flow(q, -1) {
			return nil, false
		}
	case yaml.LiteralStyle, yaml.FoldedStyle:
		return s.block(n)
	case 0:
		if !s.flow(0, len(n.Value)) {
			return nil, false
		}
	default:
		return nil, false
	}
	if string(s.out) != n.Value {
		return nil, false
	}
	return append(s.pos, s.end), true
}

// scalarScanner reads a scalar's source text, keeping the decoded bytes
// and where each came from.
type scalarScanner struct {
	raw       []byte
	i         int
	line, col int
	out       []byte
	pos       []srcPos
	// trim counts the bytes at the end of out that are white space copied
	// from the source, which a line break in a flow scalar removes.
	trim int
	// end is where the value ends: its closing quote, or the character
	// after a plain scalar.
	end srcPos
}

func (s *scalarScanner) at() srcPos { return srcPos{s.line, s.col} }

func (s *scalarScanner) eof() bool { return s.i >= len(s.raw) }

func (s *scalarScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.raw[s.i]
}

// seek moves to a 1-based line and column.
func (s *scalarScanner) seek(line, col int) bool {
	s.i, s.line, s.col = 0, 1, 1
	for s.line < line {
		j := bytes.IndexByte(s.raw[s.i:], '\n')
		if j < 0 {
			return false
		}
		s.i += j + 1
		s.line++
	}
	for s.col < col {
		if s.eof() || s.raw[s.i] == '\n' {
			return false
		}
		s.next()
	}
	return true
}

// next moves past one character.
func (s *scalarScanner) next() {
	if s.eof() {
		return
	}
	if s.raw[s.i] == '\n' {
		s.i++
		s.line++
		s.col = 1
		return
	}
	_, w := utf8.DecodeRune(s.raw[s.i:])
	s.i += w
	s.col++
}

// isBreak tells whether a line break starts at the current byte.
func (s *scalarScanner) isBreak() bool {
	c := s.peek()
	return c == '\n' || c == '\r' && s.i+1 < len(s.raw) && s.raw[s.i+1] == '\n'
}

// skipBreak moves past a line break.
func (s *scalarScanner) skipBreak() {
	if s.peek() == '\r' {
		s.i++
		s.col++
	}
	s.next()
}

func (s *scalarScanner) emit(b []byte, p srcPos) {
	s.out = append(s.out, b...)
	for range b {
		s.pos = append(s.pos, p)
	}
	s.trim = 0
}

// copyRune copies the current character to the output.
func (s *scalarScanner) copyRune() {
	p := s.at()
	_, w := utf8.DecodeRune(s.raw[s.i:])
	white := s.raw[s.i] == ' ' || s.raw[s.i] == '\t'
	trim := s.trim
	s.emit(s.raw[s.i:s.i+w], p)
	if white {
		s.trim = trim + w
	}
	s.next()
}

// skipProperties moves past an anchor or a tag written before the value.
func (s *scalarScanner) skipProperties() {
	for c := s.peek(); c == '&' || c == '!'; c = s.peek() {
		for !s.eof() && s.peek() != ' ' && s.peek() != '\t' && !s.isBreak() {
			s.next()
		}
		for s.peek() == ' ' || s.peek() == '\t' {
			s.next()
		}
	}
}

// flow decodes a flow scalar up to the closing quote q, or, for a plain
// scalar (q 0), until want bytes are decoded.
func (s *scalarScanner) flow(q byte, want int) bool {
	for {
		if q == 0 && len(s.out) >= want {
			s.end = s.at()
			return len(s.out) == want
		}
		if s.eof() {
			return false
		}
		c := s.peek()
		switch {
		case q != 0 && c == q:
			if q == '\'' && s.i+1 < len(s.raw) && s.raw[s.i+1] == '\'' {
				s.emit([]byte{'\''}, s.at())
				s.next()
				s.next()
				continue
			}
			s.end = s.at()
			s.next()
			return true
		case s.isBreak():
			s.fold()
		case q == '"' && c == '\\':
			if !s.escape() {
				return false
			}
		default:
			s.copyRune()
		}
	}
}

// fold reads a line break in a flow scalar and the empty lines after it:
// one break becomes a space, n empty lines become n line feeds; white space
// around the break is dropped.
func (s *scalarScanner) fold() {
	s.out = s.out[:len(s.out)-s.trim]
	s.pos = s.pos[:len(s.pos)-s.trim]
	s.trim = 0
	first := s.at()
	s.skipBreak()
	var empties []srcPos
	for {
		for s.peek() == ' ' || s.peek() == '\t' {
			s.next()
		}
		if !s.isBreak() {
			break
		}
		empties = append(empties, s.at())
		s.skipBreak()
	}
	if len(empties) == 0 {
		s.emit([]byte{' '}, first)
		return
	}
	for _, p := range empties {
		s.emit([]byte{'\n'}, p)
	}
}

// escapes are YAML's (and JSON's) one-character escapes in double quotes.
var escapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f", 'r': "\r",
	'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\", 'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// escape decodes one backslash escape of a double-quoted scalar.
func (s *scalarScanner) escape() bool {
	p := s.at()
	s.next()
	if s.isBreak() { // an escaped line break joins the lines
		s.skipBreak()
		for s.peek() == ' ' || s.peek() == '\t' {
			s.next()
		}
		s.trim = 0
		return true
	}
	c := s.peek()
	if e, ok := escapes[c]; ok {
		s.next()
		s.emit([]byte(e), p)
		return true
	}
	n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
	if n == 0 {
		return false
	}
	s.next()
	r, ok := s.hex(n)
	if !ok {
		return false
	}
	if n == 4 && r >= 0xd800 && r < 0xdc00 { // a UTF-16 surrogate pair, as JSON writes it
		if s.i+6 > len(s.raw) || s.raw[s.i] != '\\' || s.raw[s.i+1] != 'u' {
			return false
		}
		s.next()
		s.next()
		lo, ok := s.hex(4)
		if !ok || lo < 0xdc00 || lo > 0xdfff {
			return false
		}
		r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
	}
	s.emit(utf8.AppendRune(nil, rune(r)), p)
	return true
}

// hex reads n hexadecimal digits.
func (s *scalarScanner) hex(n int) (int, bool) {
	v := 0
	for range n {
		c := s.peek()
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'f':
			d = int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = int(c-'A') + 10
		default:
			return 0, false
		}
		v = v*16 + d
		s.next()
	}
	return v, true
}

// block decodes a literal or folded block scalar, as libyaml (which the
// YAML parser ports) scans it, trying each indentation an explicit
// indentation indicator could mean.
func (s *scalarScanner) block(n *yaml.Node) ([]srcPos, bool) {
	if c := s.peek(); c != '|' && c != '>' {
		return nil, false
	}
	folded := s.peek() == '>'
	s.next()
	explicit := 0
	for c := s.peek(); c == '+' || c == '-' || c >= '1' && c <= '9'; c = s.peek() {
		if c >= '1' && c <= '9' {
			explicit = int(c - '0')
		}
		s.next()
	}
	for !s.eof() && !s.isBreak() { // blanks and a comment
		s.next()
	}
	if s.eof() {
		return nil, false
	}
	s.skipBreak()
	start := *s
	indents := []int{0}
	if explicit > 0 {
		indents = indents[:0]
		for i := explicit; i <= explicit+n.Column; i++ {
			indents = append(indents, i)
		}
	}
	want := strings.TrimRight(n.Value, "\n")
	for _, indent := range indents {
		*s = start
		s.out, s.pos = nil, nil
		s.blockBody(indent, folded)
		if got := strings.TrimRight(string(s.out), "\n"); got == want && len(s.out) > 0 || want == "" {
			pos := s.pos[:min(len(s.pos), len(want))]
			last := s.at()
			if len(s.pos) > len(want) {
				last = s.pos[len(want)] // the break after the last line
			}
			for len(pos) < len(n.Value)+1 {
				pos = append(pos, last)
			}
			return pos, true
		}
	}
	return nil, false
}

// blockBody decodes the lines of a block scalar with the given indentation
// (0: detected from the first line with text); the value's final line
// breaks (chomping) are left to the caller.
func (s *scalarScanner) blockBody(indent int, folded bool) {
	var trailing []srcPos
	// Leading empty lines, and the indentation when it is detected.
	maxIndent := 0
	for {
		for (indent == 0 || s.col-1 < indent) && s.peek() == ' ' {
			s.next()
		}
		if s.col-1 > maxIndent {
			maxIndent = s.col - 1
		}
		if !s.isBreak() {
			break
		}
		trailing = append(trailing, s.at())
		s.skipBreak()
	}
	if indent == 0 {
		indent = max(maxIndent, 1)
	}
	var leading *srcPos
	leadingBlank := false
	for s.col-1 == indent && !s.eof() {
		trailingBlank := s.peek() == ' ' || s.peek() == '\t'
		switch {
		case folded && leading != nil && !leadingBlank && !trailingBlank:
			if len(trailing) == 0 {
				s.emit([]byte{' '}, *leading)
			}
		case leading != nil:
			s.emit([]byte{'\n'}, *leading)
		}
		leading = nil
		for _, p := range trailing {
			s.emit([]byte{'\n'}, p)
		}
		trailing = trailing[:0]
		leadingBlank = trailingBlank
		for !s.eof() && !s.isBreak() {
			s.copyRune()
		}
		if s.eof() {
			break
		}
		p := s.at()
		leading = &p
		s.skipBreak()
		for {
			for s.col-1 < indent && s.peek() == ' ' {
				s.next()
			}
			if !s.isBreak() {
				break
			}
			trailing = append(trailing, s.at())
			s.skipBreak()
		}
	}
	if leading != nil {
		s.emit([]byte{'\n'}, *leading)
	}
	for _, p := range trailing {
		s.emit([]byte{'\n'}, p)
	}
}
