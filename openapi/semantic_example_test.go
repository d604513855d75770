package openapi_test

import (
	"context"
	"fmt"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"go.yaml.in/yaml/v4"
)

func ExampleNewSemantic() {
	src := []byte(`openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200": {$ref: "#/components/responses/Pets"}
`)
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		panic(err)
	}
	s := openapi.NewSemantic(context.Background(), &doc, openapi.SemanticOptions{File: "pets.yaml"})
	fmt.Println(s.Version, s.V3 != nil)
	for _, d := range s.Diagnostics {
		fmt.Println(d)
	}
	// Output:
	// 3.0.1 true
	// pets.yaml:7:23: warning: $ref "#/components/responses/Pets" points at nothing in the document: there is no /components; API Gateway's import warns about a missing reference and goes on: define the target, or correct the reference [APIGW053]
}

func ExampleNodeAt() {
	var doc yaml.Node
	_ = yaml.Unmarshal([]byte("paths:\n  /pets/{id}:\n    get: {operationId: getPet}\n"), &doc)
	n := source.NodeAt(&doc, "/paths/~1pets~1{id}/get/operationId")
	fmt.Println(n.Value, n.Line, n.Column)
	// Output:
	// getPet 3 24
}
