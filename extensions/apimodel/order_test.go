package apimodel

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestMarshalOrderedParameters holds that a method's and a method
// response's parameters are written in ParameterOrder, that the
// integration's parameters of the same name and a string value spelling
// the member are left alone, and that everything else is what
// encoding/json writes.
func TestMarshalOrderedParameters(t *testing.T) {
	m := Method{
		HTTPMethod:    "GET",
		OperationName: `"requestParameters":{"method.request.header.a":true,"method.request.path.z":false}`,
		RequestParameters: map[string]bool{
			"method.request.path.z":   false,
			"method.request.header.a": true,
			"method.request.query.m":  true,
		},
		ParameterOrder: []string{"method.request.path.z", "missing", "method.request.header.a"},
		MethodResponses: map[string]*MethodResponse{"200": {
			StatusCode:         "200",
			ResponseParameters: map[string]bool{"method.response.header.B": true, "method.response.header.A": false},
			ParameterOrder:     []string{"method.response.header.B", "method.response.header.A"},
		}},
		MethodIntegration: &Integration{Type: "MOCK", RequestParameters: map[string]string{
			"integration.request.path.z": "method.request.path.z", "integration.request.header.a": "'x'",
		}},
	}
	got, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"httpMethod":"GET","operationName":"\"requestParameters\":{\"method.request.header.a\":true,\"method.request.path.z\":false}",` +
		`"requestParameters":{"method.request.path.z":false,"method.request.header.a":true,"method.request.query.m":true},` +
		`"methodResponses":{"200":{"statusCode":"200","responseParameters":{"method.response.header.B":true,"method.response.header.A":false}}},` +
		`"methodIntegration":{"type":"MOCK","requestParameters":{"integration.request.header.a":"'x'","integration.request.path.z":"method.request.path.z"}`
	if !strings.HasPrefix(string(got), want) {
		t.Errorf("got\n%s\nwant a prefix of\n%s", got, want)
	}
}
