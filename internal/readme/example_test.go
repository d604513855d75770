package readme_test

import (
	"fmt"
	"log"
	"os"

	"github.com/apigw/apigw/openapi"
)

// Example is README.md's library example, run in a folder holding api.yaml
// (a copy of fixtures/petstore.yaml); TestLibraryExample keeps the two the same.
func Example() {
	docs, diags, err := openapi.LoadFile("api.yaml", openapi.LoadOptions{})
	if err != nil { // a safety limit (*source.LimitError) or I/O; every other problem is a diagnostic
		log.Fatal(err)
	}
	for _, d := range diags {
		fmt.Println(d) // file:line:col: severity: message [CODE]
	}
	op := docs[0].Operation("/pets/{petId}", "GET")
	for _, p := range op.Parameters { // path item and operation merged, $refs followed
		fmt.Println(p.In, p.Name, p.Required, p.Pointer)
	}
	integ, ext := op.Integration() // the decoded x-amazon-apigateway-integration and where it stands
	for _, r := range integ.Responses {
		fmt.Println(r.Key, "->", r.Value.StatusCode) // selection pattern (or default) -> status
	}

	// Change a value and write the file back: only that value's bytes change.
	ms := 10000
	integ.TimeoutInMillis = &ms
	if err := docs[0].SetExtension(ext, integ); err != nil {
		log.Fatal(err)
	}
	text, err := docs[0].Text() // the file's text with the change spliced in
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("api.yaml", text, 0o644); err != nil {
		log.Fatal(err)
	}
	// Output:
	// path petId true /paths/~1pets~1{petId}/get/parameters/0
	// default -> 200
	// \[NotFound\].* -> 404
	// \[BadRequest\].* -> 400
}
