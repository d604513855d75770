package schema

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/invopop/jsonschema"
	"go.yaml.in/yaml/v4"
)

// maxSchemaDepth bounds the nesting of a converted schema.
const maxSchemaDepth = 128

// componentsRef is the prefix of a reference to a reusable schema in the
// converted (OpenAPI 3.1) document.
const componentsRef = "#/components/schemas/"

// jsonTypes are the type names of JSON Schema.
var jsonTypes = []string{"array", "boolean", "integer", "null", "number", "object", "string"}

// bodyConv converts OpenAPI 3.1 schemas of one document (Swagger 2.0 and
// OpenAPI 3.0 documents are converted to 3.1 first, which turns nullable
// into a type union, example into examples and boolean exclusive bounds
// into numbers) into invopop Schemas, collecting the reusable schemas they
// refer to as $defs of one output file.
type bodyConv struct {
	root *yaml.Node // the converted document
	// legacy is true when the source was not OpenAPI 3.1: there, keywords
	// beside a $ref are ignored, so only annotations are kept.
	legacy bool
	diags  *diagSet
	defs   jsonschema.Definitions
	queue  []string
	active map[*yaml.Node]bool
}

func newBodyConv(root *yaml.Node, legacy bool, diags *diagSet) *bodyConv {
	return &bodyConv{root: root, legacy: legacy, diags: diags, defs: jsonschema.Definitions{}, active: map[*yaml.Node]bool{}}
}

// finish converts every reusable schema referred to so far (and those they
// refer to) and returns the $defs.
func (c *bodyConv) finish() jsonschema.Definitions {
	schemas := source.Get(source.Get(c.root, "components"), "schemas")
	for len(c.queue) > 0 {
		name := c.queue[0]
		c.queue = c.queue[1:]
		rel := "/components/schemas/" + source.EscapeToken(name)
		n := source.Get(schemas, name)
		if n == nil {
			c.diags.Add(diag.ResponseSchemaRef, nil, rel, "no schema %q in components.schemas; responses that refer to it accept any value there: define it", name)
			c.defs[name] = &jsonschema.Schema{Comments: "undefined in the document"}
			continue
		}
		c.defs[name] = c.schema(n, rel, 0)
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

// schema converts the schema at n (rel is its pointer in the document).
func (c *bodyConv) schema(n *yaml.Node, rel string, depth int) *jsonschema.Schema {
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
		c.diags.Add(diag.ResponseSchemaKeyword, n, rel, "a schema must be an object; this one accepts any value in the generated schema")
		return &jsonschema.Schema{}
	}
	if depth > maxSchemaDepth {
		c.diags.Add(diag.ResponseSchemaKeyword, n, rel, "schema nested deeper than %d levels; below that, any value is accepted", maxSchemaDepth)
		return &jsonschema.Schema{}
	}
	s := &jsonschema.Schema{}
	if ref, ok := str(source.Get(n, "$ref")); ok {
		c.ref(s, ref, n, rel, depth)
		if c.legacy {
			c.keywords(s, n, rel, depth, annotationKeywords)
			return s
		}
	}
	c.keywords(s, n, rel, depth, nil)
	return s
}

// annotationKeywords are kept beside a $ref in OpenAPI 3.0 and Swagger 2.0.
var annotationKeywords = []string{"title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly"}

// ref sets s to refer to what ref names: a reusable schema becomes a $ref
// into $defs; another local target is converted in place; anything else
// accepts any value.
func (c *bodyConv) ref(s *jsonschema.Schema, ref string, n *yaml.Node, rel string, depth int) {
	if rest, ok := strings.CutPrefix(ref, componentsRef); ok {
		name, sub, _ := strings.Cut(rest, "/")
		name = unescapePointer(name)
		if source.Get(source.Get(source.Get(c.root, "components"), "schemas"), name) != nil || sub == "" {
			c.use(name)
			s.Ref = "#/$defs/" + fragmentEscape(source.EscapeToken(name))
			if sub != "" {
				s.Ref += "/" + fragmentEscape(sub)
			}
			return
		}
	}
	if target := localRef(c.root, ref); target != nil && strings.HasPrefix(ref, "#/") {
		if c.active[target] {
			c.diags.Add(diag.ResponseSchemaRef, n, rel+"/$ref", "$ref %q is recursive outside components.schemas; from the second level on any value is accepted: move the schema to components.schemas", ref)
			return
		}
		c.active[target] = true
		*s = *c.schema(target, strings.TrimPrefix(ref, "#"), depth+1)
		delete(c.active, target)
		return
	}
	c.diags.Add(diag.ResponseSchemaRef, n, rel+"/$ref", "$ref %q cannot be followed (external or naming nothing); the generated schema accepts any value there", ref)
	s.Comments = "unresolved $ref " + ref
}

// keywords converts the keywords of the mapping n into s; only those in
// keep when keep is not nil.
func (c *bodyConv) keywords(s *jsonschema.Schema, n *yaml.Node, rel string, depth int, keep []string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, source.Resolve(n.Content[i+1])
		if k == "$ref" || keep != nil && !slices.Contains(keep, k) {
			continue
		}
		krel := rel + "/" + source.EscapeToken(k)
		bad := func(want string) {
			c.diags.Add(diag.ResponseSchemaKeyword, v, krel, "%s must be %s; it is left out of the generated schema", k, want)
		}
		sub := func(v *yaml.Node, r string) *jsonschema.Schema { return c.schema(v, r, depth+1) }
		switch k {
		case "type":
			c.typ(s, v, krel, bad)
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
				c.diags.Add(diag.ResponseSchemaPattern, v, krel, "pattern %q is not in the regex subset that RE2-based validators (Go, Rust) accept; it is kept as the annotation x-apigw-pattern and not checked", p)
				setExtra(s, "x-apigw-pattern", p)
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
			*map[string]*string{"title": &s.Title, "description": &s.Description, "format": &s.Format,
				"contentEncoding": &s.ContentEncoding, "contentMediaType": &s.ContentMediaType, "$comment": &s.Comments}[k] = t
		case "properties":
			if v.Kind != yaml.MappingNode {
				bad("an object of schemas")
				continue
			}
			s.Properties = jsonschema.NewProperties()
			source.Pairs(v, func(pk string, pv *yaml.Node) { s.Properties.Set(pk, sub(pv, krel+"/"+source.EscapeToken(pk))) })
		case "patternProperties", "dependentSchemas":
			if v.Kind != yaml.MappingNode {
				bad("an object of schemas")
				continue
			}
			m := map[string]*jsonschema.Schema{}
			source.Pairs(v, func(pk string, pv *yaml.Node) {
				if _, err := regexp.Compile(pk); k == "patternProperties" && err != nil {
					c.diags.Add(diag.ResponseSchemaPattern, pv, krel+"/"+source.EscapeToken(pk), "pattern %q is not in the regex subset that RE2-based validators accept; the property pattern is left out", pk)
					return
				}
				m[pk] = sub(pv, krel+"/"+source.EscapeToken(pk))
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
					s.PrefixItems = append(s.PrefixItems, sub(e, krel+"/"+strconv.Itoa(j)))
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
				out[j] = sub(e, krel+"/"+strconv.Itoa(j))
			}
			*map[string]*[]*jsonschema.Schema{"prefixItems": &s.PrefixItems, "allOf": &s.AllOf, "anyOf": &s.AnyOf, "oneOf": &s.OneOf}[k] = out
		case "nullable", "$schema", "$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$vocabulary", "$defs", "definitions", "additionalItems", "dependencies":
			// nullable is turned into a type union by the conversion (alone it
			// means nothing); identifiers and nested definitions would change
			// how references in the output resolve.
		default:
			// OpenAPI keywords (discriminator, xml, externalDocs) and
			// extensions stay as annotations.
			if raw, ok := c.value(v, krel); ok {
				setExtra(s, k, raw)
			}
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

// typ sets the type keyword from a name or a list of names.
func (c *bodyConv) typ(s *jsonschema.Schema, v *yaml.Node, rel string, bad func(string)) {
	var names []string
	if t, ok := str(v); ok {
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
			c.diags.Add(diag.ResponseSchemaKeyword, v, rel, "type %q is not a JSON Schema type (write one of %s); it is left out of the generated schema", t, strings.Join(jsonTypes, ", "))
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
		c.diags.Add(diag.ResponseSchemaKeyword, v, rel, "value cannot be written as JSON (%v); it is left out", err)
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
		raw, ok := c.value(e, rel+"/"+strconv.Itoa(j))
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

// setExtra sets a keyword that invopop's Schema has no field for.
func setExtra(s *jsonschema.Schema, k string, v any) {
	if s.Extras == nil {
		s.Extras = map[string]any{}
	}
	s.Extras[k] = v
}

// localRef resolves a local "#/…" reference in root, or returns nil.
func localRef(root *yaml.Node, ref string) *yaml.Node {
	p, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil
	}
	n := source.Resolve(root)
	if p == "" {
		return n
	}
	for _, part := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		part = unescapePointer(part)
		switch {
		case n == nil:
			return nil
		case n.Kind == yaml.MappingNode:
			n = source.Get(n, part)
		case n.Kind == yaml.SequenceNode:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = source.Resolve(n.Content[i])
		default:
			return nil
		}
	}
	return n
}

func unescapePointer(s string) string {
	if strings.Contains(s, "%") {
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
}

// fragmentEscape percent-encodes what may not stand in a URI fragment.
func fragmentEscape(s string) string {
	var b strings.Builder
	for _, r := range []byte(s) {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@/", r) >= 0 {
			b.WriteByte(r)
			continue
		}
		b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(r)>>4, 16)+strconv.FormatUint(uint64(r)&15, 16)))
	}
	return b.String()
}
