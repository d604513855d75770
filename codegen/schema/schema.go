package schema

import (
	"reflect"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/invopop/jsonschema"
	"go.yaml.in/yaml/v4"
)

// DefaultBaseURI is where the project publishes its schemas: the folder
// golden/schema/ of the repository's main branch, served by GitHub as raw
// files, so that editors can fetch a schema from its $id.
const DefaultBaseURI = "https://raw.githubusercontent.com/apigw/apigw/main/golden/schema/"

// File names of the published schemas, below a base URI.
const (
	ExtensionsFile = "extensions.json"
	DocumentFile   = "document.json"
)

// Default $id values of the published schemas.
const (
	DefaultExtensionsID = DefaultBaseURI + ExtensionsFile
	DefaultDocumentID   = DefaultBaseURI + DocumentFile
)

// Options set what the generated schemas say about themselves.
type Options struct {
	// ID is the schema's $id. Empty means BaseURI followed by ExtensionsFile
	// or DocumentFile.
	ID string
	// BaseURI is the folder URL the schemas are published under (ending in
	// "/"; one is added when missing). Empty means DefaultBaseURI.
	BaseURI string
}

// id returns the $id of the schema published as file.
func (o Options) id(file string) string {
	if o.ID != "" {
		return o.ID
	}
	base := orDefault(o.BaseURI, DefaultBaseURI)
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + file
}

// Extensions returns the JSON Schema (draft 2020-12) of every
// x-amazon-apigateway-* extension: an object whose properties map each
// extension name to its definition in $defs, so that
// {"x-amazon-apigateway-integration": {…}} validates against it directly.
func Extensions(o Options) *jsonschema.Schema {
	b := newBuilder()
	root := &jsonschema.Schema{
		Version:     jsonschema.Version,
		ID:          jsonschema.ID(o.id(ExtensionsFile)),
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

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
