package openapi_test

import (
	"errors"
	"fmt"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
)

func ExampleLoad() {
	src := []byte(`openapi: 3.0.1
info: {title: pets, version: "1"}
x-amazon-apigateway-request-validators:
  all: {validateRequestBody: true, validateRequestParameters: true}
paths:
  /pets:
    get:
      x-amazon-apigateway-request-validator: all
    post:
      x-amazon-apigateway-request-validators: {}
`)
	docs, diags, err := openapi.Load("pets.yaml", src, openapi.LoadOptions{})
	if err != nil {
		panic(err) // a safety limit refused the input: exit code 3
	}
	for _, d := range diags {
		fmt.Println(d)
	}
	doc := docs[0]
	fmt.Println(doc.Kind, doc.Format, "HTTP API:", doc.HTTPAPI())
	for _, op := range doc.Operations() {
		v, _ := op.Effective(extensions.ExtRequestValidator).(*extensions.RequestValidatorName)
		if v != nil {
			fmt.Println(op.Method, op.Path, "validator:", v.Name)
		} else {
			fmt.Println(op.Method, op.Path, "no validator")
		}
	}
	// Output:
	// pets.yaml:10:7: warning: x-amazon-apigateway-request-validators is not read in an operation and is ignored by API Gateway, which reads it at the document root: move it there [APIGW040]
	// OpenAPI 3.0 yaml HTTP API: false
	// GET /pets validator: all
	// POST /pets no validator
}

func ExampleLoadFile() {
	docs, _, err := openapi.LoadFile("../fixtures/load/template.json", openapi.LoadOptions{})
	if err != nil {
		panic(err)
	}
	for _, d := range docs {
		fmt.Println(d.Resource, d.ResourceType, d.Kind, "HTTP API:", d.HTTPAPI(), "at", d.Pointer)
	}
	// Output:
	// Rest AWS::ApiGateway::RestApi Swagger 2.0 HTTP API: false at /Resources/Rest/Properties/Body
	// Http AWS::ApiGatewayV2::Api OpenAPI 3.0 HTTP API: true at /Resources/Http/Properties/Body
}

func ExampleParse() {
	tree, format, err := source.Parse("a.json", []byte(`{"openapi": "3.0.1",
  "paths": {}}`), source.Limits{})
	if err != nil {
		panic(err)
	}
	paths := tree.Content[0].Content[2]
	fmt.Println(format, paths.Value, "at", paths.Line, paths.Column)

	_, _, err = source.Parse("b.yaml", []byte("a: &a [x, x]\nb: [*a, *a, *a]\n"), source.Limits{MaxAliasNodes: 5})
	var le *source.LimitError
	fmt.Println(errors.As(err, &le), le.Limit, le.Line, le.Column)
	// Output:
	// json paths at 2 3
	// true alias 2 9
}

func ExampleDuplicateKeys() {
	tree, _, _ := source.Parse("d.json", []byte(`{"a": 1, "a": 2}`), source.Limits{})
	for _, d := range source.DuplicateKeys(tree, "") {
		fmt.Println(d.Pointer, d.Message)
	}
	// Output:
	// /a duplicate key "a": first at 1:2, again at 1:10; API Gateway keeps the last value, so the one at 1:2 is lost: keep one and remove or rename the other
}

func ExampleDetectKind() {
	tree, _, _ := source.Parse("k.yaml", []byte("swagger: '2.0'\n"), source.Limits{})
	kind, version, diag := openapi.DetectKind(tree.Content[0], "")
	fmt.Println(kind, version, diag == nil)
	// Output:
	// Swagger 2.0 2.0 true
}

func ExampleDetectFormat() {
	fmt.Println(source.DetectFormat([]byte("  {\"openapi\": \"3.0.1\"}")), source.DetectFormat([]byte("openapi: 3.0.1")))
	// Output:
	// json yaml
}

// The evidence rule: REST-only features outweigh HTTP-only ones.
func ExampleClassify() {
	src := `openapi: 3.0.1
x-amazon-apigateway-cors: {allowOrigins: ['*']}
x-amazon-apigateway-gateway-responses: {DEFAULT_4XX: {statusCode: "400"}}
`
	tree, _, _ := source.Parse("h.yaml", []byte(src), source.Limits{})
	ev := openapi.Classify(tree.Content[0], openapi.OpenAPI30)
	kind, guessed := ev.Kind()
	fmt.Println(ev.REST, ev.HTTP, kind, guessed)
	// Output:
	// [x-amazon-apigateway-gateway-responses] [x-amazon-apigateway-cors] REST API true
}

func ExampleDocument_Operation() {
	docs, _, _ := openapi.Load("o.yaml", []byte("openapi: 3.0.1\npaths:\n  /a:\n    x-amazon-apigateway-any-method: {}\n"), openapi.LoadOptions{})
	op := docs[0].Operation("/a", "ANY")
	fmt.Println(op.Method, op.Key, op.Pointer)
	// Output:
	// ANY x-amazon-apigateway-any-method /paths/~1a/x-amazon-apigateway-any-method
}
