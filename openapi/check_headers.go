package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
	"github.com/apigw/apigw/extensions/source"
)

var responseHeadersCheck = &DocumentCheck{Name: "response-headers", REST: true, Codes: []diag.Code{diag.UndeclaredResponseHeader}, run: checkResponseHeaders,
	Doc: "REST APIs: an integration response may map only to headers its method response declares; import creates method.response.header.NAME from the response's headers, and API Gateway compares the names exactly. Otherwise PutIntegrationResponse fails with \"Invalid mapping expression specified\", and so does the import."}

func checkResponseHeaders(p *pass) {
	for _, op := range p.ops {
		for _, r := range op.responses {
			if r.Method == nil {
				continue // no method response: method-responses reports it
			}
			paramsNode := source.Get(r.Entry.Node(), "responseParameters")
			for _, m := range r.Entry.ResponseParameters {
				name, ok := responseHeaderTarget(m.Key)
				if !ok {
					continue
				}
				keyNode := keyNode(paramsNode, m.Key)
				ptr := source.Pointer(source.Pointer(r.Pointer, "responseParameters"), m.Key)
				declared, exact := headerDeclared(r.Method.Headers, name)
				switch {
				case exact:
				case declared != "":
					p.Add(diag.UndeclaredResponseHeader, keyNode, ptr,
						"%s maps to header %q, but the %s response of %s %s declares it as %q; API Gateway compares parameter names exactly: write %s",
						m.Key, name, r.Status, op.Method, op.Path, declared, "method.response.header."+declared)
				default:
					p.Add(diag.UndeclaredResponseHeader, keyNode, ptr,
						"%s maps to header %q, which the %s response of %s %s does not declare, so import fails (\"Invalid mapping expression specified\"): add headers: {%s: {%s}} to responses.%q",
						m.Key, name, r.Status, op.Method, op.Path, name, headerSchemaHint(p.doc.Kind), r.Status)
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
func headerDeclared(headers []*Header, name string) (declared string, exact bool) {
	for _, h := range headers {
		if h.Name == name {
			return h.Name, true
		}
		if declared == "" && strings.EqualFold(h.Name, name) {
			declared = h.Name
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
