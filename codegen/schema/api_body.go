package schema

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"github.com/invopop/jsonschema"
	"go.yaml.in/yaml/v4"
)

// maxSchemaDepth bounds the nesting of a converted schema.
const maxSchemaDepth = 128

// jsonTypes are the type names of JSON Schema.
var jsonTypes = []string{"array", "boolean", "integer", "null", "number", "object", "string"}

// bodyConv converts the schemas of one document (Swagger 2.0, OpenAPI 3.0
// or 3.1) into invopop Schemas of JSON Schema 2020-12, collecting the
// reusable schemas they refer to as $defs of one output file. The older
// versions' keywords are read as 2020-12 says them: nullable becomes a type
// union, example becomes examples and a boolean exclusive bound a number.
type bodyConv struct {
	g *apiGen
	// legacy is true when the source is not OpenAPI 3.1: there, keywords
	// beside a $ref are ignored, so only annotations are kept, and the
	// older keywords are converted.
	legacy bool
	defs   jsonschema.Definitions
	queue  []string
	active map[*yaml.Node]bool
}

func newBodyConv(g *apiGen) *bodyConv {
	return &bodyConv{g: g, legacy: g.doc.Kind != openapi.OpenAPI31, defs: jsonschema.Definitions{}, active: map[*yaml.Node]bool{}}
}

// finish converts every reusable schema referred to so far (and those they
// refer to) and returns the $defs.
func (c *bodyConv) finish() jsonschema.Definitions {
	for len(c.queue) > 0 {
		name := c.queue[0]
		c.queue = c.queue[1:]
		ns := c.g.named[name]
		if ns == nil {
			c.g.Add(diag.ResponseSchemaRef, nil, source.Pointer(c.g.doc.Pointer+c.g.reusable, name), "no schema %q in %s; responses that refer to it accept any value there: define it", name, c.g.reusableName())
			c.defs[name] = &jsonschema.Schema{Comments: "undefined in the document"}
			continue
		}
		c.defs[name] = c.schema(ns.Node, ns.Pointer, 0)
	}
	if len(c.defs) == 0 {
		return nil
	}
	return c.defs
}

// use records that the output refers to the reusable schema name.
func (c *bodyConv) use(name string) {
	if _, ok := c.defs[name]; ok {
		return
	}
	c.defs[name] = nil // placeholder, filled by finish
	c.queue = append(c.queue, name)
}

// schema converts the schema at n (ptr is its absolute pointer).
func (c *bodyConv) schema(n *yaml.Node, ptr string, depth int) *jsonschema.Schema {
	return c.only(n, ptr, depth, nil)
}

// only converts the schema at n, its keywords limited to keep when keep is
// not nil (a Swagger 2.0 header object is a schema and more).
func (c *bodyConv) only(n *yaml.Node, ptr string, depth int, keep []string) *jsonschema.Schema {
	n = source.Resolve(n)
	if n == nil {
		return &jsonschema.Schema{}
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		if n.Value == "false" {
			return jsonschema.FalseSchema
		}
		return jsonschema.TrueSchema
	}
	if n.Kind != yaml.MappingNode {
		c.g.Add(diag.ResponseSchemaKeyword, n, ptr, "a schema must be an object; this one accepts any value in the generated schema")
		return &jsonschema.Schema{}
	}
	if depth > maxSchemaDepth {
		c.g.Add(diag.ResponseSchemaKeyword, n, ptr, "schema nested deeper than %d levels; below that, any value is accepted", maxSchemaDepth)
		return &jsonschema.Schema{}
	}
	s := &jsonschema.Schema{}
	if ref, ok := str(source.Get(n, "$ref")); ok && keep == nil {
		c.ref(s, ref, n, ptr, depth)
		if c.legacy {
			c.keywords(s, n, ptr, depth, legacyAnnotations)
			return s
		}
	}
	c.keywords(s, n, ptr, depth, keep)
	return s
}

// annotationKeywords are kept beside a $ref in OpenAPI 3.0 and Swagger 2.0;
// legacyAnnotations are the same with the older spelling of examples.
var (
	annotationKeywords = []string{"title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly"}
	legacyAnnotations  = append(slices.Clone(annotationKeywords), "example")
)

// ref sets s to refer to what ref names: a reusable schema, or a place
// inside one, becomes a $ref into $defs; another target is converted in
// place; a reference that leads nowhere accepts any value.
func (c *bodyConv) ref(s *jsonschema.Schema, ref string, n *yaml.Node, ptr string, depth int) {
	sch := c.g.doc.SchemaAt(n, ptr)
	if name, sub, ok := c.g.reusableOf(sch); ok {
		c.use(name)
		s.Ref = source.RefTo(source.Pointer("/$defs", name) + sub)
		return
	}
	if sch.Resolved && ref != "#" {
		target := sch.Target
		if c.active[target] {
			c.g.Add(diag.ResponseSchemaRef, n, ptr+"/$ref", "$ref %q is recursive outside %s; from the second level on any value is accepted: move the schema to %[2]s", ref, c.g.reusableName())
			return
		}
		c.active[target] = true
		file := c.g.File
		if sch.File != "" {
			c.g.File = sch.File // diagnostics below stand in the file the $ref read
		}
		*s = *c.schema(target, sch.TargetPointer, depth+1)
		c.g.File = file
		delete(c.active, target)
		return
	}
	c.g.Add(diag.ResponseSchemaRef, n, ptr+"/$ref", "$ref %q cannot be followed (external or naming nothing); the generated schema accepts any value there", ref)
	s.Comments = "unresolved $ref " + ref
}

// keywords converts the keywords of the mapping n into s; only those in
// keep when keep is not nil.
func (c *bodyConv) keywords(s *jsonschema.Schema, n *yaml.Node, ptr string, depth int, keep []string) {
	var old legacyKeywords
	if c.legacy {
		old = readLegacy(n, keep)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, source.Resolve(n.Content[i+1])
		if k == "$ref" || keep != nil && !slices.Contains(keep, k) {
			continue
		}
		if b, ok := old.bounds[k]; ok {
			if b == nil {
				continue
			}
			v = b
		}
		if k == "examples" && old.example {
			continue // example replaces it
		}
		krel := source.Pointer(ptr, k)
		bad := func(want string) {
			c.g.Add(diag.ResponseSchemaKeyword, v, krel, "%s must be %s; it is left out of the generated schema", k, want)
		}
		sub := func(v *yaml.Node, r string) *jsonschema.Schema { return c.schema(v, r, depth+1) }
		switch k {
		case "type":
			c.typ(s, v, krel, bad, old.nullable)
		case "enum", "examples":
			vals, ok := c.values(v, krel)
			if !ok {
				bad("a list")
				continue
			}
			if k == "enum" {
				if len(vals) == 0 {
					bad("a non-empty list")
					continue
				}
				s.Enum = vals
			} else {
				s.Examples = append(s.Examples, vals...)
			}
		case "example":
			if raw, ok := c.value(v, krel); ok {
				s.Examples = append(s.Examples, raw)
			}
		case "const":
			if raw, ok := c.value(v, krel); ok {
				s.Const = raw
			}
		case "default":
			if raw, ok := c.value(v, krel); ok {
				s.Default = raw
			}
		case "multipleOf", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum":
			num, ok := number(v)
			if !ok || k == "multipleOf" && strings.HasPrefix(string(num), "-") || k == "multipleOf" && isZero(num) {
				bad("a number (multipleOf: greater than 0)")
				continue
			}
			*map[string]*json.Number{"multipleOf": &s.MultipleOf, "maximum": &s.Maximum, "minimum": &s.Minimum,
				"exclusiveMaximum": &s.ExclusiveMaximum, "exclusiveMinimum": &s.ExclusiveMinimum}[k] = num
		case "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties", "maxContains", "minContains":
			u, err := strconv.ParseUint(source.Scalar(v), 10, 64)
			if err != nil || v.ShortTag() != "!!int" {
				bad("a non-negative integer")
				continue
			}
			*map[string]**uint64{"maxLength": &s.MaxLength, "minLength": &s.MinLength, "maxItems": &s.MaxItems,
				"minItems": &s.MinItems, "maxProperties": &s.MaxProperties, "minProperties": &s.MinProperties,
				"maxContains": &s.MaxContains, "minContains": &s.MinContains}[k] = &u
		case "pattern":
			p, ok := str(v)
			if !ok {
				bad("a string")
				continue
			}
			if _, err := regexp.Compile(p); err != nil {
				c.g.Add(diag.ResponseSchemaPattern, v, krel, "pattern %q is not in the regex subset that RE2-based validators (Go, Rust) accept; it is kept in $comment and not checked", p)
				addComment(s, "pattern "+p+" is not checked: RE2-based validators cannot compile it")
				continue
			}
			s.Pattern = p
		case "uniqueItems", "deprecated", "readOnly", "writeOnly":
			if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
				bad("true or false")
				continue
			}
			b := v.Value == "true"
			*map[string]*bool{"uniqueItems": &s.UniqueItems, "deprecated": &s.Deprecated, "readOnly": &s.ReadOnly, "writeOnly": &s.WriteOnly}[k] = b
		case "required":
			names, ok := nameList(v)
			if !ok {
				bad("a list of property names (in OpenAPI, required: true belongs to parameters, not to schema properties)")
				continue
			}
			s.Required = names
		case "title", "description", "format", "contentEncoding", "contentMediaType", "$comment":
			t, ok := str(v)
			if !ok {
				bad("a string")
				continue
			}
			switch k {
			case "format":
				// An annotation in 2020-12, but validators that know no
				// formats refuse the keyword in strict mode (ajv's default),
				// and OpenAPI's int32, int64, float, double, byte, binary and
				// password are formats none knows.
				addComment(s, "format: "+t)
			case "$comment":
				addComment(s, t)
			default:
				*map[string]*string{"title": &s.Title, "description": &s.Description,
					"contentEncoding": &s.ContentEncoding, "contentMediaType": &s.ContentMediaType}[k] = t
			}
		case "properties":
			if v.Kind != yaml.MappingNode {
				bad("an object of schemas")
				continue
			}
			s.Properties = jsonschema.NewProperties()
			source.Pairs(v, func(pk string, pv *yaml.Node) { s.Properties.Set(pk, sub(pv, source.Pointer(krel, pk))) })
		case "patternProperties", "dependentSchemas":
			if v.Kind != yaml.MappingNode {
				bad("an object of schemas")
				continue
			}
			m := map[string]*jsonschema.Schema{}
			source.Pairs(v, func(pk string, pv *yaml.Node) {
				if _, err := regexp.Compile(pk); k == "patternProperties" && err != nil {
					c.g.Add(diag.ResponseSchemaPattern, pv, source.Pointer(krel, pk), "pattern %q is not in the regex subset that RE2-based validators accept; the property pattern is left out", pk)
					return
				}
				m[pk] = sub(pv, source.Pointer(krel, pk))
			})
			if k == "patternProperties" {
				s.PatternProperties = m
			} else {
				s.DependentSchemas = m
			}
		case "dependentRequired":
			m := map[string][]string{}
			ok := v.Kind == yaml.MappingNode
			source.Pairs(v, func(pk string, pv *yaml.Node) {
				names, good := nameList(pv)
				ok = ok && good
				m[pk] = names
			})
			if !ok {
				bad("an object of property-name lists")
				continue
			}
			s.DependentRequired = m
		case "items":
			if v.Kind == yaml.SequenceNode { // the tuple form of older drafts
				for j, e := range source.Items(v) {
					s.PrefixItems = append(s.PrefixItems, sub(e, source.PointerIndex(krel, j)))
				}
				continue
			}
			s.Items = sub(v, krel)
		case "additionalProperties":
			s.AdditionalProperties = sub(v, krel)
		case "not":
			s.Not = sub(v, krel)
		case "contains":
			s.Contains = sub(v, krel)
		case "propertyNames":
			s.PropertyNames = sub(v, krel)
		case "if":
			s.If = sub(v, krel)
		case "then":
			s.Then = sub(v, krel)
		case "else":
			s.Else = sub(v, krel)
		case "contentSchema":
			s.ContentSchema = sub(v, krel)
		case "unevaluatedProperties", "unevaluatedItems":
			setExtra(s, k, sub(v, krel))
		case "prefixItems", "allOf", "anyOf", "oneOf":
			list := source.Items(v)
			if len(list) == 0 {
				bad("a non-empty list of schemas")
				continue
			}
			out := make([]*jsonschema.Schema, len(list))
			for j, e := range list {
				out[j] = sub(e, source.PointerIndex(krel, j))
			}
			*map[string]*[]*jsonschema.Schema{"prefixItems": &s.PrefixItems, "allOf": &s.AllOf, "anyOf": &s.AnyOf, "oneOf": &s.OneOf}[k] = out
		case "nullable", "$schema", "$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$vocabulary", "$defs", "definitions", "additionalItems", "dependencies":
			// nullable is read with type (alone it means nothing);
			// identifiers and nested definitions would change how
			// references in the output resolve.
		default:
			// OpenAPI keywords (discriminator, xml, externalDocs) and
			// extensions say nothing about the JSON a client receives, and
			// validators in strict mode refuse keywords they do not know.
		}
	}
	if x := source.Get(n, "x-nullable"); x != nil && x.Value == "true" && s.Type != "" && keep == nil {
		setExtra(s, "type", []string{s.Type, "null"}) // Swagger 2.0 has no nullable; x-nullable is the common spelling
		s.Type = ""
	}
	if s.Enum != nil && typeAllows(s, "null") && !slices.ContainsFunc(s.Enum, func(e any) bool { r, ok := e.(json.RawMessage); return ok && string(r) == "null" }) {
		s.Enum = append(s.Enum, json.RawMessage("null")) // nullable with enum: null is a value too
	}
}

// legacyKeywords is how the OpenAPI 3.0 and Swagger 2.0 keywords of one
// schema read in 2020-12.
type legacyKeywords struct {
	// nullable: a single type also allows null.
	nullable bool
	// bounds holds, for a boolean exclusiveMinimum or exclusiveMaximum, the
	// value the keyword takes (its bound's), and nil for each keyword that
	// is dropped (the bound made exclusive, or a boolean that is false or
	// has no bound).
	bounds map[string]*yaml.Node
	// example is set when example is given: it is the one example, and
	// examples (no 3.0 keyword) is ignored.
	example bool
}

// readLegacy reads the older keywords of the schema n, limited to keep when
// keep is not nil.
func readLegacy(n *yaml.Node, keep []string) legacyKeywords {
	l := legacyKeywords{
		nullable: keep == nil && source.IsTrue(source.Get(n, "nullable")),
		example:  (keep == nil || slices.Contains(keep, "example")) && source.Get(n, "example") != nil,
	}
	for _, b := range [][2]string{{"exclusiveMinimum", "minimum"}, {"exclusiveMaximum", "maximum"}} {
		ex := source.Resolve(source.Get(n, b[0]))
		if ex == nil || ex.Kind != yaml.ScalarNode || ex.ShortTag() != "!!bool" {
			continue
		}
		if l.bounds == nil {
			l.bounds = map[string]*yaml.Node{}
		}
		l.bounds[b[0]] = nil
		if bound := source.Resolve(source.Get(n, b[1])); bound != nil && source.IsTrue(ex) {
			l.bounds[b[0]], l.bounds[b[1]] = bound, nil
		}
	}
	return l
}

// typ sets the type keyword from a name or a list of names.
// With nullable (OpenAPI 3.0), a single type also allows null.
func (c *bodyConv) typ(s *jsonschema.Schema, v *yaml.Node, rel string, bad func(string), nullable bool) {
	var names []string
	if nullable && v.Kind == yaml.ScalarNode {
		names = []string{v.Value, "null"}
	} else if t, ok := str(v); ok {
		names = []string{t}
	} else if list, ok := nameList(v); ok && len(list) > 0 {
		names = list
	} else {
		bad("a type name or a list of them")
		return
	}
	var out []string
	for _, t := range names {
		if t == "file" { // Swagger 2.0 file responses are bytes
			t = "string"
		}
		if !slices.Contains(jsonTypes, t) {
			c.g.Add(diag.ResponseSchemaKeyword, v, rel, "type %q is not a JSON Schema type (write one of %s); it is left out of the generated schema", t, strings.Join(jsonTypes, ", "))
			continue
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	switch len(out) {
	case 0:
	case 1:
		s.Type = out[0]
	default:
		setExtra(s, "type", out)
	}
}

// typeAllows tells whether s's type keyword lists t.
func typeAllows(s *jsonschema.Schema, t string) bool {
	if s.Type != "" {
		return s.Type == t
	}
	list, _ := s.Extras["type"].([]string)
	return slices.Contains(list, t)
}

// value renders an instance value (enum member, example, default) as JSON.
func (c *bodyConv) value(v *yaml.Node, rel string) (json.RawMessage, bool) {
	raw, err := rawJSON(v)
	if err != nil {
		c.g.Add(diag.ResponseSchemaKeyword, v, rel, "value cannot be written as JSON (%v); it is left out", err)
		return nil, false
	}
	return raw, true
}

// values renders the members of a list.
func (c *bodyConv) values(v *yaml.Node, rel string) ([]any, bool) {
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil, false
	}
	var out []any
	seen := map[string]bool{}
	for j, e := range v.Content {
		raw, ok := c.value(e, source.PointerIndex(rel, j))
		if ok && !seen[string(raw)] {
			seen[string(raw)] = true
			out = append(out, raw)
		}
	}
	return out, true
}

// number returns a numeric scalar as a JSON number.
func number(v *yaml.Node) (json.Number, bool) {
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" && v.ShortTag() != "!!float" {
		return "", false
	}
	raw, err := rawJSON(v)
	if err != nil {
		return "", false
	}
	return json.Number(raw), true
}

func isZero(n json.Number) bool {
	f, err := n.Float64()
	return err == nil && f == 0
}

// nameList returns a list of strings without duplicates (JSON Schema wants
// required and dependentRequired unique).
func nameList(v *yaml.Node) ([]string, bool) {
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil, false
	}
	out := []string{}
	for _, e := range source.Items(v) {
		t, ok := str(e)
		if !ok {
			return nil, false
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, true
}

// addComment adds a line to the schema's $comment.
func addComment(s *jsonschema.Schema, text string) {
	if s.Comments != "" {
		s.Comments += "\n"
	}
	s.Comments += text
}

// setExtra sets a keyword that invopop's Schema has no field for.
func setExtra(s *jsonschema.Schema, k string, v any) {
	if s.Extras == nil {
		s.Extras = map[string]any{}
	}
	s.Extras[k] = v
}
