package openapi

import (
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

var httpAPIRulesCheck = &DocumentCheck{Name: "http-api-rules", HTTP: true, Codes: []diag.Code{diag.HTTPAPIVersion, diag.HTTPAPIIntegrationType, diag.HTTPAPISecurity}, run: checkHTTPAPIRules,
	Doc: "HTTP APIs: import takes OpenAPI 3 only (an error otherwise), supports only proxy integrations (aws_proxy and http_proxy; import warns about any other), and allows one security requirement with one scheme per operation (an error otherwise)."}

func checkHTTPAPIRules(p *pass) {
	if p.doc.Kind == Swagger2 {
		p.Add(diag.HTTPAPIVersion, keyNode(p.doc.Root, "swagger"), p.doc.PointerTo("/swagger"),
			"%s is an HTTP API, and HTTP APIs import OpenAPI 3.0 only, so import fails: convert the definition to openapi: 3.0.1", p.apiName())
	}
	for _, op := range p.ops {
		if integ := op.integ; integ != nil && !integ.IsRef() && integ.Type != "" && !op.proxy {
			p.Add(diag.HTTPAPIIntegrationType, source.Get(integ.Node(), "type"), source.Pointer(op.ext.Pointer, "type"),
				"integration type %s: HTTP APIs support only proxy integrations, and import warns about this one: write type: aws_proxy (Lambda or AWS service with integrationSubtype) or http_proxy",
				integ.Type)
		}
		schemes := 0
		for _, req := range op.Security {
			schemes += len(req.Schemes)
		}
		if len(op.Security) > 1 || schemes > 1 {
			p.Add(diag.HTTPAPISecurity, keyNode(op.Node, "security"), op.Pointer+"/security",
				"%s %s has %d security requirements; an HTTP API route has exactly one authorization (IAM, a Lambda authorizer or a JWT authorizer), so import fails: keep one requirement with one scheme",
				op.Method, op.Path, max(len(op.Security), schemes))
		}
	}
}
