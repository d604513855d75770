package vtl

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMatchFastPaths compares match, which tells the commonest tokens by
// their first byte, with matchAll, which tries every token of the state,
// at every position of every lexical state, on the construct cases, the
// corpus's templates and random texts over the bytes the grammar uses.
func TestMatchFastPaths(t *testing.T) {
	texts := []string{benchTemplate, "", " ", "\t#set($a = 1)", "$true.false", "#if($a and $b or not $c)", "$a.b().c[1]"}
	if data, err := os.ReadFile("testdata/constructs.txt"); err == nil {
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	texts = append(texts, corpusTemplates(t, filepath.Join("..", "..", "..", "shared", "corpus", "specs"))...)
	const alphabet = "$#!\\.()[]{}\"', \t\r\n=<>&|*+-/%:_@01eEaAdgilnorstufx\xc3\xa9"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		b := make([]byte, rng.IntN(24))
		for j := range b {
			b[j] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	compared := 0
	for _, src := range texts {
		for st := sDefault; st <= sTextblock; st++ {
			for i := 0; i <= len(src); i++ {
				lx := &lexer{src: src, pos: i, state: st}
				k, end := lx.match()
				wk, wend := lx.matchAll()
				if k != wk || end != wend {
					t.Fatalf("state %d at %d of %q: match gives token %d to %d, matchAll %d to %d", st, i, src, k, end, wk, wend)
				}
				compared++
			}
		}
	}
	t.Logf("%d positions compared", compared)
}
