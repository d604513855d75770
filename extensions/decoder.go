package extensions

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/javaregex"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// decoder collects diagnostics while a value is decoded from a source node.
type decoder struct {
	Collector
	// budget bounds the time selection patterns take to check; nil until
	// the first check needs one (see patternBudget).
	budget *javaregex.Budget
}

// patternBudget returns the decoder's budget for selection patterns,
// making one of javaregex.DefaultBudget when it was given none.
func (d *decoder) patternBudget() *javaregex.Budget {
	if d.budget == nil {
		d.budget = javaregex.NewBudget(javaregex.DefaultBudget)
	}
	return d.budget
}

// kindName describes a node's kind for messages ("a string", "a mapping", …).
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
		return "a number"
	case n.Tag == "!!bool":
		return "a boolean"
	}
	return "a string"
}

// field is one known key of an object and how to decode its value.
type field struct {
	key string
	dec func(v *yaml.Node, ptr string)
}

// AnnotationPrefix starts the keys apigw reads itself (x-apigw-ignore,
// x-apigw-example); extension objects keep them without a finding.
const AnnotationPrefix = "x-apigw-"

// object decodes the mapping n: each known key goes to its field's decoder,
// unknown keys are kept in unknown (when not nil) and warned about with the
// nearest known key. It reports false when n is not a mapping.
func (d *decoder) object(n *yaml.Node, ptr, what string, fields []field, unknown *Map[*yaml.Node]) bool {
	n = source.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "%s must be an object, not %s", what, kindName(n))
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f := findField(fields, k.Value)
		if f != nil {
			f.dec(v, source.Pointer(ptr, k.Value))
			continue
		}
		if unknown != nil {
			unknown.Set(k.Value, v)
		}
		if strings.HasPrefix(k.Value, AnnotationPrefix) {
			continue // apigw's own annotations (x-apigw-ignore) are kept, not reported
		}
		keys := make([]string, len(fields))
		for j, f := range fields {
			keys[j] = f.key
		}
		hint := ""
		if s := Suggest(k.Value, keys); s != "" {
			hint = fmt.Sprintf("; did you mean %q?", s)
		} else {
			hint = fmt.Sprintf("; known keys are %s", strings.Join(keys, ", "))
		}
		d.Add(diag.UnknownKey, k, source.Pointer(ptr, k.Value), "unknown key %q in %s is ignored by API Gateway%s", k.Value, what, hint)
	}
	return true
}

func findField(fields []field, key string) *field {
	for i := range fields {
		if fields[i].key == key {
			return &fields[i]
		}
	}
	return nil
}

// str decodes a string field: a scalar, or a CloudFormation intrinsic function.
func (d *decoder) str(v *yaml.Node, ptr, what string) Str {
	if s, ok := strFromIntrinsic(v); ok {
		return s
	}
	r := source.Resolve(v)
	if r == nil || r.Kind != yaml.ScalarNode || r.Tag == "!!null" {
		d.Add(diag.WrongType, v, ptr, "%s must be a string, not %s", what, kindName(v))
		return Str{}
	}
	return Str{Value: r.Value}
}

// plain decodes a scalar that must be a literal string (enum values, names).
func (d *decoder) plain(v *yaml.Node, ptr, what string) string {
	r := source.Resolve(v)
	if r == nil || r.Kind != yaml.ScalarNode || r.Tag == "!!null" || source.IntrinsicName(v) != "" {
		d.Add(diag.WrongType, v, ptr, "%s must be a literal string, not %s", what, kindName(v))
		return ""
	}
	return r.Value
}

// integer decodes an integer; numeric strings ("29000") are accepted when
// API Gateway accepts them too (stringOK).
func (d *decoder) integer(v *yaml.Node, ptr, what string, stringOK bool) *int {
	r := source.Resolve(v)
	if r != nil && r.Kind == yaml.ScalarNode && (r.Tag == "!!int" || stringOK && r.Tag == "!!str") {
		if i, err := strconv.Atoi(strings.TrimSpace(r.Value)); err == nil {
			return &i
		}
	}
	d.Add(diag.WrongType, v, ptr, "%s must be an integer, not %s %q", what, kindName(v), scalarText(r))
	return nil
}

// boolean decodes a boolean; the strings "true" and "false" are tolerated.
func (d *decoder) boolean(v *yaml.Node, ptr, what string) *bool {
	r := source.Resolve(v)
	if r != nil && r.Kind == yaml.ScalarNode && (r.Tag == "!!bool" || r.Tag == "!!str") {
		switch strings.ToLower(r.Value) {
		case "true":
			t := true
			return &t
		case "false":
			f := false
			return &f
		}
	}
	d.Add(diag.WrongType, v, ptr, "%s must be true or false, not %s %q", what, kindName(v), scalarText(r))
	return nil
}

// strList decodes a list of strings.
func (d *decoder) strList(v *yaml.Node, ptr, what string) []Str {
	r := source.Resolve(v)
	if r == nil || r.Kind != yaml.SequenceNode {
		d.Add(diag.WrongType, v, ptr, "%s must be a list of strings, not %s", what, kindName(v))
		return nil
	}
	out := make([]Str, 0, len(r.Content))
	for i, e := range r.Content {
		out = append(out, d.str(e, source.Pointer(ptr, strconv.Itoa(i)), what+" item"))
	}
	return out
}

// strMap decodes an object whose values are strings, keeping key order.
func (d *decoder) strMap(v *yaml.Node, ptr, what string) Map[Str] {
	r := source.Resolve(v)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, v, ptr, "%s must be an object of strings, not %s", what, kindName(v))
		return nil
	}
	out := make(Map[Str], 0, len(r.Content)/2)
	for i := 0; i+1 < len(r.Content); i += 2 {
		k := r.Content[i].Value
		out = append(out, Pair[Str]{k, d.str(r.Content[i+1], source.Pointer(ptr, k), what+" value")})
	}
	return out
}

// enum decodes a value that must be one of allowed. With foldCase, any
// spelling that matches case-insensitively is accepted and kept as written.
func (d *decoder) enum(v *yaml.Node, ptr, what string, allowed []string, foldCase bool) string {
	s := d.plain(v, ptr, what)
	if s == "" && (source.Resolve(v) == nil || source.Resolve(v).Kind != yaml.ScalarNode) {
		return ""
	}
	for _, a := range allowed {
		if s == a || foldCase && strings.EqualFold(s, a) {
			return s
		}
	}
	hint := ""
	if sug := Suggest(s, allowed); sug != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", sug)
	}
	d.Add(diag.UnknownValue, v, ptr, "%s %q is not one of %s%s", what, s, strings.Join(allowed, ", "), hint)
	return s
}

// scalarText returns a scalar's text for messages, or "" for other kinds.
func scalarText(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// Suggest returns the candidate nearest to s (case-insensitive edit distance),
// or "" when none is close enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		dist := editDistance(ls, strings.ToLower(c))
		if bestD < 0 || dist < bestD {
			best, bestD = c, dist
		}
	}
	if bestD < 0 || bestD > max(2, len(s)/3) {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
