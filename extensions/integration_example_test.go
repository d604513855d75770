package extensions_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/javaregex"
	"go.yaml.in/yaml/v4"
)

func ExampleDecodeIntegration() {
	src := `
type: AWS
httpMethod: POST
uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations
responses:
  default:
    statusCode: 200
  'Not found.*':
    statusCode: "404"
    responseTemplates:
      application/json: '{"message": $input.json("$.errorMessage")}'
  '-':
    statusCode: "500"
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		panic(err)
	}
	integ, diags := extensions.DecodeIntegration(&doc, "/paths/~1pets/get/x-amazon-apigateway-integration", extensions.KindREST)
	fmt.Println("type:", integ.Type, "lambda:", integ.Type.Is(extensions.TypeAWS))
	for _, p := range integ.Responses {
		fmt.Printf("pattern %q -> %s\n", extensions.SelectionPattern(p.Key), p.Value.StatusCode)
	}
	for _, d := range diags {
		fmt.Println(d)
	}
	// Output:
	// type: AWS lambda: true
	// pattern "" -> 200
	// pattern "Not found.*" -> 404
	// pattern "-" -> 500
	// <input>:12:3: info: selection pattern "-" only matches the text "-"; to catch every other response write the key "default" [APIGW118]
}

func ExampleIntegration_RESTIntegrationResponses() {
	var doc yaml.Node
	_ = yaml.Unmarshal([]byte(`{type: mock, responses: {'5\d{2}': {statusCode: 500}, default: {statusCode: '200'}}}`), &doc)
	v, _ := extensions.Decode(extensions.ExtIntegration, &doc, "")
	for _, r := range v.(*extensions.Integration).RESTIntegrationResponses() {
		fmt.Printf("%s %q default=%v\n", r.StatusCode, r.SelectionPattern, r.IsDefault())
	}
	// Output:
	// 200 "" default=true
	// 500 "5\\d{2}" default=false
}

func ExampleDecodeIntegrations() {
	var doc yaml.Node
	_ = yaml.Unmarshal([]byte(`
pets:
  type: aws_proxy
  uri: arn:aws:lambda:us-east-1:123456789012:function:pets
  payloadFormatVersion: "2.0"
  timeoutInMillis: 31000
`), &doc)
	integs, diags := extensions.DecodeIntegrations(&doc, "/components/x-amazon-apigateway-integrations", extensions.KindHTTP)
	fmt.Println(integs.Integrations.Keys())
	for _, d := range diags {
		fmt.Println(d.Code, d.Pointer)
	}
	// Output:
	// [pets]
	// APIGW108 /components/x-amazon-apigateway-integrations/pets/timeoutInMillis
}

func ExampleIntegration_RefName() {
	var doc yaml.Node
	_ = yaml.Unmarshal([]byte(`$ref: "#/components/x-amazon-apigateway-integrations/pets"`), &doc)
	integ, _ := extensions.DecodeIntegration(&doc, "", extensions.KindHTTP)
	fmt.Println(integ.IsRef(), integ.RefName())
	// Output: true pets
}

func ExampleResponsesFromREST() {
	responses, err := extensions.ResponsesFromREST([]extensions.IntegrationResponse{
		{StatusCode: "400", SelectionPattern: "Invalid.*"},
		{StatusCode: "200"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(responses.Keys())
	// Output: [default Invalid.*]
}

// A CloudFormation template may choose between two values with Fn::If;
// CloudFormation resolves the condition before API Gateway reads the
// document, so each branch is checked where it is written.
func ExampleIfBranches() {
	var doc yaml.Node
	_ = yaml.Unmarshal([]byte("!If [UseMock, {type: mock}, !Ref AWS::NoValue]"), &doc)
	extensions.IfBranches(doc.Content[0], "/paths/~1a/get/x-amazon-apigateway-integration", func(b *yaml.Node, ptr string) {
		fmt.Println(ptr, b.Line, b.Column)
	})
	// Output:
	// /paths/~1a/get/x-amazon-apigateway-integration/1 1 15
}

func ExampleDecodeWithin() {
	// The extensions of one document share one budget for their patterns.
	budget := javaregex.NewBudget(javaregex.DefaultBudget)
	var doc yaml.Node
	yaml.Unmarshal([]byte(`{type: mock, responses: {default: {statusCode: '200'}, '.*Not.*': {statusCode: '404'}, '.*found.*': {statusCode: '410'}}}`), &doc)
	_, diags := extensions.DecodeWithin(extensions.ExtIntegration, doc.Content[0], "/x-amazon-apigateway-integration", budget)
	for _, d := range diags {
		fmt.Println(d.Code, d.Pointer)
	}
	// Output:
	// APIGW353 /x-amazon-apigateway-integration/responses/.*found.*
}
