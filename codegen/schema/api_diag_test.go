package schema

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigw/apigw/openapi"
)

func TestAPIDiagnostics(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n"
	for _, tc := range []struct {
		name, src string
		files     int // files expected, index included; 0 when refused
		codes     string
	}{
		{"status without method response", head + "      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration:\n        type: mock\n        responses:\n          default: {statusCode: '200'}\n          'x': {statusCode: '500'}\n", 2, "APIGW702"},
		{"no integration responses", head + "      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration: {type: mock}\n", 0, "APIGW700,APIGW701"},
		{"status code not three digits", head + "      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration:\n        type: mock\n        responses:\n          default: {statusCode: '200'}\n          'x': {statusCode: '2000'}\n", 2, "APIGW701"},
		{"proxy without declared responses", head + "      responses: {}\n      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'https://x.example.com'}\n", 2, "APIGW701"},
		{"not an OpenAPI document", "", 0, "APIGW700"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &openapi.Document{File: "t.yaml", Kind: openapi.KindUnknown}
			if tc.src != "" {
				docs, diags, err := openapi.Load("t.yaml", []byte(tc.src), openapi.LoadOptions{})
				if err != nil || len(docs) != 1 {
					t.Fatalf("load: %v %v", err, diags)
				}
				doc = docs[0]
			}
			files, diags, err := ForAPI(doc, APIOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, d := range diags {
				codes = append(codes, string(d.Code))
			}
			if got := strings.Join(codes, ","); got != tc.codes {
				t.Errorf("codes %q, want %q: %v", got, tc.codes, diags)
			}
			if len(files) != tc.files {
				t.Errorf("%d files, want %d", len(files), tc.files)
			}
		})
	}
}

func TestAPIDeterministic(t *testing.T) {
	a, _ := forFixture(t, "api-proxy", APIOptions{})
	for range 5 {
		b, _ := forFixture(t, "api-proxy", APIOptions{})
		for i := range a {
			if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
				t.Fatalf("%s: two runs gave different bytes", a[i].Name)
			}
		}
	}
}
