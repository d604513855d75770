package openapi_test

import (
	"fmt"

	"github.com/apigw/apigw/openapi"
)

// The resolved model: parameters merged and $refs followed, with the
// pointer of each item, read by one set of rules.
func ExampleOperation_Parameters() {
	docs, _, _ := openapi.LoadFile("../fixtures/model/oas30.yaml", openapi.LoadOptions{})
	op := docs[0].Operation("/pets/{petId}", "GET")
	for _, p := range op.Parameters {
		fmt.Println(p.In, p.Name, p.Required, p.Pointer)
	}
	fmt.Println(op.Response("200").Content[0].Schema.Name, op.IsProxy())
	// Output:
	// path petId true /components/parameters/PetId
	// header trace false /paths/~1pets~1{petId}/get/parameters/3
	// query verbose true /paths/~1pets~1{petId}/get/parameters/0
	// query quiet true /paths/~1pets~1{petId}/get/parameters/1
	// query limit false /paths/~1pets~1{petId}/get/parameters/2
	// Pet true
}
