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

// Deployment config (APIGW580–APIGW589).
const (
	// ConfigIntrinsic: Intrinsic function a target cannot write.
	ConfigIntrinsic Code = "APIGW580"
	// ConfigUnsupported: Setting a target cannot write.
	ConfigUnsupported Code = "APIGW581"
	// ConfigPermission: Lambda permission not written.
	ConfigPermission Code = "APIGW582"
	// ConfigValue: Value the target's provider rejects.
	ConfigValue Code = "APIGW583"
)

// Templates: the properties of an API's template resource, and APIs written
// as resources (APIGW590–APIGW599).
const (
	// TemplateProperty: Template property not carried.
	TemplateProperty Code = "APIGW590"
	// TemplateValue: Template property value not understood.
	TemplateValue Code = "APIGW591"
	// TemplateResourceRef: Template resource the API cannot place.
	TemplateResourceRef Code = "APIGW592"
)

var modelEntries = []Entry{
	{Code: DumpSyntax, Severity: Error, Title: "Dump is not JSON or YAML",
		Doc:      "A file given as a dump of a live API (the output of aws apigateway get-rest-api, get-resources --embed methods and friends) is not JSON or YAML. Save the CLI's JSON output unchanged.",
		Evidence: "Tool contract: apigw reads dumps it can parse; not a claim about API Gateway."},
	{Code: DumpShape, Severity: Error, Title: "Not a dump of an API",
		Doc:      "The file is not a dump apigw knows: write {\"restApi\": <get-rest-api>, \"resources\": [<items of get-resources --embed methods>], …} for a REST API, or {\"api\": <get-api>, \"routes\": […], \"integrations\": […], …} for an HTTP or WebSocket API. The message says what is missing or misplaced.",
		Evidence: "Tool contract: the shape of the dumps apigw reads; not a claim about API Gateway."},
	{Code: DumpDuplicateID, Severity: Error, Title: "Duplicate id in a dump",
		Doc:      "Two items of one kind in a dump share an id (or a name where names are unique), so references to it are ambiguous. A dump taken from one API never has this: take the dump again.",
		Evidence: "Tool contract: a consistency check of the dump; not a claim about API Gateway."},
	{Code: DumpUnknownRef, Severity: Error, Title: "Dump refers to a missing item",
		Doc:      "An id or name in a dump refers to nothing in it (an authorizerId, a parentId, a route's target, a model name). Include the missing items in the dump (get-authorizers, get-models, …).",
		Evidence: "Tool contract: a consistency check of the dump; not a claim about API Gateway."},
	{Code: DumpTree, Severity: Error, Title: "Broken resource tree in a dump",
		Doc:      "The resource tree of a REST API dump is broken: no root \"/\", several roots, or a path that does not match its parent's path and pathPart. Dump all resources (get-resources follows pagination with --max-items unset).",
		Evidence: "Tool contract: a consistency check of the dump; not a claim about API Gateway."},
	{Code: ImportKind, Severity: Error, Title: "Document import cannot read",
		Doc:      "apigw import was given something that is not a Swagger 2.0 or OpenAPI 3.x document (for example a whole CloudFormation template, or an unknown kind). Pass the API definition itself.",
		Evidence: "Tool contract: what apigw import reads; not a claim about API Gateway."},
	{Code: ImportBasePath, Severity: Warning, Title: "Base path cannot be used as asked",
		Doc:      "The base path cannot be used as asked: the basepath mode is not ignore, prepend or split, or the server URL that holds the base path cannot be parsed, so the base path is taken as empty. Write a valid server URL, or a basePath server variable.",
		Evidence: "Documented: import reads the base path from basePath (Swagger 2.0) or from the first basePath server variable or the server URL (OpenAPI 3.0), with the modes ignore, prepend and split (" + docBasePath + "). Judgement for the severity: an unparseable URL is not recorded, so a warning."},
	{Code: ImportParamType, Severity: Warning, Title: "Parameter mapping value is not a string",
		Doc:      "A request or response parameter mapping value is not a string (a boolean or number). API Gateway's import warns and drops the mapping; apigw import does the same. Quote it: \"'true'\" for a static value, or name a source.",
		Evidence: "Recorded: import warns \"Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' of resource '/test' and method 'GET' but got 'true'\" and creates the API. Source: " + snapImport + ", test_import_rest_api_with_base_path_oas30."},
	{Code: ImportSecurity, Severity: Warning, Title: "Security requirement import cannot express",
		Doc:      "A security requirement names a scheme that is not defined, or one the API cannot express (an HTTP API has JWT and Lambda request authorizers and IAM, nothing else), so the method or route is created without it. Define the scheme, or use one the API kind supports.",
		Evidence: "Documented: HTTP API routes can use IAM authorization, a Lambda authorizer or a JWT authorizer (" + docImportHTTP + ", " + docAuthorizer + "). Judgement for the severity: the import outcome is not recorded, so a warning."},
	{Code: ImportRef, Severity: Warning, Title: "$ref import cannot follow",
		Doc:      "A $ref that import cannot follow (not local, or naming nothing): a body or response schema without its model, or an integration $ref without its integration. API Gateway warns about a missing model reference and goes on. Define the target or fix the reference.",
		Evidence: "Documented: \"warnings can be generated for minor issues like a missing model reference\" (" + docImportErrors + ")."},
	{Code: ImportInlineSchema, Severity: Info, Title: "Inline schema becomes a generated model",
		Doc:      "A body or response schema is written inline; import creates a model for it with a generated name. Define the schema under components.schemas (definitions in Swagger 2.0) and refer to it to choose the name.",
		Evidence: "Judgement: inline schemas import without a warning; a remark about the model name."},
	{Code: ImportValidator, Severity: Warning, Title: "Request validator import cannot find",
		Doc:      "An operation names a request validator that x-amazon-apigateway-request-validators does not define, so the method is created without validation. Define the validator, or remove the reference.",
		Evidence: "Recorded: a method cannot refer to a validator that does not exist (\"Invalid Request Validator identifier specified\", " + snapAPI + ", test_put_method_validation). Judgement for the severity: the import outcome for an undefined name is not recorded, so a warning."},
	{Code: ImportIntrinsic, Severity: Info, Title: "CloudFormation intrinsic imported as text",
		Doc:      "A value is a CloudFormation intrinsic function (Fn::Sub, Ref, …) where the API model keeps no such value (an entry of a REST authorizer's identity source, which API Gateway joins into one string); apigw import keeps it there as its text. Everywhere else import keeps intrinsic functions as values, which config and export write back. Deploy the template with CloudFormation to get the resolved value.",
		Evidence: "Tool contract: a remark about what apigw import can resolve offline."},
	{Code: ImportNoIntegration, Severity: Warning, Title: "Operation import skips: no integration",
		Doc:      "An operation has no x-amazon-apigateway-integration: the REST method is created without an integration (and the API cannot be deployed until it has one), the HTTP API route without a target. Add an integration.",
		Evidence: "Reported: deploying a REST API with such a method fails with \"No integration defined for method\" (" + issueNoIntegration + ")."},
	{Code: ImportDuplicate, Severity: Warning, Title: "Two operations on one resource and method",
		Doc:      "Two operations map to the same resource and method (after applying the base path), or to the same HTTP API route; only the later one is kept. Merge them or give them distinct paths.",
		Evidence: "Judgement: a resource has one method per HTTP verb, so one definition is lost; the import outcome is not recorded, so a warning."},
	{Code: ImportPayloadFormat, Severity: Warning, Title: "HTTP API integration without payloadFormatVersion",
		Doc:      "An HTTP API integration lacks payloadFormatVersion, which HTTP APIs require; apigw import assumes 1.0. Write payloadFormatVersion: \"2.0\" (Lambda) or \"1.0\".",
		Evidence: "Documented: payloadFormatVersion is required for HTTP APIs (" + docIntegration + "). Judgement for the severity: the import outcome without it is not recorded, so a warning."},
	{Code: ExportLoss, Severity: Warning, Title: "Not expressible in the chosen export",
		Doc:      "Something of the API model has no place in the chosen export and is left out (a request parameter that is not a path, query string or header, a second body model in Swagger 2.0, documentation parts exported without documentation), the target version was changed (HTTP APIs export as OpenAPI 3.0 only), or the dump holds no API. The message says what is lost.",
		Evidence: "Tool contract: about apigw export's output; not a claim about API Gateway."},
	{Code: ExportModel, Severity: Warning, Title: "Model schema exported as a string",
		Doc:      "A model's schema in the dump is not JSON, so it cannot be written as an OpenAPI schema; it is exported as a string. Fix the model's schema in API Gateway (update-model) and dump again.",
		Evidence: "Tool contract: about apigw export's output; not a claim about API Gateway."},
	{Code: ConvertLoss, Severity: Warning, Title: "Not expressible in the target version",
		Doc:      "Something cannot be expressed in the target OpenAPI version and is dropped by apigw convert (for example several servers or callbacks in Swagger 2.0). The message says what is lost.",
		Evidence: "Tool contract: about apigw convert's output; not a claim about API Gateway."},
	{Code: ConvertMoved, Severity: Info, Title: "Extension moved for the target version",
		Doc:      "apigw convert moved an extension to where the target version carries it (x-amazon-apigateway-endpoint-configuration between the root and the server, reusable integrations inlined for Swagger 2.0, nullable as x-nullable). A remark; nothing is lost.",
		Evidence: "Tool contract: about apigw convert's output; where the extensions go is documented (" + docEndpoint + ", " + docIntegrations + ")."},
	{Code: ConvertTarget, Severity: Error, Title: "Unsupported conversion target",
		Doc:      "The conversion or export target is not one apigw supports: convert writes Swagger 2.0, OpenAPI 3.0 or 3.1; export writes Swagger 2.0 or OpenAPI 3.0. Name a supported target.",
		Evidence: "Tool contract: the targets apigw writes; not a claim about API Gateway."},
	{Code: ImportMode, Severity: Error, Title: "Mode or existing API import cannot use",
		Doc:      "A document is put into an existing API with a mode other than merge or overwrite, with a mode but no existing API, or into an API of the other kind (a REST API document into an HTTP API, or the reverse). Give PutRestApi's merge or overwrite with the dump of a REST API, or overwrite with the dump of an HTTP API.",
		Evidence: "Documented: PutRestApi's mode takes merge or overwrite and puts into a REST API (API Gateway API reference, PutRestApi); ReimportApi puts into an HTTP API and has no mode (apigatewayv2 API reference, ReimportApi). The request fails otherwise, so this is an error."},
	{Code: ConfigIntrinsic, Severity: Error, Title: "Intrinsic function a target cannot write",
		Doc:      "A value of the API is a CloudFormation intrinsic function that the chosen target has no counterpart for: Terraform and Pulumi translate Fn::Sub, Ref, Fn::GetAtt, Fn::Join, Fn::ImportValue and Fn::FindInMap with literal keys (AWS::Region, AWS::AccountId, AWS::Partition and AWS::URLSuffix become the provider's data sources, a template parameter or another resource becomes an input), but not Fn::If, Fn::Select and the like, which only CloudFormation evaluates; the calls target sends values to API Gateway, which resolves no function; a CloudFormation output cannot hold a condition or mapping the template does not define. Nothing is written. Write the value the function stands for, or deploy with --target cloudformation.",
		Evidence: "Tool contract: apigw config writes no placeholder where a value is unknown; CloudFormation alone evaluates its intrinsic functions (AWS CloudFormation User Guide, intrinsic function reference)."},
	{Code: ConfigUnsupported, Severity: Warning, Title: "Setting a target cannot write",
		Doc:      "A setting of the API has no argument in the chosen target's resource (for example an integration's TLS setting in CloudFormation's AWS::ApiGateway::Method, or a WebSocket integration response's response parameters in Terraform), so the output leaves it out. Set it after deployment, or choose a target that has it.",
		Evidence: "Documented: the targets' resource references (AWS CloudFormation resource schemas for AWS::ApiGateway and AWS::ApiGatewayV2, the Terraform AWS provider's aws_api_gateway and aws_apigatewayv2 resources) list the arguments each resource takes. Judgement for the severity: the deployment works, without the setting, so a warning."},
	{Code: ConfigPermission, Severity: Warning, Title: "Lambda permission not written",
		Doc:      "A Lambda integration or authorizer invokes a function whose name the output cannot tell (a stage variable chooses it, or the ARN written is not a Lambda function ARN, such as a placeholder left in a sample), so no AWS::Lambda::Permission is written for it and API Gateway cannot invoke the function until one is granted. Write the function's ARN, or grant the permission yourself.",
		Evidence: "Documented: API Gateway needs the lambda:InvokeFunction permission on the function, given by a resource-based policy (AWS Lambda Developer Guide, using Lambda with API Gateway); the function name pattern is the Lambda API's. Judgement for the severity: the stack deploys, the calls fail, so a warning."},
	{Code: TemplateProperty, Severity: Warning, Title: "Template property not carried",
		Doc:      "A property of the template resource that holds the API changes the API or its deployment, but the API model has no place for it (a custom domain, a usage plan, a resource policy SAM builds, FailOnWarnings, Mode, CloneFrom, …), so import, config and export leave it out. The message names the property. Configure it beside the generated config, or keep deploying that part with the template.",
		Evidence: "Documented: the properties of AWS::Serverless::Api and AWS::Serverless::HttpApi (AWS SAM developer guide) and of AWS::ApiGateway::RestApi and AWS::ApiGatewayV2::Api (AWS CloudFormation resource schemas). Judgement for the severity: the API is read, without the property, so a warning."},
	{Code: TemplateValue, Severity: Warning, Title: "Template property value not understood",
		Doc:      "A property of the template resource that holds the API has a value of a shape the property does not take (a list where a string is expected, an intrinsic function where only a literal can be read, such as a boolean computed by Fn::If), so it is left out. Write the value as the resource's reference documents it.",
		Evidence: "Documented: the property types of AWS::Serverless::Api, AWS::Serverless::HttpApi (AWS SAM developer guide), AWS::ApiGateway::RestApi and AWS::ApiGatewayV2::Api (AWS CloudFormation resource schemas). Judgement for the severity: the API is read, without the value, so a warning."},
	{Code: TemplateResourceRef, Severity: Warning, Title: "Template resource the API cannot place",
		Doc:      "A resource of an API written as CloudFormation resources refers to something the API does not have (a method whose ResourceId is neither the API's RootResourceId nor one of its AWS::ApiGateway::Resource, a resource whose parent is unknown, an integration response naming no integration of the API), so it is left out of the API model. Refer to the API's own resources with Ref or Fn::GetAtt.",
		Evidence: "Documented: AWS::ApiGateway::Method's ResourceId, AWS::ApiGateway::Resource's ParentId and the apigatewayv2 responses' IntegrationId and RouteId name resources of the same API (AWS CloudFormation resource schemas). Judgement for the severity: the rest of the API is read, so a warning."},
	{Code: ConfigValue, Severity: Error, Title: "Value the target's provider rejects",
		Doc:      "A value of the API is one the chosen target checks and rejects before deploying anything: the Terraform AWS provider (and Pulumi's, built on it) requires an authorizer's provider ARNs and credentials to be ARNs (arn:partition:service:region:account:resource), and a placeholder left in a sample (arn:aws:iam::account-id:role, ${userPoolArn}) is not one. Nothing is written for that target. Write the real ARN, or an intrinsic function that gives it.",
		Evidence: "Recorded: terraform validate with the AWS provider 5.100.0 reports \"is an invalid ARN\" for such provider_arns and authorizer_credentials values (the corpus outputs this tool validates)."},
}
