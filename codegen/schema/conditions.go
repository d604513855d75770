package schema

import (
	"regexp"
	"strings"

	"github.com/invopop/jsonschema"
)

// typeIs holds when the object's type is a literal string equal to one of
// types, in any case.
func typeIs(types ...string) *jsonschema.Schema {
	return props("type", &jsonschema.Schema{Type: "string", Pattern: foldPattern(types...)}, "type")
}

// propConst holds when key is present and equal to v.
func propConst(key string, v any) *jsonschema.Schema {
	return props(key, &jsonschema.Schema{Const: v}, key)
}

// propEnum holds when key is present and one of values.
func propEnum(key string, values ...string) *jsonschema.Schema {
	return props(key, enum(values...), key)
}

// props is an object whose property key matches s; required lists keys that must be present.
func props(key string, s *jsonschema.Schema, required ...string) *jsonschema.Schema {
	o := &jsonschema.Schema{Properties: jsonschema.NewProperties(), Required: required}
	o.Properties.Set(key, s)
	return o
}

func ifThen(cond, then *jsonschema.Schema) *jsonschema.Schema {
	return &jsonschema.Schema{If: cond, Then: then}
}

func allOf(s ...*jsonschema.Schema) *jsonschema.Schema { return &jsonschema.Schema{AllOf: s} }

// wholeOr adds conds to the object schema s and lets the whole value be an
// intrinsic function instead.
func wholeOr(s *jsonschema.Schema, conds []*jsonschema.Schema) *jsonschema.Schema {
	obj := *s
	obj.AllOf = append(obj.AllOf, conds...)
	return whole(&obj)
}

// anyPattern joins anchored patterns into one.
func anyPattern(patterns ...string) string { return strings.Join(patterns, "|") }

func quoteMeta(s string) string { return regexp.QuoteMeta(s) }
