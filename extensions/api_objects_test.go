package extensions

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
)

func TestGatewayResponses(t *testing.T) {
	G := ExtGatewayResponses
	runExtCases(t, []extCase{
		{"good", G, `{DEFAULT_4XX: {statusCode: "400", responseParameters: {gatewayresponse.header.Access-Control-Allow-Origin: "'*'"}, responseTemplates: {application/json: '{"message": $context.error.messageString}'}}, UNAUTHORIZED: {statusCode: 401}}`, "", ""},
		{"every documented type", G, "{" + strings.Join(GatewayResponseTypes, ": {}, ") + ": {}}", "", ""},
		{"status code intrinsic", G, "{THROTTLED: {statusCode: !Ref Code}}", "", ""},
		{"unknown type", G, "{DEFAULT_4xx: {}}", "error:APIGW250", "did you mean DEFAULT_4XX?"},
		{"unknown type far", G, "{NOT_A_TYPE_AT_ALL: {}}", "error:APIGW250", "see the gateway response types"},
		{"status too large", G, "{DEFAULT_5XX: {statusCode: '600'}}", "error:APIGW111", "100 to 599"},
		{"status not a number", G, "{DEFAULT_5XX: {statusCode: 5xx}}", "error:APIGW111", "100 to 599"},
		{"template key not a media type", G, "{DEFAULT_4XX: {responseTemplates: {json: '{}'}}}", "warning:APIGW114", "type/subtype"},
		{"parameters not an object", G, "{DEFAULT_4XX: {responseParameters: [a]}}", "warning:APIGW100", "object of strings"},
		{"response not an object", G, "{DEFAULT_4XX: 400}", "warning:APIGW100", "must be an object"},
		{"not an object", G, "[DEFAULT_4XX]", "warning:APIGW100", "mapping response types"},
		{"unknown key", G, "{DEFAULT_4XX: {statuscode: '400'}}", "info:APIGW102", `did you mean "statusCode"`},
	})
	v, _ := decodeText(t, G, "{UNAUTHORIZED: {statusCode: 401, responseParameters: {gatewayresponse.header.WWW-Authenticate: \"'Bearer'\"}}}")
	r := v.(*GatewayResponses).Type("unauthorized")
	if r == nil || r.StatusCode.Value != "401" || !r.ResponseParameters.Has("gatewayresponse.header.WWW-Authenticate") {
		t.Fatalf("UNAUTHORIZED not decoded: %+v", r)
	}
	assertRoundTrip(t, G, "# responses\nUNAUTHORIZED: # 401\n  statusCode: 401\n  responseTemplates:\n    application/json: '{}'\nDEFAULT_4XX:\n  responseParameters: {b: \"'x'\", a: method.request.header.y}\n  other: 1\n")
}

func TestDocumentation(t *testing.T) {
	D := ExtDocumentation
	runExtCases(t, []extCase{
		{"good", D, `{version: v1, createdDate: 2016-11-22T22:41:40Z, documentationParts: [
			{location: {type: API}, properties: {description: "an API"}},
			{location: {type: METHOD, path: /pets, method: GET}, properties: '{"description": "list"}'},
			{location: {type: RESPONSE, path: /pets, method: '*', statusCode: '*'}, properties: {}},
			{location: {type: RESPONSE_HEADER, path: /pets, method: GET, statusCode: '200', name: x-next}, properties: {}},
			{location: {type: MODEL, name: Pet}, properties: {}}]}`, "", ""},
		{"parts not a list", D, "{documentationParts: {location: {type: API}}}", "warning:APIGW100", "list of documentation parts"},
		{"part without location", D, "{documentationParts: [{properties: {}}]}", "error:APIGW103", "needs location"},
		{"location without type", D, "{documentationParts: [{location: {path: /}}]}", "error:APIGW103", "needs type"},
		{"bad location type", D, "{documentationParts: [{location: {type: PATH}}]}", "error:APIGW101", "is not one of"},
		{"missing name", D, "{documentationParts: [{location: {type: QUERY_PARAMETER, path: /, method: GET}}]}", "error:APIGW254", "needs name"},
		{"field not applicable", D, "{documentationParts: [{location: {type: API, path: /pets}}]}", "warning:APIGW254", "path does not apply"},
		{"status code on method", D, "{documentationParts: [{location: {type: METHOD, path: /, method: GET, statusCode: '200'}}]}", "warning:APIGW254", "statusCode does not apply"},
		{"name where invalid", D, "{documentationParts: [{location: {type: RESOURCE, path: /pets, name: pets}}]}", "error:APIGW254", "invalid field for a location of type RESOURCE"},
		{"bad status code", D, "{documentationParts: [{location: {type: RESPONSE, statusCode: '20'}}]}", "error:APIGW111", `or "*"`},
		{"properties a list", D, "{documentationParts: [{location: {type: API}, properties: [a]}]}", "warning:APIGW100", "JSON object"},
		{"unknown key", D, "{versoin: v1}", "info:APIGW102", `did you mean "version"`},
	})
	assertRoundTrip(t, D, "# docs\nversion: '1.0'\ndocumentationParts:\n  - properties: {description: x} # first\n    location:\n      type: METHOD\n      method: GET\n      path: /\n      extra: 1\n  - location: {type: API}\ncreatedDate: 2016-11-22T22:41:40Z\n")
	assertRoundTrip(t, D, "{documentationParts: broken}")
}

func TestPolicy(t *testing.T) {
	P := ExtPolicy
	runExtCases(t, []extCase{
		{"object", P, "{Version: '2012-10-17', Statement: [{Effect: Allow, Principal: '*', Action: execute-api:Invoke, Resource: ['execute-api:/*']}]}", "", ""},
		{"single statement", P, "{Version: '2012-10-17', Statement: {Effect: Deny, Action: '*'}}", "", ""},
		{"json string", P, `'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}'`, "", ""},
		{"sub with variables", P, `!Sub '{"Statement": [{"Effect": "Allow", "Resource": "arn:aws:execute-api:${AWS::Region}:*"}]}'`, "", ""},
		{"intrinsic statement", P, "{Statement: !If [c, [], []]}", "", ""},
		{"bad json string", P, `'{"Statement": ['`, "warning:APIGW253", "not a JSON policy document"},
		{"no statement", P, "{Version: '2012-10-17'}", "warning:APIGW253", "no Statement"},
		{"bad version", P, "{Version: '2019-01-01', Statement: []}", "warning:APIGW253", "2012-10-17"},
		{"statement a string", P, "{Statement: allow}", "warning:APIGW253", "statement object or a list"},
		{"no effect", P, "{Statement: [{Action: '*'}]}", "warning:APIGW253", "no Effect"},
		{"bad effect", P, "{Statement: [{Effect: allow}]}", "warning:APIGW253", "Allow or Deny"},
		{"string statement error positioned at string", P, `'{"Statement": [{"Effect": "Permit"}]}'`, "warning:APIGW253", "Allow or Deny"},
		{"a list", P, "[a]", "warning:APIGW100", "policy document object"},
	})
	v, _ := decodeText(t, P, `'{"Version": "2012-10-17", "Statement": []}'`)
	if p := v.(*Policy); p.Document == nil || source.Lookup(p.Document, "Version").Value != "2012-10-17" || p.Text.Value == "" {
		t.Fatalf("JSON string policy not parsed: %+v", p)
	}
	assertRoundTrip(t, P, "# policy\nVersion: '2012-10-17'\nStatement:\n  - Effect: Allow # ok\n    Principal: '*'\n")
	assertRoundTrip(t, P, `'{"Statement": []}'`)
}
