package apimodel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// orderedKeys returns the keys of m: those listed in order first (once
// each, when present), then the others sorted.
func orderedKeys[V any](m map[string]V, order []string) []string {
	out := make([]string, 0, len(m))
	seen := make(map[string]bool, len(m))
	for _, k := range order {
		if _, ok := m[k]; ok && !seen[k] {
			out = append(out, k)
			seen[k] = true
		}
	}
	for _, k := range sortedKeys(m) {
		if !seen[k] {
			out = append(out, k)
		}
	}
	return out
}

// marshalOrdered writes v (a struct) as encoding/json does, except that the
// object under key lists its members in order (then the others, sorted).
func marshalOrdered(v any, key string, order []string) ([]byte, error) {
	data, err := marshalPlain(v)
	if err != nil || len(order) == 0 {
		return data, err
	}
	members, err := objectMembers(data)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			buf.WriteByte(',')
		}
		name, _ := marshalPlain(m.key)
		buf.Write(name)
		buf.WriteByte(':')
		if m.key != key {
			buf.Write(m.value)
			continue
		}
		inner, err := objectMembers(m.value)
		if err != nil {
			return nil, err
		}
		byKey := make(map[string]json.RawMessage, len(inner))
		for _, e := range inner {
			byKey[e.key] = e.value
		}
		buf.WriteByte('{')
		for j, k := range orderedKeys(byKey, order) {
			if j > 0 {
				buf.WriteByte(',')
			}
			name, _ := marshalPlain(k)
			buf.Write(name)
			buf.WriteByte(':')
			buf.Write(byKey[k])
		}
		buf.WriteByte('}')
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// marshalPlain is json.Marshal without HTML escaping, as Marshal writes dumps.
func marshalPlain(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// member is one member of a JSON object, its value kept as written.
type member struct {
	key   string
	value json.RawMessage
}

// objectMembers splits a JSON object into its members, in order.
func objectMembers(data []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("apimodel: not a JSON object: %s", data)
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		out = append(out, member{k, slices.Clone(raw)})
	}
	return out, nil
}
