package source

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestEscapeToken compares EscapeToken with the replacement it shortcuts
// on random tokens of the characters that matter, and UnescapeToken with
// its inverse.
func TestEscapeToken(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 9))
	const alphabet = "~/01a{}é"
	for range 100000 {
		b := make([]byte, rng.IntN(7))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		tok := string(b)
		want := strings.NewReplacer("~", "~0", "/", "~1").Replace(tok)
		if got := EscapeToken(tok); got != want {
			t.Fatalf("EscapeToken(%q) = %q, want %q", tok, got, want)
		}
		if back := UnescapeToken(want); back != tok {
			t.Fatalf("UnescapeToken(%q) = %q, want %q", want, back, tok)
		}
	}
}

func ExampleEscapeToken() {
	fmt.Println(EscapeToken("/pets/{id}"), EscapeToken("a~b"), EscapeToken("get"))
	fmt.Println(Pointer("/paths", "/pets/{id}"))
	// Output:
	// ~1pets~1{id} a~0b get
	// /paths/~1pets~1{id}
}
