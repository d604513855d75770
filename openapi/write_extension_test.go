package openapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
)

const roundTripSrc = `# Pets API
openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200": {description: OK} # the only answer
      x-amazon-apigateway-integration:
        # the backend
        type: http
        uri: https://pets.example.com/pets
        httpMethod: GET
        timeoutInMillis: 29000 # the REST maximum
        passthroughBehavior: when_no_match
        x-note: kept
`

// TestSetExtensionRoundTrip changes one typed value and writes the document
// back two ways: Text splices the change into the file, so only the
// timeout's bytes differ (in YAML and in JSON); WriteYAML and WriteJSON of
// the tree write it in canonical form.
func TestSetExtensionRoundTrip(t *testing.T) {
	jsonSrc, err := source.WriteJSON(mustLoad(t, roundTripSrc).Tree)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		src, old, new string
		format        source.Format
	}{
		{roundTripSrc, "timeoutInMillis: 29000", "timeoutInMillis: 10000", source.YAML},
		{string(jsonSrc), `"timeoutInMillis": 29000`, `"timeoutInMillis": 10000`, source.JSON},
	} {
		doc := mustLoad(t, tc.src)
		integ, e := doc.Operation("/pets", "GET").Integration()
		ms := 10000
		integ.TimeoutInMillis = &ms
		if err := doc.SetExtension(e, integ); err != nil {
			t.Fatal(err)
		}
		text, err := doc.Text()
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Replace(tc.src, tc.old, tc.new, 1); string(text) != want {
			t.Errorf("%s: Text:\n%s\nwant\n%s", tc.format, text, want)
		}
		var out []byte
		if tc.format == source.JSON {
			out, err = source.WriteJSON(doc.Tree)
		} else {
			out, err = source.WriteYAML(doc.Tree)
		}
		if err != nil {
			t.Fatal(err)
		}
		canon, _, _ := Canonical("pets.yaml", []byte(tc.src), tc.format, source.Limits{})
		if want := strings.Replace(string(canon), tc.old, tc.new, 1); string(out) != want {
			t.Errorf("%s: tree written:\n%s\nwant\n%s", tc.format, out, want)
		}
		again := mustLoad(t, string(text))
		got := again.Operation("/pets", "GET").Extension(extensions.ExtIntegration).(*extensions.Integration)
		if got.TimeoutInMillis == nil || *got.TimeoutInMillis != 10000 {
			t.Errorf("%s: timeout not written: %v", tc.format, got.TimeoutInMillis)
		}
	}
}

func mustLoad(t *testing.T, src string) *Document {
	t.Helper()
	docs, diags, err := Load("pets.yaml", []byte(src), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatal(err, diags)
	}
	return docs[0]
}

// TestSetExtensionText changes integrations written in flow style, after
// another extension, in a template holding two APIs: each change lands in
// the file's text and nothing else moves.
func TestSetExtensionText(t *testing.T) {
	const src = `Resources:
  A:
    Type: AWS::Serverless::Api
    Properties:
      DefinitionBody:
        openapi: 3.0.1
        paths:
          /a:
            get:
              x-amazon-apigateway-request-validator: all
              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: "LAMBDA_A"}  # placeholder

  B:
    Type: AWS::Serverless::Api
    Properties:
      DefinitionBody:
        openapi: 3.0.1
        paths:
          /b:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub "LAMBDA_B"
`
	docs, _, err := Load("template.yaml", []byte(src), LoadOptions{})
	if err != nil || len(docs) != 2 {
		t.Fatal(err, len(docs))
	}
	for i, d := range docs {
		op := d.Operations()[0]
		integ, e := op.Integration()
		integ.URI = extensions.Str{Value: fmt.Sprintf("arn:aws:apigateway:us-east-1:lambda:path/functions/F%d/invocations", i)}
		if err := d.SetExtension(e, integ); err != nil {
			t.Fatal(err)
		}
	}
	want := strings.NewReplacer(
		`uri: "LAMBDA_A"`, `uri: "arn:aws:apigateway:us-east-1:lambda:path/functions/F0/invocations"`,
		`uri: !Sub "LAMBDA_B"`, `uri: "arn:aws:apigateway:us-east-1:lambda:path/functions/F1/invocations"`,
	).Replace(src)
	for _, d := range docs {
		text, err := d.Text()
		if err != nil {
			t.Fatal(err)
		}
		if string(text) != want {
			t.Errorf("got\n%s\nwant\n%s", text, want)
		}
	}
}

// TestSetExtensionTextWithinLoadLimits: Text reads the file again within
// the limits it was loaded with, here a depth the default limit refuses.
func TestSetExtensionTextWithinLoadLimits(t *testing.T) {
	deep := strings.Repeat("[", source.DefaultMaxDepth+10) + strings.Repeat("]", source.DefaultMaxDepth+10)
	src := roundTripSrc + "x-deep: " + deep + "\n"
	docs, _, err := Load("api.yaml", []byte(src), LoadOptions{Limits: source.Limits{MaxDepth: 2 * source.DefaultMaxDepth}})
	if err != nil || len(docs) != 1 {
		t.Fatal(err, len(docs))
	}
	integ, e := docs[0].Operations()[0].Integration()
	ms := 10000
	integ.TimeoutInMillis = &ms
	if err := docs[0].SetExtension(e, integ); err != nil {
		t.Fatal(err)
	}
	text, err := docs[0].Text()
	if want := strings.Replace(src, "timeoutInMillis: 29000", "timeoutInMillis: 10000", 1); err != nil || string(text) != want {
		t.Errorf("Text: %v\n%s", err, text)
	}
}

func TestSetExtensionRefusesOtherValues(t *testing.T) {
	docs, _, _ := Load("pets.yaml", []byte(roundTripSrc), LoadOptions{})
	e := &docs[0].Operation("/pets", "GET").Extensions()[0]
	if err := docs[0].SetExtension(e, &extensions.RequestValidatorName{Name: "x"}); err == nil {
		t.Error("a request validator name stored under x-amazon-apigateway-integration")
	}
}
