package schema

// Diagnostic codes of the per-API response schemas (range APIGW700–APIGW719).
const (
	// CodeAPIKind: the document is not one ForAPI can read, or it has no
	// operation to describe.
	CodeAPIKind = "APIGW700"
	// CodeAPIOperation: an operation is left out (no integration, no
	// integration response, no status code), or a part of it cannot be described.
	CodeAPIOperation = "APIGW701"
	// CodeAPIMethodResponse: an integration response's status code has no
	// method response; import skips it with a warning, so it gets no branch.
	CodeAPIMethodResponse = "APIGW702"
	// CodeAPIKeyword: a schema keyword's value is not what JSON Schema
	// allows; it is left out of the generated schema.
	CodeAPIKeyword = "APIGW703"
	// CodeAPIRef: a $ref cannot be followed (external, or naming nothing);
	// the schema accepts any value there.
	CodeAPIRef = "APIGW704"
	// CodeAPIPattern: a pattern that RE2-based validators cannot compile; it
	// is kept as the annotation x-apigw-pattern instead.
	CodeAPIPattern = "APIGW705"
)
