package vtl

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"
)

// inputObj is $input: the payload and the request parameters.
type inputObj struct {
	raw    string
	params *jMap // LinkedHashMap{path: HashMap, header: TreeMap(case-insensitive), querystring: HashMap}
	parsed bool
	root   any   // notFound when the payload is empty or not JSON
	err    error // a JSON nesting limit
	paths  map[string]*jsonPath
}

// body is $input.body: the raw payload; an empty payload reads as "{}".
func (in *inputObj) body() string {
	if in.raw == "" {
		return "{}"
	}
	return in.raw
}

func (in *inputObj) document() (any, error) {
	if !in.parsed {
		in.parsed = true
		if strings.TrimSpace(in.raw) == "" {
			in.root = notFound
		} else if v, err := parseJSON(in.raw); err != nil {
			if err.Error() == errJSONDepth.Error() {
				in.err = err
			}
			in.root = notFound
		} else {
			in.root = v
		}
	}
	return in.root, in.err
}

func (in *inputObj) eval(path string) (any, error) {
	jp, ok := in.paths[path]
	if !ok {
		var err error
		if jp, err = compileJSONPath(path); err != nil {
			return nil, err
		}
		if in.paths == nil {
			in.paths = map[string]*jsonPath{}
		}
		in.paths[path] = jp
	}
	root, err := in.document()
	if err != nil {
		return nil, err
	}
	if root == notFound {
		return notFound, nil
	}
	return jp.eval(root), nil
}

// path is $input.path(x): the value at a JSONPath; "" when nothing is there.
func (in *inputObj) path(x string) (any, error) {
	v, err := in.eval(x)
	if v == notFound {
		return "", err
	}
	return v, err
}

// json is $input.json(x): the value as compact JSON; "\"\"" when nothing is there.
func (in *inputObj) json(x string) (any, error) {
	v, err := in.eval(x)
	if err != nil {
		return nil, err
	}
	if v == notFound {
		return `""`, nil
	}
	return jsonWrite(v, false), nil
}

// param is $input.params(x): path, then query string, then header.
func (in *inputObj) param(x string) any {
	for _, where := range []string{"path", "querystring", "header"} {
		if m, ok := in.params.get(where).(*jMap); ok {
			if e := m.find(x); e != nil {
				if e.val == nil {
					return ""
				}
				return e.val
			}
		}
	}
	return ""
}

// utilObj is $util.
type utilObj struct{}

// escapeJavaScript is commons-lang 2.x StringEscapeUtils.escapeJavaScript.
func escapeJavaScript(s string) string {
	var b strings.Builder
	for _, c := range toUTF16(s) {
		switch {
		case c > 0xfff:
			fmt.Fprintf(&b, `\u%X`, c)
		case c > 0xff:
			fmt.Fprintf(&b, `\u0%X`, c)
		case c > 0x7f:
			fmt.Fprintf(&b, `\u00%X`, c)
		case c < 32:
			switch c {
			case '\b':
				b.WriteString(`\b`)
			case '\n':
				b.WriteString(`\n`)
			case '\t':
				b.WriteString(`\t`)
			case '\f':
				b.WriteString(`\f`)
			case '\r':
				b.WriteString(`\r`)
			default:
				if c > 0xf {
					fmt.Fprintf(&b, `\u00%X`, c)
				} else {
					fmt.Fprintf(&b, `\u000%X`, c)
				}
			}
		default:
			switch c {
			case '\'':
				b.WriteString(`\'`)
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '/':
				b.WriteString(`\/`)
			default:
				b.WriteByte(byte(c))
			}
		}
	}
	return b.String()
}

// urlEncode is java.net.URLEncoder.encode(s, UTF_8).
func urlEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '*', c == '_':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// urlDecode is java.net.URLDecoder.decode(s, UTF_8): "+" is a space and
// runs of %XX are bytes read as UTF-8; a bad escape is an error.
func urlDecode(s string) (string, error) {
	u := toUTF16(s)
	var out []rune
	for i := 0; i < len(u); {
		switch c := u[i]; c {
		case '+':
			out = append(out, ' ')
			i++
		case '%':
			var bs []byte
			for i+2 < len(u) && c == '%' {
				v, ok := parseHexPair(u[i+1], u[i+2])
				if !ok {
					return "", fmt.Errorf("URLDecoder: Illegal hex characters in escape (%%) pattern")
				}
				bs = append(bs, v)
				i += 3
				if i < len(u) {
					c = u[i]
				}
			}
			if i < len(u) && c == '%' {
				return "", fmt.Errorf("URLDecoder: Incomplete trailing escape (%%) pattern")
			}
			out = append(out, decodeUTF8Java(bs)...)
		default:
			j := i
			for j < len(u) && u[j] != '+' && u[j] != '%' {
				j++
			}
			out = append(out, []rune(fromUTF16(u[i:j]))...)
			i = j
		}
	}
	return string(out), nil
}

// parseHexPair is Integer.parseInt(two chars, 16) with its sign rules: a
// leading "+" is allowed, a negative value is an error.
func parseHexPair(a, b uint16) (byte, bool) {
	hex := func(c uint16) (int, bool) {
		switch {
		case c >= '0' && c <= '9':
			return int(c - '0'), true
		case c >= 'a' && c <= 'f':
			return int(c-'a') + 10, true
		case c >= 'A' && c <= 'F':
			return int(c-'A') + 10, true
		}
		return 0, false
	}
	if a == '+' {
		v, ok := hex(b)
		return byte(v), ok
	}
	x, ok1 := hex(a)
	y, ok2 := hex(b)
	return byte(x*16 + y), ok1 && ok2
}

// base64Encode is Base64.getEncoder() over the UTF-8 bytes.
func base64Encode(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// base64Decode is Base64.getMimeDecoder().decode(s) read as UTF-8:
// characters outside the alphabet are skipped; bad padding is an error.
func base64Decode(s string) (string, error) {
	var src []byte
	for _, r := range s {
		if r < 0x100 {
			src = append(src, byte(r))
		} else {
			src = append(src, '?')
		}
	}
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	val := func(c byte) int { return strings.IndexByte(alpha, c) }
	var dst []byte
	bits, shift := 0, 18
	sp := 0
	for sp < len(src) {
		c := src[sp]
		sp++
		if c == '=' {
			if (shift == 6 && (sp == len(src) || src[sp] != '=')) || shift == 18 {
				return "", fmt.Errorf("Input byte array has wrong 4-byte ending unit")
			}
			if shift == 6 {
				sp++
			}
			break
		}
		v := val(c)
		if v < 0 {
			continue
		}
		bits |= v << shift
		shift -= 6
		if shift < 0 {
			dst = append(dst, byte(bits>>16), byte(bits>>8), byte(bits))
			shift, bits = 18, 0
		}
	}
	switch shift {
	case 6:
		dst = append(dst, byte(bits>>16))
	case 0:
		dst = append(dst, byte(bits>>16), byte(bits>>8))
	case 12:
		return "", fmt.Errorf("Last unit does not have enough valid bits")
	}
	for sp < len(src) {
		if val(src[sp]) >= 0 {
			return "", fmt.Errorf("Input byte array has incorrect ending byte at %d", sp+1)
		}
		sp++
	}
	if utf8.Valid(dst) {
		return string(dst), nil
	}
	return string(decodeUTF8Java(dst)), nil
}
