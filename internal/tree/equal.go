// Package tree compares YAML node trees, for round-trip tests.
package tree

import (
	"fmt"

	"go.yaml.in/yaml/v4"
)

// Options say what Equal ignores.
type Options struct {
	// IgnoreStyle ignores quoting and flow/block style, for JSON↔YAML comparisons.
	IgnoreStyle bool
}

// Equal reports whether a and b hold the same ordered tree: same keys in the
// same order, same scalars as written (text and tag). The string describes the
// first difference.
func Equal(a, b *yaml.Node, o Options) (bool, string) {
	return equal(a, b, "", o)
}

func equal(a, b *yaml.Node, path string, o Options) (bool, string) {
	a, b = deref(a), deref(b)
	if a == nil || b == nil {
		if a == b {
			return true, ""
		}
		return false, fmt.Sprintf("%s: one side missing", path)
	}
	if a.Kind != b.Kind {
		return false, fmt.Sprintf("%s: kind %v vs %v (line %d vs %d)", path, a.Kind, b.Kind, a.Line, b.Line)
	}
	if a.Kind == yaml.ScalarNode {
		if a.Value != b.Value || a.ShortTag() != b.ShortTag() {
			return false, fmt.Sprintf("%s: scalar %q (%s) vs %q (%s) (line %d vs %d)", path, a.Value, a.ShortTag(), b.Value, b.ShortTag(), a.Line, b.Line)
		}
		if !o.IgnoreStyle && a.Style != b.Style {
			return false, fmt.Sprintf("%s: style %v vs %v", path, a.Style, b.Style)
		}
		return true, ""
	}
	if a.Tag != b.Tag && (isCustomTag(a.Tag) || isCustomTag(b.Tag)) {
		return false, fmt.Sprintf("%s: tag %q vs %q", path, a.Tag, b.Tag)
	}
	if len(a.Content) != len(b.Content) {
		return false, fmt.Sprintf("%s: %d vs %d children (line %d vs %d)", path, len(a.Content), len(b.Content), a.Line, b.Line)
	}
	for i := range a.Content {
		p := fmt.Sprintf("%s/%d", path, i)
		if a.Kind == yaml.MappingNode {
			p = path + "/" + a.Content[i-i%2].Value
		}
		if ok, why := equal(a.Content[i], b.Content[i], p, o); !ok {
			return false, why
		}
	}
	return true, ""
}

func isCustomTag(t string) bool { return t != "" && t[0] == '!' && (len(t) < 2 || t[1] != '!') }

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return deref(n.Content[0])
	}
	return n
}
