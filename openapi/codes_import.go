package openapi

// Diagnostic codes of import, export and version conversion (range
// APIGW550–APIGW579).
const (
	// CodeImportKind: the document is not something import can read (an
	// unknown kind, or a CloudFormation template passed whole).
	CodeImportKind = "APIGW550"
	// CodeImportBasePath: the base path or server URL cannot be used as asked.
	CodeImportBasePath = "APIGW551"
	// CodeImportParamType: a request or response parameter mapping is not a
	// string; API Gateway warns and drops it.
	CodeImportParamType = "APIGW552"
	// CodeImportSecurity: a security requirement names a scheme that is not
	// defined, or one API Gateway cannot express.
	CodeImportSecurity = "APIGW553"
	// CodeImportRef: a $ref cannot be followed (not local, or missing).
	CodeImportRef = "APIGW554"
	// CodeImportInlineSchema: a body or response schema is written inline;
	// it becomes a generated model.
	CodeImportInlineSchema = "APIGW555"
	// CodeImportValidator: an operation names a request validator that is not defined.
	CodeImportValidator = "APIGW556"
	// CodeImportIntrinsic: a value is a CloudFormation intrinsic function,
	// which only CloudFormation can resolve; it is imported as its text.
	CodeImportIntrinsic = "APIGW557"
	// CodeImportNoIntegration: an operation has no x-amazon-apigateway-integration.
	CodeImportNoIntegration = "APIGW558"
	// CodeImportDuplicate: two operations map to the same resource and method, or route.
	CodeImportDuplicate = "APIGW559"
	// CodeImportPayloadFormat: an HTTP API integration lacks payloadFormatVersion.
	CodeImportPayloadFormat = "APIGW560"

	// CodeExportLoss: something of the API model has no place in the chosen export.
	CodeExportLoss = "APIGW565"
	// CodeExportModel: a model schema is not JSON and is exported as a string.
	CodeExportModel = "APIGW566"

	// CodeConvertLoss: something cannot be expressed in the target version and is dropped.
	CodeConvertLoss = "APIGW570"
	// CodeConvertMoved: an extension was moved to where the target version wants it.
	CodeConvertMoved = "APIGW571"
	// CodeConvertTarget: the conversion target is not one Convert supports.
	CodeConvertTarget = "APIGW572"
)
