package openapi

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// kin-openapi validates a schema again at every $ref that reaches it, and
// everything the schema refers to with it: on a document whose operations
// share large component schemas (Stripe's) validation is thirty times
// slower than decoding. Every schema a local $ref names is validated where it
// is defined, so for the duration of Validate each such $ref is given an
// empty schema in place of its target. Each schema is then validated once,
// and a problem in it is reported once, where it is written.

// refSwap holds the $refs whose targets were replaced, to put them back.
type refSwap struct {
	refs    []*openapi3.SchemaRef
	targets []*openapi3.Schema
	// empty stands in for the targets: one per document, so that concurrent
	// validations share nothing.
	empty *openapi3.Schema
}

// detachSchemaRefs replaces the target of every local schema $ref in doc and
// returns what restore needs.
func detachSchemaRefs(doc *openapi3.T) *refSwap {
	w := &refSwap{empty: &openapi3.Schema{}}
	if c := doc.Components; c != nil {
		for _, s := range c.Schemas {
			w.schemaRef(s, true)
		}
		for _, p := range c.Parameters {
			w.parameter(p)
		}
		for _, h := range c.Headers {
			w.header(h)
		}
		for _, b := range c.RequestBodies {
			if b != nil && b.Ref == "" && b.Value != nil {
				w.content(b.Value.Content)
			}
		}
		for _, r := range c.Responses {
			w.response(r)
		}
	}
	if doc.Paths != nil {
		for _, item := range doc.Paths.Map() {
			w.pathItem(item)
		}
	}
	return w
}

// restore puts every replaced target back.
func (w *refSwap) restore() {
	for i, r := range w.refs {
		r.Value = w.targets[i]
	}
}

func (w *refSwap) pathItem(item *openapi3.PathItem) {
	if item == nil {
		return
	}
	for _, p := range item.Parameters {
		w.parameter(p)
	}
	for _, op := range [...]*openapi3.Operation{item.Get, item.Put, item.Post, item.Delete, item.Options, item.Head, item.Patch, item.Trace, item.Connect, item.Query} {
		if op == nil {
			continue
		}
		for _, p := range op.Parameters {
			w.parameter(p)
		}
		if b := op.RequestBody; b != nil && b.Ref == "" && b.Value != nil {
			w.content(b.Value.Content)
		}
		if op.Responses != nil {
			for _, code := range op.Responses.Keys() { // Map would copy the map
				w.response(op.Responses.Value(code))
			}
		}
	}
	for _, op := range item.AdditionalOperations {
		w.pathItem(&openapi3.PathItem{Get: op})
	}
}

func (w *refSwap) parameter(p *openapi3.ParameterRef) {
	if p != nil && p.Ref == "" && p.Value != nil {
		w.schemaRef(p.Value.Schema, false)
		w.content(p.Value.Content)
	}
}

func (w *refSwap) header(h *openapi3.HeaderRef) {
	if h != nil && h.Ref == "" && h.Value != nil {
		w.schemaRef(h.Value.Schema, false)
		w.content(h.Value.Content)
	}
}

func (w *refSwap) response(r *openapi3.ResponseRef) {
	if r == nil || r.Ref != "" || r.Value == nil {
		return
	}
	for _, h := range r.Value.Headers {
		w.header(h)
	}
	w.content(r.Value.Content)
}

func (w *refSwap) content(c openapi3.Content) {
	for _, mt := range c {
		if mt != nil {
			w.schemaRef(mt.Schema, false)
		}
	}
}

// schemaRef detaches s when it is a local $ref (unless it is a component
// itself, which is validated as what it names), else walks its sub-schemas.
// Sub-schemas written inline form a tree (every sharing goes through a $ref,
// which is not followed), so no visited set is needed.
func (w *refSwap) schemaRef(s *openapi3.SchemaRef, component bool) {
	if s == nil || s.Value == nil || s.Value == w.empty {
		return
	}
	if s.Ref != "" {
		if !component && strings.HasPrefix(s.Ref, "#/") {
			w.refs = append(w.refs, s)
			w.targets = append(w.targets, s.Value)
			s.Value = w.empty
		}
		return
	}
	v := s.Value
	w.schemaRefs(v.OneOf)
	w.schemaRefs(v.AnyOf)
	w.schemaRefs(v.AllOf)
	w.schemaRefs(v.PrefixItems)
	w.schemaRef(v.Not, false)
	w.schemaRef(v.Items, false)
	w.schemaRef(v.Contains, false)
	w.schemaRef(v.PropertyNames, false)
	w.schemaRef(v.If, false)
	w.schemaRef(v.Then, false)
	w.schemaRef(v.Else, false)
	w.schemaRef(v.ContentSchema, false)
	w.schemaRef(v.AdditionalProperties.Schema, false)
	w.schemaRef(v.UnevaluatedItems.Schema, false)
	w.schemaRef(v.UnevaluatedProperties.Schema, false)
	w.schemas(v.Properties)
	w.schemas(v.PatternProperties)
	w.schemas(v.DependentSchemas)
	w.schemas(v.Defs)
}

func (w *refSwap) schemaRefs(list openapi3.SchemaRefs) {
	for _, c := range list {
		w.schemaRef(c, false)
	}
}

func (w *refSwap) schemas(m openapi3.Schemas) {
	for _, c := range m {
		w.schemaRef(c, false)
	}
}
