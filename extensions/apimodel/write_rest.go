package apimodel

import (
	"bytes"
	"strconv"

	"github.com/apigw/apigw/extensions/source"
)

// Marshal writes a REST dump's resources through these mirrors of Resource,
// Method, MethodResponse, Integration and IntegrationResponse, which have no
// MarshalJSON of their own: encoding/json compacts
// again whatever a MarshalJSON method returns, so a method that wrote itself
// whole (integration included) was compacted once per level. The mirrors
// hold the same members in the same order (TestWriteMirrors), and write the
// same bytes.

// restJSON is RestDump as Marshal writes it.
type restJSON struct {
	RestAPI            *RestAPI             `json:"restApi,omitempty"`
	Resources          []resourceJSON       `json:"resources,omitempty"`
	Models             []*Model             `json:"models,omitempty"`
	Authorizers        []*Authorizer        `json:"authorizers,omitempty"`
	RequestValidators  []*RequestValidator  `json:"requestValidators,omitempty"`
	GatewayResponses   []*GatewayResponse   `json:"gatewayResponses,omitempty"`
	DocumentationParts []*DocumentationPart `json:"documentationParts,omitempty"`
	Deployments        []*Deployment        `json:"deployments,omitempty"`
	Stages             []*RestStage         `json:"stages,omitempty"`
}

// resourceJSON is Resource as Marshal writes it.
type resourceJSON struct {
	ID              string                 `json:"id,omitempty"`
	ParentID        string                 `json:"parentId,omitempty"`
	PathPart        string                 `json:"pathPart,omitempty"`
	Path            string                 `json:"path,omitempty"`
	ResourceMethods map[string]*methodJSON `json:"resourceMethods,omitempty"`
}

// methodJSON is Method as Marshal writes it: requestParameters in
// ParameterOrder.
type methodJSON struct {
	HTTPMethod          string                         `json:"httpMethod,omitempty"`
	AuthorizationType   string                         `json:"authorizationType,omitempty"`
	AuthorizerID        string                         `json:"authorizerId,omitempty"`
	APIKeyRequired      *bool                          `json:"apiKeyRequired,omitempty"`
	RequestValidatorID  string                         `json:"requestValidatorId,omitempty"`
	OperationName       string                         `json:"operationName,omitempty"`
	RequestParameters   orderedBools                   `json:"requestParameters,omitzero"`
	RequestModels       map[string]string              `json:"requestModels,omitempty"`
	MethodResponses     map[string]*methodResponseJSON `json:"methodResponses,omitempty"`
	MethodIntegration   any                            `json:"methodIntegration,omitempty"`
	AuthorizationScopes []string                       `json:"authorizationScopes,omitempty"`
}

// methodResponseJSON is MethodResponse as Marshal writes it:
// responseParameters in ParameterOrder.
type methodResponseJSON struct {
	StatusCode         string            `json:"statusCode,omitempty"`
	ResponseParameters orderedBools      `json:"responseParameters,omitzero"`
	ResponseModels     map[string]string `json:"responseModels,omitempty"`
}

// integrationJSON is an Integration without intrinsics as Marshal writes
// it: its integration responses without intrinsics are mirrors too.
type integrationJSON struct {
	Type                 string            `json:"type,omitempty"`
	HTTPMethod           string            `json:"httpMethod,omitempty"`
	URI                  string            `json:"uri,omitempty"`
	ConnectionType       string            `json:"connectionType,omitempty"`
	ConnectionID         string            `json:"connectionId,omitempty"`
	Credentials          string            `json:"credentials,omitempty"`
	RequestParameters    map[string]string `json:"requestParameters,omitempty"`
	RequestTemplates     map[string]string `json:"requestTemplates,omitempty"`
	PassthroughBehavior  string            `json:"passthroughBehavior,omitempty"`
	ContentHandling      string            `json:"contentHandling,omitempty"`
	TimeoutInMillis      *int              `json:"timeoutInMillis,omitempty"`
	CacheNamespace       string            `json:"cacheNamespace,omitempty"`
	CacheKeyParameters   []string          `json:"cacheKeyParameters,omitzero"`
	IntegrationResponses map[string]any    `json:"integrationResponses,omitempty"`
	TLSConfig            *TLSConfig        `json:"tlsConfig,omitempty"`
	ResponseTransferMode string            `json:"responseTransferMode,omitempty"`
}

// integrationResponseJSON is an IntegrationResponse without intrinsics,
// written by encoding/json directly.
type integrationResponseJSON IntegrationResponse

// integrationForJSON returns what Marshal writes for in: in itself when it
// holds intrinsics (its MarshalJSON puts them in place), nil for none.
func integrationForJSON(in *Integration) any {
	switch {
	case in == nil:
		return nil
	case len(in.Intrinsics) > 0:
		return in
	}
	out := &integrationJSON{Type: in.Type, HTTPMethod: in.HTTPMethod, URI: in.URI, ConnectionType: in.ConnectionType,
		ConnectionID: in.ConnectionID, Credentials: in.Credentials, RequestParameters: in.RequestParameters,
		RequestTemplates: in.RequestTemplates, PassthroughBehavior: in.PassthroughBehavior, ContentHandling: in.ContentHandling,
		TimeoutInMillis: in.TimeoutInMillis, CacheNamespace: in.CacheNamespace, CacheKeyParameters: in.CacheKeyParameters,
		TLSConfig: in.TLSConfig, ResponseTransferMode: in.ResponseTransferMode}
	if in.IntegrationResponses != nil {
		out.IntegrationResponses = make(map[string]any, len(in.IntegrationResponses))
	}
	for k, r := range in.IntegrationResponses {
		switch {
		case r == nil:
			out.IntegrationResponses[k] = nil
		case len(r.Intrinsics) > 0:
			out.IntegrationResponses[k] = r
		default:
			out.IntegrationResponses[k] = (*integrationResponseJSON)(r)
		}
	}
	return out
}

// methodResponsesForJSON returns a method's responses as Marshal writes them.
func methodResponsesForJSON(rs map[string]*MethodResponse) map[string]*methodResponseJSON {
	if rs == nil {
		return nil
	}
	out := make(map[string]*methodResponseJSON, len(rs))
	for k, r := range rs {
		if r == nil {
			out[k] = nil
			continue
		}
		out[k] = &methodResponseJSON{StatusCode: r.StatusCode, ResponseParameters: orderedBools{r.ResponseParameters, r.ParameterOrder},
			ResponseModels: r.ResponseModels}
	}
	return out
}

// forJSON returns the dump with its resources as Marshal writes them.
func (r *RestDump) forJSON() *restJSON {
	out := &restJSON{RestAPI: r.RestAPI, Models: r.Models, Authorizers: r.Authorizers, RequestValidators: r.RequestValidators,
		GatewayResponses: r.GatewayResponses, DocumentationParts: r.DocumentationParts, Deployments: r.Deployments, Stages: r.Stages}
	if r.Resources != nil {
		out.Resources = make([]resourceJSON, len(r.Resources))
	}
	for i, res := range r.Resources {
		if res == nil {
			continue
		}
		rj := resourceJSON{ID: res.ID, ParentID: res.ParentID, PathPart: res.PathPart, Path: res.Path}
		if res.ResourceMethods != nil {
			rj.ResourceMethods = make(map[string]*methodJSON, len(res.ResourceMethods))
		}
		for k, m := range res.ResourceMethods {
			if m == nil {
				rj.ResourceMethods[k] = nil
				continue
			}
			rj.ResourceMethods[k] = &methodJSON{HTTPMethod: m.HTTPMethod, AuthorizationType: m.AuthorizationType, AuthorizerID: m.AuthorizerID,
				APIKeyRequired: m.APIKeyRequired, RequestValidatorID: m.RequestValidatorID, OperationName: m.OperationName,
				RequestParameters: orderedBools{m.RequestParameters, m.ParameterOrder}, RequestModels: m.RequestModels,
				MethodResponses: methodResponsesForJSON(m.MethodResponses), MethodIntegration: integrationForJSON(m.MethodIntegration), AuthorizationScopes: m.AuthorizationScopes}
		}
		out.Resources[i] = rj
	}
	return out
}

// orderedBools is a map written with its keys in order (then the others,
// sorted), and left out when empty as omitempty leaves out a map.
type orderedBools struct {
	m     map[string]bool
	order []string
}

// IsZero tells omitzero to leave the member out.
func (o orderedBools) IsZero() bool { return len(o.m) == 0 }

// MarshalJSON writes the members in order.
func (o orderedBools) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range orderedKeys(o.m, o.order) {
		if i > 0 {
			buf.WriteByte(',')
		}
		source.WriteJSONString(&buf, k)
		buf.WriteByte(':')
		buf.WriteString(strconv.FormatBool(o.m[k]))
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
