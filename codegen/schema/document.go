package schema

import (
	"github.com/apigw/apigw/extensions"
	"github.com/invopop/jsonschema"
)

// httpMethods are the operation keys of a path item.
var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// Document returns a JSON Schema (draft 2020-12) for whole Swagger 2.0 and
// OpenAPI 3.x documents that checks every x-amazon-apigateway-* extension
// where it may stand: the root, path items, operations (under each HTTP
// method and x-amazon-apigateway-any-method), security schemes
// (securityDefinitions, components.securitySchemes), servers, components
// and tags. It does not re-specify OpenAPI: every other key is allowed. The
// extension definitions are embedded in $defs, so the schema works alone.
func Document(o Options) *jsonschema.Schema {
	b := newBuilder()
	at := func(name string, place extensions.Place, desc string) {
		s := &jsonschema.Schema{Type: "object", Description: desc}
		b.placed(s, place)
		b.defs[name] = s
	}
	at("Operation", extensions.AtOperation, "An operation object; only its API Gateway extensions are checked.")
	at("SecurityScheme", extensions.AtSecurityScheme, "A security scheme; only its API Gateway extensions are checked.")
	at("Server", extensions.AtServer, "A server object (OpenAPI 3); only its API Gateway extensions are checked.")
	at("Tag", extensions.AtTag, "A tag object; only its API Gateway extensions are checked.")

	path := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties(),
		Description: "A path item; its operations and API Gateway extensions are checked."}
	for _, m := range httpMethods {
		path.Properties.Set(m, ref("Operation"))
	}
	b.placed(path, extensions.AtPathItem)
	b.defs["PathItem"] = path

	schemes := &jsonschema.Schema{Type: "object", AdditionalProperties: ref("SecurityScheme")}
	comps := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties(),
		Description: "The components object (OpenAPI 3); security schemes and API Gateway extensions are checked."}
	comps.Properties.Set("securitySchemes", schemes)
	b.placed(comps, extensions.AtComponents)
	b.defs["Components"] = comps

	root := &jsonschema.Schema{
		Version:     jsonschema.Version,
		ID:          jsonschema.ID(o.id(DocumentFile)),
		Title:       "OpenAPI document with Amazon API Gateway extensions",
		Description: "A Swagger 2.0 or OpenAPI 3.x document. Only the x-amazon-apigateway-* extensions are checked, wherever they may stand; everything else is left to OpenAPI tools.",
		Type:        "object",
		Properties:  jsonschema.NewProperties(),
	}
	b.placed(root, extensions.AtRoot)
	root.Properties.Set("paths", &jsonschema.Schema{Type: "object", PatternProperties: map[string]*jsonschema.Schema{"^/": ref("PathItem")}})
	root.Properties.Set("securityDefinitions", &jsonschema.Schema{Type: "object", AdditionalProperties: ref("SecurityScheme")})
	root.Properties.Set("components", ref("Components"))
	root.Properties.Set("servers", &jsonschema.Schema{Type: "array", Items: ref("Server")})
	root.Properties.Set("tags", &jsonschema.Schema{Type: "array", Items: ref("Tag")})
	b.extend()
	root.Definitions = b.defs
	return root
}
