package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/source"
)

// maxNameLen bounds a file name's length before ".json".
const maxNameLen = 100

// fileName returns a safe, unique file name for an operation: the
// lower-case method and the path's segments joined by "-", braces dropped
// ("get-pets-petId.json"). Characters other than letters, digits, ".", "_"
// and "-" become "-"; a long name is cut and ends in a hash of the whole;
// a name taken already (ignoring case, as some file systems do) gets a
// numbered suffix, in document order.
func (g *apiGen) fileName(method, path string) string {
	name := strings.ToLower(method)
	if slug := slugify(path); slug != "" {
		name += "-" + slug
	}
	if len(name) > maxNameLen {
		sum := sha256.Sum256([]byte(method + " " + path))
		name = strings.TrimRight(name[:maxNameLen-9], "-.") + "-" + hex.EncodeToString(sum[:4])
	}
	unique := name
	for i := 2; g.names[strings.ToLower(unique)]; i++ {
		unique = name + "-" + strconv.Itoa(i)
	}
	g.names[strings.ToLower(unique)] = true
	return unique + ".json"
}

// slugify keeps letters, digits, ".", "_" and "-" of s, turns every other
// run of characters into one "-" and trims "-" and "." from both ends.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-'):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '{' || r == '}' || r == '+':
			// path-parameter braces and greedy markers carry no meaning in a name
		default:
			dash = true
		}
	}
	return strings.Trim(b.String(), "-.")
}

// marshalIndent renders v as indented JSON with a final newline.
func marshalIndent(v any) ([]byte, error) {
	b, err := marshalIndentAt(v, "")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// marshalIndentAt renders v as indented JSON whose lines after the first
// start with prefix, as v stands nested in a document indented so.
func marshalIndentAt(v any, prefix string) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return source.IndentJSON(nil, raw, prefix, "  "), nil
}
