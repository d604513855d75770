package source

import (
	"bytes"
	"errors"
	"fmt"

	"go.yaml.in/yaml/v4"
)

// maxJSONNodes bounds the nodes WriteJSON writes, so that aliases expanded
// over and over (an alias bomb) cannot make the output explode.
const maxJSONNodes = 10_000_000

// WriteJSON writes the source tree as JSON indented by two spaces, with a
// final newline. It keeps key order and number literals as written (1.0 stays
// 1.0, big integers are unchanged) and converts YAML by tag:
//
//   - !!int in another base or with underscores (0x1F, 0o17, 1_000) becomes
//     a decimal number; !!float in a form JSON lacks (.5, 1., +1) becomes
//     the same number in JSON form; .inf and .nan are refused, JSON has no
//     such numbers;
//   - !!bool becomes true or false, !!null becomes null; timestamps, binary
//     and every other string become JSON strings;
//   - aliases are expanded and merge keys (<<) applied;
//   - CloudFormation short forms become their long form: !Ref x is
//     {"Ref": "x"}, !Sub x is {"Fn::Sub": "x"}, !GetAtt a.b is
//     {"Fn::GetAtt": ["a", "b"]}; any other custom tag is refused;
//   - keys that are not strings are written as strings (200 becomes "200");
//   - comments are dropped, as JSON has none.
//
// Strings escape only what JSON requires (", \ and control characters) plus
// U+2028 and U+2029, so the output can also be pasted into JavaScript; <, >
// and & are written as they are. Invalid UTF-8 becomes U+FFFD.
func WriteJSON(root *yaml.Node) ([]byte, error) {
	if root == nil {
		return nil, errors.New("write json: no document")
	}
	w := &jsonWriter{active: map[*yaml.Node]bool{}}
	if err := w.value(root, "", 0); err != nil {
		return nil, fmt.Errorf("write json: %w", err)
	}
	w.buf.WriteByte('\n')
	return w.buf.Bytes(), nil
}

// jsonWriter writes one document; active holds the anchors being expanded,
// to refuse an alias that refers to a node containing it.
type jsonWriter struct {
	buf    bytes.Buffer
	active map[*yaml.Node]bool
	nodes  int
}

// pathError says where in the document a node cannot be written.
func pathError(ptr string, n *yaml.Node, format string, args ...any) error {
	if ptr == "" {
		ptr = "/"
	}
	return fmt.Errorf("%s (line %d, column %d): %s", ptr, n.Line, n.Column, fmt.Sprintf(format, args...))
}

func (w *jsonWriter) value(n *yaml.Node, ptr string, depth int) error {
	w.nodes++
	if w.nodes > maxJSONNodes {
		return pathError(ptr, n, "more than %d values after expanding aliases", maxJSONNodes)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			w.buf.WriteString("null")
			return nil
		}
		return w.value(n.Content[0], ptr, depth)
	case yaml.AliasNode:
		if n.Alias == nil {
			return pathError(ptr, n, "alias *%s has no anchor", n.Value)
		}
		if w.active[n.Alias] {
			return pathError(ptr, n, "alias *%s refers to a node that contains it", n.Value)
		}
		w.active[n.Alias] = true
		defer delete(w.active, n.Alias)
		return w.value(n.Alias, ptr, depth)
	}
	if long, ok := intrinsicLongName(n); ok {
		return w.intrinsic(n, long, ptr, depth)
	}
	if t := n.Tag; isCustomTag(t) {
		return pathError(ptr, n, "tag %s has no JSON form; write the value without it", t)
	}
	switch n.Kind {
	case yaml.MappingNode:
		return w.mapping(n, ptr, depth)
	case yaml.SequenceNode:
		return w.sequence(n.Content, ptr, depth)
	case yaml.ScalarNode:
		return w.scalar(n, ptr)
	}
	return pathError(ptr, n, "node kind %v has no JSON form", n.Kind)
}

func (w *jsonWriter) sequence(items []*yaml.Node, ptr string, depth int) error {
	if len(items) == 0 {
		w.buf.WriteString("[]")
		return nil
	}
	w.buf.WriteByte('[')
	for i, item := range items {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.newline(depth + 1)
		if err := w.value(item, fmt.Sprintf("%s/%d", ptr, i), depth+1); err != nil {
			return err
		}
	}
	w.newline(depth)
	w.buf.WriteByte(']')
	return nil
}

func (w *jsonWriter) mapping(n *yaml.Node, ptr string, depth int) error {
	pairs, err := w.pairs(n, ptr)
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		w.buf.WriteString("{}")
		return nil
	}
	w.buf.WriteByte('{')
	for i, p := range pairs {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.newline(depth + 1)
		WriteJSONString(&w.buf, p.key)
		w.buf.WriteString(": ")
		if err := w.value(p.value, ptr+"/"+EscapeToken(p.key), depth+1); err != nil {
			return err
		}
	}
	w.newline(depth)
	w.buf.WriteByte('}')
	return nil
}

func (w *jsonWriter) newline(depth int) {
	w.buf.WriteByte('\n')
	for range depth {
		w.buf.WriteString("  ")
	}
}
