package openapi_test

import (
	"fmt"
	"strings"

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
