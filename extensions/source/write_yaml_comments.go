package source

import (
	"bytes"
	"unicode/utf8"
)

// separateFootComments inserts an empty line after a comment block that is
// followed by a less indented line. yaml v4's emitter leaves that line out,
// and without it the loader attaches the comment to the deepest node before
// it instead of the node it was written under, so the next write would move
// the comment. Lines inside block scalars are content, not comments.
func separateFootComments(out []byte) []byte {
	var b []byte      // the output with the empty lines, from the first one on
	copied := 0       // how much of out b holds
	blockIndent := -1 // indentation of the line that opened a block scalar
	commentIndent := -1
	for start := 0; start < len(out); {
		end := len(out)
		if i := bytes.IndexByte(out[start:], '\n'); i >= 0 {
			end = start + i
		}
		text := out[start:end]
		lineStart := start
		start = end + 1
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		blank := indent == len(text) || isBlankRest(text[indent:])
		if blockIndent >= 0 {
			if blank || indent > blockIndent {
				continue
			}
			blockIndent = -1
		}
		isComment := !blank && text[indent] == '#'
		if !isComment && !blank && commentIndent > indent {
			b = append(append(b, out[copied:lineStart]...), '\n')
			copied = lineStart
		}
		commentIndent = -1
		if isComment {
			commentIndent = indent
		} else if !blank && opensBlockScalar(text) {
			blockIndent = indent
		}
	}
	if b == nil {
		return out
	}
	return append(b, out[copied:]...)
}

// isBlankRest tells whether the rest of a line after its indentation is
// white space (as bytes.TrimSpace sees it); most lines start with a
// character that is not.
func isBlankRest(rest []byte) bool {
	if c := rest[0]; c < utf8.RuneSelf && c != '\t' && c != '\v' && c != '\f' && c != '\r' && c != ' ' {
		return false
	}
	return len(bytes.TrimSpace(rest)) == 0
}

// opensBlockScalar tells whether an emitted line opens a block scalar: it
// ends in a block scalar header after a space or at the start ("key: |",
// "- >-", "key: !Sub |2"), optionally followed by a comment. A plain
// scalar ending in " |" also matches; that only means no empty line is
// inserted below it, which is safe.
func opensBlockScalar(line []byte) bool {
	for i := 0; i < len(line); i++ {
		if line[i] != '|' && line[i] != '>' || i > 0 && line[i-1] != ' ' {
			continue
		}
		j := i + 1
		for j < len(line) && (line[j] == '+' || line[j] == '-' || line[j] >= '1' && line[j] <= '9') {
			j++
		}
		if j == len(line) {
			return true
		}
		k := j
		for k < len(line) && line[k] == ' ' {
			k++
		}
		if k > j && k < len(line) && line[k] == '#' {
			return true
		}
	}
	return false
}
