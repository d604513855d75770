package openapi

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/tree"
)

// TestCanonicalCorpus formats every corpus file as apigw fmt does: the output
// parses to the input's ordered tree, and formatting it again changes nothing.
// Files refused by a limit or with syntax errors or duplicate keys are logged.
func TestCanonicalCorpus(t *testing.T) {
	files := corpusFiles(t, "specs", "bad")
	for _, f := range files {
		name := filepath.Base(f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		format := source.DetectFormat(data)
		out, diags, err := Canonical(f, data, format, source.Limits{})
		var le *source.LimitError
		switch {
		case errors.As(err, &le):
			t.Logf("REFUSED %s: %v", name, err)
			continue
		case err != nil:
			t.Errorf("%s: %v", name, err)
			continue
		case len(diags) > 0:
			t.Logf("NOT FORMATTED %s: %s", name, diags[0])
			continue
		}
		in, _, _ := source.Parse(f, data, source.Limits{})
		back, _, err := source.Parse(f, out, source.Limits{})
		if err != nil {
			t.Errorf("%s: output does not parse: %v", name, err)
			continue
		}
		if ok, why := tree.Equal(in, back, tree.Options{IgnoreStyle: format == source.JSON}); !ok {
			t.Errorf("%s: output parses to another tree: %s", name, why)
		}
		again, _, err := Canonical(f, out, format, source.Limits{})
		if err != nil || string(again) != string(out) {
			t.Errorf("%s: fmt is not idempotent (%v)", name, err)
		}
	}
}
