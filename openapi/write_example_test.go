package openapi_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

func ExampleWriteYAML() {
	var doc yaml.Node
	_ = yaml.Load([]byte(`openapi: 3.0.1 # version
paths:
    /pets:
        get:
            x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: !Sub "arn:${AWS::Partition}:apigateway"}
`), &doc)
	out, _ := source.WriteYAML(&doc)
	fmt.Print(string(out))
	// Output:
	// openapi: 3.0.1 # version
	// paths:
	//   /pets:
	//     get:
	//       x-amazon-apigateway-integration:
	//         type: aws_proxy
	//         httpMethod: POST
	//         uri: !Sub "arn:${AWS::Partition}:apigateway"
}

func ExampleWriteJSON() {
	var doc yaml.Node
	_ = yaml.Load([]byte(`timeoutInMillis: 0x7530 # hex
weight: 1.0
uri: !GetAtt Fn.Arn
`), &doc)
	out, _ := source.WriteJSON(&doc)
	fmt.Print(string(out))
	// Output:
	// {
	//   "timeoutInMillis": 30000,
	//   "weight": 1.0,
	//   "uri": {
	//     "Fn::GetAtt": [
	//       "Fn",
	//       "Arn"
	//     ]
	//   }
	// }
}

func ExampleRestyle() {
	var doc yaml.Node
	_ = yaml.Load([]byte(`{"statusCode": "200", "type": "mock", "template": "{\n  \"a\": 1\n}"}`), &doc)
	out, _ := source.WriteYAML(source.Restyle(&doc))
	fmt.Print(string(out))
	// Output:
	// statusCode: '200'
	// type: mock
	// template: |-
	//   {
	//     "a": 1
	//   }
}
