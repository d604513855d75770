package openapi

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/apigw/apigw/extensions"
	"go.yaml.in/yaml/v4"
)

// get returns the value under key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	_, v := mapGet(n, key)
	return v
}

// scalars returns the scalar items of sequence n.
func scalars(n *yaml.Node) []string {
	var out []string
	for _, e := range extensions.Items(n) {
		if e.Kind == yaml.ScalarNode {
			out = append(out, e.Value)
		}
	}
	return out
}

// isTrue tells whether n is the boolean true (or the string "true").
func isTrue(n *yaml.Node) bool {
	n = deref(n)
	return n != nil && n.Kind == yaml.ScalarNode && strings.EqualFold(n.Value, "true")
}

// localRef resolves a local $ref ("#/definitions/Pet") against root; it
// returns nil when ref is not local or names nothing.
func localRef(root *yaml.Node, ref string) *yaml.Node {
	p, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil
	}
	n := deref(root)
	if p == "" {
		return n
	}
	for _, part := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		part = strings.NewReplacer("~1", "/", "~0", "~").Replace(part)
		switch n.Kind {
		case yaml.MappingNode:
			n = get(n, part)
		case yaml.SequenceNode:
			var next *yaml.Node
			for i, e := range n.Content {
				if posText(i) == part {
					next = deref(e)
				}
			}
			n = next
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}

func posText(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// follow resolves n when it is {$ref: local}, up to a few hops; it returns n
// itself otherwise.
func follow(root, n *yaml.Node) *yaml.Node {
	for range 8 {
		ref := extensions.Scalar(get(n, "$ref"))
		if ref == "" {
			return n
		}
		t := localRef(root, ref)
		if t == nil {
			return n
		}
		n = t
	}
	return n
}

// compactJSON renders a node tree as compact JSON, keeping key order; each
// string passes through rewrite when it is the value of a "$ref" key.
func compactJSON(n *yaml.Node, rewrite func(string) string) string {
	var buf bytes.Buffer
	writeCompact(&buf, n, rewrite, false)
	return buf.String()
}

func writeCompact(buf *bytes.Buffer, n *yaml.Node, rewrite func(string) string, isRef bool) {
	n = deref(n)
	switch {
	case n == nil:
		buf.WriteString("null")
	case n.Kind == yaml.DocumentNode && len(n.Content) > 0:
		writeCompact(buf, n.Content[0], rewrite, false)
	case n.Kind == yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString(jsonQuote(n.Content[i].Value))
			buf.WriteByte(':')
			writeCompact(buf, n.Content[i+1], rewrite, n.Content[i].Value == "$ref")
		}
		buf.WriteByte('}')
	case n.Kind == yaml.SequenceNode:
		buf.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeCompact(buf, e, rewrite, false)
		}
		buf.WriteByte(']')
	default:
		switch scalarTag(n) {
		case tagNull:
			buf.WriteString("null")
		case tagBool:
			buf.WriteString(strings.ToLower(n.Value))
		case tagInt, tagFloat:
			if json.Valid([]byte(n.Value)) {
				buf.WriteString(n.Value)
				return
			}
			fallthrough
		default:
			v := n.Value
			if isRef && rewrite != nil {
				v = rewrite(v)
			}
			buf.WriteString(jsonQuote(v))
		}
	}
}

// jsonQuote returns s as a JSON string, without HTML escaping.
func jsonQuote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
