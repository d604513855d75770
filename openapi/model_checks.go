package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions"
	"go.yaml.in/yaml/v4"
)

// Paths returns the path templates of the document's paths object, in
// document order, extension keys left out. A path without operations is
// listed too: import creates its resource all the same.
func (d *Document) Paths() []string {
	var out []string
	extensions.Pairs(extensions.Get(d.Root, "paths"), func(path string, _ *yaml.Node) {
		if !strings.HasPrefix(path, "x-") {
			out = append(out, path)
		}
	})
	return out
}
