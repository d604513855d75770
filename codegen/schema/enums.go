package schema

import (
	"reflect"

	"github.com/apigw/apigw/extensions"
	"github.com/invopop/jsonschema"
)

// enumTypes maps the enum string types of package extensions to their
// schemas. Where the decoder folds case (integration type, passthrough
// behaviour) the schema accepts any case; elsewhere the exact spelling.
var enumTypes = map[reflect.Type]func() *jsonschema.Schema{
	reflect.TypeFor[extensions.IntegrationType](): func() *jsonschema.Schema {
		return foldEnum("http", "http_proxy", "aws", "aws_proxy", "mock")
	},
	reflect.TypeFor[extensions.PassthroughBehavior](): func() *jsonschema.Schema {
		return foldEnum(stringsOf(extensions.PassthroughWhenNoMatch, extensions.PassthroughWhenNoTemplates, extensions.PassthroughNever)...)
	},
	reflect.TypeFor[extensions.ConnectionType](): func() *jsonschema.Schema {
		return enum(stringsOf(extensions.ConnectionInternet, extensions.ConnectionVPCLink)...)
	},
	reflect.TypeFor[extensions.ContentHandling](): func() *jsonschema.Schema {
		return enum(stringsOf(extensions.ConvertToBinary, extensions.ConvertToText)...)
	},
	reflect.TypeFor[extensions.ResponseTransferMode](): func() *jsonschema.Schema {
		return enum(stringsOf(extensions.TransferBuffered, extensions.TransferStream)...)
	},
	// Booleans and integers of the typed model: the decoder reads the
	// strings "true"/"false" and, where noted per field, numeric strings.
	reflect.TypeFor[bool](): boolean,
}

func stringsOf[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
