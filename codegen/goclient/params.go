package goclient

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"github.com/dave/jennifer/jen"
	"go.yaml.in/yaml/v4"
)

// param is one request parameter of an operation.
type param struct {
	name, in string // as written; in is path, query or header
	node     *yaml.Node
	ptr      string
	field    string // Go field name in the Params struct
	typ      jen.Code
	array    bool
	required bool
	greedy   bool // a {name+} path parameter
}

// parameters merges the path item's and the operation's parameters ($refs
// followed); an operation parameter replaces a path-item one of the same name
// and location.
func (g *gen) parameters(op *openapi.Operation) []param {
	var out []param
	add := func(list *yaml.Node, base string) {
		for i, p := range source.Items(list) {
			ptr := base + "/" + strconv.Itoa(i)
			p, _ = g.follow(p, ptr)
			name, in := source.Scalar(source.Get(p, "name")), source.Scalar(source.Get(p, "in"))
			if p == nil || name == "" {
				continue
			}
			np := param{name: name, in: in, node: p, ptr: ptr, required: in == "path" || isTrue(source.Get(p, "required"))}
			replaced := false
			for j := range out {
				if out[j].name == name && out[j].in == in {
					out[j], replaced = np, true
				}
			}
			if !replaced {
				out = append(out, np)
			}
		}
	}
	pathItemPtr := strings.TrimSuffix(op.Pointer, "/"+escape(op.Key))
	add(source.Get(source.Get(source.Get(g.root, "paths"), op.Path), "parameters"), pathItemPtr+"/parameters")
	add(source.Get(op.Node, "parameters"), op.Pointer+"/parameters")
	return out
}

// paramType is the Go type of a path, query or header parameter: a
// primitive, or a slice of primitives; anything else is sent as a string.
func (g *gen) paramType(p *yaml.Node) (jen.Code, bool) {
	s := p
	if !g.v2 {
		s, _ = g.follow(source.Get(p, "schema"), "")
	}
	switch classify(s) {
	case kPrim, kEnum:
		return primType(s), false
	case kArray:
		it, _ := g.follow(source.Get(s, "items"), "")
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
