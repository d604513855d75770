package source

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// parseJSON reads strict JSON (RFC 8259) into the node tree that yaml v4
// builds for the same text: flow-style mappings and sequences, double-quoted
// !!str scalars, plain scalars tagged as yaml resolves them, and rune-based
// 1-based columns. It is several times faster than the YAML reader because
// JSON needs no indentation, simple-key or tag handling, and a document of
// 256 KiB or more is read on all processors (see jsonscan_ahead.go). The
// input must be valid UTF-8 (Parse checks that first).
func parseJSON(file string, data []byte, maxDepth int) (*yaml.Node, error) {
	doc, _, err := scanJSON(file, data, maxDepth, aheadLines(data))
	return doc, err
}

// scanJSON is parseJSON with runs of members read ahead from the lines that
// start at the offsets ats (see jsonscan_ahead.go); it returns the scanner
// too, for what it took.
func scanJSON(file string, data []byte, maxDepth int, ats []int) (*yaml.Node, *jsonScanner, error) {
	s := &jsonScanner{src: string(data), file: file, line: 1, maxDepth: maxDepth}
	doc, err := s.document(ats)
	return doc, s, err
}

// document reads the whole text as one JSON value, reading ahead from ats.
func (s *jsonScanner) document(ats []int) (*yaml.Node, error) {
	file := s.file
	if len(s.src) >= 3 && s.src[:3] == "\xef\xbb\xbf" {
		s.pos, s.lineStart = 3, 3 // a byte-order mark takes no column
	}
	s.space()
	if s.pos >= len(s.src) {
		return nil, &SyntaxError{Code: diag.EmptyFile, File: file, Message: "the file is empty: write an OpenAPI document"}
	}
	doc := s.node()
	doc.Kind = yaml.DocumentNode
	doc.Line, doc.Column = s.position()
	s.readAhead(ats)
	defer s.endAhead()
	v, err := s.value()
	if err != nil {
		return nil, err
	}
	s.space()
	if s.pos < len(s.src) {
		return nil, s.errorf("unexpected %s after the end of the JSON value", s.describe())
	}
	doc.Content = s.children([]*yaml.Node{v})
	return doc, nil
}

// jsonScanner holds the position and the allocation pools of one parse.
type jsonScanner struct {
	src  string // the input; unescaped strings are substrings of it (no copy)
	file string
	pos  int
	line int
	// lineStart is the offset where the current line starts; cont counts the
	// UTF-8 continuation bytes seen on this line, so column = runes + 1.
	lineStart, cont int
	depth, maxDepth int
	nodes           []yaml.Node  // slab of nodes, handed out one by one
	ptrs            []*yaml.Node // slab that Content slices are cut from
	stack           []*yaml.Node // children of the containers being read
	buf             []byte       // scratch for strings with escapes
	// ahead are the runs of members read ahead on other processors, in
	// the order of the text, next the first not yet taken or passed (see
	// jsonscan_ahead.go); deepest is the deepest nesting reached, and quit
	// stops a scanner reading a run ahead once the document is read.
	ahead   []*aheadRun
	next    int
	taken   int // how many runs were taken
	deepest int
	quit    *atomic.Bool
}

func (s *jsonScanner) node() *yaml.Node {
	if len(s.nodes) == 0 {
		s.nodes = make([]yaml.Node, min(4096, 64+len(s.src)/16))
	}
	n := &s.nodes[0]
	s.nodes = s.nodes[1:]
	return n
}

// children copies c into a Content slice cut from a shared slab; the capacity
// is clipped so that an append by a later user reallocates.
func (s *jsonScanner) children(c []*yaml.Node) []*yaml.Node {
	if len(c) == 0 {
		return nil
	}
	if len(s.ptrs) < len(c) {
		s.ptrs = make([]*yaml.Node, max(len(c), 8192))
	}
	out := s.ptrs[:len(c):len(c)]
	s.ptrs = s.ptrs[len(c):]
	copy(out, c)
	return out
}

func (s *jsonScanner) position() (int, int) {
	return s.line, s.pos - s.lineStart - s.cont + 1
}

func (s *jsonScanner) errorf(format string, args ...any) error {
	l, c := s.position()
	return &SyntaxError{Code: diag.Syntax, File: s.file, Line: l, Column: c, Message: "invalid JSON: " + fmt.Sprintf(format, args...)}
}

// describe names the byte at pos for messages.
func (s *jsonScanner) describe() string {
	if s.pos >= len(s.src) {
		return "end of file"
	}
	r, _ := utf8.DecodeRuneInString(s.src[s.pos:])
	return strconv.QuoteRune(r)
}

// space skips JSON whitespace, counting lines as YAML does (\r\n, \n and a lone \r).
func (s *jsonScanner) space() {
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case ' ', '\t':
			s.pos++
		case '\n':
			s.pos++
			s.newline()
		case '\r':
			s.pos++
			if s.pos < len(s.src) && s.src[s.pos] == '\n' {
				s.pos++
			}
			s.newline()
		default:
			return
		}
	}
}

func (s *jsonScanner) newline() {
	s.line++
	s.lineStart = s.pos
	s.cont = 0
}

func (s *jsonScanner) value() (*yaml.Node, error) {
	if s.pos >= len(s.src) {
		return nil, s.errorf("unexpected end of file, expected a value")
	}
	switch c := s.src[s.pos]; {
	case c == '{':
		return s.object()
	case c == '[':
		return s.array()
	case c == '"':
		n := s.node()
		n.Kind, n.Tag, n.Style = yaml.ScalarNode, "!!str", yaml.DoubleQuotedStyle
		n.Line, n.Column = s.position()
		v, err := s.str()
		n.Value = v
		return n, err
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true", "!!bool")
	case c == 'f':
		return s.literal("false", "!!bool")
	case c == 'n':
		return s.literal("null", "!!null")
	}
	return nil, s.errorf("unexpected %s, expected a value", s.describe())
}

func (s *jsonScanner) literal(word, tag string) (*yaml.Node, error) {
	if len(s.src)-s.pos < len(word) || s.src[s.pos:s.pos+len(word)] != word {
		return nil, s.errorf("unexpected %s, expected a value", s.describe())
	}
	n := s.node()
	n.Kind, n.Tag, n.Value = yaml.ScalarNode, tag, word
	n.Line, n.Column = s.position()
	s.pos += len(word)
	return n, nil
}

func (s *jsonScanner) enter() error {
	s.depth++
	s.deepest = max(s.deepest, s.depth)
	if s.quit != nil && s.quit.Load() {
		return errQuit
	}
	if s.depth > s.maxDepth {
		l, c := s.position()
		return &LimitError{Limit: LimitDepth, Code: diag.LimitDepth, File: s.file, Line: l, Column: c,
			Message: fmt.Sprintf("objects and lists nest deeper than %d levels; the input is refused (raise the depth limit if the file is genuine)", s.maxDepth)}
	}
	return nil
}

func (s *jsonScanner) object() (*yaml.Node, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	n := s.node()
	n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
	n.Line, n.Column = s.position()
	s.pos++ // {
	base := len(s.stack)
	if s.spaceOrAhead() {
		return s.closeObject(n, base), nil
	}
	if s.pos < len(s.src) && s.src[s.pos] == '}' {
		s.pos++
		s.depth--
		return n, nil
	}
	for {
		if err := s.member(); err != nil {
			return nil, err
		}
		s.space()
		if s.pos < len(s.src) {
			switch s.src[s.pos] {
			case ',':
				s.pos++
				if s.spaceOrAhead() {
					return s.closeObject(n, base), nil
				}
				continue
			case '}':
				return s.closeObject(n, base), nil
			}
		}
		return nil, s.errorf("unexpected %s, expected ',' or '}'", s.describe())
	}
}

// member reads one member of an object, its key and value, onto the stack.
func (s *jsonScanner) member() error {
	if s.pos >= len(s.src) || s.src[s.pos] != '"' {
		return s.errorf("unexpected %s, expected a string key in double quotes", s.describe())
	}
	k := s.node()
	k.Kind, k.Tag, k.Style = yaml.ScalarNode, "!!str", yaml.DoubleQuotedStyle
	k.Line, k.Column = s.position()
	v, err := s.str()
	if err != nil {
		return err
	}
	k.Value = v
	s.space()
	if s.pos >= len(s.src) || s.src[s.pos] != ':' {
		return s.errorf("unexpected %s, expected ':' after the key %q", s.describe(), k.Value)
	}
	s.pos++
	s.space()
	val, err := s.value()
	if err != nil {
		return err
	}
	s.stack = append(s.stack, k, val)
	return nil
}

// closeObject ends object n at its '}', its members being the stack from base.
func (s *jsonScanner) closeObject(n *yaml.Node, base int) *yaml.Node {
	s.pos++
	n.Content = s.children(s.stack[base:])
	s.stack = s.stack[:base]
	s.depth--
	return n
}

func (s *jsonScanner) array() (*yaml.Node, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	n := s.node()
	n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
	n.Line, n.Column = s.position()
	s.pos++ // [
	base := len(s.stack)
	s.space()
	if s.pos < len(s.src) && s.src[s.pos] == ']' {
		s.pos++
		s.depth--
		return n, nil
	}
	for {
		v, err := s.value()
		if err != nil {
			return nil, err
		}
		s.stack = append(s.stack, v)
		s.space()
		if s.pos < len(s.src) {
			switch s.src[s.pos] {
			case ',':
				s.pos++
				s.space()
				continue
			case ']':
				s.pos++
				n.Content = s.children(s.stack[base:])
				s.stack = s.stack[:base]
				s.depth--
				return n, nil
			}
		}
		return nil, s.errorf("unexpected %s, expected ',' or ']'", s.describe())
	}
}

// special marks the bytes that end the fast path of a string: the closing
// quote, a backslash, control characters and non-ASCII bytes.
var special = func() (t [256]bool) {
	for i := range 0x20 {
		t[i] = i != '\t' // a raw tab is not JSON, but yaml reads it and so do we
	}
	for i := 0x80; i < 256; i++ {
		t[i] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// str reads a string starting at the opening quote and returns its value.
func (s *jsonScanner) str() (string, error) {
	s.pos++ // opening quote
	start := s.pos
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if !special[c] {
			s.pos++
			continue
		}
		switch {
		case c == '"':
			s.pos++
			return s.src[start : s.pos-1], nil
		case c == '\\':
			return s.escaped(start)
		case c >= 0x80:
			if c < 0xC0 {
				s.cont++
			}
			s.pos++
		default:
			return "", s.errorf("control character %U in a string: write it as an escape such as \\n or \\u%04x", rune(c), c)
		}
	}
	return "", s.errorf("unexpected end of file in a string")
}

// escaped continues a string that holds escapes, from the first backslash.
func (s *jsonScanner) escaped(start int) (string, error) {
	b := append(s.buf[:0], s.src[start:s.pos]...)
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '"':
			s.pos++
			s.buf = b
			return string(b), nil
		case c == '\\':
			if s.pos+1 >= len(s.src) {
				return "", s.errorf("unexpected end of file in a string")
			}
			e := s.src[s.pos+1]
			s.pos += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, err := s.unicode()
				if err != nil {
					return "", err
				}
				b = utf8.AppendRune(b, r)
			default:
				s.pos -= 2
				return "", s.errorf("invalid escape \\%c in a string", e)
			}
		case c < 0x20 && c != '\t':
			return "", s.errorf("control character %U in a string: write it as an escape such as \\n or \\u%04x", rune(c), c)
		default:
			if c >= 0x80 && c < 0xC0 {
				s.cont++
			}
			b = append(b, c)
			s.pos++
		}
	}
	return "", s.errorf("unexpected end of file in a string")
}

// unicode reads the hex digits of a \u escape (pos is just after "\u"),
// joining a UTF-16 surrogate pair. A lone surrogate is refused, as yaml does.
func (s *jsonScanner) unicode() (rune, error) {
	r1, ok := s.hex4()
	if !ok {
		return 0, s.errorf("invalid \\u escape: write four hexadecimal digits")
	}
	if !utf16.IsSurrogate(r1) {
		return r1, nil
	}
	if r1 < 0xDC00 && len(s.src)-s.pos >= 6 && s.src[s.pos] == '\\' && s.src[s.pos+1] == 'u' {
		s.pos += 2
		if r2, ok := s.hex4(); ok {
			if r := utf16.DecodeRune(r1, r2); r != utf8.RuneError {
				return r, nil
			}
		}
	}
	return 0, s.errorf("invalid \\u escape: lone UTF-16 surrogate \\u%04X", r1)
}

func (s *jsonScanner) hex4() (rune, bool) {
	if len(s.src)-s.pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s.src[s.pos : s.pos+4]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	s.pos += 4
	return r, true
}

// number reads a JSON number and tags it the way yaml v4 resolves the same
// plain scalar: !!int when it fits int64 or uint64, !!float otherwise, and
// !!str when it overflows float64 (yaml keeps such text as a string).
func (s *jsonScanner) number() (*yaml.Node, error) {
	n := s.node()
	n.Kind = yaml.ScalarNode
	n.Line, n.Column = s.position()
	start := s.pos
	if s.src[s.pos] == '-' {
		s.pos++
	}
	digits := s.digits()
	if digits == 0 {
		return nil, s.errorf("invalid number: expected a digit after '-'")
	}
	if digits > 1 && s.src[s.pos-digits] == '0' {
		return nil, s.errorf("invalid number %s: JSON numbers have no leading zeros", s.src[start:s.pos])
	}
	isInt := true
	if s.pos < len(s.src) && s.src[s.pos] == '.' {
		s.pos++
		isInt = false
		if s.digits() == 0 {
			return nil, s.errorf("invalid number: expected a digit after '.'")
		}
	}
	if s.pos < len(s.src) && (s.src[s.pos] == 'e' || s.src[s.pos] == 'E') {
		s.pos++
		isInt = false
		if s.pos < len(s.src) && (s.src[s.pos] == '+' || s.src[s.pos] == '-') {
			s.pos++
		}
		if s.digits() == 0 {
			return nil, s.errorf("invalid number: expected a digit in the exponent")
		}
	}
	text := s.src[start:s.pos]
	n.Value = text
	n.Tag = numberTag(text, isInt)
	return n, nil
}

func numberTag(text string, isInt bool) string {
	if text == "-0" {
		return "!!float" // yaml resolves -0 to negative zero
	}
	if isInt {
		if len(text) <= 18 {
			return "!!int"
		}
		if _, err := strconv.ParseInt(text, 10, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(text, 10, 64); err == nil {
			return "!!int"
		}
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil {
		return "!!float"
	}
	return "!!str"
}

func (s *jsonScanner) digits() int {
	start := s.pos
	for s.pos < len(s.src) && s.src[s.pos] >= '0' && s.src[s.pos] <= '9' {
		s.pos++
	}
	return s.pos - start
}
