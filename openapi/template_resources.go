package openapi

import (
	"cmp"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// APIs written as CloudFormation resources (AWS::ApiGateway::RestApi with
// Resource, Method, Model, Authorizer, … resources; AWS::ApiGatewayV2::Api
// with Route, Integration, …; SAM functions' Api and HttpApi events) are
// read here, beside the template code that finds inline definitions, into
// the API model import builds for a definition: same ids, same defaults.
// Load then exports each such API to an in-memory OpenAPI document (with
// every extension), so that every command that reads documents reads them
// too; the document's Model is the API itself, which Import returns as it
// is. The export's nodes carry the positions of the resources they come
// from, so findings point into the template.

// resReader reads the resources of one template.
type resReader struct {
	file string
	tree *yaml.Node
	root *yaml.Node
	// byID are the template's resources; ids in template order.
	byID map[string]*yaml.Node
	ids  []string
	extensions.Collector
}

func newResReader(file string, tree, root *yaml.Node) *resReader {
	r := &resReader{file: file, tree: tree, root: root, byID: map[string]*yaml.Node{}, Collector: extensions.Collector{File: file}}
	source.Pairs(source.Get(root, "Resources"), func(id string, res *yaml.Node) {
		r.byID[id] = source.Resolve(res)
		r.ids = append(r.ids, id)
	})
	return r
}

// typ returns a resource's type.
func (r *resReader) typ(id string) string { return source.Scalar(source.Get(r.byID[id], "Type")) }

// props returns a resource's properties and their pointer.
func (r *resReader) props(id string) (*yaml.Node, string) {
	return source.Resolve(source.Get(r.byID[id], "Properties")), source.JoinPointer("/Resources", id, "Properties")
}

// ofType returns the ids of the resources of type typ whose property key
// refers to api (Ref api, or api's attribute).
func (r *resReader) ofType(typ, key, api string) []string {
	var out []string
	for _, id := range r.ids {
		if r.typ(id) != typ {
			continue
		}
		p, _ := r.props(id)
		if name, _ := refOf(source.Get(p, key)); name == api {
			out = append(out, id)
		}
	}
	return out
}

// refOf returns the resource a value refers to and the attribute: Ref X,
// Fn::GetAtt X.A, Fn::Sub "${X}" or "${X.A}".
func refOf(n *yaml.Node) (name, attr string) {
	x := apimodel.NewIntrinsic(n)
	if x == nil {
		return "", ""
	}
	if name, ok := x.Ref(); ok {
		return name, ""
	}
	if name, attr, ok := x.GetAtt(); ok {
		return name, attr
	}
	if s, ok := x.SubTemplate(); ok {
		if parts := apimodel.SplitSub(s); len(parts) == 1 && parts[0].Var != "" {
			name, attr, _ := strings.Cut(parts[0].Var, ".")
			return name, attr
		}
	}
	return "", ""
}

// api reads one API: a reader over the template with an importer whose
// document names the API's resource, for positions and messages.
type resAPI struct {
	*resReader
	id  string
	im  *importer
	out *apimodel.Dump
	// pos are the template nodes model items come from, for positions.
	pos map[any]*yaml.Node
}

func (r *resReader) newAPI(id string) *resAPI {
	doc := &Document{File: r.file, Tree: r.tree, Resource: id, ResourceType: r.typ(id)}
	im := &importer{Collector: extensions.Collector{File: r.file}, doc: doc, inputs: map[string]string{}}
	source.Pairs(source.Get(source.Get(source.Get(r.root, "Metadata"), "apigw"), "Inputs"), func(p string, v *yaml.Node) {
		im.inputs[p] = source.Scalar(v)
	})
	return &resAPI{resReader: r, id: id, im: im, pos: map[any]*yaml.Node{}}
}

// restoreInputs rewrites, in a long-form intrinsic function, each
// reference to a parameter that stands for another resource's attribute
// (see importer.inputs) as that attribute: Ref FnArn as Fn::GetAtt
// Fn.Arn, ${FnArn} in an Fn::Sub as ${Fn.Arn}.
func restoreInputs(n *yaml.Node, inputs map[string]string) *yaml.Node {
	n = source.Resolve(n)
	str := func(s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: s, Line: n.Line, Column: n.Column}
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		args := source.Resolve(n.Content[1])
		switch n.Content[0].Value {
		case "Ref":
			if attr, ok := inputs[args.Value]; ok && args.Kind == yaml.ScalarNode {
				name, a, _ := strings.Cut(attr, ".")
				return &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: n.Line, Column: n.Column, Content: []*yaml.Node{str("Fn::GetAtt"),
					{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{str(name), str(a)}}}}
			}
		case "Fn::Sub":
			tmpl, local := args, map[string]bool{}
			if args.Kind == yaml.SequenceNode && len(args.Content) == 2 {
				tmpl = source.Resolve(args.Content[0])
				source.Pairs(args.Content[1], func(k string, _ *yaml.Node) { local[k] = true })
			}
			if tmpl.Kind == yaml.ScalarNode {
				var b strings.Builder
				for _, p := range apimodel.SplitSub(tmpl.Value) {
					switch attr, ok := inputs[p.Var]; {
					case p.Var == "":
						b.WriteString(apimodel.SubEscape(p.Text))
					case ok && !local[p.Var]:
						b.WriteString("${" + attr + "}")
					default:
						b.WriteString("${" + p.Var + "}")
					}
				}
				if args.Kind == yaml.ScalarNode {
					return &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: n.Line, Column: n.Column, Content: []*yaml.Node{str("Fn::Sub"), str(b.String())}}
				}
				vars := restoreInputs(args.Content[1], inputs)
				return &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: n.Line, Column: n.Column, Content: []*yaml.Node{str("Fn::Sub"),
					{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{str(b.String()), vars}}}}
			}
		}
	}
	if len(n.Content) == 0 {
		return n
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, e := range n.Content {
		c.Content[i] = restoreInputs(e, inputs)
	}
	return &c
}

// tplOf returns the reader of resource id's properties.
func (a *resAPI) tplOf(id string) *tpl {
	p, ptr := a.props(id)
	if p == nil {
		p = &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap}
	}
	return &tpl{im: a.im, props: p, ptr: ptr}
}

// warn records a finding about resource id.
func (a *resAPI) warn(code diag.Code, n *yaml.Node, ptr, format string, args ...any) {
	a.im.Add(code, n, ptr, format, args...)
}

// restResources reads a REST API written as resources.
func (a *resAPI) rest() {
	t := a.tplOf(a.id)
	name := t.name()
	if name == "" {
		name = a.id
	}
	a.im.apiID = apimodel.StableID("restapi", name)
	api := &apimodel.RestAPI{ID: a.im.apiID, Name: name, CreatedDate: DefaultCreatedDate, APIKeySource: "HEADER",
		EndpointConfiguration: &apimodel.EndpointConfiguration{Types: []string{"EDGE"}, IPAddressType: "ipv4"}, DisableExecuteAPIEndpoint: boolPtr(false)}
	out := &apimodel.RestDump{RestAPI: api}
	a.out = &apimodel.Dump{REST: out}
	a.pos[api] = a.byID[a.id]
	t.restTemplate(out)
	api.Name = cmp.Or(api.Name, name)

	// The resource tree: parents first.
	paths := map[string]string{}
	var pathOf func(id string, depth int) (string, bool)
	pathOf = func(id string, depth int) (string, bool) {
		if p, ok := paths[id]; ok {
			return p, true
		}
		props, _ := a.props(id)
		parent, attr := refOf(source.Get(props, "ParentId"))
		part := source.Scalar(source.Get(props, "PathPart"))
		if depth > 64 || part == "" {
			return "", false
		}
		var base string
		switch {
		case parent == a.id && attr == "RootResourceId":
			base = ""
		case a.typ(parent) == "AWS::ApiGateway::Resource":
			p, ok := pathOf(parent, depth+1)
			if !ok {
				return "", false
			}
			base = strings.TrimSuffix(p, "/")
		default:
			return "", false
		}
		paths[id] = base + "/" + part
		return paths[id], true
	}
	byPath := map[string]*apimodel.Resource{}
	ensure := func(path string) *apimodel.Resource {
		if res := byPath[path]; res != nil {
			return res
		}
		res := &apimodel.Resource{ID: apimodel.StableID("resource", a.im.apiID+path), Path: path}
		byPath[path] = res
		out.Resources = append(out.Resources, res)
		return res
	}
	ensure("/")
	for _, id := range a.ofType("AWS::ApiGateway::Resource", "RestApiId", a.id) {
		p, ok := pathOf(id, 0)
		if !ok {
			props, ptr := a.props(id)
			a.warn(diag.TemplateResourceRef, source.Get(props, "ParentId"), ptr+"/ParentId",
				"resource %s's ParentId is neither %s's RootResourceId nor another resource of the API; it is left out", id, a.id)
			continue
		}
		for i := 1; i < len(p); i++ {
			if p[i] == '/' {
				ensure(p[:i])
			}
		}
		a.pos[ensure(p)] = a.byID[id]
	}
	slices.SortStableFunc(out.Resources, func(x, y *apimodel.Resource) int { return strings.Compare(x.Path, y.Path) })

	ids := map[string]string{} // logical id → model id (authorizers, validators) or name (models)
	for _, id := range a.ofType("AWS::ApiGateway::Model", "RestApiId", a.id) {
		m := a.restModel(id)
		ids[id] = m.Name
		out.Models = append(out.Models, m)
	}
	for _, id := range a.ofType("AWS::ApiGateway::Authorizer", "RestApiId", a.id) {
		au := a.restAuthorizer(id)
		ids[id] = au.ID
		out.Authorizers = append(out.Authorizers, au)
	}
	for _, id := range a.ofType("AWS::ApiGateway::RequestValidator", "RestApiId", a.id) {
		props, _ := a.props(id)
		name := cmp.Or(source.Scalar(source.Get(props, "Name")), id)
		v := &apimodel.RequestValidator{ID: apimodel.StableID("requestvalidator", a.im.apiID+"/"+name), Name: name,
			ValidateRequestBody:       boolPtr(source.IsTrue(source.Get(props, "ValidateRequestBody"))),
			ValidateRequestParameters: boolPtr(source.IsTrue(source.Get(props, "ValidateRequestParameters")))}
		ids[id] = v.ID
		out.RequestValidators = append(out.RequestValidators, v)
	}
	for _, id := range a.ofType("AWS::ApiGateway::Method", "RestApiId", a.id) {
		a.restMethod(id, paths, byPath, ids)
	}
	for _, id := range a.ofType("AWS::ApiGateway::GatewayResponse", "RestApiId", a.id) {
		props, ptr := a.props(id)
		t := a.tplOf(id)
		typ := source.Scalar(source.Get(props, "ResponseType"))
		gr := &apimodel.GatewayResponse{ResponseType: typ, DefaultResponse: boolPtr(false), ResponseParameters: map[string]string{}}
		if sc := source.Get(props, "StatusCode"); sc != nil {
			gr.StatusCode, _ = t.str(&gr.Intrinsics, "statusCode", sc, ptr+"/StatusCode")
		}
		gr.StatusCode = cmp.Or(gr.StatusCode, gatewayStatus[typ])
		if p := source.Get(props, "ResponseParameters"); p != nil {
			gr.ResponseParameters = t.strMap(&gr.Intrinsics, "responseParameters", p, ptr+"/ResponseParameters")
		}
		if p := source.Get(props, "ResponseTemplates"); p != nil {
			gr.ResponseTemplates = t.strMap(&gr.Intrinsics, "responseTemplates", p, ptr+"/ResponseTemplates")
		}
		out.GatewayResponses = slices.DeleteFunc(out.GatewayResponses, func(g *apimodel.GatewayResponse) bool { return g.ResponseType == typ })
		out.GatewayResponses = append(out.GatewayResponses, gr)
	}
	for _, id := range a.ofType("AWS::ApiGateway::DocumentationPart", "RestApiId", a.id) {
		props, _ := a.props(id)
		l := source.Get(props, "Location")
		loc := apimodel.DocumentationPartLocation{Type: source.Scalar(source.Get(l, "Type")), Path: source.Scalar(source.Get(l, "Path")),
			Method: source.Scalar(source.Get(l, "Method")), StatusCode: source.Scalar(source.Get(l, "StatusCode")), Name: source.Scalar(source.Get(l, "Name"))}
		locationDefaults(&loc)
		key := strings.Join([]string{loc.Type, loc.Path, loc.Method, loc.StatusCode, loc.Name}, "\x00")
		out.DocumentationParts = append(out.DocumentationParts, &apimodel.DocumentationPart{ID: apimodel.StableID("documentationpart", a.im.apiID+"/"+key),
			Location: loc, Properties: apimodel.JSONText(source.Scalar(source.Get(props, "Properties")))})
	}
	a.restStages(out)
	out.AssignIDs()
}

// restModel reads an AWS::ApiGateway::Model. A schema written with Fn::Sub
// (model references name the API: ${Api}) has the API's id put in.
func (a *resAPI) restModel(id string) *apimodel.Model {
	props, _ := a.props(id)
	name := cmp.Or(source.Scalar(source.Get(props, "Name")), id)
	m := &apimodel.Model{ID: apimodel.StableID("model", a.im.apiID+"/"+name), Name: name,
		ContentType: cmp.Or(source.Scalar(source.Get(props, "ContentType")), "application/json"),
		Description: source.Scalar(source.Get(props, "Description"))}
	schema := source.Get(props, "Schema")
	switch x := apimodel.NewIntrinsic(schema); {
	case x != nil:
		if s, ok := x.SubTemplate(); ok {
			var b strings.Builder
			for _, p := range apimodel.SplitSub(s) {
				switch {
				case p.Var == "":
					b.WriteString(p.Text)
				case p.Var == a.id:
					b.WriteString(a.im.apiID)
				default:
					b.WriteString("${" + p.Var + "}")
				}
			}
			m.Schema = apimodel.JSONText(b.String())
		} else {
			m.Schema = apimodel.JSONText(x.JSON())
		}
	case source.Resolve(schema) != nil && source.Resolve(schema).Kind == yaml.ScalarNode:
		m.Schema = apimodel.JSONText(source.Scalar(schema))
	case schema != nil:
		m.Schema = apimodel.JSONText(compactJSON(schema, func(ref string) string { return ref }))
	}
	a.pos[m] = a.byID[id]
	return m
}

func (a *resAPI) restAuthorizer(id string) *apimodel.Authorizer {
	props, ptr := a.props(id)
	t := a.tplOf(id)
	name := cmp.Or(source.Scalar(source.Get(props, "Name")), id)
	au := &apimodel.Authorizer{ID: apimodel.StableID("authorizer", a.im.apiID+"/"+name), Name: name,
		Type: strings.ToUpper(source.Scalar(source.Get(props, "Type")))}
	au.AuthType = cmp.Or(source.Scalar(source.Get(props, "AuthType")), map[bool]string{true: "cognito_user_pools", false: "custom"}[au.Type == "COGNITO_USER_POOLS"])
	for _, f := range []struct {
		key, path string
		dst       *string
	}{{"AuthorizerUri", "authorizerUri", &au.AuthorizerURI}, {"AuthorizerCredentials", "authorizerCredentials", &au.AuthorizerCredentials},
		{"IdentitySource", "identitySource", &au.IdentitySource}, {"IdentityValidationExpression", "identityValidationExpression", &au.IdentityValidationExpression}} {
		if n := source.Get(props, f.key); n != nil {
			*f.dst, _ = t.str(&au.Intrinsics, f.path, n, ptr+"/"+f.key)
		}
	}
	if n := source.Get(props, "ProviderARNs"); n != nil {
		au.ProviderARNs = t.strs(&au.Intrinsics, "providerARNs", n, ptr+"/ProviderARNs")
	}
	if n := source.Get(props, "AuthorizerResultTtlInSeconds"); n != nil {
		au.AuthorizerResultTTLInSeconds = t.integer(n, ptr+"/AuthorizerResultTtlInSeconds")
	} else if au.Type == "COGNITO_USER_POOLS" {
		au.AuthorizerResultTTLInSeconds = intPtr(defaultAuthorizerTTL)
	}
	a.pos[au] = a.byID[id]
	return au
}

// restMethod reads an AWS::ApiGateway::Method with its method responses,
// integration and integration responses.
func (a *resAPI) restMethod(id string, paths map[string]string, byPath map[string]*apimodel.Resource, ids map[string]string) {
	props, ptr := a.props(id)
	t := a.tplOf(id)
	target, attr := refOf(source.Get(props, "ResourceId"))
	path := ""
	switch {
	case target == a.id && attr == "RootResourceId":
		path = "/"
	case paths[target] != "":
		path = paths[target]
	default:
		a.warn(diag.TemplateResourceRef, source.Get(props, "ResourceId"), ptr+"/ResourceId",
			"method %s's ResourceId is neither %s's RootResourceId nor a resource of the API; it is left out", id, a.id)
		return
	}
	res := byPath[path]
	verb := strings.ToUpper(source.Scalar(source.Get(props, "HttpMethod")))
	m := &apimodel.Method{HTTPMethod: verb, AuthorizationType: cmp.Or(strings.ToUpper(source.Scalar(source.Get(props, "AuthorizationType"))), "NONE"),
		APIKeyRequired: boolPtr(source.IsTrue(source.Get(props, "ApiKeyRequired"))), OperationName: source.Scalar(source.Get(props, "OperationName"))}
	if n, _ := refOf(source.Get(props, "AuthorizerId")); n != "" {
		m.AuthorizerID = ids[n]
	}
	if n, _ := refOf(source.Get(props, "RequestValidatorId")); n != "" {
		m.RequestValidatorID = ids[n]
	}
	for _, s := range source.Items(source.Get(props, "AuthorizationScopes")) {
		m.AuthorizationScopes = append(m.AuthorizationScopes, source.Scalar(s))
	}
	source.Pairs(source.Get(props, "RequestParameters"), func(k string, v *yaml.Node) { setParam(m, k, source.IsTrue(v)) })
	modelName := func(n *yaml.Node) string {
		if r, _ := refOf(n); r != "" {
			return cmp.Or(ids[r], r)
		}
		return source.Scalar(n)
	}
	source.Pairs(source.Get(props, "RequestModels"), func(ct string, v *yaml.Node) { m.RequestModels = setStr(m.RequestModels, ct, modelName(v)) })
	for _, r := range source.Items(source.Get(props, "MethodResponses")) {
		sc := source.Scalar(source.Get(r, "StatusCode"))
		mr := &apimodel.MethodResponse{StatusCode: sc}
		source.Pairs(source.Get(r, "ResponseParameters"), func(k string, v *yaml.Node) {
			if mr.ResponseParameters == nil {
				mr.ResponseParameters = map[string]bool{}
			}
			mr.ResponseParameters[k] = source.IsTrue(v)
			mr.ParameterOrder = append(mr.ParameterOrder, k)
		})
		source.Pairs(source.Get(r, "ResponseModels"), func(ct string, v *yaml.Node) { mr.ResponseModels = setStr(mr.ResponseModels, ct, modelName(v)) })
		if m.MethodResponses == nil {
			m.MethodResponses = map[string]*apimodel.MethodResponse{}
		}
		m.MethodResponses[sc] = mr
	}
	if in := source.Get(props, "Integration"); in != nil {
		m.MethodIntegration = a.restIntegration(t, in, ptr+"/Integration", res)
		a.pos[m.MethodIntegration] = source.Resolve(in)
	}
	if res.ResourceMethods == nil {
		res.ResourceMethods = map[string]*apimodel.Method{}
	}
	res.ResourceMethods[verb] = m
	a.pos[m] = a.byID[id]
}

// restIntegration reads a method's Integration, with the defaults import
// gives.
func (a *resAPI) restIntegration(t *tpl, n *yaml.Node, ptr string, res *apimodel.Resource) *apimodel.Integration {
	in := &apimodel.Integration{Type: strings.ToUpper(source.Scalar(source.Get(n, "Type"))), CacheKeyParameters: []string{},
		ConnectionType:       strings.ToUpper(source.Scalar(source.Get(n, "ConnectionType"))),
		PassthroughBehavior:  cmp.Or(strings.ToUpper(source.Scalar(source.Get(n, "PassthroughBehavior"))), "WHEN_NO_MATCH"),
		ContentHandling:      strings.ToUpper(source.Scalar(source.Get(n, "ContentHandling"))),
		ResponseTransferMode: strings.ToUpper(source.Scalar(source.Get(n, "ResponseTransferMode"))),
		TimeoutInMillis:      intPtr(defaultTimeout)}
	tb := &in.Intrinsics
	str := func(key, path string) string {
		if v := source.Get(n, key); v != nil {
			s, _ := t.str(tb, path, v, ptr+"/"+key)
			return s
		}
		return ""
	}
	in.HTTPMethod = str("IntegrationHttpMethod", "httpMethod")
	if tb.At("httpMethod") == nil {
		in.HTTPMethod = strings.ToUpper(in.HTTPMethod)
	}
	in.URI = str("Uri", "uri")
	in.ConnectionID = str("ConnectionId", "connectionId")
	in.Credentials = str("Credentials", "credentials")
	in.CacheNamespace = cmp.Or(str("CacheNamespace", "cacheNamespace"), res.ID)
	if v := source.Get(n, "CacheNamespace"); v != nil {
		if r, _ := refOf(v); r != "" {
			// A reference to the method's own resource is its id.
			delete(*tb, "cacheNamespace")
			in.CacheNamespace = res.ID
		}
	}
	if v := source.Get(n, "TimeoutInMillis"); v != nil {
		in.TimeoutInMillis = t.integer(v, ptr+"/TimeoutInMillis")
	}
	if v := source.Get(n, "CacheKeyParameters"); v != nil {
		in.CacheKeyParameters = append(in.CacheKeyParameters, t.strs(tb, "cacheKeyParameters", v, ptr+"/CacheKeyParameters")...)
	}
	if v := source.Get(n, "RequestParameters"); v != nil {
		in.RequestParameters = t.strMap(tb, "requestParameters", v, ptr+"/RequestParameters")
	}
	if v := source.Get(n, "RequestTemplates"); v != nil {
		in.RequestTemplates = t.strMap(tb, "requestTemplates", v, ptr+"/RequestTemplates")
	}
	if in.ConnectionType == "" && (in.Type == "HTTP" || in.Type == "HTTP_PROXY") {
		in.ConnectionType = "INTERNET"
	}
	if in.Type == "MOCK" {
		in.HTTPMethod = ""
		delete(*tb, "httpMethod")
	}
	for i, r := range source.Items(source.Get(n, "IntegrationResponses")) {
		rptr := source.PointerIndex(ptr+"/IntegrationResponses", i)
		ir := &apimodel.IntegrationResponse{StatusCode: source.Scalar(source.Get(r, "StatusCode")),
			SelectionPattern: source.Scalar(source.Get(r, "SelectionPattern")), ContentHandling: strings.ToUpper(source.Scalar(source.Get(r, "ContentHandling")))}
		if v := source.Get(r, "ResponseParameters"); v != nil {
			ir.ResponseParameters = t.strMap(&ir.Intrinsics, "responseParameters", v, rptr+"/ResponseParameters")
		}
		if v := source.Get(r, "ResponseTemplates"); v != nil {
			ir.ResponseTemplates = t.strMap(&ir.Intrinsics, "responseTemplates", v, rptr+"/ResponseTemplates")
		}
		if in.IntegrationResponses == nil {
			in.IntegrationResponses = map[string]*apimodel.IntegrationResponse{}
		}
		in.IntegrationResponses[ir.StatusCode] = ir
	}
	return in
}

// restStages reads the stages of a REST API: AWS::ApiGateway::Stage, and
// AWS::ApiGateway::Deployment with a StageName.
func (a *resAPI) restStages(out *apimodel.RestDump) {
	add := func(id string, props *yaml.Node, ptr string) {
		st := &apimodel.RestStage{}
		t := &tpl{im: a.im, props: props, ptr: ptr}
		st.StageName, _ = t.str(&st.Intrinsics, "stageName", source.Get(props, "StageName"), ptr+"/StageName")
		out.Stages = slices.DeleteFunc(out.Stages, func(s *apimodel.RestStage) bool { return s.StageName == st.StageName })
		out.Stages = append(out.Stages, st)
		source.Pairs(props, func(k string, v *yaml.Node) {
			p := source.Pointer(ptr, k)
			switch k {
			case "Description":
				st.Description, _ = t.str(&st.Intrinsics, "description", v, p)
			case "Variables":
				st.Variables = t.strMap(&st.Intrinsics, "variables", v, p)
			case "TracingEnabled":
				st.TracingEnabled = t.boolean(v, p)
			case "CacheClusterEnabled":
				st.CacheClusterEnabled = t.boolean(v, p)
			case "CacheClusterSize":
				st.CacheClusterSize, _ = t.str(&st.Intrinsics, "cacheClusterSize", v, p)
			case "MethodSettings":
				t.methodSettings(st, v, p)
			case "AccessLogSetting":
				s := &apimodel.RestAccessLogSettings{}
				s.DestinationArn, _ = t.str(&st.Intrinsics, "accessLogSettings/destinationArn", source.Get(v, "DestinationArn"), p+"/DestinationArn")
				s.Format, _ = t.str(&st.Intrinsics, "accessLogSettings/format", source.Get(v, "Format"), p+"/Format")
				st.AccessLogSettings = s
			case "Tags":
				st.Tags = t.tags(&st.Intrinsics, "tags", v, p)
			}
		})
	}
	for _, id := range a.ofType("AWS::ApiGateway::Stage", "RestApiId", a.id) {
		props, ptr := a.props(id)
		add(id, props, ptr)
	}
	for _, id := range a.ofType("AWS::ApiGateway::Deployment", "RestApiId", a.id) {
		props, ptr := a.props(id)
		if source.Get(props, "StageName") == nil {
			continue
		}
		sp := source.Get(props, "StageDescription")
		merged := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap}
		if sp != nil {
			merged.Content = append(merged.Content, source.Resolve(sp).Content...)
		}
		k, v := source.Entry(props, "StageName")
		merged.Content = append(merged.Content, k, v)
		add(id, merged, ptr+"/StageDescription")
	}
}

// resourceAPIs reads the APIs a template writes as resources, each as a
// document exported from its model.
func (l *loader) resourceAPIs(tree, root *yaml.Node, format source.Format) []*Document {
	r := newResReader(l.File, tree, root)
	docs := r.apis(format)
	l.Append(r.Diags...)
	return docs
}

// apis reads each API the template writes as resources.
func (r *resReader) apis(format source.Format) []*Document {
	var docs []*Document
	for _, id := range r.ids {
		typ := r.typ(id)
		props, _ := r.props(id)
		var a *resAPI
		switch {
		case typ == "AWS::ApiGateway::RestApi" && source.Get(props, "Body") == nil && source.Get(props, "BodyS3Location") == nil:
			a = r.newAPI(id)
			a.rest()
		case typ == "AWS::ApiGatewayV2::Api" && source.Get(props, "Body") == nil && source.Get(props, "BodyS3Location") == nil:
			a = r.newAPI(id)
			a.v2()
		case typ == "AWS::Serverless::Api" && source.Get(props, "DefinitionBody") == nil && source.Get(props, "DefinitionUri") == nil:
			a = r.newAPI(id)
			a.samRest()
		case typ == "AWS::Serverless::HttpApi" && source.Get(props, "DefinitionBody") == nil && source.Get(props, "DefinitionUri") == nil:
			a = r.newAPI(id)
			a.samHTTP()
		default:
			continue
		}
		docs = append(docs, a.document(format))
	}
	for _, implicit := range []struct {
		id, typ string
		read    func(*resAPI)
	}{{"ServerlessRestApi", "AWS::Serverless::Api", (*resAPI).samRest}, {"ServerlessHttpApi", "AWS::Serverless::HttpApi", (*resAPI).samHTTP}} {
		if r.byID[implicit.id] != nil || len(r.samEvents(implicit.id)) == 0 {
			continue
		}
		a := r.newAPI(implicit.id)
		a.im.doc.ResourceType = implicit.typ
		implicit.read(a)
		docs = append(docs, a.document(format))
	}
	return docs
}

// document exports the API to an in-memory OpenAPI document whose nodes
// carry the positions of the resources they come from.
func (a *resAPI) document(format source.Format) *Document {
	a.Append(a.im.Diags...)
	root, _ := Export(a.out, ExportOptions{To: OpenAPI30, Extensions: []string{"apigateway"}, Documentation: true})
	if v := source.Get(source.Get(root, "info"), "version"); v != nil && v.Value == "" {
		// The resources give no version (CloudFormation's API resources
		// have none); the document needs one.
		v.Value = "1.0"
	}
	a.stamp(root)
	kind := extensions.KindREST
	if a.out.V2 != nil {
		kind = extensions.KindHTTP
	}
	rt := a.im.doc.ResourceType
	return &Document{File: a.file, Format: format, Kind: OpenAPI30, Version: "3.0.1", Root: root, Tree: a.tree,
		Pointer: source.JoinPointer("/Resources", a.id), Resource: a.id, ResourceType: rt, API: kind,
		APIFrom: "the resource type " + rt, Model: a.out}
}

// stamp gives the export's nodes the positions of the template nodes they
// come from: the API resource for the whole document, each method's (or
// route's) resource for its operation, each model's for its schema, each
// authorizer's for its security scheme.
func (a *resAPI) stamp(root *yaml.Node) {
	at := func(n *yaml.Node, from *yaml.Node) {
		if n != nil && from != nil {
			setPositions(n, from.Line, from.Column, true)
		}
	}
	if r := a.out.REST; r != nil {
		for _, res := range r.Resources {
			for verb, m := range res.ResourceMethods {
				key := strings.ToLower(verb)
				if verb == "ANY" {
					key = extensions.ExtAnyMethod
				}
				op := source.Get(source.Get(source.Get(root, "paths"), res.Path), key)
				if in := a.pos[m.MethodIntegration]; in != nil {
					at(source.Get(op, extensions.ExtIntegration), in)
				}
				at(op, a.pos[m])
				at(source.Get(source.Get(root, "paths"), res.Path), a.pos[res])
			}
		}
		for _, m := range r.Models {
			at(source.Get(source.Get(source.Get(root, "components"), "schemas"), m.Name), a.pos[m])
		}
		for _, au := range r.Authorizers {
			at(source.Get(source.Get(source.Get(root, "components"), "securitySchemes"), au.Name), a.pos[au])
		}
	}
	if v := a.out.V2; v != nil {
		for _, rt := range v.Routes {
			method, path, _ := strings.Cut(rt.RouteKey, " ")
			key := strings.ToLower(method)
			if rt.RouteKey == "$default" {
				path, key = "/$default", extensions.ExtAnyMethod
			} else if method == "ANY" {
				key = extensions.ExtAnyMethod
			}
			at(source.Get(source.Get(source.Get(root, "paths"), path), key), a.pos[rt])
		}
	}
	anchor := a.byID[a.id]
	if anchor == nil {
		// An implicit API: its first event.
		for _, n := range a.pos {
			if n != nil && n.Line > 0 && (anchor == nil || n.Line < anchor.Line) {
				anchor = n
			}
		}
	}
	if anchor != nil {
		setPositions(root, anchor.Line, anchor.Column, false)
	}
}

// setPositions gives n and its descendants without a position (line 0)
// line and column; with force, n's own subtree is given them even where
// set, except where a nested item was stamped already.
func setPositions(n *yaml.Node, line, col int, force bool) {
	if n == nil {
		return
	}
	if n.Line == 0 || force {
		n.Line, n.Column = line, col
	}
	for _, c := range n.Content {
		if c.Line == 0 {
			setPositions(c, line, col, false)
		}
	}
}
