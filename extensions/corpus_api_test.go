package extensions

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/tree"
	"go.yaml.in/yaml/v4"
)

// apiExtensions are the extensions of this part of the package (everything
// but integrations and request validators).
var apiExtensions = []string{
	ExtAnyMethod, ExtAuth, ExtAuthType, ExtAuthorizer, ExtAPIKeySource, ExtBinaryMediaTypes,
	ExtMinimumCompressionSize, ExtPolicy, ExtDocumentation, ExtGatewayResponses,
	ExtEndpointConfiguration, ExtCORS, ExtImportExportVersion, ExtTagValue,
	ExtSecurityPolicy, ExtEndpointAccessMode, ExtRequestValidators, ExtRequestValidator,
}

// TestCorpusCoversEveryExtension makes sure the corpus tests (this one and
// the integration one) look at every registered extension.
func TestCorpusCoversEveryExtension(t *testing.T) {
	covered := map[string]bool{ExtIntegration: true, ExtIntegrations: true}
	for _, n := range apiExtensions {
		covered[n] = true
	}
	for _, s := range Specs() {
		if !covered[s.Name] {
			t.Errorf("%s is registered but no corpus test decodes it", s.Name)
		}
	}
}

// corpusRealErrors lists the warning- and error-level diagnostics on corpus
// files that point at real problems: "file pointer code" → why. Any other
// error-level diagnostic on the corpus fails the test.
var corpusRealErrors = map[string]string{
	"aws__serverless-application-model__tests__translator__input__api_with_security_definition_and_components.yaml " +
		"/Resources/ExplicitApi/Properties/DefinitionBody/securityDefinitions/CognitoAuthorizer/x-amazon-apigateway-authorizer/providerARNs/0 APIGW100": "the only provider ARN is null (an empty list item followed by a comment): no user pool to authorize with",
	"aws__serverless-application-model__tests__translator__input__error_swagger_security_definitions_not_dict.yaml " +
		"/Resources/ExplicitApi/Properties/DefinitionBody/securityDefinitions/0/CognitoAuthorizer/x-amazon-apigateway-authorizer/providerARNs/0 APIGW100": "same null provider ARN, in a deliberately invalid SAM test input",
	"aws__serverless-application-model__tests__translator__input__error_api_invalid_endpoint_configuration_openapi_3.yaml " +
		"/Resources/ExplicitApi/Properties/DefinitionBody/servers/0/x-amazon-apigateway-endpoint-configuration APIGW100": "the endpoint configuration is a list (\"this should be a dict\"), a deliberately invalid SAM test input",
	"aws__serverless-application-model__tests__translator__output__api_with_auth_all_maximum.json " +
		"/Resources/MyApi/Properties/Body/securityDefinitions/MyCognitoAuth/x-amazon-apigateway-authorizer/providerARNs/0 APIGW201": "placeholder provider ARN arn:aws:1 is no Cognito user pool ARN",
	"aws__serverless-application-model__tests__translator__output__api_with_auth_all_maximum.json " +
		"/Resources/MyApi/Properties/Body/securityDefinitions/MyCognitoAuthMultipleUserPools/x-amazon-apigateway-authorizer/providerARNs/0 APIGW201": "placeholder provider ARN arn:aws:2",
	"aws__serverless-application-model__tests__translator__output__api_with_auth_all_maximum.json " +
		"/Resources/MyApi/Properties/Body/securityDefinitions/MyCognitoAuthMultipleUserPools/x-amazon-apigateway-authorizer/providerARNs/1 APIGW201": "placeholder provider ARN arn:aws:3",
	"aws__serverless-application-model__tests__translator__output__state_machine_with_api_auth_default_scopes.json " +
		"/Resources/MyApiWithCognitoAuth/Properties/Body/components/securitySchemes/MyCognitoAuthWithDefaultScopes/x-amazon-apigateway-authorizer/providerARNs/0 APIGW201": "placeholder provider ARN arn:aws:2",
	"aws__serverless-application-model__tests__translator__output__state_machine_with_api_auth_default_scopes.json " +
		"/Resources/MyApiWithCognitoAuth/Properties/Body/components/securitySchemes/MyDefaultCognitoAuth/x-amazon-apigateway-authorizer/providerARNs/0 APIGW201": "placeholder provider ARN arn:aws:1",
	"smithy-lang__smithy__smithy-aws-apigateway-openapi__src__test__resources__software__amazon__smithy__aws__apigateway__openapi__cognito-user-pools-security.openapi.json " +
		"/components/securitySchemes/aws.auth.cognitoUserPools/x-amazon-apigateway-authorizer/providerARNs/0 APIGW201": "placeholder provider ARN arn:foo:baz",
}

// extensionSite is one extension value found in a document.
type extensionSite struct {
	name, ptr string
	node      *yaml.Node
}

// findExtensions walks n and returns every value stored under one of names.
func findExtensions(n *yaml.Node, ptr string, names []string, out []extensionSite) []extensionSite {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			out = findExtensions(c, ptr, names, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			p := source.Pointer(ptr, k)
			if slices.Contains(names, k) {
				out = append(out, extensionSite{k, p, v})
			}
			out = findExtensions(v, p, names, out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			out = findExtensions(c, ptr+"/"+strconv.Itoa(i), names, out)
		}
	}
	return out
}

func TestCorpusAPIExtensions(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "specs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	seen := map[string]int{}
	realSeen := map[string]bool{}
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || ext != ".json" && ext != ".yaml" && ext != ".yml" {
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
		for _, s := range findExtensions(&doc, "", apiExtensions, nil) {
			seen[s.name]++
			v, ds := Decode(s.name, s.node, s.ptr)
			if ok, why := tree.Equal(s.node, v.Encode(), tree.Options{}); !ok {
				t.Errorf("%s %s: round trip differs: %s", e.Name(), s.ptr, why)
			}
			for _, d := range ds {
				key := fmt.Sprintf("%s %s %s", e.Name(), d.Pointer, d.Code)
				if _, known := corpusRealErrors[key]; known && d.Severity >= diag.Warning {
					realSeen[key] = true
					continue
				}
				if d.Severity != diag.Error {
					if os.Getenv("SHOWWARN") != "" {
						t.Logf("%s: %v", e.Name(), d)
					}
					continue
				}
				t.Errorf("%s: unexpected error %v", key, d)
			}
		}
	}
	for key := range corpusRealErrors {
		if !realSeen[key] {
			t.Errorf("listed real error no longer reported: %s", key)
		}
	}
	for _, name := range apiExtensions {
		t.Logf("%s: %d values", name, seen[name])
	}
}
