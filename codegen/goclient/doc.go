// Package goclient generates Go clients (one file, standard library only at
// run time) for APIs deployed on Amazon API Gateway, from their OpenAPI 3.x
// or Swagger 2.0 documents, with github.com/dave/jennifer.
//
// A generated client knows what API Gateway will send back, not only what
// the document declares:
//
//   - for non-proxy REST integrations (Lambda "aws", "http", "mock") an
//     operation's statuses are the ones its integration responses select;
//     each carries the typed body of its method response, the headers its
//     responseParameters map (typed from the declared header schemas) and,
//     in its documentation, the selection pattern and the content types its
//     response templates produce;
//   - error statuses (4xx and 5xx) come back as typed errors, one type per
//     operation and status, for errors.As; they embed ErrorResponse;
//   - proxy integrations and HTTP APIs fall back to the declared responses;
//   - any other error status decodes into GatewayError, with API Gateway's
//     {"message": ...} body and the headers the document's gateway responses
//     (x-amazon-apigateway-gateway-responses) map.
//
// Component schemas become Go types: structs (allOf flattened), slices,
// maps for additionalProperties, string, integer and number enums as named
// types with constants (PriorityN1 for -1, Weight1P5 for 1.5), oneOf/anyOf
// as json.RawMessage-backed types with As and From methods per variant,
// recursion through pointers. Required properties are values, optional ones
// pointers (slices and maps stay nil). Property names a struct tag cannot
// hold (quotes, backticks, commas, "-") make the struct marshal itself, so
// every JSON property round-trips under its exact name; so does
// additionalProperties next to properties, kept in an AdditionalProperties
// map and written after the named properties, sorted by key.
//
// Every identifier comes from one naming function (goName): an exported
// ASCII identifier, accents stripped, other letters spelled by code point,
// invisible and bidi characters dropped, a numeric suffix on collision in
// document order; x-go-name overrides it. Document text only reaches the
// code as // comments, with control, bidi and zero-width characters removed,
// and as string literals.
//
// What every client carries whatever the document (Client and its options,
// the request helper, parameter encoding, response decoding, ErrorResponse)
// is an ordinary Go file, internal/runtime/runtime.go, compiled and tested
// in its own package. Generate embeds it and writes its declarations into
// the client as they are written, in the client's package, around the parts
// that depend on the document (DefaultBaseURL, NewClient, GatewayError, the
// operations and types); its names are reserved in the naming function.
//
// Generate renders in memory, formats (gofmt) and type-checks the code with
// go/types against the standard library before returning it; on failure it
// returns no code and an *Error naming the operation and JSON pointer.
package goclient
