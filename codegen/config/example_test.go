package config_test

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/codegen/config"
	"github.com/apigw/apigw/extensions/apimodel"
)

const dump = `{"restApi": {"id": "abc", "name": "hello", "rootResourceId": "r0"},
 "resources": [{"id": "r0", "path": "/", "resourceMethods": {"GET": {"authorizationType": "NONE",
   "methodIntegration": {"type": "AWS_PROXY", "httpMethod": "POST",
     "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:hello/invocations"}}}}]}`

func load() *apimodel.Dump {
	d, _ := apimodel.Load("dump.json", []byte(dump))
	return d
}

func ExampleEmit() {
	for _, target := range config.Targets {
		files, _, err := config.Emit(target, load(), config.Options{})
		if err != nil {
			fmt.Println(err)
			continue
		}
		for _, f := range files {
			fmt.Println(target, f.Name)
		}
	}
	// Output:
	// calls calls.json
	// cloudformation template.json
	// terraform main.tf.json
	// pulumi Pulumi.yaml
}

func ExampleCalls() {
	files, _, _ := config.Calls(load(), config.Options{})
	for _, line := range strings.Split(string(files[0].Data), "\n") {
		if strings.Contains(line, `"operation"`) || strings.Contains(line, `"ref"`) {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// "operation": "CreateRestApi",
	// "operation": "PutMethod",
	// "ref": "CreateRestApi#1.id"
	// "ref": "CreateRestApi#1.rootResourceId"
	// "operation": "PutIntegration",
	// "ref": "CreateRestApi#1.id"
	// "ref": "CreateRestApi#1.rootResourceId"
}

func ExampleCloudFormation() {
	files, _, _ := config.CloudFormation(load(), config.Options{})
	for _, line := range strings.Split(string(files[0].Data), "\n") {
		if strings.Contains(line, `"Type": "AWS::`) || strings.Contains(line, "execute-api") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// "Type": "AWS::ApiGateway::RestApi",
	// "Type": "AWS::ApiGateway::Method",
	// "Type": "AWS::Lambda::Permission",
	// "Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/"
	// "Type": "AWS::ApiGateway::Deployment",
	// "Type": "AWS::ApiGateway::Stage",
	// "https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}",
}

func ExampleTerraform() {
	files, _, _ := config.Terraform(load(), config.Options{})
	for _, line := range strings.Split(string(files[0].Data), "\n") {
		if strings.Contains(line, "source_arn") || strings.Contains(line, `"resource_id"`) {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// "resource_id": "${aws_api_gateway_rest_api.Api.root_resource_id}",
	// "resource_id": "${aws_api_gateway_rest_api.Api.root_resource_id}",
	// "source_arn": "${aws_api_gateway_rest_api.Api.execution_arn}/*/GET/"
}

func ExamplePulumi() {
	files, _, _ := config.Pulumi(load(), config.Options{})
	for _, line := range strings.Split(string(files[0].Data), "\n") {
		if strings.Contains(line, "type: aws:") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// type: aws:apigateway:RestApi
	// type: aws:apigateway:Method
	// type: aws:apigateway:Integration
	// type: aws:lambda:Permission
	// type: aws:apigateway:Deployment
	// type: aws:apigateway:Stage
}
