package openapi

import (
	"strings"
	"testing"
)

// TestTextFileIsNotEchoed: a file that holds text, not a document, gets a
// diagnostic that quotes the start of it, not the whole of it.
func TestTextFileIsNotEchoed(t *testing.T) {
	text := strings.Repeat("hello world, this is plain text ", 4000)
	_, diags, err := Load("notes.txt", []byte(text), LoadOptions{})
	if err != nil || len(diags) != 1 {
		t.Fatalf("%v %v", diags, err)
	}
	if m := diags[0].Message; len(m) > 400 || !strings.Contains(m, `"hello world, this is plain text hello wo"… (127999 bytes)`) {
		t.Errorf("message of %d bytes: %.500s", len(m), m)
	}
}
