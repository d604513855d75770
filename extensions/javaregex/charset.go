package javaregex

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// maxRune is the largest code point; Java and Go agree on it.
const maxRune = 0x10FFFF

// rng is an inclusive range of code points.
type rng struct{ lo, hi rune }

// charSet is a sorted list of disjoint, non-adjacent ranges. Every Java
// character class, predefined class and case-folded literal is reduced to
// one, so both emitters (RE2 and regexp2) write explicit ranges and never
// depend on either engine's idea of \w, (?i) or Unicode versions.
type charSet []rng

func single(r rune) charSet { return charSet{{r, r}} }

func span(lo, hi rune) charSet { return charSet{{lo, hi}} }

func (s charSet) contains(r rune) bool {
	i, ok := slices.BinarySearchFunc(s, r, func(x rng, r rune) int {
		switch {
		case x.hi < r:
			return -1
		case x.lo > r:
			return 1
		}
		return 0
	})
	_ = i
	return ok
}

// normalize sorts and merges overlapping or adjacent ranges.
func normalize(rs []rng) charSet {
	if len(rs) == 0 {
		return nil
	}
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b rng) int { return int(a.lo - b.lo) })
	out := charSet{rs[0]}
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.lo <= last.hi+1 {
			last.hi = max(last.hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

func (s charSet) union(t charSet) charSet {
	return normalize(append(slices.Clone(s), t...))
}

func (s charSet) negate() charSet {
	var out charSet
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, rng{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= maxRune {
		out = append(out, rng{next, maxRune})
	}
	return out
}

func (s charSet) intersect(t charSet) charSet {
	var out charSet
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := max(s[i].lo, t[j].lo), min(s[i].hi, t[j].hi)
		if lo <= hi {
			out = append(out, rng{lo, hi})
		}
		if s[i].hi < t[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

func (s charSet) isSingle() (rune, bool) {
	if len(s) == 1 && s[0].lo == s[0].hi {
		return s[0].lo, true
	}
	return 0, false
}

// first returns the smallest member preferring printable ASCII, for witnesses.
func (s charSet) pick() (rune, bool) {
	if len(s) == 0 {
		return 0, false
	}
	for _, pref := range []rune{'a', 'A', '0', 'x', ' ', '_'} {
		if s.contains(pref) {
			return pref, true
		}
	}
	for _, r := range s {
		if r.hi >= 0x21 && r.lo <= 0x7e {
			return max(r.lo, 0x21), true
		}
	}
	return s[0].lo, true
}

// Fixed sets of Java's predefined classes without (?U).
var (
	setDigitASCII = span('0', '9')
	setWordASCII  = charSet{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	setSpaceASCII = charSet{{'\t', '\r'}, {' ', ' '}}
	// \h: horizontal whitespace.
	setHoriz = normalize([]rng{{' ', ' '}, {'\t', '\t'}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x180e, 0x180e},
		{0x2000, 0x200a}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000}})
	// \v: vertical whitespace (not the vertical tab alone, as in Perl or Go).
	setVert = normalize([]rng{{'\n', '\r'}, {0x85, 0x85}, {0x2028, 0x2029}})
	// Java's line terminators, excluded by '.' without DOTALL.
	setLineTerm = normalize([]rng{{'\n', '\n'}, {'\r', '\r'}, {0x85, 0x85}, {0x2028, 0x2029}})
	setAll      = span(0, maxRune)
)

var (
	tablesOnce sync.Once
	tables     map[string]charSet
	aliases    map[string]string
	caseUpper  map[rune]rune
	caseLower  map[rune]rune
	caseRunes  []rune
)

// loadTables parses tableData once, on first use.
func loadTables() {
	tablesOnce.Do(func() {
		tables = map[string]charSet{}
		aliases = map[string]string{}
		caseUpper = map[rune]rune{}
		caseLower = map[rune]rune{}
		for line := range strings.SplitSeq(tableData, "\n") {
			key, val, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			switch {
			case key == "case":
				for t := range strings.FieldsSeq(val) {
					p := strings.Split(t, ",")
					cp, u, l := hexRune(p[0]), hexRune(p[1]), hexRune(p[2])
					caseUpper[cp], caseLower[cp] = u, l
					caseRunes = append(caseRunes, cp)
				}
			case strings.HasPrefix(key, "scalias:"), strings.HasPrefix(key, "blkalias:"):
				aliases[key] = val
			default:
				var rs []rng
				for t := range strings.FieldsSeq(val) {
					lo, hi, _ := strings.Cut(t, "-")
					rs = append(rs, rng{hexRune(lo), hexRune(hi)})
				}
				tables[key] = normalize(rs)
			}
		}
	})
}

func hexRune(s string) rune {
	v, _ := strconv.ParseUint(s, 16, 32)
	return rune(v)
}

func table(key string) (charSet, bool) {
	loadTables()
	s, ok := tables[key]
	return s, ok
}

// javaUpper and javaLower are Character.toUpperCase and toLowerCase.
func javaUpper(r rune) rune {
	loadTables()
	if u, ok := caseUpper[r]; ok {
		return u
	}
	return r
}

func javaLower(r rune) rune {
	loadTables()
	if l, ok := caseLower[r]; ok {
		return l
	}
	return r
}

func asciiLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func asciiOther(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r - 32
	}
	if r >= 'A' && r <= 'Z' {
		return r + 32
	}
	return r
}

// foldRangeASCII is Java's CIRange: c matches when c, or its ASCII other
// case, is in s.
func foldRangeASCII(s charSet) charSet {
	var add []rng
	for r := rune('A'); r <= 'z'; r++ {
		if asciiLetter(r) && s.contains(asciiOther(r)) {
			add = append(add, rng{r, r})
		}
	}
	return s.union(add)
}

// foldRangeUnicode is Java's CIRangeU: c matches when c, toUpperCase(c) or
// toLowerCase(toUpperCase(c)) is in s.
func foldRangeUnicode(s charSet) charSet {
	loadTables()
	var add []rng
	for _, r := range caseRunes {
		u := javaUpper(r)
		if s.contains(u) || s.contains(javaLower(u)) {
			add = append(add, rng{r, r})
		}
	}
	return s.union(add)
}

// foldSingle is the set Java matches for literal c under the given flags
// (Single, SingleI or SingleU).
func foldSingle(c rune, ci, unicodeCase bool) charSet {
	if !ci {
		return single(c)
	}
	if !unicodeCase {
		if asciiLetter(c) {
			return normalize([]rng{{c, c}, {asciiOther(c), asciiOther(c)}})
		}
		return single(c)
	}
	upper := javaUpper(c)
	lower := javaLower(upper)
	if upper == lower {
		return single(c)
	}
	rs := []rng{{lower, lower}}
	for _, r := range caseRunes {
		if javaLower(javaUpper(r)) == lower {
			rs = append(rs, rng{r, r})
		}
	}
	return normalize(rs)
}
