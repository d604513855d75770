package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Paths returns the path templates of the document's paths object, in
// document order, extension keys left out. A path without operations is
// listed too: import creates its resource all the same.
func (d *Document) Paths() []string {
	var out []string
	source.Pairs(source.Get(d.Root, "paths"), func(path string, _ *yaml.Node) {
		if !strings.HasPrefix(path, "x-") {
			out = append(out, path)
		}
	})
	return out
}
