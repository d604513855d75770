package openapi

import (
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

var uriPathParametersCheck = &DocumentCheck{Name: "uri-path-parameters", REST: true, Codes: []diag.Code{diag.URIPathParameter}, run: checkURIPathParameters,
	Doc: "REST APIs: a {name} in an http or http_proxy integration's uri is filled from the integration request path parameter of that name, which requestParameters must map (integration.request.path.name); an http_proxy integration may instead rely on a method path parameter of the same name. Left unmapped, the backend receives the literal \"{name}\"."}

func checkURIPathParameters(p *pass) {
	for _, op := range p.ops {
		integ := op.integ
		if integ == nil || !integ.Type.IsHTTP() || integ.URI.Value == "" {
			continue
		}
		if !integ.URI.IsLiteral() && integ.URI.Fn != "Fn::Sub" {
			continue
		}
		uriNode := source.Get(integ.Node(), "uri")
		for _, name := range uriPathParams(integ.URI.Value) {
			if integ.RequestParameters.Has("integration.request.path." + name) {
				continue
			}
			if integ.Type.Is(extensions.TypeHTTPProxy) && pathHasParam(op.Path, name) {
				continue
			}
			p.Add(diag.URIPathParameter, uriNode, source.Pointer(op.ext.Pointer, "uri"),
				"the integration uri has {%s}, but requestParameters does not map integration.request.path.%s, so the backend receives the literal text {%s}: add requestParameters: {integration.request.path.%s: method.request.path.%s}",
				name, name, name, name, name)
		}
	}
}

// uriPathParams returns the names of the {name} placeholders of a uri, in
// order and without repeats; ${…} substitutions are not placeholders.
func uriPathParams(uri string) []string {
	var out []string
	for i := 0; i < len(uri); i++ {
		if uri[i] != '{' || i > 0 && uri[i-1] == '$' {
			continue
		}
		end := strings.IndexByte(uri[i:], '}')
		if end < 0 {
			break
		}
		name := strings.TrimSuffix(uri[i+1:i+end], "+")
		if name != "" && !strings.ContainsAny(name, "{$ /") && !slices.Contains(out, name) {
			out = append(out, name)
		}
		i += end
	}
	return out
}
