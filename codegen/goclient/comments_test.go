package goclient

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestCommentSentences checks that text from the document that ends without
// punctuation does not run into the sentence after it in go doc.
func TestCommentSentences(t *testing.T) {
	for _, tc := range []struct {
		first string
		texts []string
		want  string
	}{
		{"GetPetOK is the 200 response of GetPet.", []string{"The pet", "Selected when no selection pattern matches."},
			"// GetPetOK is the 200 response of GetPet.\n// The pet.\n// Selected when no selection pattern matches."},
		{"GetPet calls GET /pets/{id}.", []string{"Find a pet!", "", "Typed errors for 404."},
			"// GetPet calls GET /pets/{id}.\n// Find a pet!\n// Typed errors for 404."},
		{"X is the schema.", []string{"Line one\nline two:", "More"},
			"// X is the schema.\n// Line one\n// line two:\n// More"},
	} {
		var lines []string
		for _, c := range comment(tc.first, tc.texts...) {
			lines = append(lines, strings.TrimSpace(fmt.Sprintf("%#v", c.(*jen.Statement))))
		}
		if got := strings.Join(lines, "\n"); got != tc.want {
			t.Errorf("comment(%q, %q):\n%s\nwant\n%s", tc.first, tc.texts, got, tc.want)
		}
	}
}

// TestPlainLines checks that the lines of plain text (printable ASCII and
// line feeds) are those the general splitting gives.
func TestPlainLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "ab .~\n"
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		text := string(b)
		if !plainText(text) {
			t.Fatalf("plainText(%q) = false", text)
		}
		if got, want := plainLines(text), anyLines(text); !slices.Equal(got, want) {
			t.Fatalf("plainLines(%q) = %q; anyLines gives %q", text, got, want)
		}
	}
	for _, text := range []string{"a\tb", "a\r\nb", "a\x7fb", "é", "a\x00", "\u2028"} {
		if plainText(text) {
			t.Errorf("plainText(%q) = true", text)
		}
	}
}
