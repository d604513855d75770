package openapi

// Diagnostic codes for the semantic view (kin-openapi's model of a document),
// APIGW050–APIGW099. Codes are stable: a code keeps its meaning across releases.
const (
	// CodeSemanticDecode: a field holds a value of the wrong shape for the
	// OpenAPI model (a list where an object belongs, a number for a string).
	CodeSemanticDecode = "APIGW050"
	// CodeSemanticVersion: the document says neither swagger: "2.0" nor
	// openapi: "3.0.x"/"3.1.x".
	CodeSemanticVersion = "APIGW051"
	// CodeRefNotAllowed: a $ref names another file or a URL, which was not allowed.
	CodeRefNotAllowed = "APIGW052"
	// CodeRefUnresolved: a $ref points at nothing in the document.
	CodeRefUnresolved = "APIGW053"
	// CodeSemanticConvert: a Swagger 2.0 document could not be converted to
	// the OpenAPI 3 view (the Swagger 2.0 view is still available).
	CodeSemanticConvert = "APIGW054"
	// CodeOpenAPIInvalid: OpenAPI validation found a structural error that
	// API Gateway's import also rejects.
	CodeOpenAPIInvalid = "APIGW055"
	// CodeOpenAPIWarning: OpenAPI validation found a problem that API
	// Gateway's import ignores (reported as info).
	CodeOpenAPIWarning = "APIGW056"
)
