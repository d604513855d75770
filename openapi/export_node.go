package openapi

import (
	"encoding/json"
	"strconv"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// obj builds a mapping node; nil values are left out.
type obj struct {
	n *yaml.Node
	// at indexes the keys of a mapping grown past indexFrom entries
	// (paths, schemas), so that building one stays linear.
	at map[string]int
}

// indexFrom is the number of entries from which set looks keys up in an index.
const indexFrom = 32

func newMap() *obj { return &obj{n: &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap}} }

func (o *obj) set(key string, v *yaml.Node) *obj {
	if v == nil {
		return o
	}
	if i := o.find(key); i >= 0 {
		o.n.Content[i+1] = v
		return o
	}
	o.n.Content = append(o.n.Content, strScalar(key), v)
	if o.at != nil {
		o.at[key] = len(o.n.Content) - 2
	}
	return o
}

// find returns the index in Content of key's first entry, or -1.
func (o *obj) find(key string) int {
	c := o.n.Content
	if len(c) < 2*indexFrom {
		for i := 0; i+1 < len(c); i += 2 {
			if c[i].Value == key {
				return i
			}
		}
		return -1
	}
	if o.at == nil || len(o.at) != len(c)/2 {
		o.at = make(map[string]int, len(c)/2)
		for i := len(c) - 2; i >= 0; i -= 2 {
			o.at[c[i].Value] = i
		}
	}
	if i, ok := o.at[key]; ok && c[i].Value == key {
		return i
	}
	return -1
}

func (o *obj) node() *yaml.Node { return o.n }

// empty tells whether the mapping has no keys.
func (o *obj) empty() bool { return len(o.n.Content) == 0 }

func strScalar(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: s}
}

func boolScalar(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagBool, Value: strconv.FormatBool(b)}
}

func intScalar(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagInt, Value: strconv.Itoa(i)}
}

func strSeq(ss []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq}
	for _, s := range ss {
		n.Content = append(n.Content, strScalar(s))
	}
	return n
}

// jsonNode parses JSON text into a node tree, keeping key order; ok is false
// when the text is not JSON.
func jsonNode(text string) (*yaml.Node, bool) {
	if !json.Valid([]byte(text)) {
		return nil, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil || len(doc.Content) == 0 {
		return nil, false
	}
	clearStyle(doc.Content[0])
	return doc.Content[0], true
}

// clearStyle drops flow and quoting styles taken from JSON text, so the
// writers choose the style of the output format.
func clearStyle(n *yaml.Node) {
	n.Style = 0
	n.Line, n.Column = 0, 0
	for _, c := range n.Content {
		clearStyle(c)
	}
}

// reorder puts the keys of mapping n in the given order first, the others after, as they were.
func reorder(n *yaml.Node, order []string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return n
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: n.Tag, Style: n.Style}
	used := make([]bool, len(n.Content)/2)
	for _, k := range order {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !used[i/2] && n.Content[i].Value == k {
				out.Content = append(out.Content, n.Content[i], n.Content[i+1])
				used[i/2] = true
			}
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !used[i/2] {
			out.Content = append(out.Content, n.Content[i], n.Content[i+1])
		}
	}
	return out
}
