package extensions

import (
	"strconv"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtDocumentation is the name of the REST API's documentation parts.
const ExtDocumentation = "x-amazon-apigateway-documentation"

// DocumentationLocationTypes are the documentation part location types (the SDK's DocumentationPartType).
var DocumentationLocationTypes = []string{
	"API", "AUTHORIZER", "MODEL", "RESOURCE", "METHOD", "PATH_PARAMETER", "QUERY_PARAMETER",
	"REQUEST_HEADER", "REQUEST_BODY", "RESPONSE", "RESPONSE_HEADER", "RESPONSE_BODY",
}

// Documentation is x-amazon-apigateway-documentation: a documentation
// version and its parts, as API Gateway exports them.
type Documentation struct {
	Version     Str                  `json:"version,omitempty"`
	CreatedDate Str                  `json:"createdDate,omitempty"`
	Parts       []*DocumentationPart `json:"documentationParts,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

// DocumentationPart documents one API entity: where it is and what it says.
type DocumentationPart struct {
	Location *DocumentationLocation `json:"location,omitempty"`
	// Properties is the documentation content, a JSON object, as written.
	Properties *yaml.Node `json:"properties,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

// DocumentationLocation says which API entity a documentation part is about.
type DocumentationLocation struct {
	// Type is one of DocumentationLocationTypes.
	Type       string `json:"type,omitempty"`
	Path       Str    `json:"path,omitempty"`
	Method     Str    `json:"method,omitempty"`
	StatusCode Str    `json:"statusCode,omitempty"`
	Name       Str    `json:"name,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

// docLocationFields says which location fields each type uses; name is required where listed.
var docLocationFields = map[string]struct{ path, method, status, name bool }{
	"API":             {},
	"AUTHORIZER":      {name: true},
	"MODEL":           {name: true},
	"RESOURCE":        {path: true},
	"METHOD":          {path: true, method: true},
	"PATH_PARAMETER":  {path: true, method: true, name: true},
	"QUERY_PARAMETER": {path: true, method: true, name: true},
	"REQUEST_HEADER":  {path: true, method: true, name: true},
	"REQUEST_BODY":    {path: true, method: true},
	"RESPONSE":        {path: true, method: true, status: true},
	"RESPONSE_HEADER": {path: true, method: true, status: true, name: true},
	"RESPONSE_BODY":   {path: true, method: true, status: true},
}

func init() {
	register(&Spec{Name: ExtDocumentation, Places: AtRoot, RESTOnly: true,
		Summary: "Documentation version and parts of the REST API.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.documentation(n, ptr) }})
}

// Extension implements Value.
func (*Documentation) Extension() string { return ExtDocumentation }

// Node returns the node the value was decoded from, nil when built in Go.
func (v *Documentation) Node() *yaml.Node { return v.src }

func (d *decoder) documentation(n *yaml.Node, ptr string) *Documentation {
	doc := &Documentation{src: n}
	if isIntrinsicObject(n) {
		return doc
	}
	d.object(n, ptr, ExtDocumentation, []field{
		{"version", func(v *yaml.Node, p string) { doc.Version = d.str(v, p, "version") }},
		{"createdDate", func(v *yaml.Node, p string) { doc.CreatedDate = d.str(v, p, "createdDate") }},
		{"documentationParts", func(v *yaml.Node, p string) {
			r := source.Resolve(v)
			if r == nil || r.Kind != yaml.SequenceNode {
				d.Add(diag.WrongType, v, p, "documentationParts must be a list of documentation parts, not %s", kindName(v))
				return
			}
			doc.Parts = make([]*DocumentationPart, 0, len(r.Content))
			for i, e := range r.Content {
				doc.Parts = append(doc.Parts, d.documentationPart(e, source.Pointer(p, strconv.Itoa(i))))
			}
		}},
	}, &doc.Unknown)
	return doc
}

func (d *decoder) documentationPart(n *yaml.Node, ptr string) *DocumentationPart {
	part := &DocumentationPart{src: n}
	if d.object(n, ptr, "documentation part", []field{
		{"location", func(v *yaml.Node, p string) { part.Location = d.documentationLocation(v, p) }},
		{"properties", func(v *yaml.Node, p string) {
			part.Properties = v
			if r := source.Resolve(v); r == nil || r.Kind == yaml.SequenceNode {
				d.Add(diag.WrongType, v, p, "properties must be a JSON object (or a string holding one), not %s", kindName(v))
			}
		}},
	}, &part.Unknown) && lookupKey(n, "location") == nil {
		d.Add(diag.MissingField, n, ptr, "documentation part needs location: {type: API} or another location")
	}
	return part
}

func (d *decoder) documentationLocation(n *yaml.Node, ptr string) *DocumentationLocation {
	loc := &DocumentationLocation{src: n}
	if !d.object(n, ptr, "documentation location", []field{
		{"type", func(v *yaml.Node, p string) {
			loc.Type = d.enum(v, p, "location type", DocumentationLocationTypes, false)
		}},
		{"path", func(v *yaml.Node, p string) { loc.Path = d.str(v, p, "path") }},
		{"method", func(v *yaml.Node, p string) { loc.Method = d.str(v, p, "method") }},
		{"statusCode", func(v *yaml.Node, p string) {
			loc.StatusCode = d.str(v, p, "statusCode")
			d.checkStatusCode(v, p, "statusCode", loc.StatusCode, true)
		}},
		{"name", func(v *yaml.Node, p string) { loc.Name = d.str(v, p, "name") }},
	}, &loc.Unknown) {
		return loc
	}
	if lookupKey(n, "type") == nil {
		d.Add(diag.MissingField, n, ptr, "documentation location needs type, one of API, RESOURCE, METHOD, …")
		return loc
	}
	uses, known := docLocationFields[loc.Type]
	if !known {
		return loc
	}
	if uses.name && lookupKey(n, "name") == nil {
		d.Add(diag.DocumentationLocation, n, ptr, "a %s location needs name, the name of the entity documented", loc.Type)
	}
	for _, f := range []struct {
		key  string
		used bool
	}{{"path", uses.path}, {"method", uses.method}, {"statusCode", uses.status}, {"name", uses.name}} {
		k := lookupKey(n, f.key)
		switch {
		case k == nil || f.used:
		case f.key == "name":
			d.Add(diag.DocumentationLocation, k, source.Pointer(ptr, f.key), "name is an invalid field for a location of type %s (the API reference allows it only for the types that require it): remove it", loc.Type)
		default:
			// A warning, not the code's error: the API reference lists the
			// types path, method and statusCode are valid for, but calls
			// only name invalid for the others.
			d.AddAs(diag.Warning, diag.DocumentationLocation, k, source.Pointer(ptr, f.key), "%s does not apply to a location of type %s; remove it", f.key, loc.Type)
		}
	}
	return loc
}

// Encode implements Value.
func (v *Documentation) Encode() *yaml.Node {
	if keepAsWritten(v.src) {
		return v.src
	}
	var parts *yaml.Node
	if orig := source.Lookup(v.src, "documentationParts"); v.Parts != nil || orig != nil {
		parts = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		copyLayout(parts, source.Resolve(orig))
		if r := source.Resolve(orig); r != nil && r.Kind != yaml.SequenceNode && v.Parts == nil {
			parts = orig
		}
		for _, p := range v.Parts {
			parts.Content = append(parts.Content, p.Encode())
		}
	}
	return encodeObject(v.src, []encField{
		{"version", encStr(source.Lookup(v.src, "version"), v.Version)},
		{"createdDate", encStr(source.Lookup(v.src, "createdDate"), v.CreatedDate)},
		{"documentationParts", parts},
	}, v.Unknown)
}

// Encode returns the documentation part as a node, keeping what was written.
func (p *DocumentationPart) Encode() *yaml.Node {
	if keepAsWritten(p.src) {
		return p.src
	}
	var loc *yaml.Node
	if p.Location != nil {
		loc = p.Location.Encode()
	}
	return encodeObject(p.src, []encField{{"location", loc}, {"properties", p.Properties}}, p.Unknown)
}

// Encode returns the location as a node, keeping what was written.
func (l *DocumentationLocation) Encode() *yaml.Node {
	if keepAsWritten(l.src) {
		return l.src
	}
	g := func(k string) *yaml.Node { return source.Lookup(l.src, k) }
	return encodeObject(l.src, []encField{
		{"type", encPlain(g("type"), l.Type)},
		{"path", encStr(g("path"), l.Path)},
		{"method", encStr(g("method"), l.Method)},
		{"statusCode", encStr(g("statusCode"), l.StatusCode)},
		{"name", encStr(g("name"), l.Name)},
	}, l.Unknown)
}
