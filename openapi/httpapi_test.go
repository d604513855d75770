package openapi

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
)

// A document with Cognito authorizers and mock integrations with responses
// (REST only) and one payloadFormatVersion (HTTP only) is a REST API, as
// ImportRestApi makes it; before the evidence rule it became an HTTP API.
const mixedKind = `openapi: 3.0.1
info: {title: Mixed, version: "1"}
paths:
  /a:
    get:
      security: [{pool: []}]
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://example.com/a
        payloadFormatVersion: "1.0"
  /b:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: "200"}}
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    pool:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: cognito_user_pools
      x-amazon-apigateway-authorizer:
        type: cognito_user_pools
        providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc]
`

func TestAPIKindEvidence(t *testing.T) {
	docs, diags, err := Load("m.yaml", []byte(mixedKind), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatal(err, diags)
	}
	d := docs[0]
	if d.API != extensions.KindREST {
		t.Fatalf("kind %v, want REST", d.API)
	}
	var note string
	for _, x := range diags {
		if x.Code == diag.APIKindGuess {
			note = x.Message
		}
	}
	if !strings.Contains(note, "security scheme pool: cognito_user_pools authorizer") || !strings.Contains(note, "payloadFormatVersion") || !strings.Contains(note, "--api http") {
		t.Errorf("the info does not name the evidence and the flag: %q", note)
	}
	dump, _ := Import(d, ImportOptions{})
	if dump.REST == nil || len(dump.REST.Authorizers) != 1 {
		t.Errorf("import did not make a REST API with the authorizer: %+v", dump)
	}

	docs, diags, _ = Load("m.yaml", []byte(mixedKind), LoadOptions{API: extensions.KindHTTP})
	if docs[0].API != extensions.KindHTTP {
		t.Errorf("--api http: kind %v", docs[0].API)
	}
	for _, x := range diags {
		if x.Code == diag.APIKindGuess {
			t.Errorf("--api given, yet the kind was guessed: %v", x)
		}
	}
}

func TestParseAPIKind(t *testing.T) {
	for in, want := range map[string]extensions.APIKind{"": extensions.KindUnknown, "rest": extensions.KindREST, "HTTP": extensions.KindHTTP} {
		if got, err := ParseAPIKind(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	if _, err := ParseAPIKind("websocket"); err == nil || !strings.Contains(err.Error(), "write rest") {
		t.Errorf("websocket: %v", err)
	}
}
