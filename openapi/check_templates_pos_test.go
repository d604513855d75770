package openapi

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/shared"
	"go.yaml.in/yaml/v4"
)

// charAt returns the character written at a 1-based line and column of
// lines (the file split at "\n"); 0 at the end of a line, where its break is.
func charAt(lines [][]byte, p srcPos) (rune, bool) {
	if p.line < 1 || p.line > len(lines) {
		return 0, false
	}
	l := lines[p.line-1]
	for c := 1; ; c++ {
		if len(l) == 0 {
			return 0, c == p.col
		}
		r, w := utf8.DecodeRune(l)
		if c == p.col {
			return r, true
		}
		l = l[w:]
	}
}

// checkPositions checks, for every scalar of the tree read from raw, that
// each character of its value copied from the source maps to that same
// character, and that escapes map to their backslash. It returns how many
// scalars were mapped and how many could not be.
func checkPositions(t *testing.T, name string, raw []byte, root *yaml.Node, only func(*yaml.Node) bool) (mapped, missed int) {
	t.Helper()
	lines := bytes.Split(raw, []byte("\n"))
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
		if n.Kind != yaml.ScalarNode || n.Value == "" || only != nil && !only(n) {
			return
		}
		pos, ok := valuePositions(raw, n)
		if !ok {
			missed++
			if testing.Verbose() {
				t.Logf("%s:%d:%d: style %d %.60q not mapped", name, n.Line, n.Column, n.Style, n.Value)
			}
			return
		}
		mapped++
		if len(pos) != len(n.Value)+1 {
			t.Errorf("%s:%d:%d: %d positions for %d bytes", name, n.Line, n.Column, len(pos), len(n.Value))
			return
		}
		for i, r := range n.Value {
			got, ok := charAt(lines, pos[i])
			switch {
			case !ok:
				t.Errorf("%s:%d:%d: byte %d maps to %v, outside the file", name, n.Line, n.Column, i, pos[i])
			case got == r, got == '\\' && n.Style&yaml.DoubleQuotedStyle != 0:
			case (r == ' ' || r == '\n') && (got == '\r' || got == ' ' || got == '\t'):
			case (r == ' ' || r == '\n') && got == 0:
			default:
				t.Errorf("%s:%d:%d: %q (byte %d of %q) maps to %v, where %q is written", name, n.Line, n.Column, r, i, n.Value, pos[i], got)
				return
			}
		}
	}
	walk(root)
	return mapped, missed
}

// lineEnd: charAt gives no character for a line break; checkPositions
// accepts it (got 0) for a folded space or a line feed.

func TestValuePositions(t *testing.T) {
	src := "a: plain text here\n" +
		"b: \"double \\\"quoted\\\" \\u00e9\\n\\ttab \\\\ \\x41\\U0001F600\"\n" +
		"c: 'single ''quoted'' é'\n" +
		"d: |\n  literal $x\n    indented\n\n  #if($a)\n  #end\n" +
		"e: >\n  folded one\n  folded two\n\n  after empty\n    more indented\n  back\n" +
		"f: |-\n    keep indent\n    second\n" +
		"g: |2\n    explicit indent\n   x\n" +
		"h: \"multi\n  line   \n\n  double\"\n" +
		"i: 'multi\n  line single'\n" +
		"j: plain\n  multi line\n" +
		"k: &anchor \"anchored \\n\"\n" +
		"l: !!str tagged value\n" +
		"m: >+\n  keep\n\n" +
		"n: \"escaped \\\n  break\"\n" +
		"o:\n  - |\n    in a sequence\n    #set($a = 1)\n"
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	mapped, missed := checkPositions(t, "fixture", []byte(src), &root, nil)
	if missed > 0 {
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			for _, c := range n.Content {
				walk(c)
			}
			if n.Kind == yaml.ScalarNode {
				if _, ok := valuePositions([]byte(src), n); !ok {
					t.Errorf("%d:%d %q (style %d) is not mapped", n.Line, n.Column, n.Value, n.Style)
				}
			}
		}
		walk(&root)
	}
	if mapped < 30 {
		t.Errorf("only %d scalars mapped", mapped)
	}
	// A literal block: line 3, column 5 of the template is "indented"'s
	// first letter, line 7 of the file, column 5.
	d := root.Content[0].Content[7]
	pos, _ := valuePositions([]byte(src), d)
	if off := strings.Index(d.Value, "indented"); pos[off] != (srcPos{6, 5}) {
		t.Errorf("literal block: %v", pos[off])
	}
	if off := strings.Index(d.Value, "#if"); pos[off] != (srcPos{8, 3}) {
		t.Errorf("literal block #if: %v", pos[off])
	}
	// CRLF line breaks and JSON strings.
	crlf := strings.ReplaceAll("x: |\n  one\n  two $a\ny: \"a\\nb\"\n", "\n", "\r\n")
	var r2 yaml.Node
	if err := yaml.Unmarshal([]byte(crlf), &r2); err != nil {
		t.Fatal(err)
	}
	if m, miss := checkPositions(t, "crlf", []byte(crlf), &r2, nil); miss > 0 || m != 4 {
		t.Errorf("CRLF: %d mapped, %d missed", m, miss)
	}
	js := []byte("{\n  \"t\": \"{\\\"a\\\": $input.json('$')}\\n#if($x)\\u00e9\",\n  \"u\": \"\\ud83d\\ude00 x\"\n}\n")
	tree, _, err := source.Parse("t.json", js, source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m, miss := checkPositions(t, "json", js, tree, nil); miss > 0 || m != 4 {
		t.Errorf("JSON: %d mapped, %d missed", m, miss)
	}
}

// TestValuePositionsCorpus maps the strings of the corpus documents that
// could be templates back to the file: each mapping given must be exact,
// and almost every string must be mapped.
func TestValuePositionsCorpus(t *testing.T) {
	files := shared.CorpusFiles(t, "specs")
	var mapped, missed int
	for _, f := range files {
		ext := strings.ToLower(filepath.Ext(f))
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tree, _, err := source.Parse(f, raw, source.Limits{})
		if err != nil {
			continue
		}
		// Strings that could be templates: several lines, or VTL's $ and #.
		m, miss := checkPositions(t, filepath.Base(f), raw, tree, func(n *yaml.Node) bool { return strings.ContainsAny(n.Value, "\n$#") })
		mapped += m
		missed += miss
	}
	t.Logf("%d strings mapped, %d not", mapped, missed)
	if missed*100 > mapped {
		t.Errorf("%d of %d strings could not be mapped", missed, mapped+missed)
	}
}
