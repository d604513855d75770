package extensions

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/tree"
	"go.yaml.in/yaml/v4"
)

// parse reads YAML text into its value node.
func parse(t *testing.T, text string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("parse %q: %v", text, err)
	}
	return doc.Content[0]
}

// decodeText decodes an extension written as YAML text.
func decodeText(t *testing.T, name, text string) (Value, []diag.Diagnostic) {
	t.Helper()
	return Decode(name, parse(t, text), "/"+name)
}

// assertRoundTrip checks that decode → encode gives the same ordered tree.
func assertRoundTrip(t *testing.T, name, text string) Value {
	t.Helper()
	n := parse(t, text)
	v, _ := Decode(name, n, "")
	if v == nil {
		t.Fatalf("%s: no value", name)
	}
	if ok, why := tree.Equal(n, v.Encode(), tree.Options{}); !ok {
		t.Fatalf("%s: round trip differs: %s", name, why)
	}
	return v
}

// codes lists the codes of ds with their severities, for compact assertions.
func codes(ds []diag.Diagnostic) string {
	var b []string
	for _, d := range ds {
		b = append(b, d.Severity.String()+":"+string(d.Code))
	}
	return strings.Join(b, ",")
}
