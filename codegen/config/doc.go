// Package config turns an API model (package apimodel) into deployment
// configuration, returned as files in memory for the caller to write:
//
//   - calls: the ordered API Gateway calls that create the API, each input
//     in the SDK's JSON shape (calls.json);
//   - cloudformation: an AWS CloudFormation template with explicit
//     AWS::ApiGateway::* or AWS::ApiGatewayV2::* resources and the
//     AWS::Lambda::Permission each Lambda integration and authorizer needs
//     (template.json);
//   - terraform: Terraform JSON syntax with aws_api_gateway_* or
//     aws_apigatewayv2_* resources (main.tf.json);
//   - pulumi: a Pulumi YAML program with aws:apigateway:* or
//     aws:apigatewayv2:* resources (Pulumi.yaml).
//
// CloudFormation, Terraform and Pulumi render one graph of resources, built
// once from the model, in which each argument of each resource is mapped
// once with its name in each syntax.
//
// Output is deterministic: the same model gives the same bytes.
package config
