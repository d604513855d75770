package javaregex

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
)

// Java's Pattern flag bits, as (?…) sets them.
const (
	fUnixLines    = 0x01
	fCaseInsens   = 0x02
	fComments     = 0x04
	fMultiline    = 0x08
	fDotall       = 0x20
	fUnicodeCase  = 0x40
	fCanonEq      = 0x80
	fUnicodeClass = 0x100
)

// parser is a port of java.util.regex.Pattern's recursive-descent compiler
// (Java 17): the same cursor moves, so it accepts and rejects exactly what
// Java does and reports errors at the same index.
type parser struct {
	src    string
	temp   []rune // pattern code points after \Q…\E removal, plus two 0s
	off    []int  // byte offset in src of each temp element
	plen   int
	cursor int
	flags  int
	groups int // Java's capturingGroupCount: starts at 1
	names  map[string]int
	found  []Construct
}

// parseError aborts parsing; Compile recovers it.
type parseError struct{ err *Error }

func (p *parser) fail(code diag.Code, msg, hint string) {
	idx := p.cursor - 1
	off := len(p.src)
	if idx < 0 {
		off = 0
	} else if idx < len(p.off) {
		off = p.off[idx]
	}
	panic(parseError{&Error{Code: code, Offset: off, Index: idx, Message: msg, Hint: hint, Pattern: p.src}})
}

func (p *parser) errSyntax(msg, hint string) { p.fail(diag.PatternSyntax, msg, hint) }

func newParser(src string) *parser {
	p := &parser{src: src, groups: 1, names: map[string]int{}}
	for i, r := range src {
		p.temp = append(p.temp, r)
		p.off = append(p.off, i)
	}
	p.plen = len(p.temp)
	p.removeQEQuoting()
	p.temp = append(p.temp, 0, 0)
	p.off = append(p.off, len(src), len(src))
	return p
}

func isASCIIAlpha(r rune) bool { return r < 128 && asciiLetter(r) }
func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }
func isASCIISpace(r rune) bool { return r == ' ' || r >= '\t' && r <= '\r' }
func isHex(r rune) bool {
	return isASCIIDigit(r) || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}
func hexVal(r rune) int {
	switch {
	case r <= '9':
		return int(r - '0')
	case r >= 'a':
		return int(r-'a') + 10
	}
	return int(r-'A') + 10
}

// removeQEQuoting rewrites \Q…\E into escaped characters, as Java does
// before parsing.
func (p *parser) removeQEQuoting() {
	t, o := p.temp, p.off
	n := len(t)
	i := 0
	for i < n-1 {
		if t[i] != '\\' {
			i++
		} else if t[i+1] != 'Q' {
			i += 2
		} else {
			break
		}
	}
	if i >= n-1 {
		return
	}
	p.note(o[i], "\\Q…\\E quoting", false)
	nt := append([]rune(nil), t[:i]...)
	no := append([]int(nil), o[:i]...)
	put := func(r rune, off int) { nt = append(nt, r); no = append(no, off) }
	i += 2
	inQuote, beginQuote := true, true
	for i < n {
		c, at := t[i], o[i]
		i++
		switch {
		case c >= 128 || isASCIIAlpha(c):
			put(c, at)
		case isASCIIDigit(c):
			if beginQuote {
				put('\\', at)
				put('x', at)
				put('3', at)
			}
			put(c, at)
		case c != '\\':
			if inQuote {
				put('\\', at)
			}
			put(c, at)
		case inQuote:
			if i < n && t[i] == 'E' {
				i++
				inQuote = false
			} else {
				put('\\', at)
				put('\\', at)
			}
		default:
			if i < n && t[i] == 'Q' {
				i++
				inQuote, beginQuote = true, true
				continue
			}
			put(c, at)
			if i != n {
				put(t[i], o[i])
				i++
			}
		}
		beginQuote = false
	}
	p.temp, p.off, p.plen = nt, no, len(nt)
}

func (p *parser) has(f int) bool { return p.flags&f != 0 }

func (p *parser) isLineSep(r rune) bool {
	if p.has(fUnixLines) {
		return r == '\n'
	}
	return r == '\n' || r == '\r' || r|1 == 0x2029 || r == 0x85
}

func (p *parser) peek() rune {
	ch := p.temp[p.cursor]
	if p.has(fComments) {
		ch = p.peekPastWhitespace(ch)
	}
	return ch
}

func (p *parser) read() rune {
	ch := p.temp[p.cursor]
	p.cursor++
	if p.has(fComments) {
		ch = p.parsePastWhitespace(ch)
	}
	return ch
}

func (p *parser) next() rune {
	p.cursor++
	ch := p.temp[p.cursor]
	if p.has(fComments) {
		ch = p.peekPastWhitespace(ch)
	}
	return ch
}

func (p *parser) nextEscaped() rune {
	p.cursor++
	return p.temp[p.cursor]
}

func (p *parser) skip() rune {
	ch := p.temp[p.cursor+1]
	p.cursor += 2
	return ch
}

func (p *parser) unread() { p.cursor-- }

func (p *parser) peekPastWhitespace(ch rune) rune {
	for isASCIISpace(ch) || ch == '#' {
		for isASCIISpace(ch) {
			p.cursor++
			ch = p.temp[p.cursor]
		}
		if ch == '#' {
			p.cursor++
			ch = p.temp[p.cursor]
			for ch != 0 && !p.isLineSep(ch) {
				p.cursor++
				ch = p.temp[p.cursor]
			}
			if ch == 0 && p.cursor >= p.plen {
				p.cursor = p.plen
				ch = p.temp[p.cursor]
			}
		}
	}
	return ch
}

func (p *parser) parsePastWhitespace(ch rune) rune {
	for isASCIISpace(ch) || ch == '#' {
		for isASCIISpace(ch) {
			ch = p.temp[p.cursor]
			p.cursor++
		}
		if ch == '#' {
			ch = p.temp[p.cursor]
			p.cursor++
			for ch != 0 && !p.isLineSep(ch) {
				ch = p.temp[p.cursor]
				p.cursor++
			}
			if ch == 0 && p.cursor > p.plen {
				p.cursor = p.plen
				ch = p.temp[p.cursor]
				p.cursor++
			}
		}
	}
	return ch
}

func (p *parser) offset() int {
	if p.cursor < len(p.off) {
		return p.off[p.cursor]
	}
	return len(p.src)
}

// parse compiles the whole pattern.
func (p *parser) parse() *node {
	root := p.expr()
	if p.cursor != p.plen {
		if p.peek() == ')' {
			p.errSyntax("Unmatched closing ')'", "escape a literal parenthesis as \\) or remove it")
		}
		p.errSyntax("Unexpected internal error", "simplify the pattern")
	}
	return root
}

func (p *parser) expr() *node {
	var alts []*node
	for {
		alts = append(alts, p.sequence())
		if p.peek() != '|' {
			break
		}
		p.next()
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return &node{kind: kAlt, subs: alts}
}

func (p *parser) sequence() *node {
	seq := &node{kind: kSeq, offset: p.offset()}
loop:
	for {
		ch := p.peek()
		var n *node
		at := p.offset()
		switch ch {
		case '(':
			n = p.group0()
			if n == nil {
				continue
			}
			seq.subs = append(seq.subs, n)
			continue
		case '[':
			set := p.clazz(true)
			n = &node{kind: kSet, set: set}
		case '\\':
			ch = p.nextEscaped()
			if ch == 'p' || ch == 'P' {
				one := true
				comp := ch == 'P'
				if p.next() != '{' {
					p.unread()
				} else {
					one = false
				}
				n = &node{kind: kSet, set: p.family(one, comp)}
			} else {
				p.unread()
				n = p.atom()
			}
		case '^':
			p.next()
			switch {
			case !p.has(fMultiline):
				n = &node{kind: kAssert, assert: aBegin}
			case p.has(fUnixLines):
				n = &node{kind: kAssert, assert: aUnixCaret}
			default:
				n = &node{kind: kAssert, assert: aCaret}
			}
		case '$':
			p.next()
			a := aDollar
			switch {
			case p.has(fUnixLines) && p.has(fMultiline):
				a = aUnixDollarMulti
			case p.has(fUnixLines):
				a = aUnixDollar
			case p.has(fMultiline):
				a = aDollarMulti
			}
			n = &node{kind: kAssert, assert: a}
		case '.':
			p.next()
			switch {
			case p.has(fDotall):
				n = &node{kind: kSet, set: setAll}
			case p.has(fUnixLines):
				n = &node{kind: kSet, set: single('\n').negate()}
			default:
				n = &node{kind: kSet, set: setLineTerm.negate()}
				p.note(at, "'.' excludes \\r, \\u0085, \\u2028 and \\u2029 as well as \\n", false)
			}
		case '|', ')':
			break loop
		case '?', '*', '+':
			p.next()
			p.errSyntax("Dangling meta character '"+string(ch)+"'", "escape it as \\"+string(ch)+" or put an expression before it")
		case 0:
			if p.cursor >= p.plen {
				break loop
			}
			n = p.atom()
		default:
			n = p.atom()
		}
		if n.offset == 0 {
			n.offset = at
		}
		n = p.closure(n)
		seq.subs = append(seq.subs, n)
	}
	if len(seq.subs) == 1 {
		return seq.subs[0]
	}
	return seq
}

// atom parses literal characters and single escapes; Java gathers a run
// of literals, which here is one node per character.
func (p *parser) atom() *node {
	ch := p.peek()
	switch ch {
	case '*', '+', '?', '{':
		return &node{kind: kSeq, offset: p.offset()} // empty; closure applies to it
	case '\\':
		ch = p.nextEscaped()
		if ch == 'p' || ch == 'P' {
			one := true
			comp := ch == 'P'
			if p.next() != '{' {
				p.unread()
			} else {
				one = false
			}
			return &node{kind: kSet, set: p.family(one, comp)}
		}
		p.unread()
		c, n := p.escape(false, false)
		if c >= 0 {
			return p.literal(c)
		}
		return n
	case 0:
		if p.cursor >= p.plen {
			return &node{kind: kSeq}
		}
	}
	p.next()
	return p.literal(ch)
}

func (p *parser) literal(c rune) *node {
	if p.has(fCaseInsens) {
		if !p.has(fUnicodeCase) && c >= 128 && javaUpper(c) != javaLower(c) {
			p.note(p.offset(), "(?i) folds ASCII letters only; add u, as in (?iu), to fold other letters", false)
		}
	}
	return &node{kind: kSet, set: foldSingle(c, p.has(fCaseInsens), p.has(fUnicodeCase))}
}

func (p *parser) closure(prev *node) *node {
	at := p.offset()
	mk := func(min, max int) *node {
		if prev.kind == kLinebreak {
			p.note(at, "quantified \\R (matched without backtracking in Java)", true)
		}
		n := &node{kind: kRepeat, subs: []*node{prev}, min: min, max: max, offset: prev.offset}
		switch p.peek() {
		case '?':
			p.next()
			n.quant = lazy
		case '+':
			p.next()
			n.quant = possessive
			p.note(at, "possessive quantifier", true)
		}
		return n
	}
	switch p.peek() {
	case '?':
		p.next()
		return mk(0, 1)
	case '*':
		p.next()
		return mk(0, -1)
	case '+':
		p.next()
		return mk(1, -1)
	case '{':
		ch := p.temp[p.cursor+1]
		if !isASCIIDigit(ch) {
			p.skip()
			p.errSyntax("Illegal repetition", "escape a literal brace as \\{ (for example \\{\"a\":1\\}); a repetition needs a minimum, as in {0,3}")
		}
		p.skip()
		cmin := 0
		for {
			cmin = cmin*10 + int(ch-'0')
			if cmin > 0x7fffffff {
				p.errSyntax("Illegal repetition range", "use a smaller count")
			}
			ch = p.read()
			if !isASCIIDigit(ch) {
				break
			}
		}
		cmax := cmin
		if ch == ',' {
			ch = p.read()
			cmax = -1
			if ch != '}' {
				cmax = 0
				for isASCIIDigit(ch) {
					cmax = cmax*10 + int(ch-'0')
					if cmax > 0x7fffffff {
						p.errSyntax("Illegal repetition range", "use a smaller count")
					}
					ch = p.read()
				}
			}
		}
		if ch != '}' {
			p.errSyntax("Unclosed counted closure", "close the repetition with }, as in {2,5}")
		}
		if cmax != -1 && cmax < cmin {
			p.errSyntax("Illegal repetition range", "write the smaller count first, as in {2,5}")
		}
		return mk(cmin, cmax)
	}
	return prev
}

func (p *parser) group0() *node {
	save := p.flags
	at := p.offset()
	var n *node
	ch := p.next()
	if ch == '?' {
		ch = p.skip()
		switch ch {
		case ':':
			n = &node{kind: kNonCap, subs: []*node{p.expr()}}
		case '=', '!':
			n = &node{kind: kLook, neg: ch == '!', subs: []*node{p.expr()}}
			p.note(at, "lookahead", true)
		case '>':
			n = &node{kind: kAtomic, subs: []*node{p.expr()}}
			p.note(at, "atomic group", true)
		case '<':
			ch = p.read()
			if ch != '=' && ch != '!' {
				name := p.groupname(ch)
				if _, dup := p.names[name]; dup {
					p.errSyntax("Named capturing group <"+name+"> is already defined", "give each group its own name")
				}
				idx := p.groups
				p.groups++
				p.names[name] = idx
				n = &node{kind: kGroup, index: idx, subs: []*node{p.expr()}}
				break
			}
			n = &node{kind: kLook, behind: true, neg: ch == '!', subs: []*node{p.expr()}}
			p.note(at, "lookbehind", true)
			if _, ok := maxLen(n.subs[0]); !ok {
				p.errSyntax("Look-behind group does not have an obvious maximum length", "use only bounded repetition such as {0,10} inside a lookbehind")
			}
		case '$', '@':
			p.errSyntax("Unknown group type", "write (?: for a group, or escape the parenthesis as \\(")
		default:
			p.unread()
			p.addFlag(at)
			ch = p.read()
			if ch == ')' {
				return nil
			}
			if ch != ':' {
				p.errSyntax("Unknown inline modifier", "inline flags are i, d, m, s, u, c, x and U, as in (?i) or (?i:…)")
			}
			n = &node{kind: kNonCap, subs: []*node{p.expr()}}
		}
	} else {
		idx := p.groups
		p.groups++
		n = &node{kind: kGroup, index: idx, subs: []*node{p.expr()}}
	}
	n.offset = at
	p.accept(')', "Unclosed group", "add the missing ) or escape a literal parenthesis as \\(")
	p.flags = save
	return p.closure(n)
}

func (p *parser) accept(ch rune, msg, hint string) {
	t := p.temp[p.cursor]
	p.cursor++
	if p.has(fComments) {
		t = p.parsePastWhitespace(t)
	}
	if t != ch {
		p.errSyntax(msg, hint)
	}
}

func (p *parser) groupname(ch rune) string {
	if !isASCIIAlpha(ch) {
		p.errSyntax("capturing group name does not start with a Latin letter", "start the group name with a letter A-Z or a-z")
	}
	var b strings.Builder
	for {
		b.WriteRune(ch)
		ch = p.read()
		if !isASCIIAlpha(ch) && !isASCIIDigit(ch) {
			break
		}
	}
	if ch != '>' {
		p.errSyntax("named capturing group is missing trailing '>'", "group names hold only letters and digits and end with >")
	}
	return b.String()
}

func (p *parser) addFlag(at int) {
	ch := p.peek()
	for {
		switch ch {
		case 'i':
			p.flags |= fCaseInsens
		case 'm':
			p.flags |= fMultiline
			p.note(at, "(?m): ^ and $ also match at Java line terminators", false)
		case 's':
			p.flags |= fDotall
		case 'd':
			p.flags |= fUnixLines
			p.note(at, "(?d) UNIX_LINES: only \\n ends a line", false)
		case 'u':
			p.flags |= fUnicodeCase
		case 'c':
			p.flags |= fCanonEq
			p.note(at, "(?c) canonical equivalence is not applied", true)
		case 'x':
			p.flags |= fComments
			p.note(at, "(?x) comments mode", false)
		case 'U':
			p.flags |= fUnicodeClass | fUnicodeCase
			p.note(at, "(?U) is UNICODE_CHARACTER_CLASS in Java, not ungreedy as in Go", false)
		case '-':
			ch = p.next()
			p.subFlag()
			return
		default:
			return
		}
		ch = p.next()
	}
}

func (p *parser) subFlag() {
	ch := p.peek()
	for {
		switch ch {
		case 'i':
			p.flags &^= fCaseInsens
		case 'm':
			p.flags &^= fMultiline
		case 's':
			p.flags &^= fDotall
		case 'd':
			p.flags &^= fUnixLines
		case 'u':
			p.flags &^= fUnicodeCase
		case 'c':
			p.flags &^= fCanonEq
		case 'x':
			p.flags &^= fComments
		case 'U':
			p.flags &^= fUnicodeClass | fUnicodeCase
		default:
			return
		}
		ch = p.next()
	}
}

// note records a construct once per name.
func (p *parser) note(at int, name string, approx bool) {
	for _, c := range p.found {
		if c.Name == name {
			return
		}
	}
	p.found = append(p.found, Construct{Name: name, Offset: at, Approximate: approx})
}

// maxLen is Java's TreeInfo.maxValid check for lookbehind bodies.
func maxLen(n *node) (int, bool) {
	switch n.kind {
	case kSet:
		return 1, true
	case kSeq:
		t := 0
		for _, s := range n.subs {
			l, ok := maxLen(s)
			if !ok {
				return 0, false
			}
			t += l
		}
		return t, true
	case kAlt:
		m := 0
		for _, s := range n.subs {
			l, ok := maxLen(s)
			if !ok {
				return 0, false
			}
			m = max(m, l)
		}
		return m, true
	case kGroup, kNonCap, kAtomic:
		return maxLen(n.subs[0])
	case kRepeat:
		if n.max < 0 {
			// Java 17 lets a greedy * or + on one character through
			// (CharPropertyGreedy keeps maxValid); anything else is refused.
			return 0, n.quant == greedy && n.subs[0].kind == kSet
		}
		l, ok := maxLen(n.subs[0])
		return l * n.max, ok
	case kBackref, kGrapheme:
		return 0, false
	case kLinebreak:
		return 2, true
	}
	return 0, true
}
