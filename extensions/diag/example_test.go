package diag_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
)

func ExampleLookup() {
	e, ok := diag.Lookup(diag.UndeclaredRequestParameter)
	fmt.Println(ok, e.Code, e.Severity)
	fmt.Println(e.Title)
	fmt.Println(e.HelpURI())
	// Output:
	// true APIGW402 error
	// method.request source is not a declared parameter
	// https://github.com/apigw/apigw/blob/main/README.md#apigw402
}

func ExampleEntry_EvidenceSummary() {
	e, _ := diag.Lookup(diag.RootSecurity)
	fmt.Println(e.Severity)
	fmt.Println(e.EvidenceSummary())
	// Output:
	// info
	// Recorded: importing openapi.spec.global-auth.json (root security, operations without their own) creates every method with authorizationType CUSTOM and the authorizer, with failOnWarnings=true (localstack/localstack tests/aws/services/apigateway/test_apigateway_import.snapshot.json, test_import_with_global_api_key_authorizer); openapi.cognito-auth.json likewise applies root security to GET /pets (test_import_with_cognito_auth_identity_source).
}

func ExampleCode_Severity() {
	fmt.Println(diag.PatternOverlap.Severity(), diag.PatternOverlap.Title())
	// Output:
	// info Two selection patterns can match the same value
}
