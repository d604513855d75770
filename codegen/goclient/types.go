package goclient

import (
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"github.com/dave/jennifer/jen"
	"go.yaml.in/yaml/v4"
)

// namedType is a Go type declared for a schema: a component schema, or an
// inline object, enum or union that needs a name.
type namedType struct {
	name  string
	node  *yaml.Node
	ptr   string
	kind  kind
	owner *yaml.Node // the component it belongs to, for recursion; nil for operation types
	done  bool
	// external marks a schema of another file: not in the recursion
	// analysis, so required fields of its type are pointers.
	external bool
}

// tinfo says how a Go type behaves as a struct field.
type tinfo struct {
	nilable bool       // its zero value is nil: optional without a pointer
	named   *namedType // the named type, if any
}

// registerComponents names every component schema before any is used.
func (g *gen) registerComponents() {
	for _, s := range g.doc.Schemas {
		v := s.Node
		if v == nil || g.named[v] != nil {
			continue
		}
		ptr := strings.TrimPrefix(s.Pointer, g.doc.Pointer)
		name, err := g.pkg.name(s.Name, ptr, xGoName(v))
		if err != nil {
			g.fail(ptr, "%v", err)
			continue
		}
		nt := &namedType{name: name, node: v, ptr: ptr, kind: classify(v), owner: v}
		g.named[v] = nt
		g.comps = append(g.comps, nt)
	}
	g.components()
}

// componentTypes declares the component schemas, in document order.
func (g *gen) componentTypes() {
	for _, nt := range g.comps {
		g.cur = &Error{Pointer: nt.ptr}
		g.declare(nt)
	}
	g.cur = nil
}

// ref follows the $ref written in schema n, one step, in the file n
// belongs to; it returns the schema the $ref names (nil when none) and its
// pointer.
func (g *gen) ref(n *yaml.Node) (*yaml.Node, string) {
	t, ok := g.doc.FollowOnce(n, "")
	if !ok {
		return nil, ""
	}
	return t.Node, g.refPointer(t, source.Scalar(source.Get(n, "$ref")))
}

// follow resolves a chain of $refs from n, written at ptr, one step at a
// time; it returns the value reached and its pointer, nil when a $ref names
// nothing.
func (g *gen) follow(n *yaml.Node, ptr string) (*yaml.Node, string) {
	for range source.MaxRefHops {
		if n == nil || source.Scalar(source.Get(n, "$ref")) == "" {
			return n, ptr
		}
		n, ptr = g.ref(n)
	}
	return source.Resolve(n), ptr
}

var rawMessage = jen.Qual("encoding/json", "RawMessage")

// goType returns the Go type of schema n at ptr. hint names an inline type
// that needs a declaration; owner is the component it belongs to.
func (g *gen) goType(n *yaml.Node, ptr, hint string, owner *yaml.Node) (jen.Code, tinfo) {
	n = source.Resolve(n)
	if n == nil {
		return rawMessage, tinfo{nilable: true}
	}
	if nt := g.named[n]; nt != nil {
		return jen.Id(nt.name), g.info(nt)
	}
	if ref := source.Scalar(source.Get(n, "$ref")); ref != "" {
		t, ok := g.doc.FollowOnce(n, ptr)
		target, tptr := t.Node, g.refPointer(t, ref)
		if !ok || g.inShape[target] {
			return rawMessage, tinfo{nilable: true}
		}
		if t.File != "" && g.named[target] == nil {
			// A schema of another file gets a type of its own, named
			// after the last segment of its pointer.
			if k := classify(target); k == kStruct || k == kUnion || k == kEnum {
				nt := g.newNamed(target, tptr, goName(tptr[strings.LastIndex(tptr, "/")+1:]), k, nil)
				nt.external = true
				g.declare(nt)
				return jen.Id(nt.name), g.info(nt)
			}
		}
		g.inShape[target] = true
		defer delete(g.inShape, target)
		return g.goType(target, tptr, hint, owner)
	}
	switch k := classify(n); k {
	case kStruct, kUnion, kEnum:
		nt := g.newNamed(n, ptr, hint, k, owner)
		g.declare(nt)
		return jen.Id(nt.name), g.info(nt)
	case kArray:
		it, _ := g.goType(source.Get(n, "items"), ptr+"/items", hint+"Item", owner)
		return jen.Index().Add(it), tinfo{nilable: true}
	case kMap:
		ap := source.Get(n, "additionalProperties")
		if ap == nil || ap.Kind != yaml.MappingNode {
			return jen.Map(jen.String()).Add(rawMessage), tinfo{nilable: true}
		}
		vt, _ := g.goType(ap, ptr+"/additionalProperties", hint+"Value", owner)
		return jen.Map(jen.String()).Add(vt), tinfo{nilable: true}
	case kPrim:
		return primType(n), tinfo{}
	}
	return rawMessage, tinfo{nilable: true}
}

// primType is the Go type of a string, integer, number or boolean schema.
func primType(n *yaml.Node) *jen.Statement {
	ts, _ := schemaTypes(n)
	t := ""
	if len(ts) == 1 {
		t = ts[0]
	}
	switch t {
	case "integer":
		if source.Scalar(source.Get(n, "format")) == "int32" {
			return jen.Int32()
		}
		return jen.Int64()
	case "number":
		return jen.Float64()
	case "boolean":
		return jen.Bool()
	}
	return jen.String()
}

// info says how the named type behaves as a field.
func (g *gen) info(nt *namedType) tinfo {
	k := nt.kind
	n := nt.node
	for i := 0; k == kAlias && i < 32; i++ {
		t, _ := g.ref(n)
		if t == nil {
			return tinfo{nilable: true, named: nt}
		}
		n, k = t, classify(t)
	}
	return tinfo{nilable: k == kArray || k == kMap || k == kAny, named: nt}
}

// newNamed names an inline schema that needs a type of its own.
func (g *gen) newNamed(n *yaml.Node, ptr, hint string, k kind, owner *yaml.Node) *namedType {
	name := ""
	if x := xGoName(n); x != "" {
		var err error
		if name, err = g.pkg.name("", ptr, x); err != nil {
			g.fail(ptr, "%v", err)
			name = ""
		}
	}
	if name == "" {
		name = g.pkg.claim(goName(hint), ptr)
	}
	nt := &namedType{name: name, node: n, ptr: ptr, kind: k, owner: owner}
	g.named[n] = nt
	return nt
}

// declare appends the declaration of nt to the schema types.
func (g *gen) declare(nt *namedType) {
	if nt.done {
		return
	}
	nt.done = true
	idx := len(g.types)
	g.types = append(g.types, decl{})
	var code []jen.Code
	desc := comment(nt.name+" is "+what(nt), source.Scalar(source.Get(nt.node, "title")), source.Scalar(source.Get(nt.node, "description")))
	code = append(code, desc...)
	switch nt.kind {
	case kAlias:
		code = append(code, g.aliasDecl(nt)...)
	case kStruct:
		code = append(code, g.structDecl(nt)...)
	case kUnion:
		code = append(code, g.unionDecl(nt)...)
	case kEnum:
		code = append(code, g.enumDecl(nt)...)
	case kAny:
		code = append(code, jen.Type().Id(nt.name).Op("=").Add(rawMessage))
	default:
		t, _ := g.shape(nt)
		code = append(code, jen.Type().Id(nt.name).Add(t))
	}
	g.types[idx] = decl{names: []string{nt.name}, src: &Error{Pointer: nt.ptr}, code: code}
}

// shape is the underlying type of an array, map or primitive named type;
// its element types may refer back to nt itself.
func (g *gen) shape(nt *namedType) (jen.Code, tinfo) {
	n := nt.node
	switch nt.kind {
	case kArray:
		it, _ := g.goType(source.Get(n, "items"), nt.ptr+"/items", nt.name+"Item", nt.owner)
		return jen.Index().Add(it), tinfo{nilable: true}
	case kMap:
		ap := source.Get(n, "additionalProperties")
		if ap == nil || ap.Kind != yaml.MappingNode {
			return jen.Map(jen.String()).Add(rawMessage), tinfo{nilable: true}
		}
		vt, _ := g.goType(ap, nt.ptr+"/additionalProperties", nt.name+"Value", nt.owner)
		return jen.Map(jen.String()).Add(vt), tinfo{nilable: true}
	case kPrim:
		return primType(n), tinfo{}
	}
	return rawMessage, tinfo{nilable: true}
}

// what describes a named type in its doc comment.
func what(nt *namedType) string {
	src := "the schema at " + nt.ptr + "."
	switch nt.kind {
	case kUnion:
		return "one of several schemas (" + nt.ptr + "): read it with its As methods."
	case kEnum:
		return "an enumeration (" + nt.ptr + ")."
	}
	return src
}

// aliasDecl declares a component that is a $ref to another schema.
func (g *gen) aliasDecl(nt *namedType) []jen.Code {
	n := nt.node
	seen := map[*yaml.Node]bool{n: true}
	for {
		t, _ := g.ref(n)
		if t == nil || seen[t] {
			return []jen.Code{jen.Type().Id(nt.name).Op("=").Add(rawMessage)}
		}
		if source.Get(t, "$ref") == nil {
			typ, _ := g.goType(t, nt.ptr, nt.name+"Target", nt.owner)
			return []jen.Code{jen.Type().Id(nt.name).Op("=").Add(typ)}
		}
		seen[t] = true
		n = t
	}
}
