package source

import "go.yaml.in/yaml/v4"

// Helpers to read a source tree, for every package that walks one.

// Get returns the value stored under key in mapping n, aliases followed, or nil.
func Get(n *yaml.Node, key string) *yaml.Node {
	return Resolve(Lookup(n, key))
}

// Pairs calls fn with each key and value (aliases followed) of mapping n, in
// document order; nothing when n is not a mapping.
func Pairs(n *yaml.Node, fn func(key string, v *yaml.Node)) {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i].Value, Resolve(n.Content[i+1]))
	}
}

// Items returns the elements (aliases followed) of sequence n, or nil.
func Items(n *yaml.Node) []*yaml.Node {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = Resolve(c)
	}
	return out
}

// Scalar returns the text of scalar n (aliases followed), or "" for anything else.
func Scalar(n *yaml.Node) string {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// IsTrue tells whether n is the boolean true, by one rule for every reader:
// YAML's true, True or TRUE (JSON has only true). The same words in quotes
// count too, as API Gateway's import reads a quoted "true" as true.
func IsTrue(n *yaml.Node) bool {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return false
	}
	switch n.Value {
	case "true", "True", "TRUE":
		return n.Tag == "" || n.Tag == "!!bool" || n.Tag == "!!str"
	}
	return false
}

// Entry returns the key node and the value (aliases followed) stored under
// key in mapping n, or nils; the last when the key is written twice.
func Entry(n *yaml.Node, key string) (k, v *yaml.Node) {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := len(n.Content) - 2; i >= 0; i -= 2 {
		if n.Content[i].Value == key {
			return n.Content[i], Resolve(n.Content[i+1])
		}
	}
	return nil, nil
}

// Entries calls fn with each key node and value (aliases followed) of
// mapping n, in document order; nothing when n is not a mapping. Use it
// where the key's position matters; Pairs otherwise.
func Entries(n *yaml.Node, fn func(k, v *yaml.Node)) {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], Resolve(n.Content[i+1]))
	}
}
