package simulate

import (
	"errors"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

func ptr(s string) *string { return &s }

// lambdaMethod is a Lambda method with error patterns and a default.
func lambdaMethod() *apimodel.Method {
	return &apimodel.Method{
		MethodResponses: map[string]*apimodel.MethodResponse{
			"200": {StatusCode: "200"},
			"400": {StatusCode: "400"},
			"404": {StatusCode: "404", ResponseParameters: map[string]bool{"method.response.header.X-Kind": false}},
			"500": {StatusCode: "500"},
		},
		MethodIntegration: &apimodel.Integration{
			Type: "AWS", URI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations",
			IntegrationResponses: map[string]*apimodel.IntegrationResponse{
				"200": {StatusCode: "200"},
				"400": {StatusCode: "400", SelectionPattern: `.*Bad.*`},
				"404": {StatusCode: "404", SelectionPattern: `.*\[NotFound\].*`,
					ResponseParameters: map[string]string{"method.response.header.X-Kind": "'NotFound'"}},
				"500": {StatusCode: "500", SelectionPattern: `(?s).*\[Internal\].*`},
			},
		},
	}
}

func TestRESTSelection(t *testing.T) {
	tests := []struct {
		name     string
		msg      *string
		selected string
		status   string
		failed   bool
	}{
		{"whole message matches", ptr("[NotFound] no pet"), `.*\[NotFound\].*`, "404", false},
		{"success uses default", nil, "default", "200", false},
		{"no match falls back to default", ptr("something else"), "default", "200", false},
		// '.' stops at a line terminator: the stack trace line breaks the match.
		{"dot does not cross newline", ptr("[NotFound] x\nat line 2"), "default", "200", false},
		{"(?s) crosses newline", ptr("[Internal] x\nat line 2"), `(?s).*\[Internal\].*`, "500", false},
		// Two patterns match "Bad [NotFound]": the lower status code is tried first.
		{"first status code wins", ptr("Bad [NotFound]"), `.*Bad.*`, "400", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := REST(lambdaMethod(), nil, Result{StatusCode: 200, ErrorMessage: tt.msg}, Request{})
			if err != nil {
				t.Fatal(err)
			}
			if o.Selected != tt.selected || o.StatusCode != tt.status || o.Failed != tt.failed {
				t.Errorf("selected %q status %s failed %v; want %q %s %v", o.Selected, o.StatusCode, o.Failed, tt.selected, tt.status, tt.failed)
			}
		})
	}
}

func TestRESTAmbiguousNote(t *testing.T) {
	o, _ := REST(lambdaMethod(), nil, Result{ErrorMessage: ptr("Bad [NotFound]")}, Request{})
	if !hasNote(o.Notes, diag.SimAmbiguous) {
		t.Errorf("two matching patterns give no %s note: %v", diag.SimAmbiguous, o.Notes)
	}
}

func hasNote(ns []Note, code diag.Code) bool {
	for _, n := range ns {
		if n.Code == code {
			return true
		}
	}
	return false
}

func TestRESTStatusCodeIntegration(t *testing.T) {
	m := &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "HTTP",
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{
			"200": {StatusCode: "200", SelectionPattern: `2\d{2}`},
			"400": {StatusCode: "400", SelectionPattern: `4\d{2}`},
		}}}
	for status, want := range map[int]string{201: "200", 404: "400"} {
		o, err := REST(m, nil, Result{StatusCode: status, ErrorMessage: ptr("ignored for HTTP")}, Request{})
		if err != nil || o.StatusCode != want || o.MatchedAgainst != "statusCode" {
			t.Errorf("status %d: got %s (%s), %v; want %s", status, o.StatusCode, o.MatchedAgainst, err, want)
		}
	}
	o, _ := REST(m, nil, Result{StatusCode: 503}, Request{})
	if !o.Failed || o.StatusCode != "500" || !hasNote(o.Notes, diag.SimNoMatch) {
		t.Errorf("no match and no default: %+v", o)
	}
}

func TestRESTNoMethodResponse(t *testing.T) {
	m := lambdaMethod()
	delete(m.MethodResponses, "404")
	o, _ := REST(m, nil, Result{ErrorMessage: ptr("[NotFound]")}, Request{})
	if !o.Failed || !hasNote(o.Notes, diag.SimNoMethodResponse) {
		t.Errorf("missing method response not reported: %+v", o)
	}
}

func TestRESTInvalidPattern(t *testing.T) {
	m := lambdaMethod()
	m.MethodIntegration.IntegrationResponses["422"] = &apimodel.IntegrationResponse{StatusCode: "422", SelectionPattern: `{"error":.*}`}
	_, err := REST(m, nil, Result{}, Request{})
	var pe *PatternError
	if !errors.As(err, &pe) || pe.Key != `{"error":.*}` || pe.Offset != 1 || !strings.Contains(err.Error(), string(diag.SimInvalidPattern)) {
		t.Fatalf("got %v, want a PatternError at offset 1", err)
	}
}

func TestRESTApproximate(t *testing.T) {
	m := &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "HTTP",
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{
			"504": {StatusCode: "504", SelectionPattern: `(?!2)\d+`},
			"200": {StatusCode: "200"},
		}}}
	o, _ := REST(m, nil, Result{StatusCode: 504}, Request{})
	if !o.Approximate || o.StatusCode != "504" || !hasNote(o.Notes, diag.SimApproximate) {
		t.Errorf("lookahead: %+v", o)
	}
	o, _ = REST(lambdaMethod(), nil, Result{ErrorMessage: ptr("x")}, Request{})
	if o.Approximate {
		t.Error("RE2-expressible patterns reported approximate")
	}
}

func TestRESTProxy(t *testing.T) {
	m := &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "AWS_PROXY"}}
	o, _ := REST(m, nil, Result{StatusCode: 418, Body: []byte("x")}, Request{})
	if o.StatusCode != "418" || !hasNote(o.Notes, diag.SimProxy) || string(o.Body) != "x" {
		t.Errorf("proxy: %+v", o)
	}
}

func TestRESTHeaders(t *testing.T) {
	m := &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "HTTP",
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{"200": {StatusCode: "200",
			ResponseParameters: map[string]string{
				"method.response.header.A": "integration.response.header.X-Up",
				"method.response.header.B": "integration.response.multivalueheader.X-Up",
				"method.response.header.C": "integration.response.body.items[1].id",
				"method.response.header.D": "integration.response.body",
				"method.response.header.E": "'static'",
				"method.response.header.F": "context.requestId",
				"method.response.header.G": "stageVariables.env",
				"method.response.header.H": "integration.response.body.missing",
				"method.response.header.I": "integration.response.header.Absent",
				"method.response.header.J": "integration.response.body.items[0]",
			}}}}}
	body := `{"items":[{"id":1},{"id":"two"}]}`
	res := Result{StatusCode: 200, Headers: Headers{{"x-up", "1"}, {"X-Up", "2"}}, Body: []byte(body)}
	o, err := REST(m, nil, res, Request{Context: map[string]string{"requestId": "r1"}, StageVariables: map[string]string{"env": "dev"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "2", "B": "1,2", "C": "two", "D": body, "E": "static", "F": "r1", "G": "dev", "J": `{"id":1}`}
	got := map[string]string{}
	for _, h := range o.Headers {
		if h.Set {
			got[h.Name] = h.Value
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("header %s = %q, want %q", k, got[k], v)
		}
	}
	for _, k := range []string{"H", "I"} {
		if _, ok := got[k]; ok {
			t.Errorf("header %s set, want absent", k)
		}
	}
	if len(o.Headers) != 10 || o.Headers[0].Name != "A" || o.Headers[9].Name != "J" {
		t.Errorf("headers not in key order: %+v", o.Headers)
	}
}

func TestRESTUndeclaredHeader(t *testing.T) {
	m := lambdaMethod()
	m.MethodResponses["404"].ResponseParameters = map[string]bool{}
	o, _ := REST(m, nil, Result{ErrorMessage: ptr("[NotFound]")}, Request{})
	if !hasNote(o.Notes, diag.SimUndeclaredHeader) {
		t.Errorf("undeclared header not noted: %v", o.Notes)
	}
}

func TestRESTConversion(t *testing.T) {
	m := &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "HTTP",
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{"200": {StatusCode: "200", ContentHandling: "CONVERT_TO_BINARY"}}}}
	o, _ := REST(m, nil, Result{Body: []byte("aGk=")}, Request{})
	if string(o.Body) != "hi" || o.Conversion != ConvertDecode {
		t.Errorf("decode: %q %s", o.Body, o.Conversion)
	}
	o, _ = REST(m, nil, Result{Body: []byte("not base64!")}, Request{})
	if !o.Failed || !hasNote(o.Notes, diag.SimConversion) {
		t.Errorf("bad base64 not a failure: %+v", o)
	}
}
