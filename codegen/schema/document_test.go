package schema

import (
	"os"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// TestDocumentFixtures validates whole documents: a bad integration type
// inside an operation fails, the corrected document passes.
func TestDocumentFixtures(t *testing.T) {
	sch := documentSchema(t)
	for _, tc := range []struct {
		file     string
		ok       bool
		location string // where the failure must be reported
	}{
		{"openapi3-good.yaml", true, ""},
		{"openapi3-bad.yaml", false, "/paths/~1pets/get/x-amazon-apigateway-integration/type"},
		{"swagger2-good.json", true, ""},
		{"swagger2-bad.json", false, "/paths/~1pets~1{id}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration/type"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(golden.Fixture(t, "schema/"+tc.file))
			if err != nil {
				t.Fatal(err)
			}
			err = sch.Validate(instance(t, parseYAML(t, string(src))))
			switch {
			case tc.ok && err != nil:
				t.Errorf("refused: %v", err)
			case !tc.ok && err == nil:
				t.Error("accepted, want the bad integration type refused")
			case !tc.ok && !strings.Contains(err.Error(), "'"+tc.location+"'"):
				t.Errorf("error does not point at %s:\n%v", tc.location, err)
			}
		})
	}
}

// TestDocumentPlaces checks that an extension is checked where it may stand
// and nowhere else is it given a schema.
func TestDocumentPlaces(t *testing.T) {
	sch := documentSchema(t)
	for _, tc := range []struct {
		name, doc string
		ok        bool
	}{
		{"root", `{openapi: 3.0.1, x-amazon-apigateway-api-key-source: header}`, false},
		{"security definition", `{swagger: "2.0", securityDefinitions: {a: {x-amazon-apigateway-authorizer: {type: lambda}}}}`, false},
		{"components", `{openapi: 3.0.1, components: {x-amazon-apigateway-integrations: {a: {type: lambda}}}}`, false},
		{"tag", `{openapi: 3.0.1, tags: [{name: env, x-amazon-apigateway-tag-value: [a]}]}`, false},
		{"server", `{openapi: 3.0.1, servers: [{url: /, x-amazon-apigateway-endpoint-configuration: {types: [GLOBAL]}}]}`, false},
		{"operation", `{openapi: 3.0.1, paths: {/a: {post: {x-amazon-apigateway-auth: {type: SIGV4}}}}}`, false},
		{"other keys are free", `{openapi: 3.1.0, info: 5, paths: {/a: {get: {responses: []}}, x-other: 1}, x-amazon-apigateway-unknown: 1}`, true},
		{"valid everywhere", `{openapi: 3.0.1, x-amazon-apigateway-api-key-source: HEADER, paths: {/a: {post: {x-amazon-apigateway-auth: {type: aws_iam}}}}, components: {securitySchemes: {a: {x-amazon-apigateway-authtype: custom}}}}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := sch.Validate(instance(t, parseYAML(t, tc.doc)))
			if (err == nil) != tc.ok {
				t.Errorf("valid = %v, want %v: %v", err == nil, tc.ok, err)
			}
		})
	}
}
