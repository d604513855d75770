package diag

// Where the catalog's severities come from. An entry's Evidence starts with
// one sentence that says what the severity rests on (the README table shows
// that sentence), then names its sources. The kinds of evidence, in order of
// weight:
//
//   - "Recorded:" a response recorded against real AWS. LocalStack records
//     its API Gateway tests against AWS before it runs them against itself;
//     the snapshots below hold those recordings (copies of older versions are
//     in the shared corpus next to the documents they import).
//   - "Documented:" an AWS documentation page that states the rule.
//   - "Reported:" a public issue thread that shows what AWS answered.
//   - "Judgement:" no evidence either way; the severity is at most Warning.
//   - "Tool contract:" the code is about apigw itself (its limits, its file
//     handling, its conversions and simulations), not a claim about API
//     Gateway.
//
// Severities follow from the evidence: Error where import (or the Put* call
// it makes for the entity) rejects the document, Warning where import warns,
// or accepts something that then fails at deployment or at run time, and
// Info where API Gateway accepts the document without comment.
const (
	snapImport       = "localstack/localstack tests/aws/services/apigateway/test_apigateway_import.snapshot.json"
	snapAPI          = "localstack/localstack tests/aws/services/apigateway/test_apigateway_api.snapshot.json"
	snapIntegrations = "localstack/localstack tests/aws/services/apigateway/test_apigateway_integrations.snapshot.json"

	docImportErrors   = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-errors-warnings.html"
	docModels         = "https://docs.aws.amazon.com/cdk/api/v1/python/aws_cdk.aws_apigateway/EmptyModel.html"
	docImportREST     = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html"
	docImportHTTP     = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html"
	docKnownIssues    = "https://docs.amazonaws.cn/en_us/apigateway/latest/developerguide/api-gateway-known-issues.md"
	docIntegration    = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html"
	docIntegrationRes = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html"
	docIntegrations   = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-extensions-integrations.html"
	docSubtypes       = "https://docs.aws.amazon.com/en_en/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html"
	docAuthorizer     = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html"
	docGatewayTypes   = "https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html"
	docGatewayAPI     = "https://docs.aws.amazon.com/apigateway/latest/api/API_GatewayResponse.html"
	docGatewayExt     = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html"
	docPolicy         = "https://docs.aws.amazon.com/en_us/apigateway/latest/developerguide/openapi-extensions-policy.html"
	docDocLocation    = "https://docs.amazonaws.cn/apigateway/latest/api/API_DocumentationPartLocation.html"
	docCORS           = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-cors-configuration.html"
	docEndpoint       = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-endpoint-configuration.html"
	docSecurityPolicy = "https://docs.amazonaws.cn/en_us/apigateway/latest/developerguide/openapi-extensions-security-policy.md"
	docRESTSources    = "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html"
	docHTTPMapping    = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping"
	docContext        = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html"
	docBasePath       = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-basePath.html"
	docTimeout2017    = "https://aws.amazon.com/about-aws/whats-new/2017/11/customize-integration-timeouts-in-amazon-api-gateway/"
	docTimeout2024    = "https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/"

	issueAuthorization = "https://github.com/Testlio/lambda-tools/issues/56"
	issueResponseParam = "https://github.com/amazon-archives/aws-apigateway-importer/issues/209"
	issueConstructs    = "https://github.com/awslabs/aws-solutions-constructs/issues/1130"
	issueMappingID     = "https://github.com/amazon-archives/aws-apigateway-importer/issues/104"
	issueNoIntegration = "https://github.com/amazon-archives/aws-apigateway-importer/issues/29"
	issueModelName     = "https://github.com/microsoft/typespec/discussions/12451"
	issueCORS          = "https://github.com/aws/aws-cdk/issues/9076"
	issuePattern       = "https://github.com/jorgebastida/gordon/issues/64"
)
