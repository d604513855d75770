// Package schema generates JSON Schemas (draft 2020-12) for the
// x-amazon-apigateway-* extensions, to publish for editors and CI, and
// (ForAPI) the schemas of the responses each operation of one API can give,
// for contract tests.
//
// Extensions returns one schema whose properties map each extension name to
// its definition in $defs; Document returns a schema for whole Swagger 2.0
// and OpenAPI 3.x documents that applies those definitions where each
// extension may stand (root, path item, operation, security scheme,
// server, components, tag) and allows everything else, so that it can sit
// on top of an openapi.yaml:
//
//	# yaml-language-server: $schema=https://raw.githubusercontent.com/apigw/apigw/main/golden/schema/document.json
//
// That is where the project publishes both schemas (DefaultBaseURI): the
// committed copies golden/schema/extensions.json and document.json.
//
// # How the schemas are made
//
// The definitions are reflected from the Go types of package extensions with
// github.com/invopop/jsonschema, using the types' JSON tags for keys and
// their doc comments for descriptions. The comments are gathered by go
// generate (gen-comments writes comments_gen.go), never by reading Go source
// at run time.
//
// Package extensions must stay importable alone, so it does not implement
// invopop's JSONSchema or JSONSchemaExtend methods. Instead, tables in this
// package keyed by reflect.Type customise the reflection: the Reflector's
// Mapper gives the schema of types whose JSON is not their struct (Str,
// Map[V], *yaml.Node, the enum string types, and the extensions written as
// maps, lists or scalars), and the extenders adjust a reflected struct's
// definition (ranges, patterns, required fields, conditions between
// fields). Struct tags carry only JSON names, never patterns.
//
// # What the schemas accept
//
// They follow the errors of the typed checks in package extensions: a value
// that API Gateway's import refuses is refused, and unknown keys, which
// import only warns about, are allowed. Where the decoder is lenient the
// schema is too: numeric strings for integers ("29000"), the strings "true"
// and "false" for booleans, integers for status codes.
//
// Wherever a string is expected, a CloudFormation intrinsic function
// ({"Fn::Sub": …}, {"Ref": …}, …; $defs/Intrinsic) is accepted as well, and
// so is every field the typed model keeps in Intrinsics. Literals holding a
// ${…} variable (stage variables, ${AWS::Region}) are not checked against
// patterns, as they are resolved at deployment.
//
// Enumerations that API Gateway compares case-insensitively (integration
// type, passthroughBehavior, authorizer type, …) use a pattern spelled with
// character classes, ^(?:[Hh][Tt][Tt][Pp]|…)$, because inline flags such as
// (?i) are not part of ECMA-262 regular expressions; examples list the
// documented spellings for completion and patternErrorMessage gives editors
// a readable message. All patterns stay within the common subset of
// ECMA-262 and RE2.
//
// The schemas are stricter than import in one respect, on purpose: settings
// that import accepts with a warning but that can never take effect are
// refused. Template keys and binary media types must be media types
// (type/subtype), since anything else never matches a Content-Type, and
// parameter-mapping values must be strings, since import drops a boolean
// or a number.
//
// # Response schemas of one API
//
// ForAPI describes a response as {statusCode, headers, contentType, body}
// and each operation as a oneOf with one branch per status code: per
// integration response for AWS, HTTP and MOCK integrations, per declared
// response for proxies and HTTP APIs. It reads the resolved document model
// (package openapi): operations, their integration, declared responses
// with headers and media types, and schemas with their $refs followed.
// Bodies become invopop Schemas keyword by keyword, the older versions'
// nullable, example and boolean exclusive bounds taking their 2020-12 form
// on the way; reusable schemas are copied into each file's $defs, and
// keyword values that JSON Schema does not allow are left out with a
// diagnostic, so that every file is a valid schema that compiles on its
// own. Diagnostics point into the document as written.
package schema
