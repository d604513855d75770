package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

var requestParametersCheck = &DocumentCheck{Name: "request-parameters", REST: true, Codes: []diag.Code{diag.UndeclaredRequestParameter}, run: checkRequestParameters,
	Doc: "REST APIs: every method.request.{path,querystring,header}.NAME that an integration's requestParameters or cacheKeyParameters read must be a method request parameter, which import creates from the parameters of the operation and its path item; API Gateway compares the names exactly. Otherwise PutIntegration fails with \"Invalid mapping expression specified\", and so does the import (\"Errors found during import\")."}

func checkRequestParameters(p *pass) {
	for _, op := range p.ops {
		integ := op.integ
		if integ == nil {
			continue
		}
		reqNode := source.Get(integ.Node(), "requestParameters")
		for _, m := range integ.RequestParameters {
			if !m.Value.Known() {
				continue
			}
			parsed, ps := mapping.ParseRequest(m.Key, m.Value.Value)
			if mapping.HasError(ps) {
				continue // reported when the integration was decoded
			}
			valueNode := source.Get(reqNode, m.Key)
			ptr := source.Pointer(source.Pointer(op.ext.Pointer, "requestParameters"), m.Key)
			for _, mp := range parsed.MethodRequestParams() {
				p.requireParam(op, mp, valueNode, ptr, "requestParameters."+m.Key+" reads")
			}
		}
		keys := source.Items(source.Get(integ.Node(), "cacheKeyParameters"))
		for i, k := range integ.CacheKeyParameters {
			if !k.Known() {
				continue
			}
			mp, ok := methodRequestParam(k.Value)
			if !ok {
				continue
			}
			var n *yaml.Node
			if i < len(keys) {
				n = keys[i]
			}
			p.requireParam(op, mp, n, source.PointerIndex(op.ext.Pointer+"/cacheKeyParameters", i), "cacheKeyParameters lists")
		}
	}
}

// methodRequestParam parses a cache key such as method.request.querystring.page.
func methodRequestParam(s string) (mapping.Param, bool) {
	src, ps := mapping.ParseSource(mapping.RESTRequest, s)
	if mapping.HasError(ps) || src.Kind != mapping.MethodRequest || src.Name == "" || src.Location == mapping.Body {
		return mapping.Param{}, false
	}
	return mapping.Param{Location: src.Location.Single(), Name: src.Name}, true
}

// requireParam reports mp when the operation does not declare it.
func (p *pass) requireParam(op *checkedOperation, mp mapping.Param, n *yaml.Node, ptr, what string) {
	in := mp.In()
	if in == "path" && pathHasParam(op.Path, mp.Name) {
		// The path template makes the resource's path parameter; a missing
		// parameter object is OpenAPI validation's finding.
		return
	}
	caseOnly := ""
	for _, d := range op.Parameters {
		if d.In != in {
			continue
		}
		if d.Name == mp.Name {
			return
		}
		if caseOnly == "" && strings.EqualFold(d.Name, mp.Name) {
			caseOnly = d.Name
		}
	}
	if caseOnly != "" {
		p.Add(diag.UndeclaredRequestParameter, n, ptr,
			"%s %s, but %s %s declares the %s parameter as %q; API Gateway compares parameter names exactly: write method.request.%s.%s",
			what, mp.Declaration(), op.Method, op.Path, in, caseOnly, mp.Location, caseOnly)
		return
	}
	p.Add(diag.UndeclaredRequestParameter, n, ptr,
		"%s %s, which %s %s does not declare, so import fails (\"Invalid mapping expression specified\"): add parameters: [{name: %s, in: %s%s}] to the operation or its path item",
		what, mp.Declaration(), op.Method, op.Path, mp.Name, in, paramHint(p.doc.Kind, in))
}

// paramHint completes a parameter declaration for messages.
func paramHint(k Kind, in string) string {
	req := ""
	if in == "path" {
		req = ", required: true"
	}
	if k == Swagger2 {
		return req + ", type: string"
	}
	return req + ", schema: {type: string}"
}

// pathHasParam tells whether the path template has {name} or {name+}.
func pathHasParam(path, name string) bool {
	return strings.Contains(path, "{"+name+"}") || strings.Contains(path, "{"+name+"+}")
}
