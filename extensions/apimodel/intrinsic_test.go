package apimodel

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestIntrinsicsLoadAndMarshal loads a dump whose strings are written as
// intrinsic functions (long form in JSON, short tags in YAML), and checks
// that Marshal writes each in its long form where it stood, that the plain
// fields hold their text, and that the output loads to the same bytes.
func TestIntrinsicsLoadAndMarshal(t *testing.T) {
	src := `restApi:
  name: !Sub "${AWS::StackName}-api"
  endpointConfiguration:
    types: [REGIONAL]
    vpcEndpointIds: [!Ref Endpoint]
  policy:
    Statement:
      - Resource: !Sub "execute-api:/${Stage}/*"
resources:
  - id: r
    path: /
    resourceMethods:
      GET:
        methodIntegration:
          type: AWS_PROXY
          uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"
          credentials: {"Fn::GetAtt": [Role, Arn]}
          requestParameters:
            integration.request.header.x-stage: !If [IsProd, "'prod'", "'dev'"]
          integrationResponses:
            "200":
              statusCode: "200"
              responseTemplates:
                application/json: !Join ["", ["{\"region\": \"", !Ref "AWS::Region", "\"}"]]
`
	d, diags := Load("t.yaml", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("%v", diags)
	}
	in := d.REST.Resources[0].ResourceMethods["GET"].MethodIntegration
	if got := in.URI; got != "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations" {
		t.Errorf("uri text %q", got)
	}
	if x := in.Intrinsics.At("uri"); x == nil || x.Fn() != "Fn::Sub" || x.Line != 16 || x.Pointer != "/resources/0/resourceMethods/GET/methodIntegration/uri" {
		t.Errorf("uri intrinsic %+v", x)
	}
	if x := in.Intrinsics.At("requestParameters/integration.request.header.x-stage"); x == nil || x.Fn() != "Fn::If" {
		t.Errorf("request parameter intrinsic %+v", x)
	}
	if got := in.IntegrationResponses["200"].ResponseTemplates["application/json"]; got != `{"region": "${AWS::Region}"}` {
		t.Errorf("template text %q", got)
	}
	out, err := d.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"name":{"Fn::Sub":"${AWS::StackName}-api"}`,
		`"vpcEndpointIds":[{"Ref":"Endpoint"}]`,
		`"policy":"{\"Statement\":[{\"Resource\":{\"Fn::Sub\":\"execute-api:/${Stage}/*\"}}]}"`,
		`"credentials":{"Fn::GetAtt":["Role","Arn"]}`,
		`"integration.request.header.x-stage":{"Fn::If":["IsProd","'prod'","'dev'"]}`,
		`"application/json":{"Fn::Join":["",["{\"region\": \"",{"Ref":"AWS::Region"},"\"}"]]}`,
	} {
		if !strings.Contains(compact.String(), want) {
			t.Errorf("Marshal lacks %s in\n%s", want, compact.String())
		}
	}
	again, diags := Load("again.json", out)
	if len(diags) > 0 {
		t.Fatalf("%v", diags)
	}
	out2, _ := again.Marshal()
	if string(out2) != string(out) {
		t.Errorf("Marshal(Load(Marshal(d))) differs:\n%s\n%s", out, out2)
	}
}

// TestIntrinsicWhereAllowed accepts an intrinsic in any string member of a
// struct that keeps them, enums included (a template may choose an
// endpoint type with !Ref), and refuses one elsewhere, as before.
func TestIntrinsicWhereAllowed(t *testing.T) {
	d, diags := Load("t.json", []byte(`{"restApi": {"apiKeySource": {"Ref": "Source"}}, "resources": [{"id": "r", "path": "/"}]}`))
	if len(diags) != 0 || d.REST.RestAPI.Intrinsics.At("apiKeySource") == nil {
		t.Errorf("%v", diags)
	}
	_, diags = Load("t.json", []byte(`{"restApi": {}, "resources": [{"id": "r", "path": {"Ref": "Path"}}]}`))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "must be a string") {
		t.Errorf("%v", diags)
	}
}

func TestSubTemplate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`!Sub "a-${AWS::Region}"`, "a-${AWS::Region}"},
		{`!Ref Stage`, "${Stage}"},
		{`!GetAtt Fn.Arn`, "${Fn.Arn}"},
		{`{"Fn::GetAtt": ["Fn", "Arn"]}`, "${Fn.Arn}"},
		{`!Sub ["${A}/${B}/${!C}", {A: !Ref X, B: "lit${x}"}]`, "${X}/lit${!x}/${!C}"},
		{`!Join [":", ["arn", !Ref "AWS::Partition", "${not}"]]`, "arn:${AWS::Partition}:${!not}"},
		{`!If [C, a, b]`, ""},
		{`!ImportValue Out`, ""},
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(c.in), &n); err != nil {
			t.Fatal(err)
		}
		x := NewIntrinsic(n.Content[0])
		got, ok := x.SubTemplate()
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: %q %v, want %q", c.in, got, ok, c.want)
		}
	}
}

func TestSplitSub(t *testing.T) {
	got := SplitSub("arn:${AWS::Partition}:x/${!Lit}/${ Fn.Arn }")
	want := []SubPart{{Text: "arn:"}, {Var: "AWS::Partition"}, {Text: ":x/${Lit}/"}, {Var: "Fn.Arn"}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
