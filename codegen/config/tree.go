package config

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// obj is a JSON object that keeps its keys in insertion order. Values are
// string, bool, int, float64, []any, *obj, or a target's reference type,
// which lower turns into one of the others before rendering.
type obj struct {
	keys []string
	vals []any
}

func newObj() *obj { return &obj{} }

// set adds key unless v is empty (see normalize).
func (o *obj) set(key string, v any) *obj {
	if v, ok := normalize(v); ok {
		o.keys = append(o.keys, key)
		o.vals = append(o.vals, v)
	}
	return o
}

// put adds key with v, even when v is empty.
func (o *obj) put(key string, v any) *obj {
	o.keys, o.vals = append(o.keys, key), append(o.vals, v)
	return o
}

// normalize returns v in the form trees hold (pointers dereferenced, lists
// as []any, maps as objects in key order), and false when v is empty (nil,
// "", a nil pointer, an empty list, map or object), so that optional
// members the model leaves out stay out of the output.
func normalize(v any) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, false
	case string:
		return v, x != ""
	case *bool:
		if x == nil {
			return nil, false
		}
		return *x, true
	case *int:
		if x == nil {
			return nil, false
		}
		return *x, true
	case *float64:
		if x == nil {
			return nil, false
		}
		return *x, true
	case apimodel.JSONText:
		return string(x), x != ""
	case []string:
		l := make([]any, len(x))
		for i, s := range x {
			l[i] = s
		}
		return l, len(x) > 0
	case []any:
		return v, len(x) > 0
	case map[string]string:
		return sortedObj(x), len(x) > 0
	case map[string]bool:
		return sortedObj(x), len(x) > 0
	case *obj:
		return v, x != nil && len(x.keys) > 0
	case *props:
		return v, x != nil && len(x.list) > 0
	case jsonDoc:
		return v, x != ""
	case policyDoc:
		return v, x != ""
	case tagList:
		return v, x.obj != nil && len(x.keys) > 0
	case statusMappings:
		return v, x.obj != nil && len(x.keys) > 0
	case paramRequired:
		return v, len(x) > 0
	case routeSettings:
		return v, len(x) > 0
	case *apimodel.Intrinsic:
		return v, x != nil
	}
	return v, true
}

// sortedObj returns a map as an object with its keys in order.
func sortedObj[V any](m map[string]V) *obj {
	o := &obj{keys: make([]string, 0, len(m)), vals: make([]any, 0, len(m))}
	for _, k := range apimodel.SortedKeys(m) {
		o.keys, o.vals = append(o.keys, k), append(o.vals, m[k])
	}
	return o
}

// get returns the value under key, or nil.
func (o *obj) get(key string) any {
	for i, k := range o.keys {
		if k == key {
			return o.vals[i]
		}
	}
	return nil
}

// mapValues converts every value of an object with f, keeping key order.
func mapValues(o *obj, f func(any) any) *obj {
	out := &obj{keys: o.keys, vals: make([]any, len(o.vals))}
	for i, v := range o.vals {
		out.vals[i] = f(v)
	}
	return out
}

// lower replaces target-specific values (references) through f, recursively.
func lower(v any, f func(any) (any, bool)) any {
	if r, ok := f(v); ok {
		return r
	}
	switch x := v.(type) {
	case *obj:
		return mapValues(x, func(e any) any { return lower(e, f) })
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = lower(e, f)
		}
		return out
	}
	return v
}

// renderJSON writes v as indented JSON with keys in order and no HTML escaping.
func renderJSON(v any) []byte {
	// A buffer that doubled its way to megabytes would clear and copy every
	// size on the way, each in a step the collector has to wait for.
	buf := bytes.NewBuffer(make([]byte, 0, sizeJSON(v, 0)+1))
	writeJSON(buf, v, "")
	buf.WriteByte('\n')
	return buf.Bytes()
}

// sizeJSON is the length writeJSON writes for v at indent spaces.
func sizeJSON(v any, indent int) int {
	in := indent + 2
	switch x := v.(type) {
	case *obj:
		if len(x.keys) == 0 {
			return 2
		}
		n := 2 + indent + 1 // "{\n", the closing line's indent and "}"
		for i, k := range x.keys {
			n += in + source.JSONStringLen(k) + 2 + sizeJSON(x.vals[i], in) + 1 // indent, key, ": ", value, newline
		}
		return n + len(x.keys) - 1 // the commas
	case []any:
		if len(x) == 0 {
			return 2
		}
		n := 2 + indent + 1
		for _, e := range x {
			n += in + sizeJSON(e, in) + 1
		}
		return n + len(x) - 1
	case string:
		return source.JSONStringLen(x)
	case bool:
		if x {
			return 4
		}
		return 5
	case int:
		var b [20]byte
		return len(strconv.AppendInt(b[:0], int64(x), 10))
	case float64:
		var b [32]byte
		return len(appendFloat(b[:0], x))
	}
	return 4 // null; writeJSON panics on anything else
}

// appendFloat writes f as encoding/json does: decimal from 1e-6 up to 1e21,
// an exponent of at least one digit outside.
func appendFloat(b []byte, f float64) []byte {
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		b = strconv.AppendFloat(b, f, 'e', -1, 64)
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1] // e-09 is written e-9
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

func writeJSON(buf *bytes.Buffer, v any, indent string) {
	in := indent + "  "
	switch x := v.(type) {
	case *obj:
		if len(x.keys) == 0 {
			buf.WriteString("{}")
			return
		}
		buf.WriteString("{\n")
		for i, k := range x.keys {
			buf.WriteString(in)
			source.WriteJSONString(buf, k)
			buf.WriteString(": ")
			writeJSON(buf, x.vals[i], in)
			if i < len(x.keys)-1 {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "}")
	case []any:
		if len(x) == 0 {
			buf.WriteString("[]")
			return
		}
		buf.WriteString("[\n")
		for i, e := range x {
			buf.WriteString(in)
			writeJSON(buf, e, in)
			if i < len(x)-1 {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "]")
	case string:
		source.WriteJSONString(buf, x)
	case bool:
		buf.WriteString(strconv.FormatBool(x))
	case int:
		buf.WriteString(strconv.Itoa(x))
	case float64:
		var b [32]byte
		buf.Write(appendFloat(b[:0], x))
	case nil:
		buf.WriteString("null")
	default:
		panic("config: cannot render " + strconv.Quote(typeName(v)))
	}
}

func typeName(v any) string { b, _ := json.Marshal(v); return string(b) }

// toYAML converts v to a YAML node; strings that YAML would read as
// another type are quoted.
func toYAML(v any) *yaml.Node {
	switch x := v.(type) {
	case *obj:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for i, k := range x.keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, toYAML(x.vals[i]))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range x {
			n.Content = append(n.Content, toYAML(e))
		}
		return n
	case string:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: x}
		if bytes.ContainsRune([]byte(x), '\n') {
			n.Style = yaml.LiteralStyle
		}
		return n
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(x)}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(x, 'g', -1, 64)}
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	panic("config: cannot render " + typeName(v))
}

// renderYAML writes v as a YAML document with two-space indentation and no line wrapping.
func renderYAML(v any) ([]byte, error) {
	var buf bytes.Buffer
	dumper, err := yaml.NewDumper(&buf, yaml.WithIndent(2), yaml.WithLineWidth(-1))
	if err != nil {
		return nil, err
	}
	if err := dumper.Dump(toYAML(v)); err != nil {
		return nil, err
	}
	if err := dumper.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// jsonTree parses JSON text into an ordered tree, for properties that take
// a JSON object (model schemas, policies); ok is false when it is not JSON.
func jsonTree(text string) (any, bool) {
	n, ok := jsonNode(text)
	if !ok {
		return nil, false
	}
	return nodeTree(n), true
}

// jsonNode parses JSON text into a node tree; ok is false when it is not JSON.
func jsonNode(text string) (*yaml.Node, bool) {
	var n yaml.Node
	if !json.Valid([]byte(text)) || yaml.Unmarshal([]byte(text), &n) != nil || len(n.Content) == 0 {
		return nil, false
	}
	return n.Content[0], true
}

func nodeTree(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		o := newObj()
		for i := 0; i+1 < len(n.Content); i += 2 {
			o.keys = append(o.keys, n.Content[i].Value)
			o.vals = append(o.vals, nodeTree(n.Content[i+1]))
		}
		return o
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, e := range n.Content {
			l[i] = nodeTree(e)
		}
		return l
	}
	switch n.Tag {
	case "!!bool":
		return n.Value == "true"
	case "!!int":
		if i, err := strconv.Atoi(n.Value); err == nil {
			return i
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	case "!!null":
		return nil
	}
	return n.Value
}
