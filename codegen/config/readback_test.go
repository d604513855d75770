package config

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/openapi"
)

// TestTerraformReadBack: the Terraform this package writes is read back
// (openapi reads aws_api_gateway_* resources as the CloudFormation they
// stand for) into the API it was written from, except what a variable
// cannot say: an input named after a resource's attribute is that input.
func TestTerraformReadBack(t *testing.T) {
	first, opts := importFixture(t, "../import/resources-rest.yaml")
	files, diags, err := Terraform(first, opts)
	if err != nil || files == nil {
		t.Fatal(err, diags)
	}
	docs, ldiags, err := openapi.Load("main.tf.json", files[0].Data, openapi.LoadOptions{})
	if err != nil || len(docs) != 1 || docs[0].Model == nil || hasErrorDiag(ldiags) {
		t.Fatalf("%v %v", err, ldiags)
	}
	back, _ := openapi.Import(docs[0], openapi.ImportOptions{})
	a, b := comparableDump(t, first), comparableDump(t, back)
	b = bytes.ReplaceAll(b, []byte("${PetsFunctionArn}"), []byte("${PetsFunction.Arn}"))
	if !bytes.Equal(a, b) {
		t.Errorf("the API read back from Terraform differs:\n%s", lineDiff(a, b))
	}
	if st := back.REST.Stages; len(st) != 1 || st[0].Intrinsics.At("stageName") == nil {
		t.Errorf("stage %+v", st)
	}
}

// TestResourceTemplateConfig: an API written as resources deploys like
// one written as a definition: its CloudFormation keeps the API's logical
// id, and the template's stage.
func TestResourceTemplateConfig(t *testing.T) {
	d, opts := importFixture(t, "../import/resources-rest.yaml")
	files, diags, _ := CloudFormation(d, opts)
	if files == nil {
		t.Fatal(diags)
	}
	out := string(files[0].Data)
	for _, want := range []string{`"Api": {` + "\n" + `      "Type": "AWS::ApiGateway::RestApi"`, `"StageName": {` + "\n" + `          "Ref": "Stage"`, `"PetsFunction.Arn"`} {
		if !strings.Contains(out, want) {
			t.Errorf("CloudFormation lacks %s", want)
		}
	}
	for _, d := range diags {
		if d.Severity == diag.Error {
			t.Error(d)
		}
	}
}
