package openapi

import (
	"strconv"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// schemas applies f to every schema of root: components.schemas (or
// definitions) and every "schema" value, recursing into sub-schemas.
func (c *converter) schemas(root *yaml.Node, f func(s *yaml.Node, rel string)) {
	var walk func(s *yaml.Node, rel string)
	seen := map[*yaml.Node]bool{}
	walk = func(s *yaml.Node, rel string) {
		s = source.Resolve(s)
		if s == nil || s.Kind != yaml.MappingNode || seen[s] {
			return
		}
		seen[s] = true
		f(s, rel)
		source.Entries(source.Get(s, "properties"), func(k, v *yaml.Node) { walk(v, rel+"/properties/"+source.EscapeToken(k.Value)) })
		for _, k := range []string{"items", "additionalProperties", "not"} {
			walk(source.Get(s, k), rel+"/"+k)
		}
		for _, k := range []string{"allOf", "anyOf", "oneOf"} {
			for i, e := range source.Items(source.Get(s, k)) {
				walk(e, rel+"/"+k+"/"+strconv.Itoa(i))
			}
		}
	}
	source.Entries(source.Get(source.Get(root, "components"), "schemas"), func(k, v *yaml.Node) { walk(v, "/components/schemas/"+source.EscapeToken(k.Value)) })
	source.Entries(source.Get(root, "definitions"), func(k, v *yaml.Node) { walk(v, "/definitions/"+source.EscapeToken(k.Value)) })
	var find func(n *yaml.Node, rel string)
	find = func(n *yaml.Node, rel string) {
		n = source.Resolve(n)
		if n == nil {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				if k == "schema" {
					walk(v, rel+"/schema")
					continue
				}
				find(v, rel+"/"+source.EscapeToken(k))
			}
		case yaml.SequenceNode:
			for i, e := range n.Content {
				find(e, rel+"/"+strconv.Itoa(i))
			}
		}
	}
	find(source.Get(root, "paths"), "/paths")
	source.Entries(source.Get(root, "components"), func(k, v *yaml.Node) {
		if k.Value != "schemas" {
			find(v, "/components/"+source.EscapeToken(k.Value))
		}
	})
}

// to31 rewrites an OpenAPI 3.0 schema as 3.1: nullable becomes a "null"
// type, boolean exclusive bounds become numeric ones, example becomes examples.
func (c *converter) to31(s *yaml.Node, rel string) {
	if n := del(s, "nullable"); n != nil && source.IsTrue(n) {
		if t := source.Get(s, "type"); t != nil && t.Kind == yaml.ScalarNode {
			put(s, "type", strSeq([]string{t.Value, "null"}), "")
		}
	}
	for _, b := range [][2]string{{"exclusiveMinimum", "minimum"}, {"exclusiveMaximum", "maximum"}} {
		ex := source.Get(s, b[0])
		if ex == nil || ex.Kind != yaml.ScalarNode || source.ScalarTag(ex) != source.TagBool {
			continue
		}
		if source.IsTrue(ex) {
			if bound := source.Get(s, b[1]); bound != nil {
				put(s, b[0], bound, b[1])
				del(s, b[1])
				continue
			}
		}
		del(s, b[0])
	}
	if ex := del(s, "example"); ex != nil {
		put(s, "examples", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{ex}}, "")
	}
}

// to30 rewrites an OpenAPI 3.1 schema as 3.0, reporting what 3.0 cannot say.
func (c *converter) to30(s *yaml.Node, rel string) {
	if t := source.Get(s, "type"); t != nil && t.Kind == yaml.SequenceNode {
		var types []string
		null := false
		for _, e := range scalarList(t) {
			if e == "null" {
				null = true
			} else {
				types = append(types, e)
			}
		}
		switch len(types) {
		case 0:
			del(s, "type")
		case 1:
			put(s, "type", strScalar(types[0]), "")
		default:
			c.loss(t, rel+"/type", "OpenAPI 3.0 has one type per schema; %v is written as the first, %s (use oneOf for the others)", types, types[0])
			put(s, "type", strScalar(types[0]), "")
		}
		if null {
			put(s, "nullable", boolScalar(true), "type")
		}
	}
	for _, b := range [][2]string{{"exclusiveMinimum", "minimum"}, {"exclusiveMaximum", "maximum"}} {
		if ex := source.Get(s, b[0]); ex != nil && ex.Kind == yaml.ScalarNode && (source.ScalarTag(ex) == source.TagInt || source.ScalarTag(ex) == source.TagFloat) {
			put(s, b[1], ex, b[0])
			put(s, b[0], boolScalar(true), "")
		}
	}
	if ex := source.Get(s, "examples"); ex != nil && ex.Kind == yaml.SequenceNode {
		del(s, "examples")
		if len(ex.Content) > 0 {
			put(s, "example", ex.Content[0], "")
		}
		if len(ex.Content) > 1 {
			c.loss(ex, rel+"/examples", "OpenAPI 3.0 schemas have one example; the other %d are dropped", len(ex.Content)-1)
		}
	}
	if k := source.Get(s, "const"); k != nil {
		del(s, "const")
		put(s, "enum", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{k}}, "")
	}
}
