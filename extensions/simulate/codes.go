package simulate

// Codes of the notes a simulation returns (range APIGW600–APIGW649). They
// are stable: scripts may match on them.
const (
	// CodeInvalidPattern: a selection pattern (or WebSocket /regex/ key) is
	// not a valid Java regular expression; API Gateway rejects the
	// integration response, so nothing can be simulated.
	CodeInvalidPattern = "APIGW600"
	// CodeNoMatch: no selection pattern matched and there is no default
	// response; API Gateway answers 500 {"message": "Internal server error"}
	// and logs "Execution failed due to configuration error: No match for
	// output mapping and no default output mapping configured".
	CodeNoMatch = "APIGW601"
	// CodeNoMethodResponse: the selected integration response names a status
	// code that has no method response; API Gateway answers 500.
	CodeNoMethodResponse = "APIGW602"
	// CodeApproximate: a pattern was evaluated by the backtracking engine
	// (lookaround, backreferences, possessive quantifiers, …), so the match
	// result is approximate.
	CodeApproximate = "APIGW603"
	// CodeConversion: contentHandling CONVERT_TO_BINARY (or a binary Accept
	// type) needed a base64 body and the body is not base64; API Gateway
	// answers 500.
	CodeConversion = "APIGW604"
	// CodeNoValue: a response parameter's source has no value (missing
	// header, JSONPath that selects nothing, unknown context or stage
	// variable); the header is not set.
	CodeNoValue = "APIGW605"
	// CodeAmbiguous: more than one selection pattern matched; the one tried
	// first wins (see the package documentation for the order, and the
	// APIGW353 overlap warning of apigw check).
	CodeAmbiguous = "APIGW606"
	// CodeTimeout: evaluating a pattern exceeded the time limit; it is
	// treated as not matching.
	CodeTimeout = "APIGW607"
	// CodeUnavailable: a mapping reads data that an offline simulation does
	// not have (the client request of an HTTP API), or cannot be parsed.
	CodeUnavailable = "APIGW608"
	// CodeProxy: a proxy integration (AWS_PROXY, HTTP_PROXY) has no
	// integration response step: the backend response is passed through.
	CodeProxy = "APIGW609"
	// CodeNoErrorMessage: a Lambda integration returned successfully (no
	// errorMessage), so no selection pattern is tried and the default
	// response applies.
	CodeNoErrorMessage = "APIGW610"
	// CodeUndeclaredHeader: a response parameter maps a header that the
	// method response does not declare (import skips it with a warning).
	CodeUndeclaredHeader = "APIGW611"
)

// Note is a remark about a simulation: why a response was chosen, why a
// header is missing, why the client would get a 500.
type Note struct {
	// Code is one of the Code constants of this package.
	Code string `json:"code"`
	// Message says what happened and, where it helps, what to change.
	Message string `json:"message"`
}
