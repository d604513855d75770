package openapi

import (
	"errors"
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// fileText is the text a document was loaded from and the changes made to
// it; the documents of one template share it.
type fileText struct {
	data         []byte
	limits       source.Limits // those data was read within
	templateFile bool
	edits        []source.Edit
}

// SetExtension changes the value of an extension: v.Encode() replaces the
// value of e's key in the source tree, and the change is recorded so that
// Text writes it into the file's text, where only the bytes of what changed
// differ. e is one of d.Extensions() (or of an operation's; look it up by
// name, as Operation.Integration does); it and the document's record are
// updated to the new node and value.
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
		if d.text != nil {
			d.text.edits = append(d.text.edits, source.Edit{Pointer: e.Pointer, Value: source.Clone(n)})
		}
		return nil
	}
	return fmt.Errorf("set extension: the key of %s is no longer in the document", e.Pointer)
}

// Text returns the text of the file the document was loaded from, with the
// changes made through SetExtension (on this document, or on another API of
// the same template) spliced in: every byte outside the changed values stays
// as it was, comments, quoting, flow style and blank lines included (see
// source.Splice). Without changes it is the file as read.
func (d *Document) Text() ([]byte, error) {
	switch {
	case d.text == nil:
		return nil, errors.New("text: the document was not loaded from a file")
	case len(d.text.edits) == 0:
		return d.text.data, nil
	case d.text.templateFile:
		return nil, errors.New("text: changes cannot be written into a templatefile input (.tpl); write the tree with source.WriteYAML")
	}
	return source.SpliceWithin(d.text.limits, d.text.data, d.text.edits...)
}
