package source

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/tree"
	"go.yaml.in/yaml/v4"
)

func TestWriteYAML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"flow becomes block", "a: {b: [1, 2]}\n", "a:\n  b:\n    - 1\n    - 2\n"},
		{"empty stays flow", "a: {}\nb: []\nc:\n", "a: {}\nb: []\nc:\n"},
		{"four-space indent becomes two", "a:\n    b:\n        - x\n", "a:\n  b:\n    - x\n"},
		{"key order kept", "z: 1\na: 2\nm: 3\n", "z: 1\na: 2\nm: 3\n"},
		{"comments kept", "# head\na: 1 # line\n# foot\n", "# head\na: 1 # line\n# foot\n"},
		{"quotes kept", "a: \"x\"\nb: 'y'\nc: \"200\"\n", "a: \"x\"\nb: 'y'\nc: \"200\"\n"},
		{"literal kept", "a: |\n  x\n  y\n", "a: |\n  x\n  y\n"},
		{"folded kept", "a: >-\n  x\n", "a: >-\n  x\n"},
		{"short-form tags", "a: !Sub 'x-${AWS::Region}'\nb: !GetAtt Fn.Arn\nc: !Ref P\n",
			"a: !Sub 'x-${AWS::Region}'\nb: !GetAtt Fn.Arn\nc: !Ref P\n"},
		{"tagged sequence", "a: !Join ['', [x, !Ref y]]\n", "a: !Join\n  - ''\n  - - x\n    - !Ref y\n"},
		{"anchors and aliases", "a: &x {k: v}\nb: *x\n", "a: &x\n  k: v\nb: *x\n"},
		{"no line folding", "a: " + strings.Repeat("word ", 40) + "end\n", "a: " + strings.Repeat("word ", 40) + "end\n"},
		{"tab stays escaped", "a: \"x\\ty\"\n", "a: \"x\\ty\"\n"},
		{"document marker dropped", "---\na: 1\n", "a: 1\n"},
		{"numbers as written", "a: 0x1F\nb: 1.0\nc: 1_000\n", "a: 0x1F\nb: 1.0\nc: 1_000\n"},
		{"comment of flow value moves to key", "a: [x] # c\n", "a: # c\n  - x\n"},
		{"flow with inner comment stays flow", "a:\n  - [x] # c\n  - y\n", "a:\n  - [x] # c\n  - y\n"},
		{"foot comment under a nested key", "a:\n  b:\n    c: 1\n  # foot\n\nd: 2\n", "a:\n  b:\n    c: 1\n  # foot\n\nd: 2\n"},
		{"foot comment of the deepest key", "a:\n  b: 1\n  # foot\nd: 2\n", "a:\n  b: 1\n  # foot\n\nd: 2\n"},
		{"comment-like lines in a block scalar", "a:\n  b: |\n    x\n      # x\n    y\nc: 1\n", "a:\n  b: |\n    x\n      # x\n    y\nc: 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tree.Load(t, tt.in)
			got, err := WriteYAML(in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("WriteYAML:\n%s\nwant:\n%s", got, tt.want)
			}
			tree.AssertYAMLRoundTrip(t, in, got, WriteYAML)
		})
	}
}

func TestWriteYAMLDoesNotModifyTheTree(t *testing.T) {
	in := tree.Load(t, "a: {b: 1}\nc: true\n")
	if _, err := WriteYAML(in); err != nil {
		t.Fatal(err)
	}
	m := in.Content[0]
	if m.Content[1].Style&yaml.FlowStyle == 0 {
		t.Error("flow style of the input was changed")
	}
	if got := m.Content[3].Tag; got != "!!bool" {
		t.Errorf("tag of the input became %q", got)
	}
}

func TestWriteYAMLKeepsTagsOfHandBuiltScalars(t *testing.T) {
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{
		Kind: yaml.MappingNode, Tag: "!!map",
		Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: "f"},
			{Kind: yaml.ScalarNode, Tag: "!!float", Value: "1"},
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: "s"},
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: "true"},
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: "i"},
			{Kind: yaml.ScalarNode, Tag: "!!int", Value: "2"},
		},
	}}}
	got, err := WriteYAML(doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := "f: !!float 1\ns: 'true'\ni: 2\n"; string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	back := tree.Load(t, string(got))
	if ok, why := tree.Equal(doc, back, tree.Options{IgnoreStyle: true}); !ok {
		t.Errorf("output does not load to the input tree: %s", why)
	}
}

func TestWriteYAMLNil(t *testing.T) {
	if _, err := WriteYAML(nil); err == nil {
		t.Error("no error for a nil tree")
	}
}

func TestRestyle(t *testing.T) {
	in := tree.Load(t, `{"a": "true", "b": "200", "c": "text", "d": "l1\nl2", "e": "x: y", "f": "", "g": [1, {"h": null}]}`)
	out, err := WriteYAML(Restyle(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "a: 'true'\nb: '200'\nc: text\nd: |-\n  l1\n  l2\ne: 'x: y'\nf: ''\ng:\n  - 1\n  - h: null\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	back := tree.Load(t, string(out))
	if ok, why := tree.Equal(in, back, tree.Options{IgnoreStyle: true}); !ok {
		t.Errorf("restyled output is another tree: %s", why)
	}
	if in.Content[0].Content[1].Style != yaml.DoubleQuotedStyle {
		t.Error("Restyle modified its input")
	}
}

// blockScalarHeader is what opensBlockScalar matches, as a pattern.
var blockScalarHeader = regexp.MustCompile(`(?:^|[ ])[|>][-+1-9]*(?: +#.*)?$`)

func TestOpensBlockScalar(t *testing.T) {
	for line, want := range map[string]bool{
		"a: |": true, "a: >-": true, "- |2": true, "a: !Sub |": true, "a: | # c": true, "|": true, "a: |+9  #": true,
		"a: x": false, "a: 'x|'": false, "a: x|y": false, "# a: |x": false, "a: | ": false, "a: |#": false, "a: |0": false,
	} {
		if got := opensBlockScalar([]byte(line)); got != want {
			t.Errorf("opensBlockScalar(%q) = %v, want %v", line, got, want)
		}
	}
	// Random lines of the characters that matter, against the pattern.
	rng := rand.New(rand.NewPCG(3, 5))
	const alphabet = "|> -+19#0a:'é"
	for range 200000 {
		line := make([]byte, rng.IntN(9))
		for i := range line {
			line[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := opensBlockScalar(line), blockScalarHeader.Match(line); got != want {
			t.Fatalf("opensBlockScalar(%q) = %v, the pattern says %v", line, got, want)
		}
	}
}

func TestRestyleKeepsSeparatorsEscaped(t *testing.T) {
	out, err := WriteYAML(Restyle(tree.Load(t, `{"a": "x\u2028y", "b": "x\u0085y"}`)))
	if err != nil {
		t.Fatal(err)
	}
	if want := "a: \"x\\Ly\"\nb: \"x\\Ny\"\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
