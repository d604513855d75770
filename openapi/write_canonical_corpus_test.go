package openapi

import (
	"strings"

	"errors"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v4"

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

// TestCanonicalCorpusKeepsCommentsAndBlankLines formats every corpus YAML
// file as apigw fmt does and reads, above each top-level key and each key one
// level below (sections, resources), the comment lines directly above it and
// whether a blank line stands above those: both are the same in the output,
// so banners stay before their resource and sections stay apart.
func TestCanonicalCorpusKeepsCommentsAndBlankLines(t *testing.T) {
	checked, withComments, withBlanks := 0, 0, 0
	for _, f := range corpusFiles(t, "specs", "bad") {
		name := filepath.Base(f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if source.DetectFormat(data) != source.YAML {
			continue
		}
		out, diags, err := Canonical(f, data, source.YAML, source.Limits{})
		if err != nil || len(diags) > 0 {
			continue
		}
		in, _, _ := source.Parse(f, data, source.Limits{})
		back, _, _ := source.Parse(f, out, source.Limits{})
		before, after := keyTrivia(string(data), in), keyTrivia(string(out), back)
		for ptr, want := range before {
			got, ok := after[ptr]
			if !ok {
				continue
			}
			if got != want {
				t.Errorf("%s: above %s: %+v became %+v", name, ptr, want, got)
			}
			if want.comments != "" {
				withComments++
			}
			if want.blank {
				withBlanks++
			}
		}
		checked++
	}
	t.Logf("%d files: %d keys with comments above, %d with a blank line above", checked, withComments, withBlanks)
}

// aboveKey is what stands directly above a key's line.
type aboveKey struct {
	comments string // the comment lines, trimmed
	blank    bool   // a blank line above them
}

// keyTrivia reads what stands above the keys of the root mapping and of the
// block mappings that are its values, by pointer; keys that do not start
// their line are left out.
func keyTrivia(text string, doc *yaml.Node) map[string]aboveKey {
	lines := strings.Split(text, "\n")
	out := map[string]aboveKey{}
	var visit func(m *yaml.Node, ptr string, depth int)
	visit = func(m *yaml.Node, ptr string, depth int) {
		if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 {
			return
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i]
			p := source.Pointer(ptr, k.Value)
			if line := lines[k.Line-1]; strings.TrimLeft(line, " ") != line[k.Column-1:] {
				continue
			}
			var a aboveKey
			var cs []string
			l := k.Line - 2
			for ; l >= 0 && strings.HasPrefix(strings.TrimSpace(lines[l]), "#"); l-- {
				cs = append([]string{strings.TrimSpace(lines[l])}, cs...)
			}
			a.comments = strings.Join(cs, "\n")
			a.blank = l >= 0 && strings.TrimSpace(lines[l]) == ""
			out[p] = a
			if depth == 0 {
				visit(m.Content[i+1], p, 1)
			}
		}
	}
	visit(doc.Content[0], "", 0)
	return out
}
