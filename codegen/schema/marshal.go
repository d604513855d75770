package schema

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigw/apigw/extensions/source"
	"github.com/invopop/jsonschema"
)

// Marshal returns s as indented JSON (two spaces) with a final newline.
//
// The bytes are those of json.Marshal followed by json.Indent: the fields
// in jsonschema.Schema's order, empty ones left out, Extras last in key
// order, an empty schema as true, strings escaped as encoding/json escapes
// them. They are written in one pass: jsonschema's own MarshalJSON
// marshals every nested schema on its own and encoding/json compacts the
// result again at every level, which makes deep schemas slow.
func Marshal(s *jsonschema.Schema) ([]byte, error) {
	w := &schemaWriter{}
	if err := w.schema(s); err != nil {
		return nil, err
	}
	return append(w.buf, '\n'), nil
}

// marshalSchema is Marshal as ForAPI calls it; tests compare each call with
// encoding/json.
var marshalSchema = Marshal

// schemaWriter writes schemas as indented JSON.
type schemaWriter struct {
	buf   []byte
	depth int // nesting of the object or array being written
}

func (w *schemaWriter) newline() {
	w.buf = append(w.buf, '\n')
	for range w.depth {
		w.buf = append(w.buf, ' ', ' ')
	}
}

// open starts an object or array; close ends it, on its own line unless it
// is empty.
func (w *schemaWriter) open(c byte) { w.buf = append(w.buf, c); w.depth++ }

func (w *schemaWriter) close(c byte, empty bool) {
	w.depth--
	if !empty {
		w.newline()
	}
	w.buf = append(w.buf, c)
}

// item starts the next member or element of the object or array being
// written; first says whether it is the first.
func (w *schemaWriter) item(first *bool) {
	if !*first {
		w.buf = append(w.buf, ',')
	}
	*first = false
	w.newline()
}

// key starts the member k.
func (w *schemaWriter) key(first *bool, k string) {
	w.item(first)
	w.buf = appendJSONString(w.buf, k)
	w.buf = append(w.buf, ':', ' ')
}

// value writes any value as encoding/json does, indented at the
// current depth.
func (w *schemaWriter) value(v any) error {
	if s, ok := v.(*jsonschema.Schema); ok {
		return w.schema(s)
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.buf = source.IndentJSON(w.buf, raw, strings.Repeat("  ", w.depth), "  ")
	return nil
}

func (w *schemaWriter) strings(list []string) {
	if list == nil {
		w.buf = append(w.buf, "null"...)
		return
	}
	w.open('[')
	first := true
	for _, s := range list {
		w.item(&first)
		w.buf = appendJSONString(w.buf, s)
	}
	w.close(']', first)
}

func (w *schemaWriter) schemas(list []*jsonschema.Schema) error {
	w.open('[')
	first := true
	for _, s := range list {
		w.item(&first)
		if err := w.schema(s); err != nil {
			return err
		}
	}
	w.close(']', first)
	return nil
}

func (w *schemaWriter) schemaMap(m map[string]*jsonschema.Schema) error {
	w.open('{')
	first := true
	for _, k := range sortedKeys(m) {
		w.key(&first, k)
		if err := w.schema(m[k]); err != nil {
			return err
		}
	}
	w.close('}', first)
	return nil
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// booleanField is the index of jsonschema.Schema's unexported boolean
// field, set in the schemas true and false.
var booleanField = func() int {
	f, ok := reflect.TypeFor[jsonschema.Schema]().FieldByName("boolean")
	if !ok {
		panic("schema: jsonschema.Schema has no boolean field")
	}
	return f.Index[0]
}()

// isBoolean returns the value of a boolean schema (true or false).
func isBoolean(s *jsonschema.Schema) (value, ok bool) {
	f := reflect.ValueOf(s).Elem().Field(booleanField)
	if f.IsNil() {
		return false, false
	}
	return f.Elem().Bool(), true
}

// isEmptySchema tells whether s equals &jsonschema.Schema{} as reflect.DeepEqual
// sees it (an empty but non-nil slice or map is not zero).
func isEmptySchema(s *jsonschema.Schema) bool {
	return s.Version == "" && s.ID == "" && s.Anchor == "" && s.Ref == "" && s.DynamicRef == "" &&
		s.Definitions == nil && s.Comments == "" && s.AllOf == nil && s.AnyOf == nil && s.OneOf == nil &&
		s.Not == nil && s.If == nil && s.Then == nil && s.Else == nil && s.DependentSchemas == nil &&
		s.PrefixItems == nil && s.Items == nil && s.Contains == nil && s.Properties == nil &&
		s.PatternProperties == nil && s.AdditionalProperties == nil && s.PropertyNames == nil &&
		s.Type == "" && s.Enum == nil && s.Const == nil && s.MultipleOf == "" && s.Maximum == "" &&
		s.ExclusiveMaximum == "" && s.Minimum == "" && s.ExclusiveMinimum == "" && s.MaxLength == nil &&
		s.MinLength == nil && s.Pattern == "" && s.MaxItems == nil && s.MinItems == nil && !s.UniqueItems &&
		s.MaxContains == nil && s.MinContains == nil && s.MaxProperties == nil && s.MinProperties == nil &&
		s.Required == nil && s.DependentRequired == nil && s.Format == "" && s.ContentEncoding == "" &&
		s.ContentMediaType == "" && s.ContentSchema == nil && s.Title == "" && s.Description == "" &&
		s.Default == nil && !s.Deprecated && !s.ReadOnly && !s.WriteOnly && s.Examples == nil && s.Extras == nil
}

// schema writes s as (*jsonschema.Schema).MarshalJSON does.
func (w *schemaWriter) schema(s *jsonschema.Schema) error {
	if s == nil {
		w.buf = append(w.buf, "null"...)
		return nil
	}
	if v, ok := isBoolean(s); ok {
		w.buf = strconv.AppendBool(w.buf, v)
		return nil
	}
	if isEmptySchema(s) {
		w.buf = append(w.buf, "true"...)
		return nil
	}
	w.open('{')
	first := true
	str := func(k, v string) {
		if v != "" {
			w.key(&first, k)
			w.buf = appendJSONString(w.buf, v)
		}
	}
	num := func(k string, v json.Number) error {
		if v == "" {
			return nil
		}
		if !isNumber(string(v)) {
			return &json.UnsupportedValueError{Str: "invalid number literal " + strconv.Quote(string(v))}
		}
		w.key(&first, k)
		w.buf = append(w.buf, v...)
		return nil
	}
	count := func(k string, v *uint64) {
		if v != nil {
			w.key(&first, k)
			w.buf = strconv.AppendUint(w.buf, *v, 10)
		}
	}
	flag := func(k string, v bool) {
		if v {
			w.key(&first, k)
			w.buf = append(w.buf, "true"...)
		}
	}
	sub := func(k string, v *jsonschema.Schema) error {
		if v == nil {
			return nil
		}
		w.key(&first, k)
		return w.schema(v)
	}
	list := func(k string, v []*jsonschema.Schema) error {
		if len(v) == 0 {
			return nil
		}
		w.key(&first, k)
		return w.schemas(v)
	}
	smap := func(k string, v map[string]*jsonschema.Schema) error {
		if len(v) == 0 {
			return nil
		}
		w.key(&first, k)
		return w.schemaMap(v)
	}
	anyValue := func(k string, v any) error {
		if v == nil {
			return nil
		}
		w.key(&first, k)
		return w.value(v)
	}
	anyList := func(k string, v []any) error {
		if len(v) == 0 {
			return nil
		}
		w.key(&first, k)
		return w.value(v)
	}
	var err error
	keep := func(e error) {
		if err == nil {
			err = e
		}
	}
	str("$schema", s.Version)
	str("$id", string(s.ID))
	str("$anchor", s.Anchor)
	str("$ref", s.Ref)
	str("$dynamicRef", s.DynamicRef)
	keep(smap("$defs", s.Definitions))
	str("$comment", s.Comments)
	keep(list("allOf", s.AllOf))
	keep(list("anyOf", s.AnyOf))
	keep(list("oneOf", s.OneOf))
	keep(sub("not", s.Not))
	keep(sub("if", s.If))
	keep(sub("then", s.Then))
	keep(sub("else", s.Else))
	keep(smap("dependentSchemas", s.DependentSchemas))
	keep(list("prefixItems", s.PrefixItems))
	keep(sub("items", s.Items))
	keep(sub("contains", s.Contains))
	if s.Properties != nil {
		w.key(&first, "properties")
		keep(w.properties(s))
	}
	keep(smap("patternProperties", s.PatternProperties))
	keep(sub("additionalProperties", s.AdditionalProperties))
	keep(sub("propertyNames", s.PropertyNames))
	str("type", s.Type)
	keep(anyList("enum", s.Enum))
	keep(anyValue("const", s.Const))
	keep(num("multipleOf", s.MultipleOf))
	keep(num("maximum", s.Maximum))
	keep(num("exclusiveMaximum", s.ExclusiveMaximum))
	keep(num("minimum", s.Minimum))
	keep(num("exclusiveMinimum", s.ExclusiveMinimum))
	count("maxLength", s.MaxLength)
	count("minLength", s.MinLength)
	str("pattern", s.Pattern)
	count("maxItems", s.MaxItems)
	count("minItems", s.MinItems)
	flag("uniqueItems", s.UniqueItems)
	count("maxContains", s.MaxContains)
	count("minContains", s.MinContains)
	count("maxProperties", s.MaxProperties)
	count("minProperties", s.MinProperties)
	if len(s.Required) > 0 {
		w.key(&first, "required")
		w.strings(s.Required)
	}
	if len(s.DependentRequired) > 0 {
		w.key(&first, "dependentRequired")
		w.open('{')
		inner := true
		for _, k := range sortedKeys(s.DependentRequired) {
			w.key(&inner, k)
			w.strings(s.DependentRequired[k])
		}
		w.close('}', inner)
	}
	str("format", s.Format)
	str("contentEncoding", s.ContentEncoding)
	str("contentMediaType", s.ContentMediaType)
	keep(sub("contentSchema", s.ContentSchema))
	str("title", s.Title)
	str("description", s.Description)
	keep(anyValue("default", s.Default))
	flag("deprecated", s.Deprecated)
	flag("readOnly", s.ReadOnly)
	flag("writeOnly", s.WriteOnly)
	keep(anyList("examples", s.Examples))
	for _, k := range sortedKeys(s.Extras) {
		w.key(&first, k)
		keep(w.value(s.Extras[k]))
	}
	w.close('}', first)
	return err
}

// properties writes s.Properties (not nil) in order, as the ordered map's
// MarshalJSON does.
func (w *schemaWriter) properties(s *jsonschema.Schema) error {
	if s.Properties.Len() == 0 {
		// "{}", or "null" for a map that was never made.
		raw, err := s.Properties.MarshalJSON()
		w.buf = append(w.buf, raw...)
		return err
	}
	w.open('{')
	first := true
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		w.key(&first, p.Key)
		if err := w.schema(p.Value); err != nil {
			return err
		}
	}
	w.close('}', first)
	return nil
}

// isNumber tells whether s is a JSON number literal: valid JSON that
// starts with "-" or a digit and ends with a digit.
func isNumber(s string) bool {
	return s != "" && (s[0] == '-' || isDigit(s[0])) && isDigit(s[len(s)-1]) && json.Valid([]byte(s))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as encoding/json writes a string: HTML
// characters, control characters, U+2028 and U+2029 escaped, invalid
// UTF-8 as U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
