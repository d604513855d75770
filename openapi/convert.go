package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Convert rewrites doc as the target version (Swagger2, OpenAPI30 or
// OpenAPI31), working on a copy of the source tree so that key order,
// comments and scalars as written are kept wherever the two versions agree.
// API Gateway extensions move to where the target wants them: the endpoint
// configuration sits on the root in Swagger and on a server in OpenAPI 3;
// reusable integrations (components.x-amazon-apigateway-integrations) exist
// only in OpenAPI 3, so converting to Swagger writes each one into the
// operations that refer to it. Whatever the target cannot express is a
// diagnostic, never a silent loss.
func Convert(doc *Document, to Kind) (*yaml.Node, []diag.Diagnostic) {
	c := &converter{Collector: extensions.Collector{File: doc.File, Base: doc.Pointer}, doc: doc, to: to}
	if to != Swagger2 && to != OpenAPI30 && to != OpenAPI31 {
		c.Add(diag.ConvertTarget, nil, "", "convert writes Swagger 2.0, OpenAPI 3.0 or OpenAPI 3.1, not %s", to)
		return nil, c.Diags
	}
	if doc.Kind != Swagger2 && doc.Kind != OpenAPI30 && doc.Kind != OpenAPI31 {
		c.Add(diag.ConvertTarget, doc.Root, "", "convert reads Swagger 2.0 or OpenAPI 3.x documents, not %s", doc.Kind)
		return nil, c.Diags
	}
	root := source.Clone(source.Resolve(doc.Root))
	switch {
	case doc.Kind == to:
	case doc.Kind == Swagger2:
		root = c.fromSwagger(root)
		if to == OpenAPI31 {
			c.schemas(root, c.to31)
		}
	case to == Swagger2:
		if doc.Kind == OpenAPI31 {
			c.schemas(root, c.to30)
		}
		root = c.toSwagger(root)
	case to == OpenAPI31:
		c.schemas(root, c.to31)
	default:
		c.schemas(root, c.to30)
	}
	if to != Swagger2 {
		setVersion(root, "openapi", map[Kind]string{OpenAPI30: "3.0.3", OpenAPI31: "3.1.0"}[to], doc.Kind == to)
	}
	diag.Sort(c.Diags)
	return root, c.Diags
}

// converter holds one Convert's state.
type converter struct {
	doc *Document
	to  Kind
	extensions.Collector
}

func (c *converter) loss(n *yaml.Node, rel, format string, args ...any) {
	c.Add(diag.ConvertLoss, n, rel, format, args...)
}

// setVersion sets the version key of root ("openapi"), keeping a version
// already of the right kind when keep is set.
func setVersion(root *yaml.Node, key, v string, keep bool) {
	if keep {
		return
	}
	if _, n := source.Entry(root, key); n != nil {
		n.Value, n.Tag, n.Style = v, source.TagStr, 0
		return
	}
	root.Content = append([]*yaml.Node{strScalar(key), strScalar(v)}, root.Content...)
}

// del removes key from mapping n and returns its value.
func del(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			v := n.Content[i+1]
			n.Content = append(n.Content[:i:i], n.Content[i+2:]...)
			return source.Resolve(v)
		}
	}
	return nil
}

// rename changes key old to new in mapping n, in place; it tells whether old was there.
func rename(n *yaml.Node, old, new string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == old {
			n.Content[i].Value = new
			return true
		}
	}
	return false
}

// put sets key in mapping n: in place when present, else after the key
// named after (or at the end).
func put(n *yaml.Node, key string, v *yaml.Node, after string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = v
			return
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == after {
			rest := append([]*yaml.Node{strScalar(key), v}, n.Content[i+2:]...)
			n.Content = append(n.Content[:i+2:i+2], rest...)
			return
		}
	}
	n.Content = append(n.Content, strScalar(key), v)
}

// rewriteRefs rewrites every $ref that starts with one of the old prefixes.
func rewriteRefs(n *yaml.Node, from, to []string) {
	if n == nil {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; n.Content[i].Value == "$ref" && v.Kind == yaml.ScalarNode {
				for j, p := range from {
					if rest, ok := strings.CutPrefix(v.Value, p); ok {
						v.Value = to[j] + rest
						break
					}
				}
			}
		}
	}
	for _, ch := range n.Content {
		rewriteRefs(ch, from, to)
	}
}

// operationsOf calls f for each operation (method key, node, relative pointer) of root's paths.
func operationsOf(root *yaml.Node, f func(path, key string, op *yaml.Node, rel string)) {
	source.Entries(source.Get(root, "paths"), func(p, item *yaml.Node) {
		source.Entries(item, func(k, op *yaml.Node) {
			if _, ok := operationKeys[k.Value]; ok && op.Kind == yaml.MappingNode {
				f(p.Value, k.Value, op, "/paths/"+source.EscapeToken(p.Value)+"/"+source.EscapeToken(k.Value))
			}
		})
	})
}

// putBefore sets key in mapping n: in place when present, else just before
// the key named before (or at the end).
func putBefore(n *yaml.Node, key string, v *yaml.Node, before string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = v
			return
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == before {
			rest := append([]*yaml.Node{strScalar(key), v}, n.Content[i:]...)
			n.Content = append(n.Content[:i:i], rest...)
			return
		}
	}
	n.Content = append(n.Content, strScalar(key), v)
}
