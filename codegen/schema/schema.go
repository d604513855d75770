package schema

import (
	"reflect"

	"github.com/apigw/apigw/extensions"
	"github.com/invopop/jsonschema"
	"go.yaml.in/yaml/v4"
)

// Default $id values of the published schemas.
const (
	DefaultExtensionsID = "https://apigw.dev/schemas/extensions.json"
	DefaultDocumentID   = "https://apigw.dev/schemas/document.json"
)

// Options set what the generated schemas say about themselves.
type Options struct {
	// ID is the schema's $id; empty means DefaultExtensionsID or DefaultDocumentID.
	ID string
}

// Extensions returns the JSON Schema (draft 2020-12) of every
// x-amazon-apigateway-* extension: an object whose properties map each
// extension name to its definition in $defs, so that
// {"x-amazon-apigateway-integration": {…}} validates against it directly.
func Extensions(o Options) *jsonschema.Schema {
	b := newBuilder()
	root := &jsonschema.Schema{
		Version:     jsonschema.Version,
		ID:          jsonschema.ID(orDefault(o.ID, DefaultExtensionsID)),
		Title:       "Amazon API Gateway OpenAPI extensions",
		Description: "The x-amazon-apigateway-* extensions of OpenAPI documents, as API Gateway's import reads them. Strings may also be CloudFormation intrinsic functions.",
		Type:        "object",
		Properties:  jsonschema.NewProperties(),
	}
	for _, s := range extensions.Specs() {
		root.Properties.Set(s.Name, b.extension(s))
	}
	b.extend()
	root.Definitions = b.defs
	return root
}

// extension returns a $ref to the definition of one extension, described by its summary.
func (b *builder) extension(s *extensions.Spec) *jsonschema.Schema {
	t := valueType(s.Name)
	r := b.schemaFor(t)
	if r.Ref == "" {
		r = b.define(t, r)
	}
	r.Description = s.Summary
	return r
}

// valueType returns the Go type an extension decodes to.
func valueType(name string) reflect.Type {
	v, _ := extensions.Decode(name, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, "")
	return reflect.TypeOf(v).Elem()
}

// operationExtensions adds a property for each extension that stands on an operation.
func (b *builder) operationExtensions(s *jsonschema.Schema) { b.placed(s, extensions.AtOperation) }

// placed adds to s a property for each extension that may stand at place.
func (b *builder) placed(s *jsonschema.Schema, place extensions.Place) {
	if s.Properties == nil {
		s.Properties = jsonschema.NewProperties()
	}
	for _, sp := range extensions.Specs() {
		if sp.Places&place != 0 {
			s.Properties.Set(sp.Name, b.extension(sp))
		}
	}
}

// Marshal returns s as indented JSON with a final newline.
func Marshal(s *jsonschema.Schema) ([]byte, error) { return marshalIndent(s) }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
