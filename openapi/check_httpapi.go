package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkHTTPAPIRules: HTTP API import takes OpenAPI 3 only, supports only
// proxy integrations (AWS_PROXY and HTTP_PROXY; anything else is a warning),
// and allows one security requirement per operation (an error otherwise).
func checkHTTPAPIRules(c *checker) {
	if c.rest() {
		return
	}
	if c.doc.Kind == Swagger2 {
		k, _ := mapGet(c.doc.Root, "swagger")
		c.Add(diag.HTTPAPIVersion, k, c.doc.PointerTo("/swagger"),
			"%s is an HTTP API, and HTTP APIs import OpenAPI 3.0 only, so import fails: convert the definition to openapi: 3.0.1", c.apiName())
	}
	for _, op := range c.doc.Operations() {
		if integ, ext := integrationOf(op); integ != nil && !integ.IsRef() && integ.Type != "" &&
			!integ.Type.Is(extensions.TypeAWSProxy) && !integ.Type.Is(extensions.TypeHTTPProxy) {
			_, t := mapGet(integ.Node(), "type")
			c.Add(diag.HTTPAPIIntegrationType, t, source.Pointer(ext.Pointer, "type"),
				"integration type %s: HTTP APIs support only proxy integrations, so import skips this integration: write type: aws_proxy (Lambda or AWS service with integrationSubtype) or http_proxy",
				integ.Type)
		}
		k, sec := mapGet(op.Node, "security")
		if sec == nil || sec.Kind != yaml.SequenceNode {
			continue
		}
		schemes := 0
		for _, req := range sec.Content {
			pairs(req, func(_, _ *yaml.Node) { schemes++ })
		}
		if len(sec.Content) > 1 || schemes > 1 {
			c.Add(diag.HTTPAPISecurity, k, op.Pointer+"/security",
				"%s %s has %d security requirements; an HTTP API route has exactly one authorization (IAM, a Lambda authorizer or a JWT authorizer), so import fails: keep one requirement with one scheme",
				op.Method, op.Path, max(len(sec.Content), schemes))
		}
	}
}
