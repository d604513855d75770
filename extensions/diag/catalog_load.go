package diag

// Reading documents, safety limits, templates and external references (APIGW001–APIGW099).
const (
	// Syntax: Syntax error in YAML or JSON.
	Syntax Code = "APIGW001"
	// DuplicateKey: Duplicate key in an object.
	DuplicateKey Code = "APIGW002"
	// EmptyFile: File holds no document.
	EmptyFile Code = "APIGW003"
	// UnknownKind: Not an API definition or template.
	UnknownKind Code = "APIGW004"
	// UnsupportedVersion: Unsupported OpenAPI or Swagger version.
	UnsupportedVersion Code = "APIGW005"
	// NotObject: Definition is not an object.
	NotObject Code = "APIGW006"
	// APIKindGuess: Kind of API chosen without evidence either way.
	APIKindGuess Code = "APIGW007"
	// LimitSize: Input larger than the size limit.
	LimitSize Code = "APIGW010"
	// LimitDepth: Input nests deeper than the depth limit.
	LimitDepth Code = "APIGW011"
	// LimitAlias: YAML aliases expand past the alias limit.
	LimitAlias Code = "APIGW012"
	// InvalidUTF8: Input is not valid UTF-8.
	InvalidUTF8 Code = "APIGW013"
	// MultiDocument: Several YAML documents in one file.
	MultiDocument Code = "APIGW014"
	// TemplateNoAPI: Template defines no API with an inline definition.
	TemplateNoAPI Code = "APIGW020"
	// TemplateNotFollowed: Definition kept outside the template.
	TemplateNotFollowed Code = "APIGW021"
	// TemplateBodyIntrinsic: Definition computed by an intrinsic function.
	TemplateBodyIntrinsic Code = "APIGW022"
	// ExternalRef: External $ref not allowed.
	ExternalRef Code = "APIGW030"
	// NetworkRef: $ref to a URL.
	NetworkRef Code = "APIGW031"
	// RefUnreadable: External $ref cannot be read.
	RefUnreadable Code = "APIGW032"
	// MisplacedExtension: Extension where API Gateway does not read it.
	MisplacedExtension Code = "APIGW040"
	// SemanticDecode: OpenAPI field has the wrong shape.
	SemanticDecode Code = "APIGW050"
	// SemanticVersion: Document version is not OpenAPI or Swagger.
	SemanticVersion Code = "APIGW051"
	// RefNotAllowed: $ref to another file or URL not allowed.
	RefNotAllowed Code = "APIGW052"
	// RefUnresolved: $ref points at nothing.
	RefUnresolved Code = "APIGW053"
	// SemanticConvert: Swagger 2.0 could not be converted for validation.
	SemanticConvert Code = "APIGW054"
	// OpenAPIInvalid: OpenAPI structure that import rejects.
	OpenAPIInvalid Code = "APIGW055"
	// OpenAPIWarning: OpenAPI finding that import ignores.
	OpenAPIWarning Code = "APIGW056"
)

var loadEntries = []Entry{
	{Code: APIKindGuess, Severity: Info, Title: "Kind of API chosen without deciding evidence",
		Doc: "The document does not say whether it is a REST API or an HTTP API: nothing in it is read by only one kind, or it has features of both. It is read as a REST API (ImportRestApi accepts every such document, and REST-only features would be lost on an HTTP API). Pass --api http (or --api rest) to say which import you call."},
	{Code: Syntax, Severity: Error, Title: "Syntax error in YAML or JSON",
		Doc: "The file is not well-formed YAML or JSON."},
	{Code: DuplicateKey, Severity: Error, Title: "Duplicate key in an object",
		Doc: "An object has the same key twice."},
	{Code: EmptyFile, Severity: Error, Title: "File holds no document",
		Doc: "The file holds no document."},
	{Code: UnknownKind, Severity: Error, Title: "Not an API definition or template",
		Doc: "The file is neither OpenAPI, Swagger 2.0 nor a CloudFormation/SAM template."},
	{Code: UnsupportedVersion, Severity: Error, Title: "Unsupported OpenAPI or Swagger version",
		Doc: "An openapi or swagger version that API Gateway does not import."},
	{Code: NotObject, Severity: Error, Title: "Definition is not an object",
		Doc: "The document (or an embedded definition) is not an object."},
	{Code: LimitSize, Severity: Error, Title: "Input larger than the size limit",
		Doc: "The input is larger than the size limit."},
	{Code: LimitDepth, Severity: Error, Title: "Input nests deeper than the depth limit",
		Doc: "Objects and lists nest deeper than the depth limit."},
	{Code: LimitAlias, Severity: Error, Title: "YAML aliases expand past the alias limit",
		Doc: "YAML aliases expand to more nodes than the alias limit, or refer to themselves."},
	{Code: InvalidUTF8, Severity: Error, Title: "Input is not valid UTF-8",
		Doc: "The input is not valid UTF-8."},
	{Code: MultiDocument, Severity: Error, Title: "Several YAML documents in one file",
		Doc: "The YAML stream holds more than one document."},
	{Code: TemplateNoAPI, Severity: Info, Title: "Template defines no API with an inline definition",
		Doc: "A template defines no API with an inline OpenAPI definition."},
	{Code: TemplateNotFollowed, Severity: Info, Title: "Definition kept outside the template",
		Doc: "A definition kept elsewhere (BodyS3Location, DefinitionUri, AWS::Include)."},
	{Code: TemplateBodyIntrinsic, Severity: Info, Title: "Definition computed by an intrinsic function",
		Doc: "A definition written as an intrinsic function or a string, so not read."},
	{Code: ExternalRef, Severity: Error, Title: "External $ref not allowed",
		Doc: "A $ref to another file while no --allow-refs folder was given."},
	{Code: NetworkRef, Severity: Error, Title: "$ref to a URL",
		Doc: "A $ref to a URL; the network is never used."},
	{Code: RefUnreadable, Severity: Error, Title: "External $ref cannot be read",
		Doc: "A $ref to a file that is missing, unreadable or outside the allowed folder."},
	{Code: MisplacedExtension, Severity: Warning, Title: "Extension where API Gateway does not read it",
		Doc: "An x-amazon-apigateway-* extension where API Gateway does not read it."},
	{Code: SemanticDecode, Severity: Error, Title: "OpenAPI field has the wrong shape",
		Doc: "A field holds a value of the wrong shape for the OpenAPI model (a list where an object belongs, a number for a string)."},
	{Code: SemanticVersion, Severity: Error, Title: "Document version is not OpenAPI or Swagger",
		Doc: "The document says neither swagger: \"2.0\" nor openapi: \"3.0.x\"/\"3.1.x\"."},
	{Code: RefNotAllowed, Severity: Error, Title: "$ref to another file or URL not allowed",
		Doc: "A $ref names another file or a URL, which was not allowed."},
	{Code: RefUnresolved, Severity: Error, Title: "$ref points at nothing",
		Doc: "A $ref points at nothing in the document."},
	{Code: SemanticConvert, Severity: Warning, Title: "Swagger 2.0 could not be converted for validation",
		Doc: "A Swagger 2.0 document could not be converted to the OpenAPI 3 view (the Swagger 2.0 view is still available)."},
	{Code: OpenAPIInvalid, Severity: Error, Title: "OpenAPI structure that import rejects",
		Doc: "OpenAPI validation found a structural error that API Gateway's import also rejects."},
	{Code: OpenAPIWarning, Severity: Info, Title: "OpenAPI finding that import ignores",
		Doc: "OpenAPI validation found a problem that API Gateway's import ignores (reported as info)."},
}

// Codes added after the first release of the catalog.
const (
	// NotRegularFile: Input is not a regular file.
	NotRegularFile Code = "APIGW015"
	// LimitRefChain: $ref chain longer than the chain limit.
	LimitRefChain Code = "APIGW016"
)

func init() {
	loadEntries = append(loadEntries,
		Entry{Code: NotRegularFile, Severity: Error, Title: "Input is not a regular file",
			Doc:      "An input named on the command line, below a checked folder or by an allowed external $ref is a named pipe, a device or a socket. Only regular files are read: a pipe can block forever and a device such as /dev/zero never ends. Pass the data as a file, or on standard input where the command reads it.",
			Evidence: "Tool contract: inputs are bounded; reading a file that never ends, or waiting for a writer that never comes, would hang the command."},
		Entry{Code: LimitRefChain, Severity: Error, Title: "$ref chain longer than the chain limit",
			Doc:      "A $ref names a value that is itself only a $ref, and so on, for more links than the limit (32). Such chains serve no purpose in an API definition and make resolvers do work that grows with their length; point each $ref at the value it means.",
			Evidence: "Tool contract: the work a document can cause is bounded; a chain of 8,000 $refs took minutes in kin-openapi's resolver."},
	)
}
