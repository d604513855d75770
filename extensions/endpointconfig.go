package extensions

import (
	"slices"
	"strconv"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtEndpointConfiguration is the name of the API's endpoint configuration.
const ExtEndpointConfiguration = "x-amazon-apigateway-endpoint-configuration"

// EndpointConfiguration is x-amazon-apigateway-endpoint-configuration: at the
// root in Swagger 2.0, on a server object in OpenAPI 3.
type EndpointConfiguration struct {
	// Types are EDGE, REGIONAL or PRIVATE (REST APIs; the RestApi's endpointConfiguration.types).
	Types []Str `json:"types,omitempty"`
	// VPCEndpointIDs are the VPC endpoints of a PRIVATE REST API.
	VPCEndpointIDs []Str `json:"vpcEndpointIds,omitempty"`
	// DisableExecuteAPIEndpoint turns off the default execute-api endpoint.
	DisableExecuteAPIEndpoint *bool `json:"disableExecuteApiEndpoint,omitempty"`
	// IPAddressType is ipv4 or dualstack.
	IPAddressType string `json:"ipAddressType,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

var endpointTypes = []string{"EDGE", "REGIONAL", "PRIVATE"}

func init() {
	register(&Spec{Name: ExtEndpointConfiguration, Places: AtRoot | AtServer,
		Summary: "Endpoint configuration: VPC endpoints, default endpoint switch, IP address type.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.endpointConfiguration(n, ptr) }})
}

// Extension implements Value.
func (*EndpointConfiguration) Extension() string { return ExtEndpointConfiguration }

// Node returns the node the value was decoded from, nil when built in Go.
func (e *EndpointConfiguration) Node() *yaml.Node { return e.src }

func (d *decoder) endpointConfiguration(n *yaml.Node, ptr string) *EndpointConfiguration {
	e := &EndpointConfiguration{src: n}
	if isIntrinsicObject(n) {
		return e
	}
	d.object(n, ptr, ExtEndpointConfiguration, []field{
		{"types", func(v *yaml.Node, p string) {
			e.Types = d.strList(v, p, "types")
			r := source.Resolve(v)
			for i, t := range e.Types {
				if t.Known() && !slices.Contains(endpointTypes, t.Value) {
					d.Add(diag.UnknownValue, r.Content[i], source.Pointer(p, strconv.Itoa(i)), "endpoint type %q is not one of EDGE, REGIONAL, PRIVATE", t.Value)
				}
			}
		}},
		{"vpcEndpointIds", func(v *yaml.Node, p string) { e.VPCEndpointIDs = d.strList(v, p, "vpcEndpointIds") }},
		{"disableExecuteApiEndpoint", func(v *yaml.Node, p string) {
			e.DisableExecuteAPIEndpoint = d.boolean(v, p, "disableExecuteApiEndpoint")
		}},
		{"ipAddressType", func(v *yaml.Node, p string) {
			e.IPAddressType = d.enum(v, p, "ipAddressType", []string{"ipv4", "dualstack"}, true)
		}},
	}, &e.Unknown)
	if k := lookupKey(n, "vpcEndpointIds"); k != nil && len(e.Types) > 0 && !slices.ContainsFunc(e.Types, func(s Str) bool { return !s.Known() || s.Value == "PRIVATE" }) {
		d.Add(diag.EndpointConfig, k, source.Pointer(ptr, "vpcEndpointIds"), "vpcEndpointIds apply only to PRIVATE endpoints; add PRIVATE to types or remove vpcEndpointIds")
	}
	return e
}

// Encode implements Value.
func (e *EndpointConfiguration) Encode() *yaml.Node {
	if keepAsWritten(e.src) {
		return e.src
	}
	l := func(k string) *yaml.Node { return source.Lookup(e.src, k) }
	return encodeObject(e.src, []encField{
		{"types", encStrList(l("types"), e.Types)},
		{"vpcEndpointIds", encStrList(l("vpcEndpointIds"), e.VPCEndpointIDs)},
		{"disableExecuteApiEndpoint", encBool(l("disableExecuteApiEndpoint"), e.DisableExecuteAPIEndpoint)},
		{"ipAddressType", encPlain(l("ipAddressType"), e.IPAddressType)},
	}, e.Unknown)
}
