package apimodel

// Diagnostic codes of dump loading (range APIGW500–APIGW519). Wrong types,
// unknown enum values and unknown keys use the generic codes of package
// extensions (APIGW100–APIGW102).
const (
	// CodeSyntax: the file is not JSON or YAML.
	CodeSyntax = "APIGW500"
	// CodeShape: the file is not a dump this package knows.
	CodeShape = "APIGW501"
	// CodeDuplicateID: two items of one kind share an id (or a name where names must be unique).
	CodeDuplicateID = "APIGW502"
	// CodeUnknownRef: an id or name refers to nothing in the dump.
	CodeUnknownRef = "APIGW503"
	// CodeTree: the resource tree is broken (no root, several roots, a path that does not match its parent).
	CodeTree = "APIGW504"
)
