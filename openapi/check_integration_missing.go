package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// checkMissingIntegrations: a REST API method without an integration is
// imported, but deploying the API then fails ("No integration defined for
// method"). SAM adds integrations for the Api events of its functions, so in
// an AWS::Serverless::Api definition this is only a remark. HTTP API routes
// may have no integration.
func checkMissingIntegrations(c *checker) {
	if !c.rest() {
		return
	}
	sev := diag.Warning
	why := "deploying the API fails (\"No integration defined for method\")"
	if c.doc.ResourceType == "AWS::Serverless::Api" {
		sev, why = diag.Info, "deploying fails unless a function's Api event adds the integration"
	}
	for _, op := range c.doc.Operations() {
		if k, _ := mapGet(op.Node, extensions.ExtIntegration); k != nil {
			continue // present, even if it did not decode
		}
		c.AddAs(sev, diag.NoIntegration, c.operationKey(op), op.Pointer,
			"%s %s has no x-amazon-apigateway-integration; import creates the method without one and %s: add an integration (type: mock for a fixed answer)",
			op.Method, op.Path, why)
	}
}

// operationKey returns the path-item key node of an operation ("get"), for its position.
func (c *checker) operationKey(op *Operation) *yaml.Node {
	_, paths := mapGet(c.doc.Root, "paths")
	_, item := mapGet(paths, op.Path)
	k, _ := mapGet(item, op.Key)
	return k
}
