package openapi

import (
	"strconv"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkRESTModels: REST API import turns each schema of components.schemas
// (definitions in Swagger 2.0) into a model, whose name must be alphanumeric,
// and models are JSON Schema draft 4 without some OpenAPI keywords. These
// are documented limits of import: the model or keyword is dropped.
func checkRESTModels(c *checker) {
	if !c.rest() {
		return
	}
	schemas, ptr := c.schemasNode()
	pairs(schemas, func(k, _ *yaml.Node) {
		if bad := badChars(k.Value, ""); bad != "" {
			c.Add(diag.ModelName, k, c.doc.PointerTo(source.Pointer(ptr, k.Value)),
				"schema name %q has %s; REST API model names must be alphanumeric, so import does not create this model: rename it (for example %q) and update its $refs",
				k.Value, bad, alnumOnly(k.Value))
		}
	})
	w := &schemaWalk{c: c}
	w.walk(c.doc.Root, c.doc.Pointer, false)
}

// schemasNode returns the named schemas and their document-relative pointer.
func (c *checker) schemasNode() (*yaml.Node, string) {
	if c.doc.Kind == Swagger2 {
		_, s := mapGet(c.doc.Root, "definitions")
		return s, "/definitions"
	}
	_, comps := mapGet(c.doc.Root, "components")
	_, s := mapGet(comps, "schemas")
	return s, "/components/schemas"
}

func alnumOnly(s string) string {
	out := make([]rune, 0, len(s))
	up := false
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			out = append(out, r)
			up = false
			continue
		}
		up = true
	}
	return string(out)
}

// schemaWalk visits every schema of the document: named ones, and those
// under a "schema" key of parameters, request bodies, responses and headers.
type schemaWalk struct {
	c    *checker
	seen map[*yaml.Node]bool
}

// walk searches n (pointer ptr) for schemas; inSchema is true when n is one.
func (w *schemaWalk) walk(n *yaml.Node, ptr string, inSchema bool) {
	n = deref(n)
	if n == nil {
		return
	}
	if w.seen == nil {
		w.seen = map[*yaml.Node]bool{}
	}
	if w.seen[n] {
		return // a YAML anchor used again
	}
	w.seen[n] = true
	switch n.Kind {
	case yaml.SequenceNode:
		for i, e := range n.Content {
			w.walk(e, ptr+"/"+strconv.Itoa(i), inSchema)
		}
	case yaml.MappingNode:
		if inSchema {
			w.schema(n, ptr)
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := source.Pointer(ptr, k.Value)
			switch {
			case isExtKey(k.Value) || k.Value == "example" || k.Value == "examples":
			case k.Value == "schema":
				w.walk(v, kp, true)
			case k.Value == "schemas" || k.Value == "definitions":
				pairs(v, func(sk, sv *yaml.Node) { w.walk(sv, source.Pointer(kp, sk.Value), true) })
			default:
				w.walk(v, kp, false)
			}
		}
	}
}

// subschemaKeys hold one schema; subschemaLists a list of them; subschemaMaps a map of them.
var (
	subschemaKeys  = map[string]bool{"items": true, "not": true, "additionalProperties": true, "additionalItems": true, "contains": true, "propertyNames": true, "if": true, "then": true, "else": true}
	subschemaLists = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "prefixItems": true}
	subschemaMaps  = map[string]bool{"properties": true, "patternProperties": true, "definitions": true, "$defs": true, "dependentSchemas": true}
)

// schema checks one schema object and walks its subschemas.
func (w *schemaWalk) schema(n *yaml.Node, ptr string) {
	_, typ := mapGet(n, "type")
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		kp := source.Pointer(ptr, k.Value)
		switch {
		case subschemaKeys[k.Value]:
			if deref(v) != nil && deref(v).Kind == yaml.MappingNode {
				w.walk(v, kp, true)
			}
		case subschemaLists[k.Value]:
			if l := deref(v); l != nil && l.Kind == yaml.SequenceNode {
				for j, e := range l.Content {
					w.walk(e, kp+"/"+strconv.Itoa(j), true)
				}
			}
		case subschemaMaps[k.Value]:
			pairs(v, func(sk, sv *yaml.Node) { w.walk(sv, source.Pointer(kp, sk.Value), true) })
		case k.Value == "discriminator":
			w.c.Add(diag.SchemaKeyword, k, kp,
				"REST API models do not support discriminator, and import drops it: describe the variants with allOf or in separate models")
		case k.Value == "exclusiveMinimum":
			w.c.Add(diag.SchemaKeyword, k, kp,
				"REST API models do not support exclusiveMinimum, and import drops it: use minimum with the next allowed value")
		case k.Value == "readOnly":
			w.c.Add(diag.SchemaKeyword, k, kp,
				"REST API models do not support readOnly, and import drops it: remove it, or describe requests and responses with separate models")
		case k.Value == "format":
			switch f := source.Scalar(v); {
			case f == "decimal":
				w.c.Add(diag.SchemaKeyword, v, kp,
					"REST API models do not support format: decimal: remove the format and keep type: number")
			case (f == "int32" || f == "int64") && source.Scalar(typ) == "number":
				w.c.Add(diag.SchemaKeyword, v, kp,
					"REST API models do not support type: number with format: %s: write type: integer, format: %s", f, f)
			}
		}
	}
}
