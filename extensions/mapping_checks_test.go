package extensions

import "testing"

func TestMappingChecksWired(t *testing.T) {
	tests := []struct {
		name, ext, text, want string
		line, col             int
	}{
		{"gateway response static unquoted", ExtGatewayResponses,
			"DEFAULT_4XX:\n  responseParameters:\n    gatewayresponse.header.Access-Control-Allow-Origin: '*'", "error:APIGW304", 3, 58},
		{"gateway response quoted", ExtGatewayResponses,
			"DEFAULT_4XX:\n  responseParameters:\n    gatewayresponse.header.Access-Control-Allow-Origin: \"'*'\"", "", 0, 0},
		{"identity source typo", ExtAuthorizer,
			"{type: request, authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations', identitySource: 'method.requst.header.Auth'}", "error:APIGW301", 1, 0},
		{"identity source http", ExtAuthorizer,
			"{type: request, authorizerPayloadFormatVersion: '2.0', authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations', identitySource: ['$request.header.Auth']}", "", 0, 0},
		{"http response mapping", ExtIntegration,
			"{type: aws_proxy, httpMethod: POST, payloadFormatVersion: '2.0', uri: 'arn:aws:lambda:us-east-1:1:function:f', responseParameters: {'500': {'overwrite:statuscode': '99'}}}", "warning:APIGW313", 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, tc.ext, tc.text)
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
			if tc.line != 0 && (ds[0].Line != tc.line || tc.col != 0 && ds[0].Column != tc.col) {
				t.Fatalf("position %d:%d, want %d:%d", ds[0].Line, ds[0].Column, tc.line, tc.col)
			}
		})
	}
}
