package goclient

import (
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"github.com/dave/jennifer/jen"
)

// paramType is the Go type of a path, query or header parameter with
// schema s: a primitive, or a slice of primitives; anything else is sent as
// a string.
func (g *gen) paramType(s *openapi.Schema) (jen.Code, bool) {
	n := target(s)
	switch classify(n) {
	case kPrim, kEnum:
		return primType(n), false
	case kArray:
		it, _ := g.follow(source.Get(n, "items"), "")
		if k := classify(it); k == kPrim || k == kEnum {
			return primType(it), true
		}
		return jen.String(), true
	}
	return jen.String(), false
}

// pathParts splits a path template into literal text and parameter names.
func pathParts(path string) (parts []string, vars []bool) {
	for path != "" {
		i := strings.Index(path, "{")
		j := strings.Index(path[max(i, 0):], "}")
		if i < 0 || j < 0 {
			parts, vars = append(parts, path), append(vars, false)
			break
		}
		j += i
		if i > 0 {
			parts, vars = append(parts, path[:i]), append(vars, false)
		}
		parts, vars = append(parts, path[i+1:j]), append(vars, true)
		path = path[j+1:]
	}
	return parts, vars
}
