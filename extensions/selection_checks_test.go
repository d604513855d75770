package extensions

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/javaregex"
	"go.yaml.in/yaml/v4"
)

func TestSelectionPatternChecks(t *testing.T) {
	tests := []struct {
		name, text, want, msg string
		col                   int
	}{
		{"valid patterns", `{default: {statusCode: '200'}, '\[NotFound\].*': {statusCode: '404'}, '\[BadRequest\].*': {statusCode: '400'}}`, "", "", 0},
		{"java rejects a bare brace", `{'{"a":1}': {statusCode: '400'}}`, "error:APIGW350", "escape", 0},
		{"java rejects an open group", `{'(abc': {statusCode: '400'}}`, "error:APIGW350", "not a valid Java regular expression", 0},
		{"valid Java apigw cannot evaluate", `{'\N{LATIN SMALL LETTER A}': {statusCode: '400'}}`, "warning:APIGW355", "is valid Java, but apigw cannot evaluate it", 0},
		{"lookahead is approximate", `{'(?=Bad).*': {statusCode: '400'}}`, "info:APIGW351", "approximate", 0},
		{"(?U) means something else in Java", `{'(?U)\w+ error': {statusCode: '400'}}`, "info:APIGW352", "UNICODE_CHARACTER_CLASS", 0},
		{"POSIX class inside a class", `{'[[:alpha:]]+': {statusCode: '400'}}`, "info:APIGW352", "not a POSIX class", 0},
		{"dot alone is not remarked", `{'Bad.*': {statusCode: '400'}}`, "", "", 0},
		{"approximate and a meaning difference", `{'(?U)(?=Bad)\w+': {statusCode: '400'}}`, "info:APIGW352,info:APIGW351", "", 0},
		{"overlap", `{'.*Not.*': {statusCode: '404'}, '.*found.*': {statusCode: '410'}}`, "info:APIGW353", "both match", 0},
		{"disjoint", `{'4\d{2}': {statusCode: '400'}, '5\d{2}': {statusCode: '500'}}`, "", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := parse(t, tc.text)
			integ := parse(t, "{type: mock, requestTemplates: {application/json: '{}'}}")
			integ.Content = append(integ.Content, parse(t, "responses"), n)
			_, ds := Decode(ExtIntegration, integ, "")
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
			if tc.msg != "" && !strings.Contains(ds[0].Message, tc.msg) {
				t.Fatalf("message %q lacks %q", ds[0].Message, tc.msg)
			}
		})
	}
}

// TestSelectionOverlapBudget: hundreds of patterns that need the
// backtracking engine are compared within the budget of one document, and
// running out is reported once for all its integrations.
func TestSelectionOverlapBudget(t *testing.T) {
	integration := func(prefix string) *yaml.Node {
		var b strings.Builder
		b.WriteString("{type: mock, requestTemplates: {application/json: '{}'}, responses: {default: {statusCode: '200'}")
		for i := range 300 {
			fmt.Fprintf(&b, `, '(?!x)%s%d\b.*': {statusCode: '%d'}`, prefix, i, 400+i%100)
		}
		b.WriteString("}}")
		return parse(t, b.String())
	}
	budget := javaregex.NewBudget(300 * time.Millisecond)
	start := time.Now()
	var timeouts int
	for _, prefix := range []string{"A", "B", "C"} {
		_, ds := DecodeWithin(ExtIntegration, integration(prefix), "", budget)
		for _, d := range ds {
			if d.Code == diag.PatternTimeout {
				timeouts++
				if !strings.Contains(d.Message, "were not compared") {
					t.Errorf("message %q", d.Message)
				}
			}
		}
	}
	if timeouts != 1 {
		t.Errorf("%d budget warnings, want 1", timeouts)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s with a 300ms budget", d)
	}
}
