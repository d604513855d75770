package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkMethodResponses: every REST integration response's statusCode needs a
// method response, which import creates from the operation's responses
// entry of that status code. Without one, PutIntegrationResponse fails
// ("Invalid Response status code specified"): import warns and skips the
// integration response (with failonwarnings=true the import fails). Proxy
// integrations do not use integration responses and are skipped.
func checkMethodResponses(c *checker) {
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
			code, node := statusCodeOf(p.Value)
			if code == "" || node == nil || node.Kind != yaml.ScalarNode {
				continue
			}
			if k, _ := mapGet(responses, code); k != nil {
				continue
			}
			ptr := source.Pointer(source.Pointer(ext.Pointer, "responses"), p.Key) + "/statusCode"
			if k, _ := mapGet(responses, "default"); k != nil {
				c.Add(diag.NoMethodResponse, node, ptr,
					"integration response %q sets statusCode %s, which %s %s declares only through its default response; API Gateway creates method responses from status codes only: add responses: %q: {description: ...}",
					p.Key, code, op.Method, op.Path, code)
				continue
			}
			c.Add(diag.NoMethodResponse, node, ptr,
				"integration response %q sets statusCode %s, but %s %s has no %q response, so import skips this integration response with a warning (\"Invalid Response status code specified\"): add responses: %q: {description: ...} to the operation",
				p.Key, code, op.Method, op.Path, code, code)
		}
	}
}

// statusCodeOf returns an integration response's literal statusCode and its node.
func statusCodeOf(e *extensions.IntegrationResponseEntry) (string, *yaml.Node) {
	if e == nil {
		return "", nil
	}
	_, n := mapGet(e.Node(), "statusCode")
	return e.StatusCode, n
}

// isProxy tells whether an integration passes requests and responses through
// (AWS_PROXY, HTTP_PROXY), so that its integration responses are not used.
func isProxy(v *extensions.Integration) bool {
	return v.Type.Is(extensions.TypeAWSProxy) || v.Type.Is(extensions.TypeHTTPProxy)
}
