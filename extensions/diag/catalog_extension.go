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
	{Code: WrongType, Severity: Error, Title: "Value has the wrong type",
		Doc: "A value has the wrong JSON type."},
	{Code: UnknownValue, Severity: Error, Title: "Value is not one of the allowed names",
		Doc: "A value is not one of the allowed names."},
	{Code: UnknownKey, Severity: Warning, Title: "Unknown key in an extension object",
		Doc: "An object has a key API Gateway does not know."},
	{Code: MissingField, Severity: Error, Title: "Required field is missing",
		Doc: "A required field is missing."},
	{Code: OutOfRange, Severity: Error, Title: "Number out of the accepted range",
		Doc: "A number is outside the range API Gateway accepts."},
	{Code: UnknownExtension, Severity: Warning, Title: "Unknown x-amazon-apigateway extension",
		Doc: "An x-amazon-apigateway-* name that API Gateway does not know."},
	{Code: IntegrationURI, Severity: Error, Title: "Integration uri has the wrong shape",
		Doc: "An integration uri does not have the shape its type needs."},
	{Code: LambdaMethod, Severity: Warning, Title: "Lambda integration does not use POST",
		Doc: "A Lambda integration must call the function with POST."},
	{Code: IntegrationTimeout, Severity: Error, Title: "Integration timeout out of range",
		Doc: "TimeoutInMillis is outside the range API Gateway accepts."},
	{Code: FieldNotForType, Severity: Error, Title: "Field not read for this integration type or API kind",
		Doc: "A field is used with an integration type or API kind that ignores or rejects it."},
	{Code: Connection, Severity: Error, Title: "connectionType and connectionId disagree",
		Doc: "ConnectionType and connectionId do not agree."},
	{Code: StatusCode, Severity: Error, Title: "Status code is not 100-599",
		Doc: "A statusCode is not a number between 100 and 599."},
	{Code: DuplicateStatusCode, Severity: Warning, Title: "Two integration responses with one status code",
		Doc: "Two integration responses map to the same statusCode."},
	{Code: MultipleDefault, Severity: Warning, Title: "More than one default integration response",
		Doc: "More than one integration response is the default."},
	{Code: MediaType, Severity: Warning, Title: "Template key is not a media type",
		Doc: "A template key is not a media type (type/subtype)."},
	{Code: IntegrationRef, Severity: Error, Title: "Integration $ref outside x-amazon-apigateway-integrations",
		Doc: "A $ref integration does not point into components/x-amazon-apigateway-integrations."},
	{Code: HTTPResponseParameters, Severity: Error, Title: "HTTP API responseParameters not keyed by status code",
		Doc: "HTTP API responseParameters are not keyed by a status code 200–599."},
	{Code: PayloadFormatVersion, Severity: Error, Title: "payloadFormatVersion not allowed here",
		Doc: "PayloadFormatVersion is not 1.0 or 2.0, or 2.0 where only 1.0 is allowed."},
	{Code: DashSelectionPattern, Severity: Info, Title: "Selection pattern \"-\" is a regex, not the default",
		Doc: "The selection pattern \"-\" is a regex, not the default response."},
	{Code: HTTPMethod, Severity: Error, Title: "httpMethod is not an HTTP method",
		Doc: "HttpMethod is not an HTTP method API Gateway can call."},
	{Code: IntegrationSubtype, Severity: Error, Title: "Unsupported integrationSubtype",
		Doc: "IntegrationSubtype is not one API Gateway supports."},
	{Code: AuthorizerField, Severity: Warning, Title: "Authorizer field ignored for its type",
		Doc: "A field that API Gateway ignores for this authorizer type."},
	{Code: ProviderARN, Severity: Error, Title: "providerARNs entry is not a Cognito user pool ARN",
		Doc: "A providerARNs entry that is not a Cognito user pool ARN."},
	{Code: IdentitySource, Severity: Warning, Title: "Empty identitySource entry",
		Doc: "An identitySource list with an empty entry."},
	{Code: AuthTypeReserved, Severity: Info, Title: "Reserved authtype value",
		Doc: "An authtype starting with \"aws\" other than awsSigv4."},
	{Code: GatewayResponseType, Severity: Error, Title: "Unknown gateway response type",
		Doc: "A gateway response type name API Gateway does not know."},
	{Code: Policy, Severity: Error, Title: "Resource policy is not an IAM policy document",
		Doc: "A resource policy that is not an IAM policy document."},
	{Code: DocumentationLocation, Severity: Error, Title: "Documentation part location is incomplete or wrong",
		Doc: "A documentation part location field that is missing or does not apply."},
	{Code: CORSCredentials, Severity: Error, Title: "CORS credentials with a wildcard origin",
		Doc: "AllowCredentials together with a wildcard origin."},
	{Code: EndpointConfig, Severity: Warning, Title: "Endpoint configuration field does not apply",
		Doc: "An endpoint configuration field that does not apply to the endpoint types."},
	{Code: SecurityPolicy, Severity: Warning, Title: "Unknown security policy",
		Doc: "A security policy name API Gateway does not list."},
}
