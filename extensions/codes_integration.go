package extensions

// Diagnostic codes for x-amazon-apigateway-integration(s) and integration
// responses (APIGW106–APIGW199). Generic problems use the generic codes:
// CodeType, CodeEnum, CodeUnknownKey, CodeRequired.
const (
	// CodeIntegrationURI: an integration uri does not have the shape its type needs.
	CodeIntegrationURI = "APIGW106"
	// CodeLambdaMethod: a Lambda integration must call the function with POST.
	CodeLambdaMethod = "APIGW107"
	// CodeIntegrationTimeout: timeoutInMillis is outside the range API Gateway accepts.
	CodeIntegrationTimeout = "APIGW108"
	// CodeFieldNotForType: a field is used with an integration type or API kind that ignores or rejects it.
	CodeFieldNotForType = "APIGW109"
	// CodeConnection: connectionType and connectionId do not agree.
	CodeConnection = "APIGW110"
	// CodeStatusCode: a statusCode is not a number between 100 and 599.
	CodeStatusCode = "APIGW111"
	// CodeDuplicateStatusCode: two integration responses map to the same statusCode.
	CodeDuplicateStatusCode = "APIGW112"
	// CodeMultipleDefault: more than one integration response is the default.
	CodeMultipleDefault = "APIGW113"
	// CodeMediaType: a template key is not a media type (type/subtype).
	CodeMediaType = "APIGW114"
	// CodeIntegrationRef: a $ref integration does not point into components/x-amazon-apigateway-integrations.
	CodeIntegrationRef = "APIGW115"
	// CodeHTTPResponseParameters: HTTP API responseParameters are not keyed by a status code 200–599.
	CodeHTTPResponseParameters = "APIGW116"
	// CodePayloadFormatVersion: payloadFormatVersion is not 1.0 or 2.0, or 2.0 where only 1.0 is allowed.
	CodePayloadFormatVersion = "APIGW117"
	// CodeDashSelectionPattern: the selection pattern "-" is a regex, not the default response.
	CodeDashSelectionPattern = "APIGW118"
	// CodeHTTPMethod: httpMethod is not an HTTP method API Gateway can call.
	CodeHTTPMethod = "APIGW119"
	// CodeIntegrationSubtype: integrationSubtype is not one API Gateway supports.
	CodeIntegrationSubtype = "APIGW120"
)
