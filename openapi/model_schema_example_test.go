package openapi_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
)

// SchemaAt follows the $ref of a schema the model does not list itself, such
// as a property of a response body; in Swagger 2.0 a bare name names a
// definition.
func ExampleDocument_SchemaAt() {
	src := `{"swagger": "2.0", "info": {"title": "Pets", "version": "1"}, "paths": {},
 "definitions": {"Pet": {"properties": {"owner": {"$ref": "Owner"}}}, "Owner": {"type": "string"}}}`
	docs, _, _ := openapi.Load("pets.json", []byte(src), openapi.LoadOptions{})
	d := docs[0]
	const ptr = "/definitions/Pet/properties/owner"
	s := d.SchemaAt(source.NodeAt(d.Root, ptr), ptr)
	fmt.Println(d.Info.Title, s.Name, s.TargetPointer, s.Resolved)
	// Output:
	// Pets Owner /definitions/Owner true
}
