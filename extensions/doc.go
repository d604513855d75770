// Package extensions is Amazon API Gateway's OpenAPI vocabulary: one Go type
// per x-amazon-apigateway-* extension, with decoding, encoding and the checks
// that need only the extension's value. It knows nothing of whole OpenAPI
// documents and does not import kin-openapi, so it can be used alone.
//
// # Typed values
//
// Each extension decodes into a struct (Integration, IntegrationResponseEntry,
// RequestValidators, …). Enumerations are string types with constants in the
// SDK's spelling (TypeAWSProxy, ConnectionVPCLink, ConvertToText, …); values
// are kept as written ("aws_proxy" stays lower case) and compared with the
// case-insensitive Is method, or normalised with Canonical where API Gateway
// accepts several spellings.
//
// # Decode and Encode
//
// Decode(name, node, pointer) takes a go.yaml.in/yaml/v4 node (from YAML or
// JSON) and returns the value and its diagnostics; entry points such as
// DecodeIntegration also take the kind of API (KindREST, KindHTTP, or
// KindUnknown to infer it from the fields). Every value has Encode, which
// returns a node: parts that were not changed reuse the decoded nodes, so
// decode followed by encode gives the same ordered tree, with comments,
// unknown keys and scalars as written (an integer statusCode stays an
// integer, payloadFormatVersion: 1.0 stays a number). Changed or added
// fields are written after the existing keys, in a canonical order.
//
// # Str and CloudFormation intrinsics
//
// Fields that CloudFormation may fill in are Str: a literal, or an intrinsic
// function (Fn::Sub, !Ref, Fn::GetAtt, …) kept with its arguments. Checks of
// a value's shape run only when Str.Known reports a literal without ${…}
// variables, so stage variables and ${AWS::Region} are never rejected.
// Where API Gateway needs a literal (an enum, a number, an object) and a
// template writes an intrinsic instead, the node is kept in the value's
// Intrinsics map, unchecked, and written back unchanged; a whole extension
// written as Fn::If is kept as it is (Integration.IsIntrinsic), and each of
// its branches is checked where it is written (IfBranches), as CloudFormation
// chooses one of them before API Gateway reads the document.
//
// # Order
//
// Map[V] is a slice of key/value pairs in document order; the package never
// ranges over a Go map to produce output. The plain SDK shapes
// (IntegrationResponse, V2IntegrationResponse) use Go maps so that
// encoding/json writes them like the AWS CLI; conversions from them sort keys.
//
// # Diagnostics
//
// Problems are returned as Diagnostic values with a Severity that follows
// what API Gateway's import does (Error: import fails; Warning: import warns
// or the setting is ignored or cannot work; Info: a remark), a stable code,
// the JSON pointer and line/column of the value, and a message that says
// what to write instead. Codes are grouped: APIGW100–105 generic (wrong JSON
// type, unknown enum value, unknown key with the nearest known key, missing
// required field, out of range, unknown extension), APIGW106–199 integrations
// and integration responses (codes_integration.go), APIGW2xx authorizers and
// API-level extensions, APIGW3xx parameter mappings, APIGW35x–39x selection
// patterns.
package extensions
