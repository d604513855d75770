package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/vtl"
)

// Param is a named value of the client request: a path or query string
// parameter.
type Param = vtl.Param

// IntegrationRequest is what the integration request step made of the
// client request: the request template chosen for its Content-Type and
// what that template rendered, or the client body passed through.
type IntegrationRequest struct {
	// Template is the request template that applied; nil when none did.
	Template *Template `json:"template"`
	// Passthrough is true when the client body reaches the integration
	// unchanged: no template applies and passthroughBehavior lets it through.
	Passthrough bool `json:"passthrough"`
	// Body is the integration request body: the rendered template, or the
	// client body passed through.
	Body string `json:"body"`
	// Overrides are the $context.requestOverride values the template set,
	// named header.NAME, path.NAME and querystring.NAME.
	Overrides []Header `json:"overrides,omitempty"`
}

// InternalServerError is the body API Gateway answers with when the
// integration fails for a configuration reason (status 500): a template
// that fails, a MOCK statusCode it cannot read, no matching response.
const InternalServerError = `{"message": "Internal server error"}`

// identityKeys are the $context.identity variables API Gateway sets for
// every request, null when the caller is not authenticated that way
// (recorded: the key set of $context.identity in an SQS integration's
// request template, LocalStack's test_sqs_amz_json_protocol snapshot).
var identityKeys = []string{"cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp", "principalOrgId",
	"accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "userAgent", "user"}

// DefaultContext returns the $context variables API Gateway sets for a
// request, by dotted name, with values for a request to method and
// resourcePath made offline: the keys API Gateway fills for every REST API
// request (recorded from a real request's $context key set), the stage
// named as the console's test invocations name it, and fixed identifiers
// and times so that simulations are reproducible. identity.* keys other
// than sourceIp and userAgent are left out: they are null for a caller that
// is not authenticated (Render sets them so). Callers override any value.
func DefaultContext(method, resourcePath string) map[string]string {
	const stage = "test-invoke-stage"
	return map[string]string{
		"accountId":          "123456789012",
		"apiId":              "offline",
		"deploymentId":       "offline",
		"domainName":         "offline.execute-api.us-east-1.amazonaws.com",
		"domainPrefix":       "offline",
		"extendedRequestId":  "test-invoke-extended-request-id",
		"httpMethod":         strings.ToUpper(method),
		"identity.sourceIp":  "test-invoke-source-ip",
		"identity.userAgent": "apigw",
		"path":               "/" + stage + resourcePath,
		"protocol":           "HTTP/1.1",
		"requestId":          "test-invoke-request-id",
		"requestTime":        "01/Jan/2025:00:00:00 +0000",
		"requestTimeEpoch":   "1735689600000",
		"resourceId":         "offline",
		"resourcePath":       resourcePath,
		"stage":              stage,
	}
}

// DefaultWebSocketContext returns the $context of a WebSocket message on
// the route routeKey made offline: the variables the WebSocket mapping
// template reference lists for every message ($connect and $disconnect
// give the CONNECT and DISCONNECT events, which have no messageId), with
// requestId the same as extendedRequestId as documented, and fixed
// identifiers and times so that simulations are reproducible. Callers
// override any value.
func DefaultWebSocketContext(routeKey string) map[string]string {
	c := map[string]string{
		"apiId":             "offline",
		"connectedAt":       "1735689600000",
		"connectionId":      "offline-connection-id",
		"domainName":        "offline.execute-api.us-east-1.amazonaws.com",
		"eventType":         "MESSAGE",
		"extendedRequestId": "test-invoke-extended-request-id",
		"identity.sourceIp": "test-invoke-source-ip",
		"messageDirection":  "IN",
		"messageId":         "offline-message-id",
		"requestId":         "test-invoke-extended-request-id",
		"requestTimeEpoch":  "1735689600000",
		"routeKey":          routeKey,
		"stage":             "test-invoke-stage",
	}
	switch routeKey {
	case "$connect", "$disconnect":
		c["eventType"] = strings.ToUpper(routeKey[1:])
		delete(c, "messageId")
	}
	return c
}

// TemplateContext builds the $context mapping templates read from
// variables by dotted name (DefaultContext's, or a request's): each one
// set, and the identity keys they do not set null, as API Gateway has
// them for a caller not authenticated that way.
func TemplateContext(vars map[string]string) *vtl.Context {
	names := sortedStrings(vars)
	ps := make([]vtl.Param, 0, len(names))
	for _, k := range names {
		ps = append(ps, vtl.Param{Name: k, Value: vars[k]})
	}
	ctx := vtl.NewContext(ps...)
	for _, k := range identityKeys {
		if _, ok := vars["identity."+k]; !ok {
			ctx.SetNull("identity." + k)
		}
	}
	return ctx
}

// vtlInput is what a template of this request reads, with body as the payload.
func (req Request) vtlInput(body string, ctx *vtl.Context) vtl.Input {
	in := vtl.Input{Body: body, Path: req.Path, Query: req.Query, Context: ctx}
	for _, h := range req.Header {
		in.Header = append(in.Header, vtl.Param{Name: h.Name, Value: h.Value})
	}
	for _, k := range sortedStrings(req.StageVariables) {
		in.StageVariables = append(in.StageVariables, vtl.Param{Name: k, Value: req.StageVariables[k]})
	}
	return in
}

// renderTemplate parses and renders t over in; a failure is recorded in
// t.Error as name:line:col: message and returned.
func renderTemplate(t *Template, in vtl.Input) (vtl.Output, error) {
	pt, err := parsed.parse(t.MediaType, t.Text)
	if err == nil {
		var out vtl.Output
		if out, err = pt.Render(in, vtl.Options{}); err == nil {
			return out, nil
		}
	}
	var e *vtl.Error
	if errors.As(err, &e) {
		t.Error = fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message)
	} else {
		t.Error = err.Error()
	}
	return vtl.Output{}, err
}

// errUnsupportedMediaType is a request API Gateway refuses with 415.
var errUnsupportedMediaType = errors.New("unsupported media type")

// integrationRequest runs the integration request step for integ: the
// request template for the client request's Content-Type (application/json
// when absent) is rendered; when none matches, passthroughBehavior decides:
// WHEN_NO_MATCH (the default) passes the body through, WHEN_NO_TEMPLATES
// passes it through only when there are no templates at all, NEVER never
// does. A request refused is errUnsupportedMediaType (API Gateway answers
// 415); a template that fails is a *vtl.Error, with ir.Template.Error set.
func integrationRequest(integ *apimodel.Integration, req Request, ctx *vtl.Context) (ir *IntegrationRequest, out vtl.Output, err error) {
	ct, _ := req.Header.Last("Content-Type")
	mt := firstMediaType(ct)
	why := fmt.Sprintf("Content-Type %q: its media type %s has a template", ct, mt)
	if mt == "" {
		mt = "application/json"
		why = "no Content-Type header: application/json is assumed and has a template"
	}
	ir = &IntegrationRequest{}
	for _, k := range sortedStrings(integ.RequestTemplates) {
		if strings.EqualFold(strings.TrimSpace(k), mt) {
			ir.Template = newTemplate(k, integ.RequestTemplates[k], why)
			break
		}
	}
	if ir.Template == nil {
		behavior := strings.ToUpper(integ.PassthroughBehavior)
		if behavior == "NEVER" || behavior == "WHEN_NO_TEMPLATES" && len(integ.RequestTemplates) > 0 {
			return ir, out, errUnsupportedMediaType
		}
		ir.Passthrough = true
		ir.Body = string(req.Body)
		return ir, out, nil
	}
	if out, err = renderTemplate(ir.Template, req.vtlInput(string(req.Body), ctx)); err != nil {
		return ir, out, err
	}
	ir.Body = out.Body
	for _, g := range []struct {
		prefix string
		ps     []vtl.Param
	}{{"header.", out.RequestHeaders}, {"path.", out.RequestPath}, {"querystring.", out.RequestQuery}} {
		for _, p := range g.ps {
			ir.Overrides = append(ir.Overrides, Header{g.prefix + p.Name, p.Value})
		}
	}
	return ir, out, nil
}

// mockStatusKey finds a statusCode member written without JSON's quotes
// or with single quotes, as in {statusCode: 200}.
var mockStatusKey = regexp.MustCompile(`(?:^|[{,\s])(?:"statusCode"|'statusCode'|statusCode)\s*:\s*`)

// MockStatusCode reads the status a MOCK integration returns from its
// integration request body (the rendered request template, or the client
// body passed through): the integer value of its "statusCode" member.
//
// API Gateway reads the body with a lenient parser: {statusCode: 200}
// without quotes works (recorded: the MOCK integration with that request
// template that CDK generates for CORS, LocalStack's
// test_integration_mock_with_path_param against AWS). Any integer is
// taken; a statusCode written as a string ("200"), or missing, or a body
// that is not an object, fails the request with 500 and the log line
// "Execution failed due to configuration error: Unable to parse
// statusCode. It should be an integer that is defined in the request
// template." (reported: https://github.com/aws/aws-cdk/issues/5997 for a
// string, https://github.com/serverless/serverless/issues/5960 for a MOCK
// without a request template).
func MockStatusCode(body string) (int, error) {
	fail := errors.New("unable to parse statusCode: it should be an integer that is defined in the request template")
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &doc); err == nil {
		raw, ok := doc["statusCode"]
		if !ok {
			return 0, fail
		}
		return parseStatusInt(string(raw), fail)
	}
	t := strings.TrimSpace(body)
	if !strings.HasPrefix(t, "{") {
		return 0, fail
	}
	loc := mockStatusKey.FindStringIndex(t)
	if loc == nil {
		return 0, fail
	}
	rest := t[loc[1]:]
	end := strings.IndexFunc(rest, func(r rune) bool { return r == ',' || r == '}' || r == ' ' || r == '\n' || r == '\t' || r == '\r' })
	if end < 0 {
		return 0, fail
	}
	return parseStatusInt(rest[:end], fail)
}

func parseStatusInt(s string, fail error) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, fail
	}
	return n, nil
}

// responseOverrides applies the $context.responseOverride values a
// template left (out) to o: the status replaces the selected one, and each
// header replaces the mapped header of that name or is added, after the
// response parameters, as the developer guide says overrides apply.
func (o *Outcome) responseOverrides(out vtl.Output) {
	if out.Status == "" && len(out.Headers) == 0 {
		return
	}
	ov := &Overrides{Status: out.Status}
	if out.Status != "" {
		o.StatusCode = out.Status
	}
	for _, h := range out.Headers {
		ov.Headers = append(ov.Headers, Header{h.Name, h.Value})
		o.Headers = slices.DeleteFunc(o.Headers, func(m MappedHeader) bool { return strings.EqualFold(m.Name, h.Name) })
		o.Headers = append(o.Headers, MappedHeader{Name: h.Name, Value: h.Value, Set: true,
			Source: "$context.responseOverride.header." + h.Name, Kind: "template override"})
	}
	o.Overrides = ov
}

// Overrides are the status and headers that the mapping templates set
// through $context.responseOverride.
type Overrides struct {
	// Status is the status set, "" when none was.
	Status string `json:"status,omitempty"`
	// Headers are the headers set, in the order of their names.
	Headers []Header `json:"headers,omitempty"`
}
