package schema

import (
	"reflect"

	"github.com/apigw/apigw/extensions"
	"github.com/invopop/jsonschema"
)

// replacements give the schema of extension types whose JSON value is not
// the object their Go struct would reflect to: maps keyed by name, lists,
// scalars, and values with several shapes. Each result becomes the type's
// definition.
var replacements = map[reflect.Type]func(*builder) *jsonschema.Schema{
	reflect.TypeFor[extensions.RequestValidators](): func(b *builder) *jsonschema.Schema {
		return &jsonschema.Schema{Type: "object", AdditionalProperties: b.schemaFor(reflect.TypeFor[extensions.RequestValidator]())}
	},
	reflect.TypeFor[extensions.Integrations](): func(b *builder) *jsonschema.Schema {
		return &jsonschema.Schema{Type: "object", AdditionalProperties: b.schemaFor(reflect.TypeFor[extensions.Integration]())}
	},
	reflect.TypeFor[extensions.GatewayResponses](): func(b *builder) *jsonschema.Schema {
		return whole(&jsonschema.Schema{
			Type:                 "object",
			PropertyNames:        enum(extensions.GatewayResponseTypes...),
			AdditionalProperties: b.schemaFor(reflect.TypeFor[extensions.GatewayResponse]()),
		})
	},
	reflect.TypeFor[extensions.RequestValidatorName](): func(*builder) *jsonschema.Schema {
		return &jsonschema.Schema{Type: "string"}
	},
	reflect.TypeFor[extensions.AuthType](): func(*builder) *jsonschema.Schema {
		s := strSchema()
		s.AnyOf[0].Examples = []any{"awsSigv4", "custom", "cognito_user_pools"}
		return s
	},
	reflect.TypeFor[extensions.APIKeySource](): func(*builder) *jsonschema.Schema { return enum("HEADER", "AUTHORIZER") },
	reflect.TypeFor[extensions.MinimumCompressionSize](): func(*builder) *jsonschema.Schema {
		return integer(0, extensions.MaxCompressionSize, true)
	},
	reflect.TypeFor[extensions.ImportExportVersion](): func(*builder) *jsonschema.Schema {
		// A YAML 1.0 is a number; the decoder reads it as written, "1.0".
		return &jsonschema.Schema{Enum: []any{"1.0", 1}}
	},
	reflect.TypeFor[extensions.TagValue](): func(*builder) *jsonschema.Schema { return strSchema() },
	reflect.TypeFor[extensions.SecurityPolicy](): func(*builder) *jsonschema.Schema {
		// Other names only draw a warning, so the schema lists them as examples.
		return &jsonschema.Schema{Type: "string", Examples: []any{"TLS_1_0", "TLS_1_2", "SecurityPolicy_TLS13_1_3_2025_09"}}
	},
	reflect.TypeFor[extensions.EndpointAccessMode](): func(*builder) *jsonschema.Schema { return enum("BASIC", "STRICT") },
	reflect.TypeFor[extensions.BinaryMediaTypes](): func(*builder) *jsonschema.Schema {
		return whole(strList(strMatching(mediaTypePattern)))
	},
	reflect.TypeFor[extensions.Policy](): func(*builder) *jsonschema.Schema { return policySchema() },
	reflect.TypeFor[extensions.IdentitySource](): func(*builder) *jsonschema.Schema {
		return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
			{Type: "string", Description: "Comma-separated identity sources, e.g. method.request.header.Authorization (REST) or $request.header.Authorization (HTTP APIs)."},
			strList(strSchema()),
			ref(intrinsicDef),
		}}
	},
	reflect.TypeFor[extensions.AnyMethod](): func(b *builder) *jsonschema.Schema {
		// An operation object: isDefaultRoute, the operation-level
		// extensions, and everything OpenAPI allows in an operation.
		s := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties()}
		s.Properties.Set("isDefaultRoute", &jsonschema.Schema{AnyOf: boolean().AnyOf,
			Description: extensionComments[extensionsPkg+".AnyMethod.IsDefaultRoute"]})
		b.operationExtensions(s)
		return s
	},
}

// policySchema is an IAM policy document, as an object or as a string
// holding its JSON, or an intrinsic function.
func policySchema() *jsonschema.Schema {
	effect := orIntrinsic(&jsonschema.Schema{Type: "string", Pattern: exactPattern("Allow", "Deny") + "|" + variables})
	statement := &jsonschema.Schema{Type: "object", Required: []string{"Effect"}, Properties: jsonschema.NewProperties()}
	statement.Properties.Set("Effect", effect)
	doc := &jsonschema.Schema{Type: "object", Required: []string{"Statement"}, Properties: jsonschema.NewProperties(),
		Description: "An IAM policy document: Version and Statement."}
	doc.Properties.Set("Version", strMatching(exactPattern("2012-10-17", "2008-10-17")))
	doc.Properties.Set("Statement", &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		statement,
		{Type: "array", Items: &jsonschema.Schema{AnyOf: []*jsonschema.Schema{statement, ref(intrinsicDef)}}},
		ref(intrinsicDef),
	}})
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		doc,
		{Type: "string", ContentMediaType: "application/json", Description: "The policy document as a JSON string."},
		ref(intrinsicDef),
	}}
}
