package apimodel

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// decoder fills Go values of this package from a node tree, strictly: each
// value must have the JSON type of its field, enums must hold a known name.
type decoder struct {
	extensions.Collector
	// root is the whole input, for positioning findings made after decoding.
	root *yaml.Node
	// base maps a collection ("resources", "routes", …) to its JSON pointer
	// when it is not "/<name>" (a bare list output has "/items").
	base map[string]string
	// intr is the intrinsics table of the innermost struct being decoded
	// that has one, with that struct's pointer; nil outside such structs.
	intr *intrinsicsAt
}

// intrinsicsAt is a struct's intrinsics table and the struct's pointer.
type intrinsicsAt struct {
	table *Intrinsics
	base  string
}

var intrinsicsType = reflect.TypeFor[Intrinsics]()

// intrinsic records an intrinsic function written at ptr, where a string
// is expected, in the innermost table; it returns false when no table
// takes it there (then the value must be a plain string).
func (d *decoder) intrinsic(n *yaml.Node, v reflect.Value, ptr string) bool {
	x := NewIntrinsic(n)
	if x == nil || d.intr == nil || !strings.HasPrefix(ptr, d.intr.base+"/") {
		return false
	}
	x.File, x.Pointer = d.File, ptr
	d.intr.table.Set(ptr[len(d.intr.base)+1:], x)
	v.SetString(x.String())
	return true
}

// ignoredKeys are added by SDKs around every response and carry nothing of the API.
var ignoredKeys = map[string]bool{"ResponseMetadata": true}

func isNull(n *yaml.Node) bool {
	n = source.Resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// kindName describes a node for messages.
func kindName(n *yaml.Node) string {
	n = source.Resolve(n)
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "an object"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Tag == "!!null":
		return "null"
	case n.Tag == "!!int" || n.Tag == "!!float":
		return "the number " + n.Value
	case n.Tag == "!!bool":
		return "the boolean " + n.Value
	}
	return strconv.Quote(n.Value)
}

var (
	timestampType = reflect.TypeFor[Timestamp]()
	jsonTextType  = reflect.TypeFor[JSONText]()
)

// value decodes n into v (settable), describing it as what in messages.
func (d *decoder) value(n *yaml.Node, v reflect.Value, ptr, what, enum string) {
	r := source.Resolve(n)
	switch {
	case v.Type() == timestampType:
		if r == nil || r.Kind != yaml.ScalarNode {
			d.Add(diag.WrongType, n, ptr, "%s must be a date (text or number), not %s", what, kindName(n))
			return
		}
		v.SetString(r.Value)
		return
	case v.Type() == jsonTextType:
		d.jsonText(n, v, ptr, what)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), ptr, what, enum)
		v.Set(p)
	case reflect.String:
		if d.intrinsic(n, v, ptr) {
			return
		}
		if r == nil || r.Kind != yaml.ScalarNode || r.Tag != "!!str" {
			d.Add(diag.WrongType, n, ptr, "%s must be a string, not %s", what, kindName(n))
			return
		}
		v.SetString(r.Value)
		if enum != "" {
			d.checkEnum(n, r.Value, ptr, what, enum)
		}
	case reflect.Bool:
		if r == nil || r.Kind != yaml.ScalarNode || r.Tag != "!!bool" {
			d.Add(diag.WrongType, n, ptr, "%s must be true or false, not %s", what, kindName(n))
			return
		}
		v.SetBool(r.Value == "true" || r.Value == "True" || r.Value == "TRUE")
	case reflect.Int:
		i, err := strconv.ParseInt(scalarOf(r, "!!int"), 10, 64)
		if err != nil {
			d.Add(diag.WrongType, n, ptr, "%s must be an integer, not %s", what, kindName(n))
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		s := scalarOf(r, "!!int")
		if s == "" {
			s = scalarOf(r, "!!float")
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			d.Add(diag.WrongType, n, ptr, "%s must be a number, not %s", what, kindName(n))
			return
		}
		v.SetFloat(f)
	case reflect.Slice:
		if r == nil || r.Kind != yaml.SequenceNode {
			d.Add(diag.WrongType, n, ptr, "%s must be a list, not %s", what, kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(r.Content), len(r.Content))
		for i, e := range r.Content {
			d.value(e, s.Index(i), source.Pointer(ptr, strconv.Itoa(i)), what+" item", enum)
		}
		v.Set(s)
	case reflect.Map:
		if r == nil || r.Kind != yaml.MappingNode {
			d.Add(diag.WrongType, n, ptr, "%s must be an object, not %s", what, kindName(n))
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(r.Content)/2)
		for i := 0; i+1 < len(r.Content); i += 2 {
			k := r.Content[i].Value
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(r.Content[i+1], e, source.Pointer(ptr, k), fmt.Sprintf("%s[%q]", what, k), "")
			m.SetMapIndex(reflect.ValueOf(k), e)
		}
		v.Set(m)
	case reflect.Struct:
		d.object(n, v, ptr, what)
	default:
		panic("apimodel: no decoder for " + v.Type().String())
	}
}

// scalarOf returns r's text when it is a scalar with the given tag, else "".
func scalarOf(r *yaml.Node, tag string) string {
	if r == nil || r.Kind != yaml.ScalarNode || r.Tag != tag {
		return ""
	}
	return r.Value
}

func (d *decoder) checkEnum(n *yaml.Node, s, ptr, what, enum string) {
	allowed := strings.Split(enum, ",")
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	hint := ""
	if sug := extensions.Suggest(s, allowed); sug != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", sug)
	}
	d.Add(diag.UnknownValue, n, ptr, "%s %q is not one of %s%s", what, s, strings.Join(allowed, ", "), hint)
}

// jsonText accepts a string, or an object or list that is kept as compact JSON text.
func (d *decoder) jsonText(n *yaml.Node, v reflect.Value, ptr, what string) {
	r := source.Resolve(n)
	if r != nil && r.Kind == yaml.ScalarNode && r.Tag == "!!str" {
		v.SetString(r.Value)
		return
	}
	if r == nil || r.Kind == yaml.ScalarNode && source.IntrinsicName(r) == "" {
		d.Add(diag.WrongType, n, ptr, "%s must be JSON text or a JSON object, not %s", what, kindName(n))
		return
	}
	var buf bytes.Buffer
	writeJSON(&buf, LongForm(r))
	v.SetString(buf.String())
}

// writeJSON writes a node tree as compact JSON, keeping key order.
func writeJSON(buf *bytes.Buffer, n *yaml.Node) {
	n = source.Resolve(n)
	switch {
	case n == nil:
		buf.WriteString("null")
	case n.Kind == yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			k, _ := marshalPlain(n.Content[i].Value)
			buf.Write(k)
			buf.WriteByte(':')
			writeJSON(buf, n.Content[i+1])
		}
		buf.WriteByte('}')
	case n.Kind == yaml.SequenceNode:
		buf.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeJSON(buf, e)
		}
		buf.WriteByte(']')
	case n.Tag == "!!null":
		buf.WriteString("null")
	case n.Tag == "!!bool" || n.Tag == "!!int" || n.Tag == "!!float":
		buf.WriteString(strings.ToLower(n.Value))
	default:
		s, _ := marshalPlain(n.Value)
		buf.Write(s)
	}
}

// object decodes a mapping into the struct v by the fields' json names;
// a key that matches a name only case-insensitively is accepted, so the
// wire spelling (camelCase) of apigatewayv2 members loads too.
func (d *decoder) object(n *yaml.Node, v reflect.Value, ptr, what string) {
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "%s must be an object, not %s", what, kindName(n))
		return
	}
	fields := structFields(v.Type())
	for i := range v.NumField() {
		if v.Type().Field(i).Type == intrinsicsType {
			saved := d.intr
			d.intr = &intrinsicsAt{table: v.Field(i).Addr().Interface().(*Intrinsics), base: ptr}
			defer func() { d.intr = saved }()
		}
	}
	for i := 0; i+1 < len(r.Content); i += 2 {
		k, val := r.Content[i], r.Content[i+1]
		f := findField(fields, k.Value)
		if f == nil {
			if ignoredKeys[k.Value] {
				continue
			}
			d.unknownKey(k, source.Pointer(ptr, k.Value), what, fields)
			continue
		}
		if isNull(val) {
			continue
		}
		enum := f.enum
		if enum == "" {
			enum = sharedEnums[f.name]
		}
		d.value(val, v.Field(f.index), source.Pointer(ptr, k.Value), f.name, enum)
	}
	keepOrder(r, v)
}

// keepOrder fills each field tagged order:"name" of the struct v with the
// keys of the object under name in r, as written.
func keepOrder(r *yaml.Node, v reflect.Value) {
	for i := range v.NumField() {
		name := v.Type().Field(i).Tag.Get("order")
		if name == "" {
			continue
		}
		m := source.Resolve(lookup(r, name))
		if m == nil || m.Kind != yaml.MappingNode {
			continue
		}
		keys := make([]string, 0, len(m.Content)/2)
		for j := 0; j+1 < len(m.Content); j += 2 {
			keys = append(keys, m.Content[j].Value)
		}
		v.Field(i).Set(reflect.ValueOf(keys))
	}
}

func (d *decoder) unknownKey(k *yaml.Node, ptr, what string, fields []fieldInfo) {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	hint := ""
	if s := extensions.Suggest(k.Value, names); s != "" {
		hint = fmt.Sprintf("; did you mean %q?", s)
	} else {
		hint = "; known keys are " + strings.Join(names, ", ")
	}
	d.Add(diag.UnknownKey, k, ptr, "unknown key %q in %s is ignored%s", k.Value, what, hint)
}

// sharedEnums gives the allowed values of fields of types shared with package
// extensions, which carry no enum tag.
var sharedEnums = map[string]string{"contentHandling": "CONVERT_TO_BINARY,CONVERT_TO_TEXT"}

// fieldInfo is a struct field as the decoder sees it.
type fieldInfo struct {
	name, enum string
	index      int
}

func structFields(t reflect.Type) []fieldInfo {
	out := make([]fieldInfo, 0, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		out = append(out, fieldInfo{name: name, enum: f.Tag.Get("enum"), index: i})
	}
	return out
}

func findField(fields []fieldInfo, key string) *fieldInfo {
	for i := range fields {
		if fields[i].name == key {
			return &fields[i]
		}
	}
	for i := range fields {
		if strings.EqualFold(fields[i].name, key) {
			return &fields[i]
		}
	}
	return nil
}
