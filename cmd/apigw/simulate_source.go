package main

// Loading a file for simulate and serve: an OpenAPI document (or a
// CloudFormation/SAM template holding one) or a dump of a deployed API, as
// the API model. The OpenAPI side is a small adapter from the document's
// operations; it is kept apart so that openapi.Import can replace it.

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/openapi"
	"go.yaml.in/yaml/v4"
)

// simOperation is one operation that can be simulated.
type simOperation struct {
	name   string // "GET /pets/{id}", or a WebSocket route key
	method *apimodel.Method
	v2     *apimodel.V2Integration
	ws     []*apimodel.V2IntegrationResponse
	kind   string // "REST", "HTTP" or "WebSocket"
}

// simSource is a loaded file.
type simSource struct {
	dump       *apimodel.Dump
	binary     []string
	operations []simOperation
}

// loadSimSource reads path as a dump when its top level looks like one,
// and as an OpenAPI document or template otherwise.
func loadSimSource(path string) (*simSource, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if looksLikeDump(data) {
		d, diags := apimodel.Load(path, data)
		if d == nil || hasErrors(diags) {
			return nil, diagError(diags)
		}
		return sourceFromDump(d), nil
	}
	docs, diags, err := openapi.Load(path, data, openapi.LoadOptions{})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, diagError(diags)
	}
	d := &apimodel.Dump{}
	for _, doc := range docs {
		if doc.HTTPAPI || doc.ResourceType == "AWS::ApiGatewayV2::Api" || doc.ResourceType == "AWS::Serverless::HttpApi" {
			if d.V2 == nil {
				d.V2 = &apimodel.V2Dump{API: &apimodel.API{ProtocolType: "HTTP"}}
			}
			addHTTPAPI(d.V2, doc)
		} else {
			if d.REST == nil {
				d.REST = &apimodel.RestDump{RestAPI: &apimodel.RestAPI{}}
			}
			addRESTAPI(d.REST, doc)
		}
	}
	return sourceFromDump(d), nil
}

func hasErrors(ds []extensions.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == extensions.Error {
			return true
		}
	}
	return false
}

func diagError(ds []extensions.Diagnostic) error {
	var lines []string
	for _, d := range ds {
		if d.Severity == extensions.Error {
			lines = append(lines, d.String())
		}
	}
	if len(lines) == 0 {
		return errors.New("no API definition found")
	}
	return errors.New(strings.Join(lines, "\n"))
}

// looksLikeDump tells whether the top level has a dump's keys.
func looksLikeDump(data []byte) bool {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return false
	}
	top := root.Content[0]
	if top.Kind == yaml.SequenceNode {
		return true // bare get-resources or get-routes items
	}
	if top.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		switch top.Content[i].Value {
		case "openapi", "swagger", "Resources", "AWSTemplateFormatVersion", "paths":
			return false
		}
	}
	return true
}

// sourceFromDump lists the operations of a model.
func sourceFromDump(d *apimodel.Dump) *simSource {
	s := &simSource{dump: d}
	if r := d.REST; r != nil {
		if r.RestAPI != nil {
			s.binary = r.RestAPI.BinaryMediaTypes
		}
		for _, res := range r.Resources {
			for _, m := range apimodel.SortedMethods(res) {
				s.operations = append(s.operations, simOperation{name: m + " " + res.Path, method: res.ResourceMethods[m], kind: "REST"})
			}
		}
	}
	if v := d.V2; v != nil {
		kind := "HTTP"
		if v.API != nil && strings.EqualFold(v.API.ProtocolType, "WEBSOCKET") {
			kind = "WebSocket"
		}
		for _, r := range v.Routes {
			op := simOperation{name: r.RouteKey, kind: kind}
			id := strings.TrimPrefix(r.Target, "integrations/")
			for _, in := range v.Integrations {
				if in.IntegrationID == id {
					op.v2 = in
				}
			}
			op.ws = v.IntegrationResponses[id]
			s.operations = append(s.operations, op)
		}
	}
	return s
}

// find returns the operation named name ("get /pets/{id}" is accepted for
// "GET /pets/{id}").
func (s *simSource) find(name string) *simOperation {
	for i, o := range s.operations {
		if o.name == name {
			return &s.operations[i]
		}
	}
	m, p, ok := strings.Cut(strings.TrimSpace(name), " ")
	if ok {
		want := strings.ToUpper(m) + " " + strings.TrimSpace(p)
		for i, o := range s.operations {
			if o.name == want {
				return &s.operations[i]
			}
		}
	}
	return nil
}

// addRESTAPI adds a REST API document's operations to r.
func addRESTAPI(r *apimodel.RestDump, doc *openapi.Document) {
	if b, ok := doc.Extension(extensions.ExtBinaryMediaTypes).(*extensions.BinaryMediaTypes); ok && b != nil {
		for _, t := range b.Types {
			r.RestAPI.BinaryMediaTypes = append(r.RestAPI.BinaryMediaTypes, t.String())
		}
	}
	byPath := map[string]*apimodel.Resource{}
	for _, op := range doc.Operations() {
		res := byPath[op.Path]
		if res == nil {
			res = &apimodel.Resource{Path: op.Path, ResourceMethods: map[string]*apimodel.Method{}}
			byPath[op.Path] = res
			r.Resources = append(r.Resources, res)
		}
		m := &apimodel.Method{HTTPMethod: op.Method, MethodResponses: methodResponses(doc, op.Node)}
		if v, ok := op.Extension(extensions.ExtIntegration).(*extensions.Integration); ok && v != nil && !v.IsIntrinsic() {
			m.MethodIntegration = restIntegration(v)
		}
		res.ResourceMethods[op.Method] = m
	}
}

func restIntegration(v *extensions.Integration) *apimodel.Integration {
	out := &apimodel.Integration{
		Type: string(v.Type.Canonical()), HTTPMethod: v.HTTPMethod.String(), URI: v.URI.String(),
		RequestTemplates: plainMap(v.RequestTemplates), PassthroughBehavior: string(v.PassthroughBehavior),
		ContentHandling: string(v.ContentHandling),
	}
	if rs := v.RESTIntegrationResponses(); len(rs) > 0 {
		out.IntegrationResponses = map[string]*apimodel.IntegrationResponse{}
		for i := range rs {
			out.IntegrationResponses[rs[i].StatusCode] = &rs[i]
		}
	}
	return out
}

func plainMap(m extensions.Map[extensions.Str]) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for _, p := range m {
		out[p.Key] = p.Value.String()
	}
	return out
}

// methodResponses reads an operation's responses: status codes and the
// headers each declares (local $refs to reusable responses are followed).
func methodResponses(doc *openapi.Document, op *yaml.Node) map[string]*apimodel.MethodResponse {
	out := map[string]*apimodel.MethodResponse{}
	resps := get(op, "responses")
	if resps == nil || resps.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(resps.Content); i += 2 {
		code := resps.Content[i].Value
		resp := localRef(doc, unalias(resps.Content[i+1]))
		mr := &apimodel.MethodResponse{StatusCode: code, ResponseParameters: map[string]bool{}}
		if hs := get(resp, "headers"); hs != nil && hs.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(hs.Content); j += 2 {
				mr.ResponseParameters["method.response.header."+hs.Content[j].Value] = false
			}
		}
		out[code] = mr
	}
	return out
}

func unalias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func get(n *yaml.Node, key string) *yaml.Node {
	n = unalias(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return unalias(n.Content[i+1])
		}
	}
	return nil
}

// localRef follows a "#/…" $ref within the document.
func localRef(doc *openapi.Document, n *yaml.Node) *yaml.Node {
	ref := get(n, "$ref")
	if ref == nil || !strings.HasPrefix(ref.Value, "#/") {
		return n
	}
	cur := doc.Root
	for _, part := range strings.Split(ref.Value[2:], "/") {
		cur = get(cur, strings.NewReplacer("~1", "/", "~0", "~").Replace(part))
	}
	if cur == nil {
		return n
	}
	return cur
}

// addHTTPAPI adds an HTTP API document's routes and integrations to v.
func addHTTPAPI(v *apimodel.V2Dump, doc *openapi.Document) {
	var shared *extensions.Integrations
	if c, ok := doc.ComponentsExtension(extensions.ExtIntegrations).(*extensions.Integrations); ok {
		shared = c
	}
	for i, op := range doc.Operations() {
		key := op.Method + " " + op.Path
		if op.Method == "ANY" && op.Path == "/$default" {
			key = "$default"
		}
		route := &apimodel.Route{RouteKey: key}
		integ, _ := op.Extension(extensions.ExtIntegration).(*extensions.Integration)
		if integ != nil && integ.IsRef() && shared != nil {
			integ, _ = shared.Integrations.Get(integ.RefName())
		}
		if integ != nil && !integ.IsIntrinsic() {
			id := fmt.Sprintf("op%d", i)
			route.Target = "integrations/" + id
			in := &apimodel.V2Integration{IntegrationID: id, IntegrationType: string(integ.Type.Canonical()),
				IntegrationURI: integ.URI.String(), PayloadFormatVersion: integ.PayloadFormatVersion}
			if len(integ.ResponseParameters) > 0 {
				in.ResponseParameters = map[string]map[string]string{}
				for _, p := range integ.ResponseParameters {
					in.ResponseParameters[p.Key] = plainMap(p.Value)
				}
			}
			v.Integrations = append(v.Integrations, in)
		}
		v.Routes = append(v.Routes, route)
	}
}
