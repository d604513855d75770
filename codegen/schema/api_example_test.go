package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/apigw/apigw/codegen/schema"
	"github.com/apigw/apigw/openapi"
)

// ForAPI describes each operation's responses; a proxy integration's come
// from the responses the document declares.
func ExampleForAPI() {
	src := `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets/{id}:
    get:
      responses:
        "200":
          description: The pet
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
        "404": {description: Not found}
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string, nullable: true}}}
`
	docs, _, err := openapi.Load("pets.yaml", []byte(src), openapi.LoadOptions{})
	if err != nil {
		panic(err)
	}
	files, diags, err := schema.ForAPI(docs[0], schema.APIOptions{ID: "https://schemas.example.com/pets/"})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(diags), "diagnostics")
	for _, f := range files {
		fmt.Println(f.Name)
	}
	var s struct {
		ID    string `json:"$id"`
		OneOf []struct {
			Title string `json:"title"`
		} `json:"oneOf"`
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(files[0].Data, &s); err != nil {
		panic(err)
	}
	fmt.Println(s.ID)
	fmt.Println(s.OneOf[0].Title, s.OneOf[1].Title)
	var pet bytes.Buffer
	if err := json.Compact(&pet, s.Defs["Pet"]); err != nil {
		panic(err)
	}
	fmt.Println(pet.String())
	// Output:
	// 0 diagnostics
	// get-pets-id.json
	// index.json
	// https://schemas.example.com/pets/get-pets-id.json
	// 200 404
	// {"properties":{"name":{"type":["string","null"]}},"type":"object"}
}
