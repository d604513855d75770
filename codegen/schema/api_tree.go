package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/openapi"
	"go.yaml.in/yaml/v4"
)

// deref follows aliases and document nodes to the value.
func deref(n *yaml.Node) *yaml.Node {
	for range 64 {
		switch {
		case n == nil:
			return nil
		case n.Kind == yaml.AliasNode:
			n = n.Alias
		case n.Kind == yaml.DocumentNode && len(n.Content) > 0:
			n = n.Content[0]
		default:
			return n
		}
	}
	return nil
}

// get returns the value of key in the mapping n, or nil.
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

// pairs calls f with each key and value of the mapping n, in order.
func pairs(n *yaml.Node, f func(k string, v *yaml.Node)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		f(n.Content[i].Value, deref(n.Content[i+1]))
	}
}

// items returns the elements of the sequence n, or nil.
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

// str returns the text of a string scalar, and false for anything else.
func str(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return "", false
	}
	return n.Value, true
}

// scalarText returns the text of any scalar, "" otherwise.
func scalarText(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// rawJSON renders a node as compact JSON, key order kept.
func rawJSON(n *yaml.Node) (json.RawMessage, error) {
	b, err := openapi.WriteJSON(n)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return nil, err
	}
	return json.RawMessage(buf.Bytes()), nil
}

// orderedStrings renders an ordered map of strings as a JSON object, keys in order.
func orderedStrings(m extensions.Map[extensions.Str]) json.RawMessage {
	var b strings.Builder
	b.WriteByte('{')
	for i, p := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.Key)
		v, _ := json.Marshal(p.Value.String())
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return json.RawMessage(b.String())
}

// diagSet collects diagnostics once each: a component used by several
// operations is converted for each of them but reported once.
type diagSet struct {
	doc  *openapi.Document
	seen map[string]bool
	list []extensions.Diagnostic
}

func (d *diagSet) add(sev extensions.Severity, code string, n *yaml.Node, rel, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := code + "\x00" + rel + "\x00" + msg
	if d.seen[key] {
		return
	}
	d.seen[key] = true
	dg := extensions.Diagnostic{Severity: sev, Code: code, Pointer: d.doc.PointerTo(rel), File: d.doc.File, Message: msg}
	if n != nil {
		dg.Line, dg.Column = n.Line, n.Column
	}
	d.list = append(d.list, dg)
}

// escapePointer escapes one JSON pointer token.
func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}
