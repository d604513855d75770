package openapi

import (
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

// TestSetExtensionRoundTrip changes one typed value, writes the document
// back, and checks that only that value changed.
func TestSetExtensionRoundTrip(t *testing.T) {
	for _, format := range []source.Format{source.YAML, source.JSON} {
		docs, diags, err := Load("pets.yaml", []byte(roundTripSrc), LoadOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatal(err, diags)
		}
		doc := docs[0]
		exts := doc.Operation("/pets", "GET").Extensions()
		e := &exts[0]
		integ := e.Value.(*extensions.Integration)
		ms := 10000
		integ.TimeoutInMillis = &ms
		if err := doc.SetExtension(e, integ); err != nil {
			t.Fatal(err)
		}
		var out []byte
		if format == source.JSON {
			out, err = source.WriteJSON(doc.Tree)
		} else {
			out, err = source.WriteYAML(doc.Tree)
		}
		if err != nil {
			t.Fatal(err)
		}
		want := roundTripSrc
		if format == source.JSON {
			orig, _, _ := Load("pets.yaml", []byte(roundTripSrc), LoadOptions{})
			w, _ := source.WriteJSON(orig[0].Tree)
			want = strings.Replace(string(w), `"timeoutInMillis": 29000`, `"timeoutInMillis": 10000`, 1)
		} else {
			canon, _, _ := Canonical("pets.yaml", []byte(roundTripSrc), source.YAML, source.Limits{})
			want = strings.Replace(string(canon), "timeoutInMillis: 29000", "timeoutInMillis: 10000", 1)
		}
		if string(out) != want {
			t.Errorf("%s: got\n%s\nwant\n%s", format, out, want)
		}
		if format == source.YAML && (!strings.Contains(string(out), "# the backend") || !strings.Contains(string(out), "# the only answer")) {
			t.Errorf("comments lost:\n%s", out)
		}
		again, _, _ := Load("pets.yaml", out, LoadOptions{})
		got := again[0].Operation("/pets", "GET").Extension(extensions.ExtIntegration).(*extensions.Integration)
		if got.TimeoutInMillis == nil || *got.TimeoutInMillis != 10000 {
			t.Errorf("%s: timeout not written: %v", format, got.TimeoutInMillis)
		}
	}
}

func TestSetExtensionRefusesOtherValues(t *testing.T) {
	docs, _, _ := Load("pets.yaml", []byte(roundTripSrc), LoadOptions{})
	e := &docs[0].Operation("/pets", "GET").Extensions()[0]
	if err := docs[0].SetExtension(e, &extensions.RequestValidatorName{Name: "x"}); err == nil {
		t.Error("a request validator name stored under x-amazon-apigateway-integration")
	}
}
