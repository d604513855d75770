package openapi

import (
	"fmt"
	"testing"
)

// TestPaths: every path key in document order, whether or not it has
// operations; nothing when paths is missing or not an object.
func TestPaths(t *testing.T) {
	for text, want := range map[string]string{
		"openapi: 3.0.1\npaths: {/a: {get: {}}, /b: {}, x-foo: {}, /c: null}": "[/a /b /c]",
		"swagger: '2.0'\npaths: [/a]":                                         "[]",
		"openapi: 3.0.1":                                                      "[]",
	} {
		docs, _, err := Load("a.yaml", []byte(text), LoadOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%q: %v", text, err)
		}
		if got := fmt.Sprint(docs[0].Paths()); got != want {
			t.Errorf("%q: Paths() = %s, want %s", text, got, want)
		}
	}
}
