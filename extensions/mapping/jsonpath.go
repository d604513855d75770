package mapping

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
)

// checkJSONPath checks a body JSONPath written without its "$." prefix, as
// in method.request.body.a.b[0] or $request.body.items[*].id. off is the
// path's offset in the value. API Gateway documents that recursive descent
// ("..") and filter expressions ("?()") are not supported (HTTP APIs, where
// they are errors); for REST the same engine is assumed and they are warnings.
func checkJSONPath(ps *problems, path string, off int, unsupported diag.Severity) {
	if path == "" {
		ps.add(Value, off, diag.MappingEmptyName, "the body JSONPath is empty: write body alone for the whole body, or body.field")
		return
	}
	if strings.HasPrefix(path, "$") {
		// A warning, not the code's error: the documentation does not say
		// how a path written with its "$." is read (a judgement).
		ps.addAs(Value, off, diag.MappingJSONPath, diag.Warning, "the JSONPath is written without its \"$.\" prefix: write body.%s", strings.TrimLeft(strings.TrimPrefix(path, "$"), "."))
		return
	}
	i := 0
	first := true
	for i < len(path) {
		c := path[i]
		switch {
		case c == '.':
			if first || i+1 < len(path) && path[i+1] == '.' {
				// A leading "." is the second dot of body..name.
				at := off + i
				if first {
					at--
				}
				ps.addAs(Value, at, diag.MappingJSONPath, unsupported, "recursive descent (\"..\") is not supported in mapping JSONPaths: name each level, e.g. a.b.c")
				return
			}
			i++
			if i == len(path) {
				ps.add(Value, off+i-1, diag.MappingJSONPath, "the JSONPath ends with \".\": remove it or add a field name")
				return
			}
			if path[i] == '[' {
				ps.add(Value, off+i-1, diag.MappingJSONPath, "a \".\" before \"[\" is not valid JSONPath: write a[0] or a['b']")
				return
			}
			i = scanName(path, i)
		case c == '[':
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				ps.add(Value, off+i, diag.MappingJSONPath, "unterminated \"[\" in the JSONPath: close it with \"]\"")
				return
			}
			inner := path[i+1 : i+end]
			if strings.HasPrefix(inner, "?") {
				ps.addAs(Value, off+i, diag.MappingJSONPath, unsupported, "filter expressions (\"[?(…)]\") are not supported in mapping JSONPaths: select by index or name, or use a mapping template")
				return
			}
			if !bracketOK(inner) {
				ps.add(Value, off+i, diag.MappingJSONPath, "%q is not a JSONPath subscript: write [0], [*] or ['name']", "["+inner+"]")
				return
			}
			i += end + 1
		default:
			if !first {
				ps.add(Value, off+i, diag.MappingJSONPath, "expected \".\" or \"[\" in the JSONPath at %q", path[i:])
				return
			}
			i = scanName(path, i)
		}
		first = false
	}
}

// scanName advances over a dot-notation member name.
func scanName(path string, i int) int {
	for i < len(path) && path[i] != '.' && path[i] != '[' {
		i++
	}
	return i
}

// bracketOK accepts an index, a slice, "*", a quoted name or a union of those.
func bracketOK(inner string) bool {
	if inner == "" {
		return false
	}
	for _, part := range strings.Split(inner, ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "*":
		case len(part) >= 2 && (part[0] == '\'' && part[len(part)-1] == '\'' || part[0] == '"' && part[len(part)-1] == '"'):
		case sliceOK(part):
		default:
			return false
		}
	}
	return true
}

// sliceOK accepts -?digits and start:end[:step] with optional signed numbers.
func sliceOK(s string) bool {
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimPrefix(p, "-")
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return false
			}
		}
		if p == "" && len(parts) == 1 {
			return false
		}
	}
	return true
}
