package schema

import (
	"reflect"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/invopop/jsonschema"
	"go.yaml.in/yaml/v4"
)

// extensionsPkg is the import path of the reflected package.
var extensionsPkg = reflect.TypeFor[extensions.Str]().PkgPath()

// builder reflects the extension types into one set of $defs. invopop's
// Reflector starts a fresh set of definitions on every call, so types that
// need another type's schema (Map[V] needs V's) reflect it with a nested
// call and merge what it defined here.
type builder struct {
	r    *jsonschema.Reflector
	defs jsonschema.Definitions
	// types remembers which Go type each definition name stands for.
	types map[string]reflect.Type
}

func newBuilder() *builder {
	b := &builder{defs: jsonschema.Definitions{}, types: map[string]reflect.Type{}}
	b.r = &jsonschema.Reflector{
		Anonymous: true,
		// API Gateway ignores unknown keys with a warning; the schema accepts
		// what import accepts.
		AllowAdditionalProperties:  true,
		RequiredFromJSONSchemaTags: true,
		CommentMap:                 extensionComments,
		Namer:                      b.name,
		Mapper:                     b.mapType,
	}
	b.defs[intrinsicDef] = intrinsicSchema()
	return b
}

// name names a definition after its Go type.
func (b *builder) name(t reflect.Type) string {
	n := t.Name()
	if t.PkgPath() == extensionsPkg && n != "" {
		b.types[n] = t
	}
	return n
}

// schemaFor returns the schema of t (a $ref for named types), adding the
// definitions it needs.
func (b *builder) schemaFor(t reflect.Type) *jsonschema.Schema {
	s := b.r.ReflectFromType(t)
	defs := s.Definitions
	s.Definitions, s.Version = nil, ""
	names := make([]string, 0, len(defs))
	for n := range defs {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if _, ok := b.defs[n]; !ok {
			b.defs[n] = defs[n]
		}
	}
	return s
}

// define adds s as the definition of t and returns a $ref to it.
func (b *builder) define(t reflect.Type, s *jsonschema.Schema) *jsonschema.Schema {
	n := b.name(t)
	if _, ok := b.defs[n]; !ok {
		if s.Description == "" {
			s.Description = extensionComments[extensionsPkg+"."+n]
		}
		b.defs[n] = s
	}
	return ref(n)
}

// mapType is the Reflector's Mapper: the types whose JSON form is not their
// Go struct (Str, Map[V], *yaml.Node, the enum string types, extensions
// whose value is a map, a list or a scalar) get their schema here.
func (b *builder) mapType(t reflect.Type) *jsonschema.Schema {
	switch {
	case t == reflect.TypeFor[extensions.Str]():
		return strSchema()
	case t == reflect.TypeFor[yaml.Node]():
		return &jsonschema.Schema{}
	case isOrderedMap(t):
		return &jsonschema.Schema{Type: "object", AdditionalProperties: b.schemaFor(t.Elem().Field(1).Type)}
	}
	if f, ok := replacements[t]; ok {
		return b.define(t, f(b))
	}
	if f, ok := enumTypes[t]; ok {
		return f()
	}
	return nil
}

// isOrderedMap tells whether t is an extensions.Map[V], a slice of Pair[V]
// that is a JSON object.
func isOrderedMap(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.PkgPath() == extensionsPkg && strings.HasPrefix(t.Name(), "Map[") &&
		t.Elem().Kind() == reflect.Struct && strings.HasPrefix(t.Elem().Name(), "Pair[")
}

// extend applies the per-type customisations to the reflected definitions,
// in name order.
func (b *builder) extend() {
	names := make([]string, 0, len(b.defs))
	for n := range b.defs {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if f, ok := extenders[b.types[n]]; ok && b.types[n] != nil {
			f(b.defs[n])
		}
	}
}
