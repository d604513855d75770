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
	// RootSecurity: Operation turns off document-level security.
	RootSecurity Code = "APIGW414"
	// HTTPAPIVersion: HTTP API written in Swagger 2.0.
	HTTPAPIVersion Code = "APIGW420"
	// HTTPAPIIntegrationType: HTTP API integration is not a proxy integration.
	HTTPAPIIntegrationType Code = "APIGW421"
	// HTTPAPISecurity: HTTP API operation with several security requirements.
	HTTPAPISecurity Code = "APIGW422"
	// NoIntegration: Operation without an integration.
	NoIntegration Code = "APIGW430"
	// TemplateSyntax: Mapping template does not parse.
	TemplateSyntax Code = "APIGW440"
	// TemplateRender: Mapping template fails when rendered.
	TemplateRender Code = "APIGW441"
	// TemplateShape: Rendered body does not match the method response model.
	TemplateShape Code = "APIGW442"
	// GatewayTemplateVTL: Gateway response template written as VTL.
	GatewayTemplateVTL Code = "APIGW443"
	// TemplateMockStatus: MOCK request template gives no statusCode.
	TemplateMockStatus Code = "APIGW444"
)

var documentEntries = []Entry{
	{Code: NoMethodResponse, Severity: Warning, Title: "Integration response status has no method response",
		Doc:      "An integration response's statusCode has no response of that status on the operation. API Gateway creates method responses only from the operation's responses with a status code (default creates none), and an integration response maps to a method response, so this one has nothing to map to and is not usable. Add responses: {\"CODE\": {description: …}} to the operation.",
		Evidence: "Recorded: import creates no method response for a status the operation does not list; asking for it answers NotFoundException \"Invalid Response status code specified\" (" + snapImport + ", test_import_and_validate_rest_api[swagger-mock-cors.json]). Reported: mapping into a missing method response is refused with \"No method response exists for method.\" (https://github.com/amazon-archives/aws-apigateway-importer/issues/121). Judgement for the severity: whether import warns or fails for a bare status code is not recorded, so a warning."},
	{Code: UndeclaredResponseHeader, Severity: Error, Title: "Mapped response header is not declared",
		Doc:      "An integration response maps method.response.header.NAME, but the method response of that status does not declare the header (import creates method.response.header.NAME only from the response's headers; names are compared exactly). PutIntegrationResponse answers \"Invalid mapping expression specified … Invalid mapping expression parameter specified: method.response.header.NAME\" and the import fails. Add headers: {NAME: {schema: {type: string}}} to that response.",
		Evidence: "Reported: importing such a definition fails with 400 BadRequestException \"Unable to put integration response on 'POST' for resource at path '/foo': Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.Location]\" (" + issueResponseParam + "); the same validation fails CloudFormation deployments (" + issueConstructs + ")."},
	{Code: UndeclaredRequestParameter, Severity: Error, Title: "method.request source is not a declared parameter",
		Doc:      "An integration request mapping or cache key parameter reads method.request.{path|querystring|header}.NAME, but the operation declares no such parameter, so the method request has none. PutIntegration answers \"Invalid mapping expression specified … Invalid mapping expression parameter specified: method.request.header.NAME\" and the import fails (\"Errors found during import\"). Declare the parameter on the operation (in: header, name: NAME).",
		Evidence: "Reported: import fails with \"Errors found during import: Unable to put integration on 'GET' for resource at path '/': Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.request.header.Authorization]\" (" + issueAuthorization + ")."},
	{Code: URIPathParameter, Severity: Warning, Title: "Integration uri path parameter is not mapped",
		Doc:      "An integration uri has a {name} placeholder that nothing fills in: no requestParameters entry integration.request.path.name maps a value to it. The backend is then called with the placeholder unresolved. Map it, as in integration.request.path.name: method.request.path.name.",
		Evidence: "Judgement: no recorded import shows the outcome; the call fails or reaches the wrong backend path at run time, so a warning."},
	{Code: UnknownValidator, Severity: Warning, Title: "Request validator name is not defined",
		Doc:      "x-amazon-apigateway-request-validator names a validator that x-amazon-apigateway-request-validators does not define, so the method gets no validator. Define the validator under x-amazon-apigateway-request-validators, or correct the name.",
		Evidence: "Recorded: a method cannot refer to a validator that does not exist (BadRequestException \"Invalid Request Validator identifier specified\", " + snapAPI + ", test_put_method_validation). Judgement for the severity: the import outcome for an undefined name is not recorded, so a warning."},
	{Code: UnknownSecurityScheme, Severity: Warning, Title: "Security requirement names no security scheme",
		Doc:      "A security requirement names a security scheme the document does not define, so no authorizer, API key or IAM authorization is attached to the method. Define the scheme under securitySchemes (securityDefinitions in Swagger 2.0), or correct the name.",
		Evidence: "Judgement: the import outcome is not recorded; the method would not be protected as intended, so a warning."},
	{Code: UnusedAuthorizer, Severity: Info, Title: "Authorizer used by no operation",
		Doc:      "A security scheme defines an authorizer that no security requirement uses. API Gateway creates the authorizer anyway, but no method calls it. Add the requirement to the operations it should protect, or remove the scheme.",
		Evidence: "Recorded: an import with failOnWarnings=true creates an authorizer that no method uses (test-authorizer-not-used) without a warning. Source: " + snapImport + ", test_import_swagger_api."},
	{Code: IntegrationRefTarget, Severity: Warning, Title: "Integration $ref names no reusable integration",
		Doc:      "An integration $ref points into components.x-amazon-apigateway-integrations, but no integration of that name is defined there, so the route has no integration. Define the integration, or correct the name.",
		Evidence: "Documented: reusable integrations are defined under components.x-amazon-apigateway-integrations and referred to by name (" + docIntegrations + "). Judgement for the severity: the import outcome is not recorded, so a warning."},
	{Code: OtherAPIKind, Severity: Info, Title: "Extension read only by the other kind of API",
		Doc:      "An extension that only the other kind of API reads: x-amazon-apigateway-cors or x-amazon-apigateway-integrations in a REST API, request validators, gateway responses or binary media types in an HTTP API. Import ignores it. Remove it, or check that the document is imported as the kind of API you mean (REST with ImportRestApi, HTTP with ImportApi).",
		Evidence: "Documented: HTTP API import reports a property that is valid but not supported for HTTP APIs as info and ignores it (" + docImportHTTP + ")."},
	{Code: PathSegment, Severity: Warning, Title: "Path segment REST APIs cannot create",
		Doc:      "A path segment REST APIs cannot have as a resource: path segments may hold only letters, digits, underscores, hyphens, periods, commas, colons and curly braces, and a path parameter must be a whole segment ({id}, not file{id}.json). Rename the segment, or make the parameter a segment of its own.",
		Evidence: "Documented: \"Path segments can only contain alphanumeric characters, underscores, hyphens, periods, commas, colons, and curly braces. Path parameters must be separate path segments.\" (" + docKnownIssues + "). Judgement for the severity: whether import warns or fails is not recorded, so a warning."},
	{Code: ModelName, Severity: Error, Title: "Schema name is not alphanumeric",
		Doc:      "A schema (definition) name that is not alphanumeric, such as My.Model or my_model. REST API import creates a model from each schema, and model names can only contain alphanumeric characters: the upload fails with \"Model name must be alphanumeric\". Rename the schema (MyModel) and its references.",
		Evidence: "Documented: \"Model names can only contain alphanumeric characters.\" (" + docKnownIssues + "). Reported: uploading such a document to API Gateway answers \"Model name must be alphanumeric\" (" + issueModelName + ")."},
	{Code: SchemaKeyword, Severity: Info, Title: "Schema keyword REST API models do not support",
		Doc:      "A schema keyword REST API models do not support (discriminator, exclusiveMinimum, readOnly, format: decimal, type: number with format int32/int64). Import does not reject the document; the keyword has no effect in the model (validation and generated SDKs ignore it). Describe the constraint another way, as the message suggests, if it matters.",
		Evidence: "Documented: these are listed as not supported, not as import errors (" + docKnownIssues + "). Judgement for the severity: no recorded import warns about them, so a remark."},
	{Code: SecuritySchemeType, Severity: Warning, Title: "Security scheme REST APIs ignore",
		Doc:      "A security scheme of a type REST APIs do not read (oauth2, http, openIdConnect) and without x-amazon-apigateway-authorizer, so it protects nothing. Use type: apiKey with an authorizer (Lambda or Cognito), or type: apiKey, name: Authorization, in: header with x-amazon-apigateway-authtype: awsSigv4 for IAM.",
		Evidence: "Documented: \"The securitySchemes type, if used, must be apiKey\"; OAuth 2 and HTTP Basic are supported through Lambda authorizers (" + docKnownIssues + "). Judgement for the severity: whether import ignores or rejects other types is not recorded, so a warning."},
	{Code: RootSecurity, Severity: Info, Title: "Operation turns off document-level security",
		Doc:      "The document has root-level security, and an operation sets security: [], which turns it off for that operation: import creates its method without authorization. API Gateway's import applies root-level security to every method without security of its own, like OpenAPI says (the important-notes page says otherwise, but recorded imports show it applied), so only an empty list makes a difference. Remove security: [] if the operation is to be protected like the others.",
		Evidence: "Recorded: importing openapi.spec.global-auth.json (root security, operations without their own) creates every method with authorizationType CUSTOM and the authorizer, with failOnWarnings=true (" + snapImport + ", test_import_with_global_api_key_authorizer); openapi.cognito-auth.json likewise applies root security to GET /pets (test_import_with_cognito_auth_identity_source). Judgement: an empty list turns it off as OpenAPI specifies; that import is not recorded, and it is a remark, so an info."},
	{Code: HTTPAPIVersion, Severity: Error, Title: "HTTP API written in Swagger 2.0",
		Doc:      "An HTTP API definition written in Swagger 2.0. HTTP APIs import OpenAPI 3.0 only, and import reports an error. Convert the definition to openapi: 3.0.1 (apigw convert --to 3.0).",
		Evidence: "Documented: a swagger: 2.0 definition \"produces errors on import because HTTP APIs support only the OpenAPI 3.0 specification\" (" + docImportHTTP + ")."},
	{Code: HTTPAPIIntegrationType, Severity: Warning, Title: "HTTP API integration is not a proxy integration",
		Doc:      "An HTTP API integration that is not a proxy integration (aws, http, mock). HTTP APIs support only Lambda proxy, HTTP proxy and AWS service (aws_proxy with integrationSubtype) integrations, and import warns about any other. Write type: aws_proxy or http_proxy.",
		Evidence: "Documented: an integration of type AWS \"produces warnings on import because HTTP APIs support only Lambda proxy and HTTP proxy integrations\" (" + docImportHTTP + ")."},
	{Code: HTTPAPISecurity, Severity: Error, Title: "HTTP API operation with several security requirements",
		Doc:      "An HTTP API operation lists more than one security requirement. Each HTTP API route can have only one of IAM authorization, a Lambda authorizer or a JWT authorizer; several requirements make the import fail. Keep one.",
		Evidence: "Documented: \"Attempting to model multiple security requirements results in an error\" (" + docImportHTTP + ")."},
	{Code: NoIntegration, Severity: Warning, Title: "Operation without an integration",
		Doc:      "A REST API operation without x-amazon-apigateway-integration. Import creates the method without an integration, and deploying the API then fails (\"No integration defined for method\"). Add an integration, or a mock integration for a placeholder.",
		Evidence: "Reported: CreateDeployment fails with BadRequestException \"No integration defined for method\" after such an import (" + issueNoIntegration + "); the import itself succeeds, so a warning."},
	{Code: TemplateSyntax, Severity: Warning, Title: "Mapping template does not parse",
		Doc:      "A request or response mapping template that Apache Velocity 1.7, the engine API Gateway runs, cannot parse: an unclosed #if or #foreach, an extra #end, a quote or backslash where Velocity expects a value (in YAML, \\\" inside a block scalar or single quotes is a backslash and a quote, not an escaped quote). The finding points at the line and column inside the document and gives the template's own line and column. API Gateway stores the template and the method answers 500 {\"message\": \"Internal server error\"} whenever it applies. Fix the template; apigw render TEMPLATE shows the same error on the template alone.",
		Evidence: "Reported: a response template with Velocity syntax errors was deployed and answered {\"message\": \"Internal server error\"} (" + pageTemplate500 + "). Judgement for the severity: PutIntegration and PutIntegrationResponse take templates as strings and no recorded import refuses one, so the failure comes at run time, a warning."},
	{Code: TemplateRender, Severity: Warning, Title: "Mapping template fails when rendered",
		Doc:      "A mapping template that parses but fails when apigw renders it offline (MOCK integrations, templates that read only $context, $stageVariables, $input.params or static text, and templates given a sample body through x-apigw-example or the method response's example): a Java exception in a method it calls (substring past the end, parseJson of text that is not JSON) or a render limit. API Gateway answers 500 {\"message\": \"Internal server error\"} when that happens. The message says which inputs were used.",
		Evidence: "Reported: a template that fails when API Gateway evaluates it answers {\"message\": \"Internal server error\"} (" + pageTemplate500 + "). Tool contract: apigw renders with the engine of package vtl and sample inputs, so the failure may depend on them; a warning."},
	{Code: TemplateShape, Severity: Warning, Title: "Rendered body does not match the method response model",
		Doc:      "apigw rendered an integration response's template offline (see APIGW441 for when it can) and the body does not match the schema (model) of the method response for that status and content type, or is not JSON where the model is. API Gateway sends the body anyway: clients and generated SDKs that trust the documented shape get something else. Change the template, the model, or the x-apigw-example that fed the render.",
		Evidence: "Documented: models validate method requests (request validators), not responses; a method response's model describes the body for documentation and SDK generation (" + docModelsGuide + "), so a mismatch reaches clients unchecked. Tool contract: the comparison uses JSON Schema draft 4 for Swagger 2.0 and OpenAPI 3.0, 2020-12 for OpenAPI 3.1; a warning."},
	{Code: GatewayTemplateVTL, Severity: Warning, Title: "Gateway response template written as VTL",
		Doc:      "A gateway response's responseTemplates value uses Velocity directives (#if, #set, #foreach, ...). Gateway response templates are not processed by the VTL engine: only simple variable substitution ($context.error.message, $stageVariables.x, method.request.*) happens, so the directives reach the client as written. Keep to substitutions, and move logic to integration responses.",
		Evidence: "Documented: \"A GatewayResponse mapping template isn't processed by the Velocity Template Language (VTL) engine\"; it supports only simple variable substitutions (" + docGatewayVTL + "). The template is accepted and its text sent as written, a warning."},
	{Code: TemplateMockStatus, Severity: Warning, Title: "MOCK request template gives no statusCode",
		Doc:      "A MOCK integration takes its status from the statusCode its request template outputs, an integer as in {\"statusCode\": 200}. Rendered offline with sample parameters, this request template gives none, or gives it as a string, so API Gateway answers 500 and logs \"Unable to parse statusCode. It should be an integer that is defined in the request template.\" Write the status as a number.",
		Evidence: "Reported: a string statusCode fails the call (" + issueMockStatus + "); a MOCK integration without a usable request template answers 500 (" + issueMockTemplate + "). API Gateway reads the output leniently ({statusCode: 200} works, recorded in LocalStack's test_integration_mock_with_path_param against AWS)."},
}
