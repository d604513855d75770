package goclient

import (
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// isTrue reports whether n is the boolean true.
func isTrue(n *yaml.Node) bool { return source.Scalar(n) == "true" }

// strs returns the scalar elements of sequence n.
func strs(n *yaml.Node) []string {
	var out []string
	for _, c := range source.Items(n) {
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
	n := source.Resolve(root)
	if frag == "" {
		return n
	}
	if !strings.HasPrefix(frag, "/") {
		return nil
	}
	for _, tok := range strings.Split(frag[1:], "/") {
		tok = unescape(tok)
		n = source.Resolve(n)
		switch {
		case n == nil:
			return nil
		case n.Kind == yaml.MappingNode:
			n = source.Get(n, tok)
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
			n = source.Resolve(n.Content[i])
		default:
			return nil
		}
	}
	return n
}
