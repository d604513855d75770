package apimodel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/source"
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

// marshalOrdered writes v (a struct) as encoding/json does, except that
// its member key, the map m, lists its members in order (then the others,
// sorted). encoding/json writes m's members sorted, and the first
// occurrence of key followed by exactly those bytes is that member: inside a
// string value the quotes would be escaped, and the struct's other maps of
// that name come after it.
func marshalOrdered(v any, key string, m map[string]bool, order []string) ([]byte, error) {
	data, err := marshalPlain(v)
	if err != nil || len(order) == 0 || len(m) < 2 {
		return data, err
	}
	keys := orderedKeys(m, order)
	if slices.IsSorted(keys) {
		return data, nil
	}
	sorted, err := marshalPlain(m)
	if err != nil {
		return nil, err
	}
	name := `"` + key + `"` // a member name of this package's structs
	written := slices.Concat([]byte(name), []byte(":"), sorted)
	at := bytes.Index(data, written)
	if at < 0 {
		return nil, fmt.Errorf("apimodel: %s not found in %s", key, data)
	}
	ordered, _ := orderedBools{m, order}.MarshalJSON()
	var buf bytes.Buffer
	buf.Grow(len(data))
	buf.Write(data[:at])
	buf.WriteString(name)
	buf.WriteByte(':')
	buf.Write(ordered)
	buf.Write(data[at+len(written):])
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

// withIntrinsics returns data, a struct written by encoding/json, with the
// long form of each intrinsic of t in place of the value at its path.
func withIntrinsics(data []byte, t Intrinsics) ([]byte, error) {
	for _, p := range sortedKeys(t) {
		tokens := strings.Split(p, "/")
		for i, tok := range tokens {
			tokens[i] = source.UnescapeToken(tok)
		}
		var err error
		if data, err = replaceAt(data, tokens, []byte(t[p].JSON())); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// replaceAt returns the JSON value data with the value under the member
// names or indexes tokens replaced by repl; a missing last member of an
// object is added.
func replaceAt(data []byte, tokens []string, repl []byte) ([]byte, error) {
	if len(tokens) == 0 {
		return repl, nil
	}
	data = bytes.TrimSpace(data)
	var buf bytes.Buffer
	switch {
	case len(data) > 0 && data[0] == '{':
		members, err := objectMembers(data)
		if err != nil {
			return nil, err
		}
		found := false
		for i, m := range members {
			if m.key == tokens[0] {
				found = true
				if members[i].value, err = replaceAt(m.value, tokens[1:], repl); err != nil {
					return nil, err
				}
			}
		}
		if !found && len(tokens) == 1 {
			members = append(members, member{tokens[0], repl})
		}
		writeMembers(&buf, members)
	case len(data) > 0 && data[0] == '[':
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, err
		}
		i, err := strconv.Atoi(tokens[0])
		if err != nil || i < 0 || i >= len(items) {
			return data, nil
		}
		if items[i], err = replaceAt(items[i], tokens[1:], repl); err != nil {
			return nil, err
		}
		buf.WriteByte('[')
		for j, it := range items {
			if j > 0 {
				buf.WriteByte(',')
			}
			buf.Write(it)
		}
		buf.WriteByte(']')
	default:
		return data, nil
	}
	return buf.Bytes(), nil
}

// writeMembers writes an object of members, in order.
func writeMembers(buf *bytes.Buffer, members []member) {
	buf.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			buf.WriteByte(',')
		}
		name, _ := marshalPlain(m.key)
		buf.Write(name)
		buf.WriteByte(':')
		buf.Write(m.value)
	}
	buf.WriteByte('}')
}
