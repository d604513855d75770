package openapi

import (
	"fmt"
	"strconv"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

var restModelsCheck = &DocumentCheck{Name: "rest-models", REST: true, Codes: []diag.Code{diag.ModelName, diag.SchemaKeyword}, run: checkRESTModels,
	Doc: "REST APIs: import turns each schema of components.schemas (definitions in Swagger 2.0) into a model, whose name must be alphanumeric, and models are JSON Schema draft 4 without some OpenAPI keywords (discriminator, exclusiveMinimum, readOnly, format: decimal, type: number with an integer format). A name that is not alphanumeric fails the import; the keywords are documented as not supported and have no effect in the model."}

// modelNamesCheck is the part of rest-models that import runs: the names,
// without the walk over every schema for keywords, which are remarks.
var modelNamesCheck = &DocumentCheck{Name: restModelsCheck.Name, REST: true, Codes: []diag.Code{diag.ModelName}, run: checkModelNames}

func checkRESTModels(p *pass) {
	checkModelNames(p)
	w := &schemaWalk{p: p, seen: map[*yaml.Node]bool{}, base: p.doc.Pointer}
	w.walk(p.doc.Root, false)
}

func checkModelNames(p *pass) {
	for _, s := range p.doc.Schemas {
		if msg := modelNameProblem(s.Name); msg != "" {
			p.Add(diag.ModelName, p.keyAt(s.Pointer), s.Pointer, "%s", msg)
		}
	}
}

// modelNameProblem is ModelName's message for a schema called name, or ""
// when the name is alphanumeric, as model names must be.
func modelNameProblem(name string) string {
	bad := badChars(name, "")
	if bad == "" {
		return ""
	}
	return fmt.Sprintf("schema name %q has %s; REST API model names must be alphanumeric, and import fails (\"Model name must be alphanumeric\"): rename it (for example %q) and update its $refs",
		name, bad, alnumOnly(name))
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
// under a "schema" key of parameters, request bodies, responses and headers,
// wherever they stand (reusable components too). It reads schema keywords,
// which the model does not describe. The pointer of where it stands is kept
// as its tokens and written out only for a finding: the walk passes through
// every object of the document.
type schemaWalk struct {
	p    *pass
	seen map[*yaml.Node]bool
	base string   // the document's pointer
	path []string // the tokens from the document to the node visited
}

// at returns the pointer of token in the node visited.
func (w *schemaWalk) at(token string) string {
	return source.Pointer(source.JoinPointer(w.base, w.path...), token)
}

// into visits n under token.
func (w *schemaWalk) into(token string, n *yaml.Node, inSchema bool) {
	w.path = append(w.path, token)
	w.walk(n, inSchema)
	w.path = w.path[:len(w.path)-1]
}

// walk searches n for schemas; inSchema is true when n is one.
func (w *schemaWalk) walk(n *yaml.Node, inSchema bool) {
	n = source.Resolve(n)
	if n == nil || w.seen[n] {
		return // nothing, or a YAML anchor used again
	}
	w.seen[n] = true
	switch n.Kind {
	case yaml.SequenceNode:
		for i, e := range n.Content {
			w.into(strconv.Itoa(i), e, inSchema)
		}
	case yaml.MappingNode:
		if inSchema {
			w.schema(n)
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			switch {
			case isExtKey(k) || k == "example" || k == "examples":
			case k == "schema":
				w.into(k, v, true)
			case k == "schemas" || k == "definitions":
				w.members(k, v)
			case v.Kind == yaml.ScalarNode:
				// Nothing to walk.
			default:
				w.into(k, v, false)
			}
		}
	}
}

// members walks the schemas of n, a mapping of schemas (definitions,
// properties, …) under token.
func (w *schemaWalk) members(token string, n *yaml.Node) {
	w.path = append(w.path, token)
	source.Pairs(n, func(name string, s *yaml.Node) { w.into(name, s, true) })
	w.path = w.path[:len(w.path)-1]
}

// list walks the schemas of n, a list of schemas (allOf, anyOf, …) under token.
func (w *schemaWalk) list(token string, n *yaml.Node) {
	w.path = append(w.path, token)
	for i, e := range source.Items(n) {
		w.into(strconv.Itoa(i), e, true)
	}
	w.path = w.path[:len(w.path)-1]
}

// subschemaKeys hold one schema; subschemaLists a list of them; subschemaMaps a map of them.
var (
	subschemaKeys  = map[string]bool{"items": true, "not": true, "additionalProperties": true, "additionalItems": true, "contains": true, "propertyNames": true, "if": true, "then": true, "else": true}
	subschemaLists = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "prefixItems": true}
	subschemaMaps  = map[string]bool{"properties": true, "patternProperties": true, "definitions": true, "$defs": true, "dependentSchemas": true}
)

// schema checks one schema object and walks its subschemas.
func (w *schemaWalk) schema(n *yaml.Node) {
	typ := source.Scalar(source.Get(n, "type"))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case subschemaKeys[k.Value]:
			if r := source.Resolve(v); r != nil && r.Kind == yaml.MappingNode {
				w.into(k.Value, v, true)
			}
		case subschemaLists[k.Value]:
			w.list(k.Value, v)
		case subschemaMaps[k.Value]:
			w.members(k.Value, v)
		case k.Value == "discriminator":
			w.p.Add(diag.SchemaKeyword, k, w.at(k.Value),
				"REST API models do not support discriminator, so it has no effect in the model: describe the variants with allOf or in separate models")
		case k.Value == "exclusiveMinimum":
			w.p.Add(diag.SchemaKeyword, k, w.at(k.Value),
				"REST API models do not support exclusiveMinimum, so it has no effect in the model: use minimum with the next allowed value")
		case k.Value == "readOnly":
			w.p.Add(diag.SchemaKeyword, k, w.at(k.Value),
				"REST API models do not support readOnly, so it has no effect in the model: remove it, or describe requests and responses with separate models")
		case k.Value == "format":
			switch f := source.Scalar(v); {
			case f == "decimal":
				w.p.Add(diag.SchemaKeyword, v, w.at(k.Value),
					"REST API models do not support format: decimal: remove the format and keep type: number")
			case (f == "int32" || f == "int64") && typ == "number":
				w.p.Add(diag.SchemaKeyword, v, w.at(k.Value),
					"REST API models do not support type: number with format: %s: write type: integer, format: %s", f, f)
			}
		}
	}
}
