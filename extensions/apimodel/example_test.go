package apimodel_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions/apimodel"
)

func ExampleLoad() {
	dump, diags := apimodel.Load("resources.json", []byte(`{"items": [
	  {"id": "abc123", "path": "/", "resourceMethods": {"GET": {"httpMethod": "GET", "authorizationType": "NONE"}}},
	  {"id": "def456", "parentId": "abc123", "pathPart": "pets", "path": "/pets", "resourceMethods": {"POST": {"authorizationType": "IAM"}}}
	]}`))
	for _, r := range dump.REST.Resources {
		fmt.Println(r.Path, apimodel.SortedMethods(r))
	}
	for _, d := range diags {
		fmt.Println(d)
	}
	// Output:
	// / [GET]
	// /pets [POST]
	// resources.json:3:130: error: authorizationType "IAM" is not one of NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS [APIGW101]
}

func ExampleDump_Marshal() {
	dump, _ := apimodel.Load("api.json", []byte(`{"api": {"Name": "chat", "ProtocolType": "WEBSOCKET", "RouteSelectionExpression": "$request.body.action"},
	  "routes": [{"RouteKey": "$disconnect"}, {"RouteKey": "$connect"}]}`))
	out, _ := dump.Marshal()
	fmt.Print(string(out))
	// Output:
	// {
	//   "api": {
	//     "Name": "chat",
	//     "ProtocolType": "WEBSOCKET",
	//     "RouteSelectionExpression": "$request.body.action"
	//   },
	//   "routes": [
	//     {
	//       "RouteKey": "$connect"
	//     },
	//     {
	//       "RouteKey": "$disconnect"
	//     }
	//   ]
	// }
}

func ExampleStableID() {
	fmt.Println(apimodel.StableID("resource", "/pets") == apimodel.StableID("resource", "/pets"))
	// Output: true
}

func ExampleMethod_Parameters() {
	dump, _ := apimodel.Load("resources.json", []byte(`{"items": [{"id": "abc123", "path": "/", "resourceMethods": {"GET": {
	  "requestParameters": {"method.request.querystring.type": false, "method.request.querystring.page": false}}}}]}`))
	fmt.Println(dump.REST.Resources[0].ResourceMethods["GET"].Parameters())
	// Output: [method.request.querystring.type method.request.querystring.page]
}

func ExampleIntrinsic() {
	dump, _ := apimodel.Load("api.yaml", []byte(`resources:
  - id: r
    path: /
    resourceMethods:
      GET:
        methodIntegration:
          type: AWS_PROXY
          uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
`))
	in := dump.REST.Resources[0].ResourceMethods["GET"].MethodIntegration
	x := in.Intrinsics.At("uri")
	fmt.Println(x.Fn(), x.Line)
	fmt.Println(x.JSON())
	for _, p := range apimodel.SplitSub(in.URI) {
		if p.Var != "" {
			fmt.Println("variable", p.Var)
		}
	}
	// Output:
	// Fn::Sub 8
	// {"Fn::Sub":"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}
	// variable AWS::Partition
	// variable AWS::Region
	// variable Fn.Arn
}
