package extensions

import (
	"strings"
	"testing"
)

func TestRequestValidators(t *testing.T) {
	tests := []struct {
		name, text, want, msg string
	}{
		{"good", "all: {validateRequestBody: true, validateRequestParameters: true}\nparams-only: {validateRequestParameters: true}", "", ""},
		{"string bool tolerated", "all: {validateRequestBody: 'true'}", "", ""},
		{"not an object", "[a]", "warning:APIGW100", "must be an object"},
		{"bad bool", "all: {validateRequestBody: yes please}", "warning:APIGW100", "true or false"},
		{"unknown key", "all: {validateRequestBodies: true}", "info:APIGW102", `did you mean "validateRequestBody"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, ExtRequestValidators, tc.text)
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
			if tc.msg != "" && !strings.Contains(ds[0].Message, tc.msg) {
				t.Fatalf("message %q lacks %q", ds[0].Message, tc.msg)
			}
		})
	}
}

func TestRequestValidatorsRoundTrip(t *testing.T) {
	v := assertRoundTrip(t, ExtRequestValidators, "# validators\nb: {validateRequestParameters: \"true\", extra: 1}\na:\n  validateRequestBody: false # body\n")
	rv := v.(*RequestValidators)
	if got := strings.Join(rv.Validators.Keys(), ","); got != "b,a" {
		t.Fatalf("order = %s", got)
	}
	if b, _ := rv.Validators.Get("b"); b.ValidateRequestParameters == nil || !*b.ValidateRequestParameters {
		t.Fatalf("b.validateRequestParameters not decoded")
	}
	assertRoundTrip(t, ExtRequestValidator, "'all'")
}
