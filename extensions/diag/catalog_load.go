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
	// APIKindGuess: Kind of API chosen without deciding evidence.
	APIKindGuess Code = "APIGW007"
	// UnusedSuppression: Suppression that matches no finding.
	UnusedSuppression Code = "APIGW008"
	// NotRegularFile: Input is not a regular file.
	NotRegularFile Code = "APIGW015"
	// LimitRefChain: $ref chain longer than the chain limit.
	LimitRefChain Code = "APIGW016"
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
	// OpenAPILenient: OpenAPI structure that import reads leniently.
	OpenAPILenient Code = "APIGW057"
	// ErrorIgnored: Error in a part the command does not read.
	ErrorIgnored Code = "APIGW060"
	// OperationLeftOut: Operation left out because of its errors.
	OperationLeftOut Code = "APIGW061"
)

var loadEntries = []Entry{
	{Code: UnusedSuppression, Severity: Info, Title: "Suppression that matches no finding",
		Doc:      "An inline suppression (# apigw:ignore CODE on the offending line or the line above, or an x-apigw-ignore key in an object) names a code that no finding at that place has: the problem was fixed, or the suppression stands on the wrong line. Remove it, so that it does not hide a later problem.",
		Evidence: "Tool contract: suppressions are apigw's own; API Gateway ignores # comments and x- keys it does not know."},
	{Code: APIKindGuess, Severity: Info, Title: "Kind of API chosen without deciding evidence",
		Doc:      "The document does not say whether it is a REST API or an HTTP API: nothing in it is read by only one kind, or it has features of both. It is read as a REST API (ImportRestApi accepts every such document, and REST-only features would be lost on an HTTP API). Pass --api http (or --api rest) to say which import you call.",
		Evidence: "Documented: ImportRestApi and ImportApi are separate calls (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html); the document itself does not name one. Choosing REST when in doubt is the tool's rule, so the finding is an info."},
	{Code: Syntax, Severity: Error, Title: "Syntax error in YAML or JSON",
		Doc:      "The file is not valid YAML or JSON, so nothing in it can be read. API Gateway refuses such a body outright. The message gives the line and column where parsing stopped; fix the syntax there (an unclosed bracket or quote, a tab used for indentation, a missing comma).",
		Evidence: "Recorded: ImportRestApi and PutRestApi answer a body that does not parse with BadRequestException \"Invalid OpenAPI input.\". Source: " + snapImport + ", test_import_api_bad_file."},
	{Code: DuplicateKey, Severity: Warning, Title: "Duplicate key in an object",
		Doc:      "An object has the same key twice. JSON and YAML leave the meaning open; API Gateway is not known to reject such a document, and the value that counts is the last one, so the earlier value is silently lost. Both positions are named: keep one of the two keys.",
		Evidence: "Judgement: no recorded import or documentation shows API Gateway rejecting a duplicate key; the document is ambiguous rather than invalid, so the code is a warning that says which value wins."},
	{Code: EmptyFile, Severity: Error, Title: "File holds no document",
		Doc:      "The file is empty (or holds only comments), so there is no API definition to import. Write an OpenAPI document, or leave the file out of the paths given to apigw.",
		Evidence: "Recorded: a body that is not an OpenAPI document is refused with BadRequestException \"Invalid OpenAPI input.\". Source: " + snapImport + ", test_import_api_bad_file."},
	{Code: UnknownKind, Severity: Error, Title: "Not an API definition or template",
		Doc:      "The file is neither an OpenAPI 3.x or Swagger 2.0 document nor a CloudFormation or SAM template, so apigw does not know how to read it. Name API definitions and templates only, or add the openapi or swagger field the document lacks.",
		Evidence: "Tool contract: apigw reads API definitions and templates only; API Gateway likewise refuses a body that is not an OpenAPI document (\"Invalid OpenAPI input.\", " + snapImport + ", test_import_api_bad_file)."},
	{Code: UnsupportedVersion, Severity: Error, Title: "Unsupported OpenAPI or Swagger version",
		Doc:      "The openapi or swagger field names a version API Gateway does not import. REST APIs import Swagger 2.0 and OpenAPI 3.0; HTTP APIs import OpenAPI 3.0 only. Write swagger: \"2.0\" or openapi: \"3.0.1\".",
		Evidence: "Documented: REST API import supports OpenAPI v2.0 and v3.0 (" + docImportREST + "); HTTP API import reports an error for a document that is not OpenAPI 3.0 (" + docImportHTTP + ")."},
	{Code: NotObject, Severity: Error, Title: "Definition is not an object",
		Doc:      "The document, or the definition embedded in a template's Body or DefinitionBody, is a list or a scalar instead of an object, so it holds no API. Write the definition as an object with openapi (or swagger), info and paths.",
		Evidence: "Recorded: a body that is not an OpenAPI document is refused with BadRequestException \"Invalid OpenAPI input.\". Source: " + snapImport + ", test_import_api_bad_file."},
	{Code: LimitSize, Severity: Error, Title: "Input larger than the size limit",
		Doc:      "The file is larger than apigw's size limit (32 MiB by default), so it is refused before parsing and the command exits with code 3. Split the definition, or raise the limit where the library is used.",
		Evidence: "Tool contract: apigw bounds the input it reads; this is not a claim about API Gateway's own limits."},
	{Code: LimitDepth, Severity: Error, Title: "Input nests deeper than the depth limit",
		Doc:      "Objects and lists nest deeper than apigw's depth limit (1000 levels by default), which only generated or hostile input does; the file is refused with exit code 3. Flatten the structure, for example with $ref to named schemas.",
		Evidence: "Tool contract: apigw bounds the nesting of the input it reads; this is not a claim about API Gateway."},
	{Code: LimitAlias, Severity: Error, Title: "YAML aliases expand past the alias limit",
		Doc:      "YAML aliases expand to more nodes than apigw's limit (1,000,000 over the whole file), or an alias refers to a node that contains it; the file is refused with exit code 3. Write the repeated values out or use $ref.",
		Evidence: "Tool contract: apigw bounds alias expansion so that a small file cannot expand without limit; this is not a claim about API Gateway."},
	{Code: InvalidUTF8, Severity: Error, Title: "Input is not valid UTF-8",
		Doc:      "The file holds bytes that are not UTF-8; it is refused with exit code 3 and the message names the first bad byte. Save the file as UTF-8.",
		Evidence: "Tool contract: apigw reads UTF-8 only; this is not a claim about API Gateway."},
	{Code: MultiDocument, Severity: Error, Title: "Several YAML documents in one file",
		Doc:      "The YAML stream holds more than one document (separated by ---), and apigw would not know which one is the API; the file is refused with exit code 3. Put each definition in its own file.",
		Evidence: "Tool contract: one file holds one definition; this is not a claim about API Gateway."},
	{Code: TemplateNoAPI, Severity: Info, Title: "Template defines no API with an inline definition",
		Doc:      "A CloudFormation or SAM template has no AWS::ApiGateway::RestApi, AWS::ApiGatewayV2::Api, AWS::Serverless::Api or AWS::Serverless::HttpApi with an inline definition, so there is nothing for apigw to check in it.",
		Evidence: "Tool contract: a remark about what apigw found to check."},
	{Code: TemplateNotFollowed, Severity: Info, Title: "Definition kept outside the template",
		Doc:      "An API's definition is kept elsewhere (BodyS3Location, DefinitionUri or AWS::Include), which apigw does not fetch. Check that file on its own.",
		Evidence: "Tool contract: apigw never uses the network and does not follow these references; a remark, not a finding about the API."},
	{Code: TemplateBodyIntrinsic, Severity: Info, Title: "Definition computed by an intrinsic function",
		Doc:      "An API's Body or DefinitionBody is an intrinsic function (Fn::Sub, Fn::Transform, …) or a string, which only CloudFormation can evaluate, so apigw does not read it.",
		Evidence: "Tool contract: a remark about what apigw cannot read offline."},
	{Code: ExternalRef, Severity: Error, Title: "External $ref not allowed",
		Doc:      "A $ref names another file, and apigw reads no other file unless told to. Pass --allow-refs DIR to read files below DIR, or inline the definition. API Gateway itself cannot follow such a reference: the document it imports must be self-contained.",
		Evidence: "Tool contract: external files are read only when allowed; this guards untrusted input."},
	{Code: NetworkRef, Severity: Error, Title: "$ref to a URL",
		Doc:      "A $ref names a URL. apigw never uses the network: download the file and pass --allow-refs with its folder, or inline the definition.",
		Evidence: "Tool contract: apigw never fetches URLs."},
	{Code: RefUnreadable, Severity: Error, Title: "External $ref cannot be read",
		Doc:      "A $ref names a file that is missing, unreadable, not JSON or YAML, or outside the --allow-refs folder. Fix the path, or move the file below the allowed folder.",
		Evidence: "Tool contract: the external reference was allowed but could not be read."},
	{Code: MisplacedExtension, Severity: Warning, Title: "Extension where API Gateway does not read it",
		Doc:      "An x-amazon-apigateway-* extension stands where API Gateway does not look for it (an integration on a path item instead of an operation, an authorizer outside a security scheme), so its configuration is silently lost. Move it to the place the message names.",
		Evidence: "Judgement: API Gateway ignores extensions in places it does not read; no recorded import shows a warning for them, but the configuration is lost, so a warning at most."},
	{Code: SemanticDecode, Severity: Warning, Title: "OpenAPI field has the wrong shape",
		Doc:      "A field holds a value of the wrong shape for the OpenAPI model (a map where a list belongs, such as servers written as one object; a string for a list of tags). API Gateway reads only part of OpenAPI and reads that part leniently, so such a field is ignored rather than rejected: a warning where import reads the field (servers, paths, parameters), an info where it does not read it at all (tags, examples, external docs; schemas in an HTTP API). Fix it so that other tools read the document the same way.",
		Evidence: "Judgement: no recorded import fails on a wrongly shaped field; recorded imports accept documents that strict OpenAPI validation rejects (" + snapImport + ", test_import_and_validate_rest_api[swagger-mock-cors.json]), and HTTP API import documents an invalid structure that does not block creating the API as a warning (" + docImportHTTP + ")."},
	{Code: SemanticVersion, Severity: Error, Title: "Document version is not OpenAPI or Swagger",
		Doc:      "The document says neither swagger: \"2.0\" nor openapi: \"3.0.x\" or \"3.1.x\" (or says both). Import reads only the versions it knows. Write swagger: \"2.0\" or openapi: \"3.0.1\", and only one of them.",
		Evidence: "Documented: REST import reads OpenAPI v2.0 and v3.0 (" + docImportREST + "); HTTP API import rejects a document that is not OpenAPI 3.0 with an error (" + docImportHTTP + ")."},
	{Code: RefNotAllowed, Severity: Error, Title: "$ref to another file or URL not allowed",
		Doc:      "A $ref names another file or a URL where only references inside the document are allowed. Refer to a value in this document as \"#/...\", or pass --allow-refs DIR to read files below DIR.",
		Evidence: "Tool contract: external references are refused unless allowed; API Gateway imports one self-contained document."},
	{Code: RefUnresolved, Severity: Warning, Title: "$ref points at nothing",
		Doc:      "A $ref points at nothing in the document. API Gateway's import treats a missing model reference as a minor issue: it warns and goes on (the import fails only with failonwarnings=true). In a REST API, a reference to an undefined Empty or Error schema names the model every REST API has built in, which is an info; in an HTTP API, which ignores schemas, a reference inside a schema is an info too. Define the target, or correct the reference.",
		Evidence: "Documented: \"warnings can be generated for minor issues like a missing model reference\" (" + docImportErrors + "); a REST API's Empty and Error models are \"available as part of the model collection by default\" (" + docModels + "); HTTP API import ignores schemas and reports them as info (" + docImportHTTP + ")."},
	{Code: SemanticConvert, Severity: Warning, Title: "Swagger 2.0 could not be converted for validation",
		Doc:      "apigw converts a Swagger 2.0 document to OpenAPI 3 to validate it, and the conversion failed; the checks that need the OpenAPI 3 view were skipped, the Swagger 2.0 checks still ran. Fix the construct the message names.",
		Evidence: "Tool contract: this is about apigw's own validation, not about API Gateway."},
	{Code: OpenAPIInvalid, Severity: Error, Title: "OpenAPI structure that import rejects",
		Doc:      "OpenAPI validation found a structural problem that API Gateway's import also rejects: in a REST API, two paths that need different variable names at one resource level (/pets/{id} and /pets/{name}), since a resource can have only one variable child. Do what the message says.",
		Evidence: "Recorded: creating a second variable path part under one resource fails with BadRequestException \"A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed\". Source: " + snapAPI + ", test_create_proxy_resource_validation."},
	{Code: OpenAPIWarning, Severity: Info, Title: "OpenAPI finding that import ignores",
		Doc:      "OpenAPI validation found something the specification requires (a response per operation, every path parameter declared, a valid server variable), or a problem in a part of the document API Gateway does not read (tags, examples, external docs; schemas in an HTTP API): API Gateway's import does not check it and imports the document without a warning. Fix it for other OpenAPI tools; API Gateway does not mind.",
		Evidence: "Recorded: an import with failOnWarnings=true succeeds for a document with an operation without responses and undeclared path parameters. Source: " + snapImport + ", test_import_and_validate_rest_api[swagger-mock-cors.json]; HTTP API import reports properties it does not support as info and ignores them (" + docImportHTTP + ")."},
	{Code: OpenAPILenient, Severity: Warning, Title: "OpenAPI structure that import reads leniently",
		Doc:      "OpenAPI validation found a structural problem in a part of the document API Gateway's import reads, but reads leniently: a path without its leading \"/\" (getRecord/{id}, read as /getRecord/{id}), a schema type JSON Schema draft 4 does not know (type: Object) in a REST API model, or, in an HTTP API, two paths that differ only in their variable names. Import is not known to reject these; other OpenAPI tools do. Write what the message says.",
		Evidence: "Documented: HTTP API import reports a property or structure that is invalid according to the OpenAPI specification but does not block creating the API as a warning (" + docImportHTTP + "). Judgement for REST APIs: no recorded import rejects these, and recorded imports accept documents that strict validation rejects (" + snapImport + ", test_import_and_validate_rest_api[swagger-mock-cors.json]), so a warning."},
	{Code: ErrorIgnored, Severity: Warning, Title: "Error in a part the command does not read",
		Doc:      "The document has an error (import would fail on it) in a part that this command does not read: a client does not read integration URIs or authorizers, a response schema does not read request parameters, convert keeps extensions as written, simulate reads one operation. The command goes on and says so, naming itself and the part; the original message and code follow. Fix the error before importing the document, or pass --strict to make the command refuse the document as check would.",
		Evidence: "Tool contract: which parts of a document each command reads is apigw's own (README lists them); the error itself is what its own code says."},
	{Code: OperationLeftOut, Severity: Warning, Title: "Operation left out because of its errors",
		Doc:      "The document has an error confined to one operation (or to the shared components only some operations refer to) in a part the command reads, so gen client writes no method for the operation and serve answers it with 501 instead of refusing the whole document. The warning names the operation; the original message and code follow. Fix the error to get the operation back, or pass --strict to refuse the document.",
		Evidence: "Tool contract: leaving an operation out is apigw's choice, so that one broken operation does not stop a client or a mock server for the others."},
	{Code: NotRegularFile, Severity: Error, Title: "Input is not a regular file",
		Doc:      "An input named on the command line, below a checked folder or by an allowed external $ref is a named pipe, a device or a socket. Only regular files are read: a pipe can block forever and a device such as /dev/zero never ends. Pass the data as a file, or on standard input where the command reads it.",
		Evidence: "Tool contract: inputs are bounded; reading a file that never ends, or waiting for a writer that never comes, would hang the command."},
	{Code: LimitRefChain, Severity: Error, Title: "$ref chain longer than the chain limit",
		Doc:      "A $ref names a value that is itself only a $ref, and so on, for more links than the limit (32). Such chains serve no purpose in an API definition and make resolvers do work that grows with their length; point each $ref at the value it means.",
		Evidence: "Tool contract: the work a document can cause is bounded; a chain of 8,000 $refs took minutes in kin-openapi's resolver."},
}
