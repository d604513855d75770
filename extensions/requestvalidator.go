package extensions

import (
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Extension names for request validation.
const (
	ExtRequestValidators = "x-amazon-apigateway-request-validators"
	ExtRequestValidator  = "x-amazon-apigateway-request-validator"
)

// RequestValidator is one entry of x-amazon-apigateway-request-validators:
// what API Gateway validates before calling the integration.
type RequestValidator struct {
	ValidateRequestBody       *bool `json:"validateRequestBody,omitempty"`
	ValidateRequestParameters *bool `json:"validateRequestParameters,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

// RequestValidators is x-amazon-apigateway-request-validators: validators by name.
type RequestValidators struct {
	Validators Map[*RequestValidator] `json:"-"`
	src        *yaml.Node
}

// RequestValidatorName is x-amazon-apigateway-request-validator: the name of
// the validator that applies (at the root: the default for every operation).
type RequestValidatorName struct {
	Name string `json:"-"`
	src  *yaml.Node
}

func init() {
	register(&Spec{Name: ExtRequestValidators, Places: AtRoot, RESTOnly: true,
		Summary: "Request validators by name, for x-amazon-apigateway-request-validator to refer to.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.requestValidators(n, ptr) }})
	register(&Spec{Name: ExtRequestValidator, Places: AtRoot | AtOperation, RESTOnly: true,
		Summary: "Name of the request validator for the API (at the root) or one operation.",
		decode: func(d *decoder, n *yaml.Node, ptr string) Value {
			return &RequestValidatorName{Name: d.plain(n, ptr, ExtRequestValidator), src: n}
		}})
}

// Extension implements Value.
func (*RequestValidators) Extension() string { return ExtRequestValidators }

// Extension implements Value.
func (*RequestValidatorName) Extension() string { return ExtRequestValidator }

// Node returns the node the value was decoded from, nil when built in Go.
func (v *RequestValidators) Node() *yaml.Node { return v.src }

// Node returns the node the value was decoded from, nil when built in Go.
func (v *RequestValidator) Node() *yaml.Node { return v.src }

// Node returns the node the value was decoded from, nil when built in Go.
func (v *RequestValidatorName) Node() *yaml.Node { return v.src }

func (d *decoder) requestValidators(n *yaml.Node, ptr string) *RequestValidators {
	out := &RequestValidators{src: n}
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "%s must be an object mapping validator names to validators, not %s", ExtRequestValidators, kindName(n))
		return out
	}
	for i := 0; i+1 < len(r.Content); i += 2 {
		name := r.Content[i].Value
		out.Validators = append(out.Validators, Pair[*RequestValidator]{name, d.requestValidator(r.Content[i+1], source.Pointer(ptr, name))})
	}
	return out
}

func (d *decoder) requestValidator(n *yaml.Node, ptr string) *RequestValidator {
	v := &RequestValidator{src: n}
	d.object(n, ptr, "request validator", []field{
		{"validateRequestBody", func(n *yaml.Node, p string) { v.ValidateRequestBody = d.boolean(n, p, "validateRequestBody") }},
		{"validateRequestParameters", func(n *yaml.Node, p string) {
			v.ValidateRequestParameters = d.boolean(n, p, "validateRequestParameters")
		}},
	}, &v.Unknown)
	return v
}

// Encode implements Value.
func (v *RequestValidators) Encode() *yaml.Node {
	fields := make([]encField, 0, len(v.Validators))
	for _, p := range v.Validators {
		if p.Value != nil {
			fields = append(fields, encField{p.Key, p.Value.Encode()})
		}
	}
	return encodeObject(v.src, fields, nil)
}

// Encode returns the validator as a node, keeping what was written.
func (v *RequestValidator) Encode() *yaml.Node {
	return encodeObject(v.src, []encField{
		{"validateRequestBody", encBool(source.Lookup(v.src, "validateRequestBody"), v.ValidateRequestBody)},
		{"validateRequestParameters", encBool(source.Lookup(v.src, "validateRequestParameters"), v.ValidateRequestParameters)},
	}, v.Unknown)
}

// Encode implements Value.
func (v *RequestValidatorName) Encode() *yaml.Node {
	if n := encPlain(v.src, v.Name); n != nil {
		return n
	}
	return strNode("")
}
