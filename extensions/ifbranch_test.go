package extensions

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

func TestIfBranches(t *testing.T) {
	cases := []struct {
		name, text string
		want       string // "pointer@line:col" of each branch
	}{
		{"long form", "{'Fn::If': [c, {a: 1}, {b: 2}]}", "/x/Fn::If/1@1:16 /x/Fn::If/2@1:24"},
		{"short form", "!If [c, {a: 1}, {b: 2}]", "/x/1@1:9 /x/2@1:17"},
		{"no value left out", "!If [c, !Ref AWS::NoValue, {b: 2}]", "/x/2@1:28"},
		{"no value as a Ref object", "{'Fn::If': [c, {a: 1}, {Ref: AWS::NoValue}]}", "/x/Fn::If/1@1:16"},
		{"nested", "!If [c, {a: 1}, !If [d, {b: 2}, {c: 3}]]", "/x/1@1:9 /x/2/1@1:25 /x/2/2@1:33"},
		{"both no value", "!If [c, !Ref AWS::NoValue, AWS::NoValue]", ""},
		{"not an Fn::If", "{a: 1}", "none"},
		{"malformed", "{'Fn::If': [c, {a: 1}]}", "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := []string{}
			ok := IfBranches(parse(t, c.text), "/x", func(b *yaml.Node, p string) {
				got = append(got, fmt.Sprintf("%s@%d:%d", p, b.Line, b.Column))
			})
			s := strings.Join(got, " ")
			if !ok {
				s = "none"
			}
			if s != c.want {
				t.Errorf("branches = %q, want %q", s, c.want)
			}
		})
	}
}

// An integration written entirely as Fn::If is kept as written, and each
// branch gets the checks of an integration, positioned in the branch: no
// "integration has no type" for the Fn::If object itself.
func TestIntegrationUnderIf(t *testing.T) {
	v, ds := decodeText(t, ExtIntegration, `
Fn::If:
  - UseMock
  - type: mock
    requestTemplates: {application/json: '{"statusCode": 200}'}
  - type: http
    uri: https://example.com
`)
	if i := v.(*Integration); !i.IsIntrinsic() {
		t.Fatal("the intrinsic is not kept as written")
	}
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%s %s %s %d:%d", d.Severity, d.Code, d.Pointer, d.Line, d.Column))
	}
	want := []string{"error " + string(diag.MissingField) + " /" + ExtIntegration + "/Fn::If/2 6:5"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findings = %q, want %q", got, want)
	}
	_, ds = DecodeIntegrations(parse(t, "a: !If [C, {type: mock}, {uri: x}]"), "/r", KindHTTP)
	if len(ds) != 1 || ds[0].Code != diag.MissingField || ds[0].Pointer != "/r/a/2" {
		t.Errorf("reusable integration under !If: %v", ds)
	}
}
