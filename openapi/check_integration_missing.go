package openapi

import (
	"github.com/apigw/apigw/extensions/diag"
)

var missingIntegrationsCheck = &DocumentCheck{Name: "missing-integrations", REST: true, Codes: []diag.Code{diag.NoIntegration}, run: checkMissingIntegrations,
	Doc: "REST APIs: a method without an integration is imported, but deploying the API then fails (\"No integration defined for method\"). SAM adds integrations for the Api events of its functions, so in an AWS::Serverless::Api definition this is only a remark (info). HTTP API routes may have no integration."}

func checkMissingIntegrations(p *pass) {
	sev := diag.NoIntegration.Severity()
	why := "deploying the API fails (\"No integration defined for method\")"
	if p.doc.ResourceType == "AWS::Serverless::Api" {
		// SAM may add the integration from a function's Api event, so
		// deploying does not necessarily fail.
		sev, why = diag.Info, "deploying fails unless a function's Api event adds the integration"
	}
	for _, op := range p.ops {
		if op.integ != nil {
			continue // present, even if it did not decode
		}
		p.AddAs(sev, diag.NoIntegration, keyNode(op.PathItem, op.Key), op.Pointer,
			"%s %s has no x-amazon-apigateway-integration; import creates the method without one and %s: add an integration (type: mock for a fixed answer)",
			op.Method, op.Path, why)
	}
}
