package openapi

import (
	"slices"
	"strconv"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkValidatorNames: the default x-amazon-apigateway-request-validator at
// the root and each operation's must name an entry of
// x-amazon-apigateway-request-validators; import warns otherwise and the
// operation is not validated.
func checkValidatorNames(c *checker) {
	var names []string
	if v, ok := c.doc.Extension(extensions.ExtRequestValidators).(*extensions.RequestValidators); ok && v != nil {
		names = v.Validators.Keys()
	}
	for _, e := range c.doc.ExtensionsNamed(extensions.ExtRequestValidator) {
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
		c.Add(diag.UnknownValidator, e.Node, e.Pointer,
			"request validator %q is not defined, so requests are not validated: %s", v.Name, hint)
	}
}

// checkSecurityNames: every name in a security requirement (document or
// operation) should be a security scheme: import ignores a requirement that
// names none (SAM writes {NONE: []} on purpose), so the operation is not
// protected by it. A scheme with an authorizer that no
// requirement names creates an authorizer that nothing uses.
func checkSecurityNames(c *checker) {
	schemes, schemesPtr := c.securitySchemes()
	var names []string
	pairs(schemes, func(k, _ *yaml.Node) { names = append(names, k.Value) })
	used := map[string]bool{}
	check := func(list *yaml.Node, ptr string) {
		if list == nil || list.Kind != yaml.SequenceNode {
			return
		}
		for i, req := range list.Content {
			pairs(req, func(k, _ *yaml.Node) {
				used[k.Value] = true
				if slices.Contains(names, k.Value) {
					return
				}
				hint := "define it under " + schemesPtr[1:]
				if s := extensions.Suggest(k.Value, names); s != "" {
					hint = "did you mean \"" + s + "\"? Or " + hint
				}
				c.Add(diag.UnknownSecurityScheme, k, source.Pointer(ptr+"/"+strconv.Itoa(i), k.Value),
					"security requirement %q names no security scheme, so it protects nothing: %s", k.Value, hint)
			})
		}
	}
	_, rootSec := mapGet(c.doc.Root, "security")
	check(rootSec, c.doc.PointerTo("/security"))
	for _, op := range c.doc.Operations() {
		_, sec := mapGet(op.Node, "security")
		check(sec, op.Pointer+"/security")
	}
	pairs(schemes, func(k, v *yaml.Node) {
		if used[k.Value] {
			return
		}
		if ak, _ := mapGet(v, extensions.ExtAuthorizer); ak != nil {
			c.Add(diag.UnusedAuthorizer, k, c.doc.PointerTo(source.Pointer(schemesPtr, k.Value)),
				"security scheme %q defines an authorizer that no security requirement uses; API Gateway creates it but no method calls it: add security: [{%s: []}] to the operations it protects, or remove it",
				k.Value, k.Value)
		}
	})
}
