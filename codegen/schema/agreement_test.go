package schema

import (
	"testing"

	"github.com/apigw/apigw/extensions"
)

// agreementCase is an extension value that the typed checks and the schema
// must judge alike.
type agreementCase struct {
	name, ext, value string
}

const (
	integ = extensions.ExtIntegration
	auth  = extensions.ExtAuthorizer
)

// badValues draw a warning or an error from the typed checks; the schema
// must refuse them too.
var badValues = []agreementCase{
	{"integration not an object", integ, `[]`},
	{"integration without type", integ, `{uri: "https://example.com"}`},
	{"unknown integration type", integ, `{type: lambda, uri: "https://example.com"}`},
	{"http without httpMethod", integ, `{type: http, uri: "https://example.com"}`},
	{"http without uri", integ, `{type: http_proxy, httpMethod: GET}`},
	{"aws_proxy without uri", integ, `{type: aws_proxy, httpMethod: POST}`},
	{"bad httpMethod", integ, `{type: http, httpMethod: FETCH, uri: "https://example.com"}`},
	{"uri not a string", integ, `{type: http, httpMethod: GET, uri: [a]}`},
	{"connectionType lower case", integ, `{type: http, httpMethod: GET, uri: "https://example.com", connectionType: vpc_link, connectionId: x}`},
	{"VPC link without id", integ, `{type: http, httpMethod: GET, uri: "https://example.com", connectionType: VPC_LINK}`},
	{"connectionId with INTERNET", integ, `{type: http, httpMethod: GET, uri: "https://example.com", connectionType: INTERNET, connectionId: abc}`},
	{"timeout below minimum", integ, `{type: mock, timeoutInMillis: 10}`},
	{"template key not a media type", integ, `{type: mock, requestTemplates: {json: "{}"}}`},
	{"timeout above buffered maximum", integ, `{type: mock, timeoutInMillis: 400000}`},
	{"timeout not a number", integ, `{type: mock, timeoutInMillis: soon}`},
	{"bad passthroughBehavior", integ, `{type: mock, passthroughBehavior: always}`},
	{"bad contentHandling", integ, `{type: mock, contentHandling: CONVERT_TO_JSON}`},
	{"bad responseTransferMode", integ, `{type: mock, responseTransferMode: CHUNKED}`},
	{"bad integrationSubtype", integ, `{type: aws_proxy, integrationSubtype: SQS-SendMessages, payloadFormatVersion: "1.0"}`},
	{"bad payloadFormatVersion", integ, `{type: aws_proxy, uri: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "3.0"}`},
	{"requestParameters not an object", integ, `{type: mock, requestParameters: [a]}`},
	{"requestTemplates not an object", integ, `{type: mock, requestTemplates: text}`},
	{"responses not an object", integ, `{type: mock, responses: []}`},
	{"response without statusCode", integ, `{type: mock, responses: {default: {responseTemplates: {application/json: "{}"}}}}`},
	{"response statusCode out of range", integ, `{type: mock, responses: {default: {statusCode: "600"}}}`},
	{"response statusCode not a number", integ, `{type: mock, responses: {default: {statusCode: OK}}}`},
	{"HTTP API responseParameters key", integ, `{type: aws_proxy, uri: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "2.0", responseParameters: {"2xx": {"overwrite:statuscode": "204"}}}`},
	{"unquoted static request value", integ, `{type: http, httpMethod: GET, uri: "https://example.com", requestParameters: {integration.request.header.x: abc}}`},
	{"request key of a response", integ, `{type: http, httpMethod: GET, uri: "https://example.com", requestParameters: {method.response.header.x: method.request.header.x}}`},
	{"response key not a header", integ, `{type: mock, responses: {default: {statusCode: "200", responseParameters: {method.response.body: "'x'"}}}}`},
	{"response value from the request body", integ, `{type: mock, responses: {default: {statusCode: "200", responseParameters: {method.response.header.x: integration.request.header.y}}}}`},
	{"HTTP API response action", integ, `{type: aws_proxy, uri: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "2.0", responseParameters: {"200": {"rewrite:header.x": "y"}}}`},
	{"http uri not a URL", integ, `{type: http, httpMethod: GET, uri: "backend.example.com/x"}`},
	{"http uri with a blank", integ, `{type: http_proxy, httpMethod: GET, uri: "https://example.com/a b"}`},
	{"aws uri not a service ARN", integ, `{type: aws, httpMethod: POST, uri: "arn:aws:sqs:us-east-1:123456789012:q"}`},
	{"aws uri without path or action", integ, `{type: aws, httpMethod: POST, uri: "arn:aws:apigateway:us-east-1:sqs:123456789012/q"}`},
	{"Lambda path incomplete", integ, `{type: aws_proxy, httpMethod: POST, uri: "arn:aws:apigateway:us-east-1:lambda:path/functions/arn:aws:lambda:us-east-1:123456789012:function:f"}`},
	{"VPC link on a Lambda integration", integ, `{type: aws_proxy, httpMethod: POST, connectionType: VPC_LINK, connectionId: x, uri: "arn:aws:lambda:us-east-1:123456789012:function:f"}`},
	{"tlsConfig not an object", integ, `{type: http, httpMethod: GET, uri: "https://example.com", tlsConfig: yes}`},
	{"bad $ref", integ, `{$ref: "#/components/schemas/x"}`},

	{"authorizer without type", auth, `{authorizerUri: x}`},
	{"unknown authorizer type", auth, `{type: lambda, authorizerUri: x}`},
	{"token without authorizerUri", auth, `{type: token, identitySource: method.request.header.Auth}`},
	{"cognito without providerARNs", auth, `{type: cognito_user_pools}`},
	{"jwt without jwtConfiguration", auth, `{type: jwt, identitySource: $request.header.Authorization}`},
	{"jwtConfiguration without issuer", auth, `{type: jwt, jwtConfiguration: {audience: [a]}}`},
	{"bad provider ARN", auth, `{type: cognito_user_pools, providerARNs: ["arn:aws:iam::123456789012:role/x"]}`},
	{"TTL above 3600", auth, `{type: token, authorizerUri: x, authorizerResultTtlInSeconds: 7200}`},
	{"bad authorizerPayloadFormatVersion", auth, `{type: request, authorizerUri: x, authorizerPayloadFormatVersion: "3.0"}`},

	{"auth without type", extensions.ExtAuth, `{}`},
	{"bad auth type", extensions.ExtAuth, `{type: COGNITO}`},
	{"bad api key source", extensions.ExtAPIKeySource, `header`},
	{"compression size negative", extensions.ExtMinimumCompressionSize, `-1`},
	{"compression size too large", extensions.ExtMinimumCompressionSize, `10485761`},
	{"bad import export version", extensions.ExtImportExportVersion, `"2.0"`},
	{"bad endpoint access mode", extensions.ExtEndpointAccessMode, `LAX`},
	{"binary media types not a list", extensions.ExtBinaryMediaTypes, `{a: b}`},
	{"request validators not an object", extensions.ExtRequestValidators, `[a]`},
	{"validator flag not boolean", extensions.ExtRequestValidators, `{all: {validateRequestBody: maybe}}`},
	{"request validator name not a string", extensions.ExtRequestValidator, `{a: b}`},
	{"unknown gateway response type", extensions.ExtGatewayResponses, `{DEFAULT_3XX: {statusCode: "300"}}`},
	{"gateway response key", extensions.ExtGatewayResponses, `{DEFAULT_4XX: {responseParameters: {gatewayresponse.body: "'x'"}}}`},
	{"gateway response value unquoted", extensions.ExtGatewayResponses, `{DEFAULT_4XX: {responseParameters: {gatewayresponse.header.x: abc}}}`},
	{"gateway response status out of range", extensions.ExtGatewayResponses, `{DEFAULT_4XX: {statusCode: "700"}}`},
	{"CORS credentials with wildcard", extensions.ExtCORS, `{allowOrigins: ["*"], allowCredentials: true}`},
	{"CORS maxAge out of range", extensions.ExtCORS, `{maxAge: 100000}`},
	{"CORS bad method", extensions.ExtCORS, `{allowMethods: [FETCH]}`},
	{"endpoint type unknown", extensions.ExtEndpointConfiguration, `{types: [GLOBAL]}`},
	{"ipAddressType unknown", extensions.ExtEndpointConfiguration, `{ipAddressType: ipv6}`},
	{"documentation part without location", extensions.ExtDocumentation, `{documentationParts: [{properties: {description: x}}]}`},
	{"documentation location without type", extensions.ExtDocumentation, `{documentationParts: [{location: {path: /}}]}`},
	{"documentation location type unknown", extensions.ExtDocumentation, `{documentationParts: [{location: {type: OPERATION}}]}`},
	{"documentation MODEL without name", extensions.ExtDocumentation, `{documentationParts: [{location: {type: MODEL}}]}`},
	{"documentation properties a list", extensions.ExtDocumentation, `{documentationParts: [{location: {type: API}, properties: [a]}]}`},
	{"policy without Statement", extensions.ExtPolicy, `{Version: "2012-10-17"}`},
	{"policy bad Effect", extensions.ExtPolicy, `{Statement: [{Effect: Permit}]}`},
	{"policy bad Version", extensions.ExtPolicy, `{Version: "2020-01-01", Statement: []}`},
	{"policy a list", extensions.ExtPolicy, `[a]`},
	{"any-method not an object", extensions.ExtAnyMethod, `[a]`},
}

// goodValues are accepted by the typed checks without error; the schema
// must accept them too (intrinsics, any case, lenient scalars).
var goodValues = []agreementCase{
	{"mock", integ, `{type: mock}`},
	{"upper-case type", integ, `{type: AWS_PROXY, httpMethod: POST, uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"}`},
	{"mixed-case type and passthrough", integ, `{type: Mock, passthroughBehavior: WHEN_NO_MATCH}`},
	{"uri as Fn::Sub", integ, `{type: aws_proxy, httpMethod: POST, uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${F.Arn}/invocations"}`},
	{"type as Fn::If", integ, `{type: !If [c, mock, http], uri: "https://example.com", httpMethod: GET}`},
	{"whole integration as Fn::If", integ, `!If [c, {type: mock}, {type: http, httpMethod: GET, uri: "https://example.com"}]`},
	{"numeric timeout string", integ, `{type: mock, timeoutInMillis: "29000"}`},
	{"streamed long timeout", integ, `{type: http_proxy, httpMethod: ANY, uri: "https://example.com", responseTransferMode: STREAM, timeoutInMillis: 900000}`},
	{"httpMethod with a stage variable", integ, `{type: http, httpMethod: "${stageVariables.m}", uri: "https://example.com"}`},
	{"integer statusCode and null template", integ, `{type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: 200, responseTemplates: {application/json: null}}}}`},
	{"REST mappings", integ, `{type: http, httpMethod: GET, uri: "https://example.com/{id}", requestParameters: {integration.request.path.id: method.request.path.id, integration.request.header.X-Trace: context.requestId}, responses: {"2\\d{2}": {statusCode: "200", responseParameters: {method.response.header.Location: integration.response.header.Location, method.response.header.X-Static: "'v'"}}}}`},
	{"HTTP API mappings", integ, `{type: aws_proxy, uri: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: 2.0, requestParameters: {"append:header.x": "$request.header.y"}, responseParameters: {"200": {"overwrite:statuscode": "204"}}}`},
	{"HTTP API AWS service integration", integ, `{type: aws_proxy, integrationSubtype: SQS-SendMessage, credentials: arn, payloadFormatVersion: "1.0", requestParameters: {QueueUrl: "$request.header.q", MessageBody: "$request.body"}}`},
	{"uri with a stage variable", integ, `{type: http, httpMethod: GET, uri: "https://${stageVariables.host}/x"}`},
	{"private integration to a load balancer", integ, `{type: http_proxy, httpMethod: ANY, connectionType: VPC_LINK, connectionId: abc, uri: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/b/c"}`},
	{"AWS service action", integ, `{type: aws, httpMethod: POST, uri: "arn:aws:apigateway:us-east-1:sqs:action/SendMessage"}`},
	{"Lambda function ARN (HTTP API)", integ, `{type: aws_proxy, uri: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "2.0"}`},
	{"reusable integration ref", integ, `{$ref: "#/components/x-amazon-apigateway-integrations/main"}`},
	{"unknown key (a warning)", integ, `{type: mock, timeout: 5}`},
	{"authorizer any case", auth, `{type: TOKEN, authorizerUri: !GetAtt F.Arn, authorizerResultTtlInSeconds: "300"}`},
	{"JWT authorizer", auth, `{type: jwt, identitySource: [$request.header.Authorization], jwtConfiguration: {issuer: "https://issuer", audience: [a]}}`},
	{"cognito authorizer", auth, `{type: cognito_user_pools, providerARNs: [!Sub "arn:aws:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/${P}", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"]}`},
	{"validator flags as strings", extensions.ExtRequestValidators, `{all: {validateRequestBody: "true", validateRequestParameters: false}}`},
	{"compression size as string", extensions.ExtMinimumCompressionSize, `"1024"`},
	{"import export version as number", extensions.ExtImportExportVersion, `1.0`},
	{"gateway responses", extensions.ExtGatewayResponses, `{DEFAULT_4XX: {statusCode: 400, responseParameters: {gatewayresponse.header.Access-Control-Allow-Origin: "'*'"}, responseTemplates: {application/json: '{"message": $context.error.messageString}'}}}`},
	{"CORS", extensions.ExtCORS, `{allowOrigins: ["https://example.com"], allowCredentials: true, allowMethods: [get, POST, "*"], maxAge: -1}`},
	{"policy as string", extensions.ExtPolicy, `'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}'`},
	{"policy as object with Fn::Sub resource", extensions.ExtPolicy, `{Version: "2012-10-17", Statement: [{Effect: Deny, Resource: !Sub "execute-api:/${S}/*"}]}`},
	{"documentation", extensions.ExtDocumentation, `{version: "1", documentationParts: [{location: {type: RESPONSE, path: /, method: GET, statusCode: "*"}, properties: {description: d}}, {location: {type: MODEL, name: M}, properties: '{"description": "m"}'}]}`},
	{"endpoint configuration", extensions.ExtEndpointConfiguration, `{types: [PRIVATE], vpcEndpointIds: [!Ref E], disableExecuteApiEndpoint: true, ipAddressType: DualStack}`},
	{"binary media types", extensions.ExtBinaryMediaTypes, `["image/png", "*/*", !Ref T]`},
	{"any-method", extensions.ExtAnyMethod, `{isDefaultRoute: true, responses: {}, x-amazon-apigateway-integration: {type: mock}}`},
	{"authtype", extensions.ExtAuthType, `awsSigv4`},
	{"tag value", extensions.ExtTagValue, `!Ref Env`},
}

// stricterValues only draw warnings from the typed checks, for settings
// that never take effect; the schema refuses them on purpose.
var stricterValues = []agreementCase{
	{"escaped binary media type", extensions.ExtBinaryMediaTypes, `["image~1png"]`},
	{"boolean mapping value", integ, `{type: mock, requestParameters: {integration.request.header.x: true}}`},
}

func TestStricterValues(t *testing.T) {
	sch := extensionsSchema(t)
	for _, tc := range stricterValues {
		t.Run(tc.name, func(t *testing.T) {
			n := parseYAML(t, tc.value)
			_, diags := extensions.Decode(tc.ext, n, "")
			if hasError(diags) || !stricterByDesign(diags) {
				t.Fatalf("typed checks: %v, want only a warning the schema is stricter about", diags)
			}
			if err := sch.Validate(map[string]any{tc.ext: instance(t, n)}); err == nil {
				t.Errorf("schema accepts %s", tc.value)
			}
		})
	}
}

func TestBadValuesAgree(t *testing.T) {
	sch := extensionsSchema(t)
	for _, tc := range badValues {
		t.Run(tc.name, func(t *testing.T) {
			n := parseYAML(t, tc.value)
			_, diags := extensions.Decode(tc.ext, n, "")
			if !hasFinding(diags) {
				t.Fatalf("typed checks accept %s, want a warning or an error (fix the table)", tc.value)
			}
			if err := sch.Validate(map[string]any{tc.ext: instance(t, n)}); err == nil {
				t.Errorf("schema accepts %s: %s, which the typed checks refuse: %v", tc.ext, tc.value, diags)
			}
		})
	}
}

func TestGoodValuesAgree(t *testing.T) {
	sch := extensionsSchema(t)
	for _, tc := range goodValues {
		t.Run(tc.name, func(t *testing.T) {
			n := parseYAML(t, tc.value)
			_, diags := extensions.Decode(tc.ext, n, "")
			if hasError(diags) {
				t.Fatalf("typed checks refuse %s: %v (fix the table)", tc.value, diags)
			}
			if err := sch.Validate(map[string]any{tc.ext: instance(t, n)}); err != nil {
				t.Errorf("schema refuses %s: %s: %v", tc.ext, tc.value, err)
			}
		})
	}
}
