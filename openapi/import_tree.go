package openapi

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// compactJSON renders a node tree as compact JSON, keeping key order; each
// string passes through rewrite when it is the value of a "$ref" key.
func compactJSON(n *yaml.Node, rewrite func(string) string) string {
	if apimodel.HasIntrinsic(n) {
		// Intrinsic functions written with short-form tags (!Sub) are
		// written in their long form, which JSON can hold.
		n = apimodel.LongForm(n)
	}
	var buf bytes.Buffer
	writeCompact(&buf, n, rewrite, false)
	return buf.String()
}

func writeCompact(buf *bytes.Buffer, n *yaml.Node, rewrite func(string) string, isRef bool) {
	n = source.Resolve(n)
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
		switch source.ScalarTag(n) {
		case source.TagNull:
			buf.WriteString("null")
		case source.TagBool:
			buf.WriteString(strings.ToLower(n.Value))
		case source.TagInt, source.TagFloat:
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
