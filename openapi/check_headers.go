package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkResponseHeaders: a REST integration response may map only to headers
// its method response declares; import creates method.response.header.NAME
// from the response's headers. Otherwise PutIntegrationResponse fails with
// "Invalid mapping expression specified": import warns and skips the
// integration response (with failonwarnings=true the import fails).
func checkResponseHeaders(c *checker) {
	if !c.rest() {
		return
	}
	for _, op := range c.doc.Operations() {
		integ, ext := integrationOf(op)
		if integ == nil || isProxy(integ) {
			continue
		}
		_, responses := mapGet(op.Node, "responses")
		for _, p := range integ.Responses {
			code, _ := statusCodeOf(p.Value)
			_, resp := mapGet(responses, code)
			if p.Value == nil || code == "" || resp == nil {
				continue // no method response: checkMethodResponses reports it
			}
			resp, _ = c.resolveRef(resp)
			_, headers := mapGet(resp, "headers")
			entryPtr := source.Pointer(source.Pointer(ext.Pointer, "responses"), p.Key)
			_, paramsNode := mapGet(p.Value.Node(), "responseParameters")
			for _, m := range p.Value.ResponseParameters {
				name, ok := responseHeaderTarget(m.Key)
				if !ok {
					continue
				}
				keyNode, _ := mapGet(paramsNode, m.Key)
				ptr := source.Pointer(source.Pointer(entryPtr, "responseParameters"), m.Key)
				declared, exact := headerDeclared(headers, name)
				switch {
				case exact:
				case declared != "":
					c.Add(diag.UndeclaredResponseHeader, keyNode, ptr,
						"%s maps to header %q, but the %s response of %s %s declares it as %q; API Gateway compares parameter names exactly: write %s",
						m.Key, name, code, op.Method, op.Path, declared, "method.response.header."+declared)
				default:
					c.Add(diag.UndeclaredResponseHeader, keyNode, ptr,
						"%s maps to header %q, which the %s response of %s %s does not declare, so import skips this integration response with a warning (\"Invalid mapping expression specified\"): add headers: {%s: {%s}} to responses.%q",
						m.Key, name, code, op.Method, op.Path, name, headerSchemaHint(c.doc.Kind), code)
				}
			}
		}
	}
}

// responseHeaderTarget returns NAME of a method.response.header.NAME key.
func responseHeaderTarget(key string) (string, bool) {
	t, ps := mapping.ParseTarget(mapping.RESTResponse, key)
	if mapping.HasError(ps) || t.Location != mapping.Header || t.Name == "" {
		return "", false
	}
	return t.Name, true
}

// headerDeclared looks name up in a response's headers: exact is true for
// the same spelling; otherwise declared is a spelling that differs in case only.
func headerDeclared(headers *yaml.Node, name string) (declared string, exact bool) {
	headers = deref(headers)
	if headers == nil || headers.Kind != yaml.MappingNode {
		return "", false
	}
	for i := 0; i+1 < len(headers.Content); i += 2 {
		k := headers.Content[i].Value
		if k == name {
			return k, true
		}
		if declared == "" && strings.EqualFold(k, name) {
			declared = k
		}
	}
	return declared, false
}

// headerSchemaHint is the body of a header declaration for messages.
func headerSchemaHint(k Kind) string {
	if k == Swagger2 {
		return "type: string"
	}
	return "schema: {type: string}"
}
