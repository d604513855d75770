package source

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// scalar writes a scalar by its tag.
func (w *jsonWriter) scalar(n *yaml.Node, ptr string) error {
	switch t := ScalarTag(n); t {
	case TagStr, TagTimestamp, TagBinary:
		WriteJSONString(&w.buf, n.Value)
	case TagNull:
		w.buf.WriteString("null")
	case TagBool:
		b, ok := yamlBool(n.Value)
		if !ok {
			return pathError(ptr, n, "%q is not a boolean; write true or false", n.Value)
		}
		w.buf.WriteString(b)
	case TagInt:
		s, err := jsonInt(n.Value)
		if err != nil {
			return pathError(ptr, n, "%v", err)
		}
		w.buf.WriteString(s)
	case TagFloat:
		s, err := jsonFloat(n.Value)
		if err != nil {
			return pathError(ptr, n, "%v", err)
		}
		w.buf.WriteString(s)
	default:
		return pathError(ptr, n, "a scalar tagged %s has no JSON form", t)
	}
	return nil
}

// yamlBool returns "true" or "false" for the spellings yaml v4 resolves.
func yamlBool(v string) (string, bool) {
	switch v {
	case "true", "True", "TRUE":
		return "true", true
	case "false", "False", "FALSE":
		return "false", true
	}
	return "", false
}

var (
	jsonIntLiteral    = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)$`)
	jsonNumberLiteral = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$`)
)

// jsonInt keeps a decimal integer as written (however big) and writes any
// other YAML integer (0x1F, 0o17, 017, +5, 1_000) in decimal.
func jsonInt(v string) (string, error) {
	if jsonIntLiteral.MatchString(v) {
		return v, nil
	}
	plain := strings.ReplaceAll(v, "_", "")
	if strings.HasPrefix(plain, "0o") || strings.HasPrefix(plain, "-0o") || strings.HasPrefix(plain, "+0o") {
		plain = strings.Replace(plain, "0o", "0", 1)
	}
	var i big.Int
	if _, ok := i.SetString(plain, 0); !ok {
		return "", fmt.Errorf("%q is not an integer; write it in decimal", v)
	}
	return i.String(), nil
}

// errNonFinite is returned for .inf and .nan, which JSON cannot hold.
var errNonFinite = errors.New("JSON has no infinity or NaN; write a finite number or a string")

// jsonFloat keeps a float written as a JSON number and otherwise rewrites
// its text into JSON form without rounding (.5 → 0.5, 1. → 1.0, +1e3 → 1e3).
func jsonFloat(v string) (string, error) {
	plain := strings.ReplaceAll(v, "_", "")
	switch strings.ToLower(strings.TrimLeft(plain, "+-")) {
	case ".inf", ".nan":
		return "", fmt.Errorf("%s: %w", v, errNonFinite)
	}
	if jsonNumberLiteral.MatchString(plain) {
		return keepFloat(plain), nil
	}
	sign := ""
	if plain != "" && (plain[0] == '+' || plain[0] == '-') {
		if plain[0] == '-' {
			sign = "-"
		}
		plain = plain[1:]
	}
	mant, exp := plain, ""
	if i := strings.IndexAny(plain, "eE"); i >= 0 {
		mant, exp = plain[:i], plain[i:]
	}
	intPart, frac, dot := strings.Cut(mant, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if dot && frac == "" {
		frac = "0"
	}
	s := sign + intPart
	if dot {
		s += "." + frac
	}
	s += exp
	if !jsonNumberLiteral.MatchString(s) {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, "_", ""), 64)
		if err != nil {
			return "", fmt.Errorf("%q is not a number JSON can hold", v)
		}
		s = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return keepFloat(s), nil
}

// keepFloat adds ".0" to a float written without fraction or exponent, so
// that it still loads as a float; decimal text that YAML already resolves
// as a float (too big for 64 bits, or -0) stays as written.
func keepFloat(s string) string {
	if strings.ContainsAny(s, ".eE") || resolvePlain(s) == TagFloat {
		return s
	}
	return s + ".0"
}

// JSONStringLen is the length of what WriteJSONString writes for s, quotes
// included.
func JSONStringLen(s string) int {
	n := len(s) + 2
	for i := 0; i < len(s); {
		if plainJSONByte(s[i]) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if e := jsonEscape(r, size); e != "" {
			n += len(e) - size
		}
	}
	return n
}

// WriteJSONString writes s as a JSON string, as encoding/json does without
// HTML escaping: ", \, control characters and U+2028/U+2029 escaped, invalid
// UTF-8 as U+FFFD. Runs of plain ASCII are copied as they are.
func WriteJSONString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	plain := 0 // start of the run not written yet
	for i := 0; i < len(s); {
		if plainJSONByte(s[i]) {
			i++
			continue
		}
		b.WriteString(s[plain:i])
		r, size := utf8.DecodeRuneInString(s[i:])
		if e := jsonEscape(r, size); e != "" {
			b.WriteString(e)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
		plain = i
	}
	b.WriteString(s[plain:])
	b.WriteByte('"')
}

// plainJSONByte tells whether a JSON string holds byte c as it is: printable
// ASCII other than " and \.
func plainJSONByte(c byte) bool {
	return c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\'
}

// jsonEscape is what a JSON string holds for the rune r, read from size
// bytes: its escape, or "" when it is written as it is.
func jsonEscape(r rune, size int) string {
	switch {
	case r == utf8.RuneError && size == 1:
		return `\ufffd`
	case r < 0x20:
		return controlEscapes[r]
	case r == '"':
		return `\"`
	case r == '\\':
		return `\\`
	case r == '\u2028':
		return `\u2028`
	case r == '\u2029':
		return `\u2029`
	}
	return ""
}

// controlEscapes are the escapes of the control characters, as
// encoding/json writes them.
var controlEscapes = func() (e [0x20]string) {
	const hex = "0123456789abcdef"
	for c := range e {
		e[c] = `\u00` + string(hex[c>>4]) + string(hex[c&0xf])
	}
	e['\n'], e['\r'], e['\t'], e['\b'], e['\f'] = `\n`, `\r`, `\t`, `\b`, `\f`
	return e
}()
