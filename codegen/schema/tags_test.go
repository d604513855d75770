package schema

import (
	"reflect"
	"slices"
	"testing"

	"github.com/apigw/apigw/extensions"
)

// TestJSONTags checks that every exported field of the reflected extension
// structs names its JSON key (or "-"), so that a new field cannot slip into
// the schema under its Go name.
func TestJSONTags(t *testing.T) {
	var names []string
	seen := map[reflect.Type]bool{}
	var visit func(reflect.Type)
	visit = func(typ reflect.Type) {
		for {
			switch {
			case isOrderedMap(typ):
				typ = typ.Elem().Field(1).Type
			case typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice:
				typ = typ.Elem()
			default:
				goto done
			}
		}
	done:
		if typ.Kind() != reflect.Struct || typ.PkgPath() != extensionsPkg || seen[typ] {
			return
		}
		seen[typ] = true
		names = append(names, typ.Name())
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			if _, ok := f.Tag.Lookup("json"); !ok {
				t.Errorf("%s.%s has no json tag", typ.Name(), f.Name)
			}
			visit(f.Type)
		}
	}
	for _, sp := range extensions.Specs() {
		visit(valueType(sp.Name))
	}
	for _, want := range []string{"Integration", "IntegrationResponseEntry", "TLSConfig", "DocumentationLocation", "JWTConfiguration", "Str"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s not visited: %v", want, names)
		}
	}
}
