package openapi

import (
	"slices"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// existingAPI is a REST API as get-rest-api and friends print it.
func existingAPI(t *testing.T) *apimodel.Dump {
	t.Helper()
	d, diags := apimodel.Load("existing.json", []byte(`{
  "restApi": {"id": "ex1st1ng00", "name": "old", "description": "kept in merge", "createdDate": "2024-01-02T03:04:05+00:00",
    "binaryMediaTypes": ["image/heif"], "apiKeySource": "HEADER", "tags": {"team": "a"},
    "endpointConfiguration": {"types": ["REGIONAL"], "ipAddressType": "ipv4"}, "rootResourceId": "r00t000000"},
  "resources": [
    {"id": "r00t000000", "path": "/"},
    {"id": "aaaa000000", "parentId": "r00t000000", "pathPart": "a", "path": "/a", "resourceMethods": {
      "GET": {"httpMethod": "GET", "authorizationType": "NONE", "methodResponses": {"206": {"statusCode": "206"}}},
      "POST": {"httpMethod": "POST", "authorizationType": "NONE"}}},
    {"id": "kkkk000000", "parentId": "r00t000000", "pathPart": "keep", "path": "/keep", "resourceMethods": {
      "GET": {"httpMethod": "GET", "authorizationType": "NONE"}}}],
  "models": [{"id": "m1m1m1", "name": "Old", "contentType": "application/json", "schema": "{}"}],
  "authorizers": [{"id": "au7h00", "name": "auth", "type": "TOKEN", "authorizerUri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations", "identitySource": "method.request.header.Authorization"}],
  "deployments": [{"id": "dep100", "createdDate": "2024-01-03T00:00:00+00:00"}],
  "stages": [{"stageName": "prod", "deploymentId": "dep100"}]
}`))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return d
}

const putDoc = `swagger: "2.0"
info: {title: new, version: "2"}
x-amazon-apigateway-binary-media-types: [image/png]
paths:
  /a:
    get:
      security: [{auth: []}]
      responses: {"200": {description: ok}, "400": {description: bad}}
      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
  /b:
    get:
      responses: {"200": {description: ok, schema: {$ref: "#/definitions/New"}}}
      x-amazon-apigateway-integration: {type: mock}
definitions:
  New: {type: object}
securityDefinitions:
  auth: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: custom, x-amazon-apigateway-authorizer: {type: token, authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations'}}
`

func byPath(d *apimodel.RestDump) map[string]*apimodel.Resource {
	out := map[string]*apimodel.Resource{}
	for _, r := range d.Resources {
		out[r.Path] = r
	}
	return out
}

func modelNames(d *apimodel.RestDump) []string {
	var out []string
	for _, m := range d.Models {
		out = append(out, m.Name)
	}
	slices.Sort(out)
	return out
}

// putInto puts putDoc into existingAPI in the given mode.
func putInto(t *testing.T, mode ImportMode) *apimodel.RestDump {
	t.Helper()
	d, diags := importString(t, putDoc, ImportOptions{Existing: existingAPI(t), Mode: mode})
	if hasErrors(diags) {
		t.Fatal(diags)
	}
	return d.REST
}

// TestImportMerge follows the merge example of API Gateway's developer
// guide: the document's GET /a replaces the existing one, POST /a and
// everything else the document does not define stay.
func TestImportMerge(t *testing.T) {
	r := putInto(t, ModeMerge)
	api := r.RestAPI
	if api.ID != "ex1st1ng00" || api.Name != "new" || api.Description != "kept in merge" || api.Version != "2" ||
		api.CreatedDate != "2024-01-02T03:04:05+00:00" || api.RootResourceID != "r00t000000" || api.Tags["team"] != "a" ||
		!slices.Equal(api.BinaryMediaTypes, []string{"image/heif", "image/png"}) || api.EndpointConfiguration.Types[0] != "REGIONAL" {
		t.Errorf("rest API %+v", api)
	}
	res := byPath(r)
	if len(res) != 4 || res["/"].ID != "r00t000000" || res["/a"].ID != "aaaa000000" || res["/keep"].ID != "kkkk000000" || res["/b"].ParentID != "r00t000000" {
		t.Errorf("resources %v", collectIDs(r.Resources))
	}
	get := res["/a"].ResourceMethods["GET"]
	if apimodel.SortedKeys(get.MethodResponses)[0] != "200" || len(get.MethodResponses) != 2 || res["/a"].ResourceMethods["POST"] == nil {
		t.Errorf("GET /a %+v, methods %v", get, apimodel.SortedKeys(res["/a"].ResourceMethods))
	}
	if get.AuthorizerID != "au7h00" || len(r.Authorizers) != 1 || r.Authorizers[0].ID != "au7h00" {
		t.Errorf("authorizer %q, authorizers %+v", get.AuthorizerID, r.Authorizers)
	}
	if get.MethodIntegration.CacheNamespace == res["/a"].ID {
		t.Error("an integration put on a resource that keeps its id has a cache namespace of its own")
	}
	if !slices.Equal(modelNames(r), []string{"New", "Old"}) || len(r.Stages) != 1 || len(r.Deployments) != 1 {
		t.Errorf("models %v, stages %d, deployments %d", modelNames(r), len(r.Stages), len(r.Deployments))
	}
}

// TestImportOverwrite: the API becomes what the document defines, under its
// id, with its creation date, tags, endpoint configuration and stages.
func TestImportOverwrite(t *testing.T) {
	r := putInto(t, ModeOverwrite)
	api := r.RestAPI
	if api.ID != "ex1st1ng00" || api.Name != "new" || api.Description != "" || api.Tags["team"] != "a" ||
		!slices.Equal(api.BinaryMediaTypes, []string{"image/png"}) || api.EndpointConfiguration.Types[0] != "REGIONAL" {
		t.Errorf("rest API %+v", api)
	}
	res := byPath(r)
	if len(res) != 3 || res["/keep"] != nil || res["/a"].ID != "aaaa000000" || res["/a"].ResourceMethods["POST"] != nil {
		t.Errorf("resources %v", collectIDs(r.Resources))
	}
	if !slices.Equal(modelNames(r), []string{"New"}) || len(r.Stages) != 1 {
		t.Errorf("models %v, stages %d", modelNames(r), len(r.Stages))
	}
	empty := &apimodel.Dump{REST: &apimodel.RestDump{RestAPI: &apimodel.RestAPI{ID: "ex1st1ng00"}, Resources: []*apimodel.Resource{{ID: "r00t000000", Path: "/"}}}}
	d, _ := importString(t, putDoc, ImportOptions{Existing: empty, Mode: ModeOverwrite})
	if tags := d.REST.RestAPI.Tags; tags == nil || len(tags) != 0 {
		t.Errorf("PutRestApi returns tags {} when there are none, got %#v", tags)
	}
}

func TestImportModeErrors(t *testing.T) {
	httpDoc := "openapi: 3.0.1\ninfo: {title: h, version: '1'}\npaths:\n  /x: {get: {responses: {}, x-amazon-apigateway-integration: {type: http_proxy, uri: 'https://e', httpMethod: GET, payloadFormatVersion: '1.0'}}}\n"
	v2 := &apimodel.Dump{V2: &apimodel.V2Dump{API: &apimodel.API{APIID: "h77p000000", Name: "h", ProtocolType: "HTTP", CreatedDate: "2024-01-02T03:04:05+00:00"}}}
	for _, c := range []struct {
		name string
		src  string
		opts ImportOptions
	}{
		{"mode without existing", putDoc, ImportOptions{Mode: ModeMerge}},
		{"unknown mode", putDoc, ImportOptions{Mode: "replace", Existing: existingAPI(t)}},
		{"REST document into an HTTP API", putDoc, ImportOptions{Existing: v2}},
		{"HTTP document into a REST API", httpDoc, ImportOptions{Existing: existingAPI(t)}},
		{"HTTP API merge", httpDoc, ImportOptions{Existing: v2, Mode: ModeMerge}},
	} {
		docs, _, err := Load("t.yaml", []byte(c.src), LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d, diags := Import(docs[0], c.opts); d != nil || !hasCode(diags, diag.ImportMode) || !hasErrors(diags) {
			t.Errorf("%s: dump %v, diagnostics %v", c.name, d != nil, diags)
		}
	}
	docs, _, _ := Load("t.yaml", []byte(httpDoc), LoadOptions{})
	d, diags := Import(docs[0], ImportOptions{Existing: v2, Mode: ModeOverwrite})
	if hasErrors(diags) || d.V2.API.APIID != "h77p000000" || d.V2.API.CreatedDate != "2024-01-02T03:04:05+00:00" {
		t.Errorf("reimport: %v %+v", diags, d.V2.API)
	}
}
