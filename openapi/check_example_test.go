package openapi_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
)

func ExampleCheck() {
	src := []byte(`openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200": {description: OK}
      x-amazon-apigateway-integration:
        type: mock
        responses:
          default: {statusCode: "200"}
          "5\\d{2}": {statusCode: "500"}
`)
	docs, _, err := openapi.Load("pets.yaml", src, openapi.LoadOptions{})
	if err != nil {
		panic(err)
	}
	for _, d := range openapi.Check(docs[0]) {
		fmt.Println(d.Line, d.Column, d.Severity, d.Code, d.Pointer)
	}
	// Output:
	// 12 35 warning APIGW400 /paths/~1pets/get/x-amazon-apigateway-integration/responses/5\d{2}/statusCode
}

func ExampleChecks() {
	for _, c := range openapi.Checks() {
		fmt.Println(c.Name, c.Codes)
	}
	// Output:
	// method-responses [APIGW400]
	// response-headers [APIGW401]
	// request-parameters [APIGW402]
	// uri-path-parameters [APIGW403]
	// validator-names [APIGW404]
	// security-names [APIGW405 APIGW406]
	// integration-refs [APIGW407]
	// api-kind [APIGW408]
	// rest-paths [APIGW410]
	// rest-models [APIGW411 APIGW412]
	// rest-security [APIGW413 APIGW414]
	// http-api-rules [APIGW420 APIGW421 APIGW422]
	// missing-integrations [APIGW430]
	// mapping-templates [APIGW440 APIGW441 APIGW442 APIGW443 APIGW444]
}

func ExampleDocumentCheck_Run() {
	src := []byte(`openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets/{id}:
    get:
      responses:
        "200": {description: OK}
    delete:
      responses:
        "204": {description: Deleted}
      x-amazon-apigateway-integration: {type: mock}
`)
	docs, _, err := openapi.Load("pets.yaml", src, openapi.LoadOptions{})
	if err != nil {
		panic(err)
	}
	for _, c := range openapi.Checks() {
		if c.Name != "missing-integrations" && c.Name != "rest-paths" {
			continue
		}
		fmt.Println(c.Name, len(c.Run(docs[0])))
	}
	// Output:
	// rest-paths 0
	// missing-integrations 1
}

func ExampleCheckFile() {
	diags, err := openapi.CheckFile("../fixtures/check/names.yaml", openapi.LoadOptions{})
	if err != nil {
		panic(err) // a *LimitError: exit code 3
	}
	for _, d := range diags {
		fmt.Println(d.Line, d.Severity, d.Code)
	}
	// Output:
	// 7 warning APIGW404
	// 12 warning APIGW405
	// 13 warning APIGW404
	// 22 info APIGW406
}

func ExampleCheckData() {
	diags, _ := openapi.CheckData("a.json", []byte(`{"swagger": "2.0", "info": {"title": "a", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "OK"}}}}}}`), openapi.LoadOptions{})
	for _, d := range diags {
		fmt.Println(d.Code, d.Pointer)
	}
	// Output:
	// APIGW430 /paths/~1a/get
}

func ExampleCheckDataTree() {
	data := []byte(`{"swagger": "2.0", "info": {"title": "a", "version": "1"}, "paths": {"/a": {"get": {"x-apigw-ignore": ["APIGW430"], "responses": {"200": {"description": "OK"}}}}}}`)
	diags, tree, _ := openapi.CheckDataTree("a.json", data, openapi.LoadOptions{})
	for _, d := range diags {
		fmt.Println(d.Code, d.Pointer)
	}
	// The tree serves what else the caller reads, here the suppression key.
	fmt.Println(source.NodeAt(tree, "/paths/~1a/get/x-apigw-ignore/0").Value)
	// Output:
	// APIGW430 /paths/~1a/get
	// APIGW430
}

func ExampleCanonical() {
	out, diags, err := openapi.Canonical("a.json", []byte(`{"openapi": "3.0.1", "paths": {"/a": {}}}`), source.YAML, source.Limits{})
	fmt.Print(string(out))
	fmt.Println(len(diags), err)
	// Output:
	// openapi: 3.0.1
	// paths:
	//   /a: {}
	// 0 <nil>
}

func ExampleDocument_SetExtension() {
	src := []byte(`openapi: 3.0.1
paths:
  /a:
    get:
      x-amazon-apigateway-request-validator: all
      x-amazon-apigateway-integration:
        type: http_proxy
        uri: https://example.com/a # the backend
        timeoutInMillis: 29000
`)
	docs, _, _ := openapi.Load("a.yaml", src, openapi.LoadOptions{})
	integ, e := docs[0].Operation("/a", "GET").Integration()
	ms := 5000
	integ.TimeoutInMillis = &ms
	if err := docs[0].SetExtension(e, integ); err != nil {
		panic(err)
	}
	fmt.Println(docs[0].Operation("/a", "GET").Extension(extensions.ExtIntegration).(*extensions.Integration) == integ)
	out, _ := source.WriteYAML(docs[0].Tree) // the tree, in canonical form
	fmt.Print(string(out))
	// Output:
	// true
	// openapi: 3.0.1
	// paths:
	//   /a:
	//     get:
	//       x-amazon-apigateway-request-validator: all
	//       x-amazon-apigateway-integration:
	//         type: http_proxy
	//         uri: https://example.com/a # the backend
	//         timeoutInMillis: 5000
}

func ExampleDocument_Text() {
	src := []byte(`openapi: 3.0.1
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "https://example.com/a"}

  /b: {get: {x-amazon-apigateway-integration: {type: mock}}}
`)
	docs, _, _ := openapi.Load("a.yaml", src, openapi.LoadOptions{})
	integ, e := docs[0].Operation("/a", "GET").Integration()
	integ.URI = extensions.S("https://backend.example.com/a")
	if err := docs[0].SetExtension(e, integ); err != nil {
		panic(err)
	}
	text, err := docs[0].Text()
	if err != nil {
		panic(err)
	}
	fmt.Print(string(text))
	// Output:
	// openapi: 3.0.1
	// paths:
	//   /a:
	//     get:
	//       x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "https://backend.example.com/a"}
	//
	//   /b: {get: {x-amazon-apigateway-integration: {type: mock}}}
}

func ExampleDocument_Paths() {
	src := []byte(`openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets:
    get: {responses: {"200": {description: OK}}}
  /pets/{id}: {}
  x-amazon-apigateway-any-method: {}
`)
	docs, _, _ := openapi.Load("pets.yaml", src, openapi.LoadOptions{})
	fmt.Println(docs[0].Paths())
	// Output:
	// [/pets /pets/{id}]
}
