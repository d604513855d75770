package goclient

import (
	"strconv"

	"github.com/apigw/apigw/extensions/source"
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
	for i, part := range source.Items(source.Get(n, "allOf")) {
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
	source.Pairs(source.Get(n, "properties"), func(k string, v *yaml.Node) {
		add(prop{name: k, node: v, ptr: source.Pointer(ptr+"/properties", k)})
	})
	for _, r := range source.Items(source.Get(n, "required")) {
		if i, ok := index[source.Scalar(r)]; ok && r.Kind == yaml.ScalarNode {
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
// make the struct marshal itself, by exact property name; so does
// additionalProperties next to properties, whose values go into an
// AdditionalProperties map.
func (g *gen) structDecl(nt *namedType) []jen.Code {
	props, ok := g.flatten(nt.node, nt.ptr, map[*yaml.Node]bool{})
	if !ok {
		return []jen.Code{jen.Type().Id(nt.name).Op("=").Add(rawMessage)}
	}
	ap := extraProps(nt.node)
	custom := ap != nil
	for _, p := range props {
		custom = custom || !jsonTagOK(p.name)
	}
	fs := newScope()
	if custom {
		fs = newScope("MarshalJSON", "UnmarshalJSON", extraField)
	}
	var fields []field
	var lines []jen.Code
	for _, p := range props {
		name, err := fs.name(p.name, p.ptr, xGoName(p.node))
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
		lines = append(lines, comment("", source.Scalar(source.Get(p.node, "description")))...)
		lines = append(lines, st)
	}
	var extra jen.Code
	if ap != nil {
		extra = rawMessage
		if ap.Kind == yaml.MappingNode && len(ap.Content) > 0 {
			extra, _ = g.goType(ap, nt.ptr+"/additionalProperties", nt.name+"Value", nt.owner)
		}
		lines = append(lines, jen.Comment("// "+extraField+" holds the properties the schema does not name."))
		lines = append(lines, jen.Id(extraField).Map(jen.String()).Add(extra))
	}
	code := []jen.Code{jen.Type().Id(nt.name).Struct(lines...)}
	if custom {
		code = append(code, g.customJSON(nt.name, fields, extra)...)
	}
	return code
}

// extraField is the struct field that holds additional properties.
const extraField = "AdditionalProperties"

// extraProps is the additionalProperties schema of an object schema, nil
// when there is none or it is false.
func extraProps(n *yaml.Node) *yaml.Node {
	ap := source.Resolve(source.Get(n, "additionalProperties"))
	if ap == nil || ap.Kind == yaml.ScalarNode && !source.IsTrue(ap) {
		return nil
	}
	return ap
}

// customJSON writes MarshalJSON and UnmarshalJSON that use each property's
// exact name. Marshalling writes the named properties in schema order, then
// the additional ones (when extra, their type, is not nil) sorted by key;
// unmarshalling puts every key that no field names into the map.
func (g *gen) customJSON(typ string, fields []field, extra jen.Code) []jen.Code {
	check := func(call jen.Code) jen.Code {
		return jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
	}
	marshal := []jen.Code{
		jen.Id("out").Op(":=").Index().Byte().Values(jen.Op("'{'")),
		jen.Id("add").Op(":=").Func().Params(jen.Id("key").String(), jen.Id("value").Any()).Error().Block(
			jen.List(jen.Id("k"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("key")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("value")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Len(jen.Id("out")).Op(">").Lit(1)).Block(jen.Id("out").Op("=").Append(jen.Id("out"), jen.Op("','"))),
			jen.Id("out").Op("=").Append(jen.Append(jen.Append(jen.Id("out"), jen.Id("k").Op("...")), jen.Op("':'")), jen.Id("b").Op("...")),
			jen.Return(jen.Nil()),
		),
	}
	var unmarshal []jen.Code
	var names []jen.Code
	for _, f := range fields {
		set := check(jen.Id("add").Call(jen.Lit(f.json), jen.Id("v").Dot(f.name)))
		if f.optional {
			set = jen.If(jen.Id("v").Dot(f.name).Op("!=").Nil()).Block(set)
		}
		marshal = append(marshal, set)
		get := []jen.Code{
			jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("v").Dot(f.name)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		}
		if extra != nil {
			get = append(get, jen.Delete(jen.Id("m"), jen.Lit(f.json)))
		}
		unmarshal = append(unmarshal, jen.If(jen.List(jen.Id("b"), jen.Id("ok")).Op(":=").Id("m").Index(jen.Lit(f.json)), jen.Id("ok")).Block(get...))
		names = append(names, jen.Lit(f.json))
	}
	sorted := func(m jen.Code) jen.Code {
		return jen.Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(m))
	}
	if extra != nil {
		loop := []jen.Code{}
		if len(names) > 0 {
			loop = append(loop, jen.Switch(jen.Id("k")).Block(jen.Case(names...).Block(jen.Continue())))
		}
		loop = append(loop, check(jen.Id("add").Call(jen.Id("k"), jen.Id("v").Dot(extraField).Index(jen.Id("k")))))
		marshal = append(marshal, jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(sorted(jen.Id("v").Dot(extraField)))).Block(loop...))
		unmarshal = append(unmarshal, jen.If(jen.Len(jen.Id("m")).Op(">").Lit(0)).Block(
			jen.Id("v").Dot(extraField).Op("=").Make(jen.Map(jen.String()).Add(extra), jen.Len(jen.Id("m"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(sorted(jen.Id("m")))).Block(
				jen.Var().Id("x").Add(extra),
				jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("m").Index(jen.Id("k")), jen.Op("&").Id("x")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("v").Dot(extraField).Index(jen.Id("k")).Op("=").Id("x"),
			),
		))
	}
	marshal = append(marshal, jen.Return(jen.Append(jen.Id("out"), jen.Op("'}'")), jen.Nil()))
	unmarshal = append([]jen.Code{
		jen.Var().Id("m").Map(jen.String()).Add(rawMessage),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("m")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}, unmarshal...)
	unmarshal = append(unmarshal, jen.Return(jen.Nil()))
	mdoc, udoc := "// MarshalJSON writes each property under its exact name, in schema order.", "// UnmarshalJSON reads each property by its exact name."
	if extra != nil {
		mdoc = "// MarshalJSON writes the named properties in schema order, then " + extraField + " by sorted key."
		udoc = "// UnmarshalJSON reads the named properties and puts the others into " + extraField + "."
	}
	return []jen.Code{
		jen.Line(),
		jen.Comment(mdoc),
		jen.Func().Params(jen.Id("v").Id(typ)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(marshal...),
		jen.Line(),
		jen.Comment(udoc),
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
	for i, v := range source.Items(source.Get(nt.node, "enum")) {
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
	for _, v := range source.Items(source.Get(n, "oneOf")) {
		if ts, null := schemaTypes(v); null && len(ts) == 0 && source.Get(v, "$ref") == nil {
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
	if ref := source.Scalar(source.Get(v, "$ref")); ref != "" {
		if t, _ := g.ref(v); t != nil && g.named[t] != nil {
			return g.named[t].name
		}
	}
	for _, s := range []string{xGoName(v), source.Scalar(source.Get(v, "title"))} {
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
