package source

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/tree"
	"go.yaml.in/yaml/v4"
)

// compact removes the layout of WriteJSON output (newlines and indentation),
// so that table cases stay short.
func compact(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimLeft(line, " "))
	}
	return b.String()
}

func TestWriteJSON(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"key order", "z: 1\na: 2\n", `{"z": 1,"a": 2}`},
		{"numbers as written", "a: 1.0\nb: 200\nc: 123456789012345678901234567890\nd: 1e5\n",
			`{"a": 1.0,"b": 200,"c": 123456789012345678901234567890,"d": 1e5}`},
		{"integers in other bases", "a: 0x1F\nb: 0o17\nc: 1_000\nd: +5\ne: 017\n", `{"a": 31,"b": 15,"c": 1000,"d": 5,"e": 15}`},
		{"floats in YAML-only forms", "a: .5\nb: 1.\nc: +1.5\nd: -.5e3\ne: 08\nf: 1_000.5\n",
			`{"a": 0.5,"b": 1.0,"c": 1.5,"d": -0.5e3,"e": 8.0,"f": 1000.5}`},
		{"booleans and null", "a: True\nb: FALSE\nc: ~\nd: null\ne:\nf: yes\n", `{"a": true,"b": false,"c": null,"d": null,"e": null,"f": "yes"}`},
		{"timestamps stay strings", "a: 2001-12-14\n", `{"a": "2001-12-14"}`},
		{"quoted stays string", "a: \"200\"\nb: 'true'\n", `{"a": "200","b": "true"}`},
		{"empty collections", "a: {}\nb: []\n", `{"a": {},"b": []}`},
		{"comments dropped", "# c\na: 1 # d\n", `{"a": 1}`},
		{"non-string keys", "200: a\n1.5: b\ntrue: c\n~: d\n0x10: e\n", `{"200": "a","1.5": "b","true": "c","null": "d","16": "e"}`},
		{"aliases expanded", "a: &x {k: v}\nb: *x\n", `{"a": {"k": "v"},"b": {"k": "v"}}`},
		{"merge keys applied", "b: &b {x: 1, y: 2}\nm:\n  y: 3\n  <<: *b\n  z: 4\n", `{"b": {"x": 1,"y": 2},"m": {"y": 3,"x": 1,"z": 4}}`},
		{"merge list, earlier wins", "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nm: {<<: [*a, *b]}\n",
			`{"a": {"x": 1},"b": {"x": 2,"y": 2},"m": {"x": 1,"y": 2}}`},
		{"quoted << is a key", "'<<': 1\n", `{"<<": 1}`},
		{"Ref", "a: !Ref P\n", `{"a": {"Ref": "P"}}`},
		{"Sub", "a: !Sub 'x-${AWS::Region}'\n", `{"a": {"Fn::Sub": "x-${AWS::Region}"}}`},
		{"Sub list", "a: !Sub ['${x}', {x: 1}]\n", `{"a": {"Fn::Sub": ["${x}",{"x": 1}]}}`},
		{"GetAtt splits at the first dot", "a: !GetAtt Db.Endpoint.Address\n", `{"a": {"Fn::GetAtt": ["Db","Endpoint.Address"]}}`},
		{"GetAtt list", "a: !GetAtt [Fn, Arn]\n", `{"a": {"Fn::GetAtt": ["Fn","Arn"]}}`},
		{"nested intrinsics", "a: !Join ['', [x, !Ref y]]\n", `{"a": {"Fn::Join": ["",["x",{"Ref": "y"}]]}}`},
		{"tagged number is a string", "a: !Ref 5\n", `{"a": {"Ref": "5"}}`},
		{"GetAZs empty", "a: !GetAZs ''\n", `{"a": {"Fn::GetAZs": ""}}`},
		{"escapes", "a: \"q\\\" b\\\\ n\\n t\\t c\\x01 del\\x7f <>& \\u2028\\u2029 é\"\n",
			`{"a": "q\" b\\ n\n t\t c\u0001 del` + "\x7f" + ` <>& \u2028\u2029 é"}`},
		{"scalar document", "x\n", `"x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := WriteJSON(tree.Load(t, tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(string(got), "\n") {
				t.Error("no final newline")
			}
			if c := compact(string(got)); c != tt.want {
				t.Errorf("WriteJSON:\n%s\nwant (compacted):\n%s", c, tt.want)
			}
		})
	}
}

func TestWriteJSONEmptyDocument(t *testing.T) {
	got, err := WriteJSON(&yaml.Node{Kind: yaml.DocumentNode})
	if err != nil || string(got) != "null\n" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := WriteJSON(nil); err == nil {
		t.Error("no error for a nil tree")
	}
}

func TestWriteJSONLayout(t *testing.T) {
	got, err := WriteJSON(tree.Load(t, "a:\n  - 1\n  - {b: []}\nc: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": [\n    1,\n    {\n      \"b\": []\n    }\n  ],\n  \"c\": {}\n}\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWriteJSONRefuses(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"infinity", "a: .inf\n", "/a (line 1, column 4): .inf: JSON has no infinity or NaN"},
		{"negative infinity", "a: [-.Inf]\n", "/a/0 (line 1, column 5)"},
		{"nan", "a: .nan\n", "JSON has no infinity or NaN"},
		{"unknown custom tag", "a: !Foo x\n", "tag !Foo has no JSON form"},
		{"mapping key", "? {a: 1}\n: x\n", "a mapping as a mapping key has no JSON form"},
		{"tagged key", "!Ref a: x\n", "tag !Ref on a mapping key"},
		{"keys equal as JSON", "1: a\n'1': b\n", `key "1" appears twice`},
		{"merge of a scalar", "a: {<<: 1}\n", "merge key << needs a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			if err := yaml.Load([]byte(tt.in), &n); err != nil {
				t.Skipf("yaml v4 refuses the input: %v", err)
			}
			_, err := WriteJSON(&n)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestWriteJSONRefusesAliasCycles(t *testing.T) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Anchor: "m"}
	m.Content = []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "self"},
		{Kind: yaml.AliasNode, Value: "m", Alias: m},
	}
	if _, err := WriteJSON(m); err == nil || !strings.Contains(err.Error(), "refers to a node that contains it") {
		t.Errorf("error %v", err)
	}
}

func TestWriteJSONHandBuiltTree(t *testing.T) {
	// Nodes built in code may leave Tag empty; they convert as loaded ones.
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "n"}, {Kind: yaml.ScalarNode, Value: "0x10"},
		{Kind: yaml.ScalarNode, Value: "b"}, {Kind: yaml.ScalarNode, Value: "true"},
		{Kind: yaml.ScalarNode, Value: "s"}, {Kind: yaml.ScalarNode, Value: "true", Style: yaml.DoubleQuotedStyle},
		{Kind: yaml.ScalarNode, Value: "t"}, {Kind: yaml.ScalarNode, Value: "2001-12-14"},
	}}
	got, err := WriteJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	if c, want := compact(string(got)), `{"n": 16,"b": true,"s": "true","t": "2001-12-14"}`; c != want {
		t.Errorf("got %s, want %s", c, want)
	}
}

func TestResolvePlainMatchesYAML(t *testing.T) {
	for _, v := range []string{
		"1", "-1", "+1", "0x1F", "0o17", "017", "08", "1_000", "1.5", ".5", "1.", "1e5", "-0", "-0.0",
		".inf", "-.Inf", ".NaN", "true", "False", "yes", "no", "on", "~", "null", "NULL", "<<",
		"2001-12-14", "2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10", "2001-13-14", "1_2.5",
		"123456789012345678901234567890", "0b101", "text", "+", ".", "1.2.3",
	} {
		n := tree.Load(t, "a: "+v)
		want := n.Content[0].Content[1].ShortTag()
		if got := resolvePlain(v); got != want {
			t.Errorf("resolvePlain(%q) = %s, yaml v4 says %s", v, got, want)
		}
	}
}

func TestYAMLToJSONToYAML(t *testing.T) {
	src := "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates: {application/json: '{\"statusCode\": 200}'}\n        timeoutInMillis: 29000\n        passthroughBehavior: when_no_match\n        multiline: |\n          a\n          b\n"
	in := tree.Load(t, src)
	js, err := WriteJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	fromJSON := tree.Load(t, string(js))
	if ok, why := tree.Equal(in, fromJSON, tree.Options{IgnoreStyle: true}); !ok {
		t.Fatalf("YAML→JSON changed the tree: %s", why)
	}
	y, err := WriteYAML(Restyle(fromJSON))
	if err != nil {
		t.Fatal(err)
	}
	if ok, why := tree.Equal(in, tree.Load(t, string(y)), tree.Options{IgnoreStyle: true}); !ok {
		t.Fatalf("YAML→JSON→YAML changed the tree: %s\n%s", why, y)
	}
}

// TestWriteJSONStringAsEncodingJSON holds WriteJSONString to encoding/json without
// HTML escaping, on strings it copies and on ones it escapes.
func TestWriteJSONStringAsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "arn:aws:apigateway:${AWS::Region}:lambda:path/x", "<a&b>", `q"uote`, `back\slash`, "tab\there", "new\nline",
		"del\x7f", "Zoë", "\u2028", "bad\xffutf8", "{\"statusCode\": 200}"} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		WriteJSONString(&got, s)
		if got.String()+"\n" != want.String() {
			t.Errorf("%q: got %s, want %s", s, got.String(), want.String())
		}
	}
}

// TestJSONStringLen compares JSONStringLen with the length WriteJSONString
// writes, on random strings over bytes that are escaped, multi-byte runes,
// U+2028/U+2029 and invalid UTF-8.
func TestJSONStringLen(t *testing.T) {
	pieces := []string{"a", " ", "~", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "ë", "€", "😀", "\u2028", "\u2029", "\xff", "\xe2\x80", "<", "&"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var s strings.Builder
		for range r.IntN(12) {
			s.WriteString(pieces[r.IntN(len(pieces))])
		}
		var b bytes.Buffer
		WriteJSONString(&b, s.String())
		if got := JSONStringLen(s.String()); got != b.Len() {
			t.Fatalf("JSONStringLen(%q) = %d; WriteJSONString writes %d bytes: %s", s.String(), got, b.Len(), b.Bytes())
		}
	}
}
