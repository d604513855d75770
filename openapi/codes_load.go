package openapi

// Diagnostic codes for loading documents (range APIGW001–APIGW049).
// A code keeps its meaning across releases.
const (
	// CodeSyntax: the file is not well-formed YAML or JSON.
	CodeSyntax = "APIGW001"
	// CodeDuplicateKey: an object has the same key twice.
	CodeDuplicateKey = "APIGW002"
	// CodeEmpty: the file holds no document.
	CodeEmpty = "APIGW003"
	// CodeUnknownKind: the file is neither OpenAPI, Swagger 2.0 nor a CloudFormation/SAM template.
	CodeUnknownKind = "APIGW004"
	// CodeUnsupportedVersion: an openapi or swagger version that API Gateway does not import.
	CodeUnsupportedVersion = "APIGW005"
	// CodeNotObject: the document (or an embedded definition) is not an object.
	CodeNotObject = "APIGW006"
)

// Safety limits; a *LimitError carries one of these codes.
const (
	// CodeLimitSize: the input is larger than the size limit.
	CodeLimitSize = "APIGW010"
	// CodeLimitDepth: objects and lists nest deeper than the depth limit.
	CodeLimitDepth = "APIGW011"
	// CodeLimitAlias: YAML aliases expand to more nodes than the alias limit, or refer to themselves.
	CodeLimitAlias = "APIGW012"
	// CodeInvalidUTF8: the input is not valid UTF-8.
	CodeInvalidUTF8 = "APIGW013"
	// CodeMultiDocument: the YAML stream holds more than one document.
	CodeMultiDocument = "APIGW014"
)

// CloudFormation and SAM templates.
const (
	// CodeTemplateNoAPI: a template defines no API with an inline OpenAPI definition.
	CodeTemplateNoAPI = "APIGW020"
	// CodeTemplateNotFollowed: a definition kept elsewhere (BodyS3Location, DefinitionUri, AWS::Include).
	CodeTemplateNotFollowed = "APIGW021"
	// CodeTemplateBodyIntrinsic: a definition written as an intrinsic function or a string, so not read.
	CodeTemplateBodyIntrinsic = "APIGW022"
)

// External references.
const (
	// CodeExternalRef: a $ref to another file while no --allow-refs folder was given.
	CodeExternalRef = "APIGW030"
	// CodeNetworkRef: a $ref to a URL; the network is never used.
	CodeNetworkRef = "APIGW031"
	// CodeRefUnreadable: a $ref to a file that is missing, unreadable or outside the allowed folder.
	CodeRefUnreadable = "APIGW032"
)

// Extensions.
const (
	// CodeMisplacedExtension: an x-amazon-apigateway-* extension where API Gateway does not read it.
	CodeMisplacedExtension = "APIGW040"
)
