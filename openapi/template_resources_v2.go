package openapi

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// v2 reads an HTTP or WebSocket API written as AWS::ApiGatewayV2::*
// resources.
func (a *resAPI) v2() {
	props, ptr := a.props(a.id)
	t := a.tplOf(a.id)
	name := cmp.Or(t.name(), a.id)
	out := a.newV2(name, strings.ToUpper(cmp.Or(source.Scalar(source.Get(props, "ProtocolType")), "HTTP")))
	t.v2Template(out)
	out.API.Name = cmp.Or(out.API.Name, name)
	if out.API.ProtocolType == "WEBSOCKET" {
		out.API.APIKeySelectionExpression = cmp.Or(source.Scalar(source.Get(props, "ApiKeySelectionExpression")), "$request.header.x-api-key")
	}
	ids := map[string]string{}
	integs := map[string]*apimodel.V2Integration{}
	for _, id := range a.ofType("AWS::ApiGatewayV2::Authorizer", "ApiId", a.id) {
		au := a.v2Authorizer(id)
		ids[id] = au.AuthorizerID
		out.Authorizers = append(out.Authorizers, au)
	}
	for _, id := range a.ofType("AWS::ApiGatewayV2::Model", "ApiId", a.id) {
		p, _ := a.props(id)
		name := cmp.Or(source.Scalar(source.Get(p, "Name")), id)
		schema := source.Get(p, "Schema")
		text := source.Scalar(schema)
		if r := source.Resolve(schema); r != nil && r.Kind != yaml.ScalarNode {
			text = compactJSON(schema, nil)
		}
		out.Models = append(out.Models, &apimodel.V2Model{ModelID: apimodel.StableID("model", a.im.apiID+"/"+name), Name: name,
			ContentType: source.Scalar(source.Get(p, "ContentType")), Description: source.Scalar(source.Get(p, "Description")), Schema: apimodel.JSONText(text)})
	}
	for _, id := range a.ofType("AWS::ApiGatewayV2::Integration", "ApiId", a.id) {
		in := a.v2Integration(id)
		integs[id] = in
		out.Integrations = append(out.Integrations, in)
	}
	if target := source.Get(props, "Target"); target != nil {
		// Quick create: one route (RouteKey, else $default) to the target.
		in := &apimodel.V2Integration{IntegrationID: "quick", ConnectionType: "INTERNET", TimeoutInMillis: intPtr(30000), PayloadFormatVersion: "2.0", IntegrationMethod: "POST"}
		in.IntegrationURI, _ = t.str(&in.Intrinsics, "IntegrationUri", target, ptr+"/Target")
		in.IntegrationType = "AWS_PROXY"
		if strings.HasPrefix(in.IntegrationURI, "http") {
			in.IntegrationType, in.PayloadFormatVersion, in.IntegrationMethod = "HTTP_PROXY", "1.0", "ANY"
		}
		if c := source.Get(props, "CredentialsArn"); c != nil {
			in.CredentialsArn, _ = t.str(&in.Intrinsics, "CredentialsArn", c, ptr+"/CredentialsArn")
		}
		out.Integrations = append(out.Integrations, in)
		key := cmp.Or(source.Scalar(source.Get(props, "RouteKey")), "$default")
		out.Routes = append(out.Routes, &apimodel.Route{RouteID: apimodel.StableID("route", a.im.apiID+"/"+key), RouteKey: key,
			AuthorizationType: "NONE", APIKeyRequired: boolPtr(false), Target: "integrations/quick"})
		out.Stages = append(out.Stages, &apimodel.Stage{StageName: "$default", AutoDeploy: boolPtr(true)})
	}
	routeIDs := map[string]*apimodel.Route{}
	for _, id := range a.ofType("AWS::ApiGatewayV2::Route", "ApiId", a.id) {
		rt := a.v2Route(id, ids)
		routeIDs[id] = rt
		out.Routes = append(out.Routes, rt)
	}
	for _, id := range a.ofType("AWS::ApiGatewayV2::IntegrationResponse", "ApiId", a.id) {
		p, rptr := a.props(id)
		integ, _ := refOf(source.Get(p, "IntegrationId"))
		in := integs[integ]
		if in == nil {
			a.warn(diag.TemplateResourceRef, source.Get(p, "IntegrationId"), rptr+"/IntegrationId", "integration response %s names no integration of %s; it is left out", id, a.id)
			continue
		}
		rt := a.tplOf(id)
		ir := &apimodel.V2IntegrationResponse{IntegrationResponseKey: source.Scalar(source.Get(p, "IntegrationResponseKey")),
			ContentHandlingStrategy: source.Scalar(source.Get(p, "ContentHandlingStrategy")), TemplateSelectionExpression: source.Scalar(source.Get(p, "TemplateSelectionExpression"))}
		if v := source.Get(p, "ResponseParameters"); v != nil {
			ir.ResponseParameters = rt.strMap(&ir.Intrinsics, "ResponseParameters", v, rptr+"/ResponseParameters")
		}
		if v := source.Get(p, "ResponseTemplates"); v != nil {
			ir.ResponseTemplates = rt.strMap(&ir.Intrinsics, "ResponseTemplates", v, rptr+"/ResponseTemplates")
		}
		if out.IntegrationResponses == nil {
			out.IntegrationResponses = map[string][]*apimodel.V2IntegrationResponse{}
		}
		out.IntegrationResponses[in.IntegrationID] = append(out.IntegrationResponses[in.IntegrationID], ir)
	}
	for _, id := range a.ofType("AWS::ApiGatewayV2::RouteResponse", "ApiId", a.id) {
		p, rptr := a.props(id)
		route, _ := refOf(source.Get(p, "RouteId"))
		rt := routeIDs[route]
		if rt == nil {
			a.warn(diag.TemplateResourceRef, source.Get(p, "RouteId"), rptr+"/RouteId", "route response %s names no route of %s; it is left out", id, a.id)
			continue
		}
		rr := &apimodel.RouteResponse{RouteResponseKey: source.Scalar(source.Get(p, "RouteResponseKey")),
			ModelSelectionExpression: source.Scalar(source.Get(p, "ModelSelectionExpression"))}
		source.Pairs(source.Get(p, "ResponseModels"), func(k string, v *yaml.Node) { rr.ResponseModels = setStr(rr.ResponseModels, k, source.Scalar(v)) })
		source.Pairs(source.Get(p, "ResponseParameters"), func(k string, v *yaml.Node) {
			if rr.ResponseParameters == nil {
				rr.ResponseParameters = map[string]*apimodel.ParameterConstraints{}
			}
			rr.ResponseParameters[k] = &apimodel.ParameterConstraints{Required: boolPtr(source.IsTrue(source.Get(v, "Required")))}
		})
		if out.RouteResponses == nil {
			out.RouteResponses = map[string][]*apimodel.RouteResponse{}
		}
		out.RouteResponses[rt.RouteID] = append(out.RouteResponses[rt.RouteID], rr)
	}
	// Targets name integrations by logical id; give them import's ids.
	for _, rt := range out.Routes {
		if in := integs[strings.TrimPrefix(rt.Target, "integrations/")]; in != nil {
			rt.Target = "integrations/" + in.IntegrationID
		}
	}
	a.v2Stages(out)
	before := map[string]*apimodel.V2Integration{}
	for _, in := range out.Integrations {
		before[in.IntegrationID] = in
	}
	a.im.apigwv2IntegrationIDs(out)
	a.v2ResponseIDs(out, before)
}

// newV2 starts an HTTP or WebSocket API dump with import's defaults.
func (a *resAPI) newV2(name, protocol string) *apimodel.V2Dump {
	a.im.apiID = apimodel.StableID("api", name)
	api := &apimodel.API{APIID: a.im.apiID, Name: name, ProtocolType: protocol, DisableExecuteAPIEndpoint: boolPtr(false),
		CreatedDate: DefaultCreatedDate, IPAddressType: "ipv4", APIEndpoint: "https://" + a.im.apiID + ".execute-api.us-east-1.amazonaws.com"}
	if protocol == "HTTP" {
		api.RouteSelectionExpression, api.APIKeySelectionExpression = "$request.method $request.path", "$request.header.x-api-key"
	} else {
		props, _ := a.props(a.id)
		api.RouteSelectionExpression = source.Scalar(source.Get(props, "RouteSelectionExpression"))
	}
	out := &apimodel.V2Dump{API: api}
	a.out = &apimodel.Dump{V2: out}
	a.pos[api] = a.byID[a.id]
	return out
}

// v2ResponseIDs moves integration responses from the integrations'
// logical ids to the ids import gives them (after the routes).
func (a *resAPI) v2ResponseIDs(out *apimodel.V2Dump, before map[string]*apimodel.V2Integration) {
	if len(out.IntegrationResponses) == 0 {
		return
	}
	moved := map[string][]*apimodel.V2IntegrationResponse{}
	for old, rs := range out.IntegrationResponses {
		if in := before[old]; in != nil {
			moved[in.IntegrationID] = rs
		}
	}
	out.IntegrationResponses = moved
}

func (a *resAPI) v2Authorizer(id string) *apimodel.V2Authorizer {
	p, ptr := a.props(id)
	t := a.tplOf(id)
	name := cmp.Or(source.Scalar(source.Get(p, "Name")), id)
	au := &apimodel.V2Authorizer{AuthorizerID: apimodel.StableID("authorizer", a.im.apiID+"/"+name), Name: name,
		AuthorizerType:                 strings.ToUpper(source.Scalar(source.Get(p, "AuthorizerType"))),
		AuthorizerPayloadFormatVersion: source.Scalar(source.Get(p, "AuthorizerPayloadFormatVersion"))}
	if v := source.Get(p, "AuthorizerUri"); v != nil {
		au.AuthorizerURI, _ = t.str(&au.Intrinsics, "AuthorizerUri", v, ptr+"/AuthorizerUri")
	}
	if v := source.Get(p, "AuthorizerCredentialsArn"); v != nil {
		au.AuthorizerCredentialsArn, _ = t.str(&au.Intrinsics, "AuthorizerCredentialsArn", v, ptr+"/AuthorizerCredentialsArn")
	}
	if v := source.Get(p, "IdentityValidationExpression"); v != nil {
		au.IdentityValidationExpression, _ = t.str(&au.Intrinsics, "IdentityValidationExpression", v, ptr+"/IdentityValidationExpression")
	}
	if v := source.Get(p, "IdentitySource"); v != nil {
		au.IdentitySource = t.strs(&au.Intrinsics, "IdentitySource", v, ptr+"/IdentitySource")
	}
	if v := source.Get(p, "AuthorizerResultTtlInSeconds"); v != nil {
		au.AuthorizerResultTTLInSeconds = t.integer(v, ptr+"/AuthorizerResultTtlInSeconds")
	}
	if v := source.Get(p, "EnableSimpleResponses"); v != nil {
		au.EnableSimpleResponses = t.boolean(v, ptr+"/EnableSimpleResponses")
	}
	if j := source.Get(p, "JwtConfiguration"); j != nil {
		jc := &apimodel.JWTConfiguration{}
		if v := source.Get(j, "Issuer"); v != nil {
			jc.Issuer, _ = t.str(&au.Intrinsics, "JwtConfiguration/Issuer", v, ptr+"/JwtConfiguration/Issuer")
		}
		if v := source.Get(j, "Audience"); v != nil {
			jc.Audience = t.strs(&au.Intrinsics, "JwtConfiguration/Audience", v, ptr+"/JwtConfiguration/Audience")
		}
		au.JwtConfiguration = jc
	}
	a.pos[au] = a.byID[id]
	return au
}

func (a *resAPI) v2Integration(id string) *apimodel.V2Integration {
	p, ptr := a.props(id)
	t := a.tplOf(id)
	in := &apimodel.V2Integration{IntegrationID: id, IntegrationType: strings.ToUpper(source.Scalar(source.Get(p, "IntegrationType"))),
		ConnectionType:       cmp.Or(strings.ToUpper(source.Scalar(source.Get(p, "ConnectionType"))), "INTERNET"),
		PayloadFormatVersion: source.Scalar(source.Get(p, "PayloadFormatVersion")), Description: source.Scalar(source.Get(p, "Description")),
		PassthroughBehavior: source.Scalar(source.Get(p, "PassthroughBehavior")), ContentHandlingStrategy: source.Scalar(source.Get(p, "ContentHandlingStrategy")),
		TemplateSelectionExpression: source.Scalar(source.Get(p, "TemplateSelectionExpression")), TimeoutInMillis: intPtr(30000)}
	tb := &in.Intrinsics
	for _, f := range []struct {
		key string
		dst *string
	}{{"IntegrationUri", &in.IntegrationURI}, {"IntegrationMethod", &in.IntegrationMethod}, {"IntegrationSubtype", &in.IntegrationSubtype},
		{"ConnectionId", &in.ConnectionID}, {"CredentialsArn", &in.CredentialsArn}} {
		if v := source.Get(p, f.key); v != nil {
			*f.dst, _ = t.str(tb, f.key, v, ptr+"/"+f.key)
		}
	}
	if tb.At("IntegrationMethod") == nil {
		in.IntegrationMethod = strings.ToUpper(in.IntegrationMethod)
	}
	if in.PayloadFormatVersion == "" && in.IntegrationType != "MOCK" && in.IntegrationType != "" {
		in.PayloadFormatVersion = "1.0"
	}
	if v := source.Get(p, "TimeoutInMillis"); v != nil {
		in.TimeoutInMillis = t.integer(v, ptr+"/TimeoutInMillis")
	}
	if v := source.Get(p, "RequestParameters"); v != nil {
		in.RequestParameters = t.strMap(tb, "RequestParameters", v, ptr+"/RequestParameters")
	}
	if v := source.Get(p, "RequestTemplates"); v != nil {
		in.RequestTemplates = t.strMap(tb, "RequestTemplates", v, ptr+"/RequestTemplates")
	}
	source.Pairs(source.Get(p, "ResponseParameters"), func(sc string, v *yaml.Node) {
		m := map[string]string{}
		for i, e := range source.Items(source.Get(v, "ResponseParameters")) {
			dst := source.Scalar(source.Get(e, "Destination"))
			if s, ok := t.str(tb, apimodel.Path("ResponseParameters", sc, dst), source.Get(e, "Source"),
				source.PointerIndex(source.JoinPointer(ptr, "ResponseParameters", sc, "ResponseParameters"), i)+"/Source"); ok {
				m[dst] = s
			}
		}
		if in.ResponseParameters == nil {
			in.ResponseParameters = map[string]map[string]string{}
		}
		in.ResponseParameters[sc] = m
	})
	if tls := source.Get(p, "TlsConfig"); tls != nil {
		in.TLSConfig = &apimodel.V2TLSConfig{}
		in.TLSConfig.ServerNameToVerify, _ = t.str(tb, "TlsConfig/ServerNameToVerify", source.Get(tls, "ServerNameToVerify"), ptr+"/TlsConfig/ServerNameToVerify")
	}
	return in
}

func (a *resAPI) v2Route(id string, auths map[string]string) *apimodel.Route {
	p, _ := a.props(id)
	key := source.Scalar(source.Get(p, "RouteKey"))
	rt := &apimodel.Route{RouteID: apimodel.StableID("route", a.im.apiID+"/"+key), RouteKey: key,
		AuthorizationType: cmp.Or(strings.ToUpper(source.Scalar(source.Get(p, "AuthorizationType"))), "NONE"),
		APIKeyRequired:    boolPtr(source.IsTrue(source.Get(p, "ApiKeyRequired"))), OperationName: source.Scalar(source.Get(p, "OperationName")),
		ModelSelectionExpression:         source.Scalar(source.Get(p, "ModelSelectionExpression")),
		RouteResponseSelectionExpression: source.Scalar(source.Get(p, "RouteResponseSelectionExpression"))}
	if n, _ := refOf(source.Get(p, "AuthorizerId")); n != "" {
		rt.AuthorizerID = auths[n]
	}
	for _, s := range source.Items(source.Get(p, "AuthorizationScopes")) {
		rt.AuthorizationScopes = append(rt.AuthorizationScopes, source.Scalar(s))
	}
	source.Pairs(source.Get(p, "RequestModels"), func(k string, v *yaml.Node) { rt.RequestModels = setStr(rt.RequestModels, k, source.Scalar(v)) })
	source.Pairs(source.Get(p, "RequestParameters"), func(k string, v *yaml.Node) {
		if rt.RequestParameters == nil {
			rt.RequestParameters = map[string]*apimodel.ParameterConstraints{}
		}
		rt.RequestParameters[k] = &apimodel.ParameterConstraints{Required: boolPtr(source.IsTrue(source.Get(v, "Required")))}
	})
	// Target is "integrations/<IntegrationId>", written with Fn::Join or Fn::Sub.
	if x := apimodel.NewIntrinsic(source.Get(p, "Target")); x != nil {
		if s, ok := x.SubTemplate(); ok {
			if parts := apimodel.SplitSub(s); len(parts) == 2 && parts[0].Text == "integrations/" && parts[1].Var != "" {
				rt.Target = "integrations/" + parts[1].Var
			}
		}
	} else {
		rt.Target = source.Scalar(source.Get(p, "Target"))
	}
	a.pos[rt] = a.byID[id]
	return rt
}

// v2Stages reads AWS::ApiGatewayV2::Stage resources of the API.
func (a *resAPI) v2Stages(out *apimodel.V2Dump) {
	for _, id := range a.ofType("AWS::ApiGatewayV2::Stage", "ApiId", a.id) {
		p, ptr := a.props(id)
		t := a.tplOf(id)
		st := &apimodel.Stage{AutoDeploy: nil}
		st.StageName, _ = t.str(&st.Intrinsics, "StageName", source.Get(p, "StageName"), ptr+"/StageName")
		source.Pairs(p, func(k string, v *yaml.Node) {
			pp := source.Pointer(ptr, k)
			switch k {
			case "AutoDeploy":
				st.AutoDeploy = t.boolean(v, pp)
			case "Description":
				st.Description, _ = t.str(&st.Intrinsics, "Description", v, pp)
			case "StageVariables":
				st.StageVariables = t.strMap(&st.Intrinsics, "StageVariables", v, pp)
			case "AccessLogSettings":
				s := &apimodel.AccessLogSettings{}
				s.DestinationArn, _ = t.str(&st.Intrinsics, "AccessLogSettings/DestinationArn", source.Get(v, "DestinationArn"), pp+"/DestinationArn")
				s.Format, _ = t.str(&st.Intrinsics, "AccessLogSettings/Format", source.Get(v, "Format"), pp+"/Format")
				st.AccessLogSettings = s
			case "DefaultRouteSettings":
				st.DefaultRouteSettings = t.routeSettings(v, pp)
			case "RouteSettings":
				source.Pairs(v, func(rk string, rs *yaml.Node) {
					if st.RouteSettings == nil {
						st.RouteSettings = map[string]*apimodel.RouteSettings{}
					}
					st.RouteSettings[rk] = t.routeSettings(rs, source.Pointer(pp, rk))
				})
			case "Tags":
				st.Tags = t.tags(&st.Intrinsics, "Tags", v, pp)
			}
		})
		out.Stages = slices.DeleteFunc(out.Stages, func(s *apimodel.Stage) bool { return s.StageName == st.StageName })
		out.Stages = append(out.Stages, st)
	}
}

// samEvents returns the functions' events of type Api (for a REST API) or
// HttpApi that belong to the API api: those whose RestApiId or ApiId
// refers to it, or, for the implicit APIs ServerlessRestApi and
// ServerlessHttpApi, those that name none.
func (r *resReader) samEvents(api string) []samEvent {
	rest := r.typ(api) == "AWS::Serverless::Api" || api == "ServerlessRestApi"
	want, idKey := "HttpApi", "ApiId"
	if rest {
		want, idKey = "Api", "RestApiId"
	}
	var out []samEvent
	for _, fn := range r.ids {
		if r.typ(fn) != "AWS::Serverless::Function" {
			continue
		}
		props, ptr := r.props(fn)
		source.Pairs(source.Get(props, "Events"), func(name string, ev *yaml.Node) {
			if source.Scalar(source.Get(ev, "Type")) != want {
				return
			}
			ep := source.Get(ev, "Properties")
			target, _ := refOf(source.Get(ep, idKey))
			if target == api || target == "" && (api == "ServerlessRestApi" || api == "ServerlessHttpApi") {
				out = append(out, samEvent{fn: fn, name: name, node: source.Resolve(ev), props: ep, ptr: ptr + "/Events/" + source.EscapeToken(name) + "/Properties"})
			}
		})
	}
	return out
}

// samEvent is an Api or HttpApi event of a SAM function.
type samEvent struct {
	fn, name string
	node     *yaml.Node
	props    *yaml.Node
	ptr      string
}

// samFunctionURI is the integration uri SAM gives a function's event.
func samFunctionURI(fn string, at *yaml.Node) *yaml.Node {
	str := func(s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: s, Line: at.Line, Column: at.Column}
	}
	return &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: at.Line, Column: at.Column, Content: []*yaml.Node{str("Fn::Sub"),
		str("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + fn + ".Arn}/invocations")}}
}

// samName is the name SAM gives an API without one: the stack's name.
func (a *resAPI) samName(props *yaml.Node, ptr string) (string, *apimodel.Intrinsic) {
	if n := source.Get(props, "Name"); n != nil {
		return "", nil
	}
	x := apimodel.NewIntrinsic(&yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: "Ref"}, {Kind: yaml.ScalarNode, Tag: source.TagStr, Value: "AWS::StackName"}}})
	x.File, x.Pointer = a.file, ptr
	if n := a.byID[a.id]; n != nil {
		x.Line, x.Column = n.Line, n.Column
	}
	return x.String(), x
}

// samAPI returns the properties of a SAM API (none for an implicit one),
// their pointer, and its name: the Name property, else the stack's name
// (then x is that Ref).
func (a *resAPI) samAPI() (props *yaml.Node, ptr, name string, x *apimodel.Intrinsic) {
	props, ptr = a.props(a.id)
	if props == nil {
		props = &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap}
	}
	name, x = a.samName(props, ptr)
	if name == "" {
		name = (&tpl{props: props}).name()
	}
	return props, ptr, name, x
}

// samRest reads a SAM REST API defined by its functions' Api events.
func (a *resAPI) samRest() {
	props, ptr, name, x := a.samAPI()
	a.im.apiID = apimodel.StableID("restapi", name)
	api := &apimodel.RestAPI{ID: a.im.apiID, Name: name, CreatedDate: DefaultCreatedDate, APIKeySource: "HEADER", Version: "1.0",
		EndpointConfiguration: &apimodel.EndpointConfiguration{Types: []string{"EDGE"}, IPAddressType: "ipv4"}, DisableExecuteAPIEndpoint: boolPtr(false)}
	api.Intrinsics.Set("name", x)
	out := &apimodel.RestDump{RestAPI: api}
	a.out = &apimodel.Dump{REST: out}
	if n := a.byID[a.id]; n != nil {
		a.pos[api] = n
	}
	byPath := map[string]*apimodel.Resource{}
	var ensure func(path string) *apimodel.Resource
	ensure = func(path string) *apimodel.Resource {
		if res := byPath[path]; res != nil {
			return res
		}
		res := &apimodel.Resource{ID: apimodel.StableID("resource", a.im.apiID+path), Path: path}
		if path != "/" {
			parent := ensure(cmp.Or(path[:strings.LastIndex(path, "/")], "/"))
			res.ParentID, res.PathPart = parent.ID, path[strings.LastIndex(path, "/")+1:]
		}
		byPath[path] = res
		out.Resources = append(out.Resources, res)
		return res
	}
	ensure("/")
	for _, ev := range a.samEvents(a.id) {
		path := cleanPath(source.Scalar(source.Get(ev.props, "Path")))
		if path == "" {
			path = "/"
		}
		verb := strings.ToUpper(source.Scalar(source.Get(ev.props, "Method")))
		if verb == "" {
			a.warn(diag.TemplateValue, ev.node, ev.ptr, "event %s of %s has no Method; it is left out", ev.name, ev.fn)
			continue
		}
		res := ensure(path)
		m := &apimodel.Method{HTTPMethod: verb, AuthorizationType: "NONE", APIKeyRequired: boolPtr(false)}
		for _, pp := range pathParams(path) {
			setParam(m, "method.request.path."+pp, true)
		}
		for _, rp := range source.Items(source.Get(ev.props, "RequestParameters")) {
			if r := source.Resolve(rp); r.Kind == yaml.ScalarNode {
				setParam(m, r.Value, false)
				continue
			}
			source.Pairs(rp, func(k string, v *yaml.Node) { setParam(m, k, source.IsTrue(source.Get(v, "Required"))) })
		}
		in := &apimodel.Integration{Type: "AWS_PROXY", HTTPMethod: "POST", PassthroughBehavior: "WHEN_NO_MATCH", TimeoutInMillis: intPtr(defaultTimeout),
			CacheNamespace: res.ID, CacheKeyParameters: []string{}}
		uri := apimodel.NewIntrinsic(samFunctionURI(ev.fn, ev.node))
		uri.File, uri.Pointer = a.file, ev.ptr
		in.Intrinsics.Set("uri", uri)
		in.URI = uri.String()
		m.MethodIntegration = in
		if res.ResourceMethods == nil {
			res.ResourceMethods = map[string]*apimodel.Method{}
		}
		res.ResourceMethods[verb] = m
		a.pos[m] = ev.node
		a.samEventAuth(m, ev)
	}
	out.AssignIDs()
	t := &tpl{im: a.im, props: props, ptr: ptr, sam: true}
	if _, x := a.samName(props, ptr); x == nil {
		api.Name = t.name()
	}
	t.restTemplate(out)
	if len(out.Stages) == 0 && a.id == "ServerlessRestApi" {
		out.Stages = append(out.Stages, &apimodel.RestStage{StageName: "Prod"})
	}
	a.samEventAuthorizers(out)
}

// samEventAuth notes an event's own authorizer (Auth.Authorizer), applied
// once the API's authorizers are read.
func (a *resAPI) samEventAuth(m *apimodel.Method, ev samEvent) {
	auth := source.Get(ev.props, "Auth")
	if auth == nil {
		return
	}
	if source.IsTrue(source.Get(auth, "ApiKeyRequired")) {
		m.APIKeyRequired = boolPtr(true)
	}
	if name := source.Scalar(source.Get(auth, "Authorizer")); name != "" {
		a.pos[eventAuth{m}] = &yaml.Node{Value: name}
		for _, s := range source.Items(source.Get(auth, "AuthorizationScopes")) {
			m.AuthorizationScopes = append(m.AuthorizationScopes, source.Scalar(s))
		}
	}
}

// eventAuth keys the authorizer an event names for its method.
type eventAuth struct{ m *apimodel.Method }

// samEventAuthorizers gives each method the authorizer its event names,
// which wins over the API's default.
func (a *resAPI) samEventAuthorizers(out *apimodel.RestDump) {
	find := func(name string) (string, bool, bool) {
		for _, au := range out.Authorizers {
			if au.Name == name {
				return au.ID, au.Type == "COGNITO_USER_POOLS", true
			}
		}
		return "", false, false
	}
	for _, res := range out.Resources {
		for _, m := range res.ResourceMethods {
			if n := a.pos[eventAuth{m}]; n != nil {
				if typ, id, ok := eventAuthorization(n.Value, find, "COGNITO_USER_POOLS"); ok {
					m.AuthorizationType, m.AuthorizerID = typ, id
				}
			}
		}
	}
}

// eventAuthorization returns the authorization an event's
// Auth.Authorizer names: NONE, AWS_IAM, or an authorizer of the API found
// by find (CUSTOM, or special for a user pool or JWT one); ok is false
// for a name the API has no authorizer for.
func eventAuthorization(name string, find func(string) (id string, special, ok bool), special string) (typ, id string, ok bool) {
	switch name {
	case "NONE", "AWS_IAM":
		return name, "", true
	}
	id, isSpecial, ok := find(name)
	if !ok {
		return "", "", false
	}
	if isSpecial {
		return special, id, true
	}
	return "CUSTOM", id, true
}

// samHTTP reads a SAM HTTP API defined by its functions' HttpApi events.
func (a *resAPI) samHTTP() {
	props, ptr, name, x := a.samAPI()
	out := a.newV2(name, "HTTP")
	out.API.Version = "1.0"
	out.API.Intrinsics.Set("Name", x)
	for _, ev := range a.samEvents(a.id) {
		method := strings.ToUpper(source.Scalar(source.Get(ev.props, "Method")))
		path := source.Scalar(source.Get(ev.props, "Path"))
		key := "$default"
		if method != "" || path != "" {
			if method == "" {
				method = "ANY"
			}
			key = method + " " + cmp.Or(path, "/")
		}
		rt := &apimodel.Route{RouteID: apimodel.StableID("route", a.im.apiID+"/"+key), RouteKey: key, AuthorizationType: "NONE", APIKeyRequired: boolPtr(false)}
		in := &apimodel.V2Integration{IntegrationID: apimodel.StableID("integration", a.im.apiID+"/"+key), IntegrationType: "AWS_PROXY",
			IntegrationMethod: "POST", ConnectionType: "INTERNET", TimeoutInMillis: intPtr(30000),
			PayloadFormatVersion: cmp.Or(source.Scalar(source.Get(ev.props, "PayloadFormatVersion")), "2.0")}
		if v := source.Get(ev.props, "TimeoutInMillis"); v != nil {
			if i, err := strconv.Atoi(source.Scalar(v)); err == nil {
				in.TimeoutInMillis = &i
			}
		}
		uri := apimodel.NewIntrinsic(&yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: ev.node.Line, Column: ev.node.Column, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: "Fn::GetAtt"},
			{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: ev.fn}, {Kind: yaml.ScalarNode, Tag: source.TagStr, Value: "Arn"}}}}})
		uri.File, uri.Pointer = a.file, ev.ptr
		in.Intrinsics.Set("IntegrationUri", uri)
		in.IntegrationURI = uri.String()
		rt.Target = "integrations/" + in.IntegrationID
		out.Integrations = append(out.Integrations, in)
		out.Routes = append(out.Routes, rt)
		a.pos[rt] = ev.node
		if auth := source.Get(ev.props, "Auth"); auth != nil {
			if n := source.Scalar(source.Get(auth, "Authorizer")); n != "" {
				a.pos[rt.RouteID] = &yaml.Node{Value: n}
				for _, s := range source.Items(source.Get(auth, "AuthorizationScopes")) {
					rt.AuthorizationScopes = append(rt.AuthorizationScopes, source.Scalar(s))
				}
			}
		}
	}
	t := &tpl{im: a.im, props: props, ptr: ptr, sam: true}
	if x == nil {
		out.API.Name = t.name()
	}
	t.v2Template(out)
	find := func(name string) (string, bool, bool) {
		for _, au := range out.Authorizers {
			if au.Name == name {
				return au.AuthorizerID, au.AuthorizerType == "JWT", true
			}
		}
		return "", false, false
	}
	for _, rt := range out.Routes {
		if n := a.pos[rt.RouteID]; n != nil {
			if typ, id, ok := eventAuthorization(n.Value, find, "JWT"); ok {
				rt.AuthorizationType, rt.AuthorizerID = typ, id
				if typ != "JWT" {
					rt.AuthorizationScopes = nil
				}
			}
		}
	}
}
