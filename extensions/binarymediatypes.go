package extensions

import (
	"strconv"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtBinaryMediaTypes is the name of the REST API's binary media types list.
const ExtBinaryMediaTypes = "x-amazon-apigateway-binary-media-types"

// BinaryMediaTypes is x-amazon-apigateway-binary-media-types: the media types
// (wildcards such as image/* and */* included) whose payloads API Gateway
// treats as binary.
type BinaryMediaTypes struct {
	Types []Str `json:"-"`
	src   *yaml.Node
}

func init() {
	register(&Spec{Name: ExtBinaryMediaTypes, Places: AtRoot, RESTOnly: true,
		Summary: "Media types that the REST API treats as binary, such as image/png or */*.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.binaryMediaTypes(n, ptr) }})
}

// Extension implements Value.
func (*BinaryMediaTypes) Extension() string { return ExtBinaryMediaTypes }

// Node returns the node the value was decoded from, nil when built in Go.
func (b *BinaryMediaTypes) Node() *yaml.Node { return b.src }

func (d *decoder) binaryMediaTypes(n *yaml.Node, ptr string) *BinaryMediaTypes {
	b := &BinaryMediaTypes{src: n}
	if isIntrinsicObject(n) {
		return b
	}
	b.Types = d.strList(n, ptr, ExtBinaryMediaTypes)
	r := source.Resolve(n)
	for i, t := range b.Types {
		if t.IsLiteral() && t.Value != "" {
			d.checkLooseMediaType(r.Content[i], source.Pointer(ptr, strconv.Itoa(i)), "binary media type", t.Value)
		}
	}
	return b
}

// Encode implements Value.
func (b *BinaryMediaTypes) Encode() *yaml.Node {
	if r := source.Resolve(b.src); r != nil && (r.Kind != yaml.SequenceNode || isIntrinsicObject(r)) {
		return b.src
	}
	return encScalarExt(encStrList(b.src, b.Types), b.src)
}
