package apimodel

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
)

func loadFixture(t *testing.T, name string) *Dump {
	t.Helper()
	data, err := os.ReadFile(golden.Fixture(t, "apimodel/"+name))
	if err != nil {
		t.Fatal(err)
	}
	dump, diags := Load(name, data)
	for _, d := range diags {
		t.Errorf("%s", d)
	}
	if dump == nil {
		t.Fatalf("%s did not load", name)
	}
	return dump
}

// TestFixturesRoundTrip loads each fixture, compares the canonical form with
// its golden file, and checks that loading the canonical form gives it back.
func TestFixturesRoundTrip(t *testing.T) {
	for _, name := range []string{"rest", "http", "websocket"} {
		t.Run(name, func(t *testing.T) {
			dump := loadFixture(t, name+".json")
			out, err := dump.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "apimodel/"+name+"/dump.json", out)
			again, diags := Load("again", out)
			if len(diags) > 0 || again == nil {
				t.Fatalf("canonical form does not load cleanly: %v", diags)
			}
			out2, _ := again.Marshal()
			if !bytes.Equal(out, out2) {
				t.Error("Marshal(Load(Marshal(d))) differs from Marshal(d)")
			}
		})
	}
}

func TestLoadDiagnostics(t *testing.T) {
	tests := []struct {
		name, in string
		code     diag.Code
		sev      diag.Severity
		line     int
		ptr      string
		msg      string
	}{
		{"syntax", "{\"restApi\": {\n  \"name\": \"x\",,\n}}", diag.DumpSyntax, diag.Error, 2, "", "not JSON or YAML"},
		{"not object", `[1]`, diag.DumpShape, diag.Error, 1, "", "must be an object"},
		{"unknown shape", `{"foo": 1}`, diag.DumpShape, diag.Error, 1, "", "not a dump"},
		{"get-method alone", `{"httpMethod": "GET", "authorizationType": "NONE"}`, diag.DumpShape, diag.Error, 1, "", "resourceMethods"},
		{"wrong type", "{\"restApi\": {\n \"name\": 5}}", diag.WrongType, diag.Warning, 2, "/restApi/name", "must be a string"},
		{"bool as string", "{\"restApi\": {\"disableExecuteApiEndpoint\": \"no\"}}", diag.WrongType, diag.Warning, 1, "/restApi/disableExecuteApiEndpoint", "true or false"},
		{"int as string", "{\"restApi\": {\"minimumCompressionSize\": \"10\"}}", diag.WrongType, diag.Warning, 1, "/restApi/minimumCompressionSize", "integer"},
		{"enum", "{\"restApi\": {\"apiKeySource\": \"HEADERS\"}}", diag.UnknownValue, diag.Error, 1, "/restApi/apiKeySource", `did you mean "HEADER"`},
		{"enum in list", "{\"restApi\": {\"endpointConfiguration\": {\"types\": [\"EDGE\", \"GLOBAL\"]}}}", diag.UnknownValue, diag.Error, 1, "/restApi/endpointConfiguration/types/1", "GLOBAL"},
		{"enum in shared type", `{"resources": [{"id": "r", "path": "/", "resourceMethods": {"GET": {"methodIntegration": {"integrationResponses": {"200": {"statusCode": "200", "contentHandling": "TEXT"}}}}}}]}`,
			diag.UnknownValue, diag.Error, 1, "/resources/0/resourceMethods/GET/methodIntegration/integrationResponses/200/contentHandling", "CONVERT_TO_TEXT"},
		{"unknown key", "{\"restApi\": {\"nmae\": \"x\"}}", diag.UnknownKey, diag.Info, 1, "/restApi/nmae", `did you mean "name"`},
		{"duplicate resource id", `{"resources": [{"id": "a", "path": "/"}, {"id": "a", "parentId": "a", "pathPart": "x", "path": "/x"}]}`,
			diag.DumpDuplicateID, diag.Error, 1, "/resources/1/id", "used twice"},
		{"unknown parent", `{"resources": [{"id": "a", "path": "/"}, {"id": "b", "parentId": "zz", "pathPart": "x", "path": "/x"}]}`,
			diag.DumpUnknownRef, diag.Error, 1, "/resources/1/parentId", `"zz"`},
		{"path mismatch", `{"resources": [{"id": "a", "path": "/"}, {"id": "b", "parentId": "a", "pathPart": "x", "path": "/y"}]}`,
			diag.DumpTree, diag.Error, 1, "/resources/1/path", `write "/x"`},
		{"two roots", `{"resources": [{"id": "a", "path": "/"}, {"id": "b", "path": "/"}]}`, diag.DumpTree, diag.Error, 1, "/resources/1", "second resource"},
		{"no root", `{"items": [{"id": "b", "parentId": "zz", "pathPart": "x", "path": "/x"}]}`, diag.DumpTree, diag.Error, 1, "/items", "no root"},
		{"unknown authorizer", `{"authorizers": [{"id": "a1", "name": "n", "type": "TOKEN"}], "resources": [{"id": "a", "path": "/", "resourceMethods": {"GET": {"authorizerId": "a2"}}}]}`,
			diag.DumpUnknownRef, diag.Error, 1, "/resources/0/resourceMethods/GET/authorizerId", `"a2"`},
		{"unknown model", `{"models": [{"name": "Pet"}], "resources": [{"id": "a", "path": "/", "resourceMethods": {"GET": {"requestModels": {"application/json": "Pets"}}}}]}`,
			diag.DumpUnknownRef, diag.Error, 1, "/resources/0/resourceMethods/GET/requestModels/application~1json", `"Pets"`},
		{"unknown validator", `{"requestValidators": [{"id": "v1", "name": "all"}], "resources": [{"id": "a", "path": "/", "resourceMethods": {"GET": {"requestValidatorId": "v2"}}}]}`,
			diag.DumpUnknownRef, diag.Error, 1, "/resources/0/resourceMethods/GET/requestValidatorId", `"v2"`},
		{"v2 unknown target", `{"integrations": [{"IntegrationId": "i1", "IntegrationType": "MOCK"}], "routes": [{"RouteKey": "$default", "Target": "integrations/i2"}]}`,
			diag.DumpUnknownRef, diag.Error, 1, "/routes/0/Target", "integrations/i2"},
		{"v2 unknown authorizer", `{"authorizers": [{"AuthorizerId": "a1", "AuthorizerType": "JWT", "Name": "j"}], "routes": [{"RouteKey": "$default", "AuthorizerId": "a2"}]}`,
			diag.DumpUnknownRef, diag.Error, 1, "/routes/0/AuthorizerId", `"a2"`},
		{"v2 responses of unknown integration", `{"integrations": [{"IntegrationId": "i1", "IntegrationType": "MOCK"}], "integrationResponses": {"i9": []}}`,
			diag.DumpUnknownRef, diag.Error, 1, "/integrationResponses/i9", `"i9"`},
		{"v2 responses of unknown route", `{"routes": [{"RouteId": "r1", "RouteKey": "$default"}], "routeResponses": {"r9": []}}`,
			diag.DumpUnknownRef, diag.Error, 1, "/routeResponses/r9", `"r9"`},
		{"v2 duplicate route key", `{"routes": [{"RouteKey": "$default"}, {"RouteKey": "$default"}]}`, diag.DumpDuplicateID, diag.Error, 1, "/routes/1/RouteKey", "used twice"},
		{"v2 enum", `{"api": {"ProtocolType": "REST"}}`, diag.UnknownValue, diag.Error, 1, "/api/ProtocolType", "HTTP, WEBSOCKET"},
		{"bare integration responses", `{"Items": [{"IntegrationResponseKey": "$default"}]}`, diag.DumpShape, diag.Error, 1, "/Items", "integrationResponses"},
		{"bare route responses", `{"Items": [{"RouteResponseKey": "$default"}]}`, diag.DumpShape, diag.Error, 1, "/Items", "routeResponses"},
		{"two apis", `{"Items": [{"ApiId": "a", "ProtocolType": "HTTP"}, {"ApiId": "b", "ProtocolType": "HTTP"}]}`, diag.DumpShape, diag.Error, 1, "/Items", "2 APIs"},
		{"empty items", `{"items": []}`, diag.DumpShape, diag.Error, 1, "/items", "empty"},
		{"unknown items", `{"items": [{"foo": 1}]}`, diag.DumpShape, diag.Error, 1, "/items/0", "cannot tell"},
		{"stage of unknown deployment", `{"deployments": [{"id": "d1"}], "stages": [{"stageName": "dev", "deploymentId": "d2"}], "restApi": {"name": "n"}}`,
			diag.DumpUnknownRef, diag.Error, 1, "/stages/0/deploymentId", `"d2"`},
		{"schema not text", `{"models": [{"name": "M", "schema": 5}]}`, diag.WrongType, diag.Warning, 1, "/models/0/schema", "JSON text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load("in.json", []byte(tt.in))
			for _, d := range diags {
				if d.Code == tt.code && d.Severity == tt.sev && d.Line == tt.line && d.Pointer == tt.ptr && strings.Contains(d.Message, tt.msg) && d.File == "in.json" {
					return
				}
			}
			t.Errorf("want %s %s at line %d %q containing %q; got %v", tt.sev, tt.code, tt.line, tt.ptr, tt.msg, diags)
		})
	}
}

func TestLoadBareOutputs(t *testing.T) {
	tests := []struct {
		name, in string
		check    func(*Dump) bool
	}{
		{"get-resources", `{"items": [{"id": "a", "path": "/"}]}`, func(d *Dump) bool { return d.REST != nil && len(d.REST.Resources) == 1 }},
		{"get-rest-api", `{"id": "x", "name": "n", "rootResourceId": "a"}`, func(d *Dump) bool { return d.REST.RestAPI.Name == "n" }},
		{"get-rest-apis", `{"items": [{"id": "x", "name": "n", "rootResourceId": "a"}]}`, func(d *Dump) bool { return d.REST.RestAPI.ID == "x" }},
		{"get-models", `{"items": [{"name": "M", "contentType": "application/json", "schema": {"type": "object"}}]}`,
			func(d *Dump) bool { return d.REST.Models[0].Schema == `{"type":"object"}` }},
		{"get-api", `{"ApiId": "x", "Name": "n", "ProtocolType": "HTTP"}`, func(d *Dump) bool { return d.V2.API.ProtocolType == "HTTP" }},
		{"get-api wire spelling", `{"apiId": "x", "name": "n", "protocolType": "WEBSOCKET"}`, func(d *Dump) bool { return d.V2.API.APIID == "x" }},
		{"get-apis", `{"Items": [{"ApiId": "x", "Name": "n", "ProtocolType": "HTTP"}]}`, func(d *Dump) bool { return d.V2.API.APIID == "x" }},
		{"get-routes", `{"Items": [{"RouteId": "r", "RouteKey": "$default"}]}`, func(d *Dump) bool { return d.V2.Routes[0].RouteKey == "$default" }},
		{"get-integrations", `{"Items": [{"IntegrationId": "i", "IntegrationType": "MOCK"}]}`, func(d *Dump) bool { return d.V2.Integrations[0].IntegrationType == "MOCK" }},
		{"v2 authorizers", `{"authorizers": [{"AuthorizerId": "a", "AuthorizerType": "JWT", "Name": "j"}]}`, func(d *Dump) bool { return d.V2 != nil && len(d.V2.Authorizers) == 1 }},
		{"rest authorizers", `{"authorizers": [{"id": "a", "type": "TOKEN", "name": "t"}]}`, func(d *Dump) bool { return d.REST != nil && len(d.REST.Authorizers) == 1 }},
		{"yaml", "restApi:\n  name: n\nresources:\n  - id: a\n    path: /\n", func(d *Dump) bool { return d.REST.Resources[0].Path == "/" }},
		{"get-stages of a REST API", `{"item": [{"cacheClusterEnabled": false, "deploymentId": "d1", "methodSettings": {}, "stageName": "dev", "createdDate": "2024-01-02T03:04:05+00:00"}]}`,
			func(d *Dump) bool {
				return d.REST.Stages[0].StageName == "dev" && d.REST.Stages[0].DeploymentID == "d1"
			}},
		{"get-deployments", `{"items": [{"id": "d1", "createdDate": 1704164645}]}`, func(d *Dump) bool { return d.REST.Deployments[0].CreatedDate == "1704164645" }},
		{"sdk metadata ignored", `{"items": [{"id": "a", "path": "/"}], "ResponseMetadata": {"HTTPStatusCode": 200}}`, func(d *Dump) bool { return d.REST != nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := Load("in", []byte(tt.in))
			if len(diags) > 0 || d == nil {
				t.Fatalf("diagnostics: %v", diags)
			}
			if !tt.check(d) {
				t.Errorf("loaded %+v %+v", d.REST, d.V2)
			}
		})
	}
}

func TestAssignIDs(t *testing.T) {
	r := &RestDump{RestAPI: &RestAPI{Name: "n"}, Resources: []*Resource{{Path: "/"}, {Path: "/a"}, {Path: "/a/{b}"}}}
	r.AssignIDs()
	if r.RestAPI.ID == "" || r.RestAPI.RootResourceID != r.Resources[0].ID {
		t.Fatalf("api ids: %+v", r.RestAPI)
	}
	if r.Resources[1].ParentID != r.Resources[0].ID || r.Resources[2].ParentID != r.Resources[1].ID || r.Resources[2].PathPart != "{b}" {
		t.Errorf("tree: %+v %+v", r.Resources[1], r.Resources[2])
	}
	if StableID("resource", "x") != StableID("resource", "x") || StableID("resource", "x") == StableID("resource", "y") || len(StableID("a", "b")) != 10 {
		t.Error("StableID is not a deterministic 10-character id")
	}
	order := r.TreeOrder()
	if order[0].Path != "/" || order[2].Path != "/a/{b}" {
		t.Errorf("TreeOrder: %v %v %v", order[0].Path, order[1].Path, order[2].Path)
	}
}

// TestMarshalKeepsWhatAWSReturns: an empty cacheKeyParameters list and an
// empty tags object stay, and parameters keep the order they were written in.
func TestMarshalKeepsWhatAWSReturns(t *testing.T) {
	in := `{"restApi": {"name": "n", "tags": {}}, "resources": [{"id": "r", "path": "/", "resourceMethods": {"GET": {
  "requestParameters": {"method.request.querystring.b": false, "method.request.path.a": true},
  "methodResponses": {"200": {"statusCode": "200", "responseParameters": {"method.response.header.Z": false, "method.response.header.A": false}}},
  "methodIntegration": {"type": "MOCK", "cacheKeyParameters": []}}}}]}`
	d, diags := Load("in.json", []byte(in))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	out, err := d.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{`"cacheKeyParameters": []`, `"tags": {}`} {
		if !strings.Contains(s, want) {
			t.Errorf("%s is lost:\n%s", want, s)
		}
	}
	if strings.Index(s, "querystring.b") > strings.Index(s, "path.a") || strings.Index(s, "header.Z") > strings.Index(s, "header.A") {
		t.Errorf("parameters were reordered:\n%s", s)
	}
	m := d.REST.Resources[0].ResourceMethods["GET"]
	if got := m.Parameters(); len(got) != 2 || got[0] != "method.request.querystring.b" {
		t.Errorf("Parameters() = %v", got)
	}
	again, _ := Load("again", out)
	out2, _ := again.Marshal()
	if !bytes.Equal(out, out2) {
		t.Error("Marshal(Load(Marshal(d))) differs from Marshal(d)")
	}
}

// TestReadLimits: dumps are read as documents are, under the same limits.
func TestReadLimits(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("restApi: {name: x}\nx-anchor: &m {statusCode: '200', responseTemplates: {application/json: '" + strings.Repeat("t", 100) + "'}}\nresources:\n")
	for i := range 20000 {
		fmt.Fprintf(&bomb, "  - {id: r%d, path: /r%d, resourceMethods: {GET: {methodIntegration: {integrationResponses: {'200': *m}}}}}\n", i, i)
	}
	tests := []struct {
		name, in string
		lim      source.Limits
		limit    string
	}{
		{"size", `{"restApi": {"name": "x"}}`, source.Limits{MaxBytes: 10}, source.LimitSize},
		{"several documents", "restApi: {name: a}\n---\nrestApi: {name: b}\n", source.Limits{}, source.LimitDocuments},
		{"depth", `{"restApi": {"tags": {"a": {"b": {"c": 1}}}}}`, source.Limits{MaxDepth: 3}, source.LimitDepth},
		{"alias expansion", bomb.String(), source.Limits{MaxAliasNodes: 100_000}, source.LimitAlias},
		{"utf8", "{\"restApi\": {\"name\": \"\xff\"}}", source.Limits{}, source.LimitUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags, err := Read("dump.yaml", []byte(tt.in), tt.lim)
			var le *source.LimitError
			if !errors.As(err, &le) || le.Limit != tt.limit || le.File != "dump.yaml" {
				t.Fatalf("got %v, %v, %v; want a %s refusal", d, diags, err, tt.limit)
			}
			if d != nil || diags != nil {
				t.Errorf("a refusal returns nothing else: %v %v", d, diags)
			}
		})
	}
	// Load, without an error result, reports the refusal as an error.
	_, diags := Load("dump.yaml", []byte("restApi: {name: a}\n---\nrestApi: {name: b}\n"))
	if len(diags) != 1 || diags[0].Code != diag.MultiDocument || diags[0].Severity != diag.Error || diags[0].Line != 2 {
		t.Errorf("Load: %v", diags)
	}
}

func TestReadDuplicateKeys(t *testing.T) {
	_, diags, err := Read("dump.json", []byte("{\"restApi\": {\"name\": \"a\",\n \"name\": \"b\"}}"), source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if d.Code == diag.DuplicateKey && d.Severity == diag.Error && d.Line == 2 && d.Pointer == "/restApi/name" && strings.Contains(d.Message, "first at 1:14") {
			return
		}
	}
	t.Errorf("no duplicate-key error: %v", diags)
}

func TestReadTextFileIsNotEchoed(t *testing.T) {
	_, diags, err := Read("notes.txt", []byte(strings.Repeat("plain text ", 10000)), source.Limits{})
	if err != nil || len(diags) != 1 || len(diags[0].Message) > 400 || !strings.Contains(diags[0].Message, "(109999 bytes)") {
		t.Errorf("%v %.500v", err, diags)
	}
}
