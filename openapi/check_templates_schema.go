package openapi

// Comparing a rendered body with a method response's model: the OpenAPI
// schema becomes a JSON Schema (draft 4 for Swagger 2.0 and OpenAPI 3.0,
// whose schema objects are draft 4's with a few keywords of their own;
// 2020-12 for OpenAPI 3.1), validated by github.com/santhosh-tekuri/jsonschema.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

// maxSchemaDepth bounds the nesting of a converted schema.
const maxSchemaDepth = 64

// validateBody checks body against schema s. problem is "" when the body
// matches; ok is false when the schema cannot be used (problem says why).
func (d *Document) validateBody(s *Schema, body string) (problem string, ok bool) {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	var inst any
	if err := dec.Decode(&inst); err != nil {
		return "the body is not JSON (" + err.Error() + ")", true
	}
	if _, err := dec.Token(); err != io.EOF {
		return "the body is not JSON (text after the first value)", true
	}
	c := &schemaConv{doc: d, defs: map[*yaml.Node]string{}, out: map[string]any{}}
	root, err := c.convert(s.Node, s.Pointer, 0)
	if err != nil {
		return "the model cannot be compared: " + err.Error(), false
	}
	draft, defsKey := jsonschema.Draft4, "definitions"
	if d.Kind == OpenAPI31 {
		draft, defsKey = jsonschema.Draft2020, "$defs"
	}
	doc := map[string]any{}
	if m, isMap := root.(map[string]any); isMap {
		doc = m
	} else {
		doc["allOf"] = []any{root}
	}
	if len(c.out) > 0 {
		doc[defsKey] = c.out
	}
	// Through JSON, so that numbers are json.Number as the validator wants.
	raw, err := json.Marshal(doc)
	if err != nil {
		return "the model cannot be compared: " + err.Error(), false
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return "the model cannot be compared: " + err.Error(), false
	}
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(draft)
	const url = "apigw:///model.json"
	if err := comp.AddResource(url, v); err != nil {
		return "the model cannot be compared: " + err.Error(), false
	}
	sch, err := comp.Compile(url)
	if err != nil {
		return "the model cannot be compared: " + err.Error(), false
	}
	inst, err = jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		return "the body is not JSON (" + err.Error() + ")", true
	}
	if err := sch.Validate(inst); err != nil {
		if ve, isVE := err.(*jsonschema.ValidationError); isVE {
			return leafError(ve), true
		}
		return err.Error(), true
	}
	return "", true
}

// leafError describes the first most specific failure of a validation,
// as "at '/id': got string, want integer".
func leafError(ve *jsonschema.ValidationError) string {
	for len(ve.Causes) > 0 {
		ve = ve.Causes[0]
	}
	return ve.Error()
}

// schemaConv converts OpenAPI schema objects to JSON Schema, gathering the
// schemas that $refs name as definitions.
type schemaConv struct {
	doc  *Document
	defs map[*yaml.Node]string
	out  map[string]any
}

// convert converts the schema n at ptr.
func (c *schemaConv) convert(n *yaml.Node, ptr string, depth int) (any, error) {
	if depth > maxSchemaDepth {
		return nil, fmt.Errorf("the schema nests deeper than %d levels", maxSchemaDepth)
	}
	n = source.Resolve(n)
	if n == nil {
		return true, nil
	}
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!bool") {
		return source.IsTrue(n), nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the schema at %s is not an object", ptr)
	}
	if source.Get(n, "$ref") != nil && c.doc.Kind != OpenAPI31 {
		// Draft 4, as OpenAPI 3.0: a $ref's siblings are ignored.
		ref, err := c.ref(n, ptr, depth)
		if err != nil {
			return nil, err
		}
		return map[string]any{"$ref": ref}, nil
	}
	out := map[string]any{}
	nullable := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		kp := source.Pointer(ptr, k)
		switch {
		case strings.HasPrefix(k, "x-") && k != "x-nullable":
		case k == "nullable" || k == "x-nullable":
			nullable = source.IsTrue(v)
		case k == "$ref":
			ref, err := c.ref(n, ptr, depth)
			if err != nil {
				return nil, err
			}
			out["$ref"] = ref
		case k == "example" || k == "discriminator" || k == "xml" || k == "externalDocs" || k == "readOnly" || k == "writeOnly" || k == "deprecated":
			// OpenAPI's own keywords: no assertion.
		case k == "properties" || k == "patternProperties" || k == "definitions" || k == "$defs" || k == "dependentSchemas":
			m := map[string]any{}
			var err error
			source.Entries(v, func(pk, pv *yaml.Node) {
				if err == nil {
					m[pk.Value], err = c.convert(pv, source.Pointer(kp, pk.Value), depth+1)
				}
			})
			if err != nil {
				return nil, err
			}
			out[k] = m
		case k == "items" && source.Resolve(v) != nil && source.Resolve(v).Kind == yaml.SequenceNode,
			k == "allOf" || k == "anyOf" || k == "oneOf" || k == "prefixItems":
			var list []any
			for j, item := range source.Items(v) {
				sub, err := c.convert(item, source.PointerIndex(kp, j), depth+1)
				if err != nil {
					return nil, err
				}
				list = append(list, sub)
			}
			out[k] = list
		case k == "items" || k == "additionalProperties" || k == "not" || k == "additionalItems" || k == "contains" ||
			k == "propertyNames" || k == "if" || k == "then" || k == "else" || k == "unevaluatedProperties" || k == "unevaluatedItems":
			sub, err := c.convert(v, kp, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = sub
		default:
			val, err := plainValue(v, depth)
			if err != nil {
				return nil, err
			}
			out[k] = val
		}
	}
	if nullable && c.doc.Kind != OpenAPI31 {
		switch t := out["type"].(type) {
		case string:
			out["type"] = []any{t, "null"}
		case []any:
			out["type"] = append(t, "null")
		}
		if e, ok := out["enum"].([]any); ok {
			out["enum"] = append(e, nil)
		}
	}
	return out, nil
}

// ref converts the schema the $ref of n leads to, once, as a definition,
// and returns a reference to it.
func (c *schemaConv) ref(n *yaml.Node, ptr string, depth int) (string, error) {
	t, ok := c.doc.Follow(n, ptr)
	if !ok {
		return "", fmt.Errorf("%s names nothing this document can reach", source.Scalar(source.Get(n, "$ref")))
	}
	key := "definitions"
	if c.doc.Kind == OpenAPI31 {
		key = "$defs"
	}
	name, seen := c.defs[t.Node]
	if !seen {
		name = "d" + strconv.Itoa(len(c.defs))
		c.defs[t.Node] = name
		v, err := c.convert(t.Node, t.Pointer, depth+1)
		if err != nil {
			return "", err
		}
		c.out[name] = v
	}
	return "#/" + key + "/" + name, nil
}

// plainValue converts a keyword's value (not a schema) to a Go value.
func plainValue(n *yaml.Node, depth int) (any, error) {
	n = source.Resolve(n)
	if depth > maxSchemaDepth*2 {
		return nil, fmt.Errorf("a value nests deeper than %d levels", maxSchemaDepth*2)
	}
	switch {
	case n == nil:
		return nil, nil
	case n.Kind == yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			v, err := plainValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case n.Kind == yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := plainValue(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	}
	switch source.ScalarTag(n) {
	case source.TagNull:
		return nil, nil
	case source.TagBool:
		return source.IsTrue(n), nil
	case source.TagInt, source.TagFloat:
		var f any
		if err := n.Decode(&f); err != nil {
			return n.Value, nil
		}
		return f, nil
	}
	return n.Value, nil
}
