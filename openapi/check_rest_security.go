package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

var restSecurityCheck = &DocumentCheck{Name: "rest-security", REST: true, Codes: []diag.Code{diag.SecuritySchemeType, diag.RootSecurity}, run: checkRESTSecurity,
	Doc: "REST APIs: import reads only apiKey security schemes (API keys, Lambda and Cognito authorizers, awsSigv4); any other type needs an x-amazon-apigateway-authorizer to mean something. And REST APIs do not apply document-level security: each operation needs its own."}

func checkRESTSecurity(p *pass) {
	for _, s := range p.doc.SecuritySchemes {
		if s.Type == "" || strings.EqualFold(s.Type, "apiKey") || s.Authorizer != nil {
			continue
		}
		p.Add(diag.SecuritySchemeType, source.Get(s.Node, "type"), s.Pointer+"/type",
			"security scheme %q has type %s, which REST APIs do not read without an authorizer, so it protects nothing: add x-amazon-apigateway-authorizer (a Lambda or Cognito authorizer, with type: apiKey), or use AWS_IAM with type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4",
			s.Name, s.Type)
	}
	if len(p.doc.Security) == 0 {
		return
	}
	missing := 0
	for _, op := range p.ops {
		if !op.HasSecurity {
			missing++
		}
	}
	if missing > 0 {
		p.Add(diag.RootSecurity, keyNode(p.doc.Root, "security"), p.doc.PointerTo("/security"),
			"REST APIs do not apply document-level security, so %d operation(s) without their own security are not protected by it: repeat the requirement as security in each operation", missing)
	}
}
