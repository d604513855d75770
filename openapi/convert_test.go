package openapi

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

func convertString(t *testing.T, src string, to Kind) (string, []string) {
	t.Helper()
	docs, _, err := Load("t.yaml", []byte(src), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatal(err)
	}
	root, diags := Convert(docs[0], to)
	if root == nil {
		var codes []string
		for _, d := range diags {
			codes = append(codes, string(d.Code))
		}
		return "", codes
	}
	out, err := source.WriteJSON(root)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, d := range diags {
		codes = append(codes, string(d.Code))
	}
	return strings.Join(strings.Fields(string(out)), ""), codes
}

func TestConvertSchemas(t *testing.T) {
	for _, c := range []struct {
		name, schema string
		to           Kind
		want         string
		code         diag.Code
	}{
		{"nullable to 3.1", "{type: string, nullable: true}", OpenAPI31, `"S":{"type":["string","null"]}`, ""},
		{"exclusive to 3.1", "{type: integer, minimum: 1, exclusiveMinimum: true}", OpenAPI31, `"S":{"type":"integer","exclusiveMinimum":1}`, ""},
		{"example to 3.1", "{type: string, example: x}", OpenAPI31, `"S":{"type":"string","examples":["x"]}`, ""},
		{"nullable to swagger", "{type: string, nullable: true}", Swagger2, `"S":{"type":"string","x-nullable":true}`, diag.ConvertMoved},
	} {
		src := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S: " + c.schema + "\n"
		got, codes := convertString(t, src, c.to)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: %s", c.name, got)
		}
		if c.code != "" && !strings.Contains(strings.Join(codes, " "), string(c.code)) {
			t.Errorf("%s: no %s in %v", c.name, c.code, codes)
		}
	}
	src := "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S: {type: [string, integer, 'null'], examples: [a, b], exclusiveMaximum: 5}\n"
	got, codes := convertString(t, src, OpenAPI30)
	for _, want := range []string{`"type":"string"`, `"nullable":true`, `"example":"a"`, `"maximum":5`, `"exclusiveMaximum":true`} {
		if !strings.Contains(got, want) {
			t.Errorf("3.1 to 3.0: no %s in %s", want, got)
		}
	}
	if strings.Count(strings.Join(codes, " "), string(diag.ConvertLoss)) != 2 {
		t.Errorf("3.1 to 3.0 losses: %v", codes)
	}
}

func TestConvertSwaggerParts(t *testing.T) {
	src := `swagger: '2.0'
info: {title: t, version: '1'}
host: api.example.com
basePath: /v1
schemes: [https, http]
x-amazon-apigateway-endpoint-configuration: {vpcEndpointIds: [vpce-1]}
paths:
  /f:
    post:
      consumes: [multipart/form-data]
      parameters:
        - {name: file, in: formData, type: file, required: true}
        - {name: q, in: query, type: string}
      responses: {'200': {description: ok, schema: {$ref: '#/definitions/D'}}}
definitions:
  D: {type: object}
securityDefinitions:
  o: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {r: read}}
`
	got, codes := convertString(t, src, OpenAPI30)
	for _, want := range []string{
		`"servers":[{"url":"https://api.example.com/v1","x-amazon-apigateway-endpoint-configuration"`,
		`{"url":"http://api.example.com/v1"`,
		`"multipart/form-data":{"schema":{"type":"object","properties":{"file":{"type":"string","format":"binary"}},"required":["file"]}}`,
		`{"name":"q","in":"query","schema":{"type":"string"}}`,
		`"content":{"application/json":{"schema":{"$ref":"#/components/schemas/D"}}}`,
		`"flows":{"authorizationCode":{"authorizationUrl":"https://a","tokenUrl":"https://t","scopes":{"r":"read"}}}`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
	if !strings.Contains(strings.Join(codes, " "), string(diag.ConvertMoved)) {
		t.Errorf("endpoint configuration move not reported: %v", codes)
	}
	if _, codes := convertString(t, src, CloudFormation); len(codes) != 1 || codes[0] != string(diag.ConvertTarget) {
		t.Errorf("bad target: %v", codes)
	}
}

func TestConvertToSwaggerInlinesReusableIntegrations(t *testing.T) {
	src := "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://a/x'}, {url: 'https://b/y'}]\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/i'}\ncomponents:\n  x-amazon-apigateway-integrations:\n    i: {type: http_proxy, httpMethod: GET, uri: 'https://b', payloadFormatVersion: '1.0'}\n  links: {}\n"
	got, codes := convertString(t, src, Swagger2)
	if !strings.Contains(got, `"x-amazon-apigateway-integration":{"type":"http_proxy"`) || strings.Contains(got, "x-amazon-apigateway-integrations") {
		t.Errorf("integration not inlined: %s", got)
	}
	if n := strings.Count(strings.Join(codes, " "), string(diag.ConvertLoss)); n != 2 { // second server, components.links
		t.Errorf("losses %v", codes)
	}
}
