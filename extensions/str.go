package extensions

import (
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Str is a string-valued field. Besides a literal, CloudFormation and SAM
// templates may write a CloudFormation intrinsic function where a string is
// expected (Fn::Sub, !Ref, Fn::GetAtt, Fn::Join, …); only CloudFormation can
// resolve those, so checks that need the literal skip them.
type Str struct {
	// Value is the literal; for Fn::Sub (and !Sub) it is the template string.
	Value string `json:"-"`
	// Fn is the intrinsic's long name ("Fn::Sub", "Ref", …), empty for a literal.
	Fn string `json:"-"`
	// Args is the intrinsic's argument as written; nil for a literal.
	Args *yaml.Node `json:"-"`
}

// S returns a literal Str.
func S(v string) Str { return Str{Value: v} }

// IsLiteral tells whether the value is a plain string, not an intrinsic function.
func (s Str) IsLiteral() bool { return s.Fn == "" }

// IsZero tells whether the value is an empty literal.
func (s Str) IsZero() bool { return s.Fn == "" && s.Value == "" && s.Args == nil }

// Known tells whether the value is fully known before deployment: a literal
// with no ${…} variable in it.
func (s Str) Known() bool { return s.IsLiteral() && !HasVariables(s.Value) }

// String returns the literal, the Fn::Sub template, or "<Fn>" for other intrinsics.
func (s Str) String() string {
	switch {
	case s.Fn == "" || s.Fn == "Fn::Sub" && s.Value != "":
		return s.Value
	case s.Fn == "Ref" && s.Args != nil && s.Args.Kind == yaml.ScalarNode:
		return "${" + s.Args.Value + "}"
	}
	return "<" + s.Fn + ">"
}

// HasVariables tells whether s holds a ${…} reference: a stage variable
// (${stageVariables.name}), a CloudFormation pseudo parameter (${AWS::Region})
// or any other substitution resolved at deploy time.
func HasVariables(s string) bool {
	i := strings.Index(s, "${")
	return i >= 0 && strings.Contains(s[i:], "}")
}

// strFromIntrinsic builds a Str for an intrinsic node; ok is false when n is none.
func strFromIntrinsic(n *yaml.Node) (Str, bool) {
	fn := source.IntrinsicName(n)
	if fn == "" {
		return Str{}, false
	}
	args := source.IntrinsicArgs(n)
	s := Str{Fn: fn, Args: args}
	if fn == "Fn::Sub" {
		switch {
		case args.Kind == yaml.ScalarNode:
			s.Value = args.Value
		case args.Kind == yaml.SequenceNode && len(args.Content) > 0 && args.Content[0].Kind == yaml.ScalarNode:
			s.Value = args.Content[0].Value
		}
	}
	return s, true
}

// equalStr compares two Str values; intrinsic arguments compare by identity,
// which is what decode-then-encode needs to recognise an unchanged value.
func equalStr(a, b Str) bool {
	return a.Value == b.Value && a.Fn == b.Fn && a.Args == b.Args
}
