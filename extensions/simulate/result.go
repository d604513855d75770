package simulate

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions/vtl"
)

// Header is one header line: a name and one value.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Headers is a list of header lines in order; a name may repeat (a
// multi-valued header). Names compare case-insensitively.
type Headers []Header

// Values returns every value of name, in order.
func (h Headers) Values(name string) []string {
	var out []string
	for _, l := range h {
		if strings.EqualFold(l.Name, name) {
			out = append(out, l.Value)
		}
	}
	return out
}

// Last returns the last value of name. API Gateway documents that a
// single-value header source reads the last value when a header repeats.
func (h Headers) Last(name string) (string, bool) {
	vs := h.Values(name)
	if len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// Add appends a header line.
func (h *Headers) Add(name, value string) { *h = append(*h, Header{name, value}) }

// Del removes every line of name.
func (h *Headers) Del(name string) {
	out := (*h)[:0]
	for _, l := range *h {
		if !strings.EqualFold(l.Name, name) {
			out = append(out, l)
		}
	}
	*h = out
}

// Set replaces every line of name by one line with value.
func (h *Headers) Set(name, value string) {
	h.Del(name)
	h.Add(name, value)
}

// ParseHeader reads "Name: value" as written on a command line.
func ParseHeader(s string) (Header, error) {
	name, value, ok := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return Header{}, fmt.Errorf("header %q: write it as 'Name: value'", s)
	}
	return Header{name, strings.TrimSpace(value)}, nil
}

// Result is what the backend returned, as the integration response step
// sees it.
type Result struct {
	// StatusCode is the backend's HTTP status (HTTP and AWS service
	// integrations; 200 when 0). For a MOCK integration, 0 lets the
	// rendered request template decide, as API Gateway does; another value
	// is taken as the status it chose. For a Lambda integration it is 200.
	StatusCode int
	// ErrorMessage is the errorMessage of a Lambda function that failed; nil
	// when the function returned normally.
	ErrorMessage *string
	// Headers are the backend's response headers.
	Headers Headers
	// Body is the backend's response body.
	Body []byte
}

// Request is what the simulation knows of the client request and the stage.
type Request struct {
	// Accept is the client's Accept header; empty means absent.
	Accept string
	// StageVariables are the stage's variables (stageVariables.NAME).
	StageVariables map[string]string
	// Context holds $context variables by name without the prefix
	// ("requestId", "identity.sourceIp"). DefaultContext gives the ones
	// API Gateway sets for every request.
	Context map[string]string
	// Path, Query and Header are the client request's parameters, which
	// the mapping templates read through $input.params; Header's
	// Content-Type selects the request template.
	Path, Query []Param
	Header      Headers
	// Body is the client request's body: $input.body of the request template.
	Body []byte
	// vars is Context as the templates read it, when the caller built it
	// already (serve builds a route's once and sets what each request changes).
	vars *vtl.Context
}

// templateContext is $context for the request's templates.
func (req Request) templateContext() *vtl.Context {
	if req.vars != nil {
		return req.vars
	}
	return TemplateContext(req.Context)
}
