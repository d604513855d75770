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
)

var simulateEntries = []Entry{
	{Code: SimInvalidPattern, Severity: Error, Title: "Simulation: selection pattern Java rejects",
		Doc: "A selection pattern (or WebSocket /regex/ key) is not a valid Java regular expression; API Gateway rejects the integration response, so nothing can be simulated."},
	{Code: SimNoMatch, Severity: Warning, Title: "Simulation: no pattern matched and no default",
		Doc: "No selection pattern matched and there is no default response; API Gateway answers 500 {\"message\": \"Internal server error\"} and logs \"Execution failed due to configuration error: No match for output mapping and no default output mapping configured\"."},
	{Code: SimNoMethodResponse, Severity: Warning, Title: "Simulation: selected status has no method response",
		Doc: "The selected integration response names a status code that has no method response; API Gateway answers 500."},
	{Code: SimApproximate, Severity: Info, Title: "Simulation: pattern evaluated approximately",
		Doc: "A pattern was evaluated by the backtracking engine (lookaround, backreferences, possessive quantifiers, …), so the match result is approximate."},
	{Code: SimConversion, Severity: Warning, Title: "Simulation: body is not base64 for a binary conversion",
		Doc: "ContentHandling CONVERT_TO_BINARY (or a binary Accept type) needed a base64 body and the body is not base64; API Gateway answers 500."},
	{Code: SimNoValue, Severity: Info, Title: "Simulation: mapping source has no value",
		Doc: "A response parameter's source has no value (missing header, JSONPath that selects nothing, unknown context or stage variable); the header is not set."},
	{Code: SimAmbiguous, Severity: Info, Title: "Simulation: several patterns matched",
		Doc: "More than one selection pattern matched; the one tried first wins (see the package documentation for the order, and the APIGW353 overlap warning of apigw check)."},
	{Code: SimTimeout, Severity: Warning, Title: "Simulation: pattern exceeded the time limit",
		Doc: "Evaluating a pattern exceeded the time limit; it is treated as not matching."},
	{Code: SimUnavailable, Severity: Info, Title: "Simulation: data not available offline",
		Doc: "A mapping reads data that an offline simulation does not have (the client request of an HTTP API), or cannot be parsed."},
	{Code: SimProxy, Severity: Info, Title: "Simulation: proxy integration passes the response through",
		Doc: "A proxy integration (AWS_PROXY, HTTP_PROXY) has no integration response step: the backend response is passed through."},
	{Code: SimNoErrorMessage, Severity: Info, Title: "Simulation: Lambda returned normally",
		Doc: "A Lambda integration returned successfully (no errorMessage), so no selection pattern is tried and the default response applies."},
	{Code: SimUndeclaredHeader, Severity: Warning, Title: "Simulation: mapped header not declared",
		Doc: "A response parameter maps a header that the method response does not declare (import skips it with a warning)."},
}
