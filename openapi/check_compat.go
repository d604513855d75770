package openapi

import (
	"github.com/apigw/apigw/extensions"
	"go.yaml.in/yaml/v4"
)

// mapGet is extensions.Entry, for the document checks.
func mapGet(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) { return extensions.Entry(n, key) }
