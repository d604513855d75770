package openapi

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

// TestImportTemplateProperties: the properties of the resource that holds
// a definition change the API (name, endpoint, stage); a value of the
// wrong shape is a warning and left out; a property the model has no
// place for is named.
func TestImportTemplateProperties(t *testing.T) {
	src := `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: renamed
      EndpointConfiguration: {Types: [REGIONAL]}
      DisableExecuteApiEndpoint: !If [Private, true, false]
      Parameters: {basepath: prepend}
      FailOnWarnings: true
      Tags: [{Key: team, Value: !Ref Team}]
      Body:
        swagger: "2.0"
        info: {title: t, version: "1"}
        basePath: /v1
        paths:
          /a:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration: {type: mock}
  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageName: live
      CorsConfiguration: true
      Auth:
        DefaultAuthorizer: Jwt
        Authorizers:
          Jwt:
            JwtConfiguration: {issuer: !Sub "https://cognito-idp.${AWS::Region}.amazonaws.com/pool", audience: [app]}
      DefinitionBody:
        openapi: "3.0.1"
        info: {title: h, version: "1"}
        paths:
          /b:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "https://example.com", payloadFormatVersion: "1.0"}
`
	docs, ldiags, err := Load("t.yaml", []byte(src), LoadOptions{})
	if err != nil || len(docs) != 2 {
		t.Fatalf("%v %v", err, ldiags)
	}
	d, diags := Import(docs[0], ImportOptions{})
	api := d.REST.RestAPI
	if api.Name != "renamed" || api.EndpointConfiguration.Types[0] != "REGIONAL" || api.Intrinsics.At("tags/team") == nil {
		t.Errorf("REST API %+v", api)
	}
	if p := paths(d); !strings.Contains(strings.Join(p, " "), "/v1/a") {
		t.Errorf("Parameters.basepath prepend not applied: %v", p)
	}
	want := map[diag.Code]string{diag.TemplateValue: "must be true or false", diag.TemplateProperty: "FailOnWarnings"}
	for code, msg := range want {
		found := false
		for _, x := range diags {
			found = found || x.Code == code && strings.Contains(x.Message, msg) && x.Line > 0 && strings.HasPrefix(x.Pointer, "/Resources/Api/Properties/")
		}
		if !found {
			t.Errorf("no %s with %q in %v", code, msg, diags)
		}
	}
	h, diags := Import(docs[1], ImportOptions{})
	if len(diags) != 0 {
		t.Errorf("%v", diags)
	}
	if len(h.V2.Stages) != 1 || h.V2.Stages[0].StageName != "live" || h.V2.API.CorsConfiguration == nil || len(h.V2.Authorizers) != 1 ||
		h.V2.Routes[0].AuthorizationType != "JWT" || h.V2.Authorizers[0].Intrinsics.At("JwtConfiguration/Issuer") == nil {
		t.Errorf("HTTP API %+v %+v %+v", h.V2.API, h.V2.Stages, h.V2.Routes[0])
	}
}
