package openapi_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/openapi"
)

// Where each error of a document belongs: the part and the operations that
// reach it.
func ExampleDocument_Locate() {
	docs, diags, _ := openapi.LoadFile("../fixtures/refuse/leftout.yaml", openapi.LoadOptions{})
	for i, l := range docs[0].Locate(diags) {
		if diags[i].Severity != diag.Error {
			continue
		}
		fmt.Printf("%s at line %d: %s", diags[i].Code, diags[i].Line, l.Part)
		for _, o := range l.Operations {
			fmt.Printf("; %s", o.Name())
		}
		fmt.Println()
	}
	// Output:
	// APIGW304 at line 51: integration responses; createNote (POST /notes)
	// APIGW103 at line 90: authorizers; listNotes (GET /notes)
}

// A command declares what it reads; Judge turns the errors it does not
// read into warnings and leaves out the operations whose errors it can do
// without.
func ExampleUsage_Judge() {
	docs, diags, _ := openapi.LoadFile("../fixtures/refuse/leftout.yaml", openapi.LoadOptions{})
	client := openapi.Usage{
		Command:  "gen client",
		Parts:    openapi.PartOpenAPI | openapi.PartIntegrationTypes | openapi.PartIntegrationResponses,
		Unread:   "a client does not read %s",
		LeaveOut: true,
	}
	v := client.Judge(docs[0], diags)
	fmt.Println("refused:", v.Refused())
	for _, o := range v.LeftOut {
		fmt.Println("left out:", o.Name())
	}
	for _, d := range v.Diagnostics {
		if d.Code == diag.ErrorIgnored || d.Code == diag.OperationLeftOut {
			fmt.Printf("%d: %s\n", d.Line, d.Message[:60])
		}
	}
	// Output:
	// refused: false
	// left out: createNote (POST /notes)
	// 51: gen client: left out operation createNote (POST /notes): Inv
	// 90: gen client: ignored, a client does not read authorizers: a c
}
