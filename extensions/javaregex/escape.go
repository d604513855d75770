package javaregex

import "github.com/apigw/apigw/extensions/diag"

// escape is Pattern.escape: cursor is on the backslash. It returns a code
// point, or -1 with either a node (outside classes) or a set (inside).
func (p *parser) escape(inclass, isrange bool) (rune, *node) {
	at := p.offset()
	ch := p.skip()
	pred := func(s charSet) (rune, *node) { return -1, &node{kind: kSet, set: s, offset: at} }
	assert := func(a assertion) (rune, *node) {
		return -1, &node{kind: kAssert, assert: a, unicode: p.has(fUnicodeClass), offset: at}
	}
	switch ch {
	case '0':
		p.note(at, "\\0 octal escape", false)
		return p.octal(), nil
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if inclass {
			break
		}
		return -1, p.ref(int(ch-'0'), at)
	case 'A':
		if inclass {
			break
		}
		return assert(aBegin)
	case 'B':
		if inclass {
			break
		}
		p.note(at, "\\B word boundary", true)
		return assert(aNotBound)
	case 'D':
		return pred(p.digits().negate())
	case 'G':
		if inclass {
			break
		}
		p.note(at, "\\G", true)
		return assert(aLastMatch)
	case 'H':
		p.note(at, "\\h horizontal whitespace", false)
		return pred(setHoriz.negate())
	case 'N':
		p.fail(diag.PatternUnsupported, "\\N{name} character names are not supported here", "write the character as \\x{…} instead")
	case 'R':
		if inclass {
			break
		}
		p.note(at, "\\R line break", false)
		return -1, &node{kind: kLinebreak, offset: at}
	case 'S':
		return pred(p.spaces().negate())
	case 'V':
		p.note(at, "\\v is vertical whitespace in Java, not only the vertical tab", false)
		return pred(setVert.negate())
	case 'W':
		return pred(p.words().negate())
	case 'X':
		if inclass {
			break
		}
		p.note(at, "\\X grapheme cluster", true)
		return -1, &node{kind: kGrapheme, offset: at}
	case 'Z':
		if inclass {
			break
		}
		p.note(at, "\\Z also matches before a final line terminator", false)
		if p.has(fUnixLines) {
			return assert(aUnixDollar)
		}
		return assert(aDollar)
	case 'a':
		return 7, nil
	case 'b':
		if inclass {
			break
		}
		if p.peek() == '{' {
			if p.skip() == 'g' && p.read() == '}' {
				p.note(at, "\\b{g} grapheme boundary", true)
				return assert(aGraphemeBound)
			}
			break
		}
		p.note(at, "\\b word boundary", true)
		return assert(aBound)
	case 'c':
		if p.cursor < p.plen {
			return p.read() ^ 64, nil
		}
		p.errSyntax("Illegal control escape sequence", "write \\c followed by a letter, as in \\cM")
	case 'd':
		return pred(p.digits())
	case 'e':
		return 033, nil
	case 'f':
		return '\f', nil
	case 'h':
		p.note(at, "\\h horizontal whitespace", false)
		return pred(setHoriz)
	case 'k':
		if inclass {
			break
		}
		if p.read() != '<' {
			p.errSyntax("\\k is not followed by '<' for named capturing group", "write \\k<name>")
		}
		name := p.groupname(p.read())
		idx, ok := p.names[name]
		if !ok {
			p.errSyntax("named capturing group <"+name+"> does not exist", "define (?<"+name+">…) before referring to it")
		}
		p.note(at, "backreference", true)
		return -1, &node{kind: kBackref, index: idx, ci: p.has(fCaseInsens), uc: p.has(fUnicodeCase), offset: at}
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 's':
		return pred(p.spaces())
	case 't':
		return '\t', nil
	case 'u':
		return p.unicodeEscape(), nil
	case 'v':
		if isrange {
			return 013, nil
		}
		p.note(at, "\\v is vertical whitespace in Java, not only the vertical tab", false)
		return pred(setVert)
	case 'w':
		return pred(p.words())
	case 'x':
		return p.hexEscape(), nil
	case 'z':
		if inclass {
			break
		}
		return assert(aEnd)
	case 'C', 'E', 'F', 'I', 'J', 'K', 'L', 'M', 'O', 'P', 'Q', 'T', 'U', 'Y',
		'g', 'i', 'j', 'l', 'm', 'o', 'p', 'q', 'y':
	default:
		return ch, nil
	}
	p.errSyntax("Illegal/unsupported escape sequence", "escape only punctuation; write a letter or digit without the backslash")
	return 0, nil
}

func (p *parser) digits() charSet {
	if p.has(fUnicodeClass) {
		s, _ := table("U:d")
		return s
	}
	return setDigitASCII
}

func (p *parser) spaces() charSet {
	if p.has(fUnicodeClass) {
		s, _ := table("U:s")
		return s
	}
	return setSpaceASCII
}

func (p *parser) words() charSet {
	if p.has(fUnicodeClass) {
		s, _ := table("U:w")
		return s
	}
	return setWordASCII
}

func isOctal(r rune) bool { return r >= '0' && r <= '7' }

func (p *parser) octal() rune {
	n := p.read()
	if isOctal(n) {
		m := p.read()
		if isOctal(m) {
			o := p.read()
			if isOctal(o) && n <= '3' {
				return (n-'0')*64 + (m-'0')*8 + (o - '0')
			}
			p.unread()
			return (n-'0')*8 + (m - '0')
		}
		p.unread()
		return n - '0'
	}
	p.errSyntax("Illegal octal escape sequence", "write \\0 followed by one to three octal digits, as in \\011")
	return 0
}

func (p *parser) hexEscape() rune {
	n := p.read()
	if isHex(n) {
		m := p.read()
		if isHex(m) {
			return rune(hexVal(n)*16 + hexVal(m))
		}
	} else if n == '{' && isHex(p.peek()) {
		ch := 0
		for {
			n = p.read()
			if !isHex(n) {
				break
			}
			ch = ch<<4 + hexVal(n)
			if ch > maxRune {
				p.errSyntax("Hexadecimal codepoint is too big", "use a code point up to \\x{10FFFF}")
			}
		}
		if n != '}' {
			p.errSyntax("Unclosed hexadecimal escape sequence", "close it with }, as in \\x{1F600}")
		}
		return rune(ch)
	}
	p.errSyntax("Illegal hexadecimal escape sequence", "write two hex digits (\\x41) or braces (\\x{41})")
	return 0
}

func (p *parser) uxxxx() rune {
	n := 0
	for range 4 {
		ch := p.read()
		if !isHex(ch) {
			p.errSyntax("Illegal Unicode escape sequence", "write exactly four hex digits, as in \\u00e9")
		}
		n = n*16 + hexVal(ch)
	}
	return rune(n)
}

func (p *parser) unicodeEscape() rune {
	n := p.uxxxx()
	if n >= 0xD800 && n <= 0xDBFF {
		cur := p.cursor
		if p.read() == '\\' && p.read() == 'u' {
			n2 := p.uxxxx()
			if n2 >= 0xDC00 && n2 <= 0xDFFF {
				return (n-0xD800)<<10 + (n2 - 0xDC00) + 0x10000
			}
		}
		p.cursor = cur
	}
	return n
}

// ref is Pattern.ref: further digits extend the number while that group exists.
func (p *parser) ref(num, at int) *node {
	for {
		ch := p.peek()
		if !isASCIIDigit(ch) {
			break
		}
		nn := num*10 + int(ch-'0')
		if p.groups-1 < nn {
			break
		}
		num = nn
		p.read()
	}
	p.note(at, "backreference", true)
	return &node{kind: kBackref, index: num, ci: p.has(fCaseInsens), uc: p.has(fUnicodeCase), offset: at}
}
