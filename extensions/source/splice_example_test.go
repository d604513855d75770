package source_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

func ExampleSplice() {
	src := []byte(`paths:
  /pets:
    get:
      # filled in by the pipeline
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: "LAMBDA_ARN"}

      responses: {}
`)
	var arn yaml.Node
	_ = yaml.Load([]byte("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Pets/invocations"), &arn)
	var timeout yaml.Node
	_ = yaml.Load([]byte("10000"), &timeout)
	out, err := source.Splice(src,
		source.Edit{Pointer: "/paths/~1pets/get/x-amazon-apigateway-integration/uri", Value: &arn},
		source.Edit{Pointer: "/paths/~1pets/get/x-amazon-apigateway-integration/timeoutInMillis", Value: &timeout},
	)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))
	// Output:
	// paths:
	//   /pets:
	//     get:
	//       # filled in by the pipeline
	//       x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Pets/invocations", timeoutInMillis: 10000}
	//
	//       responses: {}
}

func ExampleFormatYAML() {
	src := []byte(`Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole

#####################
# The API
#####################
  Api:
    Type: AWS::Serverless::Api
`)
	doc, _, err := source.Parse("template.yaml", src, source.Limits{})
	if err != nil {
		panic(err)
	}
	out, err := source.FormatYAML(src, doc)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))
	// Output:
	// Resources:
	//   Function:
	//     Type: AWS::Serverless::Function
	//     Properties:
	//       Policies:
	//         - AWSLambdaBasicExecutionRole
	//
	//   #####################
	//   # The API
	//   #####################
	//   Api:
	//     Type: AWS::Serverless::Api
}

func ExampleFormatYAMLOwned() {
	// A command that formats a file it has just read has no more use for
	// the tree, and lets the formatter change it instead of copying it.
	src := []byte("paths:\n    /pets:   # the pets\n        get: {}\n")
	doc, _, err := source.Parse("api.yaml", src, source.Limits{})
	if err != nil {
		panic(err)
	}
	out, err := source.FormatYAMLOwned(src, doc)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))
	// Output:
	// paths:
	//   /pets: # the pets
	//     get: {}
}

func ExampleSpliceWithin() {
	// A file read under a raised size limit (apigw's --max-size) is
	// spliced within the same limits.
	lim := source.Limits{MaxBytes: 64 << 20}
	src := []byte("{\"info\": {\"title\": \"Pets\", \"version\": \"1\"}}\n")
	var v yaml.Node
	_ = yaml.Load([]byte("\"2\""), &v)
	out, err := source.SpliceWithin(lim, src, source.Edit{Pointer: "/info/version", Value: &v})
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))
	// Output:
	// {"info": {"title": "Pets", "version": "2"}}
}
