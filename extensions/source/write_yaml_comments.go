package source

import (
	"bytes"
	"regexp"
)

// separateFootComments inserts an empty line after a comment block that is
// followed by a less indented line. yaml v4's emitter leaves that line out,
// and without it the loader attaches the comment to the deepest node before
// it instead of the node it was written under, so the next write would move
// the comment. Lines inside block scalars are content, not comments.
func separateFootComments(out []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(out) + 64)
	blockIndent := -1 // indentation of the line that opened a block scalar
	commentIndent := -1
	for line := range bytes.Lines(out) {
		text := bytes.TrimRight(line, "\n")
		indent := len(text) - len(bytes.TrimLeft(text, " "))
		blank := len(bytes.TrimSpace(text)) == 0
		if blockIndent >= 0 {
			if blank || indent > blockIndent {
				b.Write(line)
				continue
			}
			blockIndent = -1
		}
		isComment := !blank && text[indent] == '#'
		if !isComment && !blank && commentIndent > indent {
			b.WriteByte('\n')
		}
		commentIndent = -1
		if isComment {
			commentIndent = indent
		} else if !blank && opensBlockScalar(text) {
			blockIndent = indent
		}
		b.Write(line)
	}
	return b.Bytes()
}

// blockScalarHeader matches the end of a line that opens a block scalar:
// "key: |", "- >-", "key: !Sub |2", optionally followed by a comment.
var blockScalarHeader = regexp.MustCompile(`(?:^|[ ])[|>][-+1-9]*(?: +#.*)?$`)

// opensBlockScalar tells whether an emitted line opens a block scalar. A
// plain scalar ending in " |" also matches; that only means no empty line is
// inserted below it, which is safe.
func opensBlockScalar(line []byte) bool {
	return bytes.ContainsAny(line, "|>") && blockScalarHeader.Match(line)
}
