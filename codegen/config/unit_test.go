package config

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
)

func TestLambdaFunction(t *testing.T) {
	tests := []struct{ uri, want string }{
		{"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations", "arn:aws:lambda:us-east-1:1:function:f"},
		{"arn:aws:lambda:eu-west-1:1:function:g", "arn:aws:lambda:eu-west-1:1:function:g"},
		{"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:${stageVariables.fn}/invocations", ""},
		{"arn:aws:apigateway:us-east-1:dynamodb:action/PutItem", ""},
		{"https://example.com", ""},
	}
	for _, tt := range tests {
		got, ok := lambdaFunction(tt.uri)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("lambdaFunction(%q) = %q, %v; want %q", tt.uri, got, ok, tt.want)
		}
	}
}

func TestArnPath(t *testing.T) {
	tests := []struct{ method, path, want string }{
		{"GET", "/", "/*/GET/"},
		{"ANY", "/pets/{petId}", "/*/*/pets/*"},
		{"POST", "/a/{proxy+}", "/*/POST/a/*"},
	}
	for _, tt := range tests {
		if got := arnPath(tt.method, tt.path); got != tt.want {
			t.Errorf("arnPath(%s, %s) = %s; want %s", tt.method, tt.path, got, tt.want)
		}
	}
}

func TestNamerUniqueAndValid(t *testing.T) {
	n := newNamer()
	got := []string{n.name("Resource", "/pets-x"), n.name("Resource", "/petsX"), n.name("Route", "$default"), n.name("", "2xx"), n.name("Route", "GET /items")}
	want := []string{"ResourcePetsX", "ResourcePetsX2", "RouteDefault", "X2xx", "RouteGETItems"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q; want %q", i, got[i], want[i])
		}
	}
}

// TestEscaping checks that ${…} in literal text is not left for Terraform or
// Pulumi to interpolate, and that CloudFormation keeps it as written.
func TestEscaping(t *testing.T) {
	d := &apimodel.Dump{REST: &apimodel.RestDump{RestAPI: &apimodel.RestAPI{Name: "n"}, Resources: []*apimodel.Resource{{ID: "r", Path: "/",
		ResourceMethods: map[string]*apimodel.Method{"GET": {MethodIntegration: &apimodel.Integration{Type: "HTTP", HTTPMethod: "GET",
			URI: "https://${stageVariables.host}/x", RequestTemplates: map[string]string{"application/json": "%{ if x }"}}}}}}}}
	tf, _, _ := Terraform(d, Options{})
	if !strings.Contains(string(tf[0].Data), `"uri": "https://$${stageVariables.host}/x"`) || !strings.Contains(string(tf[0].Data), `%%{ if x }`) {
		t.Errorf("Terraform did not escape ${ and %%{:\n%s", tf[0].Data)
	}
	pu, _, _ := Pulumi(d, Options{})
	if !strings.Contains(string(pu[0].Data), "uri: https://$${stageVariables.host}/x") {
		t.Errorf("Pulumi did not escape ${:\n%s", pu[0].Data)
	}
	cf, _, _ := CloudFormation(d, Options{})
	if !strings.Contains(string(cf[0].Data), `"Uri": "https://${stageVariables.host}/x"`) {
		t.Errorf("CloudFormation changed a literal uri:\n%s", cf[0].Data)
	}
}

func TestEmitErrors(t *testing.T) {
	if _, _, err := Emit("ansible", &apimodel.Dump{REST: &apimodel.RestDump{}}, Options{}); err == nil || !strings.Contains(err.Error(), "calls") {
		t.Errorf("unknown target: %v", err)
	}
	for _, target := range Targets {
		if _, _, err := Emit(target, &apimodel.Dump{}, Options{}); err == nil {
			t.Errorf("%s: an empty dump gave no error", target)
		}
	}
}

// TestMinimalDumps renders dumps that hold only part of an API (a bare
// get-resources or get-routes output): defaults fill the API's name.
func TestMinimalDumps(t *testing.T) {
	for _, in := range []string{`{"items": [{"id": "r", "path": "/"}]}`, `{"Items": [{"RouteId": "a", "RouteKey": "$default"}]}`} {
		d, diags := apimodel.Load("in", []byte(in))
		if d == nil || len(diags) > 0 {
			t.Fatal(diags)
		}
		for _, target := range Targets {
			files, _, err := Emit(target, d, Options{})
			if err != nil || len(files) != 1 || !strings.Contains(string(files[0].Data), "api") {
				t.Errorf("%s %s: %v", in, target, err)
			}
		}
	}
}

func TestSortedModelsPutsReferencesFirst(t *testing.T) {
	ms := []*apimodel.Model{
		{Name: "A", Schema: `{"items": {"$ref": "https://apigateway.amazonaws.com/restapis/x/models/Z"}}`},
		{Name: "B"},
		{Name: "Z", Schema: `{"$ref": "https://apigateway.amazonaws.com/restapis/x/models/B"}`},
	}
	var got []string
	for _, m := range sortedModels(ms) {
		got = append(got, m.Name)
	}
	if strings.Join(got, ",") != "B,Z,A" {
		t.Errorf("order %v; want B,Z,A", got)
	}
}
