package extensions

// Codes for authorizers and security (APIGW200–249) and API-level
// extensions (APIGW250–299). The generic codes of codes.go (type, enum,
// unknown key, required, range) are used wherever they say enough.
const (
	// CodeAuthorizerField: a field that API Gateway ignores for this authorizer type.
	CodeAuthorizerField = "APIGW200"
	// CodeProviderARN: a providerARNs entry that is not a Cognito user pool ARN.
	CodeProviderARN = "APIGW201"
	// CodeIdentitySource: an identitySource list with an empty entry.
	CodeIdentitySource = "APIGW202"
	// CodeAuthTypeReserved: an authtype starting with "aws" other than awsSigv4.
	CodeAuthTypeReserved = "APIGW203"
)

const (
	// CodeGatewayResponseType: a gateway response type name API Gateway does not know.
	CodeGatewayResponseType = "APIGW250"
	// CodePolicy: a resource policy that is not an IAM policy document.
	CodePolicy = "APIGW253"
	// CodeDocumentationLocation: a documentation part location field that is missing or does not apply.
	CodeDocumentationLocation = "APIGW254"
	// CodeCORSCredentials: allowCredentials together with a wildcard origin.
	CodeCORSCredentials = "APIGW255"
	// CodeEndpointConfig: an endpoint configuration field that does not apply to the endpoint types.
	CodeEndpointConfig = "APIGW256"
	// CodeSecurityPolicy: a security policy name API Gateway does not list.
	CodeSecurityPolicy = "APIGW257"
)
