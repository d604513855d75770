package goclient

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scope hands out distinct identifiers within one Go scope (the package, or
// one struct's fields and methods). Every identifier of the generated code
// comes from a scope, so from goName.
type scope struct {
	used map[string]string // identifier → source that claimed it
}

// newScope returns a scope in which reserved are already taken.
func newScope(reserved ...string) *scope {
	s := &scope{used: make(map[string]string, len(reserved))}
	for _, r := range reserved {
		s.used[r] = "(generated code)"
	}
	return s
}

// name returns a fresh identifier for raw, the name written at source src
// (a JSON pointer). A name that collides after cleaning gets the smallest
// free numeric suffix, so the first one in document order keeps the plain
// name. override is the source's x-go-name, used as written; it must be a
// valid exported identifier that nothing else has taken.
func (s *scope) name(raw, src, override string) (string, error) {
	if override != "" {
		if !token.IsIdentifier(override) || !token.IsExported(override) || !isASCII(override) {
			return "", fmt.Errorf("%s: x-go-name %q is not an exported ASCII Go identifier: write one such as %s", src, override, goName(override))
		}
		if prev, taken := s.used[override]; taken {
			return "", fmt.Errorf("%s: x-go-name %q is already the name of %s: choose another", src, override, prev)
		}
		s.used[override] = src
		return override, nil
	}
	return s.claim(goName(raw), src), nil
}

// claim takes id, or id with the smallest free suffix.
func (s *scope) claim(id, src string) string {
	if _, taken := s.used[id]; !taken {
		s.used[id] = src
		return id
	}
	sep := ""
	if id[len(id)-1] >= '0' && id[len(id)-1] <= '9' {
		sep = "_"
	}
	for i := 2; ; i++ {
		c := id + sep + strconv.Itoa(i)
		if _, taken := s.used[c]; !taken {
			s.used[c] = src
			return c
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// initialisms are the words Go spells in capitals (as golint does).
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "arn": "ARN", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "dns": "DNS",
	"eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID", "ids": "IDs",
	"ip": "IP", "json": "JSON", "jwt": "JWT", "lhs": "LHS", "qps": "QPS", "ram": "RAM", "rhs": "RHS",
	"rpc": "RPC", "sla": "SLA", "smtp": "SMTP", "sql": "SQL", "ssh": "SSH", "tcp": "TCP", "tls": "TLS",
	"ttl": "TTL", "udp": "UDP", "ui": "UI", "uid": "UID", "uri": "URI", "url": "URL", "urls": "URLs",
	"utf8": "UTF8", "uuid": "UUID", "vm": "VM", "xml": "XML", "xsrf": "XSRF", "xss": "XSS",
}

// accents transliterates the Latin letters whose ASCII spelling is obvious.
var accents = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ą': "a", 'æ': "ae",
	'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ř': "r", 'ś': "s", 'š': "s", 'ß': "ss", 'ť': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ý': "y", 'ÿ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
}

// invisible reports format characters that must never reach generated code:
// zero-width characters, bidi controls and other Cf characters.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// goName turns any text into an exported ASCII Go identifier, the same text
// always into the same identifier. Words are split at punctuation, spaces
// and case changes, capitalised and joined ("pet_id", "pet-id" and "petId"
// all give PetID). Invisible characters are dropped, accented Latin letters
// lose their accents, and other letters or digits are spelled by code point
// (日 → U65E5). Text with no letters or digits is spelled by its bytes
// (X2A2F for "*/"); an identifier starting with a digit gets an N in front.
// An exported identifier is never a keyword or predeclared name.
func goName(raw string) string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	var prev rune
	rs := []rune(raw)
	for i, r := range rs {
		switch {
		case invisible(r):
			continue
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if len(cur) > 0 && boundary(prev, r, rs, i) {
				flush()
			}
			cur = append(cur, r)
		case accents[unicode.ToLower(r)] != "":
			a := accents[unicode.ToLower(r)]
			if unicode.IsUpper(r) {
				flush()
				a = strings.ToUpper(a[:1]) + a[1:]
			}
			cur = append(cur, []rune(a)...)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flush()
			words = append(words, fmt.Sprintf("U%04X", r))
		default:
			flush()
		}
		prev = r
	}
	flush()
	var b strings.Builder
	for _, w := range words {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			b.WriteString(up)
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]))
		b.WriteString(w[1:])
	}
	id := b.String()
	switch {
	case id == "" && raw == "":
		return "Empty"
	case id == "":
		return fmt.Sprintf("X%X", raw)
	case id[0] >= '0' && id[0] <= '9':
		return "N" + id
	}
	return id
}

// boundary reports a word break between prev and r: lower→upper ("petId"),
// and the last capital of an acronym before a lower-case letter ("HTTPServer").
func boundary(prev, r rune, rs []rune, i int) bool {
	switch {
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return true
	case unicode.IsDigit(prev) && unicode.IsLetter(r) && unicode.IsUpper(r):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
		return true
	}
	return false
}

// numberName spells a numeric enum value (its canonical Go literal) as
// the tail of an identifier: digits stay, a minus sign is N, a decimal
// point P, an exponent E and a plus sign nothing (-1 → N1, 1.5 → 1P5,
// 1e-07 → 1EN07). Canonical literals never hold N or P, so distinct values
// give distinct spellings; the package scope settles a clash with another
// name.
func numberName(lit string) string {
	var b strings.Builder
	for _, r := range lit {
		switch r {
		case '-':
			b.WriteByte('N')
		case '.':
			b.WriteByte('P')
		case 'e', 'E':
			b.WriteByte('E')
		case '+':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
