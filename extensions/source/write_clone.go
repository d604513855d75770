package source

import "go.yaml.in/yaml/v4"

// Clone deep-copies a node tree, keeping aliases pointing at the copies
// of their anchors. The writers work on a copy because yaml v4's encoder
// rewrites the tags of the tree it is given.
//
// Only anchored nodes (the ones aliases point at) are copied once however
// often they are reached; any other node reached twice is copied twice. The
// copies are allocated in blocks.
func Clone(root *yaml.Node) *yaml.Node {
	var seen map[*yaml.Node]*yaml.Node
	var block []yaml.Node
	var clone func(n *yaml.Node) *yaml.Node
	clone = func(n *yaml.Node) *yaml.Node {
		if n == nil {
			return nil
		}
		if n.Anchor != "" {
			if c, ok := seen[n]; ok {
				return c
			}
		}
		if len(block) == cap(block) {
			block = make([]yaml.Node, 0, min(max(2*cap(block), 64), 4096))
		}
		block = append(block, *n)
		c := &block[len(block)-1]
		if n.Anchor != "" {
			if seen == nil {
				seen = map[*yaml.Node]*yaml.Node{}
			}
			seen[n] = c
		}
		if n.Content != nil {
			c.Content = make([]*yaml.Node, len(n.Content))
			for i, child := range n.Content {
				c.Content[i] = clone(child)
			}
		}
		c.Alias = clone(n.Alias)
		return c
	}
	return clone(root)
}
