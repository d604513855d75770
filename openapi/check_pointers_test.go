package openapi

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

// TestCheckPointers holds the pointers of findings the checks build only
// when they report: schema keywords deep in a document and mapping
// templates, under keys that need escaping, in a plain document and in a
// CloudFormation template (where a template's error stands at its value:
// the document does not keep the file's bytes).
func TestCheckPointers(t *testing.T) {
	const api = `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: number, format: int64}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                allOf:
                  - {type: object}
                  - properties:
                      a~b: {type: number, format: decimal}
                discriminator: {propertyName: kind}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: '200'
            responseTemplates: {application/json: '#if('}
`
	cfn := "Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body:\n        " +
		strings.ReplaceAll(strings.TrimSuffix(api, "\n"), "\n", "\n        ") + "\n"
	for _, tc := range []struct {
		name, file, doc string
		want            []string // "code pointer line:col" of the findings of those codes
	}{
		{"document", "api.yaml", api, []string{
			"APIGW412 /paths/~1a~1{id}/get/parameters/0/schema/format 7:79",
			"APIGW412 /paths/~1a~1{id}/get/responses/200/content/application~1json/schema/allOf/1/properties/a~0b/format 17:51",
			"APIGW412 /paths/~1a~1{id}/get/responses/200/content/application~1json/schema/discriminator 18:17",
			"APIGW440 /paths/~1a~1{id}/get/x-amazon-apigateway-integration/responses/default/responseTemplates/application~1json 25:56",
		}},
		{"template", "template.yaml", cfn, []string{
			"APIGW412 /Resources/Api/Properties/Body/paths/~1a~1{id}/get/parameters/0/schema/format 12:87",
			"APIGW412 /Resources/Api/Properties/Body/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/allOf/1/properties/a~0b/format 22:59",
			"APIGW412 /Resources/Api/Properties/Body/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/discriminator 23:25",
			"APIGW440 /Resources/Api/Properties/Body/paths/~1a~1{id}/get/x-amazon-apigateway-integration/responses/default/responseTemplates/application~1json 30:59",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags, err := CheckData(tc.file, []byte(tc.doc), LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				if d.Code == diag.SchemaKeyword || d.Code == diag.TemplateSyntax {
					got = append(got, fmt.Sprintf("%s %s %d:%d", d.Code, d.Pointer, d.Line, d.Column))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
