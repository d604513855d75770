package source

import (
	"bytes"
	"strings"
)

// IsTemplateFile tells whether path is a Terraform templatefile input
// (api.yaml.tpl, api.json.tpl), whose ${…} placeholders QuotePlaceholders
// makes readable.
func IsTemplateFile(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".tpl")
}

// QuotePlaceholders makes a Terraform templatefile input parseable: each
// ${…} placeholder that stands outside a quoted string becomes a
// double-quoted string, so that a placeholder may stand wherever a string
// may. Placeholders inside strings are left as they are; they are text to
// every reader. Only the lines holding a bare placeholder change, each by
// two columns per placeholder.
func QuotePlaceholders(data []byte) []byte {
	if !bytes.Contains(data, []byte("${")) {
		return data
	}
	var out bytes.Buffer
	out.Grow(len(data) + 16)
	var quote byte
	comment := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n':
			comment, quote = false, 0
		case comment:
		case quote == '"':
			if c == '\\' && i+1 < len(data) {
				out.WriteByte(c)
				i++
				c = data[i]
			} else if c == '"' {
				quote = 0
			}
		case quote == '\'':
			if c == '\'' {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			comment = true
		case c == '$' && i+1 < len(data) && data[i+1] == '{':
			if end := closingBrace(data, i+1); end > 0 {
				out.WriteByte('"')
				out.Write(bytes.ReplaceAll(data[i:end+1], []byte(`"`), []byte(`\"`)))
				out.WriteByte('"')
				i = end
				continue
			}
		}
		out.WriteByte(c)
	}
	return out.Bytes()
}

// closingBrace returns the index of the brace that closes the one at open,
// on the same line; -1 when there is none.
func closingBrace(data []byte, open int) int {
	depth := 0
	for i := open; i < len(data) && data[i] != '\n'; i++ {
		switch data[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
