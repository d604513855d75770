package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ResponseExample returns the example that response r gives for
// mediaType (compared without regard to case): in OpenAPI 3, the media
// type's example, or else the value of its first examples entry ($refs
// followed); in Swagger 2.0, the response's examples[mediaType]. Nil when
// there is none.
func (d *Document) ResponseExample(r *Response, mediaType string) *yaml.Node {
	if r == nil {
		return nil
	}
	if d.Kind == Swagger2 {
		var out *yaml.Node
		source.Pairs(source.Get(r.Node, "examples"), func(k string, v *yaml.Node) {
			if out == nil && strings.EqualFold(k, mediaType) {
				out = v
			}
		})
		return out
	}
	for _, m := range r.Content {
		if !strings.EqualFold(m.Type, mediaType) {
			continue
		}
		if ex := source.Get(m.Node, "example"); ex != nil {
			return ex
		}
		var out *yaml.Node
		source.Entries(source.Get(m.Node, "examples"), func(k, v *yaml.Node) {
			if out == nil {
				t, _ := d.Follow(v, source.Pointer(source.Pointer(m.Pointer, "examples"), k.Value))
				out = source.Get(t.Node, "value")
			}
		})
		return out
	}
	return nil
}

// Example returns a value the parameter documents: its example, or its
// schema's example, default or first enum value, as text. ok is false
// when it gives none.
func (p *Parameter) Example() (value string, ok bool) {
	if p == nil {
		return "", false
	}
	nodes := []*yaml.Node{source.Get(p.Node, "example")}
	if p.Schema != nil {
		s := p.Schema.Target
		nodes = append(nodes, source.Get(s, "example"), source.Get(s, "default"))
		if items := source.Items(source.Get(s, "enum")); len(items) > 0 {
			nodes = append(nodes, items[0])
		}
	}
	for _, n := range nodes {
		if n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			return n.Value, true
		}
	}
	return "", false
}

// Type returns the parameter's schema type as written ("string",
// "integer", ...), "" when it has none.
func (p *Parameter) Type() string {
	if p == nil || p.Schema == nil {
		return ""
	}
	return source.Scalar(source.Get(p.Schema.Target, "type"))
}
