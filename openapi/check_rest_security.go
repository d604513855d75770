package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

var restSecurityCheck = &DocumentCheck{Name: "rest-security", REST: true, Codes: []diag.Code{diag.SecuritySchemeType, diag.RootSecurity}, run: checkRESTSecurity,
	Doc: "REST APIs: import reads only apiKey security schemes (API keys, Lambda and Cognito authorizers, awsSigv4); any other type needs an x-amazon-apigateway-authorizer to mean something. Document-level security applies to every operation without its own, as import does; an operation whose security is an empty list turns it off."}

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
	// Import applies document-level security to every method without its
	// own (recorded), so only an operation that turns it off is reported.
	for _, op := range p.ops {
		if op.HasSecurity && len(op.Security) == 0 {
			p.Add(diag.RootSecurity, keyNode(op.Node, "security"), op.Pointer+"/security",
				"%s %s has security: [], which turns the document-level security off for it, so import creates the method without authorization: remove security: [] if the operation is to be protected like the others",
				op.Method, op.Path)
		}
	}
}
