package source

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// A layout says where each node of a tree stands in the text the tree was
// loaded from. yaml v4 records where a node starts (line and column, the
// column counted in characters) but not where it ends, so the end is found
// by reading the text from the start: quoted scalars to their closing quote,
// block scalars by indentation, plain scalars by the rules of their context,
// flow collections to their closing bracket, block collections to the end of
// their last child.
type layout struct {
	src    []byte
	format Format
	lines  []int // byte offset where each line starts; lines[0] is line 1
	eol    string
	// places holds the place of each node in the order walk visits them
	// (preorder), nodes the node of each.
	places []place
	nodes  []*yaml.Node
	// at finds a node's place; index builds it on first use, since a walk
	// over the whole tree reads places in turn and needs no map.
	at map[*yaml.Node]*place
	// the last position converted, so that converting the nodes of one long
	// line in order costs one pass over it
	curLine, curCol, curOff int
	// wide is the mapping whose entries are walked side by side, cut into
	// groups (see entriesSideBySide).
	wide   *yaml.Node
	groups wideGroups
}

// place is where one node stands.
type place struct {
	start, end int        // byte range of the node's text, properties (tag, anchor) included
	parent     *yaml.Node // the collection holding it; nil for the document's root
	flow       bool       // inside a flow collection
	indent     int        // indentation of the enclosing block collection; -1 at the top
	key        bool       // a mapping key
}

// newLayout finds the place of every node below doc, a document node loaded
// from src.
func newLayout(src []byte, format Format, doc *yaml.Node) (*layout, error) {
	return newLayoutWide(src, format, doc, runtime.GOMAXPROCS(0), wideBytes, wideEntries)
}

// newLayoutWide is newLayout walking the entries of the widest mapping in
// up to procs groups of at least entries each, when src holds least bytes
// or more.
func newLayoutWide(src []byte, format Format, doc *yaml.Node, procs, least, entries int) (*layout, error) {
	l := &layout{src: src, format: format, eol: "\n"}
	l.findLines()
	if doc == nil || doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, fmt.Errorf("no document")
	}
	root := doc.Content[0]
	var bounds []int
	if procs > 1 && len(src) >= least {
		if l.wide = widestMapping(root, true); l.wide != nil {
			bounds = entryBounds(l.wide.Content, procs, entries)
		}
	}
	var n int
	if bounds != nil {
		n, l.groups = countWide(root, l.wide, bounds)
	} else {
		l.wide = nil
		n = countNodes(root, math.MaxInt)
	}
	l.places = make([]place, 0, n)
	l.nodes = make([]*yaml.Node, 0, n)
	if _, err := l.walk(doc.Content[0], nil, false, -1, false); err != nil {
		return nil, err
	}
	return l, nil
}

// findLines finds where lines start.
func (l *layout) findLines() {
	l.lines = append(l.lines[:0], 0)
	if !onlyLF(l.src, l.format) {
		l.scanLines()
		return
	}
	for i, j := 0, 0; j >= 0; i += j + 1 {
		if j = bytes.IndexByte(l.src[i:], '\n'); j >= 0 {
			l.lines = append(l.lines, i+j+1)
		}
	}
}

// scanLines finds where lines start for any line break.
func (l *layout) scanLines() {
	src := l.src
	for i := 0; i < len(src); {
		if !breakStart[src[i]] {
			i++
			continue
		}
		w := l.breakAt(i)
		if w == 0 {
			i++
			continue
		}
		if src[i] == '\r' && w == 2 && l.eol == "\n" && len(l.lines) == 1 {
			l.eol = "\r\n"
		}
		i += w
		l.lines = append(l.lines, i)
	}
}

// onlyLF tells whether every line break of src is a LF, so that lines
// can be found with bytes.IndexByte.
func onlyLF(src []byte, format Format) bool {
	if bytes.IndexByte(src, '\r') >= 0 {
		return false
	}
	return format == JSON || !bytes.Contains(src, []byte("\u0085")) && !bytes.Contains(src, []byte("\u2028")) && !bytes.Contains(src, []byte("\u2029"))
}

// breakStart marks the bytes a line break can start with, so that scans
// call breakAt only where it can find one.
var breakStart = [256]bool{'\r': true, '\n': true, 0xC2: true, 0xE2: true}

// breakAt returns the width of the line break at i, or 0. YAML breaks lines
// as yaml v4 counts them (CR LF, CR, LF, NEL, LS, PS); JSON only at CR and LF.
func (l *layout) breakAt(i int) int {
	s := l.src
	switch {
	case s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n':
		return 2
	case s[i] == '\r' || s[i] == '\n':
		return 1
	case l.format == JSON:
		return 0
	case s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0x85:
		return 2
	case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
		return 3
	}
	return 0
}

// offset converts a node's 1-based line and character column to a byte offset.
func (l *layout) offset(line, col int) (int, error) {
	if line < 1 || line > len(l.lines) || col < 1 {
		return 0, fmt.Errorf("position %d:%d is outside the text", line, col)
	}
	off, c := l.lines[line-1], 1
	if line == 1 && off == 0 && len(l.src) >= 3 && string(l.src[:3]) == "\xef\xbb\xbf" {
		off = 3 // a byte-order mark takes no column
	}
	if l.curLine == line && l.curCol <= col {
		off, c = l.curOff, l.curCol
	}
	for c < col {
		if off < len(l.src) && l.src[off] < utf8.RuneSelf && !breakStart[l.src[off]] {
			off++ // most text: one ASCII byte, one column
			c++
			continue
		}
		if off >= len(l.src) || l.breakAt(off) > 0 {
			return 0, fmt.Errorf("position %d:%d is past the end of its line", line, col)
		}
		_, w := utf8.DecodeRune(l.src[off:])
		off += w
		c++
	}
	l.curLine, l.curCol, l.curOff = line, col, off
	return off, nil
}

// index builds at, the place of each node; a node that stands twice in the
// tree gets the place of its last stand.
func (l *layout) index() map[*yaml.Node]*place {
	if l.at == nil {
		l.at = make(map[*yaml.Node]*place, len(l.places))
		for i, n := range l.nodes {
			l.at[n] = &l.places[i]
		}
	}
	return l.at
}

// placeOf returns the place of node n.
func (l *layout) placeOf(n *yaml.Node) *place { return l.index()[n] }

// lineOf returns the 1-based line holding offset off.
func (l *layout) lineOf(off int) int {
	lo, hi := 0, len(l.lines)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// lineFrom is lineOf for an offset known to be on line hint or a little
// after it: a walk in text order finds most lines in a step or two.
func (l *layout) lineFrom(off, hint int) int {
	if hint >= 1 && hint <= len(l.lines) && l.lines[hint-1] <= off {
		for range 4 {
			if hint == len(l.lines) || l.lines[hint] > off {
				return hint
			}
			hint++
		}
	}
	return l.lineOf(off)
}

// lineEnd returns the offset of the line break ending the line that holds off
// (or the end of the text).
func (l *layout) lineEnd(off int) int {
	for off < len(l.src) && (!breakStart[l.src[off]] || l.breakAt(off) == 0) {
		off++
	}
	return off
}

// endOfLine returns the offset of the line break ending line ln (1-based), or
// the end of the text: the next line's start less the break before it.
func (l *layout) endOfLine(ln int) int {
	if ln >= len(l.lines) {
		return l.lineEnd(l.lines[len(l.lines)-1])
	}
	e, s := l.lines[ln], l.src
	switch s[e-1] {
	case '\n':
		if e-2 >= l.lines[ln-1] && s[e-2] == '\r' {
			return e - 2
		}
		return e - 1
	case '\r':
		return e - 1
	case 0x85: // NEL
		return e - 2
	}
	return e - 3 // LS, PS
}

// indentOf returns the number of spaces starting the line that holds off.
func (l *layout) indentOf(off int) int {
	i := l.lines[l.lineOf(off)-1]
	n := 0
	for i+n < len(l.src) && l.src[i+n] == ' ' {
		n++
	}
	return n
}

// column returns the 0-based character column of offset off.
func (l *layout) column(off int) int {
	return utf8.RuneCount(l.src[l.lines[l.lineOf(off)-1]:off])
}

func (l *layout) walk(n, parent *yaml.Node, flow bool, indent int, key bool) (*place, error) {
	start, err := l.offset(n.Line, n.Column)
	if err != nil {
		return nil, err
	}
	pl := place{start: start, parent: parent, flow: flow, indent: indent, key: key}
	if len(l.places) == cap(l.places) {
		// Appending past the room newLayout counted would move the places
		// that callers up the walk still hold.
		return nil, fmt.Errorf("%d:%d: more nodes than counted", n.Line, n.Column)
	}
	l.places = append(l.places, pl)
	l.nodes = append(l.nodes, n)
	p := &l.places[len(l.places)-1]
	switch n.Kind {
	case yaml.AliasNode:
		i := start + 1
		for i < len(l.src) && !isSpaceOrBreak(l.src[i]) && !isFlowIndicator(l.src[i]) {
			i++
		}
		p.end = i
	case yaml.ScalarNode:
		p.end, err = l.scalarEnd(n, p)
	case yaml.MappingNode, yaml.SequenceNode:
		p.end, err = l.collectionEnd(n, p)
	default:
		err = fmt.Errorf("unexpected node kind %v", n.Kind)
	}
	if err != nil {
		return nil, fmt.Errorf("%d:%d: %w", n.Line, n.Column, err)
	}
	return p, nil
}

// afterProperties skips a node's tag and anchor and the spaces after them.
func (l *layout) afterProperties(i int) int {
	s := l.src
	for i < len(s) && (s[i] == '!' || s[i] == '&') {
		if s[i] == '!' && i+1 < len(s) && s[i+1] == '<' {
			for i < len(s) && s[i] != '>' {
				i++
			}
			i++
		} else {
			i++
			for i < len(s) && !isSpaceOrBreak(s[i]) && !isFlowIndicator(s[i]) {
				i++
			}
		}
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	return i
}

// contentStart returns where the text of a node starting at i begins,
// after its properties and the separation that follows them: the '-' of a
// block sequence, the bracket of a flow collection.
func (l *layout) contentStart(i int) int { return l.skipSeparation(l.afterProperties(i)) }

// skipSeparation skips spaces, line breaks and comments, returning the
// offset of the next content.
func (l *layout) skipSeparation(i int) int {
	s := l.src
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case s[i] == '#':
			i = l.lineEnd(i)
		case l.breakAt(i) > 0:
			i += l.breakAt(i)
		default:
			return i
		}
	}
	return i
}

// trimBack moves end back over spaces and line breaks.
func (l *layout) trimBack(start, end int) int {
	for end > start && isSpaceOrBreak(l.src[end-1]) {
		end--
	}
	return end
}

func (l *layout) scalarEnd(n *yaml.Node, p *place) (int, error) {
	s := l.src
	i := l.afterProperties(p.start)
	hasProps := i != p.start
	style := n.Style &^ (yaml.TaggedStyle | yaml.FlowStyle)
	if style == 0 && n.Value == "" {
		// An empty plain scalar: nothing, or the properties alone.
		if hasProps {
			return l.trimBack(p.start, i), nil
		}
		return p.start, nil
	}
	if hasProps && (i >= len(s) || isSpaceOrBreak(s[i]) || s[i] == '#') {
		i = l.skipSeparation(i)
	}
	if i >= len(s) {
		return 0, fmt.Errorf("scalar %q: the text ends before it", n.Value)
	}
	switch {
	case style&yaml.DoubleQuotedStyle != 0:
		if s[i] != '"' {
			return 0, fmt.Errorf("double-quoted scalar %q does not start with a quote", n.Value)
		}
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case '"':
				return j + 1, nil
			}
		}
		return 0, fmt.Errorf("double-quoted scalar %q has no closing quote", n.Value)
	case style&yaml.SingleQuotedStyle != 0:
		if s[i] != '\'' {
			return 0, fmt.Errorf("single-quoted scalar %q does not start with a quote", n.Value)
		}
		for j := i + 1; j < len(s); j++ {
			if s[j] == '\'' {
				if j+1 < len(s) && s[j+1] == '\'' {
					j++
					continue
				}
				return j + 1, nil
			}
		}
		return 0, fmt.Errorf("single-quoted scalar %q has no closing quote", n.Value)
	case style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return l.blockScalarEnd(i, p.indent)
	}
	if p.flow {
		return l.flowPlainEnd(i), nil
	}
	return l.blockPlainEnd(i, p.indent, p.key), nil
}

// blockScalarEnd returns the end of the block scalar whose header ('|' or
// '>') is at i, inside a block collection indented by parent: the end of its
// last non-empty line, or of its last line for keep chomping ("|+").
func (l *layout) blockScalarEnd(i, parent int) (int, error) {
	s := l.src
	if s[i] != '|' && s[i] != '>' {
		return 0, fmt.Errorf("block scalar does not start with | or >")
	}
	end := i + 1
	keep, explicit := false, 0
	for end < len(s) && (s[end] == '+' || s[end] == '-' || s[end] >= '1' && s[end] <= '9') {
		switch {
		case s[end] == '+':
			keep = true
		case s[end] >= '1' && s[end] <= '9':
			explicit = int(s[end] - '0')
		}
		end++
	}
	content := -1
	if explicit > 0 {
		content = max(parent, 0) + explicit
	}
	line := l.lineOf(i)
	for ln := line + 1; ln <= len(l.lines); ln++ {
		from := l.lines[ln-1]
		if from >= len(s) {
			break
		}
		to := l.endOfLine(ln)
		ind := 0
		for from+ind < to && s[from+ind] == ' ' {
			ind++
		}
		blank := true
		for _, c := range s[from+ind : to] {
			if c != ' ' && c != '\t' {
				blank = false
				break
			}
		}
		if blank {
			if keep {
				end = to
			}
			continue
		}
		if content < 0 {
			content = max(ind, parent+1, 1)
		}
		if ind < content {
			break
		}
		end = to
	}
	return end, nil
}

// blockPlainEnd returns the end of a plain scalar in block context starting
// at i; a value may continue on lines indented more than its collection.
func (l *layout) blockPlainEnd(i, parent int, key bool) int {
	s := l.src
	end := l.plainLineEnd(i, false)
	if key {
		return end
	}
	j := l.lineEnd(end)
	for j < len(s) {
		j += l.breakAt(j)
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if k >= len(s) {
			break
		}
		if l.breakAt(k) > 0 {
			j = k
			continue // an empty line inside a multi-line scalar, or after it
		}
		ind := 0
		for j+ind < len(s) && s[j+ind] == ' ' {
			ind++
		}
		if ind <= parent || s[k] == '#' || parent < 0 && (string(s[k:min(k+3, len(s))]) == "---" || string(s[k:min(k+3, len(s))]) == "...") {
			break
		}
		end = l.plainLineEnd(k, false)
		j = l.lineEnd(end)
	}
	return end
}

// plainLineEnd returns where a plain scalar's text on one line ends: at the
// line break, at " #", at ": " (or a colon ending the line), and in flow
// context at a flow indicator; trailing spaces excluded.
func (l *layout) plainLineEnd(i int, flow bool) int {
	s := l.src
	j := i
	for j < len(s) && (!breakStart[s[j]] || l.breakAt(j) == 0) {
		c := s[j]
		if c == '#' && j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
			break
		}
		if c == ':' && (j+1 >= len(s) || isSpaceOrBreak(s[j+1]) || flow && isFlowIndicator(s[j+1])) {
			break
		}
		if flow && isFlowIndicator(c) {
			break
		}
		j++
	}
	return l.trimBack(i, j)
}

// flowPlainEnd returns the end of a plain scalar in flow context, which may
// continue on the next lines until a flow indicator, ": " or a comment.
func (l *layout) flowPlainEnd(i int) int {
	s := l.src
	end := l.plainLineEnd(i, true)
	for {
		j := end
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j >= len(s) || l.breakAt(j) == 0 {
			return end
		}
		k := j
		for k < len(s) && (isSpaceOrBreak(s[k])) {
			k++
		}
		if k >= len(s) || isFlowIndicator(s[k]) || s[k] == '#' || s[k] == ':' && (k+1 >= len(s) || isSpaceOrBreak(s[k+1]) || isFlowIndicator(s[k+1])) {
			return end
		}
		end = l.plainLineEnd(k, true)
	}
}

func (l *layout) collectionEnd(n *yaml.Node, p *place) (int, error) {
	flowStyle := p.flow || n.Style&yaml.FlowStyle != 0
	if !flowStyle {
		if len(n.Content) == 0 {
			return 0, fmt.Errorf("an empty collection in block style")
		}
		indent := n.Content[0].Column - 1
		if n.Kind == yaml.SequenceNode {
			dash := l.contentStart(p.start)
			if dash >= len(l.src) || l.src[dash] != '-' {
				return 0, fmt.Errorf("block sequence does not start with -")
			}
			indent = l.column(dash)
		}
		if n == l.wide {
			return l.entriesSideBySide(n, p, indent)
		}
		return l.blockChildren(n, p, indent, 0, len(n.Content))
	}
	open := l.contentStart(p.start)
	end := open
	implicit := false // a single pair in a flow sequence: [a: 1]
	switch {
	case open < len(l.src) && (l.src[open] == '[' && n.Kind == yaml.SequenceNode || l.src[open] == '{' && n.Kind == yaml.MappingNode):
		end = open + 1
	case n.Kind == yaml.MappingNode && p.flow && len(n.Content) == 2:
		implicit = true
	default:
		return 0, fmt.Errorf("flow collection does not start with a bracket")
	}
	var prev *place // the place of the child before
	for i, c := range n.Content {
		cp, err := l.walk(c, n, true, p.indent, n.Kind == yaml.MappingNode && i%2 == 0)
		if err != nil {
			return 0, err
		}
		if isEmptyNull(c) && n.Kind == yaml.MappingNode && i%2 == 1 {
			k := prev.end
			j := k
			for j < len(l.src) && (l.src[j] == ' ' || l.src[j] == '\t') {
				j++
			}
			if j < len(l.src) && l.src[j] == ':' {
				k = j + 1
			}
			cp.start, cp.end = k, k
		}
		end = max(end, cp.end)
		prev = cp
	}
	if implicit {
		return end, nil
	}
	closer := byte(']')
	if n.Kind == yaml.MappingNode {
		closer = '}'
	}
	for end < len(l.src) {
		end = l.skipSeparation(end)
		if end < len(l.src) && l.src[end] == ',' {
			end++
			continue
		}
		break
	}
	if end >= len(l.src) || l.src[end] != closer {
		return 0, fmt.Errorf("flow collection: no closing %c", closer)
	}
	return end + 1, nil
}

// isEmptyNull tells whether n is a value written as nothing at all.
func isEmptyNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.Anchor == "" &&
		n.Style&^yaml.FlowStyle == 0 && (n.Tag == "" || n.Tag == TagNull)
}

// placeEmpty sets p, the place of the empty value at index i of block
// collection n (whose place is np): after the ':' of its key, or after its
// '-'; key is the place of the child before it, prev where the children
// before it end.
func (l *layout) placeEmpty(n *yaml.Node, i int, np, key, p *place, prev int) error {
	var at int
	if n.Kind == yaml.MappingNode {
		if i%2 == 0 {
			return nil // an empty key: left where yaml v4 puts it
		}
		at = l.skipSeparation(key.end) // ":" may stand on its own line after "? key"
		if at >= len(l.src) || l.src[at] != ':' {
			return fmt.Errorf("no ':' after the key %q", n.Content[i-1].Value)
		}
	} else {
		from := prev
		if i == 0 {
			from = l.afterProperties(np.start)
		}
		at = l.skipSeparation(from)
		if at >= len(l.src) || l.src[at] != '-' {
			return fmt.Errorf("no '-' before an empty item")
		}
	}
	p.start, p.end = at+1, at+1
	return nil
}

func isSpaceOrBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}
