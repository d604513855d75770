package goclient

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// docPieces are comment lines, canonical or not in gofmt's doc comment
// form: what go/doc/comment rewrites (indentation, lists, headings, link
// definitions, quotes, blank runs, directives) beside plain text.
var docPieces = []string{
	"// GetPet calls GET /pets/{id}.",
	"// Selected when the backend result matches \".*\\\\[NotFound\\\\].*\".",
	"// See https://example.com/docs?q=1 for more.",
	"// A [Pet] or [fmt.Stringer], [x]: not a link.",
	"// Heading Like This",
	"// Status 404",
	"//",
	"//",
	"//no space",
	"//  two spaces",
	"//\tcode",
	"// \tcode",
	"// - item",
	"//   - item",
	"// 1. first",
	"// # Heading",
	"// #hash",
	"// #  Two spaces",
	"// [Go]: https://go.dev",
	"// [text] at the start",
	"// ``quoted''",
	"// it''s",
	"// ```fenced```",
	"// \u00a0",
	"// \u00a0x",
	"// x\u00a0",
	"// café: non-ASCII",
	"//go:generate echo",
	"//line x.go:1",
	"// func main() {",
	"// }",
	"// ends with a brace {",
	"// ends with a backslash \\",
	"// Deprecated: use Other.",
	"// 'single' and \"double\"",
	"// x\x7fy",
}

// printChunk parses src as the pipeline does and prints it in gofmt style.
func printChunk(t *testing.T, src []byte) string {
	t.Helper()
	c := &chunk{name: "x.go", src: src}
	c.parse(1)
	if c.err != nil {
		t.Fatalf("parse: %v\n%s", c.err, src)
	}
	var buf bytes.Buffer
	if err := gofmt.Fprint(&buf, c.fset, c.file); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestMarkFormattedDocsPrintsTheSame checks that the printed code is the
// same with the groups markFormattedDocs marks as without: a group it
// takes for formatted must be one go/printer would not change. The groups
// are random lines of docPieces, before declarations, struct fields and
// statements, and at the end of a block.
func TestMarkFormattedDocsPrintsTheSame(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	randomGroup := func() string {
		n := 1 + r.IntN(5)
		var b strings.Builder
		for range n {
			b.WriteString(docPieces[r.IntN(len(docPieces))])
			b.WriteString("\n")
		}
		return b.String()
	}
	group := randomGroup
	// Groups whose middle paragraph of one line reads as a heading.
	fixed := []string{
		"// First.\n//\n// Heading Like This\n//\n// Last.\n",
		"// First.\n//\n// Not a heading.\n//\n// Last.\n",
	}
	// Each @ is a group: before a declaration, a field, a statement, and
	// at the end of a struct and of a function body.
	const layout = "package p\n\n@type T struct {\n@A int\n@}\n\n@func F() {\n@_ = 1\n@}\n"
	marked, groups := 0, 0
	for i := range 3000 {
		if i < len(fixed) {
			group = func() string { return fixed[i] }
		} else if i == len(fixed) {
			group = randomGroup
		}
		var src []byte
		for _, part := range strings.SplitAfter(layout, "@") {
			src = append(src, strings.TrimSuffix(part, "@")...)
			if strings.HasSuffix(part, "@") {
				src = append(src, group()...)
			}
		}
		groups += strings.Count(layout, "@")
		got := markFormattedDocs(src)
		marked += bytes.Count(got, []byte("\r"))
		if want := printChunk(t, src); printChunk(t, got) != want {
			t.Fatalf("printed differently once marked:\n%s\nmarked:\n%q\nwant:\n%s\ngot:\n%s", src, got, want, printChunk(t, got))
		}
	}
	// Most random groups hold a line the printer rewrites; the plain ones
	// must still be marked, or the test proves nothing.
	if marked < groups/20 {
		t.Fatalf("%d of %d groups marked", marked, groups)
	}
}

// TestFormattedDoc pins which groups are taken as formatted.
func TestFormattedDoc(t *testing.T) {
	for _, tc := range []struct {
		lines string
		want  bool
	}{
		{"// One line.", true},
		{"// One.\n// Two.", true},
		{"// First paragraph.\n//\n// Second paragraph\n// of two lines.", true},
		{"// First.\n//\n// Lone middle line\n//\n// Last.", false}, // may be a heading
		{"// First.\n//\n// Two\n// lines\n//\n// Last.", true},
		{"// One.\n//", false},
		{"//\n// One.", false},
		{"// One.\n//\n//\n// Two.", false},
		{"//One.", false},
		{"//  One.", false},
		{"// # One", false},
		{"// [One]: https://x.y", false},
		{"// ``One''", false},
		{"// One\tTwo", false},
		{"// \u00a0", false},
		{"// It's `code` and 'quoted'.", true},
	} {
		var lines [][]byte
		for l := range strings.SplitSeq(tc.lines, "\n") {
			lines = append(lines, []byte(l))
		}
		if got := formattedDoc(lines); got != tc.want {
			t.Errorf("formattedDoc(%q) = %v, want %v", tc.lines, got, tc.want)
		}
	}
}

// TestMarkFormattedDocs checks where the carriage returns go: after the
// last line of a formatted group that a line of code follows, nowhere else.
func TestMarkFormattedDocs(t *testing.T) {
	src := "package p\n\n// A is a.\n// More.\ntype A int\n\n// Loose comment.\n\n// # Heading\ntype B int\n// End.\n"
	want := "package p\n\n// A is a.\n// More.\r\ntype A int\n\n// Loose comment.\n\n// # Heading\ntype B int\n// End.\n"
	if got := string(markFormattedDocs([]byte(src))); got != want {
		t.Errorf("markFormattedDocs:\n%q\nwant\n%q", got, want)
	}
}
