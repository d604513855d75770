package schema

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
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

// forSource runs ForAPI on a document given as text.
func forSource(t *testing.T, src string) ([]File, []diag.Diagnostic) {
	t.Helper()
	docs, diags, err := openapi.Load("t.yaml", []byte(src), openapi.LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v %v", err, diags)
	}
	files, fdiags, err := ForAPI(docs[0], APIOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return files, fdiags
}

// TestAPIReadsTheModel holds what ForAPI takes from the resolved model:
// pointers into the document as written (a Swagger 2.0 document is not
// converted first), the one rule for required, and the integration a $ref
// names.
func TestAPIReadsTheModel(t *testing.T) {
	// ok is GET /a answering 200, with what follows indented under the response.
	ok := func(version, response, operation string) string {
		return version + "\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n" +
			indent(response, "          ") + indent(operation, "      ")
	}
	t.Run("Swagger pointers", func(t *testing.T) {
		_, diags := forSource(t, ok("swagger: '2.0'",
			"schema: {type: object, properties: {n: {type: string, minLength: -1}, m: {$ref: '#/definitions/Nope'}}}\nheaders: {X-N: {type: string, maxLength: -2}}",
			"x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: '200', responseParameters: {method.response.header.X-N: integration.response.header.n}}}}"))
		var got []string
		for _, d := range diags {
			got = append(got, string(d.Code)+" "+d.Pointer)
		}
		want := "APIGW704 /definitions/Nope,APIGW703 /paths/~1a/get/responses/200/schema/properties/n/minLength,APIGW703 /paths/~1a/get/responses/200/headers/X-N/maxLength"
		if strings.Join(got, ",") != want {
			t.Errorf("got  %s\nwant %s", strings.Join(got, ","), want)
		}
	})
	t.Run("required True", func(t *testing.T) {
		files, _ := forSource(t, ok("openapi: 3.0.3",
			"headers:\n  X-A: {required: True, schema: {type: string}}\n  X-B: {required: true, schema: {type: string}}\n  X-C: {required: false, schema: {type: string}}",
			"x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'https://x.example.com'}"))
		// A required header's pattern stands twice: as a pattern property
		// and in the requirement that some name matches it.
		for name, want := range map[string]int{"^[Xx]-[Aa]$": 2, "^[Xx]-[Bb]$": 2, "^[Xx]-[Cc]$": 1} {
			if got := bytes.Count(files[0].Data, []byte(`"`+name+`"`)); got != want {
				t.Errorf("%s stands %d times, want %d (X-A and X-B required, X-C not):\n%s", name, got, want, files[0].Data)
			}
		}
	})
	t.Run("reusable integration", func(t *testing.T) {
		files, _ := forSource(t, ok("openapi: 3.0.1", "",
			"x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/f'}")+
			"components:\n  x-amazon-apigateway-integrations:\n    f: {type: aws_proxy, httpMethod: POST, uri: 'arn:aws:lambda:us-east-1:123456789012:function:f', payloadFormatVersion: '2.0'}\n")
		if !bytes.Contains(files[len(files)-1].Data, []byte(`"integrationType": "AWS_PROXY"`)) {
			t.Errorf("index without the reusable integration's type:\n%s", files[len(files)-1].Data)
		}
	})
}
