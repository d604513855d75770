package diag

// Dumps, import, export and conversion (APIGW500–APIGW599).
const (
	// DumpSyntax: Dump is not JSON or YAML.
	DumpSyntax Code = "APIGW500"
	// DumpShape: Not a dump of an API.
	DumpShape Code = "APIGW501"
	// DumpDuplicateID: Duplicate id in a dump.
	DumpDuplicateID Code = "APIGW502"
	// DumpUnknownRef: Dump refers to a missing item.
	DumpUnknownRef Code = "APIGW503"
	// DumpTree: Broken resource tree in a dump.
	DumpTree Code = "APIGW504"
	// ImportKind: Document import cannot read.
	ImportKind Code = "APIGW550"
	// ImportBasePath: Base path cannot be used as asked.
	ImportBasePath Code = "APIGW551"
	// ImportParamType: Parameter mapping value is not a string.
	ImportParamType Code = "APIGW552"
	// ImportSecurity: Security requirement import cannot express.
	ImportSecurity Code = "APIGW553"
	// ImportRef: $ref import cannot follow.
	ImportRef Code = "APIGW554"
	// ImportInlineSchema: Inline schema becomes a generated model.
	ImportInlineSchema Code = "APIGW555"
	// ImportValidator: Request validator import cannot find.
	ImportValidator Code = "APIGW556"
	// ImportIntrinsic: CloudFormation intrinsic imported as text.
	ImportIntrinsic Code = "APIGW557"
	// ImportNoIntegration: Operation import skips: no integration.
	ImportNoIntegration Code = "APIGW558"
	// ImportDuplicate: Two operations on one resource and method.
	ImportDuplicate Code = "APIGW559"
	// ImportPayloadFormat: HTTP API integration without payloadFormatVersion.
	ImportPayloadFormat Code = "APIGW560"
	// ExportLoss: Not expressible in the chosen export.
	ExportLoss Code = "APIGW565"
	// ExportModel: Model schema exported as a string.
	ExportModel Code = "APIGW566"
	// ConvertLoss: Not expressible in the target version.
	ConvertLoss Code = "APIGW570"
	// ConvertMoved: Extension moved for the target version.
	ConvertMoved Code = "APIGW571"
	// ConvertTarget: Unsupported conversion target.
	ConvertTarget Code = "APIGW572"
)

// Import into an existing API (APIGW561).
const (
	// ImportMode: Mode or existing API import cannot use.
	ImportMode Code = "APIGW561"
)

var modelEntries = []Entry{
	{Code: DumpSyntax, Severity: Error, Title: "Dump is not JSON or YAML",
		Doc: "The file is not JSON or YAML."},
	{Code: DumpShape, Severity: Error, Title: "Not a dump of an API",
		Doc: "The file is not a dump this package knows."},
	{Code: DumpDuplicateID, Severity: Error, Title: "Duplicate id in a dump",
		Doc: "Two items of one kind share an id (or a name where names must be unique)."},
	{Code: DumpUnknownRef, Severity: Error, Title: "Dump refers to a missing item",
		Doc: "An id or name refers to nothing in the dump."},
	{Code: DumpTree, Severity: Error, Title: "Broken resource tree in a dump",
		Doc: "The resource tree is broken (no root, several roots, a path that does not match its parent)."},
	{Code: ImportKind, Severity: Error, Title: "Document import cannot read",
		Doc: "The document is not something import can read (an unknown kind, or a CloudFormation template passed whole)."},
	{Code: ImportBasePath, Severity: Warning, Title: "Base path cannot be used as asked",
		Doc: "The base path or server URL cannot be used as asked."},
	{Code: ImportParamType, Severity: Warning, Title: "Parameter mapping value is not a string",
		Doc: "A request or response parameter mapping is not a string; API Gateway warns and drops it."},
	{Code: ImportSecurity, Severity: Warning, Title: "Security requirement import cannot express",
		Doc: "A security requirement names a scheme that is not defined, or one API Gateway cannot express."},
	{Code: ImportRef, Severity: Warning, Title: "$ref import cannot follow",
		Doc: "A $ref cannot be followed (not local, or missing)."},
	{Code: ImportInlineSchema, Severity: Info, Title: "Inline schema becomes a generated model",
		Doc: "A body or response schema is written inline; it becomes a generated model."},
	{Code: ImportValidator, Severity: Warning, Title: "Request validator import cannot find",
		Doc: "An operation names a request validator that is not defined."},
	{Code: ImportIntrinsic, Severity: Info, Title: "CloudFormation intrinsic imported as text",
		Doc: "A value is a CloudFormation intrinsic function, which only CloudFormation can resolve; it is imported as its text."},
	{Code: ImportNoIntegration, Severity: Warning, Title: "Operation import skips: no integration",
		Doc: "An operation has no x-amazon-apigateway-integration."},
	{Code: ImportDuplicate, Severity: Warning, Title: "Two operations on one resource and method",
		Doc: "Two operations map to the same resource and method, or route."},
	{Code: ImportPayloadFormat, Severity: Warning, Title: "HTTP API integration without payloadFormatVersion",
		Doc: "An HTTP API integration lacks payloadFormatVersion."},
	{Code: ExportLoss, Severity: Warning, Title: "Not expressible in the chosen export",
		Doc: "Something of the API model has no place in the chosen export."},
	{Code: ExportModel, Severity: Warning, Title: "Model schema exported as a string",
		Doc: "A model schema is not JSON and is exported as a string."},
	{Code: ConvertLoss, Severity: Warning, Title: "Not expressible in the target version",
		Doc: "Something cannot be expressed in the target version and is dropped."},
	{Code: ConvertMoved, Severity: Info, Title: "Extension moved for the target version",
		Doc: "An extension was moved to where the target version wants it."},
	{Code: ConvertTarget, Severity: Error, Title: "Unsupported conversion target",
		Doc: "The conversion target is not one Convert supports."},
	{Code: ImportMode, Severity: Error, Title: "Mode or existing API import cannot use",
		Doc:      "A document is put into an existing API with a mode other than merge or overwrite, with a mode but no existing API, or into an API of the other kind (a REST API document into an HTTP API, or the reverse). Give PutRestApi's merge or overwrite with the dump of a REST API, or overwrite with the dump of an HTTP API.",
		Evidence: "PutRestApi's mode takes merge or overwrite and puts into a REST API (API Gateway API reference, PutRestApi); ReimportApi puts into an HTTP API and has no mode (apigatewayv2 API reference, ReimportApi). The request fails otherwise, so this is an error."},
}
