package openapi

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"go.yaml.in/yaml/v4"
)

// NodeAt returns the node that the RFC 6901 JSON pointer names below root,
// or nil when there is none. Aliases are followed, a document node is
// unwrapped, "~1" and "~0" in a token stand for "/" and "~", keys merged in
// with YAML's "<<" are found, and "" names root itself.
func NodeAt(root *yaml.Node, pointer string) *yaml.Node {
	n, rest := nearestNode(root, pointer)
	if rest != "" {
		return nil
	}
	return n
}

// nearestNode walks pointer from root as far as it goes and returns the
// deepest node found, with the part of pointer it could not follow ("" when
// all of it was found). A pointer that does not start with "/" finds root.
func nearestNode(root *yaml.Node, pointer string) (*yaml.Node, string) {
	n := extensions.Resolve(root)
	if n == nil || pointer == "" {
		return n, ""
	}
	if pointer[0] != '/' {
		return n, pointer
	}
	rest := pointer
	for rest != "" {
		token, next := rest[1:], ""
		if i := strings.IndexByte(token, '/'); i >= 0 {
			token, next = token[:i], token[i:]
		}
		child := childNode(n, unescapePointerToken(token))
		if child == nil {
			return n, rest
		}
		n, rest = child, next
	}
	return n, ""
}

// childNode returns the value under key in a mapping, or the element at the
// index key in a sequence, following aliases.
func childNode(n *yaml.Node, key string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := extensions.Resolve(n.Content[i])
			if k != nil && k.Kind == yaml.ScalarNode && k.Value == key && !isMergeKey(k) {
				return extensions.Resolve(n.Content[i+1])
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if isMergeKey(n.Content[i]) {
				if v := mergedChild(extensions.Resolve(n.Content[i+1]), key); v != nil {
					return v
				}
			}
		}
	case yaml.SequenceNode:
		i, err := strconv.Atoi(key)
		if err != nil || i < 0 || i >= len(n.Content) || (len(key) > 1 && key[0] == '0') {
			return nil
		}
		return extensions.Resolve(n.Content[i])
	}
	return nil
}

// mergedChild looks key up in the mapping (or list of mappings) of a merge key.
func mergedChild(m *yaml.Node, key string) *yaml.Node {
	if m == nil {
		return nil
	}
	if m.Kind == yaml.SequenceNode {
		for _, e := range m.Content {
			if v := mergedChild(extensions.Resolve(e), key); v != nil {
				return v
			}
		}
		return nil
	}
	if m.Kind != yaml.MappingNode {
		return nil
	}
	return childNode(m, key)
}

// unescapePointerToken undoes RFC 6901 escaping: "~1" is "/", "~0" is "~".
func unescapePointerToken(t string) string {
	if !strings.Contains(t, "~") {
		return t
	}
	return strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
}

// escapePointerToken escapes "~" and "/" for use in a JSON pointer.
func escapePointerToken(t string) string {
	if !strings.ContainsAny(t, "~/") {
		return t
	}
	return strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
}

// joinPointer appends tokens, escaped, to the pointer ptr.
func joinPointer(ptr string, tokens ...string) string {
	var b strings.Builder
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapePointerToken(t))
	}
	return b.String()
}
