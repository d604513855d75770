package diag

// Simulation notes (APIGW600–APIGW699).
const (
	// SimInvalidPattern: Simulation: selection pattern Java rejects.
	SimInvalidPattern Code = "APIGW600"
	// SimNoMatch: Simulation: no pattern matched and no default.
	SimNoMatch Code = "APIGW601"
	// SimNoMethodResponse: Simulation: selected status has no method response.
	SimNoMethodResponse Code = "APIGW602"
	// SimApproximate: Simulation: pattern evaluated approximately.
	SimApproximate Code = "APIGW603"
	// SimConversion: Simulation: body is not base64 for a binary conversion.
	SimConversion Code = "APIGW604"
	// SimNoValue: Simulation: mapping source has no value.
	SimNoValue Code = "APIGW605"
	// SimAmbiguous: Simulation: several patterns matched.
	SimAmbiguous Code = "APIGW606"
	// SimTimeout: Simulation: pattern exceeded the time limit.
	SimTimeout Code = "APIGW607"
	// SimUnavailable: Simulation: data not available offline.
	SimUnavailable Code = "APIGW608"
	// SimProxy: Simulation: proxy integration passes the response through.
	SimProxy Code = "APIGW609"
	// SimNoErrorMessage: Simulation: Lambda returned normally.
	SimNoErrorMessage Code = "APIGW610"
	// SimUndeclaredHeader: Simulation: mapped header not declared.
	SimUndeclaredHeader Code = "APIGW611"
	// SimTemplate: Simulation: mapping template fails.
	SimTemplate Code = "APIGW612"
	// SimMockStatus: Simulation: MOCK statusCode cannot be read.
	SimMockStatus Code = "APIGW613"
	// SimUnsupportedMediaType: Simulation: no request template for the media type.
	SimUnsupportedMediaType Code = "APIGW614"
)

// Sources of the evidence for templates and MOCK integrations (see evidence.go).
const (
	issueMockStatus   = "https://github.com/aws/aws-cdk/issues/5997"
	issueMockTemplate = "https://github.com/serverless/serverless/issues/5960"
	pageTemplate500   = "https://www.volcengine.com/article/2927415"
	docGatewayVTL     = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.responseTemplates.html"
	docModelsGuide    = "https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html"
)

var simulateEntries = []Entry{
	{Code: SimInvalidPattern, Severity: Error, Title: "Simulation: selection pattern Java rejects",
		Doc:      "A selection pattern (or a WebSocket /regex/ key) is not a valid Java regular expression, so API Gateway would reject the integration response and nothing can be simulated. Fix the pattern (apigw check reports it as APIGW350 with what to write).",
		Evidence: "Tool contract: the simulation cannot run; the pattern itself is what APIGW350 reports."},
	{Code: SimNoMatch, Severity: Warning, Title: "Simulation: no pattern matched and no default",
		Doc:      "No selection pattern matched the backend result and the integration has no default response. API Gateway answers 500 {\"message\": \"Internal server error\"} and logs \"Execution failed due to configuration error: No match for output mapping and no default output mapping configured\". Add a default response.",
		Evidence: "Tool contract: a simulated outcome. API Gateway answers an unmatched integration response with the API_CONFIGURATION_ERROR gateway response, status 500 (" + docGatewayTypes + ")."},
	{Code: SimNoMethodResponse, Severity: Warning, Title: "Simulation: selected status has no method response",
		Doc:      "The selected integration response names a status code that the method does not declare as a response, so API Gateway answers 500. Declare that response on the operation.",
		Evidence: "Tool contract: a simulated outcome of the request."},
	{Code: SimApproximate, Severity: Info, Title: "Simulation: pattern evaluated approximately",
		Doc:      "A pattern was evaluated by the backtracking engine (lookaround, backreferences, possessive quantifiers, …), so the match result is approximate.",
		Evidence: "Tool contract: a remark about how apigw evaluated the pattern."},
	{Code: SimConversion, Severity: Warning, Title: "Simulation: body is not base64 for a binary conversion",
		Doc:      "contentHandling CONVERT_TO_BINARY (or a binary Accept type) needs a base64 body and the body is not base64: API Gateway answers 500. Return base64 from the backend, or change contentHandling.",
		Evidence: "Tool contract: a simulated outcome. Failing base64 decoding is an API_CONFIGURATION_ERROR, status 500 (" + docGatewayTypes + ")."},
	{Code: SimNoValue, Severity: Info, Title: "Simulation: mapping source has no value",
		Doc:      "A response parameter's source has no value in the simulated response (a missing header, a JSONPath that selects nothing, an unknown context or stage variable), so the header is not set.",
		Evidence: "Tool contract: a remark about the simulated response."},
	{Code: SimAmbiguous, Severity: Info, Title: "Simulation: several patterns matched",
		Doc:      "More than one selection pattern matched; the one tried first wins (see the simulate package documentation for the order, and APIGW353 of apigw check).",
		Evidence: "Tool contract: a remark about the simulated selection."},
	{Code: SimTimeout, Severity: Warning, Title: "Simulation: pattern exceeded the time limit",
		Doc:      "Evaluating a pattern exceeded apigw's time limit; it is treated as not matching, so the simulated outcome may differ from API Gateway's. Simplify the pattern.",
		Evidence: "Tool contract: apigw bounds pattern evaluation in time."},
	{Code: SimUnavailable, Severity: Info, Title: "Simulation: data not available offline",
		Doc:      "A mapping reads data that an offline simulation does not have (the client request of an HTTP API, WebSocket response parameters), or a value that cannot be parsed, so it is not evaluated.",
		Evidence: "Tool contract: a remark about what apigw simulates."},
	{Code: SimProxy, Severity: Info, Title: "Simulation: proxy integration passes the response through",
		Doc:      "A proxy integration (aws_proxy, http_proxy) has no integration response step: the backend response is passed through unchanged.",
		Evidence: "Tool contract: a remark; integration responses apply to non-proxy integrations only (" + docRESTSources + ")."},
	{Code: SimNoErrorMessage, Severity: Info, Title: "Simulation: Lambda returned normally",
		Doc:      "A Lambda integration returned successfully (no errorMessage), so no selection pattern is tried and the default response applies.",
		Evidence: "Tool contract: a remark; for Lambda the patterns match the errorMessage of a failed invocation (" + docIntegrationRes + ")."},
	{Code: SimUndeclaredHeader, Severity: Warning, Title: "Simulation: mapped header not declared",
		Doc:      "A response parameter maps a header that the method response does not declare; API Gateway refuses such an integration response (apigw check reports it as APIGW401).",
		Evidence: "Tool contract: a remark about the simulated integration response; what API Gateway does is APIGW401's evidence."},
	{Code: SimTemplate, Severity: Warning, Title: "Simulation: mapping template fails",
		Doc:      "The request or response mapping template does not parse, or fails while rendering (a Java exception in a method it calls, a render limit), so API Gateway answers 500 {\"message\": \"Internal server error\"} instead. The note gives the template's line and column and what to write instead; apigw render shows the same error on the template alone.",
		Evidence: "Tool contract: a simulated outcome. API Gateway stores templates without evaluating them and answers 500 Internal server error when one fails at run time (reported: a response template with Velocity syntax errors, deployed, answering {\"message\": \"Internal server error\"}, " + pageTemplate500 + ")."},
	{Code: SimMockStatus, Severity: Warning, Title: "Simulation: MOCK statusCode cannot be read",
		Doc:      "A MOCK integration takes its status from the statusCode its request template writes ({\"statusCode\": 200}). The integration request body has none, or writes it as a string, so API Gateway answers 500 and logs \"Unable to parse statusCode. It should be an integer that is defined in the request template.\" Write the status as a number in the request template for the request's Content-Type.",
		Evidence: "Tool contract: a simulated outcome. Reported: a string statusCode fails (" + issueMockStatus + "); a MOCK integration without a request template answers 500 (" + issueMockTemplate + ")."},
	{Code: SimUnsupportedMediaType, Severity: Warning, Title: "Simulation: no request template for the media type",
		Doc:      "No request template matches the request's Content-Type (application/json when absent) and passthroughBehavior is NEVER, or WHEN_NO_TEMPLATES with templates defined, so API Gateway refuses the request with 415 Unsupported Media Type. Add a template for that media type, or send a Content-Type that has one.",
		Evidence: "Tool contract: a simulated outcome. Documented: passthroughBehavior decides what happens to a request whose content type has no template; NEVER and WHEN_NO_TEMPLATES (with templates) reject it with 415 (" + docIntegration + ")."},
}
