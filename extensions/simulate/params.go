package simulate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
)

// restHeaders evaluates a REST integration response's responseParameters
// (method.response.header.NAME → source) against the backend result, in key
// order. declared lists the method response's declared parameters; nil
// means unknown (no check).
func restHeaders(params map[string]string, res Result, req Request, declared map[string]bool, o *Outcome) {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		m, problems := mapping.ParseResponse(k, params[k])
		if mapping.HasError(problems) {
			o.note(diag.SimUnavailable, fmt.Sprintf("response parameter %q: %q cannot be evaluated: %s", k, params[k], problems[0].Message))
			continue
		}
		if declared != nil && !declared[k] {
			o.note(diag.SimUndeclaredHeader, fmt.Sprintf("%s is not declared in the method response %s: declare the header there (otherwise import skips this integration response with a warning: Invalid mapping expression specified)", k, o.StatusCode))
		}
		h := MappedHeader{Name: m.Target.Name, Source: params[k], Kind: m.Source.Kind.String()}
		v, ok, why := restValue(m.Source, res, req)
		h.Value, h.Set = v, ok
		if !ok {
			o.note(diag.SimNoValue, fmt.Sprintf("header %s is not set: %s", h.Name, why))
		}
		o.Headers = append(o.Headers, h)
	}
}

// restValue evaluates one REST response mapping source.
func restValue(s mapping.Source, res Result, req Request) (string, bool, string) {
	switch s.Kind {
	case mapping.Static:
		return s.Literal, true, ""
	case mapping.ContextVar:
		return lookup(req.Context, s.Name, "context variable "+s.Name+" has no value (pass it with --context "+s.Name+"=VALUE)")
	case mapping.StageVariable:
		return lookup(req.StageVariables, s.Name, "stage variable "+s.Name+" has no value (pass it with --stage-var "+s.Name+"=VALUE)")
	case mapping.IntegrationResponse:
		return responseValue(s.Location, s.Name, s.JSONPath, res)
	}
	return "", false, s.Kind.String() + " sources cannot be evaluated in an integration response"
}

// responseValue reads a header, every value of a header, the body or a
// JSONPath into the body of the backend result.
func responseValue(loc mapping.Location, name, path string, res Result) (string, bool, string) {
	switch loc {
	case mapping.Header:
		if v, ok := res.Headers.Last(name); ok {
			return v, true, ""
		}
		return "", false, "the backend response has no header " + name
	case mapping.MultiValueHeader:
		if vs := res.Headers.Values(name); len(vs) > 0 {
			return strings.Join(vs, ","), true, ""
		}
		return "", false, "the backend response has no header " + name
	case mapping.Body:
		if path == "" {
			return string(res.Body), true, ""
		}
		v, ok, err := EvalJSONPath(res.Body, path)
		if err != nil {
			return "", false, err.Error()
		}
		if !ok {
			return "", false, "the JSONPath " + path + " selects nothing in the backend body"
		}
		return JSONText(v), true, ""
	}
	return "", false, "unsupported location " + loc.String()
}

func lookup(m map[string]string, name, why string) (string, bool, string) {
	if v, ok := m[name]; ok {
		return v, true, ""
	}
	return "", false, why
}
