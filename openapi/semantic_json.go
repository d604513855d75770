package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// nodeJSON writes a (sanitized) node as JSON, for the kin-openapi types that
// only decode JSON (Swagger 2.0). Aliases are expanded and merge keys applied
// (the loading side bounds alias expansion before this runs); a key written
// twice keeps its last value, as encoding/json reads it.
func nodeJSON(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, n, 0); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// maxJSONDepth stops a cycle of aliases.
const maxJSONDepth = 1000

func writeJSON(b *bytes.Buffer, n *yaml.Node, depth int) error {
	n = source.Resolve(n)
	if depth > maxJSONDepth {
		return fmt.Errorf("nesting deeper than %d levels (or an alias cycle)", maxJSONDepth)
	}
	if n == nil {
		b.WriteString("null")
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		b.WriteByte('{')
		first := true
		if err := writeMembers(b, n, depth, &first); err != nil {
			return err
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	default:
		writeScalarJSON(b, n)
	}
	return nil
}

// writeMembers writes the pairs of a mapping, merged mappings first so the
// mapping's own keys win.
func writeMembers(b *bytes.Buffer, n *yaml.Node, depth int, first *bool) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !source.IsMergeKey(n.Content[i]) {
			continue
		}
		src := source.Resolve(n.Content[i+1])
		srcs := []*yaml.Node{src}
		if src != nil && src.Kind == yaml.SequenceNode {
			srcs = src.Content
		}
		for _, m := range srcs {
			if m = source.Resolve(m); m != nil && m.Kind == yaml.MappingNode {
				if err := writeMembers(b, m, depth+1, first); err != nil {
					return err
				}
			}
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := source.Resolve(n.Content[i])
		if source.IsMergeKey(n.Content[i]) || k == nil {
			continue
		}
		if !*first {
			b.WriteByte(',')
		}
		*first = false
		writeString(b, k.Value)
		b.WriteByte(':')
		if err := writeJSON(b, n.Content[i+1], depth+1); err != nil {
			return err
		}
	}
	return nil
}

// writeScalarJSON writes a scalar by its resolved tag; anything that is not
// a JSON number, boolean or null is written as a string.
func writeScalarJSON(b *bytes.Buffer, n *yaml.Node) {
	tag := n.ShortTag()
	switch tag {
	case "!!null":
		b.WriteString("null")
		return
	case "!!bool":
		var v bool
		if n.Decode(&v) == nil {
			b.WriteString(strconv.FormatBool(v))
			return
		}
	case "!!int":
		if json.Valid([]byte(n.Value)) && !strings.HasPrefix(n.Value, "+") {
			b.WriteString(n.Value)
			return
		}
		var v int64
		if n.Decode(&v) == nil {
			b.WriteString(strconv.FormatInt(v, 10))
			return
		}
	case "!!float":
		var v float64
		if n.Decode(&v) == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
			return
		}
	}
	writeString(b, n.Value)
}

// writeString writes s as a JSON string.
func writeString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s) // a string always marshals
	b.Write(q)
}
