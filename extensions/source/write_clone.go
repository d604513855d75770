package source

import "go.yaml.in/yaml/v4"

// Clone deep-copies a node tree, keeping aliases pointing at the copies
// of their anchors. The writers work on a copy because yaml v4's encoder
// rewrites the tags of the tree it is given.
func Clone(root *yaml.Node) *yaml.Node {
	seen := map[*yaml.Node]*yaml.Node{}
	var clone func(n *yaml.Node) *yaml.Node
	clone = func(n *yaml.Node) *yaml.Node {
		if n == nil {
			return nil
		}
		if c, ok := seen[n]; ok {
			return c
		}
		c := *n
		seen[n] = &c
		if n.Content != nil {
			c.Content = make([]*yaml.Node, len(n.Content))
			for i, child := range n.Content {
				c.Content[i] = clone(child)
			}
		}
		c.Alias = clone(n.Alias)
		return &c
	}
	return clone(root)
}
