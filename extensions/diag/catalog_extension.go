package diag

// Extension values on their own (APIGW100–APIGW299).
const (
	// WrongType: Value has the wrong type.
	WrongType Code = "APIGW100"
	// UnknownValue: Value is not one of the allowed names.
	UnknownValue Code = "APIGW101"
	// UnknownKey: Unknown key in an extension object.
	UnknownKey Code = "APIGW102"
	// MissingField: Required field is missing.
	MissingField Code = "APIGW103"
	// OutOfRange: Number out of the accepted range.
	OutOfRange Code = "APIGW104"
	// UnknownExtension: Unknown x-amazon-apigateway extension.
	UnknownExtension Code = "APIGW105"
	// IntegrationURI: Integration uri has the wrong shape.
	IntegrationURI Code = "APIGW106"
	// LambdaMethod: Lambda integration does not use POST.
	LambdaMethod Code = "APIGW107"
	// IntegrationTimeout: Integration timeout out of range.
	IntegrationTimeout Code = "APIGW108"
	// FieldNotForType: Field not read for this integration type or API kind.
	FieldNotForType Code = "APIGW109"
	// Connection: connectionType and connectionId disagree.
	Connection Code = "APIGW110"
	// StatusCode: Status code is not 100-599.
	StatusCode Code = "APIGW111"
	// DuplicateStatusCode: Two integration responses with one status code.
	DuplicateStatusCode Code = "APIGW112"
	// MultipleDefault: More than one default integration response.
	MultipleDefault Code = "APIGW113"
	// MediaType: Template key is not a media type.
	MediaType Code = "APIGW114"
	// IntegrationRef: Integration $ref outside x-amazon-apigateway-integrations.
	IntegrationRef Code = "APIGW115"
	// HTTPResponseParameters: HTTP API responseParameters not keyed by status code.
	HTTPResponseParameters Code = "APIGW116"
	// PayloadFormatVersion: payloadFormatVersion not allowed here.
	PayloadFormatVersion Code = "APIGW117"
	// DashSelectionPattern: Selection pattern "-" is a regex, not the default.
	DashSelectionPattern Code = "APIGW118"
	// HTTPMethod: httpMethod is not an HTTP method.
	HTTPMethod Code = "APIGW119"
	// IntegrationSubtype: Unsupported integrationSubtype.
	IntegrationSubtype Code = "APIGW120"
	// AuthorizerField: Authorizer field ignored for its type.
	AuthorizerField Code = "APIGW200"
	// ProviderARN: providerARNs entry is not a Cognito user pool ARN.
	ProviderARN Code = "APIGW201"
	// IdentitySource: Empty identitySource entry.
	IdentitySource Code = "APIGW202"
	// AuthTypeReserved: Reserved authtype value.
	AuthTypeReserved Code = "APIGW203"
	// GatewayResponseType: Unknown gateway response type.
	GatewayResponseType Code = "APIGW250"
	// Policy: Resource policy is not an IAM policy document.
	Policy Code = "APIGW253"
	// DocumentationLocation: Documentation part location is incomplete or wrong.
	DocumentationLocation Code = "APIGW254"
	// CORSCredentials: CORS credentials with a wildcard origin.
	CORSCredentials Code = "APIGW255"
	// EndpointConfig: Endpoint configuration field does not apply.
	EndpointConfig Code = "APIGW256"
	// SecurityPolicy: Unknown security policy.
	SecurityPolicy Code = "APIGW257"
)

var extensionEntries = []Entry{
	{Code: WrongType, Severity: Warning, Title: "Value has the wrong type",
		Doc:      "A value has the wrong JSON type: a number or boolean where a string belongs, a string where an object belongs. Import is lenient here: for a mapping value that is not a string it warns (\"Invalid format for 'requestParameters'. Expected type string … but got 'true'\") and drops the value, so the API is created without it. Write the value with the type the message names; quote static mapping values (\"'true'\").",
		Evidence: "Recorded: import of a requestParameters value true succeeds with the warning \"Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' … but got 'true'\" (" + snapImport + ", test_import_rest_api_with_base_path_oas30). The same value sent to PutIntegration directly is rejected (SerializationException, " + snapAPI + ", test_put_integration_request_parameter_bool_type)."},
	{Code: UnknownValue, Severity: Error, Title: "Value is not one of the allowed names",
		Doc:      "A value is not one of the names API Gateway accepts (an integration type, passthroughBehavior, contentHandling, endpoint type, CORS method, …). The service validates these enumerations and rejects the entity, so the import fails. Write one of the names the message lists; the nearest one is suggested.",
		Evidence: "Recorded: an unknown enumeration value is refused with ValidationException \"Member must satisfy enum value set\" (integration type 'HTTPS_PROXY', endpoint type, documentation location type). Source: " + snapAPI + ", test_put_integration_wrong_type, test_create_rest_api_with_endpoint_configuration, test_invalid_create_documentation_part_operations."},
	{Code: UnknownKey, Severity: Info, Title: "Unknown key in an extension object",
		Doc:      "An extension object has a key API Gateway does not know, which it ignores without a warning. Often it is a misspelling, and the setting it meant is then missing: the message suggests the nearest known key. Correct or remove the key.",
		Evidence: "Judgement: API Gateway ignores keys it does not read inside an extension and does not warn about them; the finding is informational, with the did-you-mean kept."},
	{Code: MissingField, Severity: Error, Title: "Required field is missing",
		Doc:      "A field that API Gateway requires is missing: an integration's type, the httpMethod and uri of an http or aws integration, an authorizer's type, an integration response's statusCode, a documentation part's location. The service refuses the entity without it, so the import fails. Add the field the message names.",
		Evidence: "Recorded: PutIntegration of an HTTP integration without httpMethod fails with BadRequestException \"Enumeration value for HttpMethod must be non-empty\". Source: " + snapIntegrations + ", test_put_integration_validation."},
	{Code: OutOfRange, Severity: Error, Title: "Number out of the accepted range",
		Doc:      "A number is outside the range API Gateway accepts (minimum compression size 0–10485760, authorizer result TTL 0–3600, CORS maxAge, …). The service rejects it, so the import fails. Write a value inside the range the message gives.",
		Evidence: "Recorded: a minimum compression size outside its range fails with BadRequestException \"Invalid minimum compression size, must be between 0 and 10485760\". Source: " + snapAPI + ", test_create_rest_api_with_optional_params."},
	{Code: UnknownExtension, Severity: Warning, Title: "Unknown x-amazon-apigateway extension",
		Doc:      "An x-amazon-apigateway-* name that API Gateway does not define. Import ignores it like any other x- extension, so whatever it was meant to configure is missing; usually it is a misspelling of a known extension, which the message suggests.",
		Evidence: "Judgement: API Gateway ignores unknown x- extensions; no recorded import warns about them, but a misspelt extension loses its whole configuration, so a warning at most."},
	{Code: IntegrationURI, Severity: Error, Title: "Integration uri has the wrong shape",
		Doc:      "An integration uri does not have the shape its type needs: http and http_proxy need a full http(s) URL, aws and aws_proxy an arn:aws:apigateway:{region}:{service}:{path|action}/… ARN (aws_proxy for Lambda or Firehose only). The service rejects the integration, so the import fails. Write the uri in the form the message shows.",
		Evidence: "Recorded: PutIntegration fails with \"Invalid HTTP endpoint specified for URI\", \"Invalid ARN specified in the request\", \"AWS ARN for integration must contain path or action\" and \"Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.\". Source: " + snapIntegrations + ", test_put_integration_validation."},
	{Code: LambdaMethod, Severity: Warning, Title: "Lambda integration does not use POST",
		Doc:      "A Lambda integration's httpMethod is not POST. Lambda is invoked with POST whatever the client's method is; the documentation requires POST for Lambda invocations, and another method makes the invocation fail when the API is called. Write httpMethod: POST.",
		Evidence: "Documented: for Lambda function invocations, the value of httpMethod must be POST (" + docIntegration + "). Import is not recorded to reject it; the failure shows at run time, so a warning."},
	{Code: IntegrationTimeout, Severity: Error, Title: "Integration timeout out of range",
		Doc:      "timeoutInMillis is outside what API Gateway accepts: at least 50 ms; at most 29,000 ms for REST APIs unless the account's quota was raised (Regional and private REST APIs only, up to 300,000 ms), and 30,000 ms for HTTP APIs. Above the default REST limit apigw warns, since a raised quota makes the value valid. Write a value inside the range.",
		Evidence: "Documented: custom integration timeouts range from 50 milliseconds to 29 seconds (" + docTimeout2017 + "); the timeout can be raised beyond 29 seconds for Regional and private REST APIs only (" + docTimeout2024 + ")."},
	{Code: FieldNotForType, Severity: Warning, Title: "Field not read for this integration type or API kind",
		Doc:      "A field is used with an integration type or kind of API that does not read it: payloadFormatVersion or integrationSubtype in a REST API, responseParameters on a REST integration, responses in an HTTP API, connectionType VPC_LINK on an aws integration, an integration $ref in a REST API (only HTTP APIs read x-amazon-apigateway-integrations). The setting has no effect where it stands; move it to where it applies or remove it.",
		Evidence: "Documented: the integration object lists which fields each kind of API reads (" + docIntegration + "); reusable integrations are supported only for HTTP APIs (" + docIntegrations + "). Judgement for the severity: import is not recorded to reject these fields, so a warning."},
	{Code: Connection, Severity: Warning, Title: "connectionType and connectionId disagree",
		Doc:      "connectionType and connectionId do not agree: a VPC_LINK integration without connectionId (API Gateway cannot reach the VPC link), or a connectionId with INTERNET or no connectionType (ignored). Write connectionType: VPC_LINK together with the VPC link's id (or ${stageVariables.name}).",
		Evidence: "Documented: connectionId is the id of the VpcLink of a private integration, connectionType VPC_LINK marks one (" + docIntegration + "). Judgement for the severity: no recorded import shows the outcome, so a warning."},
	{Code: StatusCode, Severity: Error, Title: "Status code is not 100-599",
		Doc:      "A statusCode is not a three-digit HTTP status code. API Gateway validates status codes against [1-5]\\d\\d and rejects anything else, so the import fails. Write the method response's status code, such as \"200\" (YAML integers such as 200 are accepted too).",
		Evidence: "Recorded: PutIntegrationResponse with statusCode 'wrong' fails with ValidationException \"Member must satisfy regular expression pattern: [1-5]\\d\\d\" (" + snapAPI + ", test_integration_response_invalid_statuscode); an integer status code in YAML imports (" + snapImport + ", test_import_with_integer_http_status_code)."},
	{Code: DuplicateStatusCode, Severity: Warning, Title: "Two integration responses with one status code",
		Doc:      "Two integration responses map to the same statusCode. API Gateway keeps integration responses keyed by status code, one per code, so import keeps only one of them and the other selection pattern is lost. Merge the two patterns into one (a|b), or map them to different status codes.",
		Evidence: "Recorded: an integration's integrationResponses are keyed by status code (" + snapImport + ", the integration-response-* entries). Judgement for the severity: the import is not recorded to warn, so a warning."},
	{Code: MultipleDefault, Severity: Warning, Title: "More than one default integration response",
		Doc:      "More than one integration response is the default (no selection pattern). An integration has one default response; import keeps one of them. Keep one default and give the others selection patterns.",
		Evidence: "Judgement: no recorded import shows which default wins; the document is ambiguous, so a warning."},
	{Code: MediaType, Severity: Error, Title: "Template key is not a media type",
		Doc:      "A mapping template key, gateway response template key or binary media type is not written type/subtype. API Gateway validates an integration's template keys as content types and rejects such a key (\"Invalid content type specified\"), which fails the import; a binary media type or gateway response template key of that kind never matches a Content-Type (a warning). Write type/subtype, such as application/json or image/*.",
		Evidence: "Recorded: PutIntegrationResponse with a template key 123 fails with BadRequestException \"Validation Result: warnings : [], errors : [Invalid content type specified: 123]\": the key is validated as a content type (" + snapAPI + ", test_integration_response_invalid_responsetemplates). Binary media types and gateway response template keys are not recorded, so those are reported as warnings."},
	{Code: IntegrationRef, Severity: Warning, Title: "Integration $ref outside x-amazon-apigateway-integrations",
		Doc:      "An integration $ref does not point into components/x-amazon-apigateway-integrations, or a reusable integration is itself a $ref, so the reference cannot be resolved the way HTTP API import resolves it. Write $ref: '#/components/x-amazon-apigateway-integrations/NAME' and define the integration there.",
		Evidence: "Documented: reusable integrations live under components.x-amazon-apigateway-integrations and are referred to as #/components/x-amazon-apigateway-integrations/integration-name (" + docIntegrations + "). Judgement for the severity: no recorded import, so a warning."},
	{Code: HTTPResponseParameters, Severity: Warning, Title: "HTTP API responseParameters not keyed by status code",
		Doc:      "An HTTP API integration's responseParameters are configured per status code that the backend returns; a key that is not a status code from 200 to 599 maps nothing. Key the mappings by status code, as in responseParameters: {\"404\": {\"overwrite:statuscode\": \"403\"}}.",
		Evidence: "Documented: response parameters are configured for each status code that the integration returns (" + docHTTPMapping + "). Judgement for the severity: no recorded import, so a warning."},
	{Code: PayloadFormatVersion, Severity: Error, Title: "payloadFormatVersion not allowed here",
		Doc:      "payloadFormatVersion is not 1.0 or 2.0, or is 2.0 on an integration that supports only 1.0. For HTTP APIs, Lambda proxy integrations accept 1.0 and 2.0 and every other integration only 1.0. Write \"1.0\", or \"2.0\" on an aws_proxy Lambda integration.",
		Evidence: "Documented: \"For HTTP APIs, supported values for Lambda proxy integrations are 1.0 and 2.0. For all other integrations, 1.0 is the only supported value.\" (" + docIntegration + ")."},
	{Code: DashSelectionPattern, Severity: Info, Title: "Selection pattern \"-\" is a regex, not the default",
		Doc:      "The responses key \"-\" is a selection pattern that matches only the text \"-\", not the default response; API Gateway accepts it as such. To catch every other response, write the key default.",
		Evidence: "Documented: a responses key is \"either a regular expression used to match the integration response to the method response, or default\" (" + docIntegrationRes + "). \"-\" is a valid regular expression, so API Gateway accepts it; a remark."},
	{Code: HTTPMethod, Severity: Error, Title: "httpMethod is not an HTTP method",
		Doc:      "An integration's httpMethod is not an HTTP method API Gateway can call (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY). The service rejects it, so the import fails. Write one of those methods.",
		Evidence: "Recorded: an unknown method is refused with BadRequestException \"Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY\" (" + snapAPI + ", test_put_method_validation), an empty integration method with \"Enumeration value for HttpMethod must be non-empty\" (" + snapIntegrations + ", test_put_integration_validation)."},
	{Code: IntegrationSubtype, Severity: Error, Title: "Unsupported integrationSubtype",
		Doc:      "integrationSubtype is not one of the AWS service integrations HTTP APIs support (EventBridge-PutEvents, SQS-SendMessage, StepFunctions-StartExecution, …). Write a supported subtype; the nearest one is suggested.",
		Evidence: "Documented: the integration subtype reference lists the subtypes HTTP APIs support (" + docSubtypes + ")."},
	{Code: AuthorizerField, Severity: Warning, Title: "Authorizer field ignored for its type",
		Doc:      "An authorizer field does not apply to its type (identityValidationExpression on a request authorizer, providerARNs on a Lambda authorizer, jwtConfiguration on a REST authorizer, enableSimpleResponses with payload format 1.0), so it has no effect. Remove it or change the type.",
		Evidence: "Documented: the authorizer object says which fields each authorizer type reads (" + docAuthorizer + "). Judgement for the severity: import is not recorded to reject them, so a warning."},
	{Code: ProviderARN, Severity: Warning, Title: "providerARNs entry is not a Cognito user pool ARN",
		Doc:      "A providerARNs entry is not a Cognito user pool ARN (arn:aws:cognito-idp:{region}:{account}:userpool/{pool-id}), so the authorizer cannot validate tokens against it. Write the user pool's ARN.",
		Evidence: "Documented: providerARNs lists the Amazon Cognito user pool ARNs of a cognito_user_pools authorizer (" + docAuthorizer + "). Judgement for the severity: no recorded import with a wrong ARN, so a warning."},
	{Code: IdentitySource, Severity: Warning, Title: "Empty identitySource entry",
		Doc:      "An identitySource list has an empty entry (two commas in a row, or a trailing comma), which names no request parameter. Separate sources with single commas.",
		Evidence: "Judgement: no recorded import; the authorizer may never find its identity, so a warning."},
	{Code: AuthTypeReserved, Severity: Info, Title: "Reserved authtype value",
		Doc:      "x-amazon-apigateway-authtype starts with \"aws\", a prefix API Gateway reserves (awsSigv4 means IAM authorization). The value is only a label for other authorizers; write awsSigv4 for IAM, or a label without the prefix.",
		Evidence: "Judgement: authtype is a label without functional effect, stored as the authorizer's authType (recorded: " + snapImport + ", test_import_swagger_api, authType \"oauth2\"); a remark."},
	{Code: GatewayResponseType, Severity: Error, Title: "Unknown gateway response type",
		Doc:      "A key of x-amazon-apigateway-gateway-responses is not a gateway response type (DEFAULT_4XX, DEFAULT_5XX, ACCESS_DENIED, …). The service validates the type and rejects the response, so the import fails. Write one of the documented types; the nearest one is suggested.",
		Evidence: "Recorded: an unknown response type is refused with ValidationException \"Value 'FAKE_RESPONSE_TYPE' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set\" (" + snapAPI + ", test_gateway_response_validation). Documented: " + docGatewayTypes + "."},
	{Code: Policy, Severity: Warning, Title: "Resource policy is not an IAM policy document",
		Doc:      "x-amazon-apigateway-policy is not an IAM policy document: not JSON, no Statement, a statement without Effect Allow or Deny, or a Version other than 2012-10-17. Write the policy as the documentation shows, with execute-api:/* resources.",
		Evidence: "Documented: the extension holds a resource policy in IAM policy syntax (" + docPolicy + "). Judgement for the severity: no recorded import of a malformed policy, so a warning."},
	{Code: DocumentationLocation, Severity: Error, Title: "Documentation part location is incomplete or wrong",
		Doc:      "A documentation part's location lacks a field its type requires (name for AUTHORIZER, MODEL, PATH_PARAMETER, QUERY_PARAMETER, REQUEST_HEADER, REQUEST_BODY and RESPONSE_HEADER), has a name where its type takes none (an invalid field), or has a path, method or statusCode its type does not read (a warning). Write the location fields the type needs.",
		Evidence: "Documented: name is \"a valid and required field\" for those types and \"an invalid field for any other entity type\" (" + docDocLocation + "); path, method and statusCode are listed with the types they are valid for, without calling them invalid for the others, so those are reported as warnings."},
	{Code: CORSCredentials, Severity: Error, Title: "CORS credentials with a wildcard origin",
		Doc:      "x-amazon-apigateway-cors sets allowCredentials: true together with the origin *. API Gateway refuses this combination. List the allowed origins explicitly, or drop allowCredentials.",
		Evidence: "Reported: HTTP API creation fails with \"allow-credentials is not supported if 'allow-origin' is * (Status Code: 400; Error Code: BadRequestException)\" (" + issueCORS + ")."},
	{Code: EndpointConfig, Severity: Warning, Title: "Endpoint configuration field does not apply",
		Doc:      "An endpoint configuration field does not apply to the API's endpoint types: vpcEndpointIds are supported only for PRIVATE REST APIs. Add PRIVATE to the endpoint types or remove vpcEndpointIds.",
		Evidence: "Documented: vpcEndpointIds \"is only supported for REST APIs the PRIVATE endpoint type\" (" + docEndpoint + "). Judgement for the severity: the import outcome is not recorded, so a warning."},
	{Code: SecurityPolicy, Severity: Warning, Title: "Unknown security policy",
		Doc:      "x-amazon-apigateway-security-policy names a policy API Gateway does not list (TLS_1_0, TLS_1_2 or a SecurityPolicy_* name). Write one of the listed names; a SecurityPolicy_* policy also needs the endpoint access mode.",
		Evidence: "Documented: the extension and its SecurityPolicy_* names (" + docSecurityPolicy + "). Judgement for the severity: new policies appear over time and the import outcome is not recorded, so a warning."},
}
