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
		Doc: "The document is not one ForAPI can read, or it has no operation to describe."},
	{Code: ResponseSchemaOperation, Severity: Warning, Title: "Response schemas: operation or part left out",
		Doc: "An operation is left out (no integration, no integration response, no status code), or a part of it cannot be described."},
	{Code: ResponseSchemaMethodResponse, Severity: Warning, Title: "Response schemas: status without method response",
		Doc: "An integration response's status code has no method response; import skips it with a warning, so it gets no branch."},
	{Code: ResponseSchemaKeyword, Severity: Warning, Title: "Response schemas: keyword value JSON Schema does not allow",
		Doc: "A schema keyword's value is not what JSON Schema allows; it is left out of the generated schema."},
	{Code: ResponseSchemaRef, Severity: Warning, Title: "Response schemas: $ref cannot be followed",
		Doc: "A $ref cannot be followed (external, or naming nothing); the schema accepts any value there."},
	{Code: ResponseSchemaPattern, Severity: Warning, Title: "Response schemas: pattern validators cannot compile",
		Doc: "A pattern that RE2-based validators cannot compile; it is kept as the annotation x-apigw-pattern instead."},
}
