package simulate

import "github.com/apigw/apigw/extensions/diag"

// Outcome is the integration response step worked out for one backend
// result: which response was selected and why, the status, the headers the
// mappings produce, the template that applies and the body conversion.
type Outcome struct {
	// IntegrationType is the integration's type in the SDK's spelling (AWS, HTTP, MOCK, …).
	IntegrationType string `json:"integrationType"`
	// Lambda is true for an AWS integration that invokes a Lambda function.
	Lambda bool `json:"lambda"`
	// MatchedAgainst says what the patterns were matched against: "errorMessage" or "statusCode".
	MatchedAgainst string `json:"matchedAgainst"`
	// Value is the string the patterns were matched against; nil when no
	// pattern was tried (a Lambda function that returned normally).
	Value *string `json:"value"`
	// Attempts are the patterns tried, in order.
	Attempts []Attempt `json:"attempts"`
	// Selected is the responses key of the selected integration response
	// ("default", a selection pattern, "$default", "/regex/"), or "" when
	// none was selected.
	Selected string `json:"selected"`
	// StatusCode is the status the client gets, as a string ("404").
	StatusCode string `json:"statusCode"`
	// Headers are the method response headers set by response parameters,
	// each with its source, in key order.
	Headers []MappedHeader `json:"headers"`
	// Request is the integration request step: the request template
	// chosen for the client request and what it rendered; nil for a proxy
	// integration, where there is none.
	Request *IntegrationRequest `json:"integrationRequest"`
	// Template is the response template that applies, nil for passthrough.
	Template *Template `json:"template"`
	// Overrides are the status and headers the templates set through
	// $context.responseOverride, already applied to StatusCode and Headers;
	// nil when they set none.
	Overrides *Overrides `json:"responseOverride,omitempty"`
	// ContentHandling is the selected response's contentHandling ("" when undefined).
	ContentHandling string `json:"contentHandling,omitempty"`
	// Conversion says what happens to the body: "none", "base64-encode" or "base64-decode".
	Conversion string `json:"conversion"`
	// Body is what the client gets: the rendered response template, or
	// the payload after conversion when no template applies.
	Body []byte `json:"-"`
	// Approximate is true when a pattern was evaluated by the backtracking
	// engine, so the selection may differ from API Gateway's.
	Approximate bool `json:"approximate"`
	// Failed is true when API Gateway answers with an error of its own
	// instead: 500 for no match and no default, no method response, a
	// failed conversion, a mapping template that fails or a MOCK
	// statusCode it cannot read; 415 for a request body no request
	// template accepts.
	Failed bool `json:"failed"`
	// Notes explain the outcome.
	Notes []Note `json:"notes"`
}

// MappedHeader is one method response header produced by a response parameter.
type MappedHeader struct {
	// Name is the header name (from method.response.header.NAME).
	Name string `json:"name"`
	// Value is the value the header gets; empty when Set is false.
	Value string `json:"value"`
	// Set is false when the source had no value, so the header is absent.
	Set bool `json:"set"`
	// Source is the mapping expression as written.
	Source string `json:"source"`
	// Kind names the source in words ("integration response header", "static", …).
	Kind string `json:"kind"`
}

// Template is the mapping template chosen for a response body.
type Template struct {
	// MediaType is the key of the chosen template.
	MediaType string `json:"mediaType"`
	// Text is the template as written (not rendered).
	Text string `json:"text"`
	// Reason says why this template was chosen.
	Reason string `json:"reason"`
	// Variables are the variables and functions the template reads, in
	// order of first use ($input.path('$.x'), $context.requestId, $util.escapeJavaScript, …).
	Variables []string `json:"variables"`
	// Error is why the template failed to parse or render ("line 3,
	// column 7: …"); API Gateway then answers 500. Empty when it did not.
	Error string `json:"error,omitempty"`
}

func (o *Outcome) note(code diag.Code, msg string) { o.Notes = append(o.Notes, Note{code, msg}) }

// fail turns the outcome into API Gateway's 500 for a configuration error.
func (o *Outcome) fail(code diag.Code, msg string) {
	o.Failed = true
	o.StatusCode = "500"
	o.Headers = nil
	o.Template = nil
	o.Overrides = nil
	o.Body = []byte(InternalServerError)
	o.note(code, msg)
}
