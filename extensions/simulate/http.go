package simulate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
)

// HTTPOutcome is an HTTP API's response parameter mapping applied to a
// backend response.
type HTTPOutcome struct {
	// Selected is the responseParameters key (a status code) whose mappings
	// applied, or "" when none is configured for the backend's status.
	Selected string `json:"selected"`
	// StatusCode is the status the client gets.
	StatusCode string `json:"statusCode"`
	// Headers are the response headers after the mappings.
	Headers Headers `json:"headers"`
	// Mappings are the mappings applied, in order.
	Mappings []HTTPMapping `json:"mappings"`
	// Notes explain mappings that could not be evaluated.
	Notes []Note `json:"notes"`
}

// HTTPMapping is one response parameter mapping and what it did.
type HTTPMapping struct {
	// Key and Value are the mapping as written.
	Key   string `json:"key"`
	Value string `json:"value"`
	// Result is the value written to the target; empty for remove:.
	Result string `json:"result"`
	// Applied is false when the source had no value, so nothing changed.
	Applied bool `json:"applied"`
}

// HTTP applies an HTTP API integration's responseParameters (status code →
// "append:header.NAME", "overwrite:header.NAME", "remove:header.NAME",
// "overwrite:statuscode" → value) to a backend result. The mappings under
// the backend's status code apply; within them append: mappings run
// first, then overwrite:, then remove:, each group in key order (the
// order is not documented; a deterministic one is used). Values read
// $response.header.NAME (the last value), $response.body[.JSONPath],
// $context.NAME, $stageVariables.NAME, static text and ${…}
// interpolations; $request.* sources are not available offline
// (CodeUnavailable).
func HTTP(responseParameters map[string]map[string]string, res Result, req Request) *HTTPOutcome {
	status := res.StatusCode
	if status == 0 {
		status = 200
	}
	o := &HTTPOutcome{StatusCode: strconv.Itoa(status), Headers: append(Headers{}, res.Headers...), Mappings: []HTTPMapping{}, Notes: []Note{}}
	params, ok := responseParameters[o.StatusCode]
	if !ok {
		return o
	}
	o.Selected = o.StatusCode
	keys := sortedStrings(params)
	for _, op := range []mapping.Op{mapping.Append, mapping.Overwrite, mapping.Remove} {
		for _, k := range keys {
			m, problems := mapping.ParseHTTP(k, params[k], true)
			if m.Target.Op != op {
				continue
			}
			if mapping.HasError(problems) {
				o.Notes = append(o.Notes, Note{diag.SimUnavailable, fmt.Sprintf("mapping %q: %q cannot be evaluated: %s", k, params[k], problems[0].Message)})
				continue
			}
			a := HTTPMapping{Key: k, Value: params[k]}
			var v string
			if op != mapping.Remove {
				var why string
				v, a.Applied, why = httpValue(m.Source, res, req)
				if !a.Applied {
					code := diag.SimNoValue
					if m.Source.Kind == mapping.Request || m.Source.Kind == mapping.Interpolation && readsRequest(m.Source) {
						code = diag.SimUnavailable
					}
					o.Notes = append(o.Notes, Note{code, fmt.Sprintf("mapping %q does nothing: %s", k, why)})
					o.Mappings = append(o.Mappings, a)
					continue
				}
				a.Result = v
			}
			a.Applied = true
			switch {
			case m.Target.Location == mapping.StatusCode:
				if n, err := strconv.Atoi(v); err == nil && n >= 100 && n <= 599 {
					o.StatusCode = strconv.Itoa(n)
				} else {
					a.Applied = false
					o.Notes = append(o.Notes, Note{diag.SimNoValue, fmt.Sprintf("mapping %q gives %q, which is not a status code", k, v)})
				}
			case op == mapping.Append:
				o.Headers.Add(m.Target.Name, v)
			case op == mapping.Overwrite:
				o.Headers.Set(m.Target.Name, v)
			case op == mapping.Remove:
				o.Headers.Del(m.Target.Name)
			}
			o.Mappings = append(o.Mappings, a)
		}
	}
	return o
}

// httpValue evaluates one HTTP API response mapping source.
func httpValue(s mapping.Source, res Result, req Request) (string, bool, string) {
	switch s.Kind {
	case mapping.Static:
		return s.Literal, true, ""
	case mapping.ContextVar:
		return lookup(req.Context, s.Name, "context variable "+s.Name+" has no value (pass it with --context "+s.Name+"=VALUE)")
	case mapping.StageVariable:
		return lookup(req.StageVariables, s.Name, "stage variable "+s.Name+" has no value (pass it with --stage-var "+s.Name+"=VALUE)")
	case mapping.Response:
		return responseValue(s.Location, s.Name, s.JSONPath, res)
	case mapping.Interpolation:
		var b strings.Builder
		for _, p := range s.Parts {
			v, ok, why := httpValue(p, res, req)
			if !ok {
				return "", false, why
			}
			b.WriteString(v)
		}
		return b.String(), true, ""
	case mapping.Request:
		return "", false, s.Text + " reads the client request, which an offline simulation does not have"
	}
	return "", false, s.Kind.String() + " sources cannot be evaluated here"
}

// readsRequest tells whether an interpolation has a $request part.
func readsRequest(s mapping.Source) bool {
	for _, p := range s.Parts {
		if p.Kind == mapping.Request {
			return true
		}
	}
	return false
}
