package config

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
)

// importFixture imports the one API of a fixture under fixtures/config/,
// with the options that name its template.
func importFixture(t *testing.T, name string) (*apimodel.Dump, Options) {
	t.Helper()
	docs, diags, err := openapi.LoadFile(golden.Fixture(t, "config/"+name), openapi.LoadOptions{})
	if err != nil || len(docs) != 1 || hasErrors(diags) {
		t.Fatalf("%s: %v %v", name, err, diags)
	}
	d, idiags := openapi.Import(docs[0], openapi.ImportOptions{})
	if hasErrors(idiags) {
		t.Fatal(idiags)
	}
	opts := Options{Resource: docs[0].Resource}
	if docs[0].Embedded() {
		opts.Template = source.Resolve(docs[0].Tree)
	}
	return d, opts
}

// TestIntrinsicsPerTarget: CloudFormation writes the template's intrinsic
// functions as they were, declaring the parameters, conditions and
// mappings they use and a parameter for the function they name; Terraform
// and Pulumi refuse Fn::If, at its position, and write no file; the calls
// target refuses every function.
func TestIntrinsicsPerTarget(t *testing.T) {
	d, opts := importFixture(t, "sam-intrinsics.yaml")
	files, diags, err := CloudFormation(d, opts)
	if err != nil || len(files) != 1 || hasErrors(diags) {
		t.Fatalf("%v %v", err, diags)
	}
	out := string(files[0].Data)
	for _, want := range []string{`"PetsFunctionArn": {`, `"Default": "dev"`, `"IsProd": {`, `"Hosts": {`, `"Fn::If": [`,
		`"Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PetsFunctionArn}/invocations"`,
		`"FunctionName": {` + "\n" + `          "Ref": "PetsFunctionArn"`, `"PetsApi": {` + "\n" + `      "Type": "AWS::ApiGateway::RestApi"`} {
		if !strings.Contains(out, want) {
			t.Errorf("CloudFormation lacks %s", want)
		}
	}
	if strings.Contains(out, "UnusedParameter") {
		t.Error("CloudFormation declares a parameter the API does not use")
	}
	for _, target := range []string{"terraform", "pulumi"} {
		files, diags, err := Emit(target, d, opts)
		if err != nil || files != nil || len(diags) != 1 || diags[0].Code != diag.ConfigIntrinsic || diags[0].Line != 56 || !strings.Contains(diags[0].Message, "Fn::If") {
			t.Errorf("%s: %v %v %v", target, files, diags, err)
		}
	}
	files, diags, _ = Calls(d, opts)
	if files != nil || len(diags) != 4 {
		t.Errorf("calls: %d files, %v", len(files), diags)
	}
}

// TestIntrinsicsTranslated: Terraform and Pulumi write the pseudo
// parameters through the provider, template parameters and other resources
// as inputs named after them.
func TestIntrinsicsTranslated(t *testing.T) {
	d, opts := importFixture(t, "sam-intrinsics.yaml")
	for _, r := range d.REST.Resources {
		if r.Path == "/mode" {
			r.ResourceMethods = nil
		}
	}
	tf, diags, _ := Terraform(d, opts)
	if tf == nil {
		t.Fatal(diags)
	}
	for _, want := range []string{`"uri": "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}:lambda:path/2015-03-31/functions/${var.PetsFunctionArn}/invocations"`,
		`"uri": "https://backend.example.com/${var.Stage}"`, `"'${data.aws_caller_identity.current.account_id}'"`, `"function_name": "${var.PetsFunctionArn}"`,
		`"default": "dev"`, `"aws_region": {` + "\n" + `      "current": {}`} {
		if !strings.Contains(string(tf[0].Data), want) {
			t.Errorf("Terraform lacks %s:\n%s", want, tf[0].Data)
		}
	}
	pu, diags, _ := Pulumi(d, opts)
	if pu == nil {
		t.Fatal(diags)
	}
	for _, want := range []string{"uri: arn:${awsPartition}:apigateway:${awsRegion}:lambda:path/2015-03-31/functions/${PetsFunctionArn}/invocations",
		"function: aws:getRegion", "function: ${PetsFunctionArn}", "    default: dev"} {
		if !strings.Contains(string(pu[0].Data), want) {
			t.Errorf("Pulumi lacks %s:\n%s", want, pu[0].Data)
		}
	}
}

// TestPermissionWarnings: a Lambda integration whose function the output
// cannot name (a stage variable, a placeholder ARN) gets a warning and no
// permission; one written with Fn::Sub gets its permission.
func TestPermissionWarnings(t *testing.T) {
	uri := func(fn string) string {
		return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn + "/invocations"
	}
	for _, c := range []struct {
		uri  string
		warn string
	}{
		{uri("arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}"), "chosen by"},
		{uri("arn:aws:lambda:YOUR_REGION:YOUR_ACCOUNT:function:f"), "is not a Lambda function ARN"},
		{uri("arn:aws:lambda:us-east-1:123456789012:function:f"), ""},
	} {
		d := &apimodel.Dump{REST: &apimodel.RestDump{Resources: []*apimodel.Resource{{ID: "r", Path: "/", ResourceMethods: map[string]*apimodel.Method{
			"GET": {MethodIntegration: &apimodel.Integration{Type: "AWS_PROXY", HTTPMethod: "POST", URI: c.uri}}}}}}}
		files, diags, _ := CloudFormation(d, Options{})
		hasPermission := strings.Contains(string(files[0].Data), "AWS::Lambda::Permission")
		switch {
		case c.warn == "" && (!hasPermission || len(diags) > 0):
			t.Errorf("%s: %v, permission %v", c.uri, diags, hasPermission)
		case c.warn != "" && (hasPermission || len(diags) != 1 || diags[0].Code != diag.ConfigPermission || !strings.Contains(diags[0].Message, c.warn)):
			t.Errorf("%s: %v, permission %v", c.uri, diags, hasPermission)
		}
	}
}

// TestUnsupportedWarns: a setting a target has no argument for is named in
// a warning of that target only.
func TestUnsupportedWarns(t *testing.T) {
	d := &apimodel.Dump{REST: &apimodel.RestDump{Resources: []*apimodel.Resource{{ID: "r", Path: "/", ResourceMethods: map[string]*apimodel.Method{
		"GET": {MethodIntegration: &apimodel.Integration{Type: "HTTP", HTTPMethod: "GET", URI: "https://example.com",
			TLSConfig: &apimodel.TLSConfig{InsecureSkipVerification: boolPtr(true)}}}}}}}}
	_, diags, _ := CloudFormation(d, Options{})
	if len(diags) != 1 || diags[0].Code != diag.ConfigUnsupported || !strings.Contains(diags[0].Message, "tlsConfig") {
		t.Errorf("CloudFormation: %v", diags)
	}
	if _, diags, _ := Terraform(d, Options{}); len(diags) != 0 {
		t.Errorf("Terraform: %v", diags)
	}
}
