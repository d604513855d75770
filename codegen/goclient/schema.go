package goclient

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// kind is the Go shape a schema takes.
type kind int

const (
	kAny    kind = iota // json.RawMessage
	kPrim               // string, int64, float64, bool
	kArray              // []T
	kMap                // map[string]T
	kStruct             // struct (properties, allOf flattened)
	kUnion              // oneOf/anyOf: json.RawMessage-backed, As methods
	kEnum               // string, integer or number enum: named type with constants
	kAlias              // a $ref: the target's type
)

// schemaTypes returns the non-null types a schema allows and whether null is
// allowed (OpenAPI 3.0 nullable, Swagger x-nullable, 3.1 type lists).
func schemaTypes(n *yaml.Node) (types []string, nullable bool) {
	t := source.Get(n, "type")
	if t != nil && t.Kind == yaml.SequenceNode {
		for _, c := range source.Items(t) {
			switch s := source.Scalar(c); {
			case c.Kind != yaml.ScalarNode:
			case s == "null":
				nullable = true
			default:
				types = append(types, s)
			}
		}
	} else if s := source.Scalar(t); s != "" {
		types = []string{s}
	}
	if source.IsTrue(source.Get(n, "nullable")) || source.IsTrue(source.Get(n, "x-nullable")) {
		nullable = true
	}
	return types, nullable
}

// variants returns the oneOf and anyOf alternatives of n that are not just null.
func variants(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for _, key := range []string{"oneOf", "anyOf"} {
		for _, v := range source.Items(source.Get(n, key)) {
			if ts, null := schemaTypes(v); null && len(ts) == 0 && source.Get(v, "$ref") == nil {
				continue
			}
			out = append(out, v)
		}
	}
	return out
}

// stringEnum reports whether n is an enum of strings: type string (values
// written as other scalars are read as their text), or no type and every
// value a string.
func stringEnum(n *yaml.Node) bool {
	vals := source.Items(source.Get(n, "enum"))
	if len(vals) == 0 {
		return false
	}
	ts, _ := schemaTypes(n)
	if len(ts) > 1 || len(ts) == 1 && ts[0] != "string" {
		return false
	}
	for _, v := range vals {
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || len(ts) == 0 && v.Tag != "!!str" {
			return false
		}
	}
	return true
}

// numericEnum reports whether n is an enum of type integer or number whose
// values are all numbers Go can hold (int64 or finite float64).
func numericEnum(n *yaml.Node) bool {
	vals := source.Items(source.Get(n, "enum"))
	ts, _ := schemaTypes(n)
	if len(vals) == 0 || len(ts) != 1 || ts[0] != "integer" && ts[0] != "number" {
		return false
	}
	for _, v := range vals {
		if _, ok := numLiteral(v, ts[0] == "integer"); !ok {
			return false
		}
	}
	return true
}

// numLiteral is the Go literal of a numeric enum value, in canonical form
// (2, -1, 1.5, 1e+21); ok is false when v is not such a number.
func numLiteral(v *yaml.Node, integer bool) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" && v.Tag != "!!float" {
		return "", false
	}
	if integer {
		i, err := strconv.ParseInt(v.Value, 0, 64)
		return strconv.FormatInt(i, 10), err == nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	return strconv.FormatFloat(f, 'g', -1, 64), true
}

// classify says which Go shape schema n takes.
func classify(n *yaml.Node) kind {
	n = source.Resolve(n)
	if n == nil {
		return kAny
	}
	if source.Get(n, "$ref") != nil {
		return kAlias
	}
	if len(source.Items(source.Get(n, "allOf"))) > 0 {
		return kStruct
	}
	if len(variants(n)) > 0 {
		return kUnion
	}
	if stringEnum(n) || numericEnum(n) {
		return kEnum
	}
	ts, _ := schemaTypes(n)
	if len(ts) > 1 {
		return kAny
	}
	t := ""
	if len(ts) == 1 {
		t = ts[0]
	}
	hasProps := source.Get(n, "properties") != nil && len(source.Get(n, "properties").Content) > 0
	switch t {
	case "object":
		if hasProps {
			return kStruct
		}
		return kMap
	case "array":
		return kArray
	case "string", "integer", "number", "boolean":
		return kPrim
	case "":
		switch {
		case hasProps:
			return kStruct
		case source.Get(n, "items") != nil:
			return kArray
		case source.Get(n, "additionalProperties") != nil:
			return kMap
		}
	}
	return kAny
}

// jsonTagOK reports whether encoding/json accepts name in a struct tag
// (its isValidTag, minus the comma that separates options and "-").
func jsonTagOK(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	for _, c := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}
