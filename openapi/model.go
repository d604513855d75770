package openapi

import (
	"github.com/apigw/apigw/extensions"
	"go.yaml.in/yaml/v4"
)

// The resolved document model: what every consumer (check, import, convert,
// gen client, gen schema, simulate, config) reads, built once per document
// by Load. Each item carries its source node (for line and column) and its
// absolute JSON pointer; $refs are followed and extensions are decoded.
// Writing back goes through the source tree, which the model points into.

// Schema is a schema as written at one place, and what its $refs lead to.
type Schema struct {
	// Node is the schema object as written, possibly {$ref: …}; Pointer is
	// its absolute pointer.
	Node    *yaml.Node
	Pointer string
	// Ref is the $ref as written; "" for an inline schema.
	Ref string
	// Target is the schema the $refs lead to (Node itself when inline), in
	// the file File ("" for the document's own file); TargetPointer is its
	// pointer there (absolute in the document's file).
	Target        *yaml.Node
	TargetPointer string
	File          string
	// Name is the name of the definition (Swagger) or components.schemas
	// entry that Ref names directly; "" otherwise.
	Name string
	// Resolved is false when a $ref names nothing this document can reach
	// (a missing value, or a file that was not read).
	Resolved bool
}

// Parameter is one parameter of an operation, after the path item's
// parameters are merged with the operation's and $refs are followed.
type Parameter struct {
	// Name and In are as written; In is "path", "query", "header",
	// "cookie", or in Swagger 2.0 also "body" and "formData".
	Name, In string
	// Required is read by one rule (source.IsTrue); path parameters are
	// always required.
	Required bool
	// Description is as written.
	Description string
	// Schema is the parameter's schema: OpenAPI 3's schema, Swagger's body
	// schema, or for other Swagger parameters the parameter object itself
	// (it carries type, format, items and enum). Nil when there is none.
	Schema *Schema
	// Node is the parameter object (after $refs), Pointer its absolute
	// pointer; At is the pointer of the list item that names it.
	Node    *yaml.Node
	Pointer string
	At      string
}

// MediaType is one media type of a request body or response.
type MediaType struct {
	// Type is the media type as written ("application/json").
	Type string
	// Schema is its schema; nil when there is none.
	Schema *Schema
	// Node is the media type object (OpenAPI 3; nil in Swagger 2.0, where
	// media types come from consumes and produces), Pointer its pointer.
	Node    *yaml.Node
	Pointer string
}

// RequestBody is an operation's request body: OpenAPI 3's requestBody, or
// Swagger 2.0's body or formData parameters with consumes.
type RequestBody struct {
	Required    bool
	Description string
	// Content lists the media types in document order.
	Content []*MediaType
	// Form is set for Swagger 2.0 formData parameters; Content then holds
	// the consumed media types without schemas.
	Form bool
	// Node and Pointer locate the requestBody object or body parameter.
	Node    *yaml.Node
	Pointer string
}

// Header is a header a response declares.
type Header struct {
	Name        string
	Required    bool
	Description string
	// Schema is OpenAPI 3's schema, or in Swagger 2.0 the header object itself.
	Schema  *Schema
	Node    *yaml.Node
	Pointer string
}

// Response is one entry of an operation's responses: a method response.
type Response struct {
	// Status is the key as written: "200", "default", "4XX".
	Status      string
	Description string
	Headers     []*Header
	// Content lists the media types (Swagger 2.0: produces, with the
	// response's schema).
	Content []*MediaType
	// Node is the response object (after $refs), Pointer its absolute pointer.
	Node    *yaml.Node
	Pointer string
}

// SecurityRequirement is one alternative of a security list: the schemes
// it names, each with its scopes, in document order.
type SecurityRequirement struct {
	Schemes []SecurityUse
	Node    *yaml.Node
	Pointer string
}

// SecurityUse names one security scheme in a requirement.
type SecurityUse struct {
	Name   string
	Scopes []string
	// Key is the name's key node, for positions.
	Key *yaml.Node
}

// SecurityScheme is one entry of components.securitySchemes (Swagger 2.0:
// securityDefinitions), with its extensions decoded.
type SecurityScheme struct {
	Name string
	// Type, In and Scheme are as written (Type: apiKey, http, oauth2,
	// openIdConnect; Swagger: basic, apiKey, oauth2); ParamName is the
	// apiKey's name.
	Type, In, Scheme, ParamName string
	// Authorizer and AuthType are the decoded extensions, nil when absent.
	Authorizer *extensions.Authorizer
	AuthType   *extensions.AuthType
	Node       *yaml.Node
	Pointer    string
}

// NamedSchema is a reusable schema: a Swagger definition or an entry of
// components.schemas.
type NamedSchema struct {
	Name    string
	Node    *yaml.Node
	Pointer string
}

// IsProxy tells whether an integration passes requests and responses
// through (AWS_PROXY, HTTP_PROXY), so that it has no integration responses.
func IsProxy(v *extensions.Integration) bool {
	return v != nil && (v.Type.Is(extensions.TypeAWSProxy) || v.Type.Is(extensions.TypeHTTPProxy))
}
