package goclient

import (
	"fmt"
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
