package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// IsLambda tells whether an integration of type typ calling uri invokes a
// Lambda function (an AWS integration whose URI is a Lambda invocation
// path), so that selection patterns are matched against its errorMessage.
func IsLambda(typ, uri string) bool {
	return strings.EqualFold(typ, "AWS") && strings.Contains(uri, ":lambda:path/")
}

// isProxy tells whether an integration type passes the backend response through.
func isProxy(typ string) bool {
	return strings.EqualFold(typ, "AWS_PROXY") || strings.EqualFold(typ, "HTTP_PROXY")
}

// REST works out the integration response step of a REST API method for one
// backend result.
//
// The value matched is the Lambda errorMessage for an AWS integration that
// invokes a Lambda function, and the backend status code for every other
// integration (HTTP, MOCK, other AWS services), as the developer guide
// says. A Lambda function that returns normally has no errorMessage: no
// pattern is tried and the default response applies.
//
// Selection patterns are matched against the whole value with Java's regex
// semantics (Matcher.matches()): ".*Error.*" does not match a message with
// a line break unless written "(?s).*Error.*". The order in which API
// Gateway tries patterns is not documented. API Gateway keeps one
// integration response per status code, so this package tries them in
// ascending order of their status code and the first match wins; every
// pattern is still evaluated so that a second match is reported
// (CodeAmbiguous). Write patterns that exclude each other: apigw check
// warns when two can match the same value (APIGW353).
//
// With no match, the response with an empty selection pattern (the
// "default" key) applies; without one the client gets 500 (CodeNoMatch).
// The selected status must have a method response (else 500,
// CodeNoMethodResponse) when m.MethodResponses is not nil.
//
// The integration request step runs first (for every integration but a
// proxy): the request template for the client request's Content-Type is
// rendered over req (Body, Path, Query, Header, Context, StageVariables)
// and shown in Outcome.Request. For a MOCK integration given no status
// (res.StatusCode 0) its output decides the status, read by
// MockStatusCode, as API Gateway does. The response template that
// applies is rendered over the backend body with the same $context, so
// what the request template set there is seen by the response template,
// and Outcome.Body is its output. The status and headers set through
// $context.responseOverride, by either template, replace the selected
// status and the mapped headers (Outcome.Overrides). A template that
// fails to parse or render makes the client's answer API Gateway's 500
// (diag.SimTemplate), with the template's Error saying where.
//
// binaryMediaTypes is the API's list; it decides, with contentHandling and
// the Accept header, whether the body is base64-encoded or decoded (see
// ResponseConversion). The error is a *PatternError when a pattern is not
// valid Java.
func REST(m *apimodel.Method, binaryMediaTypes []string, res Result, req Request) (*Outcome, error) {
	if m == nil || m.MethodIntegration == nil {
		return nil, errors.New("the method has no integration")
	}
	integ := m.MethodIntegration
	o := &Outcome{IntegrationType: strings.ToUpper(integ.Type), Lambda: IsLambda(integ.Type, integ.URI),
		Attempts: []Attempt{}, Headers: []MappedHeader{}, Notes: []Note{}, Conversion: ConvertNone}
	status := res.StatusCode
	if isProxy(integ.Type) {
		if status == 0 {
			status = 200
		}
		o.MatchedAgainst = "statusCode"
		o.StatusCode = strconv.Itoa(status)
		o.Body = res.Body
		o.note(diag.SimProxy, integ.Type+" is a proxy integration: the backend response is passed through and no integration response applies")
		return o, nil
	}

	ctx := req.templateContext()
	ir, last, err := integrationRequest(integ, req, ctx)
	o.Request = ir
	switch {
	case errors.Is(err, errUnsupportedMediaType):
		o.fail(diag.SimUnsupportedMediaType, fmt.Sprintf("no request template for the request's media type and passthroughBehavior %s: API Gateway answers 415 {\"message\": \"Unsupported Media Type\"}; add a template for it, or send a Content-Type that has one", integ.PassthroughBehavior))
		o.StatusCode = "415"
		o.Body = []byte(`{"message": "Unsupported Media Type"}`)
		return o, nil
	case err != nil:
		o.fail(diag.SimTemplate, fmt.Sprintf("the request template %s fails at %s: API Gateway answers 500 {\"message\": \"Internal server error\"} and logs \"Execution failed due to configuration error\"", ir.Template.MediaType, ir.Template.Error))
		return o, nil
	}
	if status == 0 && strings.EqualFold(integ.Type, "MOCK") {
		n, err := MockStatusCode(ir.Body)
		if err != nil {
			o.fail(diag.SimMockStatus, fmt.Sprintf("the integration request body %s gives no statusCode: API Gateway answers 500 {\"message\": \"Internal server error\"} and logs \"Execution failed due to configuration error: Unable to parse statusCode. It should be an integer that is defined in the request template.\"; write {\"statusCode\": 200} in the request template", strconv.Quote(ir.Body)))
			return o, nil
		}
		status = n
	}
	if status == 0 {
		status = 200
	}
	if o.Lambda && res.ErrorMessage != nil && len(res.Body) == 0 {
		// What a failed function returns is an error object; its
		// errorMessage is what the templates usually read.
		res.Body, _ = json.Marshal(map[string]string{"errorMessage": *res.ErrorMessage})
		o.note(diag.SimUnavailable, "the failed function's response body is taken as {\"errorMessage\": …}; pass the runtime's whole error object (errorType, stackTrace, …) as the body to see the templates read it")
	}

	codes := apimodel.SortedKeys(integ.IntegrationResponses)
	var cands []candidate
	defaultCode := ""
	for _, code := range codes {
		r := integ.IntegrationResponses[code]
		if r == nil {
			continue
		}
		sc := r.StatusCode
		if sc == "" {
			sc = code
		}
		if r.SelectionPattern == "" {
			if defaultCode == "" {
				defaultCode = code
			}
			continue
		}
		cands = append(cands, candidate{key: r.SelectionPattern, pattern: r.SelectionPattern, status: sc})
	}
	if err := compileAll(cands); err != nil {
		return nil, err
	}

	winner := -1
	if o.Lambda {
		o.MatchedAgainst = "errorMessage"
		if res.ErrorMessage == nil {
			o.note(diag.SimNoErrorMessage, "the Lambda function returned normally (no errorMessage): no selection pattern is tried and the default response applies")
		} else {
			v := *res.ErrorMessage
			o.Value = &v
		}
	} else {
		o.MatchedAgainst = "statusCode"
		v := strconv.Itoa(status)
		o.Value = &v
	}
	if o.Value != nil {
		var notes []Note
		o.Attempts, winner, notes = choose(cands, *o.Value)
		o.Notes = append(o.Notes, notes...)
	}
	for _, a := range o.Attempts {
		o.Approximate = o.Approximate || a.Approximate
	}

	var code string
	switch {
	case winner >= 0:
		o.Selected = cands[winner].key
		code = codeOf(integ, cands[winner].pattern)
	case defaultCode != "":
		o.Selected = "default"
		code = defaultCode
	default:
		o.fail(diag.SimNoMatch, fmt.Sprintf("no selection pattern matched and there is no default response: API Gateway answers 500 {\"message\": \"Internal server error\"} and logs \"Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: %d\"; add a default response (key \"default\")", status))
		return o, nil
	}
	r := integ.IntegrationResponses[code]
	o.StatusCode = r.StatusCode
	if o.StatusCode == "" {
		o.StatusCode = code
	}
	o.ContentHandling = r.ContentHandling
	var declared map[string]bool
	if m.MethodResponses != nil {
		mr := m.MethodResponses[o.StatusCode]
		if mr == nil {
			o.fail(diag.SimNoMethodResponse, fmt.Sprintf("the integration response selects status %s, which has no method response: API Gateway answers 500; declare a %s response on the operation", o.StatusCode, o.StatusCode))
			return o, nil
		}
		declared = map[string]bool{}
		for k := range mr.ResponseParameters {
			declared[k] = true
		}
	}
	restHeaders(r.ResponseParameters, res, req, declared, o)

	ct, _ := res.Headers.Last("Content-Type")
	o.Conversion = ResponseConversion(binaryMediaTypes, ct, req.Accept, r.ContentHandling)
	body, ok := convert(res.Body, o.Conversion)
	if !ok {
		o.fail(diag.SimConversion, "the body must be base64 to be converted to binary, and it is not: API Gateway answers 500")
		return o, nil
	}
	o.Body = body
	o.Template = SelectTemplate(r.ResponseTemplates, req.Accept)
	if t := o.Template; t != nil {
		out, err := renderTemplate(t, req.vtlInput(string(body), ctx))
		if err != nil {
			o.fail(diag.SimTemplate, fmt.Sprintf("the response template %s fails at %s: API Gateway answers 500 {\"message\": \"Internal server error\"} and logs \"Execution failed due to configuration error\"", t.MediaType, t.Error))
			o.Template = t
			return o, nil
		}
		o.Body = []byte(out.Body)
		last = out
	}
	o.responseOverrides(last)
	return o, nil
}

// codeOf finds the status-code key of the integration response with pattern.
func codeOf(integ *apimodel.Integration, pattern string) string {
	for _, k := range apimodel.SortedKeys(integ.IntegrationResponses) {
		if r := integ.IntegrationResponses[k]; r != nil && r.SelectionPattern == pattern {
			return k
		}
	}
	return ""
}

// sortedStrings returns the keys of m in order.
func sortedStrings[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
