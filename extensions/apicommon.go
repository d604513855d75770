package extensions

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// isIntrinsicObject tells whether an object-valued extension is written as a
// CloudFormation intrinsic (Fn::If, !Ref, …): only CloudFormation can resolve
// it, so it is kept as written and not checked.
func isIntrinsicObject(n *yaml.Node) bool {
	return source.IntrinsicName(source.Resolve(n)) != ""
}

// keepAsWritten tells whether an object-valued extension's source must come
// back unchanged: an intrinsic, or not an object at all (already reported).
func keepAsWritten(src *yaml.Node) bool {
	r := source.Resolve(src)
	return r != nil && (r.Kind != yaml.MappingNode || source.IntrinsicName(r) != "")
}

// isTokenChar tells whether c may appear in an RFC 9110 token.
func isTokenChar(c rune) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.ContainsRune("!#$%&'*+-.^_`|~", c)
}

func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !isTokenChar(c) {
			return false
		}
	}
	return true
}

// ValidMediaType tells whether s is written type/subtype (wildcards such as
// */* and image/* included), optionally followed by ;parameters.
func ValidMediaType(s string) bool {
	mt, _, _ := strings.Cut(s, ";")
	typ, sub, ok := strings.Cut(strings.TrimSpace(mt), "/")
	return ok && isToken(typ) && isToken(sub) && (typ != "*" || sub == "*")
}

// mediaTypeHint returns what to write instead of s when s is a literal that
// is not type/subtype, and "" when s is fine; a JSON pointer escape
// (image~1png, as PATCH operations write it) gets its fix.
func mediaTypeHint(s string) string {
	if ValidMediaType(s) || HasVariables(s) {
		return ""
	}
	if strings.Contains(s, "~1") {
		return "write " + strconv.Quote(strings.ReplaceAll(s, "~1", "/")) + ": ~1 is only the escape PATCH operations use for /"
	}
	return "write type/subtype, such as application/octet-stream, image/* or */*"
}

// checkLooseMediaType reports a binary media type or a gateway response
// template key that is not a media type: it never matches a Content-Type.
func (d *decoder) checkLooseMediaType(n *yaml.Node, ptr, what, s string) {
	if hint := mediaTypeHint(s); hint != "" {
		// A warning, not the code's error: only integration template keys
		// are recorded as rejected; these are not.
		d.AddAs(diag.Warning, diag.MediaType, n, ptr, "%s %q is not a media type and never matches a Content-Type; %s", what, s, hint)
	}
}

// checkStatusCode reports a literal status code outside 100–599; with star,
// "*" is accepted as well (documentation locations).
func (d *decoder) checkStatusCode(n *yaml.Node, ptr, what string, s Str, star bool) {
	if !s.Known() || star && s.Value == "*" {
		return
	}
	code, err := strconv.Atoi(strings.TrimSpace(s.Value))
	if err != nil || code < 100 || code > 599 {
		alt := ""
		if star {
			alt = ` or "*"`
		}
		d.Add(diag.StatusCode, n, ptr, "%s %q is not an HTTP status code; write a number from 100 to 599%s", what, s.Value, alt)
	}
}

// checkRange reports an integer outside [lo, hi].
func (d *decoder) checkRange(n *yaml.Node, ptr, what string, v *int, lo, hi int) {
	if v != nil && (*v < lo || *v > hi) {
		d.Add(diag.OutOfRange, n, ptr, "%s is %d; API Gateway accepts %d to %d", what, *v, lo, hi)
	}
}

// sameStrs compares two decoded string lists.
func sameStrs(a, b []Str) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equalStr(a[i], b[i]) {
			return false
		}
	}
	return true
}

// literals returns the literal values of ss, leaving intrinsics out.
func literals(ss []Str) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s.IsLiteral() {
			out = append(out, s.Value)
		}
	}
	return out
}

// encScalarExt returns n, the encoded value of a whole-value extension; when
// the value could not be encoded (it was unreadable) the source node comes back.
func encScalarExt(n, src *yaml.Node) *yaml.Node {
	switch {
	case n != nil:
		return n
	case src != nil:
		return src
	}
	return strNode("")
}
