package extensions

import (
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtGatewayResponses is the name of the REST API's gateway responses.
const ExtGatewayResponses = "x-amazon-apigateway-gateway-responses"

// GatewayResponseTypes are the response types API Gateway knows (the SDK's
// GatewayResponseType enum), in the order the documentation lists them.
var GatewayResponseTypes = []string{
	"ACCESS_DENIED", "API_CONFIGURATION_ERROR", "AUTHORIZER_CONFIGURATION_ERROR", "AUTHORIZER_FAILURE",
	"BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "DEFAULT_4XX", "DEFAULT_5XX", "EXPIRED_TOKEN",
	"INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT", "INVALID_API_KEY", "INVALID_SIGNATURE",
	"MISSING_AUTHENTICATION_TOKEN", "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND",
	"THROTTLED", "UNAUTHORIZED", "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED",
}

// GatewayResponses is x-amazon-apigateway-gateway-responses: the responses
// API Gateway itself returns (errors before or around the integration), by type.
type GatewayResponses struct {
	Responses Map[*GatewayResponse] `json:"-"`
	src       *yaml.Node
}

// GatewayResponse customises one gateway response type.
type GatewayResponse struct {
	// StatusCode is the HTTP status written, such as "403"; empty keeps the type's default.
	StatusCode Str `json:"statusCode,omitempty"`
	// ResponseParameters maps gatewayresponse.header.X to a source expression.
	ResponseParameters Map[Str] `json:"responseParameters,omitempty"`
	// ResponseTemplates maps a media type to a mapping template.
	ResponseTemplates Map[Str] `json:"responseTemplates,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

func init() {
	register(&Spec{Name: ExtGatewayResponses, Places: AtRoot, RESTOnly: true,
		Summary: "Responses API Gateway returns itself (DEFAULT_4XX, UNAUTHORIZED, …), by type.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.gatewayResponses(n, ptr) }})
}

// Extension implements Value.
func (*GatewayResponses) Extension() string { return ExtGatewayResponses }

// Node returns the node the value was decoded from, nil when built in Go.
func (g *GatewayResponses) Node() *yaml.Node { return g.src }

// Node returns the node the value was decoded from, nil when built in Go.
func (g *GatewayResponse) Node() *yaml.Node { return g.src }

func (d *decoder) gatewayResponses(n *yaml.Node, ptr string) *GatewayResponses {
	g := &GatewayResponses{src: n}
	if isIntrinsicObject(n) {
		return g
	}
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "%s must be an object mapping response types to responses, not %s", ExtGatewayResponses, kindName(n))
		return g
	}
	for i := 0; i+1 < len(r.Content); i += 2 {
		k := r.Content[i]
		p := source.Pointer(ptr, k.Value)
		if !slices.Contains(GatewayResponseTypes, k.Value) {
			hint := "; see the gateway response types in the API Gateway documentation"
			if s := Suggest(k.Value, GatewayResponseTypes); s != "" {
				hint = "; did you mean " + s + "?"
			}
			d.Add(diag.GatewayResponseType, k, p, "%q is not a gateway response type%s", k.Value, hint)
		}
		g.Responses = append(g.Responses, Pair[*GatewayResponse]{k.Value, d.gatewayResponse(r.Content[i+1], p)})
	}
	return g
}

func (d *decoder) gatewayResponse(n *yaml.Node, ptr string) *GatewayResponse {
	g := &GatewayResponse{src: n}
	d.object(n, ptr, "gateway response", []field{
		{"statusCode", func(v *yaml.Node, p string) {
			g.StatusCode = d.str(v, p, "statusCode")
			d.checkStatusCode(v, p, "statusCode", g.StatusCode, false)
		}},
		{"responseParameters", func(v *yaml.Node, p string) {
			g.ResponseParameters = d.strMap(v, p, "responseParameters")
			checkGatewayResponseMapping(d, g.ResponseParameters, v, p)
		}},
		{"responseTemplates", func(v *yaml.Node, p string) {
			g.ResponseTemplates = d.strMap(v, p, "responseTemplates")
			for _, pr := range g.ResponseTemplates {
				d.checkLooseMediaType(lookupKey(v, pr.Key), source.Pointer(p, pr.Key), "responseTemplates key", pr.Key)
			}
		}},
	}, &g.Unknown)
	return g
}

// Type returns the response of type t, or nil.
func (g *GatewayResponses) Type(t string) *GatewayResponse {
	r, _ := g.Responses.Get(strings.ToUpper(t))
	return r
}

// Encode implements Value.
func (g *GatewayResponses) Encode() *yaml.Node {
	if keepAsWritten(g.src) {
		return g.src
	}
	fields := make([]encField, 0, len(g.Responses))
	for _, p := range g.Responses {
		if p.Value != nil {
			fields = append(fields, encField{p.Key, p.Value.Encode()})
		}
	}
	return encodeObject(g.src, fields, nil)
}

// Encode returns the gateway response as a node, keeping what was written.
func (g *GatewayResponse) Encode() *yaml.Node {
	if keepAsWritten(g.src) {
		return g.src
	}
	l := func(k string) *yaml.Node { return source.Lookup(g.src, k) }
	return encodeObject(g.src, []encField{
		{"statusCode", encStr(l("statusCode"), g.StatusCode)},
		{"responseParameters", encStrMap(l("responseParameters"), g.ResponseParameters)},
		{"responseTemplates", encStrMap(l("responseTemplates"), g.ResponseTemplates)},
	}, g.Unknown)
}
