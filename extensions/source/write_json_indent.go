package source

// IndentJSON appends src, a valid JSON text, to dst indented as
// encoding/json's Indent indents it: a member or element per line, each
// line after the first starting with prefix and one indent per level of
// nesting, empty objects and arrays kept as {} and [], a space after each
// colon, whitespace outside strings dropped except after the value, which
// is kept as it is.
//
// It is json.Indent without the validating scanner, for JSON that
// encoding/json itself has just produced: several times faster, which
// matters for the dumps import writes. src must be valid: invalid input
// gives unspecified (but no out-of-range) output.
func IndentJSON(dst, src []byte, prefix, indent string) []byte {
	end := len(src)
	for end > 0 && isJSONSpace(src[end-1]) {
		end--
	}
	depth := 0
	open := false // after { or [, before knowing whether it is empty
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < end; i++ {
		c := src[i]
		if isJSONSpace(c) {
			continue
		}
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			j := i + 1
			for j < end && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, end-1) // an unterminated string ends the text
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, src[end:]...)
}

func isJSONSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}
