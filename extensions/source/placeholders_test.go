package source

import "testing"

func TestQuotePlaceholders(t *testing.T) {
	for in, want := range map[string]string{
		`{"timeoutInMillis": ${timeout}, "uri": "${lambda_arn}"}`: `{"timeoutInMillis": "${timeout}", "uri": "${lambda_arn}"}`,
		"uri: ${lambda_arn} # ${not this}\n":                      "uri: \"${lambda_arn}\" # ${not this}\n",
		"a: {b: ${x}, c: '${y}'}\n":                               "a: {b: \"${x}\", c: '${y}'}\n",
		`x: ${jsonencode({"a": 1})}`:                              `x: "${jsonencode({\"a\": 1})}"`,
		"no placeholders\n":                                       "no placeholders\n",
		"broken: ${x\n":                                           "broken: ${x\n",
	} {
		if got := string(QuotePlaceholders([]byte(in))); got != want {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
	}
	for _, c := range []string{"api.yaml.tpl", "API.JSON.TPL"} {
		if !IsTemplateFile(c) {
			t.Errorf("%s is a template file", c)
		}
	}
}
