package goclient

import (
	"strings"

	"go.yaml.in/yaml/v4"
)

// deref follows YAML aliases and unwraps document nodes.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && i < 100; i++ {
		switch n.Kind {
		case yaml.AliasNode:
			n = n.Alias
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		default:
			return n
		}
	}
	return n
}

// get returns the value of key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return deref(n.Content[i+1])
		}
	}
	return nil
}

// scalar returns a scalar's value, or "".
func scalar(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// isTrue reports whether n is the boolean true.
func isTrue(n *yaml.Node) bool { return scalar(n) == "true" }

// pairs calls fn for each key and value of mapping n, in document order.
func pairs(n *yaml.Node, fn func(k string, v *yaml.Node)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i].Value, deref(n.Content[i+1]))
	}
}

// items returns the elements of sequence n.
func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = deref(c)
	}
	return out
}

// strs returns the scalar elements of sequence n.
func strs(n *yaml.Node) []string {
	var out []string
	for _, c := range items(n) {
		if c.Kind == yaml.ScalarNode {
			out = append(out, c.Value)
		}
	}
	return out
}

// escape escapes one JSON pointer token.
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// unescape undoes escape.
func unescape(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
}

// at follows a JSON pointer fragment ("/components/schemas/Pet") from root.
func at(root *yaml.Node, frag string) *yaml.Node {
	n := deref(root)
	if frag == "" {
		return n
	}
	if !strings.HasPrefix(frag, "/") {
		return nil
	}
	for _, tok := range strings.Split(frag[1:], "/") {
		tok = unescape(tok)
		n = deref(n)
		switch {
		case n == nil:
			return nil
		case n.Kind == yaml.MappingNode:
			n = get(n, tok)
		case n.Kind == yaml.SequenceNode:
			i := 0
			for _, c := range tok {
				if c < '0' || c > '9' {
					return nil
				}
				i = i*10 + int(c-'0')
				if i > len(n.Content) {
					return nil
				}
			}
			if tok == "" || i >= len(n.Content) {
				return nil
			}
			n = deref(n.Content[i])
		default:
			return nil
		}
	}
	return n
}
