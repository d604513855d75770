package schema

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// site is one extension value found in a corpus document.
type site struct {
	name, ptr string
	node      *yaml.Node
}

// findExtensions returns every value stored under an x-amazon-apigateway-* key.
func findExtensions(n *yaml.Node, ptr string, out []site) []site {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			out = findExtensions(c, ptr, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			p := source.Pointer(ptr, k)
			if strings.HasPrefix(k, "x-amazon-apigateway-") {
				out = append(out, site{k, p, v})
			}
			out = findExtensions(v, p, out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			out = findExtensions(c, ptr+"/"+strconv.Itoa(i), out)
		}
	}
	return out
}

// TestCorpusAgreement checks that every extension value of the shared corpus
// that the typed checks accept (no warning or error) is accepted by the
// extensions schema too.
func TestCorpusAgreement(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "specs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no corpus: %v", err)
	}
	sch := extensionsSchema(t)
	checked := 0
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || ext != ".json" && ext != ".yaml" && ext != ".yml" {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil {
			continue // not every corpus file is meant to parse
		}
		for _, s := range findExtensions(&doc, "", nil) {
			v, diags := extensions.Decode(s.name, s.node, s.ptr)
			if v == nil || hasFinding(diags) {
				continue
			}
			checked++
			inst := map[string]any{s.name: instance(t, s.node)}
			if err := sch.Validate(inst); err != nil && !stricterByDesign(diags) {
				t.Errorf("%s %s: accepted by the typed checks, refused by the schema:\n%v", e.Name(), s.ptr, err)
			}
		}
	}
	t.Logf("%d extension values checked", checked)
	if checked == 0 {
		t.Error("no extension values found in the corpus")
	}
}

// stricterByDesign tells whether the typed checks warn about a setting that
// can never take effect, which the schema refuses on purpose (see the
// package doc): a template key or binary media type that is no media type
// (never matches a Content-Type), or a mapping value written as a boolean or
// number (import drops the mapping).
func stricterByDesign(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Warning && (d.Code == diag.MediaType || d.Code == diag.WrongType) {
			return true
		}
	}
	return false
}

// hasFinding tells whether the typed checks warn about or refuse a value.
func hasFinding(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity >= diag.Warning {
			return true
		}
	}
	return false
}

func hasError(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}
