package extensions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/tree"
	"go.yaml.in/yaml/v4"
)

// corpusKnownErrors lists error diagnostics in the shared corpus that API
// Gateway would report too: "file#pointer code" → reason.
var corpusKnownErrors = map[string]string{
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json#/Resources/ExplicitApi/Properties/Body/paths/~1add/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Headers APIGW304":                          "SAM passes Cors values through unquoted; headers is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json#/Resources/ExplicitApi/Properties/Body/paths/~1add/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Methods APIGW304":                          "SAM passes Cors values through unquoted; methods is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json#/Resources/ExplicitApi/Properties/Body/paths/~1add/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin APIGW304":                           "SAM passes Cors values through unquoted; origins is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json#/Resources/ExplicitApi/Properties/Body/paths/~1{proxy+}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Headers APIGW304":                     "SAM passes Cors values through unquoted; headers is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json#/Resources/ExplicitApi/Properties/Body/paths/~1{proxy+}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Methods APIGW304":                     "SAM passes Cors values through unquoted; methods is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json#/Resources/ExplicitApi/Properties/Body/paths/~1{proxy+}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin APIGW304":                      "SAM passes Cors values through unquoted; origins is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json#/Resources/ExplicitApi/Properties/Body/paths/~1add/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Headers APIGW304":                "SAM passes Cors values through unquoted; headers is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json#/Resources/ExplicitApi/Properties/Body/paths/~1add/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Methods APIGW304":                "SAM passes Cors values through unquoted; methods is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json#/Resources/ExplicitApi/Properties/Body/paths/~1add/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin APIGW304":                 "SAM passes Cors values through unquoted; origins is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json#/Resources/ExplicitApi/Properties/Body/paths/~1{proxy+}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Headers APIGW304":           "SAM passes Cors values through unquoted; headers is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json#/Resources/ExplicitApi/Properties/Body/paths/~1{proxy+}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Methods APIGW304":           "SAM passes Cors values through unquoted; methods is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json#/Resources/ExplicitApi/Properties/Body/paths/~1{proxy+}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin APIGW304":            "SAM passes Cors values through unquoted; origins is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_and_auth_preflight_auth.json#/Resources/ServerlessApi/Properties/Body/paths/~1/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin APIGW304":    "SAM passes Cors values through unquoted; origins is not a mapping expression (import: Invalid mapping expression specified)",
	"aws__serverless-application-model__tests__translator__output__api_with_cors_and_auth_preflight_auth.json#/Resources/ServerlessApi/Properties/Body/paths/~1any/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin APIGW304": "SAM passes Cors values through unquoted; origins is not a mapping expression (import: Invalid mapping expression specified)",
	"aws-cloudformation__cfn-lint__test__fixtures__templates__good__parameters__used_transform_removed.yaml#/Resources/MyAPI/Properties/DefinitionBody/paths/~1/get/x-amazon-apigateway-integration APIGW103":                                                                                                "no type: import needs one (a cfn-lint fixture about parameters, not an importable API)",
	"aws__aws-sam-cli__tests__integration__testdata__start_api__swagger-template-http-api.yaml#/Resources/MyHttpApi/Properties/DefinitionBody/paths/~1httpapi-echoeventbody/post/x-amazon-apigateway-integration APIGW103":                                                                                   "aws_proxy without uri or integrationSubtype: nothing to invoke (a sam local fixture)",
	"aws__serverless-application-model__tests__translator__input__api_rest_paths_with_if_condition_openapi.yaml#/Resources/MyApi/Properties/DefinitionBody/paths/~1post/Fn::If/1/post/x-amazon-apigateway-integration/uri APIGW106":                                                                          "aws_proxy with an https URL: needs a Lambda ARN (SAM translator fixture)",
	"aws__serverless-application-model__tests__translator__input__api_rest_paths_with_if_condition_openapi.yaml#/Resources/MyApi/Properties/DefinitionBody/paths/~1post/Fn::If/2/post/x-amazon-apigateway-integration/uri APIGW106":                                                                          "aws_proxy with an https URL",
	"aws__serverless-application-model__tests__translator__input__definition_body_intrinsics_support.yaml#/Resources/RestApiIfIntrinsicAndNoSwaggerEditor/Properties/DefinitionBody/Fn::If/1/paths/~1post/post/x-amazon-apigateway-integration/uri APIGW106":                                                 "aws_proxy with an https URL",
	"aws__serverless-application-model__tests__translator__input__definition_body_intrinsics_support.yaml#/Resources/RestApiIfIntrinsicAndNoSwaggerEditor/Properties/DefinitionBody/Fn::If/2/paths/~1post/post/x-amazon-apigateway-integration/uri APIGW106":                                                 "aws_proxy with an https URL",
	"aws__serverless-application-model__tests__translator__input__definition_body_intrinsics_support.yaml#/Resources/HttpApiIfIntrinsicAndNoOpenApiEditor/Properties/DefinitionBody/Fn::If/1/paths/~1post/post/x-amazon-apigateway-integration/uri APIGW106":                                                 "aws_proxy with an https URL",
	"aws__serverless-application-model__tests__translator__input__definition_body_intrinsics_support.yaml#/Resources/HttpApiIfIntrinsicAndNoOpenApiEditor/Properties/DefinitionBody/Fn::If/2/paths/~1post/post/x-amazon-apigateway-integration/uri APIGW106":                                                 "aws_proxy with an https URL",
	"aws__serverless-application-model__tests__translator__output__api_rest_paths_with_if_condition_openapi.json#/Resources/MyApi/Properties/Body/paths/~1post/Fn::If/1/post/x-amazon-apigateway-integration/uri APIGW106":                                                                                   "aws_proxy with an https URL",
	"aws__serverless-application-model__tests__translator__output__api_rest_paths_with_if_condition_openapi.json#/Resources/MyApi/Properties/Body/paths/~1post/Fn::If/2/post/x-amazon-apigateway-integration/uri APIGW106":                                                                                   "aws_proxy with an https URL",
	"yndlingsfar__serverless-openapi-integration-helper__templates__mock__auto-mock.yml#/x-amazon-apigateway-integration/responses/STATUS_CODE/statusCode APIGW111":                                                                                                                                          "statusCode is a placeholder (STATUS_CODE) that the tool replaces before import",
}

// eachExtension calls fn for every value stored under one of names, anywhere in n.
func eachExtension(n *yaml.Node, ptr string, names []string, fn func(name string, v *yaml.Node, ptr string)) {
	for _, site := range findExtensions(n, ptr, names, nil) {
		fn(site.name, site.node, site.ptr)
	}
}

func TestIntegrationCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "specs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	var files, values int
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if ext != ".json" && ext != ".yaml" && ext != ".yml" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Logf("%s: not parsed: %v", e.Name(), err)
			continue
		}
		files++
		eachExtension(&doc, "", []string{ExtIntegration, ExtIntegrations}, func(name string, v *yaml.Node, ptr string) {
			values++
			val, ds := Decode(name, v, ptr)
			if ok, why := tree.Equal(v, val.Encode(), tree.Options{}); !ok {
				t.Errorf("%s#%s: round trip differs: %s", e.Name(), ptr, why)
			}
			for _, d := range ds {
				if os.Getenv("APIGW_CORPUS_VERBOSE") != "" {
					t.Logf("%s#%s: %s", e.Name(), d.Pointer, d)
				}
				if d.Severity != diag.Error {
					continue
				}
				id := e.Name() + "#" + d.Pointer + " " + string(d.Code)
				if _, known := corpusKnownErrors[id]; !known {
					t.Errorf("%s: unexpected %s", id, d)
				}
			}
		})
	}
	t.Logf("%d files, %d integration values", files, values)
	if values == 0 {
		t.Fatalf("no integrations found in %d corpus files", files)
	}
}
