package openapi_test

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
)

const exampleDoc = `openapi: 3.0.1
info: {title: Pets, version: "1"}
servers:
  - url: https://example.com/v1
paths:
  /pets/{id}:
    get:
      operationId: GetPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://backend.example.com/pets/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id
        responses:
          default: {statusCode: "200"}
`

func ExampleImport() {
	docs, _, _ := openapi.Load("pets.yaml", []byte(exampleDoc), openapi.LoadOptions{})
	dump, diags := openapi.Import(docs[0], openapi.ImportOptions{BasePath: openapi.BasePathPrepend})
	for _, r := range dump.REST.Resources {
		fmt.Println(r.Path)
	}
	m := dump.REST.Resources[len(dump.REST.Resources)-1].ResourceMethods["GET"]
	fmt.Println(m.OperationName, m.RequestParameters, m.MethodIntegration.Type, m.MethodIntegration.PassthroughBehavior, *m.MethodIntegration.TimeoutInMillis)
	fmt.Println(len(diags), "diagnostics")
	// Output:
	// /
	// /v1
	// /v1/pets
	// /v1/pets/{id}
	// GetPet map[method.request.path.id:true] HTTP WHEN_NO_MATCH 29000
	// 0 diagnostics
}

func ExampleExport() {
	docs, _, _ := openapi.Load("pets.yaml", []byte(exampleDoc), openapi.LoadOptions{})
	dump, _ := openapi.Import(docs[0], openapi.ImportOptions{})
	root, _ := openapi.Export(dump, openapi.ExportOptions{To: openapi.Swagger2, Extensions: []string{"integrations"}, Stage: "prod"})
	out, _ := source.WriteYAML(root)
	fmt.Print(string(out))
	// Output:
	// swagger: '2.0'
	// info:
	//   version: '1'
	//   title: Pets
	// host: 9bohqe0g3p.execute-api.us-east-1.amazonaws.com
	// basePath: /prod
	// schemes:
	//   - https
	// paths:
	//   /pets/{id}:
	//     get:
	//       operationId: GetPet
	//       parameters:
	//         - name: id
	//           in: path
	//           required: true
	//           type: string
	//       responses:
	//         '200':
	//           description: 200 response
	//       x-amazon-apigateway-integration:
	//         type: http
	//         httpMethod: GET
	//         uri: https://backend.example.com/pets/{id}
	//         responses:
	//           default:
	//             statusCode: '200'
	//         requestParameters:
	//           integration.request.path.id: method.request.path.id
	//         passthroughBehavior: when_no_match
}

func ExampleConvert() {
	docs, _, _ := openapi.Load("pets.yaml", []byte(exampleDoc), openapi.LoadOptions{})
	root, diags := openapi.Convert(docs[0], openapi.Swagger2)
	out, _ := source.WriteYAML(root)
	head, _, _ := strings.Cut(string(out), "paths:")
	fmt.Print(head)
	fmt.Println(len(diags), "diagnostics")
	// Output:
	// swagger: '2.0'
	// info:
	//   title: Pets
	//   version: "1"
	// host: example.com
	// basePath: /v1
	// schemes:
	//   - https
	// 0 diagnostics
}

// A document put into an existing API, as PutRestApi does in merge mode:
// the existing API keeps its id and what the document does not define.
func ExampleImport_merge() {
	existing, _ := apimodel.Load("existing.json", []byte(`{
  "restApi": {"id": "a1b2c3d4e5", "name": "Pets", "binaryMediaTypes": ["image/heif"], "rootResourceId": "r0r0r0r0r0"},
  "resources": [{"id": "r0r0r0r0r0", "path": "/"},
    {"id": "h1h1h1h1h1", "parentId": "r0r0r0r0r0", "pathPart": "health", "path": "/health",
     "resourceMethods": {"GET": {"httpMethod": "GET", "authorizationType": "NONE"}}}]}`))
	docs, _, _ := openapi.Load("pets.yaml", []byte(exampleDoc), openapi.LoadOptions{})
	dump, _ := openapi.Import(docs[0], openapi.ImportOptions{Existing: existing, Mode: openapi.ModeMerge})
	fmt.Println(dump.REST.RestAPI.ID, dump.REST.RestAPI.BinaryMediaTypes)
	for _, r := range dump.REST.TreeOrder() {
		fmt.Println(r.Path, r.ID, apimodel.SortedMethods(r))
	}
	// Output:
	// a1b2c3d4e5 [image/heif]
	// / r0r0r0r0r0 []
	// /health h1h1h1h1h1 [GET]
	// /pets ij71vriczp []
	// /pets/{id} 7vuwz66zak [GET]
}

// An API written as CloudFormation resources is read into the model import
// builds; its document is an export positioned in the template.
func ExampleImport_resources() {
	docs, _, _ := openapi.Load("template.yaml", []byte(`Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: pets}
  Pets:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: pets}
  ListPets:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Pets
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ListFunction.Arn}/invocations
`), openapi.LoadOptions{})
	dump, _ := openapi.Import(docs[0], openapi.ImportOptions{})
	m := dump.REST.Resources[1].ResourceMethods["GET"]
	fmt.Println(dump.REST.RestAPI.Name, dump.REST.Resources[1].Path, m.MethodIntegration.Intrinsics.At("uri").Fn())
	op := docs[0].Operation("/pets", "GET")
	fmt.Println("operation at line", op.Node.Line)
	// Output:
	// pets /pets Fn::Sub
	// operation at line 9
}

// A Terraform JSON file of API Gateway resources is read the same way.
func ExampleIsTerraform() {
	tree, _, _ := source.Parse("main.tf.json", []byte(`{"resource": {"aws_api_gateway_rest_api": {"Api": {"name": "pets"}}}}`), source.Limits{})
	fmt.Println(openapi.IsTerraform(tree.Content[0]))
	// Output: true
}
