package openapi

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

// corpusErrors is how many errors check reports over the corpus
// (../shared/corpus/specs), per code. A change in precision shows here:
// a check that gains or loses errors on real documents changes this table,
// and the change is read in review.
var corpusErrors = map[diag.Code]int{
	diag.UnsupportedVersion:         1,
	diag.MissingField:               2,
	diag.IntegrationURI:             4,
	diag.MappingUnquotedStatic:      14,
	diag.UndeclaredResponseHeader:   20,
	diag.UndeclaredRequestParameter: 6,
}

// notDeployed are the corpus documents on which check reports errors: test
// fixtures of other tools that are not deployed as they stand. Each error
// is one API Gateway's import would report too; the reason says which and
// why. Every other document of the corpus (the AWS samples and developer
// guide examples, SAM and serverless examples, the documents LocalStack
// imports into real AWS) must check without errors.
var notDeployed = map[string]string{
	"aws-cloudformation__cfn-lint__test__fixtures__templates__good__parameters__used_transform_removed.yaml":                                                                               "a cfn-lint fixture about template parameters: its integration has no type (APIGW103), which PutIntegration requires, and its securitySchemes stand under paths",
	"aws__aws-sam-cli__tests__integration__testdata__start_api__swagger-template-http-api.yaml":                                                                                            "a sam local start-api fixture: POST /httpapi-echoeventbody is an aws_proxy integration without uri (APIGW103), and no function event supplies one; sam local never imports it",
	"aws__serverless-application-model__tests__translator__input__api_rest_paths_with_if_condition_openapi.yaml":                                                                           "a SAM translator fixture: both branches of the Fn::If are aws_proxy integrations to https URLs (APIGW106), which PutIntegration refuses (\"Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations\", recorded)",
	"aws__serverless-application-model__tests__translator__output__api_rest_paths_with_if_condition_openapi.json":                                                                          "the translator's output for the fixture above, with the same aws_proxy integrations to https URLs (APIGW106)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json":                                                                                                     "a SAM translator output whose Cors values are the placeholders headers, methods and origins, unquoted: import refuses them (\"Invalid mapping expression specified\", APIGW304)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json":                                                                                           "as api_with_cors.json, in OpenAPI 3 (APIGW304)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_and_auth_preflight_auth.json":                                                                             "a SAM translator output whose AllowOrigin is the placeholder origins, unquoted (APIGW304)",
	"awslabs__aws-apigateway-importer__tst__resources__swagger__apigateway.json":                                                                                                           "a test resource of the archived importer: two integration responses map method.response.header.test-method-response-header, which their method responses do not declare (APIGW401; that importer's issue 209 shows the failure)",
	"getmoto__moto__tests__test_apigateway__resources__test_api_integration.yaml":                                                                                                          "a moto fixture, run only against moto: integration responses map headers the method responses do not declare (APIGW401) and integrations read header parameters the operations do not declare (APIGW402)",
	"getmoto__moto__tests__test_apigateway__resources__test_api_invalid_version.json":                                                                                                      "a moto fixture that is invalid on purpose: openapi 2.0.0 (APIGW005)",
	"smithy-lang__smithy__smithy-aws-apigateway-openapi__src__test__resources__software__amazon__smithy__aws__apigateway__openapi__cors-explicit-options.openapi.json":                     "a Smithy converter test output with placeholder ARNs: the explicit OPTIONS operation maps Access-Control-Expose-Headers, which its 200 response does not declare (APIGW401)",
	"smithy-lang__smithy__smithy-aws-apigateway-openapi__src__test__resources__software__amazon__smithy__aws__apigateway__openapi__cors-with-custom-gateway-response-headers.openapi.json": "as cors-explicit-options.openapi.json (APIGW401)",
}

// recordedCleanImports were imported into real AWS with failOnWarnings=true
// (LocalStack's snapshots, test_apigateway_import.py), so API Gateway found
// neither an error nor a warning in them: nor may check.
var recordedCleanImports = []string{
	"localstack__localstack__tests__aws__files__openapi.spec.pulumi.json",
	"localstack__localstack__tests__aws__files__openapi.spec.tf.json",
	"localstack__localstack__tests__aws__files__swagger-mock-cors.json",
	"localstack__localstack__tests__aws__files__petstore-authorizer.swagger.json",
	"localstack__localstack__tests__aws__files__openapi.spec.global-auth.json",
	"localstack__localstack__tests__aws__files__openapi.spec.circular-ref.json",
	"localstack__localstack__tests__aws__files__openapi.spec.circular-ref-with-request-body.json",
	"localstack__localstack__tests__aws__files__openapi.spec.stage-variables.json",
	"localstack__localstack__tests__aws__files__openapi-http-method-integration.json",
	"localstack__localstack__tests__aws__files__openapi.cognito-auth.json",
	"localstack__localstack__tests__aws__files__openapi-method-int.spec.yaml",
}

// TestCorpusCheck checks every corpus file: no panic, every diagnostic has a
// file, position and code; over the API definitions and templates of
// ../shared/corpus/specs the errors per code are those of corpusErrors,
// only the documents of notDeployed have errors, and the documents recorded
// as imported with failOnWarnings=true get no error or warning.
func TestCorpusCheck(t *testing.T) {
	files := corpusFiles(t, "specs", "bad")
	if len(files) == 0 {
		t.Skip("empty corpus")
	}
	counts := map[diag.Code]int{}
	withErrors := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f)
		diags, err := CheckFile(f, LoadOptions{})
		if err != nil {
			var le *source.LimitError
			if !errors.As(err, &le) {
				t.Errorf("%s: %v", name, err)
			}
			t.Logf("REFUSED %s: %v", name, err)
			continue
		}
		// A dump or a fragment is not an API definition: check skips such
		// files in a folder, as this test does.
		inSpecs := filepath.Base(filepath.Dir(f)) == "specs" &&
			!slices.ContainsFunc(diags, func(d diag.Diagnostic) bool { return d.Code == diag.UnknownKind })
		for _, d := range diags {
			if d.File != f || d.Code == "" || d.Message == "" {
				t.Errorf("%s: incomplete diagnostic %+v", name, d)
			}
			if !inSpecs {
				continue
			}
			if d.Severity == diag.Error {
				counts[d.Code]++
				withErrors[name] = true
				if _, ok := notDeployed[name]; !ok {
					t.Errorf("%s:%d:%d: error on a deployed document: %s [%s]; API Gateway imports it: fix the check, or list the document in notDeployed with the evidence that import fails", name, d.Line, d.Column, d.Message, d.Code)
				}
			}
			if d.Severity >= diag.Warning && slices.Contains(recordedCleanImports, name) {
				t.Errorf("%s:%d:%d: %s on a document AWS imported with failOnWarnings=true: %s [%s]", name, d.Line, d.Column, d.Severity, d.Message, d.Code)
			}
		}
	}
	var diffs []string
	for _, e := range diag.Catalog() {
		if got, want := counts[e.Code], corpusErrors[e.Code]; got != want {
			diffs = append(diffs, fmt.Sprintf("%s (%s): %d errors, the table says %d", e.Code, e.Title, got, want))
		}
	}
	if len(diffs) > 0 {
		t.Errorf("errors per code over the corpus changed; update corpusErrors once the change is understood:\n%s", strings.Join(diffs, "\n"))
	}
	for name := range notDeployed {
		if !withErrors[name] {
			t.Errorf("%s is listed in notDeployed but has no error: remove it", name)
		}
	}
}
