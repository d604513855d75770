package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommentsUpToDate fails when comments_gen.go no longer matches the doc
// comments of package extensions: run go generate ./codegen/schema.
func TestCommentsUpToDate(t *testing.T) {
	got, err := render(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "comments_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("codegen/schema/comments_gen.go is stale; run go generate ./codegen/schema")
	}
	if !strings.Contains(string(got), `"github.com/apigw/apigw/extensions.Integration.TimeoutInMillis"`) &&
		!strings.Contains(string(got), `"github.com/apigw/apigw/extensions.Integration.Responses"`) {
		t.Error("field comments of Integration are missing")
	}
}

func TestReflow(t *testing.T) {
	for in, want := range map[string]string{
		"a\nb\n":         "a b",
		"a\n\nb  c\nd\n": "a\n\nb c d",
	} {
		if got := reflow(in); got != want {
			t.Errorf("reflow(%q) = %q, want %q", in, got, want)
		}
	}
}
