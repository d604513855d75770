package apimodel

import (
	"bytes"
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Intrinsic is a CloudFormation intrinsic function (Fn::Sub, Ref,
// Fn::GetAtt, Fn::Join, Fn::If, Fn::ImportValue, Fn::FindInMap, …) written
// where API Gateway takes a string. Only CloudFormation resolves it, at
// deployment, so the model keeps it as a value: a dump writes it in its
// long JSON form ({"Fn::Sub": "arn:${AWS::Partition}:…"}), Load reads it
// back (short YAML tags such as !Sub too), export writes it into the
// document again and each deployment target writes or translates it.
type Intrinsic struct {
	// Node is the function in its long form: a mapping with one key, the
	// function's name, whose value is the argument. Short-form tags (!Sub,
	// !GetAtt, …) are rewritten at every depth, so the node writes as JSON.
	Node *yaml.Node
	// File and Pointer say where the function was written; Line and
	// Column too, when known.
	File, Pointer string
	Line, Column  int
}

// NewIntrinsic returns the intrinsic function written as n (a short-form
// tag or a one-key Fn::/Ref mapping), nil when n is none. The position is
// n's line and column; File and Pointer are for the caller to set.
func NewIntrinsic(n *yaml.Node) *Intrinsic {
	if source.IntrinsicName(n) == "" {
		return nil
	}
	long := LongForm(n)
	if long.Kind != yaml.MappingNode || len(long.Content) != 2 {
		return nil
	}
	return &Intrinsic{Node: long, Line: n.Line, Column: n.Column}
}

// Fn returns the function's long name ("Fn::Sub", "Ref", …).
func (x *Intrinsic) Fn() string { return x.Node.Content[0].Value }

// Args returns the function's argument in its long form.
func (x *Intrinsic) Args() *yaml.Node { return x.Node.Content[1] }

// JSON returns the function as compact JSON text.
func (x *Intrinsic) JSON() string {
	var buf bytes.Buffer
	writeJSON(&buf, x.Node)
	return buf.String()
}

// MarshalJSON writes the function in its long form.
func (x *Intrinsic) MarshalJSON() ([]byte, error) { return []byte(x.JSON()), nil }

// String returns the function as Fn::Sub template text when it has one
// (see SubTemplate), else as its JSON. It is what the model's plain string
// field holds beside the intrinsic, for readers that only need text.
func (x *Intrinsic) String() string {
	if s, ok := x.SubTemplate(); ok {
		return s
	}
	return x.JSON()
}

// SubTemplate returns the Fn::Sub template string that means the same as
// the function: the template of an Fn::Sub (its variables written in
// place), "${Name}" for Ref, "${Name.Attribute}" for Fn::GetAtt, the items
// of an Fn::Join joined by its delimiter. ok is false for the functions no
// template can say (Fn::If, Fn::ImportValue, Fn::FindInMap, Fn::Select, …).
func (x *Intrinsic) SubTemplate() (string, bool) { return subTemplate(x.Node) }

// SubPart is one part of an Fn::Sub template: literal text, or a
// variable (Var: "AWS::Region", "MyParam", "MyFunction.Arn").
type SubPart struct {
	Text string
	Var  string
}

// SplitSub splits an Fn::Sub template into literal text and variables.
// "${!Literal}" is the literal text "${Literal}".
func SplitSub(template string) []SubPart {
	var out []SubPart
	var lit strings.Builder
	rest := template
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			lit.WriteString(rest)
			break
		}
		end := strings.IndexByte(rest[i:], '}')
		if end < 0 {
			lit.WriteString(rest)
			break
		}
		lit.WriteString(rest[:i])
		name := rest[i+2 : i+end]
		rest = rest[i+end+1:]
		if lit2, ok := strings.CutPrefix(name, "!"); ok {
			lit.WriteString("${" + lit2 + "}")
			continue
		}
		if lit.Len() > 0 {
			out = append(out, SubPart{Text: lit.String()})
			lit.Reset()
		}
		out = append(out, SubPart{Var: strings.TrimSpace(name)})
	}
	if lit.Len() > 0 {
		out = append(out, SubPart{Text: lit.String()})
	}
	return out
}

// SubEscape escapes literal text for an Fn::Sub template ("${" is written "${!").
func SubEscape(s string) string { return strings.ReplaceAll(s, "${", "${!") }

func subTemplate(n *yaml.Node) (string, bool) {
	n = source.Resolve(n)
	if n == nil {
		return "", false
	}
	fn := source.IntrinsicName(n)
	if fn == "" {
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			return SubEscape(n.Value), true
		}
		return "", false
	}
	args := source.Resolve(source.IntrinsicArgs(n))
	switch fn {
	case "Ref":
		if args.Kind == yaml.ScalarNode {
			return "${" + args.Value + "}", true
		}
	case "Fn::GetAtt":
		if name, attr, ok := getAtt(args); ok {
			return "${" + name + "." + attr + "}", true
		}
	case "Fn::Sub":
		if args.Kind == yaml.ScalarNode {
			return args.Value, true
		}
		if args.Kind != yaml.SequenceNode || len(args.Content) != 2 || source.Resolve(args.Content[0]).Kind != yaml.ScalarNode {
			return "", false
		}
		vars := map[string]string{}
		ok := true
		source.Pairs(args.Content[1], func(k string, v *yaml.Node) {
			s, good := subTemplate(v)
			ok = ok && good
			vars[k] = s
		})
		if !ok {
			return "", false
		}
		var b strings.Builder
		for _, p := range SplitSub(source.Resolve(args.Content[0]).Value) {
			switch v, isVar := vars[p.Var]; {
			case p.Var == "":
				b.WriteString(SubEscape(p.Text))
			case isVar:
				b.WriteString(v)
			default:
				b.WriteString("${" + p.Var + "}")
			}
		}
		return b.String(), true
	case "Fn::Join":
		if args.Kind != yaml.SequenceNode || len(args.Content) != 2 {
			return "", false
		}
		delim, items := source.Resolve(args.Content[0]), source.Resolve(args.Content[1])
		if delim.Kind != yaml.ScalarNode || items.Kind != yaml.SequenceNode {
			return "", false
		}
		parts := make([]string, 0, len(items.Content))
		for _, it := range items.Content {
			s, ok := subTemplate(it)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, SubEscape(delim.Value)), true
	}
	return "", false
}

// getAtt returns the resource and attribute of an Fn::GetAtt argument,
// written ["Name", "Attr"] or "Name.Attr".
func getAtt(args *yaml.Node) (name, attr string, ok bool) {
	args = source.Resolve(args)
	switch {
	case args.Kind == yaml.ScalarNode:
		return strings.Cut(args.Value, ".")
	case args.Kind == yaml.SequenceNode && len(args.Content) == 2:
		a, b := source.Resolve(args.Content[0]), source.Resolve(args.Content[1])
		if a.Kind == yaml.ScalarNode && b.Kind == yaml.ScalarNode {
			return a.Value, b.Value, true
		}
	}
	return "", "", false
}

// GetAtt returns the resource and attribute an Fn::GetAtt names; ok is
// false for another function or an attribute chosen by another function.
func (x *Intrinsic) GetAtt() (name, attr string, ok bool) {
	if x.Fn() != "Fn::GetAtt" {
		return "", "", false
	}
	return getAtt(x.Args())
}

// Ref returns the name a Ref names; ok is false for another function.
func (x *Intrinsic) Ref() (string, bool) {
	if a := source.Resolve(x.Args()); x.Fn() == "Ref" && a.Kind == yaml.ScalarNode {
		return a.Value, true
	}
	return "", false
}

// LongForm returns a copy of n with every intrinsic function written with a
// short-form tag (!Sub, !Ref, !GetAtt, …) rewritten in its long form
// ({"Fn::Sub": …}), at every depth, aliases followed; !GetAtt Name.Attr
// becomes {"Fn::GetAtt": ["Name", "Attr"]}. Mappings already written in
// the long form are kept as they are. Positions are kept.
func LongForm(n *yaml.Node) *yaml.Node {
	return longForm(n, 0)
}

func longForm(n *yaml.Node, depth int) *yaml.Node {
	n = source.Resolve(n)
	if n == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	if depth > 100 {
		// Deeper than any template writes; kept as it is.
		return n
	}
	c := &yaml.Node{Kind: n.Kind, Tag: n.Tag, Value: n.Value, Line: n.Line, Column: n.Column}
	if long, ok := source.IntrinsicShortTags[n.Tag]; ok {
		args := &yaml.Node{Kind: n.Kind, Value: n.Value, Line: n.Line, Column: n.Column}
		switch n.Kind {
		case yaml.ScalarNode:
			args.Tag = "!!str"
		case yaml.SequenceNode:
			args.Tag = "!!seq"
		case yaml.MappingNode:
			args.Tag = "!!map"
		}
		for _, e := range n.Content {
			args.Content = append(args.Content, longForm(e, depth+1))
		}
		if long == "Fn::GetAtt" && n.Kind == yaml.ScalarNode {
			if name, attr, ok := strings.Cut(n.Value, "."); ok {
				args = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: n.Line, Column: n.Column, Content: []*yaml.Node{
					{Kind: yaml.ScalarNode, Tag: "!!str", Value: name, Line: n.Line, Column: n.Column},
					{Kind: yaml.ScalarNode, Tag: "!!str", Value: attr, Line: n.Line, Column: n.Column}}}
			}
		}
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: n.Line, Column: n.Column, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: long, Line: n.Line, Column: n.Column}, args}}
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "Fn::GetAtt" {
		if a := source.Resolve(n.Content[1]); a != nil && a.Kind == yaml.ScalarNode {
			if name, attr, ok := strings.Cut(a.Value, "."); ok {
				c.Content = []*yaml.Node{longForm(n.Content[0], depth+1), {Kind: yaml.SequenceNode, Tag: "!!seq", Line: a.Line, Column: a.Column,
					Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}, {Kind: yaml.ScalarNode, Tag: "!!str", Value: attr}}}}
				return c
			}
		}
	}
	for _, e := range n.Content {
		c.Content = append(c.Content, longForm(e, depth+1))
	}
	return c
}

// HasIntrinsic tells whether n holds an intrinsic function at any depth.
func HasIntrinsic(n *yaml.Node) bool {
	n = source.Resolve(n)
	if n == nil {
		return false
	}
	if source.IntrinsicName(n) != "" {
		return true
	}
	for _, c := range n.Content {
		if HasIntrinsic(c) {
			return true
		}
	}
	return false
}

// Intrinsics maps the path of a string member of a model struct to the
// intrinsic function written there; the plain string field holds the
// function's text (Intrinsic.String) for readers that need only text. A
// path is the members' JSON names (and map keys or list indexes) below the
// struct, each escaped as a JSON pointer token and joined by "/": "uri",
// "requestParameters/integration.request.header.x-id", "providerARNs/0".
type Intrinsics map[string]*Intrinsic

// At returns the intrinsic at path, or nil.
func (t Intrinsics) At(path string) *Intrinsic { return t[path] }

// Set records x at path, making the table when it is nil.
func (t *Intrinsics) Set(path string, x *Intrinsic) {
	if x == nil {
		return
	}
	if *t == nil {
		*t = Intrinsics{}
	}
	(*t)[path] = x
}

// Path joins member names, map keys or indexes into a table path, each
// escaped as a JSON pointer token.
func Path(tokens ...string) string {
	return strings.TrimPrefix(source.JoinPointer("", tokens...), "/")
}

// Value is a string member as written: Text, or an intrinsic function.
type Value struct {
	Text      string
	Intrinsic *Intrinsic
}

// Value returns the member at path, whose plain field holds text.
func (t Intrinsics) Value(path, text string) Value {
	return Value{Text: text, Intrinsic: t[path]}
}

// IsZero tells whether the value is empty: no text and no intrinsic.
func (v Value) IsZero() bool { return v.Text == "" && v.Intrinsic == nil }

// String returns the literal, or the intrinsic's text (Intrinsic.String).
func (v Value) String() string {
	if v.Intrinsic != nil {
		return v.Intrinsic.String()
	}
	return v.Text
}

// Map returns the members of the string map m at path, keys sorted.
func (t Intrinsics) Map(path string, m map[string]string) []Pair {
	out := make([]Pair, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, Pair{k, t.Value(path+"/"+source.EscapeToken(k), m[k])})
	}
	return out
}

// List returns the items of the string list l at path.
func (t Intrinsics) List(path string, l []string) []Value {
	out := make([]Value, 0, len(l))
	for i, s := range l {
		out = append(out, t.Value(path+"/"+strconv.Itoa(i), s))
	}
	return out
}

// Pair is one member of a string map: its key and value.
type Pair struct {
	Key   string
	Value Value
}

// FromStr returns the intrinsic function a decoded extension value holds,
// nil for a literal. The position is that of the function's argument.
func FromStr(s extensions.Str) *Intrinsic {
	if s.IsLiteral() || s.Args == nil {
		return nil
	}
	if _, short := source.IntrinsicShortTags[s.Args.Tag]; short {
		return NewIntrinsic(s.Args)
	}
	x := NewIntrinsic(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: s.Args.Line, Column: s.Args.Column,
		Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: s.Fn}, s.Args}})
	return x
}

// Str returns the function as an extension value, as package extensions
// decodes one written in a document.
func (x *Intrinsic) Str() extensions.Str {
	s := extensions.Str{Fn: x.Fn(), Args: x.Args()}
	if a := source.Resolve(x.Args()); x.Fn() == "Fn::Sub" {
		switch {
		case a.Kind == yaml.ScalarNode:
			s.Value = a.Value
		case a.Kind == yaml.SequenceNode && len(a.Content) > 0:
			s.Value = source.Resolve(a.Content[0]).Value
		}
	}
	return s
}

// Str returns the value as an extension value: a literal, or the
// intrinsic function.
func (v Value) Str() extensions.Str {
	if v.Intrinsic != nil {
		return v.Intrinsic.Str()
	}
	return extensions.S(v.Text)
}

// Intrinsics returns every intrinsic function the dump holds in its
// Intrinsics tables, ordered by where they were written.
func (d *Dump) Intrinsics() []*Intrinsic {
	var out []*Intrinsic
	var walk func(v reflect.Value, depth int)
	walk = func(v reflect.Value, depth int) {
		if depth > 12 {
			return
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), depth+1)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).Type == intrinsicsType {
					t := v.Field(i).Interface().(Intrinsics)
					for _, k := range sortedKeys(t) {
						out = append(out, t[k])
					}
					continue
				}
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i), depth+1)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), depth+1)
			}
		case reflect.Map:
			iter := v.MapRange()
			for iter.Next() {
				walk(iter.Value(), depth+1)
			}
		}
	}
	walk(reflect.ValueOf(d), 0)
	slices.SortStableFunc(out, func(a, b *Intrinsic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.JSON(), b.JSON()))
	})
	return out
}
