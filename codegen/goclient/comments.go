package goclient

import (
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// maxCommentLines bounds the text copied from one description.
const maxCommentLines = 40

// commentLines turns document text into lines safe for // comments: control,
// bidi and zero-width characters are removed, every line terminator (CR,
// LF, NEL, U+2028, U+2029, FF, VT) ends a line, trailing space is trimmed,
// and runs of blank lines collapse. Nothing can end the comment early: each
// line is written as its own // comment.
func commentLines(text string) []string {
	var lines []string
	if plainText(text) {
		lines = plainLines(text)
	} else {
		lines = anyLines(text)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > maxCommentLines {
		lines = append(lines[:maxCommentLines], "…")
	}
	return lines
}

// plainText tells whether text is printable ASCII and line feeds alone,
// which is most of what documents write and needs no character dropped or
// replaced.
func plainText(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c < ' ' || c > '~') && c != '\n' {
			return false
		}
	}
	return true
}

// plainLines is anyLines for plainText: the lines are parts of text.
func plainLines(text string) []string {
	l := lineList{blank: true}
	for line := range strings.SplitSeq(text, "\n") {
		l.add(strings.TrimRight(line, " "))
	}
	return l.lines
}

// lineList collects comment lines, a run of blank ones as one.
type lineList struct {
	lines []string
	blank bool // the last line added was blank (or none was)
}

func (l *lineList) add(line string) {
	if line == "" {
		if !l.blank {
			l.lines = append(l.lines, "")
		}
		l.blank = true
		return
	}
	l.lines = append(l.lines, line)
	l.blank = false
}

// anyLines splits text into lines as commentLines describes, before the
// trailing blank lines are cut and the length bounded.
func anyLines(text string) []string {
	l := lineList{blank: true}
	var b strings.Builder
	emit := func() {
		l.add(strings.TrimRight(b.String(), " \t"))
		b.Reset()
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for _, r := range text {
		switch {
		case r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029' || r == '\f' || r == '\v':
			emit()
		case r == '\t':
			b.WriteByte(' ')
		case invisible(r) || r == '\uFFFD':
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	emit()
	return l.lines
}

// comment returns the // comment lines for a declaration: first, then the
// sanitised texts, each starting on a new line.
func comment(first string, texts ...string) []jen.Code {
	lines := commentLines(first)
	for _, t := range texts {
		more := commentLines(t)
		if len(more) == 0 || len(lines) > 0 && strings.TrimSpace(t) == strings.TrimSpace(first) {
			continue
		}
		// Texts continue the first paragraph: a one-line paragraph of its
		// own would read as a heading to gofmt. Text taken from the document
		// often lacks a final period ("summary: Find a pet"), which would
		// run into what follows.
		endSentence(lines)
		lines = append(lines, more...)
	}
	out := make([]jen.Code, len(lines))
	for i, l := range lines {
		// Written with the slashes so jennifer copies the line as is:
		// text starting with "/*" would otherwise be emitted raw.
		out[i] = jen.Comment(strings.TrimRight("// "+l, " "))
	}
	return out
}

// endSentence ends the last of lines with a period when it ends without
// punctuation.
func endSentence(lines []string) {
	if len(lines) == 0 {
		return
	}
	last := lines[len(lines)-1]
	if r, _ := utf8.DecodeLastRuneInString(last); last != "" && !strings.ContainsRune(".!?:;…", r) {
		lines[len(lines)-1] = last + "."
	}
}
