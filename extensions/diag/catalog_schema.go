package diag

// Per-API response schemas (APIGW700–APIGW799).
const (
	// ResponseSchemaNone: Response schemas: nothing to describe.
	ResponseSchemaNone Code = "APIGW700"
	// ResponseSchemaOperation: Response schemas: operation or part left out.
	ResponseSchemaOperation Code = "APIGW701"
	// ResponseSchemaMethodResponse: Response schemas: status without method response.
	ResponseSchemaMethodResponse Code = "APIGW702"
	// ResponseSchemaKeyword: Response schemas: keyword value JSON Schema does not allow.
	ResponseSchemaKeyword Code = "APIGW703"
	// ResponseSchemaRef: Response schemas: $ref cannot be followed.
	ResponseSchemaRef Code = "APIGW704"
	// ResponseSchemaPattern: Response schemas: pattern validators cannot compile.
	ResponseSchemaPattern Code = "APIGW705"
)

var schemaEntries = []Entry{
	{Code: ResponseSchemaNone, Severity: Error, Title: "Response schemas: nothing to describe",
		Doc:      "apigw gen schema FILE -o DIR was given a document it cannot read, or one whose operations have no responses to describe (each needs an x-amazon-apigateway-integration, with integration responses unless it is a proxy).",
		Evidence: "Tool contract: about the response schemas apigw generates."},
	{Code: ResponseSchemaOperation, Severity: Warning, Title: "Response schemas: operation or part left out",
		Doc:      "An operation, or a part of it, is left out of the generated response schemas: no integration, no integration responses (every call ends in 500), an integration response without a three-digit statusCode, or no declared responses (its schema then accepts any status).",
		Evidence: "Tool contract: about the response schemas apigw generates."},
	{Code: ResponseSchemaMethodResponse, Severity: Warning, Title: "Response schemas: status without method response",
		Doc:      "An integration response's status code has no method response (APIGW400), so it gets no branch in the generated schema. Declare the response on the operation.",
		Evidence: "Tool contract: about the response schemas apigw generates."},
	{Code: ResponseSchemaKeyword, Severity: Warning, Title: "Response schemas: keyword value JSON Schema does not allow",
		Doc:      "A schema keyword's value is not what JSON Schema allows (a type that is not a JSON Schema type, a non-object schema, nesting beyond the limit), so it is left out of the generated schema.",
		Evidence: "Tool contract: about the response schemas apigw generates."},
	{Code: ResponseSchemaRef, Severity: Warning, Title: "Response schemas: $ref cannot be followed",
		Doc:      "A $ref cannot be followed (external, naming nothing, or recursive outside components.schemas), so the generated schema accepts any value there. Define the target under components.schemas.",
		Evidence: "Tool contract: about the response schemas apigw generates."},
	{Code: ResponseSchemaPattern, Severity: Warning, Title: "Response schemas: pattern validators cannot compile",
		Doc:      "A schema pattern is outside the regex subset that RE2-based validators (Go, Rust) accept; it is kept as the annotation x-apigw-pattern and not checked.",
		Evidence: "Tool contract: about the response schemas apigw generates."},
}
