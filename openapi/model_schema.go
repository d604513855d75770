package openapi

import (
	"go.yaml.in/yaml/v4"
)

// SchemaAt describes the schema n written at ptr, its absolute pointer, with
// its $refs followed by the rules the model's own schemas follow (local
// references, bare names, files read with AllowRefs): for the schemas the
// model does not list itself, such as a property of a response body. Nil
// when n is nil.
func (d *Document) SchemaAt(n *yaml.Node, ptr string) *Schema { return d.schemaAt(n, ptr) }
