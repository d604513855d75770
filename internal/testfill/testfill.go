// Package testfill sets every field of a value, for tests that check that
// code copying or writing a struct member by member misses none.
package testfill

import "reflect"

// Fill sets every exported field reachable from v, which must be settable,
// to a value that is not empty: strings to their field's name, numbers to
// 1, booleans to true, and maps (keyed by the field's name), lists and
// pointers to one element each. A value whose type skip reports is left as
// it is.
func Fill(v reflect.Value, name string, skip func(reflect.Type) bool) {
	if skip != nil && skip(v.Type()) {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(name)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Float64:
		v.SetFloat(1)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		Fill(v.Elem(), name, skip)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				Fill(v.Field(i), f.Name, skip)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		Fill(v.Index(0), name, skip)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		e := reflect.New(v.Type().Elem()).Elem()
		Fill(e, name, skip)
		v.SetMapIndex(reflect.ValueOf(name), e)
	}
}
