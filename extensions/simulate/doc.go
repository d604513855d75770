// Package simulate works out, offline, what Amazon API Gateway does in the
// integration response step: which integration response a backend result
// selects, which status and headers the client gets, which mapping template
// applies and how the body is converted. It reads the API model (package
// apimodel) and never calls AWS.
//
// # REST APIs
//
// REST takes a method, a backend Result (status code, Lambda errorMessage,
// headers, body) and what is known of the request (Accept header, stage and
// context variables) and returns an Outcome:
//
//   - Selection. Patterns are Java regular expressions matched against the
//     whole value (package javaregex): the errorMessage of a Lambda function,
//     the status code for every other integration. They are tried in
//     ascending order of their integration response's status code, and the
//     first match wins; API Gateway does not document an order, which is why
//     apigw check warns about overlapping patterns (APIGW353) and the
//     outcome notes a second match (CodeAmbiguous). No match selects the
//     "default" response; without one the client gets 500 (CodeNoMatch).
//   - Headers. Each method.response.header.NAME mapping is evaluated:
//     integration.response.header.NAME (last value), multivalueheader.NAME
//     (values joined with ","), integration.response.body (whole) and
//     body.JSONPath (EvalJSONPath), 'static', context.NAME and
//     stageVariables.NAME from the Request.
//   - Integration request. The request template for the client request's
//     Content-Type is rendered (package vtl: Velocity 1.7 with API
//     Gateway's $input, $util, $context and $stageVariables) over the
//     client request's body and parameters, or the body passes through as
//     passthroughBehavior allows (else 415). A MOCK integration's status
//     is the statusCode that output gives (MockStatusCode).
//   - Template. SelectTemplate: the first media type of Accept
//     (application/json when absent), else the first template. It is
//     rendered over the backend body with the request's $context
//     (DefaultContext, shared with the request template), and its output
//     is the body; status and headers set through
//     $context.responseOverride are applied last. A template that fails
//     gives API Gateway's 500.
//   - Conversion. ResponseConversion: contentHandling against
//     binaryMediaTypes, the backend's Content-Type and Accept.
//   - Variables. TemplateVariables lists what a template reads.
//
// A pattern Java rejects is a *PatternError naming the pattern and offset.
// Outcome.Approximate is true when a pattern needed the backtracking engine
// (lookaround, backreferences, …).
//
// # HTTP and WebSocket APIs
//
// HTTP applies an HTTP API integration's response parameter mappings
// (append:, overwrite:, remove: header, overwrite:statuscode) for the
// backend's status. WebSocket selects a WebSocket integration response by
// its /regex/ key or $default.
//
// # Serving mocks
//
// Handler returns an http.Handler that answers every MOCK integration of a
// REST API, templates rendered, and 501 for the others, for local
// development and tests.
package simulate
