package extensions

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Parameter-mapping expressions are parsed by extensions/mapping; these
// functions turn its problems into diagnostics at the key or value written.

// checkRequestMapping checks integration requestParameters: REST integration
// request parameter ← method request source; HTTP APIs: action → value, or a
// plain parameter name of an AWS service integration (integrationSubtype).
func checkRequestMapping(d *decoder, m Map[Str], n *yaml.Node, ptr string, kind APIKind) {
	for _, p := range m {
		switch {
		case kind == KindHTTP && !strings.Contains(p.Key, ":"):
			if p.Value.IsLiteral() {
				_, ps := mapping.ParseSource(mapping.HTTPRequest, p.Value.Value)
				d.mappingProblems(ps, n, p.Key, source.Pointer(ptr, p.Key))
			}
		case kind == KindHTTP || kind == KindUnknown && isHTTPMappingKey(p.Key):
			d.mapping(mapping.HTTPRequest, n, p, ptr)
		default:
			d.mapping(mapping.RESTRequest, n, p, ptr)
		}
	}
}

// checkResponseMapping checks the responseParameters of one REST integration
// response (method.response.header.* ← source).
func checkResponseMapping(d *decoder, m Map[Str], n *yaml.Node, ptr string) {
	for _, p := range m {
		d.mapping(mapping.RESTResponse, n, p, ptr)
	}
}

// checkHTTPResponseMapping checks the HTTP API response mappings for one status
// code (append:header.*, overwrite:header.*, remove:header.*, overwrite:statuscode).
func checkHTTPResponseMapping(d *decoder, m Map[Str], n *yaml.Node, ptr string) {
	for _, p := range m {
		d.mapping(mapping.HTTPResponse, n, p, ptr)
	}
}

// checkGatewayResponseMapping checks gatewayresponse.{header,path,querystring}.* mappings.
func checkGatewayResponseMapping(d *decoder, m Map[Str], n *yaml.Node, ptr string) {
	for _, p := range m {
		d.mapping(mapping.GatewayResponse, n, p, ptr)
	}
}

// checkIdentitySourceMapping checks one authorizer identity source: a REST
// method.request.header.X style source, or an HTTP API $request.header.X one.
func checkIdentitySourceMapping(d *decoder, s Str, n *yaml.Node, ptr string) {
	v := strings.TrimSpace(s.Value)
	if !s.Known() || v == "" {
		return
	}
	ctx := mapping.RESTRequest
	if strings.HasPrefix(v, "$") {
		ctx = mapping.HTTPRequest
	}
	_, ps := mapping.ParseSource(ctx, v)
	for _, p := range ps {
		d.AddAs(diag.Severity(p.Severity), p.Code, n, ptr, "identity source: %s", p.Message)
	}
}

// identitySourceNode returns the node of identity source entry i: the list
// item, or for a comma-separated string the string itself.
func identitySourceNode(n *yaml.Node, i int, list bool) *yaml.Node {
	if r := source.Resolve(n); list && r != nil && i < len(r.Content) {
		return r.Content[i]
	}
	return n
}

// isHTTPMappingKey tells whether a requestParameters key is written as an
// HTTP API action (append:, overwrite:, remove:).
func isHTTPMappingKey(k string) bool {
	return strings.HasPrefix(k, "append:") || strings.HasPrefix(k, "overwrite:") || strings.HasPrefix(k, "remove:")
}

// mapping parses one key/value pair in ctx; values written as intrinsics are
// checked only for their key.
func (d *decoder) mapping(ctx mapping.Context, n *yaml.Node, p Pair[Str], ptr string) {
	var ps []mapping.Problem
	v := source.Resolve(source.Lookup(n, p.Key))
	switch {
	case v == nil || v.Kind != yaml.ScalarNode && source.IntrinsicName(v) == "":
		// The value's type is already reported; the key can still be checked.
		_, ps = mapping.ParseTarget(ctx, p.Key)
	case v.Kind == yaml.ScalarNode && (v.Tag == "!!bool" || v.Tag == "!!int" || v.Tag == "!!float" || v.Tag == "!!null"):
		// Import warns "Expected type string for property … but got 'true'" and drops the mapping.
		d.Add(diag.WrongType, v, source.Pointer(ptr, p.Key), "mapping value %s is %s, not a string, so API Gateway's import drops this mapping with a warning; quote it: write \"'%s'\" for a static value, or name a source", v.Value, kindName(v), v.Value)
		_, ps = mapping.ParseTarget(ctx, p.Key)
	case p.Value.Known() || p.Value.IsLiteral() && !strings.Contains(p.Value.Value, "${stageVariables") && !strings.Contains(p.Value.Value, "${AWS::"):
		_, ps = mapping.Parse(ctx, p.Key, p.Value.Value)
	default:
		_, ps = mapping.ParseTarget(ctx, p.Key)
	}
	d.mappingProblems(ps, n, p.Key, source.Pointer(ptr, p.Key))
}

// mappingProblems records problems of the pair stored under key in mapping n,
// pointing at the key or the value node, shifted by the problem's offset when
// the scalar sits on one line.
func (d *decoder) mappingProblems(ps []mapping.Problem, n *yaml.Node, key, ptr string) {
	for _, p := range ps {
		at := source.Lookup(n, key)
		if p.Field == mapping.Key {
			at = lookupKey(n, key)
		}
		line, col := 0, 0
		if at != nil {
			line, col = at.Line, at.Column+p.Offset
			if at.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				col++
			}
			if at.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				col = at.Column
			}
		}
		d.Diags = append(d.Diags, diag.Diagnostic{Severity: diag.Severity(p.Severity), Code: p.Code, Pointer: ptr,
			Line: line, Column: col, Message: p.Message})
	}
}
