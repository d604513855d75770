package tree

import (
	"testing"

	"go.yaml.in/yaml/v4"
)

// Load parses YAML or JSON text into a node tree with yaml v4.
func Load(t testing.TB, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Load([]byte(src), &n); err != nil {
		t.Fatalf("load: %v\n%s", err, src)
	}
	return &n
}

// AssertYAMLRoundTrip checks that out, which write made from in, loads back
// to in's tree with its scalar styles, and that writing it again gives the
// same bytes.
func AssertYAMLRoundTrip(t testing.TB, in *yaml.Node, out []byte, write func(*yaml.Node) ([]byte, error)) {
	t.Helper()
	back := Load(t, string(out))
	if ok, why := Equal(in, back, Options{}); !ok {
		t.Errorf("output does not load to the input tree: %s\n%s", why, out)
	}
	again, err := write(back)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(out) {
		t.Errorf("not idempotent:\n%s\nthen:\n%s", out, again)
	}
}
