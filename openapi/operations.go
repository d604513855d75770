package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions"
	"go.yaml.in/yaml/v4"
)

// Extension is one decoded x-amazon-apigateway-* value and where it stands.
type Extension struct {
	// Name is the extension's name ("x-amazon-apigateway-integration").
	Name string
	// Place is where it stands (extensions.AtOperation, …).
	Place extensions.Place
	// Pointer is the absolute JSON pointer of the value in the file.
	Pointer string
	// Path and Method locate a path-item or operation extension ("/pets",
	// "GET"; Method is "ANY" for x-amazon-apigateway-any-method).
	Path, Method string
	// Owner names the security scheme or tag, or holds the server's index.
	Owner string
	// Key and Node are the source nodes of the key and the value.
	Key, Node *yaml.Node
	// Value is the decoded value; type-assert it to the extension's type.
	Value extensions.Value
}

// Operation is one operation of a document's paths.
type Operation struct {
	// Path is the path template ("/pets/{id}").
	Path string
	// Method is the upper-case HTTP method, or "ANY".
	Method string
	// Key is the path-item key as written ("get", "x-amazon-apigateway-any-method").
	Key string
	// Pointer is the operation's absolute JSON pointer.
	Pointer string
	// Node is the operation object.
	Node *yaml.Node
	// ID is the operationId; Summary and Description are as written.
	ID, Summary, Description string
	// Tags are the operation's tags.
	Tags []string
	// PathItem is the path item object that holds the operation, and
	// PathItemPointer its absolute pointer.
	PathItem        *yaml.Node
	PathItemPointer string
	// Parameters are the path item's parameters merged with the
	// operation's (an operation's parameter replaces the path item's of the
	// same name and location), $refs followed, in document order.
	Parameters []*Parameter
	// Body is the request body, nil when there is none.
	Body *RequestBody
	// Responses are the declared responses, in document order.
	Responses []*Response
	// Security is the operation's own security list; HasSecurity tells
	// whether it has one (an empty list turns security off). See
	// EffectiveSecurity.
	Security    []SecurityRequirement
	HasSecurity bool
	// Consumes and Produces are Swagger 2.0's media types for the
	// operation: its own, else the document's.
	Consumes, Produces []string

	doc         *Document
	first, last int // the operation's extensions are doc.exts[first:last]
}

// Extensions returns every decoded extension of the document, in document order.
func (d *Document) Extensions() []Extension { return d.exts }

// Operations returns the document's operations in document order. Where a
// path item or an operation is written as a CloudFormation Fn::If, it holds
// those of the branch read when every condition holds (the first that is
// not AWS::NoValue), as kin-openapi's view and import do; Check reads every
// branch.
func (d *Document) Operations() []*Operation { return d.ops }

// Operation returns the operation at path and method (any case; "ANY" for
// x-amazon-apigateway-any-method), or nil.
func (d *Document) Operation(path, method string) *Operation {
	for _, o := range d.ops {
		if o.Path == path && strings.EqualFold(o.Method, method) {
			return o
		}
	}
	return nil
}

// Extension returns the value of the extension name at the document root, or nil.
func (d *Document) Extension(name string) extensions.Value {
	return find(d.exts, func(e *Extension) bool { return e.Place == extensions.AtRoot && e.Name == name })
}

// ComponentsExtension returns the value of the extension name in components (OpenAPI 3), or nil.
func (d *Document) ComponentsExtension(name string) extensions.Value {
	return find(d.exts, func(e *Extension) bool { return e.Place == extensions.AtComponents && e.Name == name })
}

// PathExtension returns the value of the extension name in the path item path, or nil.
func (d *Document) PathExtension(path, name string) extensions.Value {
	return find(d.exts, func(e *Extension) bool {
		return e.Place == extensions.AtPathItem && e.Path == path && e.Name == name
	})
}

// SecuritySchemeExtension returns the value of the extension name in the
// security scheme scheme (components.securitySchemes or Swagger's
// securityDefinitions), or nil.
func (d *Document) SecuritySchemeExtension(scheme, name string) extensions.Value {
	return find(d.exts, func(e *Extension) bool {
		return e.Place == extensions.AtSecurityScheme && e.Owner == scheme && e.Name == name
	})
}

// ExtensionsNamed returns every occurrence of the extension name, in document order.
func (d *Document) ExtensionsNamed(name string) []Extension {
	var out []Extension
	for _, e := range d.exts {
		if e.Name == name {
			out = append(out, e)
		}
	}
	return out
}

// Extensions returns the operation's decoded extensions, in document order.
func (o *Operation) Extensions() []Extension { return o.doc.exts[o.first:o.last:o.last] }

// Extension returns the value of the operation's extension name, or nil.
func (o *Operation) Extension(name string) extensions.Value {
	return find(o.Extensions(), func(e *Extension) bool { return e.Name == name })
}

// Effective returns the operation's value of name, or the document root's
// when the operation has none (as for x-amazon-apigateway-request-validator).
func (o *Operation) Effective(name string) extensions.Value {
	if v := o.Extension(name); v != nil {
		return v
	}
	return o.doc.Extension(name)
}

func find(es []Extension, ok func(*Extension) bool) extensions.Value {
	for i := range es {
		if ok(&es[i]) {
			return es[i].Value
		}
	}
	return nil
}

// Label names the operation in messages: its operationId, or "GET /pets".
func (o *Operation) Label() string {
	if o.ID != "" {
		return o.ID
	}
	return o.Method + " " + o.Path
}

// Document returns the document that holds the operation.
func (o *Operation) Document() *Document { return o.doc }

// Integration returns the operation's x-amazon-apigateway-integration and
// where it stands, or nils when it has none.
func (o *Operation) Integration() (*extensions.Integration, *Extension) {
	es := o.Extensions()
	for i := range es {
		if v, ok := es[i].Value.(*extensions.Integration); ok {
			return v, &es[i]
		}
	}
	return nil, nil
}

// Backend returns the integration that serves the operation: its own, or
// for a $ref (HTTP APIs) the reusable integration it names in components;
// nil when there is none or the $ref names nothing.
func (o *Operation) Backend() *extensions.Integration {
	v, _ := o.Integration()
	if v == nil || !v.IsRef() {
		return v
	}
	all, ok := o.doc.ComponentsExtension(extensions.ExtIntegrations).(*extensions.Integrations)
	if !ok {
		return nil
	}
	t, _ := all.Integrations.Get(v.RefName())
	return t
}

// IsProxy tells whether the operation's integration passes requests and
// responses through (AWS_PROXY, HTTP_PROXY).
func (o *Operation) IsProxy() bool { return IsProxy(o.Backend()) }

// Response returns the declared response for status ("200", "default"),
// or nil.
func (o *Operation) Response(status string) *Response {
	for _, r := range o.Responses {
		if r.Status == status {
			return r
		}
	}
	return nil
}

// Parameter returns the parameter name in location in ("path", "query",
// "header"), or nil.
func (o *Operation) Parameter(in, name string) *Parameter {
	for _, p := range o.Parameters {
		if p.In == in && p.Name == name {
			return p
		}
	}
	return nil
}

// EffectiveSecurity returns the security list that applies to the
// operation: its own when it has one, else the document's; ok is false
// when neither has one.
func (o *Operation) EffectiveSecurity() (reqs []SecurityRequirement, ok bool) {
	if o.HasSecurity {
		return o.Security, true
	}
	return o.doc.Security, o.doc.HasSecurity
}

// SecurityScheme returns the security scheme name, or nil.
func (d *Document) SecurityScheme(name string) *SecurityScheme {
	for _, s := range d.SecuritySchemes {
		if s.Name == name {
			return s
		}
	}
	return nil
}
