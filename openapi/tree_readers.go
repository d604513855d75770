package openapi

import (
	"github.com/apigw/apigw/extensions"
	"go.yaml.in/yaml/v4"
)

// Raw-tree readers that convert and write still call. The checks read the
// resolved document model instead.

// lookupPointer returns the node at the JSON pointer ptr below root, or nil
// (extensions.NodeAt).
func lookupPointer(root *yaml.Node, ptr string) *yaml.Node { return extensions.NodeAt(root, ptr) }

// pairs calls f for each key and value of the mapping n (aliases followed).
func pairs(n *yaml.Node, f func(k, v *yaml.Node)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		f(n.Content[i], deref(n.Content[i+1]))
	}
}
