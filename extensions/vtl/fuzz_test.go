package vtl

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics and that rendering whatever
// parses ends, within small limits, with an output or an *Error.
// Seeds: the construct cases and the corpus's templates.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/constructs.txt"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(l, "%% ") {
				f.Add(l)
			}
		}
	}
	for _, s := range corpusTemplates(f, filepath.Join("..", "..", "..", "shared", "corpus", "specs")) {
		f.Add(s)
	}
	in := Input{
		Body:    `{"a": [1, "x", {"b": null}], "s": "é\n\"", "n": 2.5}`,
		Query:   []Param{{"q", "v"}},
		Context: nil,
	}
	opts := Options{MaxSteps: 20_000, MaxIterations: 1_000, MaxOutput: 1 << 16, MaxDepth: 30}
	f.Fuzz(func(t *testing.T, src string) {
		tpl, err := Parse("f.vm", src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 || e.Column < 1 || e.Offset < 0 || e.Offset > len(sanitize(src)) {
				t.Fatalf("Parse(%q): %#v", src, err)
			}
			return
		}
		out, err := tpl.Render(in, opts)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Render(%q): %v is not a *vtl.Error", src, err)
			}
			return
		}
		if len(out.Body) > opts.MaxOutput {
			t.Fatalf("Render(%q): %d bytes, past MaxOutput", src, len(out.Body))
		}
		_ = tpl.Reads()
	})
}
