package schema

import (
	"encoding/json"
	"testing"

	"github.com/apigw/apigw/openapi"
)

// TestAPIVerified: the index marks a branch verified when its response
// template, rendered offline, gives a body its model accepts, and not when
// the model rejects it or nothing can be rendered.
func TestAPIVerified(t *testing.T) {
	src := []byte(`openapi: 3.0.1
info: {title: Verified, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {type: object, required: [id], properties: {id: {type: integer}}}
        "400":
          description: bad
          content:
            application/json:
              schema: {type: object, required: [message]}
        "502":
          description: backend
          content:
            application/json:
              schema: {type: object}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://example.com/a
        responses:
          default:
            statusCode: "200"
            responseTemplates: {application/json: '{"id": 1}'}
          "4\\d{2}":
            statusCode: "400"
            responseTemplates: {application/json: '{"error": "bad"}'}
          "5\\d{2}":
            statusCode: "502"
            responseTemplates: {application/json: $input.json('$')}
`)
	docs, _, err := openapi.Load("a.yaml", src, openapi.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := ForAPI(docs[0], APIOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]bool
	for _, f := range files {
		if f.Name != IndexFile {
			continue
		}
		var idx Index
		if err := json.Unmarshal(f.Data, &idx); err != nil {
			t.Fatal(err)
		}
		got = map[string]bool{}
		for _, r := range idx.Operations[0].Responses {
			got[r.Status] = r.Verified
		}
	}
	want := map[string]bool{"200": true, "400": false, "502": false}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("branch %s: verified %v (present %v), want %v; all: %v", k, g, ok, v, got)
		}
	}
}
