package openapi

// Diagnostic codes of the document-level checks (range APIGW400–APIGW499).
// A code keeps its meaning across releases.
const (
	// CodeNoMethodResponse: an integration response's statusCode has no response on the operation.
	CodeNoMethodResponse = "APIGW400"
	// CodeUndeclaredResponseHeader: responseParameters maps to a header the response does not declare.
	CodeUndeclaredResponseHeader = "APIGW401"
	// CodeUndeclaredRequestParameter: a method.request.* source that the operation does not declare.
	CodeUndeclaredRequestParameter = "APIGW402"
	// CodeURIPathParameter: a {name} in an integration uri that nothing fills in.
	CodeURIPathParameter = "APIGW403"
	// CodeUnknownValidator: a request validator name that x-amazon-apigateway-request-validators does not define.
	CodeUnknownValidator = "APIGW404"
	// CodeUnknownSecurityScheme: a security requirement names no security scheme.
	CodeUnknownSecurityScheme = "APIGW405"
	// CodeUnusedAuthorizer: a security scheme with an authorizer that no operation uses.
	CodeUnusedAuthorizer = "APIGW406"
	// CodeIntegrationRefTarget: an integration $ref names no reusable integration.
	CodeIntegrationRefTarget = "APIGW407"
	// CodeOtherAPIKind: an extension that only the other kind of API (REST or HTTP) reads.
	CodeOtherAPIKind = "APIGW408"
)

// Limits of REST API import.
const (
	// CodePathSegment: a path segment REST APIs cannot have as a resource.
	CodePathSegment = "APIGW410"
	// CodeModelName: a schema name that is not alphanumeric, so no model is created from it.
	CodeModelName = "APIGW411"
	// CodeSchemaKeyword: a schema keyword REST API models do not support.
	CodeSchemaKeyword = "APIGW412"
	// CodeSecuritySchemeType: a security scheme REST APIs ignore (not apiKey, no authorizer).
	CodeSecuritySchemeType = "APIGW413"
	// CodeRootSecurity: document-level security, which REST APIs do not apply.
	CodeRootSecurity = "APIGW414"
)

// Rules of HTTP API import.
const (
	// CodeHTTPAPIVersion: an HTTP API written in Swagger 2.0.
	CodeHTTPAPIVersion = "APIGW420"
	// CodeHTTPAPIIntegrationType: an HTTP API integration that is not a proxy integration.
	CodeHTTPAPIIntegrationType = "APIGW421"
	// CodeHTTPAPISecurity: an HTTP API operation with more than one security requirement.
	CodeHTTPAPISecurity = "APIGW422"
)

// Operations.
const (
	// CodeNoIntegration: a REST API operation without x-amazon-apigateway-integration.
	CodeNoIntegration = "APIGW430"
)

// CheckCodes describes each code of the document-level checks in one line,
// in code order; the command line passes them to SARIF output as rule descriptions.
var CheckCodes = []struct{ Code, Summary string }{
	{CodeNoMethodResponse, "Integration response statusCode has no response on the operation"},
	{CodeUndeclaredResponseHeader, "Mapped response header is not declared in the response's headers"},
	{CodeUndeclaredRequestParameter, "method.request.* source is not declared as a parameter"},
	{CodeURIPathParameter, "Integration uri path parameter is not mapped"},
	{CodeUnknownValidator, "Request validator name is not defined"},
	{CodeUnknownSecurityScheme, "Security requirement names no security scheme"},
	{CodeUnusedAuthorizer, "Authorizer is not used by any operation"},
	{CodeIntegrationRefTarget, "Integration $ref names no reusable integration"},
	{CodeOtherAPIKind, "Extension is read only by the other kind of API"},
	{CodePathSegment, "Path segment REST APIs cannot create"},
	{CodeModelName, "Schema name is not alphanumeric, so no REST model is created"},
	{CodeSchemaKeyword, "Schema keyword REST API models do not support"},
	{CodeSecuritySchemeType, "Security scheme REST APIs ignore"},
	{CodeRootSecurity, "Document-level security is not applied by REST APIs"},
	{CodeHTTPAPIVersion, "HTTP APIs import OpenAPI 3.0 only"},
	{CodeHTTPAPIIntegrationType, "HTTP APIs support only proxy integrations"},
	{CodeHTTPAPISecurity, "HTTP API operation has more than one security requirement"},
	{CodeNoIntegration, "REST API operation has no integration"},
}
