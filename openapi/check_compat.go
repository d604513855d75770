package openapi

import (
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// mapGet is extensions.Entry, for the document checks.
func mapGet(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) { return source.Entry(n, key) }

// deref is source.Resolve, for the document checks.
func deref(n *yaml.Node) *yaml.Node { return source.Resolve(n) }

// get is source.Get, for the document checks.
func get(n *yaml.Node, key string) *yaml.Node { return source.Get(n, key) }
