package openapi

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// SetExtension writes a changed extension value back into the source tree:
// v.Encode() replaces the value of e's key, in place, so everything else in
// the file (key order, comments, other values, how scalars are written) stays
// as it was, and WriteYAML or WriteJSON of d.Tree writes the change. e is
// one of d.Extensions() (or of an operation's); it and the document's record
// are updated to the new node and value.
func (d *Document) SetExtension(e *Extension, v extensions.Value) error {
	if e == nil || e.Key == nil || v == nil {
		return fmt.Errorf("set extension: nothing to set")
	}
	if v.Extension() != e.Name {
		return fmt.Errorf("set extension: a %s value cannot be stored under %s", v.Extension(), e.Name)
	}
	parentPtr := e.Pointer[:strings.LastIndexByte(e.Pointer, '/')]
	parent := source.NodeAt(d.Tree.Content[0], parentPtr)
	if parent == nil || parent.Kind != yaml.MappingNode {
		return fmt.Errorf("set extension: %s is no longer in the document", e.Pointer)
	}
	for i := 0; i+1 < len(parent.Content); i += 2 {
		if parent.Content[i] != e.Key {
			continue
		}
		n := v.Encode()
		old := parent.Content[i+1]
		if n != old && n.HeadComment == "" && n.LineComment == "" && n.FootComment == "" {
			n.HeadComment, n.LineComment, n.FootComment = old.HeadComment, old.LineComment, old.FootComment
		}
		parent.Content[i+1] = n
		for j := range d.exts {
			if d.exts[j].Key == e.Key {
				d.exts[j].Node, d.exts[j].Value = n, v
			}
		}
		e.Node, e.Value = n, v
		return nil
	}
	return fmt.Errorf("set extension: the key of %s is no longer in the document", e.Pointer)
}
