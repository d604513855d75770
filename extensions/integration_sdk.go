package extensions

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// IntegrationResponse is a REST API integration response in the shape of
// the apigateway SDK's GetIntegrationResponse output and the AWS CLI's JSON
// (aws apigateway get-integration-response). An empty SelectionPattern makes
// it the default response.
type IntegrationResponse struct {
	StatusCode         string            `json:"statusCode"`
	SelectionPattern   string            `json:"selectionPattern,omitempty"`
	ResponseParameters map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitempty"`
	ContentHandling    string            `json:"contentHandling,omitempty"`
}

// V2IntegrationResponse is a WebSocket API integration response in the shape
// of the apigatewayv2 SDK's GetIntegrationResponse output and the AWS CLI's
// JSON (aws apigatewayv2 get-integration-response). IntegrationResponseKey is
// "$default" or a /regex/ matched against the backend's status code.
type V2IntegrationResponse struct {
	IntegrationResponseID       string            `json:"integrationResponseId,omitempty"`
	IntegrationResponseKey      string            `json:"integrationResponseKey"`
	ResponseParameters          map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates           map[string]string `json:"responseTemplates,omitempty"`
	TemplateSelectionExpression string            `json:"templateSelectionExpression,omitempty"`
	ContentHandlingStrategy     string            `json:"contentHandlingStrategy,omitempty"`
}

// V2DefaultResponseKey is the integrationResponseKey of a WebSocket API's default integration response.
const V2DefaultResponseKey = "$default"

// IsDefault tells whether the response is the default one ("$default").
func (r V2IntegrationResponse) IsDefault() bool {
	return r.IntegrationResponseKey == V2DefaultResponseKey
}

// Pattern returns the regex of a /regex/ key without its slashes, and false
// for $default or a key that is not between slashes.
func (r V2IntegrationResponse) Pattern() (string, bool) {
	k := r.IntegrationResponseKey
	if len(k) >= 2 && k[0] == '/' && k[len(k)-1] == '/' {
		return k[1 : len(k)-1], true
	}
	return "", false
}

// IsDefault tells whether the response is the default one (no selection pattern).
func (r IntegrationResponse) IsDefault() bool { return r.SelectionPattern == "" }

// ToREST converts the entry stored under responses key to the REST shape.
// Values written as CloudFormation intrinsics are rendered with Str.String.
func (v *IntegrationResponseEntry) ToREST(key string) IntegrationResponse {
	return IntegrationResponse{
		StatusCode:         v.StatusCode,
		SelectionPattern:   SelectionPattern(key),
		ResponseParameters: plainMap(v.ResponseParameters),
		ResponseTemplates:  plainMap(v.ResponseTemplates),
		ContentHandling:    string(v.ContentHandling),
	}
}

// IntegrationResponseEntryFromREST converts a REST integration response to a
// responses entry and the key it belongs under. Map keys are sorted, so the
// result does not depend on Go's map order.
func IntegrationResponseEntryFromREST(r IntegrationResponse) (key string, e *IntegrationResponseEntry) {
	return ResponseKey(r.SelectionPattern), &IntegrationResponseEntry{
		StatusCode:         r.StatusCode,
		ResponseParameters: strMapFrom(r.ResponseParameters),
		ResponseTemplates:  strMapFrom(r.ResponseTemplates),
		ContentHandling:    ContentHandling(r.ContentHandling),
	}
}

// RESTIntegrationResponses returns the integration responses API Gateway
// creates from v.Responses: one per status code, as API Gateway keys them
// (when two entries share a status code the later one replaces the earlier,
// as successive PutIntegrationResponse calls do), sorted by status code.
func (v *Integration) RESTIntegrationResponses() []IntegrationResponse {
	var out []IntegrationResponse
	for _, p := range v.Responses {
		if p.Value == nil {
			continue
		}
		r := p.Value.ToREST(p.Key)
		if i := slices.IndexFunc(out, func(o IntegrationResponse) bool { return o.StatusCode == r.StatusCode }); i >= 0 {
			out[i] = r
			continue
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b IntegrationResponse) int { return cmp.Compare(a.StatusCode, b.StatusCode) })
	return out
}

// ResponsesFromREST builds an integration's responses from REST integration
// responses (for example a method's integrationResponses from a dump),
// ordered by status code. It fails when two responses share a selection
// pattern, since they would need the same key.
func ResponsesFromREST(rs []IntegrationResponse) (Map[*IntegrationResponseEntry], error) {
	sorted := slices.Clone(rs)
	slices.SortStableFunc(sorted, func(a, b IntegrationResponse) int { return cmp.Compare(a.StatusCode, b.StatusCode) })
	out := make(Map[*IntegrationResponseEntry], 0, len(sorted))
	for _, r := range sorted {
		key, e := IntegrationResponseEntryFromREST(r)
		if prev, dup := out.Get(key); dup {
			return nil, fmt.Errorf("integration responses for status codes %s and %s both use selection pattern %q; give one of them a different pattern", prev.StatusCode, r.StatusCode, SelectionPattern(key))
		}
		out = append(out, Pair[*IntegrationResponseEntry]{key, e})
	}
	return out, nil
}

func plainMap(m Map[Str]) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for _, p := range m {
		out[p.Key] = p.Value.String()
	}
	return out
}

func strMapFrom(m map[string]string) Map[Str] {
	if m == nil {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, strings.Compare)
	out := make(Map[Str], 0, len(keys))
	for _, k := range keys {
		out = append(out, Pair[Str]{k, S(m[k])})
	}
	return out
}
