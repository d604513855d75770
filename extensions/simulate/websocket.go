package simulate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// WebSocket works out a WebSocket API integration response for one backend
// result. Keys are "$default" or "/regex/"; the regex is matched (whole
// string, Java semantics) against the Lambda errorMessage for an AWS
// integration that invokes a Lambda function and against the status code
// for HTTP and MOCK integrations, as the developer guide's selection
// expression table says. Keys are tried in byte order (the order is not
// documented); the first match wins, and "$default" applies when none
// matches. A Lambda function that returns normally selects "$default".
//
// The response template is chosen by evaluating the response's
// templateSelectionExpression (static text, ${integration.response.statuscode}
// or \$default); when that key has no template the "$default" template
// applies, and without one the payload passes through. The template is
// rendered over the payload with req.Context as $context
// (DefaultWebSocketContext gives one).
func WebSocket(integ *apimodel.V2Integration, responses []*apimodel.V2IntegrationResponse, res Result, req Request) (*Outcome, error) {
	o := &Outcome{IntegrationType: strings.ToUpper(integ.IntegrationType), Lambda: IsLambda(integ.IntegrationType, integ.IntegrationURI),
		Attempts: []Attempt{}, Headers: []MappedHeader{}, Notes: []Note{}, Conversion: ConvertNone}
	status := res.StatusCode
	if status == 0 {
		status = 200
	}
	o.StatusCode = strconv.Itoa(status)
	if isProxy(integ.IntegrationType) {
		o.MatchedAgainst = "statusCode"
		o.Body = res.Body
		o.note(diag.SimProxy, integ.IntegrationType+" is a proxy integration: the backend response is passed through and no integration response applies")
		return o, nil
	}
	byKey := map[string]*apimodel.V2IntegrationResponse{}
	var cands []candidate
	for _, r := range responses {
		if r == nil {
			continue
		}
		byKey[r.IntegrationResponseKey] = r
		if p, ok := r.Extension().Pattern(); ok {
			cands = append(cands, candidate{key: r.IntegrationResponseKey, pattern: p})
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int { return strings.Compare(a.key, b.key) })
	if err := compileAll(cands); err != nil {
		return nil, err
	}
	if o.Lambda {
		o.MatchedAgainst = "errorMessage"
		if res.ErrorMessage == nil {
			o.note(diag.SimNoErrorMessage, "the Lambda function returned normally (no errorMessage): no pattern is tried and $default applies")
		} else {
			v := *res.ErrorMessage
			o.Value = &v
		}
	} else {
		o.MatchedAgainst = "statusCode"
		v := o.StatusCode
		o.Value = &v
	}
	winner := -1
	if o.Value != nil {
		var notes []Note
		o.Attempts, winner, notes = choose(cands, *o.Value)
		o.Notes = append(o.Notes, notes...)
	}
	for _, a := range o.Attempts {
		o.Approximate = o.Approximate || a.Approximate
	}
	switch {
	case winner >= 0:
		o.Selected = cands[winner].key
	case byKey[extensions.V2DefaultResponseKey] != nil:
		o.Selected = extensions.V2DefaultResponseKey
	default:
		o.fail(diag.SimNoMatch, "no integration response key matched and there is no $default response: API Gateway logs \"Execution failed due to configuration error: No match for output mapping and no default output mapping configured\"; add a $default integration response")
		return o, nil
	}
	r := byKey[o.Selected]
	o.ContentHandling = r.ContentHandlingStrategy
	if len(r.ResponseParameters) > 0 {
		o.note(diag.SimUnavailable, "WebSocket integration response parameters are not simulated")
	}
	o.Conversion = ResponseConversion(nil, "", "", r.ContentHandlingStrategy)
	body, ok := convert(res.Body, o.Conversion)
	if !ok {
		o.fail(diag.SimConversion, "the body must be base64 to be converted to binary, and it is not")
		return o, nil
	}
	o.Body = body
	o.Template = selectWebSocketTemplate(r, o.StatusCode, res.Headers)
	if t := o.Template; t != nil {
		out, err := renderTemplate(t, req.vtlInput(string(body), req.templateContext()))
		if err != nil {
			o.fail(diag.SimTemplate, fmt.Sprintf("the response template %s fails at %s, so no integration response is produced", t.MediaType, t.Error))
			return o, nil
		}
		o.Body = []byte(out.Body)
	}
	return o, nil
}

// selectWebSocketTemplate evaluates a templateSelectionExpression.
func selectWebSocketTemplate(r *apimodel.V2IntegrationResponse, status string, h Headers) *Template {
	if len(r.ResponseTemplates) == 0 {
		return nil
	}
	expr := r.TemplateSelectionExpression
	key := expr
	switch {
	case expr == "" || expr == `\$default` || expr == "$default":
		key = "$default"
	case expr == "${integration.response.statuscode}" || expr == "$integration.response.statuscode":
		key = status
	case strings.HasPrefix(expr, "${integration.response.header.") && strings.HasSuffix(expr, "}"):
		key, _ = h.Last(strings.TrimSuffix(strings.TrimPrefix(expr, "${integration.response.header."), "}"))
	}
	if t, ok := r.ResponseTemplates[key]; ok {
		return newTemplate(key, t, fmt.Sprintf("templateSelectionExpression %q gives %q", expr, key))
	}
	if t, ok := r.ResponseTemplates["$default"]; ok {
		return newTemplate("$default", t, fmt.Sprintf("templateSelectionExpression %q gives %q, which has no template: $default applies", expr, key))
	}
	return nil
}
