package schema

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// str returns the text of a string scalar, and false for anything else.
func str(n *yaml.Node) (string, bool) {
	n = source.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return "", false
	}
	return n.Value, true
}

// rawJSON renders a node as compact JSON, key order kept.
func rawJSON(n *yaml.Node) (json.RawMessage, error) {
	b, err := source.WriteJSON(n)
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
