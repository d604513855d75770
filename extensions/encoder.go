package extensions

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// encField is one known key and its encoded value; a nil val leaves the key out.
type encField struct {
	key string
	val *yaml.Node
}

// lookupKey returns the key node for key in mapping m, or nil.
func lookupKey(m *yaml.Node, key string) *yaml.Node {
	m = source.Resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := len(m.Content) - 2; i >= 0; i -= 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// encodeObject builds a mapping from the known fields (in canonical order) and
// the unknown keys, keeping orig's key order, key nodes and comments: keys of
// orig come first in orig's order, then new known keys, then new unknown keys.
func encodeObject(orig *yaml.Node, fields []encField, unknown Map[*yaml.Node]) *yaml.Node {
	src := source.Resolve(orig)
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	copyLayout(out, src)
	done := map[string]bool{}
	emit := func(key string, val *yaml.Node) {
		k := lookupKey(src, key)
		if k == nil {
			k = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
		}
		out.Content = append(out.Content, k, val)
		done[key] = true
	}
	if src != nil && src.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(src.Content); i += 2 {
			key := src.Content[i].Value
			if done[key] {
				continue
			}
			if f := findEncField(fields, key); f != nil {
				if f.val != nil {
					emit(key, f.val)
				}
				done[key] = true
				continue
			}
			if v, ok := unknown.Get(key); ok {
				emit(key, v)
			}
			done[key] = true
		}
	}
	for _, f := range fields {
		if !done[f.key] && f.val != nil {
			emit(f.key, f.val)
		}
	}
	for _, p := range unknown {
		if !done[p.Key] {
			emit(p.Key, p.Value)
		}
	}
	return out
}

func findEncField(fields []encField, key string) *encField {
	for i := range fields {
		if fields[i].key == key {
			return &fields[i]
		}
	}
	return nil
}

// strNode returns a new plain string scalar.
func strNode(v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
}

// encStr encodes s, reusing orig when it already says the same thing, so
// that scalars keep their style, tag and spelling. A zero s is left out.
func encStr(orig *yaml.Node, s Str) *yaml.Node {
	if orig != nil {
		var q decoder
		if equalStr(q.str(orig, "", ""), s) && len(q.Diags) == 0 {
			return orig
		}
	}
	if s.IsZero() {
		return nil
	}
	if s.Fn != "" && s.Args != nil {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{strNode(s.Fn), s.Args}}
	}
	return keepComments(strNode(s.Value), orig)
}

// encPlain encodes a literal string such as an enum value; "" is left out.
func encPlain(orig *yaml.Node, s string) *yaml.Node {
	if r := source.Resolve(orig); r != nil && r.Kind == yaml.ScalarNode && r.Value == s && r.Tag != "!!null" {
		return orig
	}
	if s == "" {
		return nil
	}
	return keepComments(strNode(s), orig)
}

// encInt encodes an optional integer, reusing orig when it holds the same number.
func encInt(orig *yaml.Node, v *int) *yaml.Node {
	if v == nil {
		return nil
	}
	if r := source.Resolve(orig); r != nil && r.Kind == yaml.ScalarNode {
		// As the decoder reads it: "29000 " is 29000 too.
		if i, err := strconv.Atoi(strings.TrimSpace(r.Value)); err == nil && i == *v {
			return orig
		}
	}
	return keepComments(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(*v)}, orig)
}

// encBool encodes an optional boolean, reusing orig when it holds the same value.
func encBool(orig *yaml.Node, v *bool) *yaml.Node {
	if v == nil {
		return nil
	}
	var q decoder
	if orig != nil {
		if b := q.boolean(orig, "", ""); b != nil && *b == *v {
			return orig
		}
	}
	return keepComments(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(*v)}, orig)
}

// encStrList encodes a list of strings, reusing orig's item nodes by position.
func encStrList(orig *yaml.Node, vs []Str) *yaml.Node {
	if vs == nil {
		return nil
	}
	src := source.Resolve(orig)
	out := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	copyLayout(out, src)
	for i, v := range vs {
		var o *yaml.Node
		if src != nil && src.Kind == yaml.SequenceNode && i < len(src.Content) {
			o = src.Content[i]
		}
		n := encStr(o, v)
		switch {
		case n == nil && o != nil:
			// An item that could not be decoded (null, a list) comes back as written.
			n = o
		case n == nil:
			n = strNode("")
		}
		out.Content = append(out.Content, n)
	}
	return out
}

// encStrMap encodes an ordered string map, reusing orig's key and value nodes.
func encStrMap(orig *yaml.Node, m Map[Str]) *yaml.Node {
	if m == nil {
		return nil
	}
	fields := make([]encField, 0, len(m))
	for _, p := range m {
		n := encStr(source.Lookup(orig, p.Key), p.Value)
		if n == nil {
			n = strNode("")
		}
		fields = append(fields, encField{p.Key, n})
	}
	return encodeObject(orig, fields, nil)
}

// copyLayout copies style, anchor, comments and position from src to dst.
func copyLayout(dst, src *yaml.Node) {
	if src == nil || src.Kind != dst.Kind {
		return
	}
	dst.Style, dst.Anchor = src.Style, src.Anchor
	if src.Tag != "" {
		dst.Tag = src.Tag // a tag written on the object ("!", "!Custom") stays
	}
	dst.HeadComment, dst.LineComment, dst.FootComment = src.HeadComment, src.LineComment, src.FootComment
	dst.Line, dst.Column = src.Line, src.Column
}

// keepComments gives a new scalar the comments of the scalar it replaces, so
// that changing a value keeps "timeoutInMillis: 10000 # why" commented.
func keepComments(n, orig *yaml.Node) *yaml.Node {
	if orig != nil && orig.Kind == yaml.ScalarNode {
		n.HeadComment, n.LineComment, n.FootComment = orig.HeadComment, orig.LineComment, orig.FootComment
	}
	return n
}
