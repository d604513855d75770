package openapi_test

import (
	"fmt"

	"github.com/apigw/apigw/openapi"
)

// A MOCK integration's response template rendered offline and compared
// with the model of the method response.
func ExampleOperation_ResponseShapes() {
	src := []byte(`openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, example: 7}}
      responses:
        "200":
          description: a pet
          content:
            application/json:
              schema:
                type: object
                properties: {id: {type: integer}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseTemplates:
              application/json: '{"id": "$input.params(''id'')"}'
`)
	docs, _, _ := openapi.Load("pets.yaml", src, openapi.LoadOptions{})
	for _, s := range docs[0].Operation("/pets/{id}", "GET").ResponseShapes() {
		fmt.Println(s.Status, s.Verdict, s.Output)
		fmt.Println(s.Detail)
	}
	// Output:
	// 200 mismatch {"id": "7"}
	// at '/id': got string, want integer
}

func ExampleDocument_ResponseExample() {
	src := []byte(`swagger: "2.0"
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      produces: [application/json]
      responses:
        "200":
          description: pets
          examples:
            application/json: [{id: 1}]
`)
	docs, _, _ := openapi.Load("pets.yaml", src, openapi.LoadOptions{})
	op := docs[0].Operation("/pets", "GET")
	ex := docs[0].ResponseExample(op.Response("200"), "application/json")
	fmt.Println(ex.Line, ex.Content[0].Content[1].Value)
	// Output: 11 1
}

func ExampleParameter_Example() {
	src := []byte(`openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer, default: 20}}
        - {name: sort, in: query, schema: {type: string, enum: [name, age]}}
        - {name: q, in: query, schema: {type: string}}
      responses: {"200": {description: OK}}
`)
	docs, _, _ := openapi.Load("pets.yaml", src, openapi.LoadOptions{})
	for _, p := range docs[0].Operation("/pets", "GET").Parameters {
		v, ok := p.Example()
		fmt.Println(p.Name, p.Type(), v, ok)
	}
	// Output:
	// limit integer 20 true
	// sort string name true
	// q string  false
}
