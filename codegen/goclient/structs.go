package goclient

import (
	"strconv"

	"github.com/apigw/apigw/extensions"
	"github.com/dave/jennifer/jen"
	"go.yaml.in/yaml/v4"
)

// prop is one property of an object schema after allOf is flattened.
type prop struct {
	name     string
	node     *yaml.Node
	ptr      string
	required bool
}

// flatten collects the properties of n and of its allOf parts, in document
// order; a later property of the same name replaces an earlier one. ok is
// false when a part is not an object (then the type stays raw JSON).
func (g *gen) flatten(n *yaml.Node, ptr string, seen map[*yaml.Node]bool) (props []prop, ok bool) {
	n, ptr = g.follow(n, ptr)
	if n == nil || seen[n] {
		return nil, n != nil
	}
	seen[n] = true
	defer delete(seen, n)
	index := map[string]int{}
	add := func(p prop) {
		if i, dup := index[p.name]; dup {
			p.required = p.required || props[i].required
			props[i] = p
			return
		}
		index[p.name] = len(props)
		props = append(props, p)
	}
	for i, part := range extensions.Items(extensions.Get(n, "allOf")) {
		pn, _ := g.follow(part, "")
		switch classify(pn) {
		case kStruct, kMap, kAny:
		default:
			return nil, false
		}
		sub, ok := g.flatten(part, ptr+"/allOf/"+strconv.Itoa(i), seen)
		if !ok {
			return nil, false
		}
		for _, p := range sub {
			add(p)
		}
	}
	extensions.Pairs(extensions.Get(n, "properties"), func(k string, v *yaml.Node) {
		add(prop{name: k, node: v, ptr: ptr + "/properties/" + escape(k)})
	})
	for _, r := range strs(extensions.Get(n, "required")) {
		if i, ok := index[r]; ok {
			props[i].required = true
		}
	}
	return props, true
}

// field is one generated struct field.
type field struct {
	name, json string
	typ        jen.Code
	optional   bool // omitted when nil
}

// structDecl declares an object schema as a struct. Properties whose names
// encoding/json cannot carry in a struct tag (quotes, backticks, commas, …)
// make the struct marshal itself, by exact property name.
func (g *gen) structDecl(nt *namedType) []jen.Code {
	props, ok := g.flatten(nt.node, nt.ptr, map[*yaml.Node]bool{})
	if !ok {
		return []jen.Code{jen.Type().Id(nt.name).Op("=").Add(rawMessage)}
	}
	custom := false
	for _, p := range props {
		custom = custom || !jsonTagOK(p.name)
	}
	fs := newScope()
	if custom {
		fs = newScope("MarshalJSON", "UnmarshalJSON")
	}
	var fields []field
	var lines []jen.Code
	for _, p := range props {
		name, err := fs.name(p.name, p.ptr, extensions.Scalar(extensions.Get(p.node, "x-go-name")))
		if err != nil {
			g.fail(p.ptr, "%v", err)
			continue
		}
		typ, info := g.goType(p.node, p.ptr, nt.name+name, nt.owner)
		_, nullable := schemaTypes(p.node)
		f := field{name: name, json: p.name}
		st := jen.Id(name)
		switch {
		case info.nilable:
			st.Add(typ)
			f.optional = !p.required
		case p.required && !nullable && !g.recursive(nt.owner, info.named):
			st.Add(typ)
		default:
			st.Op("*").Add(typ)
			f.optional = true
		}
		if !custom {
			tag := p.name
			if f.optional {
				tag += ",omitempty"
			}
			st.Tag(map[string]string{"json": tag})
		}
		f.typ = typ
		fields = append(fields, f)
		lines = append(lines, comment("", extensions.Scalar(extensions.Get(p.node, "description")))...)
		lines = append(lines, st)
	}
	code := []jen.Code{jen.Type().Id(nt.name).Struct(lines...)}
	if custom {
		code = append(code, g.customJSON(nt.name, fields)...)
	}
	return code
}

// customJSON writes MarshalJSON and UnmarshalJSON that use each property's
// exact name.
func (g *gen) customJSON(typ string, fields []field) []jen.Code {
	var marshal, unmarshal []jen.Code
	marshal = append(marshal, jen.Id("m").Op(":=").Make(jen.Map(jen.String()).Add(rawMessage), jen.Lit(len(fields))))
	for _, f := range fields {
		set := []jen.Code{
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("v").Dot(f.name)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Id("m").Index(jen.Lit(f.json)).Op("=").Id("b"),
		}
		if f.optional {
			marshal = append(marshal, jen.If(jen.Id("v").Dot(f.name).Op("!=").Nil()).Block(set...))
		} else {
			marshal = append(marshal, jen.Block(set...))
		}
		unmarshal = append(unmarshal, jen.If(jen.List(jen.Id("b"), jen.Id("ok")).Op(":=").Id("m").Index(jen.Lit(f.json)), jen.Id("ok")).Block(
			jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("v").Dot(f.name)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		))
	}
	marshal = append(marshal, jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id("m"))))
	unmarshal = append([]jen.Code{
		jen.Var().Id("m").Map(jen.String()).Add(rawMessage),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("m")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}, unmarshal...)
	unmarshal = append(unmarshal, jen.Return(jen.Nil()))
	return []jen.Code{
		jen.Line(),
		jen.Comment("// MarshalJSON writes each property under its exact name, which a struct tag cannot hold."),
		jen.Func().Params(jen.Id("v").Id(typ)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(marshal...),
		jen.Line(),
		jen.Comment("// UnmarshalJSON reads each property by its exact name."),
		jen.Func().Params(jen.Id("v").Op("*").Id(typ)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(unmarshal...),
	}
}

// enumDecl declares an enum with one constant per value: a string type, or
// an integer or number type whose constants are named by numberName
// (PriorityN1 for -1, Priority2 for 2).
func (g *gen) enumDecl(nt *namedType) []jen.Code {
	numeric := numericEnum(nt.node)
	typ := jen.String()
	if numeric {
		typ = primType(nt.node)
	}
	ts, _ := schemaTypes(nt.node)
	var consts []jen.Code
	for i, v := range extensions.Items(extensions.Get(nt.node, "enum")) {
		src := nt.ptr + "/enum/" + strconv.Itoa(i)
		if numeric {
			lit, _ := numLiteral(v, ts[0] == "integer")
			consts = append(consts, jen.Id(g.pkg.claim(nt.name+numberName(lit), src)).Id(nt.name).Op("=").Op(lit))
			continue
		}
		name := g.pkg.claim(nt.name+goName(v.Value), src)
		consts = append(consts, jen.Id(name).Id(nt.name).Op("=").Lit(v.Value))
	}
	return []jen.Code{
		jen.Type().Id(nt.name).Add(typ),
		jen.Line(),
		jen.Comment("// Values of " + nt.name + "."),
		jen.Const().Defs(consts...),
	}
}

// unionDecl declares a oneOf/anyOf schema: the JSON as received, with an
// As method (decode as that variant) and a From method (set to that
// variant) per variant.
func (g *gen) unionDecl(nt *namedType) []jen.Code {
	recv := jen.Id("u").Id(nt.name)
	precv := jen.Id("u").Op("*").Id(nt.name)
	code := []jen.Code{
		jen.Type().Id(nt.name).Struct(jen.Id("raw").Add(rawMessage)),
		jen.Line(),
		jen.Comment("// MarshalJSON writes the value as received or set; null when unset."),
		jen.Func().Params(recv).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			jen.If(jen.Id("u").Dot("raw").Op("==").Nil()).Block(jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil())),
			jen.Return(jen.Id("u").Dot("raw"), jen.Nil()),
		),
		jen.Line(),
		jen.Comment("// UnmarshalJSON keeps the value; read it with an As method."),
		jen.Func().Params(precv).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
			jen.Id("u").Dot("raw").Op("=").Append(jen.Add(rawMessage).Call(jen.Nil()), jen.Id("data").Op("...")),
			jen.Return(jen.Nil()),
		),
		jen.Line(),
		jen.Comment("// Raw returns the JSON value."),
		jen.Func().Params(recv).Id("Raw").Params().Add(rawMessage).Block(jen.Return(jen.Id("u").Dot("raw"))),
	}
	labels := newScope()
	for i, v := range variants(nt.node) {
		vptr := nt.ptr + "/" + variantKey(nt.node, i)
		label := variantLabel(g, v, i)
		l := labels.claim(label, vptr)
		typ, _ := g.goType(v, vptr, nt.name+l, nt.owner)
		code = append(code,
			jen.Line(),
			jen.Comment("// As"+l+" decodes the value as "+l+"."),
			jen.Func().Params(recv).Id("As"+l).Params().Params(typ, jen.Error()).Block(
				jen.Var().Id("v").Add(typ),
				jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("u").Dot("raw"), jen.Op("&").Id("v")),
				jen.Return(jen.Id("v"), jen.Err()),
			),
			jen.Line(),
			jen.Comment("// From"+l+" sets the value to v."),
			jen.Func().Params(precv).Id("From"+l).Params(jen.Id("v").Add(typ)).Error().Block(
				jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("v")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("u").Dot("raw").Op("=").Id("b"),
				jen.Return(jen.Nil()),
			),
		)
	}
	return code
}

// variantKey is the pointer suffix of the i-th variant ("oneOf/0", "anyOf/1").
func variantKey(n *yaml.Node, i int) string {
	one := 0
	for _, v := range extensions.Items(extensions.Get(n, "oneOf")) {
		if ts, null := schemaTypes(v); null && len(ts) == 0 && extensions.Get(v, "$ref") == nil {
			continue
		}
		one++
	}
	if i < one {
		return "oneOf/" + strconv.Itoa(i)
	}
	return "anyOf/" + strconv.Itoa(i-one)
}

// variantLabel names a variant: its component name, x-go-name, title or type.
func variantLabel(g *gen, v *yaml.Node, i int) string {
	if ref := extensions.Scalar(extensions.Get(v, "$ref")); ref != "" {
		if t, _ := g.ref(v, ref); t != nil && g.named[t] != nil {
			return g.named[t].name
		}
	}
	for _, s := range []string{extensions.Scalar(extensions.Get(v, "x-go-name")), extensions.Scalar(extensions.Get(v, "title"))} {
		if s != "" {
			return goName(s)
		}
	}
	ts, _ := schemaTypes(v)
	if len(ts) == 1 {
		return goName(ts[0])
	}
	return "Variant" + strconv.Itoa(i+1)
}
