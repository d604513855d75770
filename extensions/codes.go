package extensions

// Diagnostic codes are stable: a code keeps its meaning across releases.
// Ranges: APIGW0xx loading and safety limits (openapi), APIGW1xx integrations
// and their responses, APIGW2xx authorizers and security, APIGW25x–29x
// API-level extensions, APIGW3xx parameter mappings, APIGW35x–39x selection
// patterns, APIGW4xx document-level checks (openapi), APIGW5xx import, export
// and conversion, APIGW6xx simulation.
const (
	// CodeType: a value has the wrong JSON type.
	CodeType = "APIGW100"
	// CodeEnum: a value is not one of the allowed names.
	CodeEnum = "APIGW101"
	// CodeUnknownKey: an object has a key API Gateway does not know.
	CodeUnknownKey = "APIGW102"
	// CodeRequired: a required field is missing.
	CodeRequired = "APIGW103"
	// CodeRange: a number is outside the range API Gateway accepts.
	CodeRange = "APIGW104"
)

const (
	// CodeUnknownExtension: an x-amazon-apigateway-* name that API Gateway does not know.
	CodeUnknownExtension = "APIGW105"
)
