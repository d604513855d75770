package extensions

import (
	"slices"
	"strings"
	"testing"
)

const lambdaProxyURI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"

// TestIntegrationChecks has one good and one bad value for every field and check.
func TestIntegrationChecks(t *testing.T) {
	tests := []struct {
		name, text, want, msg string
	}{
		// type
		{"lambda proxy", "{type: aws_proxy, httpMethod: POST, uri: '" + lambdaProxyURI + "'}", "", ""},
		{"upper-case type", "{type: AWS_PROXY, httpMethod: POST, uri: '" + lambdaProxyURI + "'}", "", ""},
		{"mock", "{type: mock, requestTemplates: {application/json: '{\"statusCode\": 200}'}}", "", ""},
		{"bad type", "{type: lambda, uri: x}", "error:APIGW101", `"lambda" is not one of`},
		{"type typo", "{type: http_prxy, httpMethod: GET, uri: 'https://a.example'}", "error:APIGW101", `did you mean "http_proxy"`},
		{"no type", "{httpMethod: GET, uri: 'https://a.example'}", "error:APIGW103", "write type:"},
		{"type intrinsic", "{type: !Ref T, httpMethod: GET, uri: 'https://a.example'}", "", ""},
		{"not an object", "[a]", "warning:APIGW100", "must be an object"},
		// httpMethod
		{"http no method", "{type: http, uri: 'https://a.example'}", "error:APIGW103", "no httpMethod"},
		{"REST aws_proxy no method", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', responses: {default: {statusCode: '200'}}}", "error:APIGW103", "POST"},
		{"HTTP API aws_proxy no method", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0'}", "", ""},
		{"mock no method", "{type: mock}", "", ""},
		{"bad method", "{type: http, httpMethod: FETCH, uri: 'https://a.example'}", "error:APIGW119", "not one of"},
		{"lower-case method", "{type: http, httpMethod: get, uri: 'https://a.example'}", "", ""},
		{"lambda GET", "{type: aws, httpMethod: GET, uri: '" + lambdaProxyURI + "'}", "warning:APIGW107", "write httpMethod: POST"},
		{"lambda GET in HTTP API", "{type: aws_proxy, httpMethod: GET, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0'}", "", ""},
		// uri
		{"http no uri", "{type: http_proxy, httpMethod: ANY}", "error:APIGW103", "absolute http(s) URL"},
		{"http relative uri", "{type: http_proxy, httpMethod: ANY, uri: '/pets'}", "error:APIGW106", "absolute http:// or https://"},
		{"http stage variable uri", "{type: http_proxy, httpMethod: ANY, uri: 'http://${stageVariables.host}/pets'}", "", ""},
		{"http sub uri", "{type: http_proxy, httpMethod: ANY, uri: !Sub 'https://${Host}/pets'}", "", ""},
		{"aws action uri", "{type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage'}", "", ""},
		{"aws path uri", "{type: aws, httpMethod: GET, uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/{key}'}", "", ""},
		{"aws uri not an ARN", "{type: aws, httpMethod: POST, uri: 'https://sqs.amazonaws.com'}", "error:APIGW106", "service ARN"},
		{"aws uri no path or action", "{type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:sqs:SendMessage'}", "error:APIGW106", "path/… or action/…"},
		{"lambda uri malformed", "{type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/functions/f'}", "error:APIGW106", "2015-03-31/functions/{functionArn}/invocations"},
		{"lambda uri region variable", "{type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations'}", "", ""},
		{"lambda uri Fn::Sub", "{type: aws_proxy, httpMethod: POST, uri: {'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${F.Arn}/invocations'}}", "", ""},
		{"REST aws_proxy not lambda", "{type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage', responses: {}}", "error:APIGW106", "Lambda functions only"},
		{"HTTP API function ARN", "{type: aws_proxy, uri: 'arn:aws:lambda:us-east-1:123456789012:function:f', payloadFormatVersion: '2.0'}", "", ""},
		{"REST function ARN", "{type: aws_proxy, httpMethod: POST, uri: 'arn:aws:lambda:us-east-1:123456789012:function:f', responses: {}}", "error:APIGW106", "write arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"},
		{"subtype without uri", "{type: aws_proxy, integrationSubtype: SQS-SendMessage, payloadFormatVersion: '1.0', credentials: 'arn:aws:iam::1:role/r'}", "", ""},
		// connection
		{"vpc link", "{type: http_proxy, httpMethod: ANY, uri: 'http://nlb.example/', connectionType: VPC_LINK, connectionId: abc}", "", ""},
		{"vpc link no id", "{type: http_proxy, httpMethod: ANY, uri: 'http://nlb.example/', connectionType: VPC_LINK}", "warning:APIGW110", "needs connectionId"},
		{"id with internet", "{type: http_proxy, httpMethod: ANY, uri: 'http://a.example/', connectionType: INTERNET, connectionId: abc}", "warning:APIGW110", "only valid with connectionType VPC_LINK"},
		{"id without type", "{type: http_proxy, httpMethod: ANY, uri: 'http://a.example/', connectionId: abc}", "warning:APIGW110", "add connectionType: VPC_LINK"},
		{"bad connection type", "{type: http_proxy, httpMethod: ANY, uri: 'http://a.example/', connectionType: VPC}", "error:APIGW101", "not one of INTERNET, VPC_LINK"},
		{"vpc link on aws", "{type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage', connectionType: VPC_LINK, connectionId: x}", "warning:APIGW109", "only for http and http_proxy"},
		{"HTTP API listener ARN", "{type: http_proxy, httpMethod: ANY, payloadFormatVersion: '1.0', connectionType: VPC_LINK, connectionId: abc, uri: 'arn:aws:elasticloadbalancing:us-east-1:1:listener/app/a/b/c'}", "", ""},
		{"HTTP API cloud map ARN", "{type: http_proxy, httpMethod: ANY, payloadFormatVersion: '1.0', connectionType: VPC_LINK, connectionId: abc, uri: 'arn:aws:servicediscovery:us-east-1:1:service/srv-1'}", "", ""},
		{"REST listener ARN", "{type: http_proxy, httpMethod: ANY, responses: {}, connectionType: VPC_LINK, connectionId: abc, uri: 'arn:aws:elasticloadbalancing:us-east-1:1:listener/app/a/b/c'}", "error:APIGW106", "absolute http"},
		// timeout
		{"timeout ok", "{type: mock, timeoutInMillis: 29000}", "", ""},
		{"timeout string", "{type: mock, timeoutInMillis: '1000'}", "", ""},
		{"timeout too small", "{type: mock, timeoutInMillis: 10}", "error:APIGW108", "at least 50"},
		{"timeout not a number", "{type: mock, timeoutInMillis: soon}", "warning:APIGW100", "integer"},
		{"REST timeout over default", "{type: mock, timeoutInMillis: 60000, responses: {}}", "warning:APIGW108", "quota"},
		{"REST timeout over raised max", "{type: mock, timeoutInMillis: 400000, responses: {}}", "error:APIGW108", "at most 300000"},
		{"stream timeout", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', responseTransferMode: STREAM, timeoutInMillis: 900000}", "", ""},
		{"stream timeout too big", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', responseTransferMode: STREAM, timeoutInMillis: 900001}", "error:APIGW108", "at most 900000"},
		{"HTTP API timeout 30000", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0', timeoutInMillis: 30000}", "", ""},
		{"HTTP API timeout too big", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0', timeoutInMillis: 30001}", "error:APIGW108", "at most 30000"},
		// fields only for some types
		{"tls on http", "{type: http, httpMethod: GET, uri: 'https://a.example', tlsConfig: {insecureSkipVerification: true}}", "", ""},
		{"tls on aws", "{type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage', tlsConfig: {insecureSkipVerification: true}}", "warning:APIGW109", "only read for http and http_proxy"},
		{"tls unknown key", "{type: http, httpMethod: GET, uri: 'https://a.example', tlsConfig: {insecureSkipVerify: true}}", "info:APIGW102", "insecureSkipVerification"},
		{"server name without VPC link", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', payloadFormatVersion: '1.0', tlsConfig: {serverNameToVerify: a.example}}", "warning:APIGW109", "private integrations"},
		{"skip verification in HTTP API", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', payloadFormatVersion: '1.0', integrationSubtype: x, tlsConfig: {insecureSkipVerification: true}}", "", "skip"},
		{"subtype on aws", "{type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage', integrationSubtype: SQS-SendMessage}", "warning:APIGW109", "only read with type: aws_proxy"},
		{"subtype unknown", "{type: aws_proxy, integrationSubtype: SQS-SendMesage, payloadFormatVersion: '1.0'}", "error:APIGW120", "did you mean SQS-SendMessage"},
		{"transfer mode in HTTP API", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0', integrationSubtype: 'EventBridge-PutEvents', responseTransferMode: BUFFERED}", "", "skip"},
		{"stream on mock", "{type: mock, responseTransferMode: STREAM}", "warning:APIGW109", "http_proxy or aws_proxy"},
		{"bad transfer mode", "{type: mock, responseTransferMode: STREAMING}", "error:APIGW101", `did you mean "STREAM"`},
		{"responses in HTTP API", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0', responses: {default: {statusCode: '200'}}}", "", "skip"},
		// payloadFormatVersion
		{"payload 1.0 numeric", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', payloadFormatVersion: 1.0}", "", ""},
		{"payload 2.0 on http", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', payloadFormatVersion: '2.0'}", "error:APIGW117", "only for Lambda proxy"},
		{"payload 3.0", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '3.0'}", "error:APIGW117", `not "1.0" or "2.0"`},
		{"payload integer", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: 2}", "error:APIGW117", `"2" is not`},
		// passthrough and content handling
		{"passthrough upper", "{type: mock, passthroughBehavior: WHEN_NO_TEMPLATES}", "", ""},
		{"bad passthrough", "{type: mock, passthroughBehavior: always}", "error:APIGW101", "not one of when_no_match"},
		{"content handling", "{type: mock, contentHandling: CONVERT_TO_TEXT}", "", ""},
		{"bad content handling", "{type: mock, contentHandling: CONVERT_TO_JSON}", "error:APIGW101", "CONVERT_TO_BINARY"},
		// templates
		{"template null", "{type: mock, requestTemplates: {application/json: null}}", "", ""},
		{"template key not a media type", "{type: mock, requestTemplates: {json: '{}'}}", "error:APIGW114", "type/subtype"},
		{"template value not a string", "{type: mock, requestTemplates: {application/json: [1]}}", "warning:APIGW100", "must be a string"},
		{"request parameters", "{type: http, httpMethod: GET, uri: 'https://a.example/{id}', requestParameters: {integration.request.path.id: method.request.path.id}}", "", ""},
		{"request parameter boolean", "{type: http, httpMethod: GET, uri: 'https://a.example', requestParameters: {integration.request.header.a: true}}", "warning:APIGW100", "drops this mapping"},
		{"request parameter unquoted static", "{type: http, httpMethod: GET, uri: 'https://a.example', requestParameters: {integration.request.header.a: json}}", "error:APIGW304", "single quotes"},
		{"request parameter bad key", "{type: http, httpMethod: GET, uri: 'https://a.example', requestParameters: {integration.request.heder.a: method.request.header.a}}", "error:APIGW300", "integration.request.header"},
		{"request parameters not strings", "{type: http, httpMethod: GET, uri: 'https://a.example', requestParameters: {integration.request.header.a: [1]}}", "warning:APIGW100", "must be a string"},
		{"cache key parameters", "{type: http, httpMethod: GET, uri: 'https://a.example', cacheKeyParameters: [method.request.path.id]}", "", ""},
		{"cache key parameters not a list", "{type: http, httpMethod: GET, uri: 'https://a.example', cacheKeyParameters: method.request.path.id}", "warning:APIGW100", "list of strings"},
		// unknown keys
		{"unknown key", "{type: mock, requestTemplate: {}}", "info:APIGW102", `did you mean "requestTemplates"`},
		// $ref
		{"ref", "{$ref: '#/components/x-amazon-apigateway-integrations/one'}", "", ""},
		{"ref elsewhere", "{$ref: '#/components/schemas/one'}", "warning:APIGW115", "#/components/x-amazon-apigateway-integrations/NAME"},
		{"ref with siblings", "{$ref: '#/components/x-amazon-apigateway-integrations/one', type: mock}", "info:APIGW115", "ignored"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, ExtIntegration, tc.text)
			if tc.msg == "skip" {
				// kind-dependent cases are checked in TestIntegrationKindChecks
				return
			}
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
			if tc.msg != "" && !strings.Contains(ds[0].Message, tc.msg) {
				t.Fatalf("message %q lacks %q", ds[0].Message, tc.msg)
			}
		})
	}
}

// TestIntegrationKindChecks checks what depends on the kind of API given by the caller.
func TestIntegrationKindChecks(t *testing.T) {
	tests := []struct {
		name, text string
		kind       APIKind
		want       string
	}{
		{"skip verification in HTTP API", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', tlsConfig: {insecureSkipVerification: true}}", KindHTTP, "warning:APIGW109"},
		{"skip verification in REST API", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', tlsConfig: {insecureSkipVerification: true}}", KindREST, ""},
		{"transfer mode in HTTP API", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', responseTransferMode: BUFFERED}", KindHTTP, "warning:APIGW109"},
		{"responses in HTTP API", "{type: aws_proxy, uri: '" + lambdaProxyURI + "', responses: {default: {statusCode: '200'}}}", KindHTTP, "warning:APIGW109"},
		{"responses in REST API", "{type: aws_proxy, httpMethod: POST, uri: '" + lambdaProxyURI + "', responses: {default: {statusCode: '200'}}}", KindREST, ""},
		{"REST timeout 29001", "{type: mock, timeoutInMillis: 29001}", KindREST, "warning:APIGW108"},
		{"unknown-kind timeout 30000", "{type: mock, timeoutInMillis: 30000}", KindUnknown, ""},
		{"ref in REST API", "{$ref: '#/components/x-amazon-apigateway-integrations/one'}", KindREST, "warning:APIGW109"},
		{"server name in REST", "{type: http_proxy, httpMethod: ANY, uri: 'https://a.example', connectionType: VPC_LINK, connectionId: a, tlsConfig: {serverNameToVerify: a.example}}", KindREST, "warning:APIGW109"},
		{"subtype in REST", "{type: aws_proxy, httpMethod: POST, uri: '" + lambdaProxyURI + "', integrationSubtype: SQS-SendMessage}", KindREST, "warning:APIGW109"},
		{"payload in REST", "{type: aws_proxy, httpMethod: POST, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '1.0'}", KindREST, "warning:APIGW109"},
		{"http API response parameters in REST", "{type: mock, responseParameters: {'200': {'overwrite:statuscode': '204'}}}", KindREST, "warning:APIGW109"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := DecodeIntegration(parse(t, tc.text), "/i", tc.kind)
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
		})
	}
}

func TestIntegrationResponseChecks(t *testing.T) {
	const base = "{type: http, httpMethod: GET, uri: 'https://a.example', responses: "
	tests := []struct {
		name, responses, want, msg string
	}{
		{"good", "{'2\\d{2}': {statusCode: '200', responseTemplates: {application/json: '$input.body'}}, default: {statusCode: 500}}", "", ""},
		{"integer status", "{default: {statusCode: 200}}", "", ""},
		{"no status", "{default: {responseTemplates: {}}}", "error:APIGW103", "has no statusCode"},
		{"status not a number", "{default: {statusCode: OK}}", "error:APIGW111", "number from 100 to 599"},
		{"status out of range", "{default: {statusCode: '600'}}", "error:APIGW111", "number from 100 to 599"},
		{"empty status", "{default: {statusCode: ''}}", "error:APIGW111", "empty statusCode"},
		{"duplicate status", "{'4\\d{2}': {statusCode: '400'}, '400': {statusCode: 400}}", "warning:APIGW112,info:APIGW353", "keeps only one"},
		{"two defaults", "{default: {statusCode: '200'}, '': {statusCode: '500'}}", "warning:APIGW113", "both the default"},
		{"dash pattern", "{'-': {statusCode: '200'}}", "info:APIGW118", `write the key "default"`},
		{"content handling", "{default: {statusCode: '200', contentHandling: CONVERT_TO_BINARY}}", "", ""},
		{"bad content handling", "{default: {statusCode: '200', contentHandling: binary}}", "error:APIGW101", "CONVERT_TO_BINARY"},
		{"template key", "{default: {statusCode: '200', responseTemplates: {'text': ''}}}", "error:APIGW114", "media type"},
		{"unknown key", "{default: {statusCode: '200', selectionPattern: '.*'}}", "info:APIGW102", "known keys are"},
		{"response not an object", "{default: '200'}", "warning:APIGW100", "must be an object"},
		{"responses not an object", "[]", "warning:APIGW100", "selection patterns"},
		{"response parameter unquoted static", "{default: {statusCode: '200', responseParameters: {method.response.header.a: origins}}}", "error:APIGW304", "single quotes"},
		{"response parameters not strings", "{default: {statusCode: '200', responseParameters: {method.response.header.a: {b: c}}}}", "warning:APIGW100", "must be a string"},
		{"status intrinsic", "{default: {statusCode: !Ref Code}}", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, ExtIntegration, base+tc.responses+"}")
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
			if tc.msg != "" && !strings.Contains(ds[0].Message, tc.msg) {
				t.Fatalf("message %q lacks %q", ds[0].Message, tc.msg)
			}
		})
	}
}

func TestHTTPResponseParametersChecks(t *testing.T) {
	const base = "{type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0', responseParameters: "
	tests := []struct{ name, params, want string }{
		{"good", "{'200': {'overwrite:header.x': 'y', 'overwrite:statuscode': '204'}, '500': {'remove:header.z': \"''\"}}", ""},
		{"status 100", "{'100': {'overwrite:statuscode': '204'}}", "warning:APIGW116"},
		{"not a status", "{default: {'overwrite:statuscode': '204'}}", "warning:APIGW116"},
		{"not an object", "{'200': x}", "warning:APIGW100"},
		{"not a map", "[]", "warning:APIGW100"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, ExtIntegration, base+tc.params+"}")
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
		})
	}
}

func TestIntegrationsChecks(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"good", "one: {type: aws_proxy, uri: '" + lambdaProxyURI + "', payloadFormatVersion: '2.0'}", ""},
		{"ref in components", "one: {$ref: '#/components/x-amazon-apigateway-integrations/two'}", "warning:APIGW115"},
		{"HTTP API limits", "one: {type: aws_proxy, uri: '" + lambdaProxyURI + "', timeoutInMillis: 30001}", "error:APIGW108"},
		{"not an object", "[]", "warning:APIGW100"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, ExtIntegrations, tc.text)
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
		})
	}
}

// TestIntegrationWithoutKnownType: an integration whose type is unknown,
// missing or an intrinsic still gets every check that does not depend on
// the type, so one problem does not hide the others until it is fixed.
func TestIntegrationWithoutKnownType(t *testing.T) {
	const rest = "contentHandling: CONVERT_TO_JSON, requestParameters: {integration.request.header.a: json}, " +
		"requestTemplates: {json: '{}'}, responses: {'(': {statusCode: '200'}, default: {statusCode: '2000'}}, httpMethod: FETCH"
	const want = "error:APIGW101,error:APIGW304,error:APIGW114,error:APIGW350,error:APIGW111,error:APIGW119"
	tests := []struct{ name, typ, first string }{
		{"unknown type", "type: lambda, ", "error:APIGW101,"},
		{"missing type", "", "error:APIGW103,"},
		{"intrinsic type", "type: !Ref IntegrationType, ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, ExtIntegration, "{"+tc.typ+rest+"}")
			got := strings.Split(codes(ds), ",")
			slices.Sort(got)
			exp := strings.Split(tc.first+want, ",")
			slices.Sort(exp)
			if !slices.Equal(got, exp) {
				t.Fatalf("codes = %q, want %q (%v)", got, exp, ds)
			}
		})
	}
	// What needs the type is left alone: no uri or httpMethod is required.
	if _, ds := decodeText(t, ExtIntegration, "{type: lambda}"); codes(ds) != "error:APIGW101" {
		t.Fatalf("codes = %q, want only the unknown type (%v)", codes(ds), ds)
	}
}
