package javaregex

import "strings"

// clazz is Pattern.clazz: cursor is on '['. Negation applies to the whole
// class, nested classes are unions and && intersects with what precedes.
func (p *parser) clazz(consume bool) charSet {
	at := p.offset()
	var prev, curr charSet
	havePrev := false
	var bits charSet
	hasBits := false
	isNeg := false
	ch := p.next()
	if ch == '^' && p.temp[p.cursor-1] == '[' {
		ch = p.next()
		isNeg = true
	}
	if ch == ':' && p.temp[p.cursor-1] == '[' {
		p.note(at, "[[:name:]] is not a POSIX class in Java: it is the set of those characters; write \\p{Alpha}", false)
	}
	for {
		switch ch {
		case '[':
			curr = p.clazz(true)
			p.note(at, "nested character class (union)", false)
			if !havePrev {
				prev, havePrev = curr, true
			} else {
				prev = prev.union(curr)
			}
			ch = p.peek()
			continue
		case '&':
			ch = p.next()
			if ch == '&' {
				p.note(at, "character class intersection &&", false)
				ch = p.next()
				var right charSet
				haveRight := false
				for ch != ']' && ch != '&' {
					var r charSet
					if ch == '[' {
						r = p.clazz(true)
					} else {
						p.unread()
						r = p.clazz(false)
					}
					if !haveRight {
						right, haveRight = r, true
					} else {
						right = right.union(r)
					}
					ch = p.peek()
				}
				if hasBits {
					if !havePrev {
						prev, curr, havePrev = bits, bits, true
					} else {
						prev = prev.union(bits)
					}
					hasBits = false
				}
				if haveRight {
					curr = right
				}
				if !havePrev {
					if !haveRight {
						p.errSyntax("Bad class syntax", "put a set on both sides of &&")
					}
					prev, havePrev = right, true
				} else {
					prev = prev.intersect(curr)
				}
			} else {
				p.unread()
				break
			}
			continue
		case 0:
			if p.cursor >= p.plen {
				p.errSyntax("Unclosed character class", "close the class with ], or escape a literal bracket as \\[")
			}
		case ']':
			if havePrev || hasBits {
				if consume {
					p.next()
				}
				if !havePrev {
					prev = bits
				} else if hasBits {
					prev = prev.union(bits)
				}
				if isNeg {
					return prev.negate()
				}
				return prev
			}
		}
		c, isBits := p.rangeItem(&bits)
		if isBits {
			hasBits = true
		} else {
			if !havePrev {
				prev, havePrev = c, true
			} else {
				prev = prev.union(c)
			}
		}
		ch = p.peek()
	}
}

// rangeItem is Pattern.range: one member, range or escape of a class.
// Single characters go into bits (returns isBits).
func (p *parser) rangeItem(bits *charSet) (charSet, bool) {
	ch := p.peek()
	if ch == '\\' {
		ch = p.nextEscaped()
		if ch == 'p' || ch == 'P' {
			comp := ch == 'P'
			one := true
			if p.next() != '{' {
				p.unread()
			} else {
				one = false
			}
			return p.family(one, comp), false
		}
		isrange := p.temp[p.cursor+1] == '-'
		p.unread()
		c, n := p.escape(true, isrange)
		if c < 0 {
			return n.set, false
		}
		ch = c
	} else {
		p.next()
	}
	if p.peek() == '-' {
		end := p.temp[p.cursor+1]
		if end == '[' {
			return p.addBits(bits, ch)
		}
		if end != ']' {
			p.next()
			m := p.peek()
			if m == '\\' {
				c, _ := p.escapeNoCreate(true)
				m = c
			} else {
				p.next()
			}
			if m < ch {
				p.errSyntax("Illegal character range", "write the lower end first, as in a-z, or escape a literal - as \\-")
			}
			s := span(ch, m)
			switch {
			case p.has(fCaseInsens) && p.has(fUnicodeCase):
				s = foldRangeUnicode(s)
			case p.has(fCaseInsens):
				s = foldRangeASCII(s)
			}
			return s, false
		}
	}
	return p.addBits(bits, ch)
}

// escapeNoCreate parses the escape ending a range; predicates give -1.
func (p *parser) escapeNoCreate(isrange bool) (rune, bool) {
	c, _ := p.escape(true, isrange)
	return c, c >= 0
}

func (p *parser) addBits(bits *charSet, ch rune) (charSet, bool) {
	*bits = bits.union(foldSingle(ch, p.has(fCaseInsens), p.has(fUnicodeCase)))
	return nil, true
}

// family is Pattern.family: \p{name}, \pL, \P{…}.
func (p *parser) family(singleLetter, comp bool) charSet {
	at := p.offset()
	p.next()
	var name string
	if singleLetter {
		name = string(p.temp[p.cursor])
		p.read()
	} else {
		i := p.cursor
		for {
			if p.cursor >= p.plen {
				p.cursor = p.plen + 1
				p.errSyntax("Unclosed character family", "close the property name with }, as in \\p{Alpha}")
			}
			if p.temp[p.cursor] == '}' {
				p.cursor++
				break
			}
			p.cursor++
		}
		j := p.cursor
		if i+1 >= j {
			p.errSyntax("Empty character family", "name a property, as in \\p{Alpha} or \\p{L}")
		}
		name = string(p.temp[i : j-1])
	}
	s, ok := p.lookupProperty(name, at)
	if !ok {
		if k, v, eq := strings.Cut(name, "="); eq {
			p.errSyntax("Unknown Unicode property {name=<"+strings.ToLower(k)+">, value=<"+v+">}", "use script=, block= or general_category= with a Unicode name")
		}
		p.errSyntax("Unknown character property name {"+name+"}", "use a Java property such as \\p{Alpha}, \\p{L}, \\p{IsLatin}, \\p{InGreek} or \\p{javaLowerCase}")
	}
	if comp {
		return s.negate()
	}
	return s
}

func (p *parser) lookupProperty(name string, at int) (charSet, bool) {
	ci := p.has(fCaseInsens)
	forProperty := func(n string) (charSet, bool) {
		if ci {
			if s, ok := table("Pi:" + n); ok {
				return s, true
			}
		}
		return table("P:" + n)
	}
	script := func(n string) (charSet, bool) {
		n = strings.ToUpper(n)
		loadTables()
		if t, ok := aliases["scalias:"+n]; ok {
			n = t
		}
		return table("sc:" + n)
	}
	block := func(n string) (charSet, bool) {
		n = strings.ToUpper(n)
		loadTables()
		if t, ok := aliases["blkalias:"+n]; ok {
			n = t
		}
		p.note(at, "\\p{In…} Unicode block", false)
		return table("blk:" + n)
	}
	if k, v, eq := strings.Cut(name, "="); eq {
		switch strings.ToLower(k) {
		case "sc", "script":
			return script(v)
		case "blk", "block":
			return block(v)
		case "gc", "general_category":
			return forProperty(v)
		}
		return nil, false
	}
	if rest, ok := strings.CutPrefix(name, "In"); ok {
		return block(rest)
	}
	if rest, ok := strings.CutPrefix(name, "Is"); ok {
		up := strings.ToUpper(rest)
		if ci {
			if s, ok := table("Isi:" + up); ok {
				return s, true
			}
		}
		if s, ok := table("Is:" + up); ok {
			return s, true
		}
		if s, ok := forProperty(rest); ok {
			return s, true
		}
		return script(rest)
	}
	if p.has(fUnicodeClass) {
		up := strings.ToUpper(name)
		if ci {
			if s, ok := table("Ui:" + up); ok {
				return s, true
			}
		}
		if s, ok := table("U:" + up); ok {
			return s, true
		}
	}
	return forProperty(name)
}
