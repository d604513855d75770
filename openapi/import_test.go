package openapi

import (
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

func importString(t *testing.T, src string, opts ImportOptions) (*apimodel.Dump, []diag.Diagnostic) {
	t.Helper()
	docs, diags, err := Load("t.yaml", []byte(src), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v %v", err, diags)
	}
	return Import(docs[0], opts)
}

func paths(d *apimodel.Dump) []string {
	var out []string
	for _, r := range d.REST.Resources {
		out = append(out, r.Path)
	}
	slices.Sort(out)
	return out
}

func TestImportBasePath(t *testing.T) {
	swagger := "swagger: '2.0'\ninfo: {title: t, version: '1'}\nbasePath: /a/b/\npaths:\n  /x: {get: {responses: {}}}\n"
	oasURL := "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://h/a/b'}]\npaths:\n  /x: {get: {responses: {}}}\n"
	oasVar := "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://h/{basePath}', variables: {basePath: {default: a}}}]\npaths:\n  /x: {get: {responses: {}}}\n"
	for _, c := range []struct {
		name, src string
		mode      BasePathMode
		want      string
	}{
		{"swagger ignore", swagger, BasePathIgnore, "/ /x"},
		{"swagger prepend", swagger, BasePathPrepend, "/ /a /a/b /a/b/x"},
		{"swagger split", swagger, BasePathSplit, "/ /b /b/x"},
		{"url prepend", oasURL, BasePathPrepend, "/ /a /a/b /a/b/x"},
		{"url split", oasURL, BasePathSplit, "/ /b /b/x"},
		{"variable prepend", oasVar, BasePathPrepend, "/ /a /a/x"},
		{"variable split", oasVar, BasePathSplit, "/ /x"},
		{"default", oasURL, "", "/ /x"},
	} {
		d, _ := importString(t, c.src, ImportOptions{BasePath: c.mode})
		if got := strings.Join(paths(d), " "); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	if _, diags := importString(t, swagger, ImportOptions{BasePath: "upward"}); !hasCode(diags, diag.ImportBasePath) {
		t.Error("unknown basepath mode accepted")
	}
}

func hasCode(ds []diag.Diagnostic, code diag.Code) bool {
	return slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Code == code })
}

const securityDoc = `swagger: '2.0'
info: {title: t, version: '1'}
x-amazon-apigateway-request-validators:
  body: {validateRequestBody: true}
paths:
  /key: {get: {security: [{key: []}], responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /iam: {get: {security: [{iam: []}], responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /lambda: {get: {security: [{lam: []}], responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /pool: {get: {security: [{pool: [s/read]}], responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /auth: {get: {x-amazon-apigateway-auth: {type: AWS_IAM}, responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /none: {get: {responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /missing: {get: {security: [{nope: []}], responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /validated: {get: {x-amazon-apigateway-request-validator: body, responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /badvalidator: {get: {x-amazon-apigateway-request-validator: other, responses: {}, x-amazon-apigateway-integration: {type: mock}}}
  /nointegration: {get: {responses: {}}}
securityDefinitions:
  key: {type: apiKey, name: x-api-key, in: header}
  iam: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
  lam: {type: apiKey, name: Auth, in: header, x-amazon-apigateway-authorizer: {type: token, authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations'}}
  pool: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x']}}
`

func TestImportSecurity(t *testing.T) {
	d, diags := importString(t, securityDoc, ImportOptions{})
	method := func(p string) *apimodel.Method {
		for _, r := range d.REST.Resources {
			if r.Path == p {
				return r.ResourceMethods["GET"]
			}
		}
		t.Fatalf("no %s", p)
		return nil
	}
	for _, c := range []struct {
		path, auth string
		key        bool
		scopes     string
	}{
		{"/key", "NONE", true, ""}, {"/iam", "AWS_IAM", false, ""}, {"/lambda", "CUSTOM", false, ""},
		{"/pool", "COGNITO_USER_POOLS", false, "s/read"}, {"/auth", "AWS_IAM", false, ""}, {"/none", "NONE", false, ""},
	} {
		m := method(c.path)
		if m.AuthorizationType != c.auth || *m.APIKeyRequired != c.key || strings.Join(m.AuthorizationScopes, ",") != c.scopes {
			t.Errorf("%s: %s key=%v scopes=%v", c.path, m.AuthorizationType, *m.APIKeyRequired, m.AuthorizationScopes)
		}
	}
	if a := d.REST.Authorizers; len(a) != 2 || a[0].IdentitySource != "method.request.header.Auth" || method("/lambda").AuthorizerID != a[0].ID {
		t.Errorf("authorizers: %+v", a)
	}
	if method("/validated").RequestValidatorID != d.REST.RequestValidators[0].ID {
		t.Error("request validator not attached")
	}
	for _, code := range []diag.Code{diag.ImportSecurity, diag.ImportValidator, diag.ImportNoIntegration} {
		if !hasCode(diags, code) {
			t.Errorf("no %s diagnostic", code)
		}
	}
}

func TestImportModels(t *testing.T) {
	src := `openapi: 3.0.1
info: {title: m, version: '1'}
paths:
  /a:
    post:
      operationId: make thing
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
        default: {description: other}
      x-amazon-apigateway-integration: {type: mock}
components:
  schemas:
    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
    B: {type: string}
`
	d, diags := importString(t, src, ImportOptions{})
	var names []string
	for _, m := range d.REST.Models {
		names = append(names, m.Name)
	}
	if strings.Join(names, ",") != "A,B,MakeThing200Response" {
		t.Errorf("models %v", names)
	}
	if want := `{"type":"object","properties":{"b":{"$ref":"https://apigateway.amazonaws.com/restapis/` + d.REST.RestAPI.ID + `/models/B"}}}`; string(d.REST.Models[0].Schema) != want {
		t.Errorf("schema %s", d.REST.Models[0].Schema)
	}
	m := d.REST.Resources[1].ResourceMethods["POST"]
	if m.RequestModels["application/json"] != "A" || len(m.MethodResponses) != 1 || m.MethodResponses["200"].ResponseModels["application/json"] != "MakeThing200Response" {
		t.Errorf("method %+v", m)
	}
	if !hasCode(diags, diag.ImportInlineSchema) {
		t.Error("inline schema not reported")
	}
}

func TestImportDropsNonStringMappings(t *testing.T) {
	src := "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration:\n        type: mock\n        requestParameters: {integration.request.header.A: \"'x'\", integration.request.header.B: 3}\n"
	d, diags := importString(t, src, ImportOptions{})
	got := d.REST.Resources[1].ResourceMethods["GET"].MethodIntegration.RequestParameters
	if len(got) != 1 || got["integration.request.header.A"] != "'x'" {
		t.Errorf("requestParameters %v, diags %v", got, diags)
	}
	// One warning in API Gateway's words in the result; the position and the
	// fix come from Load (APIGW100), so import does not report it again.
	want := []string{"Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.B' of resource '/a' and method 'GET' but got '3'"}
	if !slices.Equal(d.REST.RestAPI.Warnings, want) || hasCode(diags, diag.ImportParamType) {
		t.Errorf("warnings %q, diags %v", d.REST.RestAPI.Warnings, diags)
	}
	// A value Load does not report (a YAML date) is reported by import.
	d, diags = importString(t, strings.Replace(src, "B: 3", "B: 2001-12-14", 1), ImportOptions{})
	if len(d.REST.RestAPI.Warnings) != 1 || !hasCode(diags, diag.ImportParamType) {
		t.Errorf("date value: warnings %q, diags %v", d.REST.RestAPI.Warnings, diags)
	}
}

// TestImportReadsTheModel holds the answers import shares with the other
// readers of the resolved model: `required: True` is required, and a bare
// `$ref: Pet` names the definition Pet (as the OpenAPI view reads it).
func TestImportReadsTheModel(t *testing.T) {
	src := `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      parameters:
        - {name: a, in: query, type: string, required: True}
        - {name: b, in: query, type: string, required: true}
        - {name: c, in: query, type: string}
      responses:
        "200": {description: ok, schema: {$ref: Pet}}
      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: "200"}}}
definitions:
  Pet: {type: object}
`
	d, diags := importString(t, src, ImportOptions{})
	m := d.REST.Resources[1].ResourceMethods["GET"]
	want := map[string]bool{"method.request.querystring.a": true, "method.request.querystring.b": true, "method.request.querystring.c": false}
	for k, v := range want {
		if got, ok := m.RequestParameters[k]; !ok || got != v {
			t.Errorf("%s: %v %v, want %v", k, got, ok, v)
		}
	}
	if got := m.MethodResponses["200"].ResponseModels["application/json"]; got != "Pet" {
		t.Errorf("bare $ref: model %q, want Pet (diagnostics %v)", got, diags)
	}
}

// TestImportNotes checks the diagnostics import gives for what it cannot
// take over as written: a $ref to no schema, a CloudFormation intrinsic
// where the model keeps no such value (an identity source, which API
// Gateway joins into one string), two operations on one resource and
// method, and a document of the wrong kind. An intrinsic where the model
// keeps one (the uri) is kept without a note.
func TestImportNotes(t *testing.T) {
	src := `swagger: '2.0'
info: {title: n, version: '1'}
securityDefinitions:
  auth:
    type: apiKey
    name: Authorization
    in: header
    x-amazon-apigateway-authtype: custom
    x-amazon-apigateway-authorizer: {type: request, identitySource: !Sub "method.request.header.${Header}", authorizerUri: !GetAtt Auth.Arn}
paths:
  /a:
    get:
      responses:
        '200': {description: ok, schema: {$ref: '#/definitions/Missing'}}
      x-amazon-apigateway-integration: {type: mock}
  /a/:
    get:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: !GetAtt Fn.Arn}
`
	d, diags := importString(t, src, ImportOptions{})
	if x := d.REST.Resources[1].ResourceMethods["GET"].MethodIntegration.Intrinsics.At("uri"); x == nil || x.JSON() != `{"Fn::GetAtt":["Fn","Arn"]}` {
		t.Errorf("uri intrinsic %+v", x)
	}
	if x := d.REST.Authorizers[0].Intrinsics.At("authorizerUri"); x == nil || x.JSON() != `{"Fn::GetAtt":["Auth","Arn"]}` {
		t.Errorf("authorizerUri intrinsic %+v", x)
	}
	want := map[diag.Code]string{
		diag.ImportRef:       `"#/definitions/Missing" does not name a schema`,
		diag.ImportIntrinsic: "Fn::Sub is a CloudFormation intrinsic function where API Gateway keeps no such value",
		diag.ImportDuplicate: "GET /a is defined twice",
	}
	for code, msg := range want {
		found := false
		for _, d := range diags {
			if d.Code == code && strings.Contains(d.Message, msg) && d.Severity == code.Severity() {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s %s containing %q in %v", code.Severity(), code, msg, diags)
		}
	}

	var root yaml.Node
	if err := yaml.Unmarshal([]byte("Resources: {}\n"), &root); err != nil {
		t.Fatal(err)
	}
	d, diags = Import(&Document{File: "template.yaml", Kind: CloudFormation, Root: root.Content[0]}, ImportOptions{})
	if d != nil || len(diags) != 1 || diags[0].Code != diag.ImportKind || diags[0].Severity != diag.Error {
		t.Errorf("template passed whole: %v, %v; want one error %s", d, diags, diag.ImportKind)
	}
}

// TestImportDefaultsAsAWS holds the fields API Gateway fills in on import:
// undeclared path parameters, an empty cacheKeyParameters list, no
// httpMethod on a mock, authorizer defaults, documentation locations and
// a creation date.
func TestImportDefaultsAsAWS(t *testing.T) {
	src := `swagger: "2.0"
info: {title: t}
paths:
  /users/{id}/files/{proxy+}:
    get:
      parameters:
        - {name: q, in: query, type: string}
      responses: {}
      x-amazon-apigateway-integration: {type: mock, httpMethod: POST}
securityDefinitions:
  lam: {type: apiKey, name: Auth, in: header, x-amazon-apigateway-authorizer: {type: token, authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations'}}
  pool: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A']}}
x-amazon-apigateway-documentation:
  documentationParts:
    - {location: {type: METHOD}, properties: {description: m}}
    - {location: {type: RESPONSE, method: GET}, properties: {description: r}}
    - {location: {type: MODEL, name: Empty}, properties: {title: e}}
`
	d, _ := importString(t, src, ImportOptions{})
	var m *apimodel.Method
	for _, r := range d.REST.Resources {
		if r.ResourceMethods["GET"] != nil {
			m = r.ResourceMethods["GET"]
		}
	}
	if want := []string{"method.request.querystring.q", "method.request.path.id", "method.request.path.proxy"}; !slices.Equal(m.Parameters(), want) ||
		m.RequestParameters["method.request.querystring.q"] || !m.RequestParameters["method.request.path.id"] || !m.RequestParameters["method.request.path.proxy"] {
		t.Errorf("request parameters %v in order %v", m.RequestParameters, m.Parameters())
	}
	if in := m.MethodIntegration; in.HTTPMethod != "" || in.CacheKeyParameters == nil || len(in.CacheKeyParameters) != 0 {
		t.Errorf("mock integration: httpMethod %q, cacheKeyParameters %#v", in.HTTPMethod, in.CacheKeyParameters)
	}
	auth := map[string]*apimodel.Authorizer{}
	for _, a := range d.REST.Authorizers {
		auth[a.Name] = a
	}
	if a := auth["lam"]; a.AuthType != "custom" || a.AuthorizerResultTTLInSeconds != nil {
		t.Errorf("lambda authorizer: authType %q, ttl %v", a.AuthType, a.AuthorizerResultTTLInSeconds)
	}
	if a := auth["pool"]; a.AuthType != "cognito_user_pools" || a.AuthorizerResultTTLInSeconds == nil || *a.AuthorizerResultTTLInSeconds != 300 {
		t.Errorf("user pool authorizer: authType %q, ttl %v", a.AuthType, a.AuthorizerResultTTLInSeconds)
	}
	var locs []string
	for _, p := range d.REST.DocumentationParts {
		l := p.Location
		locs = append(locs, strings.Join([]string{l.Type, l.Path, l.Method, l.StatusCode, l.Name}, " "))
	}
	if want := []string{"METHOD / *  ", "RESPONSE / GET * ", "MODEL    Empty"}; !slices.Equal(locs, want) {
		t.Errorf("documentation locations %q, want %q", locs, want)
	}
	if d.REST.RestAPI.CreatedDate != DefaultCreatedDate {
		t.Errorf("createdDate %q", d.REST.RestAPI.CreatedDate)
	}
	d, _ = importString(t, src, ImportOptions{CreatedDate: "2024-05-01T10:00:00+00:00"})
	if d.REST.RestAPI.CreatedDate != "2024-05-01T10:00:00+00:00" {
		t.Errorf("createdDate %q", d.REST.RestAPI.CreatedDate)
	}
}

// TestImportGatewayResponseDefaults: a gateway response without a status
// code gets its type's, responseParameters is {} when none are set, and one
// without templates gets API Gateway's own body template, as
// get-gateway-responses returns them (LocalStack's snapshots recorded
// against AWS: put-gateway-response-status-only and
// put-gateway-response-response-parameters-only).
func TestImportGatewayResponseDefaults(t *testing.T) {
	src := `swagger: "2.0"
info: {title: t, version: "1"}
paths: {}
x-amazon-apigateway-gateway-responses:
  ACCESS_DENIED: {responseTemplates: {application/json: '{"m": 1}'}}
  DEFAULT_4XX: {responseParameters: {gatewayresponse.header.A: "'b'"}}
`
	d, _ := importString(t, src, ImportOptions{})
	got := map[string]*apimodel.GatewayResponse{}
	for _, g := range d.REST.GatewayResponses {
		got[g.ResponseType] = g
	}
	if g := got["ACCESS_DENIED"]; g.StatusCode != "403" || g.ResponseParameters == nil || len(g.ResponseParameters) != 0 {
		t.Errorf("ACCESS_DENIED %+v", g)
	}
	if g := got["DEFAULT_4XX"]; g.StatusCode != "" || g.ResponseParameters["gatewayresponse.header.A"] != "'b'" {
		t.Errorf("DEFAULT_4XX %+v", g)
	}
	if g := got["ACCESS_DENIED"]; len(g.ResponseTemplates) != 1 || g.ResponseTemplates["application/json"] != `{"m": 1}` {
		t.Errorf("ACCESS_DENIED keeps its template: %v", g.ResponseTemplates)
	}
	if g := got["DEFAULT_4XX"]; len(g.ResponseTemplates) != 1 || g.ResponseTemplates["application/json"] != `{"message":$context.error.messageString}` {
		t.Errorf("DEFAULT_4XX without templates gets API Gateway's: %v", g.ResponseTemplates)
	}
	dump := *d.REST
	dump.GatewayResponses = append(dump.GatewayResponses, &apimodel.GatewayResponse{ResponseType: "THROTTLED", StatusCode: "429", DefaultResponse: boolPtr(true)})
	out := exportJSON(t, &apimodel.Dump{REST: &dump}, ExportOptions{Extensions: []string{"apigateway"}})
	if grs, _ := out["x-amazon-apigateway-gateway-responses"].(map[string]any); len(grs) != 2 || grs["THROTTLED"] != nil {
		t.Errorf("export writes the gateway responses the API customised, not API Gateway's defaults: %v", grs)
	}
}

// TestImportModelName: a schema name that is not alphanumeric fails a REST
// import as it fails API Gateway's ("Model name must be alphanumeric"),
// reported at the name, the same finding check reports.
func TestImportModelName(t *testing.T) {
	src := `openapi: 3.0.1
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Good: {type: object}
    basic-error: {type: object}
`
	_, diags := importString(t, src, ImportOptions{})
	var got []diag.Diagnostic
	for _, d := range diags {
		if d.Code == diag.ModelName {
			got = append(got, d)
		}
	}
	if len(got) != 1 || got[0].Severity != diag.Error || got[0].Line != 7 || got[0].Column != 5 ||
		got[0].Pointer != "/components/schemas/basic-error" || !strings.Contains(got[0].Message, `"basicError"`) {
		t.Errorf("want one error at 7:5 naming basicError, got %+v", got)
	}
}
