package vtl

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON as the reference renderer models it (json-smart's object model, as
// Jayway JsonPath uses it): objects are LinkedHashMaps (so an object
// prints as {a=1, b=x}), arrays print as compact JSON, numbers are
// Integer, Long or BigInteger, and Double or (past 18 characters)
// BigDecimal.

const maxJSONDepth = 1000

type jsonParser struct {
	s     string
	i     int
	depth int
	stack []mapEntry
}

var errJSONDepth = errors.New("JSON nested too deeply")

// parseJSON parses strict RFC 8259 JSON into template values.
func parseJSON(text string) (v any, err error) {
	p := &jsonParser{s: text}
	defer func() {
		if r := recover(); r != nil {
			je, ok := r.(jsonError)
			if !ok {
				panic(r)
			}
			v, err = nil, je
		}
	}()
	p.ws()
	v = p.value()
	p.ws()
	if p.i != len(p.s) {
		p.fail("trailing data")
	}
	return v, nil
}

type jsonError struct{ msg string }

func (e jsonError) Error() string { return e.msg }

func (p *jsonParser) fail(m string) {
	panic(jsonError{fmt.Sprintf("invalid JSON at offset %d: %s", jindex(p.s, min(p.i, len(p.s))), m)})
}

func (p *jsonParser) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value() any {
	if p.i >= len(p.s) {
		p.fail("unexpected end")
	}
	switch c := p.s[p.i]; c {
	case '{':
		return p.object()
	case '[':
		return p.array()
	case '"':
		return p.str()
	case 't':
		p.lit("true")
		return true
	case 'f':
		p.lit("false")
		return false
	case 'n':
		p.lit("null")
		return nil
	default:
		if c == '-' || (c >= '0' && c <= '9') {
			return p.number()
		}
		r, _ := utf8.DecodeRuneInString(p.s[p.i:])
		p.fail("unexpected character '" + string(r) + "'")
	}
	return nil
}

func (p *jsonParser) lit(w string) {
	if !strings.HasPrefix(p.s[p.i:], w) {
		p.fail("expected " + w)
	}
	p.i += len(w)
}

func (p *jsonParser) enter() {
	p.depth++
	if p.depth > maxJSONDepth {
		panic(jsonError{errJSONDepth.Error()})
	}
}

func (p *jsonParser) object() any {
	p.enter()
	p.i++
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		p.depth--
		return newMap(mLinked)
	}
	// Members are gathered on a shared stack, then the map is built with
	// one allocation for its entries.
	base := len(p.stack)
	for {
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			p.fail("expected key")
		}
		k := p.str()
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			p.fail("expected ':'")
		}
		p.i++
		p.ws()
		v := p.value()
		p.stack = append(p.stack, mapEntry{k, v})
		p.ws()
		if p.i >= len(p.s) {
			p.fail("unexpected end in object")
		}
		c := p.s[p.i]
		p.i++
		if c == '}' {
			p.depth--
			m := linkedMapOf(p.stack[base:])
			p.stack = p.stack[:base]
			return m
		}
		if c != ',' {
			p.fail("expected ',' or '}'")
		}
	}
}

// linkedMapOf builds a LinkedHashMap from members in order; a repeated
// key keeps its first place and its last value, as put does.
func linkedMapOf(members []mapEntry) *jMap {
	m := &jMap{kind: mLinked}
	es := make([]mapEntry, len(members))
	ptrs := make([]*mapEntry, 0, len(members))
	m.entries = ptrs
	for i, e := range members {
		if len(m.entries) > 0 {
			if f := m.find(e.key); f != nil {
				f.val = e.val
				continue
			}
		}
		es[i] = e
		m.entries = append(m.entries, &es[i])
		m.addIndex(&es[i])
	}
	return m
}

func (p *jsonParser) array() any {
	p.enter()
	l := newList(lJSON, nil)
	p.i++
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.depth--
		return l
	}
	for {
		p.ws()
		l.elems = append(l.elems, p.value())
		p.ws()
		if p.i >= len(p.s) {
			p.fail("unexpected end in array")
		}
		c := p.s[p.i]
		p.i++
		if c == ']' {
			p.depth--
			return l
		}
		if c != ',' {
			p.fail("expected ',' or ']'")
		}
	}
}

func (p *jsonParser) str() string {
	p.i++
	start := p.i
	// Fast path: no escapes.
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '"' {
			s := p.s[start:p.i]
			p.i++
			return s
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.i++
	}
	var b strings.Builder
	b.WriteString(p.s[start:p.i])
	var pending uint16 // a high surrogate waiting for its low half
	flush := func() {
		if pending != 0 {
			b.WriteByte('?')
			pending = 0
		}
	}
	for {
		if p.i >= len(p.s) {
			p.fail("unterminated string")
		}
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			flush()
			return b.String()
		case c == '\\':
			p.i++
			if p.i >= len(p.s) {
				p.fail("bad escape")
			}
			e := p.s[p.i]
			p.i++
			if e == 'u' {
				if p.i+4 > len(p.s) {
					p.fail(`bad \u escape`)
				}
				v, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 16)
				if err != nil || strings.ContainsAny(p.s[p.i:p.i+4], "+-") {
					// Integer.parseInt throws NumberFormatException, an IllegalArgumentException.
					p.fail(`bad \u escape`)
				}
				p.i += 4
				u := uint16(v)
				switch {
				case utf16.IsSurrogate(rune(u)) && u < 0xDC00:
					flush()
					pending = u
				case utf16.IsSurrogate(rune(u)):
					if pending != 0 {
						b.WriteRune(utf16.DecodeRune(rune(pending), rune(u)))
						pending = 0
					} else {
						b.WriteByte('?')
					}
				default:
					flush()
					b.WriteRune(rune(u))
				}
				continue
			}
			flush()
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				p.fail(`bad escape \` + string(e))
			}
		case c < 0x20:
			p.fail("control character in string")
		default:
			flush()
			j := p.i + 1
			for j < len(p.s) && p.s[j] != '"' && p.s[j] != '\\' && p.s[j] >= 0x20 {
				j++
			}
			b.WriteString(p.s[p.i:j])
			p.i = j
		}
	}
}

func (p *jsonParser) number() any {
	st := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	digits := func() {
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
		}
	}
	digits()
	frac := false
	if p.i < len(p.s) && p.s[p.i] == '.' {
		frac = true
		p.i++
		digits()
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		frac = true
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		digits()
	}
	t := p.s[st:p.i]
	if t == "-" || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "e") || strings.HasSuffix(t, "E") ||
		strings.HasSuffix(t, "+") || strings.HasSuffix(t, "-") {
		p.fail("bad number")
	}
	if frac {
		if len(t) > 18 {
			if d, ok := parseBigDec(t); ok {
				return d
			}
			p.fail("bad number")
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil && !isRangeErr(err) {
			p.fail("bad number")
		}
		return f
	}
	bi, ok := new(big.Int).SetString(t, 10)
	if !ok {
		p.fail("bad number")
	}
	if bi.IsInt64() {
		v := bi.Int64()
		if v >= -1<<31 && v < 1<<31 {
			return jInt(v)
		}
		return jLong(v)
	}
	return bi
}

// jsonWrite is the reference renderer's Json.write: compact JSON; web
// (JSONArray.toString, json-smart's NO_COMPRESS style) also writes "/" as
// "\/". Control characters, U+007F–U+009F and U+2000–U+20FF are written as
// \uXXXX.
func jsonWrite(v any, web bool) string {
	var b strings.Builder
	jsonWriteTo(&b, v, web, 0)
	return b.String()
}

func jsonWriteTo(b *strings.Builder, v any, web bool, depth int) {
	if depth > maxValueDepth {
		tooDeep()
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		jsonQuote(b, x, web)
	case float64:
		if s := javaDouble(x); s == "NaN" || s == "Infinity" || s == "-Infinity" {
			b.WriteString("null")
		} else {
			b.WriteString(s)
		}
	case jInt, jLong, jFloat, *big.Int, *bigDec, bool:
		b.WriteString(toString(x))
	case *jMap:
		b.WriteByte('{')
		for i, e := range x.ordered() {
			if i > 0 {
				b.WriteByte(',')
			}
			jsonQuote(b, toString(e.key), web)
			b.WriteByte(':')
			jsonWriteTo(b, e.val, web, depth+1)
		}
		b.WriteByte('}')
	case *scopeVal:
		jsonWriteTo(b, x.storageMap(), web, depth)
	case *jList:
		if x.kind == lArray {
			jsonQuote(b, toString(x), web)
			return
		}
		b.WriteByte('[')
		for i, e := range x.elems {
			if i > 0 {
				b.WriteByte(',')
			}
			jsonWriteTo(b, e, web, depth+1)
		}
		b.WriteByte(']')
	default:
		jsonQuote(b, toString(x), web)
	}
}

func jsonQuote(b *strings.Builder, s string, web bool) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '/':
			if web {
				b.WriteString(`\/`)
			} else {
				b.WriteByte('/')
			}
		default:
			if r <= 0x1F || (r >= 0x7F && r <= 0x9F) || (r >= 0x2000 && r <= 0x20FF) {
				fmt.Fprintf(b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
