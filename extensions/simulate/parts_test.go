package simulate

import (
	"slices"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

func TestSelectTemplate(t *testing.T) {
	tpl := map[string]string{"application/xml": "x", "application/json": "j", "text/html": "h"}
	tests := []struct {
		accept, templates, want string
	}{
		{"", "all", "application/json"},
		{"application/xml", "all", "application/xml"},
		{"Application/XML; charset=utf-8", "all", "application/xml"},
		// Only the first Accept media type counts.
		{"image/png, application/xml", "all", "application/json"},
		{"text/html;q=0.1, application/xml", "all", "text/html"},
		// No application/json template: the first by media type applies.
		{"", "nojson", "application/xml"},
		{"image/png", "nojson", "application/xml"},
		{"", "none", ""},
	}
	for _, tt := range tests {
		ts := tpl
		switch tt.templates {
		case "nojson":
			ts = map[string]string{"text/html": "h", "application/xml": "x"}
		case "none":
			ts = nil
		}
		got := SelectTemplate(ts, tt.accept)
		name := ""
		if got != nil {
			name = got.MediaType
		}
		if name != tt.want {
			t.Errorf("Accept %q (%s): got %q, want %q", tt.accept, tt.templates, name, tt.want)
		}
	}
}

func TestResponseConversion(t *testing.T) {
	bin := []string{"image/*"}
	tests := []struct {
		list                 []string
		ct, accept, handling string
		want                 string
	}{
		{nil, "image/png", "image/png", "", ConvertNone},
		{nil, "", "", "CONVERT_TO_BINARY", ConvertDecode},
		{nil, "", "", "CONVERT_TO_TEXT", ConvertNone},
		{bin, "application/json", "application/json", "", ConvertNone},
		{bin, "application/json", "application/json", "CONVERT_TO_BINARY", ConvertDecode},
		{bin, "application/json", "application/json", "CONVERT_TO_TEXT", ConvertNone},
		{bin, "application/json", "image/png", "", ConvertDecode},
		{bin, "application/json", "image/png", "CONVERT_TO_BINARY", ConvertDecode},
		{bin, "application/json", "image/png", "CONVERT_TO_TEXT", ConvertNone},
		{bin, "image/png", "application/json", "", ConvertEncode},
		{bin, "image/png", "application/json", "CONVERT_TO_BINARY", ConvertNone},
		{bin, "image/png", "application/json", "CONVERT_TO_TEXT", ConvertEncode},
		{bin, "image/png", "image/jpeg", "", ConvertNone},
		{bin, "image/png", "image/jpeg", "CONVERT_TO_BINARY", ConvertNone},
		{bin, "image/png", "image/jpeg", "CONVERT_TO_TEXT", ConvertEncode},
	}
	for _, tt := range tests {
		if got := ResponseConversion(tt.list, tt.ct, tt.accept, tt.handling); got != tt.want {
			t.Errorf("%v %q→%q %q: got %s, want %s", tt.list, tt.ct, tt.accept, tt.handling, got, tt.want)
		}
	}
}

func TestMatchesMediaType(t *testing.T) {
	for _, tt := range []struct {
		list []string
		mt   string
		want bool
	}{
		{[]string{"*/*"}, "text/plain", true},
		{[]string{"image/*"}, "image/png", true},
		{[]string{"image/*"}, "text/png", false},
		{[]string{"Image/PNG"}, "image/png", true},
		{[]string{"image/png"}, "", false},
	} {
		if got := MatchesMediaType(tt.list, tt.mt); got != tt.want {
			t.Errorf("%v %q: got %v", tt.list, tt.mt, got)
		}
	}
}

func TestEvalJSONPath(t *testing.T) {
	body := []byte(`{"a":{"b":[10,{"c":"x"}],"d e":true,"n":null}}`)
	tests := []struct {
		path, want string
		found      bool
		err        bool
	}{
		{"$.a.b[0]", "10", true, false},
		{"a.b[0]", "10", true, false},
		{"a.b[-1].c", "x", true, false},
		{"$.a['d e']", "true", true, false},
		{`$.a["b"][1]`, `{"c":"x"}`, true, false},
		{"a.n", "null", true, false},
		{"$", `{"a":{"b":[10,{"c":"x"}],"d e":true,"n":null}}`, true, false},
		{"a.b[5]", "", false, false},
		{"a.zz", "", false, false},
		{"a.b.c", "", false, false},
		{"a..b", "", false, true},
		{"a.b[*]", "", false, true},
		{"a.*", "", false, true},
		{"a.b[?(@.c)]", "", false, true},
	}
	for _, tt := range tests {
		v, found, err := EvalJSONPath(body, tt.path)
		if (err != nil) != tt.err || found != tt.found || found && JSONText(v) != tt.want {
			t.Errorf("%s: got %v %v %v, want %q %v err=%v", tt.path, JSONText(v), found, err, tt.want, tt.found, tt.err)
		}
	}
	if _, found, err := EvalJSONPath([]byte("not json"), "a"); found || err != nil {
		t.Error("non-JSON body selects something")
	}
}

func TestTemplateVariables(t *testing.T) {
	text := `#set($root = $input.path('$'))
{"id": "$root.id", "q": "$input.params('q')", "all": $input.params(), "raw": "$input.body",
 "j": $input.json("$.a"), "req": "$context.requestId", "ip": "${context.identity.sourceIp}",
 "env": "$stageVariables.env", "e2": "$stageVariables['other']", "esc": "$util.escapeJavaScript($root.x)",
 "again": "$context.requestId", "quiet": "$!{context.stage}", "inputRoot": "$inputRoot.x"}`
	want := []string{"$input.path('$')", "$input.params('q')", "$input.params()", "$input.body", `$input.json("$.a")`,
		"$context.requestId", "$context.identity.sourceIp", "$stageVariables.env", "$stageVariables['other']",
		"$util.escapeJavaScript", "$context.stage"}
	if got := TemplateVariables(text); !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestParseHeader(t *testing.T) {
	if h, err := ParseHeader("X-A:  b: c "); err != nil || h.Name != "X-A" || h.Value != "b: c" {
		t.Errorf("got %+v %v", h, err)
	}
	for _, bad := range []string{"no colon", ": v", "a b: c"} {
		if _, err := ParseHeader(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestHTTP(t *testing.T) {
	params := map[string]map[string]string{
		"200": {
			"append:header.X-Via":         "apigw-${context.stage}",
			"overwrite:header.Server":     "edge",
			"remove:header.X-Internal":    "",
			"overwrite:header.X-Id":       "$response.body.id",
			"overwrite:header.X-Caller":   "$request.header.X-Caller",
			"append:header.X-Up":          "$response.header.X-Up",
			"overwrite:header.X-Missing":  "$response.header.Nope",
			"overwrite:header.X-Stagevar": "$stageVariables.env",
		},
		"404": {"overwrite:statuscode": "410"},
	}
	res := Result{StatusCode: 200, Headers: Headers{{"Server", "origin"}, {"X-Internal", "1"}, {"X-Up", "u"}}, Body: []byte(`{"id": 7}`)}
	o := HTTP(params, res, Request{Context: map[string]string{"stage": "prod"}, StageVariables: map[string]string{"env": "dev"}})
	want := Headers{{"X-Up", "u"}, {"X-Up", "u"}, {"X-Via", "apigw-prod"}, {"Server", "edge"}, {"X-Id", "7"}, {"X-Stagevar", "dev"}}
	if o.Selected != "200" || o.StatusCode != "200" || !slices.Equal(o.Headers, want) {
		t.Errorf("got %q %s %v\nwant %v", o.Selected, o.StatusCode, o.Headers, want)
	}
	if !hasNote(o.Notes, diag.SimUnavailable) || !hasNote(o.Notes, diag.SimNoValue) {
		t.Errorf("notes: %v", o.Notes)
	}
	if o := HTTP(params, Result{StatusCode: 404}, Request{}); o.StatusCode != "410" {
		t.Errorf("overwrite:statuscode: got %s", o.StatusCode)
	}
	if o := HTTP(params, Result{StatusCode: 500}, Request{}); o.Selected != "" || o.StatusCode != "500" {
		t.Errorf("unmapped status: %+v", o)
	}
}
