package openapi

import (
	"slices"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

var validatorNamesCheck = &DocumentCheck{Name: "validator-names", REST: true, HTTP: true, Codes: []diag.Code{diag.UnknownValidator}, run: checkValidatorNames,
	Doc: "The default x-amazon-apigateway-request-validator at the document root and each operation's must name an entry of x-amazon-apigateway-request-validators; import warns otherwise and the operation is not validated."}

func checkValidatorNames(p *pass) {
	var names []string
	if v, ok := p.doc.Extension(extensions.ExtRequestValidators).(*extensions.RequestValidators); ok && v != nil {
		names = v.Validators.Keys()
	}
	for _, e := range p.doc.ExtensionsNamed(extensions.ExtRequestValidator) {
		v, ok := e.Value.(*extensions.RequestValidatorName)
		if !ok || v == nil || v.Name == "" || slices.Contains(names, v.Name) {
			continue
		}
		hint := "define it in x-amazon-apigateway-request-validators at the document root"
		if len(names) > 0 {
			hint = "write one of " + quoteList(names) + ", or " + hint
		}
		if s := extensions.Suggest(v.Name, names); s != "" {
			hint = "did you mean \"" + s + "\"? Or " + hint
		}
		p.Add(diag.UnknownValidator, e.Node, e.Pointer,
			"request validator %q is not defined, so requests are not validated: %s", v.Name, hint)
	}
}

var securityNamesCheck = &DocumentCheck{Name: "security-names", REST: true, HTTP: true, Codes: []diag.Code{diag.UnknownSecurityScheme, diag.UnusedAuthorizer}, run: checkSecurityNames,
	Doc: "Every name in a security requirement (document or operation) should be a security scheme: import ignores a requirement that names none (SAM writes {NONE: []} on purpose), so the operation is not protected by it. A security scheme with an authorizer that no requirement names creates an authorizer that nothing uses."}

func checkSecurityNames(p *pass) {
	var names []string
	for _, s := range p.doc.SecuritySchemes {
		names = append(names, s.Name)
	}
	used := map[string]bool{}
	check := func(reqs []SecurityRequirement) {
		for _, req := range reqs {
			for _, s := range req.Schemes {
				used[s.Name] = true
				if slices.Contains(names, s.Name) {
					continue
				}
				hint := "define it under " + schemesPath(p.doc.Kind)
				if sug := extensions.Suggest(s.Name, names); sug != "" {
					hint = "did you mean \"" + sug + "\"? Or " + hint
				}
				p.Add(diag.UnknownSecurityScheme, s.Key, source.Pointer(req.Pointer, s.Name),
					"security requirement %q names no security scheme, so it protects nothing: %s", s.Name, hint)
			}
		}
	}
	check(p.doc.Security)
	for _, op := range p.ops {
		check(op.Security)
	}
	for _, s := range p.doc.SecuritySchemes {
		if used[s.Name] || s.Authorizer == nil {
			continue
		}
		ptr := p.doc.PointerTo(source.Pointer("/"+schemesPath(p.doc.Kind), s.Name))
		p.Add(diag.UnusedAuthorizer, p.keyAt(ptr), ptr,
			"security scheme %q defines an authorizer that no security requirement uses; API Gateway creates it but no method calls it: add security: [{%s: []}] to the operations it protects, or remove it",
			s.Name, s.Name)
	}
}
