package schema

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/invopop/jsonschema"
)

// intrinsicDef is the definition name of a CloudFormation intrinsic function object.
const intrinsicDef = "Intrinsic"

// ref returns a $ref to the definition name.
func ref(name string) *jsonschema.Schema { return &jsonschema.Schema{Ref: "#/$defs/" + name} }

// intrinsicSchema describes a CloudFormation intrinsic function written in
// its long form: an object with one key, Ref, Condition or Fn::*.
func intrinsicSchema() *jsonschema.Schema {
	one := uint64(1)
	return &jsonschema.Schema{
		Type:          "object",
		Description:   "A CloudFormation intrinsic function ({\"Fn::Sub\": …}, {\"Ref\": …}, {\"Fn::GetAtt\": …}, …), resolved by CloudFormation before API Gateway reads the value. YAML short forms (!Sub, !Ref, …) are the same objects.",
		MinProperties: &one,
		MaxProperties: &one,
		PropertyNames: &jsonschema.Schema{Pattern: `^(?:Ref|Condition|Fn::[A-Za-z0-9]+)$`},
	}
}

// orIntrinsic accepts s or an intrinsic function.
func orIntrinsic(s *jsonschema.Schema) *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{s, ref(intrinsicDef)}}
}

// strSchema is extensions.Str: a string or an intrinsic function.
func strSchema() *jsonschema.Schema { return orIntrinsic(&jsonschema.Schema{Type: "string"}) }

// strMatching is a Str whose literal must match pattern, unless it holds a
// ${…} variable (resolved at deployment, so not checked).
func strMatching(pattern string) *jsonschema.Schema {
	return orIntrinsic(&jsonschema.Schema{Type: "string", Pattern: pattern + "|" + variables})
}

// strList is a list of Str, each matching item.
func strList(item *jsonschema.Schema) *jsonschema.Schema {
	return &jsonschema.Schema{Type: "array", Items: item}
}

// strMap is an object whose keys match keyPattern and whose values are item.
func strMap(keyPattern string, item *jsonschema.Schema) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "object", AdditionalProperties: item}
	if keyPattern != "" {
		s.PropertyNames = &jsonschema.Schema{Pattern: keyPattern}
	}
	return s
}

// foldEnum is a string that must be one of values in any case, as API
// Gateway compares them; examples list the documented spellings for completion.
func foldEnum(values ...string) *jsonschema.Schema {
	ex := make([]any, len(values))
	for i, v := range values {
		ex[i] = v
	}
	return &jsonschema.Schema{Type: "string", Pattern: foldPattern(values...), Examples: ex,
		Extras: map[string]any{"patternErrorMessage": "must be " + join(values) + " (in any case)"}}
}

// enum is a string that must be one of values exactly.
func enum(values ...string) *jsonschema.Schema {
	e := make([]any, len(values))
	for i, v := range values {
		e[i] = v
	}
	return &jsonschema.Schema{Type: "string", Enum: e}
}

// integer is an integer in [lo, hi]. With numericString, a string of digits
// is accepted too, as API Gateway reads "29000" like 29000.
func integer(lo, hi int64, numericString bool) *jsonschema.Schema {
	n := &jsonschema.Schema{Type: "integer", Minimum: num(lo), Maximum: num(hi)}
	if !numericString {
		return n
	}
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{n, {Type: "string", Pattern: `^\s*-?[0-9]+\s*$`}}}
}

// boolean is true or false; the strings "true" and "false" are read too.
func boolean() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{{Type: "boolean"}, {Type: "string", Pattern: foldPattern("true", "false")}}}
}

// prop returns property key of s (nil when absent).
func prop(s *jsonschema.Schema, key string) *jsonschema.Schema {
	if s.Properties == nil {
		return nil
	}
	p, _ := s.Properties.Get(key)
	return p
}

// setProp replaces property key of s with n, keeping the old description.
func setProp(s *jsonschema.Schema, key string, n *jsonschema.Schema) {
	if old := prop(s, key); old != nil && n.Description == "" {
		n.Description = old.Description
	}
	if s.Properties == nil {
		s.Properties = jsonschema.NewProperties()
	}
	s.Properties.Set(key, n)
}

// deferrable lets every property of s except skip be written as an
// intrinsic function, as the typed model keeps them in Intrinsics.
func deferrable(s *jsonschema.Schema, skip ...string) {
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		if slices.Contains(skip, p.Key) || allowsIntrinsic(p.Value) {
			continue
		}
		w := orIntrinsic(p.Value)
		w.Description, p.Value.Description = p.Value.Description, ""
		p.Value = w
	}
}

// allowsIntrinsic tells whether s already accepts an intrinsic function.
func allowsIntrinsic(s *jsonschema.Schema) bool {
	for _, a := range s.AnyOf {
		if a.Ref == "#/$defs/"+intrinsicDef {
			return true
		}
	}
	return false
}

// whole lets an object-valued extension be written entirely as an intrinsic
// function (Fn::If choosing between two values, …).
func whole(s *jsonschema.Schema) *jsonschema.Schema {
	w := orIntrinsic(s)
	w.Description, s.Description = s.Description, ""
	return w
}

func num(i int64) json.Number { return json.Number(strconv.FormatInt(i, 10)) }

func join(values []string) string {
	out := ""
	for i, v := range values {
		switch {
		case i == 0:
		case i == len(values)-1:
			out += " or "
		default:
			out += ", "
		}
		out += v
	}
	return out
}
