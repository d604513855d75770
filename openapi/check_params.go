package openapi

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkRequestParameters: every method.request.{path,querystring,header}.NAME
// that a REST integration's requestParameters or cacheKeyParameters read
// must be a method request parameter, which import creates from the
// parameters of the operation and its path item. Otherwise PutIntegration
// fails with "Invalid mapping expression specified": import warns and leaves
// the method without its integration (with failonwarnings=true it fails).
func checkRequestParameters(c *checker) {
	if !c.rest() {
		return
	}
	for _, op := range c.doc.Operations() {
		integ, ext := integrationOf(op)
		if integ == nil {
			continue
		}
		var declared []declaredParam
		params := func() []declaredParam {
			if declared == nil {
				declared = c.parameters(op)
			}
			return declared
		}
		_, reqNode := mapGet(integ.Node(), "requestParameters")
		for _, m := range integ.RequestParameters {
			if !m.Value.Known() {
				continue
			}
			parsed, ps := mapping.ParseRequest(m.Key, m.Value.Value)
			if mapping.HasError(ps) {
				continue // reported when the integration was decoded
			}
			_, valueNode := mapGet(reqNode, m.Key)
			ptr := source.Pointer(source.Pointer(ext.Pointer, "requestParameters"), m.Key)
			for _, p := range parsed.MethodRequestParams() {
				c.requireParam(op, params(), p, valueNode, ptr, "requestParameters."+m.Key+" reads")
			}
		}
		_, keysNode := mapGet(integ.Node(), "cacheKeyParameters")
		for i, k := range integ.CacheKeyParameters {
			if !k.Known() {
				continue
			}
			p, ok := methodRequestParam(k.Value)
			if !ok {
				continue
			}
			var n *yaml.Node
			if keysNode != nil && keysNode.Kind == yaml.SequenceNode && i < len(keysNode.Content) {
				n = keysNode.Content[i]
			}
			c.requireParam(op, params(), p, n, ext.Pointer+"/cacheKeyParameters/"+strconv.Itoa(i), "cacheKeyParameters lists")
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

// requireParam reports p when the operation does not declare it.
func (c *checker) requireParam(op *Operation, declared []declaredParam, p mapping.Param, n *yaml.Node, ptr, what string) {
	in := p.In()
	if in == "path" && pathHasParam(op.Path, p.Name) {
		// The path template makes the resource's path parameter; a missing
		// parameter object is OpenAPI validation's finding.
		return
	}
	caseOnly := ""
	for _, d := range declared {
		if d.in != in {
			continue
		}
		if d.name == p.Name {
			return
		}
		if caseOnly == "" && strings.EqualFold(d.name, p.Name) {
			caseOnly = d.name
		}
	}
	if caseOnly != "" {
		c.Add(diag.UndeclaredRequestParameter, n, ptr,
			"%s %s, but %s %s declares the %s parameter as %q; API Gateway compares parameter names exactly: write method.request.%s.%s",
			what, p.Declaration(), op.Method, op.Path, in, caseOnly, p.Location, caseOnly)
		return
	}
	c.Add(diag.UndeclaredRequestParameter, n, ptr,
		"%s %s, which %s %s does not declare, so import leaves the method without its integration and warns (\"Invalid mapping expression specified\"): add parameters: [{name: %s, in: %s%s}] to the operation or its path item",
		what, p.Declaration(), op.Method, op.Path, p.Name, in, paramHint(c.doc.Kind, in))
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

// declaredParam is a parameter of an operation or its path item.
type declaredParam struct{ in, name string }

// parameters returns the parameters of op and of its path item, local $refs followed.
func (c *checker) parameters(op *Operation) []declaredParam {
	out := []declaredParam{}
	_, paths := mapGet(c.doc.Root, "paths")
	_, item := mapGet(paths, op.Path)
	for _, owner := range []*yaml.Node{item, op.Node} {
		_, list := mapGet(owner, "parameters")
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		for _, p := range list.Content {
			p, _ = c.resolveRef(p)
			_, name := mapGet(p, "name")
			_, in := mapGet(p, "in")
			if name != nil && in != nil {
				out = append(out, declaredParam{in: source.Scalar(in), name: source.Scalar(name)})
			}
		}
	}
	return out
}

// pathHasParam tells whether the path template has {name} or {name+}.
func pathHasParam(path, name string) bool {
	return strings.Contains(path, "{"+name+"}") || strings.Contains(path, "{"+name+"+}")
}
