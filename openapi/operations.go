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

	doc         *Document
	first, last int // the operation's extensions are doc.exts[first:last]
}

// Extensions returns every decoded extension of the document, in document order.
func (d *Document) Extensions() []Extension { return d.exts }

// Operations returns the document's operations in document order.
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
