// Package apimodel is a typed model of an API as Amazon API Gateway holds it:
// a REST API (apigateway) with its resource tree, methods, integrations,
// models, authorizers, request validators, gateway responses and
// documentation parts, deployments and stages, or an HTTP or WebSocket API
// (apigatewayv2) with its routes, integrations, integration and route
// responses, authorizers, models and stages.
//
// The JSON form is what the AWS CLI prints. A REST API dump is
//
//	{"restApi": <get-rest-api>, "resources": [<items of get-resources --embed methods>],
//	 "models": [...], "authorizers": [...], "requestValidators": [...],
//	 "gatewayResponses": [...], "documentationParts": [...],
//	 "deployments": [...], "stages": [...]}
//
// and an HTTP or WebSocket API dump is
//
//	{"api": <get-api>, "routes": [...], "integrations": [...],
//	 "integrationResponses": {"<IntegrationId>": [...]},
//	 "routeResponses": {"<RouteId>": [...]},
//	 "authorizers": [...], "models": [...], "stages": [...]}
//
// whose members are spelled as the CLI prints them (PascalCase: "ApiId",
// "RouteKey", …). Load also accepts the bare outputs of get-rest-api,
// get-resources, get-deployments, get-stages, get-api, get-apis (one API),
// get-routes and get-integrations.
// Loading is strict about types and reports each problem with file, line,
// column and JSON pointer; Marshal writes a dump deterministically.
package apimodel
