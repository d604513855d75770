package extensions

import (
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtAnyMethod is the name of the catch-all operation of a path item.
const ExtAnyMethod = "x-amazon-apigateway-any-method"

// AnyMethod is x-amazon-apigateway-any-method: an OpenAPI operation object
// that answers every HTTP method of its path (API Gateway's ANY method).
// Only isDefaultRoute is API Gateway's own; the other keys are the
// operation's (parameters, responses, security, extensions), which the
// document layer reads from Operation.
type AnyMethod struct {
	// IsDefaultRoute marks the HTTP API $default route.
	IsDefaultRoute *bool `json:"isDefaultRoute,omitempty"`
	// Operation is the operation object as written.
	Operation *yaml.Node `json:"-"`
}

func init() {
	register(&Spec{Name: ExtAnyMethod, Places: AtPathItem,
		Summary: "Operation object for API Gateway's ANY method, which answers every HTTP method.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.anyMethod(n, ptr) }})
}

// Extension implements Value.
func (*AnyMethod) Extension() string { return ExtAnyMethod }

// Node returns the node the value was decoded from, nil when built in Go.
func (a *AnyMethod) Node() *yaml.Node { return a.Operation }

func (d *decoder) anyMethod(n *yaml.Node, ptr string) *AnyMethod {
	a := &AnyMethod{Operation: n}
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "%s must be an operation object, not %s", ExtAnyMethod, kindName(n))
		return a
	}
	if v := source.Lookup(r, "isDefaultRoute"); v != nil {
		a.IsDefaultRoute = d.boolean(v, source.Pointer(ptr, "isDefaultRoute"), "isDefaultRoute")
	}
	return a
}

// Encode returns the operation with isDefaultRoute as set; every other key
// is the operation's own and comes back as written.
func (a *AnyMethod) Encode() *yaml.Node {
	r := source.Resolve(a.Operation)
	if r == nil || r.Kind != yaml.MappingNode {
		if a.Operation != nil {
			return a.Operation
		}
		r = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	var rest Map[*yaml.Node]
	for i := 0; i+1 < len(r.Content); i += 2 {
		if k := r.Content[i].Value; k != "isDefaultRoute" {
			rest = append(rest, Pair[*yaml.Node]{k, r.Content[i+1]})
		}
	}
	return encodeObject(r, []encField{{"isDefaultRoute", encBool(source.Lookup(r, "isDefaultRoute"), a.IsDefaultRoute)}}, rest)
}
