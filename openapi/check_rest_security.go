package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkRESTSecurity: REST API import reads only apiKey security schemes
// (API keys, Lambda and Cognito authorizers, awsSigv4); any other type needs
// an x-amazon-apigateway-authorizer to mean something. And REST APIs do not
// apply document-level security: each operation needs its own.
func checkRESTSecurity(c *checker) {
	if !c.rest() {
		return
	}
	schemes, ptr := c.securitySchemes()
	pairs(schemes, func(k, v *yaml.Node) {
		_, typ := mapGet(v, "type")
		t := source.Scalar(typ)
		if t == "" || strings.EqualFold(t, "apiKey") {
			return
		}
		if ak, _ := mapGet(v, extensions.ExtAuthorizer); ak != nil {
			return
		}
		c.Add(diag.SecuritySchemeType, typ, c.doc.PointerTo(source.Pointer(ptr, k.Value)+"/type"),
			"security scheme %q has type %s, which REST APIs do not read without an authorizer, so it protects nothing: add x-amazon-apigateway-authorizer (a Lambda or Cognito authorizer, with type: apiKey), or use AWS_IAM with type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4",
			k.Value, t)
	})
	k, sec := mapGet(c.doc.Root, "security")
	if k == nil || sec == nil || sec.Kind != yaml.SequenceNode || len(sec.Content) == 0 {
		return
	}
	missing := 0
	for _, op := range c.doc.Operations() {
		if k, _ := mapGet(op.Node, "security"); k == nil {
			missing++
		}
	}
	if missing > 0 {
		c.Add(diag.RootSecurity, k, c.doc.PointerTo("/security"),
			"REST APIs do not apply document-level security, so %d operation(s) without their own security are not protected by it: repeat the requirement as security in each operation", missing)
	}
}
