package openapi

import (
	"testing"

	"go.yaml.in/yaml/v4"
)

// loadNode parses YAML or JSON text into a node tree with yaml v4.
func loadNode(t testing.TB, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Load([]byte(src), &n); err != nil {
		t.Fatalf("load: %v\n%s", err, src)
	}
	return &n
}
