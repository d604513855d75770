package extensions

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// extCase is one value of an extension and the diagnostics it must give.
type extCase struct {
	name, ext, text string
	// want is the exact list of severity:code, as codes prints it.
	want string
	// msg, when set, must appear in the first diagnostic's message.
	msg string
}

// runExtCases decodes each case and compares its diagnostics.
func runExtCases(t *testing.T, cases []extCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := decodeText(t, tc.ext, tc.text)
			if got := codes(ds); got != tc.want {
				t.Fatalf("codes = %q, want %q (%v)", got, tc.want, ds)
			}
			if tc.msg != "" && !strings.Contains(ds[0].Message, tc.msg) {
				t.Fatalf("message %q lacks %q", ds[0].Message, tc.msg)
			}
		})
	}
}

// yamlNode keeps the example short.
type yamlNode = yaml.Node

// mustUnmarshal parses YAML text for examples.
func mustUnmarshal(text string, n *yaml.Node) {
	if err := yaml.Unmarshal([]byte(text), n); err != nil {
		panic(err)
	}
}
