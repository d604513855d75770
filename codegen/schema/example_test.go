package schema_test

import (
	"fmt"

	"github.com/apigw/apigw/codegen/schema"
)

// Extensions gives one schema for every extension; Marshal renders it.
func ExampleExtensions() {
	s := schema.Extensions(schema.Options{})
	integration, _ := s.Properties.Get("x-amazon-apigateway-integration")
	fmt.Println(s.ID)
	fmt.Println(integration.Ref)
	fmt.Println(s.Definitions["Intrinsic"].PropertyNames.Pattern)
	// Output:
	// https://raw.githubusercontent.com/apigw/apigw/main/golden/schema/extensions.json
	// #/$defs/Integration
	// ^(?:Ref|Condition|Fn::[A-Za-z0-9]+)$
}

// Document checks whole OpenAPI documents; the $id can be set to where the
// schema is published.
func ExampleDocument() {
	s := schema.Document(schema.Options{ID: "https://schemas.example.com/openapi.json"})
	paths, _ := s.Properties.Get("paths")
	fmt.Println(s.ID)
	fmt.Println(paths.PatternProperties["^/"].Ref)
	op, _ := s.Definitions["PathItem"].Properties.Get("get")
	fmt.Println(op.Ref)
	// Output:
	// https://schemas.example.com/openapi.json
	// #/$defs/PathItem
	// #/$defs/Operation
}

func ExampleMarshal() {
	b, err := schema.Marshal(schema.Extensions(schema.Options{}))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b[:62]))
	// Output:
	// {
	//   "$schema": "https://json-schema.org/draft/2020-12/schema",
}
