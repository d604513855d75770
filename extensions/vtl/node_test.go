package vtl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLiteralIn compares literalIn, which reads a node's literal from the
// template's text, with literal, which joins its tokens, on every node of
// the construct cases, the corpus's templates and a few written for it.
func TestLiteralIn(t *testing.T) {
	texts := []string{benchTemplate, `$a.b( "x" , 1 )`, `\$a \\$b.c $!{d.e} $!f`, "#set($a = $b.c[1])\n$a", `$a#* c *#.b`, `$a ## c`}
	if data, err := os.ReadFile("testdata/constructs.txt"); err == nil {
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	texts = append(texts, corpusTemplates(t, filepath.Join("..", "..", "..", "shared", "corpus", "specs"))...)
	compared, fromText := 0, 0
	for _, src := range texts {
		tpl, err := Parse("t.vm", src)
		if err != nil {
			continue
		}
		var walk func(n *node)
		walk = func(n *node) {
			got, want := n.literalIn(tpl.src), n.literal()
			if got != want {
				t.Fatalf("%q: node %d at %d: literalIn %q, literal %q", src, n.kind, n.offset(), got, want)
			}
			if n.first != nil && n.first != n.last {
				fromText++
			}
			compared++
			for _, k := range n.kids {
				walk(k)
			}
		}
		walk(tpl.root)
	}
	if fromText == 0 {
		t.Fatal("no node of several tokens compared")
	}
	t.Logf("%d nodes compared, %d of several tokens", compared, fromText)
}
