package vtl

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Java strings are sequences of UTF-16 code units; Go strings hold UTF-8.
// Lengths and indexes that templates see (length(), substring, indexOf,
// charAt) count UTF-16 units, so these helpers convert where a string has
// non-ASCII text. A lone surrogate cannot be held in UTF-8 and becomes
// U+FFFD.

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func toUTF16(s string) []uint16 { return utf16.Encode([]rune(s)) }

// fromUTF16 decodes UTF-16 units; a lone surrogate becomes "?", as Java's
// UTF-8 encoder writes it.
func fromUTF16(u []uint16) string {
	rs := utf16.Decode(u)
	for i, r := range rs {
		if r == utf8.RuneError {
			if j := utf16Index(u, i); j >= 0 && utf16.IsSurrogate(rune(u[j])) {
				rs[i] = '?'
			}
		}
	}
	return string(rs)
}

// utf16Index is the index in u of the unit that decoded to rune i.
func utf16Index(u []uint16, i int) int {
	k := 0
	for j := 0; j < len(u); j++ {
		if k == i {
			return j
		}
		if utf16.IsSurrogate(rune(u[j])) && j+1 < len(u) && utf16.DecodeRune(rune(u[j]), rune(u[j+1])) != utf8.RuneError {
			j++
		}
		k++
	}
	return -1
}

// jlen is String.length().
func jlen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// jsubstring is substring(begin, end) in UTF-16 units; ok=false where
// Java throws StringIndexOutOfBoundsException.
func jsubstring(s string, begin, end int) (string, bool) {
	if isASCII(s) {
		if begin < 0 || end > len(s) || begin > end {
			return "", false
		}
		return s[begin:end], true
	}
	u := toUTF16(s)
	if begin < 0 || end > len(u) || begin > end {
		return "", false
	}
	return fromUTF16(u[begin:end]), true
}

// jindex converts a byte index of s to a UTF-16 index.
func jindex(s string, byteIdx int) int {
	if byteIdx < 0 {
		return byteIdx
	}
	return jlen(s[:byteIdx])
}

// byteIndex converts a UTF-16 index to a byte index (clamped to s).
func byteIndex(s string, idx int) int {
	if idx <= 0 {
		return 0
	}
	if isASCII(s) {
		if idx > len(s) {
			return len(s)
		}
		return idx
	}
	n := 0
	for i, r := range s {
		if n >= idx {
			return i
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return len(s)
}

// jindexOf is indexOf(str, from) in UTF-16 units.
func jindexOf(s, sub string, from int) int {
	if from < 0 {
		from = 0
	}
	if from > jlen(s) {
		if sub == "" {
			return jlen(s)
		}
		return -1
	}
	b := byteIndex(s, from)
	i := strings.Index(s[b:], sub)
	if i < 0 {
		return -1
	}
	return jindex(s, b+i)
}

// jlastIndexOf is lastIndexOf(str, from) in UTF-16 units.
func jlastIndexOf(s, sub string, from int) int {
	n := jlen(s)
	subLen := jlen(sub)
	if from > n-subLen {
		from = n - subLen
	}
	if from < 0 {
		return -1
	}
	end := byteIndex(s, from) + len(sub)
	if end > len(s) {
		end = len(s)
	}
	i := strings.LastIndex(s[:end], sub)
	if i < 0 {
		return -1
	}
	return jindex(s, i)
}

// charAt returns the UTF-16 unit at idx.
func charAt(s string, idx int) (jChar, bool) {
	if isASCII(s) {
		if idx < 0 || idx >= len(s) {
			return 0, false
		}
		return jChar(s[idx]), true
	}
	u := toUTF16(s)
	if idx < 0 || idx >= len(u) {
		return 0, false
	}
	return jChar(u[idx]), true
}

// jChar is a java.lang.Character (one UTF-16 unit).
type jChar uint16

func (c jChar) String() string {
	if utf16.IsSurrogate(rune(c)) {
		return "?"
	}
	return string(rune(c))
}

// javaHash is String.hashCode over UTF-16 units.
func javaHash(s string) int32 {
	var h int32
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			h = 31*h + int32(s[i])
		}
		return h
	}
	for _, c := range toUTF16(s) {
		h = 31*h + int32(c)
	}
	return h
}

// javaToUpper / javaToLower follow String.toUpperCase/toLowerCase for
// the root locale closely enough for templates: Go's Unicode mappings,
// plus the special cases where Java's result is longer (ß -> SS).
func javaToUpper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ß':
			b.WriteString("SS")
		case 'ŉ':
			b.WriteString("ʼN")
		case 'ﬀ':
			b.WriteString("FF")
		case 'ﬁ':
			b.WriteString("FI")
		case 'ﬂ':
			b.WriteString("FL")
		default:
			b.WriteString(strings.ToUpper(string(r)))
		}
	}
	return b.String()
}

func javaToLower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if r == 'İ' {
			b.WriteString("i\u0307")
			continue
		}
		if r == 'Σ' {
			// final sigma: preceded by a letter and not followed by one
			if i > 0 && isCased(rs[i-1]) && (i+1 == len(rs) || !isCased(rs[i+1])) {
				b.WriteRune('ς')
				continue
			}
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	return b.String()
}

func isCased(r rune) bool { return strings.ToLower(string(r)) != strings.ToUpper(string(r)) }

// javaTrim is String.trim: removes characters <= U+0020 at both ends.
func javaTrim(s string) string {
	i, j := 0, len(s)
	for i < j && s[i] <= ' ' {
		i++
	}
	for j > i && s[j-1] <= ' ' {
		j--
	}
	return s[i:j]
}

// javaStrip is String.strip: removes Character.isWhitespace at both ends.
func javaStrip(s string, lead, trail bool) string {
	if lead {
		s = strings.TrimLeftFunc(s, javaIsWhitespace)
	}
	if trail {
		s = strings.TrimRightFunc(s, javaIsWhitespace)
	}
	return s
}

// javaIsWhitespace is Character.isWhitespace.
func javaIsWhitespace(r rune) bool {
	switch r {
	case '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F':
		return true
	case '\u00A0', '\u2007', '\u202F':
		return false
	}
	return r == ' ' || r == '\u1680' || (r >= '\u2000' && r <= '\u2006') || (r >= '\u2008' && r <= '\u200A') ||
		r == '\u2028' || r == '\u2029' || r == '\u205F' || r == '\u3000'
}

// sanitize turns invalid UTF-8 into U+FFFD as Java's UTF-8 decoder does:
// one replacement per maximal invalid subsequence.
func sanitize(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string(decodeUTF8Java([]byte(s)))
}

// decodeUTF8Java decodes bytes as new String(bytes, UTF_8) does.
func decodeUTF8Java(b []byte) []rune {
	out := make([]rune, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			out = append(out, r)
			i += n
			continue
		}
		// Invalid: skip the maximal subpart of a valid sequence.
		i += maximalSubpart(b[i:])
		out = append(out, utf8.RuneError)
	}
	return out
}

func maximalSubpart(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return 1
	}
	n := 1
	for k := 0; k < need && n < len(b); k++ {
		x := b[n]
		if x < lo || x > hi {
			break
		}
		lo, hi = 0x80, 0xBF
		n++
	}
	return n
}
