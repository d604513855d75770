package openapi_test

import (
	"fmt"

	"github.com/apigw/apigw/openapi"
)

// SchemaAt follows the $ref of a schema the model does not list itself, such
// as a property of a response body.
func ExampleDocument_SchemaAt() {
	src := `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths: {}
components:
  schemas:
    Pet:
      properties:
        owner: {$ref: Owner}
    Owner: {type: string}
`
	docs, _, _ := openapi.Load("pets.yaml", []byte(src), openapi.LoadOptions{})
	d := docs[0]
	const ptr = "/components/schemas/Pet/properties/owner"
	s := d.SchemaAt(openapi.NodeAt(d.Root, ptr), ptr)
	fmt.Println(d.Title(), s.Name, s.TargetPointer, s.Resolved)
	// Output:
	// Pets Owner /components/schemas/Owner true
}
