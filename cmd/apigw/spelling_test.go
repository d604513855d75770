package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// spellingDoc is an OpenAPI 3.0 document whose booleans are spelled by the
// test: a required query parameter and a required response header.
const spellingDoc = `openapi: 3.0.1
info: {title: Spelling, version: "1"}
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - {name: limit, in: query, required: %s, schema: {type: integer}}
      responses:
        "200":
          description: ok
          headers:
            X-Total: {required: %s, schema: {type: integer}}
          content:
            application/json:
              schema: {type: array, items: {type: string}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseParameters: {method.response.header.X-Total: "'3'"}
`

// TestRequiredSpelling holds one answer for "required: True" and
// "required: true" in every command that reads it: check, import, gen
// client and gen schema give byte-identical output for both spellings (the
// file has the same name), and the parameter is required.
func TestRequiredSpelling(t *testing.T) {
	outputs := map[string][]string{}
	for _, spelling := range []string{"true", "True", "TRUE"} {
		dir := t.TempDir()
		file := filepath.Join(dir, "api.yaml")
		if err := os.WriteFile(file, []byte(strings.ReplaceAll(spellingDoc, "%s", spelling)), 0o644); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, args := range [][]string{
			{"check", "api.yaml"},
			{"import", "api.yaml"},
			{"gen", "client", "-package", "items", "api.yaml"},
			{"gen", "schema", "api.yaml", "-o", "schemas"},
		} {
			out, errOut, code := runIn(t, dir, args...)
			if code != exitOK {
				t.Fatalf("%s with %s: exit %d\n%s%s", strings.Join(args, " "), spelling, code, out, errOut)
			}
			got = append(got, out)
		}
		schema, err := os.ReadFile(filepath.Join(dir, "schemas", "get-items.json"))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(schema))
		outputs[spelling] = got
		if !strings.Contains(got[1], `"method.request.querystring.limit": true`) || !strings.Contains(got[2], "Limit int64") || !strings.Contains(got[4], `"X-Total"`) {
			t.Errorf("%s: limit is not required in import or the client, or X-Total is missing", spelling)
		}
	}
	for _, s := range []string{"True", "TRUE"} {
		for i := range outputs[s] {
			if !bytes.Equal([]byte(outputs[s][i]), []byte(outputs["true"][i])) {
				t.Errorf("output %d differs between required: true and required: %s:\n%s\n---\n%s", i, s, outputs["true"][i], outputs[s][i])
			}
		}
	}
}
