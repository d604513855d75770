package javaregex

import (
	"fmt"
	"strings"
)

var surrogates = span(0xD800, 0xDFFF)

// noSurrogates drops lone surrogates: no UTF-8 string can hold them.
func noSurrogates(s charSet) charSet { return s.intersect(surrogates.negate()) }

// emitter writes the AST as Go (RE2) syntax or as .NET syntax for regexp2.
type emitter struct {
	b      strings.Builder
	dotnet bool
	ok     bool // false once a construct has no RE2 equivalent
	groups int  // number of capturing groups defined in the pattern
}

func (e *emitter) lit(r rune, inClass bool) {
	special := `\.+*?()|[]{}^$`
	if inClass {
		special = `\[]^-`
	}
	switch {
	case r > 0x20 && r < 0x7f:
		if strings.ContainsRune(special, r) {
			e.b.WriteByte('\\')
		}
		e.b.WriteRune(r)
	case e.dotnet && r <= 0xFFFF:
		fmt.Fprintf(&e.b, `\u%04X`, r)
	case e.dotnet:
		e.b.WriteRune(r)
	default:
		fmt.Fprintf(&e.b, `\x{%X}`, r)
	}
}

func (e *emitter) set(s charSet) {
	s = noSurrogates(s)
	if r, ok := s.isSingle(); ok {
		e.lit(r, false)
		return
	}
	if len(s) == 0 {
		if e.dotnet {
			e.b.WriteString(`(?!)`)
		} else {
			e.b.WriteString(`[^\x00-\x{10FFFF}]`)
		}
		return
	}
	rs, neg := s, false
	if n := noSurrogates(s.negate()); len(n) > 0 && len(n) < len(s) {
		rs, neg = n, true
	}
	e.b.WriteByte('[')
	if neg {
		e.b.WriteByte('^')
	}
	for _, r := range rs {
		e.lit(r.lo, true)
		if r.hi > r.lo {
			if r.hi > r.lo+1 {
				e.b.WriteByte('-')
			}
			e.lit(r.hi, true)
		}
	}
	e.b.WriteByte(']')
}

// zeroWidth reports nodes that consume no input.
func zeroWidth(n *node) bool { return n.kind == kAssert || n.kind == kLook }

func (e *emitter) emit(n *node, atEnd bool) {
	switch n.kind {
	case kSet:
		e.set(n.set)
	case kSeq:
		if len(n.subs) == 0 {
			e.b.WriteString("(?:)")
		}
		for i, s := range n.subs {
			end := atEnd
			for _, t := range n.subs[i+1:] {
				if !zeroWidth(t) {
					end = false
				}
			}
			e.emit(s, end)
		}
	case kAlt:
		e.b.WriteString("(?:")
		for i, s := range n.subs {
			if i > 0 {
				e.b.WriteByte('|')
			}
			e.emit(s, atEnd)
		}
		e.b.WriteByte(')')
	case kGroup:
		if e.dotnet {
			e.b.WriteByte('(')
		} else {
			e.b.WriteString("(?:")
		}
		e.emit(n.subs[0], atEnd)
		e.b.WriteByte(')')
	case kNonCap:
		e.b.WriteString("(?:")
		e.emit(n.subs[0], atEnd)
		e.b.WriteByte(')')
	case kRepeat:
		e.repeat(n)
	case kLook:
		e.need()
		switch {
		case n.behind && n.neg:
			e.b.WriteString("(?<!")
		case n.behind:
			e.b.WriteString("(?<=")
		case n.neg:
			e.b.WriteString("(?!")
		default:
			e.b.WriteString("(?=")
		}
		e.emit(n.subs[0], false)
		e.b.WriteByte(')')
	case kAtomic:
		e.need()
		e.b.WriteString("(?>")
		e.emit(n.subs[0], false)
		e.b.WriteByte(')')
	case kBackref:
		e.need()
		switch {
		case n.index >= e.groups:
			e.b.WriteString("(?!)") // Java: a group that does not exist never matches
		case n.ci:
			fmt.Fprintf(&e.b, `(?i:\%d)`, n.index)
		default:
			fmt.Fprintf(&e.b, `(?:\%d)`, n.index)
		}
	case kLinebreak:
		if e.dotnet {
			e.b.WriteString(`(?:\r\n|[\n\u000B\f\r\u0085\u2028\u2029])`)
		} else {
			e.b.WriteString(`(?:\r\n|[\n\x0B\f\r\x{85}\x{2028}\x{2029}])`)
		}
	case kGrapheme:
		e.need()
		e.b.WriteString(`(?>\r\n|\P{M}\p{M}*|\p{M})`)
	case kAssert:
		e.assertion(n, atEnd)
	}
}

// need marks a construct RE2 cannot express.
func (e *emitter) need() {
	if !e.dotnet {
		e.ok = false
	}
}

func (e *emitter) repeat(n *node) {
	if n.quant == possessive {
		e.need()
		e.b.WriteString("(?>")
	}
	if n.subs[0].kind == kLinebreak {
		// Java matches a quantified \R once per repetition without
		// backtracking into it: \R{2} does not match "\r\n".
		e.need()
		e.b.WriteString(`(?>\r\n|[\n\u000B\f\r\u0085\u2028\u2029])`)
	} else {
		e.b.WriteString("(?:")
		e.emit(n.subs[0], false)
		e.b.WriteByte(')')
	}
	switch {
	case n.min == 0 && n.max == -1:
		e.b.WriteByte('*')
	case n.min == 1 && n.max == -1:
		e.b.WriteByte('+')
	case n.min == 0 && n.max == 1:
		e.b.WriteByte('?')
	case n.max == -1:
		fmt.Fprintf(&e.b, "{%d,}", n.min)
	case n.min == n.max:
		fmt.Fprintf(&e.b, "{%d}", n.min)
	default:
		fmt.Fprintf(&e.b, "{%d,%d}", n.min, n.max)
	}
	if n.quant == lazy {
		e.b.WriteByte('?')
	}
	if n.quant == possessive {
		e.b.WriteByte(')')
	}
}

const netTerm = `[\n\r\u0085\u2028\u2029]`

func (e *emitter) assertion(n *node, atEnd bool) {
	switch n.assert {
	case aBegin:
		e.b.WriteString(`\A`)
		return
	case aEnd:
		e.b.WriteString(`\z`)
		return
	case aDollar, aDollarMulti, aUnixDollar, aUnixDollarMulti:
		// With nothing but zero-width items after it, a match must end
		// here, so every kind of $ means the end of input.
		if atEnd {
			e.b.WriteString(`\z`)
			return
		}
	}
	e.need()
	if !e.dotnet {
		return
	}
	switch n.assert {
	case aDollar:
		e.b.WriteString(`(?=(?:\r\n|` + netTerm + `)?\z)(?!(?<=\r)\n)`)
	case aDollarMulti:
		e.b.WriteString(`(?=` + netTerm + `|\z)(?!(?<=\r)\n)`)
	case aUnixDollar:
		e.b.WriteString(`(?=\n?\z)`)
	case aUnixDollarMulti:
		e.b.WriteString(`(?=\n|\z)`)
	case aCaret:
		e.b.WriteString(`(?!\z)(?:\A|(?<=` + netTerm + `)(?!(?<=\r)\n))`)
	case aUnixCaret:
		e.b.WriteString(`(?!\z)(?:\A|(?<=\n))`)
	case aBound, aNotBound:
		w := wordForBound(n.unicode)
		var ws strings.Builder
		sub := &emitter{dotnet: true}
		sub.set(w)
		ws.WriteString(sub.b.String())
		W := ws.String()
		if n.assert == aBound {
			e.b.WriteString(`(?:(?<=` + W + `)(?!` + W + `)|(?<!` + W + `)(?=` + W + `))`)
		} else {
			e.b.WriteString(`(?:(?<=` + W + `)(?=` + W + `)|(?<!` + W + `)(?!` + W + `))`)
		}
	case aLastMatch:
		e.b.WriteString(`\G`)
	case aGraphemeBound:
		e.b.WriteString(`(?!\p{M})`)
	}
}

// wordForBound is what Java 17's \b counts as a word character; non-spacing
// marks count too (Java checks for a base character before them).
func wordForBound(unicode bool) charSet {
	key := "bword"
	if unicode {
		key = "U:w"
	}
	w, _ := table(key)
	m, _ := table("nsm")
	return w.union(m)
}
