package goclient

import (
	"bytes"
)

// markFormattedDocs returns src with a carriage return before the line feed
// that ends each comment group already in gofmt's doc comment form.
//
// go/printer reformats every comment group that starts in column 1 and ends
// right before a token (parsing it with go/doc/comment and printing it
// again), which is every comment jennifer renders, since it does not indent.
// That took about a quarter of the printing, although the generator writes
// its comments in that form. The printer tells such a group by its end: the
// byte after it must be the next token's. A comment's text leaves out a
// final carriage return, so after one the group no longer abuts the token;
// the printer writes the group as it is, and the carriage return, white
// space to the parser, is not printed. Groups not sure to be in that form
// are left for the printer to reformat.
func markFormattedDocs(src []byte) []byte {
	var ends []int // where to insert: the line feed after each such group
	var group [][]byte
	for rest, at := src, 0; len(rest) > 0; {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		if bytes.HasPrefix(line, []byte("//")) {
			group = append(group, line)
		} else if len(group) > 0 {
			if len(line) > 0 && formattedDoc(group) {
				ends = append(ends, at-1)
			}
			group = group[:0]
		}
		if !found {
			break
		}
		at += len(line) + 1
		rest = after
	}
	if len(ends) == 0 {
		return src
	}
	out := make([]byte, 0, len(src)+len(ends))
	from := 0
	for _, e := range ends {
		out = append(out, src[from:e]...)
		out = append(out, '\r')
		from = e
	}
	return append(out, src[from:]...)
}

// formattedDoc tells whether go/doc/comment would print the comment lines
// (each "//" and its text) back unchanged: paragraphs of unindented text
// separated by single "//" lines, with none of what it rewrites. Each line
// is "// " and text that does not start with white space (an indented line
// is code or a list), "#" (a heading) or "[" (a link definition), and
// holds no control character and no two backquotes or single quotes in a
// row (printed as curly quotes). A paragraph of one line between two others
// could be read as a heading, so it is left to the printer too.
func formattedDoc(lines [][]byte) bool {
	paraLines, paras := 0, 0
	for i, l := range lines {
		if len(l) == 2 { // "//": a blank line between paragraphs
			if paraLines == 0 || i == len(lines)-1 || paras > 0 && paraLines == 1 {
				return false
			}
			paras++
			paraLines = 0
			continue
		}
		text, ok := bytes.CutPrefix(l, []byte("// "))
		if !ok || !plainDocLine(text) {
			return false
		}
		paraLines++
	}
	return paraLines > 0
}

// plainDocLine tells whether a line of doc comment text is printed as it
// is (see formattedDoc).
func plainDocLine(text []byte) bool {
	if len(text) == 0 || text[0] == ' ' || text[0] == '#' || text[0] == '[' || len(bytes.TrimSpace(text)) == 0 {
		return false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < ' ' || c == 0x7f || (c == '`' || c == '\'') && i+1 < len(text) && text[i+1] == c {
			return false
		}
	}
	return true
}
