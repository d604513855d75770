package goclient

import (
	"testing"

	"go.yaml.in/yaml/v4"
)

func TestNumberName(t *testing.T) {
	for lit, want := range map[string]string{
		"2": "2", "-1": "N1", "0": "0", "1.5": "1P5", "-1.25": "N1P25", "1e+21": "1E21", "1e-07": "1EN07",
	} {
		if got := numberName(lit); got != want {
			t.Errorf("numberName(%q) = %q, want %q", lit, got, want)
		}
	}
}

// TestNumericEnum checks which enums become numeric enum types, and the
// canonical literal each value gets.
func TestNumericEnum(t *testing.T) {
	tests := []struct {
		src  string
		want []string // literals; nil when the schema is no numeric enum
	}{
		{`{type: integer, enum: [-1, 0, 2]}`, []string{"-1", "0", "2"}},
		{`{type: integer, enum: [0x10, 1_000]}`, []string{"16", "1000"}},
		{`{type: number, enum: [0.5, -1.25, 3, 1e21]}`, []string{"0.5", "-1.25", "3", "1e+21"}},
		{`{type: integer, enum: [1.5]}`, nil},                   // not an integer
		{`{type: integer, enum: ["1"]}`, nil},                   // a string
		{`{type: integer, enum: [9223372036854775808]}`, nil},   // beyond int64
		{`{type: number, enum: [.inf]}`, nil},                   // not finite
		{`{type: number, enum: [1, null]}`, nil},                // null
		{`{type: integer}`, nil},                                // no values
		{`{enum: [1, 2]}`, nil},                                 // no type
		{`{type: [integer, "null"], enum: [1]}`, []string{"1"}}, // nullable
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &doc); err != nil {
			t.Fatal(err)
		}
		n := doc.Content[0]
		if got := numericEnum(n); got != (tt.want != nil) {
			t.Errorf("numericEnum(%s) = %v", tt.src, got)
			continue
		}
		if (classify(n) == kEnum) != (tt.want != nil) {
			t.Errorf("classify(%s) = %v", tt.src, classify(n))
		}
		ts, _ := schemaTypes(n)
		for i, v := range n.Content[len(n.Content)-1].Content {
			if tt.want == nil {
				break
			}
			if lit, ok := numLiteral(v, ts[0] == "integer"); !ok || lit != tt.want[i] {
				t.Errorf("%s: value %d = %q %v, want %q", tt.src, i, lit, ok, tt.want[i])
			}
		}
	}
}

func TestExtraProps(t *testing.T) {
	for src, want := range map[string]bool{
		`{properties: {a: {}}, additionalProperties: true}`:            true,
		`{properties: {a: {}}, additionalProperties: {}}`:              true,
		`{properties: {a: {}}, additionalProperties: {type: integer}}`: true,
		`{properties: {a: {}}, additionalProperties: false}`:           false,
		`{properties: {a: {}}}`:                                        false,
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		if got := extraProps(doc.Content[0]) != nil; got != want {
			t.Errorf("extraProps(%s) = %v, want %v", src, got, want)
		}
	}
}
