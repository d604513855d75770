package openapi

import (
	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

var methodResponsesCheck = &DocumentCheck{Name: "method-responses", REST: true, Codes: []diag.Code{diag.NoMethodResponse}, run: checkMethodResponses,
	Doc: "REST APIs: every integration response's statusCode needs a method response, which import creates from the operation's responses entry of that status code. Without one the integration response has no method response to map to (\"Invalid Response status code specified\"); whether import then warns or fails is not recorded. A default response does not count. Proxy integrations do not use integration responses and are skipped."}

func checkMethodResponses(p *pass) {
	for _, op := range p.ops {
		for _, r := range op.responses {
			node := r.StatusNode
			if r.Status == "" || node == nil || node.Kind != yaml.ScalarNode || r.Method != nil {
				continue
			}
			ptr := r.Pointer + "/statusCode"
			if op.Response("default") != nil {
				p.Add(diag.NoMethodResponse, node, ptr,
					"integration response %q sets statusCode %s, which %s %s declares only through its default response; API Gateway creates method responses from status codes only: add responses: %q: {description: ...}",
					r.Key, r.Status, op.Method, op.Path, r.Status)
				continue
			}
			p.Add(diag.NoMethodResponse, node, ptr,
				"integration response %q sets statusCode %s, but %s %s has no %q response, so import creates no method response for it to map to (\"Invalid Response status code specified\"): add responses: %q: {description: ...} to the operation",
				r.Key, r.Status, op.Method, op.Path, r.Status, r.Status)
		}
	}
}
