package diag

// Checks that need the whole document (APIGW400–APIGW499).
const (
	// NoMethodResponse: Integration response status has no method response.
	NoMethodResponse Code = "APIGW400"
	// UndeclaredResponseHeader: Mapped response header is not declared.
	UndeclaredResponseHeader Code = "APIGW401"
	// UndeclaredRequestParameter: method.request source is not a declared parameter.
	UndeclaredRequestParameter Code = "APIGW402"
	// URIPathParameter: Integration uri path parameter is not mapped.
	URIPathParameter Code = "APIGW403"
	// UnknownValidator: Request validator name is not defined.
	UnknownValidator Code = "APIGW404"
	// UnknownSecurityScheme: Security requirement names no security scheme.
	UnknownSecurityScheme Code = "APIGW405"
	// UnusedAuthorizer: Authorizer used by no operation.
	UnusedAuthorizer Code = "APIGW406"
	// IntegrationRefTarget: Integration $ref names no reusable integration.
	IntegrationRefTarget Code = "APIGW407"
	// OtherAPIKind: Extension read only by the other kind of API.
	OtherAPIKind Code = "APIGW408"
	// PathSegment: Path segment REST APIs cannot create.
	PathSegment Code = "APIGW410"
	// ModelName: Schema name is not alphanumeric.
	ModelName Code = "APIGW411"
	// SchemaKeyword: Schema keyword REST API models do not support.
	SchemaKeyword Code = "APIGW412"
	// SecuritySchemeType: Security scheme REST APIs ignore.
	SecuritySchemeType Code = "APIGW413"
	// RootSecurity: Document-level security.
	RootSecurity Code = "APIGW414"
	// HTTPAPIVersion: HTTP API written in Swagger 2.0.
	HTTPAPIVersion Code = "APIGW420"
	// HTTPAPIIntegrationType: HTTP API integration is not a proxy integration.
	HTTPAPIIntegrationType Code = "APIGW421"
	// HTTPAPISecurity: HTTP API operation with several security requirements.
	HTTPAPISecurity Code = "APIGW422"
	// NoIntegration: Operation without an integration.
	NoIntegration Code = "APIGW430"
)

var documentEntries = []Entry{
	{Code: NoMethodResponse, Severity: Warning, Title: "Integration response status has no method response",
		Doc: "An integration response's statusCode has no response on the operation."},
	{Code: UndeclaredResponseHeader, Severity: Warning, Title: "Mapped response header is not declared",
		Doc: "ResponseParameters maps to a header the response does not declare."},
	{Code: UndeclaredRequestParameter, Severity: Warning, Title: "method.request source is not a declared parameter",
		Doc: "A method.request.* source that the operation does not declare."},
	{Code: URIPathParameter, Severity: Warning, Title: "Integration uri path parameter is not mapped",
		Doc: "A {name} in an integration uri that nothing fills in."},
	{Code: UnknownValidator, Severity: Warning, Title: "Request validator name is not defined",
		Doc: "A request validator name that x-amazon-apigateway-request-validators does not define."},
	{Code: UnknownSecurityScheme, Severity: Warning, Title: "Security requirement names no security scheme",
		Doc: "A security requirement names no security scheme."},
	{Code: UnusedAuthorizer, Severity: Info, Title: "Authorizer used by no operation",
		Doc: "A security scheme with an authorizer that no operation uses."},
	{Code: IntegrationRefTarget, Severity: Error, Title: "Integration $ref names no reusable integration",
		Doc: "An integration $ref names no reusable integration."},
	{Code: OtherAPIKind, Severity: Warning, Title: "Extension read only by the other kind of API",
		Doc: "An extension that only the other kind of API (REST or HTTP) reads."},
	{Code: PathSegment, Severity: Warning, Title: "Path segment REST APIs cannot create",
		Doc: "A path segment REST APIs cannot have as a resource."},
	{Code: ModelName, Severity: Warning, Title: "Schema name is not alphanumeric",
		Doc: "A schema name that is not alphanumeric, so no model is created from it."},
	{Code: SchemaKeyword, Severity: Warning, Title: "Schema keyword REST API models do not support",
		Doc: "A schema keyword REST API models do not support."},
	{Code: SecuritySchemeType, Severity: Warning, Title: "Security scheme REST APIs ignore",
		Doc: "A security scheme REST APIs ignore (not apiKey, no authorizer)."},
	{Code: RootSecurity, Severity: Warning, Title: "Document-level security",
		Doc: "Document-level security, which REST APIs do not apply."},
	{Code: HTTPAPIVersion, Severity: Error, Title: "HTTP API written in Swagger 2.0",
		Doc: "An HTTP API written in Swagger 2.0."},
	{Code: HTTPAPIIntegrationType, Severity: Warning, Title: "HTTP API integration is not a proxy integration",
		Doc: "An HTTP API integration that is not a proxy integration."},
	{Code: HTTPAPISecurity, Severity: Error, Title: "HTTP API operation with several security requirements",
		Doc: "An HTTP API operation with more than one security requirement."},
	{Code: NoIntegration, Severity: Warning, Title: "Operation without an integration",
		Doc: "A REST API operation without x-amazon-apigateway-integration."},
}
