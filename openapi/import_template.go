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

// The properties of the template resource that holds a definition
// (AWS::Serverless::Api, AWS::Serverless::HttpApi, AWS::ApiGateway::RestApi,
// AWS::ApiGatewayV2::Api) change the API too: its name, endpoint, binary
// media types, policy and tags, and, for SAM, its stage, authorizers, CORS
// and gateway responses. Import applies them after the definition, as
// CloudFormation (and SAM's transform) does; a property the model has no
// place for is named in a warning (APIGW590).

// tpl reads the properties of the template resource.
type tpl struct {
	im *importer
	// props is the Properties mapping; ptr its pointer in the file.
	props *yaml.Node
	ptr   string
	sam   bool
}

// template returns the reader of the properties of the resource that
// holds the document, nil for a whole file.
func (im *importer) template() *tpl {
	if im.doc.Resource == "" || im.doc.Tree == nil {
		return nil
	}
	ptr := source.JoinPointer("/Resources", im.doc.Resource, "Properties")
	props := source.Resolve(source.NodeAt(source.Resolve(im.doc.Tree), ptr))
	if props == nil || props.Kind != yaml.MappingNode {
		return nil
	}
	return &tpl{im: im, props: props, ptr: ptr, sam: strings.HasPrefix(im.doc.ResourceType, "AWS::Serverless::")}
}

// name returns the API's name the template gives, "" when none; import
// derives the API's id from it, as from the name a document gives.
func (t *tpl) name() string {
	if t == nil {
		return ""
	}
	n := source.Get(t.props, "Name")
	if x := apimodel.NewIntrinsic(n); x != nil {
		return x.String()
	}
	return source.Scalar(n)
}

// importOptions takes import's options from the template where the
// caller gave none: RestApi's Parameters (basepath,
// endpointConfigurationTypes) and Api's BasePath, as CloudFormation passes
// them to the import.
func (t *tpl) importOptions(opts *ImportOptions) {
	if opts.BasePath == "" {
		opts.BasePath = BasePathMode(strings.ToLower(source.Scalar(cmpNode(source.Get(source.Get(t.props, "Parameters"), "basepath"), source.Get(t.props, "BasePath")))))
	}
	if opts.EndpointType == "" {
		opts.EndpointType = source.Scalar(source.Get(source.Get(t.props, "Parameters"), "endpointConfigurationTypes"))
	}
}

func cmpNode(a, b *yaml.Node) *yaml.Node {
	if a != nil {
		return a
	}
	return b
}

// each calls fn for each property in the order of keys, then warns about
// the properties neither keys nor skip name.
func (t *tpl) each(keys []string, skip map[string]string, fn func(key string, v *yaml.Node, ptr string)) {
	for _, k := range keys {
		if kn, v := source.Entry(t.props, k); kn != nil {
			fn(k, v, source.Pointer(t.ptr, k))
		}
	}
	for i := 0; i+1 < len(t.props.Content); i += 2 {
		k := t.props.Content[i]
		if slices.Contains(keys, k.Value) {
			continue
		}
		why, known := skip[k.Value]
		if known && why == "" {
			continue
		}
		if !known {
			why = "the API model has no place for it"
		}
		t.warn(diag.TemplateProperty, k, source.Pointer(t.ptr, k.Value), "%s's property %s is not carried into the API model: %s", t.im.doc.ResourceType, k.Value, why)
	}
}

// warn records a finding at an absolute pointer of the file.
func (t *tpl) warn(code diag.Code, n *yaml.Node, ptr, format string, args ...any) {
	base := t.im.Base
	t.im.Base = ""
	t.im.Add(code, n, ptr, format, args...)
	t.im.Base = base
}

// str reads a string property: literal text, or an intrinsic function
// kept in tbl at path.
func (t *tpl) str(tbl *apimodel.Intrinsics, path string, n *yaml.Node, ptr string) (string, bool) {
	if x := apimodel.NewIntrinsic(n); x != nil {
		if len(t.im.inputs) > 0 {
			x.Node = restoreInputs(x.Node, t.im.inputs)
		}
		x.File, x.Pointer = t.im.doc.File, ptr
		tbl.Set(path, x)
		return x.String(), true
	}
	if r := source.Resolve(n); r != nil && r.Kind == yaml.ScalarNode && source.ScalarTag(r) != source.TagNull {
		return r.Value, true
	}
	if n == nil {
		t.warn(diag.TemplateValue, t.props, ptr, "%s is missing; it is left out", ptr)
		return "", false
	}
	t.warn(diag.TemplateValue, n, ptr, "%s must be a string here, not %s; it is left out", ptr, describeNode(n))
	return "", false
}

// strs reads a list of strings into tbl at path.
func (t *tpl) strs(tbl *apimodel.Intrinsics, path string, n *yaml.Node, ptr string) []string {
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.SequenceNode {
		if s, ok := t.str(tbl, path+"/0", n, ptr); ok {
			return []string{s}
		}
		return nil
	}
	var out []string
	for i, e := range r.Content {
		if s, ok := t.str(tbl, path+"/"+strconv.Itoa(len(out)), e, source.PointerIndex(ptr, i)); ok {
			out = append(out, s)
		}
	}
	return out
}

// strMap reads an object of strings into tbl at path.
func (t *tpl) strMap(tbl *apimodel.Intrinsics, path string, n *yaml.Node, ptr string) map[string]string {
	out := map[string]string{}
	source.Pairs(n, func(k string, v *yaml.Node) {
		if s, ok := t.str(tbl, apimodel.Path(path, k), v, source.Pointer(ptr, k)); ok {
			out[k] = s
		}
	})
	return out
}

// boolean reads a literal boolean; nil (with a warning) otherwise.
func (t *tpl) boolean(n *yaml.Node, ptr string) *bool {
	r := source.Resolve(n)
	if r != nil && r.Kind == yaml.ScalarNode && source.IntrinsicName(n) == "" {
		switch strings.ToLower(r.Value) {
		case "true":
			return boolPtr(true)
		case "false":
			return boolPtr(false)
		}
	}
	t.warn(diag.TemplateValue, n, ptr, "%s must be true or false, not %s; it is left out", ptr, describeNode(n))
	return nil
}

// integer reads a literal integer; nil (with a warning) otherwise.
func (t *tpl) integer(n *yaml.Node, ptr string) *int {
	r := source.Resolve(n)
	if r != nil && r.Kind == yaml.ScalarNode && source.IntrinsicName(n) == "" {
		if i, err := strconv.Atoi(strings.TrimSpace(r.Value)); err == nil {
			return &i
		}
	}
	t.warn(diag.TemplateValue, n, ptr, "%s must be an integer, not %s; it is left out", ptr, describeNode(n))
	return nil
}

// number reads a literal number; nil (with a warning) otherwise.
func (t *tpl) number(n *yaml.Node, ptr string) *float64 {
	r := source.Resolve(n)
	if r != nil && r.Kind == yaml.ScalarNode && source.IntrinsicName(n) == "" {
		if f, err := strconv.ParseFloat(strings.TrimSpace(r.Value), 64); err == nil {
			return &f
		}
	}
	t.warn(diag.TemplateValue, n, ptr, "%s must be a number, not %s; it is left out", ptr, describeNode(n))
	return nil
}

// tags reads tags written as an object (SAM, apigatewayv2) or as a list
// of Key and Value (AWS::ApiGateway::RestApi).
func (t *tpl) tags(tbl *apimodel.Intrinsics, path string, n *yaml.Node, ptr string) map[string]string {
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.SequenceNode {
		return t.strMap(tbl, path, n, ptr)
	}
	out := map[string]string{}
	for i, e := range r.Content {
		k := source.Scalar(source.Get(e, "Key"))
		if v, ok := t.str(tbl, apimodel.Path(path, k), source.Get(e, "Value"), source.PointerIndex(ptr, i)+"/Value"); ok && k != "" {
			out[k] = v
		}
	}
	return out
}

// samNotCarried are SAM and CloudFormation properties the model has no
// place for, with the reason; "" skips a property read elsewhere.
var samNotCarried = map[string]string{
	"Body": "", "DefinitionBody": "", "BodyS3Location": "", "DefinitionUri": "", "Parameters": "", "BasePath": "",
	"OpenApiVersion": "", "AlwaysDeploy": "", "ProtocolType": "",
	"Domain":           "a custom domain is its own resource (AWS::ApiGateway::DomainName); configure it beside the API",
	"FailOnWarnings":   "it decides whether CloudFormation's import fails on warnings; apigw reports them either way",
	"Mode":             "it is PutRestApi's mode when CloudFormation updates the API (apigw import takes it as --mode)",
	"CloneFrom":        "the API it clones is not in the template",
	"MergeDefinitions": "SAM's merge of its generated definition into DefinitionBody is not reproduced",
	"PropagateTags":    "it tags the resources SAM generates; the API's own Tags are carried",
	"CredentialsArn":   "it belongs to an API created by quick create (Target), not one with a definition",
	"RouteKey":         "it belongs to an API created by quick create (Target), not one with a definition",
	"Target":           "it belongs to an API created by quick create, not one with a definition",
}

// restTemplate applies the properties of the template resource to a REST API.
func (t *tpl) restTemplate(out *apimodel.RestDump) {
	api := out.RestAPI
	at := &api.Intrinsics
	var stage *apimodel.RestStage
	stageOf := func() *apimodel.RestStage {
		if stage == nil {
			stage = &apimodel.RestStage{}
			out.Stages = append(out.Stages, stage)
		}
		return stage
	}
	keys := []string{"Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "ApiKeySourceType", "DisableExecuteApiEndpoint",
		"EndpointConfiguration", "Policy", "Tags", "Models", "GatewayResponses", "Cors", "Auth",
		"StageName", "Variables", "MethodSettings", "AccessLogSetting", "CacheClusterEnabled", "CacheClusterSize", "TracingEnabled", "CanarySetting"}
	t.each(keys, samNotCarried, func(key string, v *yaml.Node, ptr string) {
		switch key {
		case "Name":
			if s, ok := t.str(at, "name", v, ptr); ok {
				api.Name = s
			}
		case "Description":
			if s, ok := t.str(at, "description", v, ptr); ok {
				api.Description = s
			}
		case "BinaryMediaTypes":
			// Joined to the definition's, after them.
			read := apimodel.Intrinsics{}
			for i, m := range t.strs(&read, "x", v, ptr) {
				x := read.At("x/" + strconv.Itoa(i))
				if x == nil && t.sam {
					// SAM writes "/" as "~1" in binary media types.
					m = strings.ReplaceAll(m, "~1", "/")
				}
				if x == nil && slices.Contains(api.BinaryMediaTypes, m) {
					continue
				}
				at.Set("binaryMediaTypes/"+strconv.Itoa(len(api.BinaryMediaTypes)), x)
				api.BinaryMediaTypes = append(api.BinaryMediaTypes, m)
			}
		case "MinimumCompressionSize":
			api.MinimumCompressionSize = cmp.Or(t.integer(v, ptr), api.MinimumCompressionSize)
		case "ApiKeySourceType":
			if s, ok := t.str(at, "apiKeySource", v, ptr); ok {
				api.APIKeySource = s
			}
		case "DisableExecuteApiEndpoint":
			if b := t.boolean(v, ptr); b != nil {
				api.DisableExecuteAPIEndpoint = b
			}
		case "EndpointConfiguration":
			t.endpoint(api, v, ptr)
		case "Policy":
			switch {
			case source.Resolve(v).Kind != yaml.ScalarNode:
				api.Policy = apimodel.JSONText(compactJSON(v, nil))
			case source.IntrinsicName(v) != "":
				s, _ := t.str(at, "policy", v, ptr)
				api.Policy = apimodel.JSONText(s)
			default:
				api.Policy = apimodel.JSONText(source.Scalar(v))
			}
		case "Tags":
			api.Tags = t.tags(at, "tags", v, ptr)
		case "Models":
			t.models(out, v, ptr)
		case "GatewayResponses":
			t.gatewayResponses(out, v, ptr)
		case "Cors":
			t.cors(out, v, ptr)
		case "Auth":
			t.auth(out, v, ptr)
		case "StageName":
			st := stageOf()
			st.StageName, _ = t.str(&st.Intrinsics, "stageName", v, ptr)
		case "Variables":
			st := stageOf()
			st.Variables = t.strMap(&st.Intrinsics, "variables", v, ptr)
		case "MethodSettings":
			t.methodSettings(stageOf(), v, ptr)
		case "AccessLogSetting":
			st := stageOf()
			a := &apimodel.RestAccessLogSettings{}
			a.DestinationArn, _ = t.str(&st.Intrinsics, "accessLogSettings/destinationArn", source.Get(v, "DestinationArn"), ptr+"/DestinationArn")
			a.Format, _ = t.str(&st.Intrinsics, "accessLogSettings/format", source.Get(v, "Format"), ptr+"/Format")
			st.AccessLogSettings = a
		case "CacheClusterEnabled":
			stageOf().CacheClusterEnabled = t.boolean(v, ptr)
		case "CacheClusterSize":
			st := stageOf()
			st.CacheClusterSize, _ = t.str(&st.Intrinsics, "cacheClusterSize", v, ptr)
		case "TracingEnabled":
			stageOf().TracingEnabled = t.boolean(v, ptr)
		case "CanarySetting":
			st := stageOf()
			c := &apimodel.CanarySettings{}
			if p := source.Get(v, "PercentTraffic"); p != nil {
				c.PercentTraffic = t.number(p, ptr+"/PercentTraffic")
			}
			if u := source.Get(v, "UseStageCache"); u != nil {
				c.UseStageCache = t.boolean(u, ptr+"/UseStageCache")
			}
			if o := source.Get(v, "StageVariableOverrides"); o != nil {
				c.StageVariableOverrides = t.strMap(&st.Intrinsics, "canarySettings/stageVariableOverrides", o, ptr+"/StageVariableOverrides")
			}
			st.CanarySettings = c
		}
	})
}

// endpoint reads EndpointConfiguration: SAM's string or {Type,
// VPCEndpointIds}, CloudFormation's {Types, VpcEndpointIds, IpAddressType}.
func (t *tpl) endpoint(api *apimodel.RestAPI, v *yaml.Node, ptr string) {
	ec := api.EndpointConfiguration
	if ec == nil {
		ec = &apimodel.EndpointConfiguration{}
		api.EndpointConfiguration = ec
	}
	at := &api.Intrinsics
	typ := v
	if r := source.Resolve(v); r.Kind == yaml.MappingNode && source.IntrinsicName(v) == "" {
		typ = cmpNode(source.Get(v, "Type"), source.Get(v, "Types"))
		if ids := cmpNode(source.Get(v, "VPCEndpointIds"), source.Get(v, "VpcEndpointIds")); ids != nil {
			ec.VpcEndpointIDs = t.strs(at, "endpointConfiguration/vpcEndpointIds", ids, ptr+"/VpcEndpointIds")
		}
		if ip := source.Get(v, "IpAddressType"); ip != nil {
			ec.IPAddressType, _ = t.str(at, "endpointConfiguration/ipAddressType", ip, ptr+"/IpAddressType")
		}
	}
	if typ != nil {
		for k := range *at {
			if strings.HasPrefix(k, "endpointConfiguration/types/") {
				delete(*at, k)
			}
		}
		ec.Types = t.strs(at, "endpointConfiguration/types", typ, ptr)
		for i, s := range ec.Types {
			if at.At("endpointConfiguration/types/"+strconv.Itoa(i)) == nil {
				ec.Types[i] = strings.ToUpper(s)
			}
		}
	}
}

// models adds SAM's Models: {Name: schema}.
func (t *tpl) models(out *apimodel.RestDump, v *yaml.Node, ptr string) {
	source.Pairs(v, func(name string, schema *yaml.Node) {
		out.Models = slices.DeleteFunc(out.Models, func(m *apimodel.Model) bool { return m.Name == name })
		out.Models = append(out.Models, &apimodel.Model{ID: apimodel.StableID("model", t.im.apiID+"/"+name), Name: name,
			ContentType: "application/json", Schema: apimodel.JSONText(compactJSON(schema, nil))})
	})
}

// gatewayResponses reads SAM's GatewayResponses: {TYPE: {StatusCode,
// ResponseParameters: {Headers, Paths, QueryStrings}, ResponseTemplates}}.
func (t *tpl) gatewayResponses(out *apimodel.RestDump, v *yaml.Node, ptr string) {
	source.Pairs(v, func(typ string, r *yaml.Node) {
		rptr := source.Pointer(ptr, typ)
		gr := &apimodel.GatewayResponse{ResponseType: typ, DefaultResponse: boolPtr(false), ResponseParameters: map[string]string{}}
		if sc := source.Get(r, "StatusCode"); sc != nil {
			gr.StatusCode, _ = t.str(&gr.Intrinsics, "statusCode", sc, rptr+"/StatusCode")
		}
		gr.StatusCode = cmp.Or(gr.StatusCode, gatewayStatus[typ])
		params := source.Get(r, "ResponseParameters")
		for _, where := range []struct{ key, prefix string }{{"Headers", "header"}, {"Paths", "path"}, {"QueryStrings", "querystring"}} {
			source.Pairs(source.Get(params, where.key), func(name string, val *yaml.Node) {
				key := "gatewayresponse." + where.prefix + "." + name
				if s, ok := t.str(&gr.Intrinsics, apimodel.Path("responseParameters", key), val, rptr+"/ResponseParameters/"+where.key+"/"+source.EscapeToken(name)); ok {
					gr.ResponseParameters[key] = s
				}
			})
		}
		if rt := source.Get(r, "ResponseTemplates"); rt != nil {
			gr.ResponseTemplates = t.strMap(&gr.Intrinsics, "responseTemplates", rt, rptr+"/ResponseTemplates")
		}
		out.GatewayResponses = slices.DeleteFunc(out.GatewayResponses, func(g *apimodel.GatewayResponse) bool { return g.ResponseType == typ })
		out.GatewayResponses = append(out.GatewayResponses, gr)
	})
}

// corsTemplate is the request template of SAM's CORS preflight methods.
const corsTemplate = "{\n  \"statusCode\" : 200\n}\n"

// cors adds SAM's CORS preflight: an OPTIONS method on every resource with
// methods, a mock integration answering 200 with the Access-Control-Allow-*
// headers.
func (t *tpl) cors(out *apimodel.RestDump, v *yaml.Node, ptr string) {
	headers := map[string]*yaml.Node{}
	if r := source.Resolve(v); r.Kind == yaml.MappingNode && source.IntrinsicName(v) == "" {
		for k, h := range map[string]string{"AllowOrigin": "Origin", "AllowHeaders": "Headers", "AllowMethods": "Methods",
			"MaxAge": "Max-Age", "AllowCredentials": "Credentials"} {
			if n := source.Get(v, k); n != nil {
				headers[h] = n
			}
		}
	} else {
		headers["Origin"] = v
	}
	if headers["Origin"] == nil {
		t.warn(diag.TemplateValue, v, ptr, "Cors needs AllowOrigin; it is left out")
		return
	}
	for _, res := range out.Resources {
		if len(res.ResourceMethods) == 0 || res.ResourceMethods["OPTIONS"] != nil {
			continue
		}
		methods := []string{"OPTIONS"}
		for m := range res.ResourceMethods {
			if m == "ANY" {
				methods = append(methods, "DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")
			} else {
				methods = append(methods, m)
			}
		}
		slices.Sort(methods)
		methods = slices.Compact(methods)
		ir := &apimodel.IntegrationResponse{StatusCode: "200", ResponseParameters: map[string]string{},
			ResponseTemplates: map[string]string{"application/json": "{}\n"}}
		mr := &apimodel.MethodResponse{StatusCode: "200", ResponseParameters: map[string]bool{}}
		for _, h := range []string{"Credentials", "Headers", "Max-Age", "Methods", "Origin"} {
			key := "method.response.header.Access-Control-Allow-" + h
			if h == "Max-Age" {
				key = "method.response.header.Access-Control-Max-Age"
			}
			n := headers[h]
			switch {
			case n == nil && h == "Methods":
				ir.ResponseParameters[key] = "'" + strings.Join(methods, ",") + "'"
			case n == nil:
				continue
			case h == "Credentials":
				if b := source.IsTrue(n); b {
					ir.ResponseParameters[key] = "'true'"
				} else {
					continue
				}
			case h == "Max-Age":
				ir.ResponseParameters[key] = "'" + source.Scalar(n) + "'"
			default:
				v, _ := t.str(&ir.Intrinsics, apimodel.Path("responseParameters", key), n, ptr)
				if ir.Intrinsics.At(apimodel.Path("responseParameters", key)) == nil && (len(v) < 2 || v[0] != '\'' || v[len(v)-1] != '\'') {
					t.warn(diag.TemplateValue, n, ptr, "Cors value %q is not a static value in single quotes, which API Gateway requires of a header mapping; write \"'%s'\" (the header is left out)", v, v)
					continue
				}
				ir.ResponseParameters[key] = v
			}
			mr.ResponseParameters[key] = false
			mr.ParameterOrder = append(mr.ParameterOrder, key)
		}
		m := &apimodel.Method{HTTPMethod: "OPTIONS", AuthorizationType: "NONE", APIKeyRequired: boolPtr(false),
			MethodResponses: map[string]*apimodel.MethodResponse{"200": mr},
			MethodIntegration: &apimodel.Integration{Type: "MOCK", PassthroughBehavior: "WHEN_NO_MATCH", TimeoutInMillis: intPtr(defaultTimeout),
				CacheNamespace: res.ID, CacheKeyParameters: []string{}, RequestTemplates: map[string]string{"application/json": corsTemplate},
				IntegrationResponses: map[string]*apimodel.IntegrationResponse{"200": ir}}}
		// As import does for a method written in the definition.
		for _, name := range pathParams(res.Path) {
			setParam(m, "method.request.path."+name, true)
		}
		res.ResourceMethods["OPTIONS"] = m
	}
}

// methodSettings reads MethodSettings: [{ResourcePath, HttpMethod, …}].
func (t *tpl) methodSettings(st *apimodel.RestStage, v *yaml.Node, ptr string) {
	for i, e := range source.Items(v) {
		eptr := source.PointerIndex(ptr, i)
		path := cmp.Or(source.Scalar(source.Get(e, "ResourcePath")), "/*")
		key := strings.TrimPrefix(path, "/") + "/" + cmp.Or(source.Scalar(source.Get(e, "HttpMethod")), "*")
		ms := &apimodel.MethodSetting{}
		source.Pairs(e, func(k string, n *yaml.Node) {
			p := source.Pointer(eptr, k)
			switch k {
			case "LoggingLevel":
				ms.LoggingLevel = source.Scalar(n)
			case "MetricsEnabled":
				ms.MetricsEnabled = t.boolean(n, p)
			case "DataTraceEnabled":
				ms.DataTraceEnabled = t.boolean(n, p)
			case "CachingEnabled":
				ms.CachingEnabled = t.boolean(n, p)
			case "CacheDataEncrypted":
				ms.CacheDataEncrypted = t.boolean(n, p)
			case "CacheTtlInSeconds":
				ms.CacheTTLInSeconds = t.integer(n, p)
			case "ThrottlingBurstLimit":
				ms.ThrottlingBurstLimit = t.integer(n, p)
			case "ThrottlingRateLimit":
				ms.ThrottlingRateLimit = t.number(n, p)
			}
		})
		if st.MethodSettings == nil {
			st.MethodSettings = map[string]*apimodel.MethodSetting{}
		}
		st.MethodSettings[key] = ms
	}
}

// lambdaURI is the authorizer uri SAM writes for a function.
const lambdaURI = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations"

// authorizerURI returns SAM's authorizer uri for the function fn (an
// intrinsic function or an ARN), as an intrinsic function.
func (t *tpl) authorizerURI(fn *yaml.Node, ptr string) *apimodel.Intrinsic {
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: s} }
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: fn.Line, Column: fn.Column, Content: []*yaml.Node{str("Fn::Sub"),
		{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{str(lambdaURI),
			{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{str("__FunctionArn__"), apimodel.LongForm(fn)}}}}}}
	x := apimodel.NewIntrinsic(n)
	x.File, x.Pointer = t.im.doc.File, ptr
	return x
}

// auth reads SAM's Auth of a REST API: Authorizers, DefaultAuthorizer,
// ApiKeyRequired.
func (t *tpl) auth(out *apimodel.RestDump, v *yaml.Node, ptr string) {
	byName := map[string]*apimodel.Authorizer{}
	scopes := map[string][]string{}
	source.Pairs(source.Get(v, "Authorizers"), func(name string, a *yaml.Node) {
		aptr := ptr + "/Authorizers/" + source.EscapeToken(name)
		au := &apimodel.Authorizer{ID: apimodel.StableID("authorizer", t.im.apiID+"/"+name), Name: name}
		identity := source.Get(a, "Identity")
		header := cmp.Or(source.Scalar(source.Get(identity, "Header")), "Authorization")
		if pools := source.Get(a, "UserPoolArn"); pools != nil {
			au.Type, au.AuthType = "COGNITO_USER_POOLS", "cognito_user_pools"
			au.ProviderARNs = t.strs(&au.Intrinsics, "providerARNs", pools, aptr+"/UserPoolArn")
			au.IdentitySource = "method.request.header." + header
			au.AuthorizerResultTTLInSeconds = intPtr(defaultAuthorizerTTL)
		} else if fn := source.Get(a, "FunctionArn"); fn != nil {
			au.Type, au.AuthType = cmp.Or(strings.ToUpper(source.Scalar(source.Get(a, "FunctionPayloadType"))), "TOKEN"), "custom"
			au.Intrinsics.Set("authorizerUri", t.authorizerURI(fn, aptr+"/FunctionArn"))
			au.AuthorizerURI = au.Intrinsics.At("authorizerUri").String()
			if role := source.Get(a, "FunctionInvokeRole"); role != nil {
				au.AuthorizerCredentials, _ = t.str(&au.Intrinsics, "authorizerCredentials", role, aptr+"/FunctionInvokeRole")
			}
			if au.Type == "TOKEN" {
				au.IdentitySource = "method.request.header." + header
			} else {
				var sources []string
				for _, s := range []struct{ key, prefix string }{{"Headers", "method.request.header."}, {"QueryStrings", "method.request.querystring."},
					{"StageVariables", "stageVariables."}, {"Context", "context."}} {
					for _, e := range source.Items(source.Get(identity, s.key)) {
						sources = append(sources, s.prefix+source.Scalar(e))
					}
				}
				au.IdentitySource = strings.Join(sources, ", ")
			}
		} else {
			t.warn(diag.TemplateValue, a, aptr, "authorizer %s has neither UserPoolArn nor FunctionArn; it is left out", name)
			return
		}
		if ve := source.Get(identity, "ValidationExpression"); ve != nil {
			au.IdentityValidationExpression, _ = t.str(&au.Intrinsics, "identityValidationExpression", ve, aptr+"/Identity/ValidationExpression")
		}
		if ttl := source.Get(identity, "ReauthorizeEvery"); ttl != nil {
			au.AuthorizerResultTTLInSeconds = t.integer(ttl, aptr+"/Identity/ReauthorizeEvery")
		}
		for _, s := range source.Items(source.Get(a, "AuthorizationScopes")) {
			scopes[name] = append(scopes[name], source.Scalar(s))
		}
		out.Authorizers = slices.DeleteFunc(out.Authorizers, func(x *apimodel.Authorizer) bool { return x.Name == name })
		out.Authorizers = append(out.Authorizers, au)
		byName[name] = au
	})
	def := source.Scalar(source.Get(v, "DefaultAuthorizer"))
	preflight := source.Get(v, "AddDefaultAuthorizerToCorsPreflight") == nil || source.IsTrue(source.Get(v, "AddDefaultAuthorizerToCorsPreflight"))
	apiKey := source.IsTrue(source.Get(v, "ApiKeyRequired"))
	keyPreflight := source.Get(v, "AddApiKeyRequiredToCorsPreflight") == nil || source.IsTrue(source.Get(v, "AddApiKeyRequiredToCorsPreflight"))
	for _, res := range out.Resources {
		for verb, m := range res.ResourceMethods {
			cors := verb == "OPTIONS"
			if apiKey && (!cors || keyPreflight) {
				m.APIKeyRequired = boolPtr(true)
			}
			if def == "" || m.AuthorizationType != "NONE" || cors && !preflight {
				continue
			}
			switch a := byName[def]; {
			case def == "AWS_IAM":
				m.AuthorizationType = "AWS_IAM"
			case a != nil:
				m.AuthorizationType, m.AuthorizerID = "CUSTOM", a.ID
				if a.Type == "COGNITO_USER_POOLS" {
					m.AuthorizationType = "COGNITO_USER_POOLS"
					m.AuthorizationScopes = scopes[def]
				}
			}
		}
	}
	for k, why := range map[string]string{"UsagePlan": "a usage plan is its own resource (AWS::ApiGateway::UsagePlan); configure it beside the API",
		"ResourcePolicy": "SAM builds the API's policy from it; write the policy in the definition (x-amazon-apigateway-policy) or as RestApi's Policy",
		"InvokeRole":     "it sets the credentials of every integration SAM generates"} {
		if kn, _ := source.Entry(v, k); kn != nil {
			t.warn(diag.TemplateProperty, kn, ptr+"/"+k, "Auth.%s is not carried into the API model: %s", k, why)
		}
	}
}

// v2Template applies the properties of the template resource to an HTTP API.
func (t *tpl) v2Template(out *apimodel.V2Dump) {
	api := out.API
	at := &api.Intrinsics
	var stage *apimodel.Stage
	stageOf := func() *apimodel.Stage {
		if stage == nil {
			stage = &apimodel.Stage{}
			if t.sam {
				stage.StageName, stage.AutoDeploy = "$default", boolPtr(true)
			}
			out.Stages = append(out.Stages, stage)
		}
		return stage
	}
	if t.sam {
		stageOf()
	}
	keys := []string{"Name", "Description", "Version", "DisableExecuteApiEndpoint", "DisableSchemaValidation", "IpAddressType",
		"ApiKeySelectionExpression", "RouteSelectionExpression", "Tags", "CorsConfiguration", "Auth",
		"StageName", "StageVariables", "AccessLogSettings", "AccessLogSetting", "DefaultRouteSettings", "RouteSettings"}
	t.each(keys, samNotCarried, func(key string, v *yaml.Node, ptr string) {
		switch key {
		case "Name":
			if s, ok := t.str(at, "Name", v, ptr); ok {
				api.Name = s
			}
		case "Description":
			if s, ok := t.str(at, "Description", v, ptr); ok {
				api.Description = s
			}
		case "Version":
			api.Version = source.Scalar(v)
		case "DisableExecuteApiEndpoint":
			if b := t.boolean(v, ptr); b != nil {
				api.DisableExecuteAPIEndpoint = b
			}
		case "DisableSchemaValidation":
			api.DisableSchemaValidation = t.boolean(v, ptr)
		case "IpAddressType":
			api.IPAddressType = source.Scalar(v)
		case "ApiKeySelectionExpression":
			api.APIKeySelectionExpression = source.Scalar(v)
		case "RouteSelectionExpression":
			api.RouteSelectionExpression = source.Scalar(v)
		case "Tags":
			api.Tags = t.tags(at, "Tags", v, ptr)
		case "CorsConfiguration":
			t.v2Cors(api, v, ptr)
		case "Auth":
			t.v2Auth(out, v, ptr)
		case "StageName":
			st := stageOf()
			st.StageName, _ = t.str(&st.Intrinsics, "StageName", v, ptr)
		case "StageVariables":
			st := stageOf()
			st.StageVariables = t.strMap(&st.Intrinsics, "StageVariables", v, ptr)
		case "AccessLogSettings", "AccessLogSetting":
			st := stageOf()
			a := &apimodel.AccessLogSettings{}
			a.DestinationArn, _ = t.str(&st.Intrinsics, "AccessLogSettings/DestinationArn", source.Get(v, "DestinationArn"), ptr+"/DestinationArn")
			a.Format, _ = t.str(&st.Intrinsics, "AccessLogSettings/Format", source.Get(v, "Format"), ptr+"/Format")
			st.AccessLogSettings = a
		case "DefaultRouteSettings":
			stageOf().DefaultRouteSettings = t.routeSettings(v, ptr)
		case "RouteSettings":
			st := stageOf()
			source.Pairs(v, func(k string, rs *yaml.Node) {
				if st.RouteSettings == nil {
					st.RouteSettings = map[string]*apimodel.RouteSettings{}
				}
				st.RouteSettings[k] = t.routeSettings(rs, source.Pointer(ptr, k))
			})
		}
	})
}

func (t *tpl) routeSettings(v *yaml.Node, ptr string) *apimodel.RouteSettings {
	rs := &apimodel.RouteSettings{}
	source.Pairs(v, func(k string, n *yaml.Node) {
		p := source.Pointer(ptr, k)
		switch k {
		case "DataTraceEnabled":
			rs.DataTraceEnabled = t.boolean(n, p)
		case "DetailedMetricsEnabled":
			rs.DetailedMetricsEnabled = t.boolean(n, p)
		case "LoggingLevel":
			rs.LoggingLevel = source.Scalar(n)
		case "ThrottlingBurstLimit":
			rs.ThrottlingBurstLimit = t.integer(n, p)
		case "ThrottlingRateLimit":
			rs.ThrottlingRateLimit = t.number(n, p)
		}
	})
	return rs
}

// v2Cors reads CorsConfiguration: true (SAM: allow every origin), or the
// object of AllowOrigins, AllowHeaders, AllowMethods, ExposeHeaders,
// MaxAge and AllowCredentials.
func (t *tpl) v2Cors(api *apimodel.API, v *yaml.Node, ptr string) {
	r := source.Resolve(v)
	if r.Kind == yaml.ScalarNode {
		if source.IsTrue(v) {
			api.CorsConfiguration = &apimodel.Cors{AllowHeaders: []string{"*"}, AllowMethods: []string{"*"}, AllowOrigins: []string{"*"}}
		}
		return
	}
	c := &apimodel.Cors{}
	at := &api.Intrinsics
	source.Pairs(v, func(k string, n *yaml.Node) {
		p := source.Pointer(ptr, k)
		switch k {
		case "AllowOrigins", "AllowHeaders", "AllowMethods", "ExposeHeaders":
			dst := map[string]*[]string{"AllowOrigins": &c.AllowOrigins, "AllowHeaders": &c.AllowHeaders,
				"AllowMethods": &c.AllowMethods, "ExposeHeaders": &c.ExposeHeaders}[k]
			*dst = t.strs(at, "CorsConfiguration/"+k, n, p)
		case "MaxAge":
			c.MaxAge = t.integer(n, p)
		case "AllowCredentials":
			c.AllowCredentials = t.boolean(n, p)
		}
	})
	api.CorsConfiguration = c
}

// v2Auth reads SAM's Auth of an HTTP API: Authorizers (JWT or Lambda),
// DefaultAuthorizer, EnableIamAuthorizer.
func (t *tpl) v2Auth(out *apimodel.V2Dump, v *yaml.Node, ptr string) {
	byName := map[string]*apimodel.V2Authorizer{}
	scopes := map[string][]string{}
	source.Pairs(source.Get(v, "Authorizers"), func(name string, a *yaml.Node) {
		aptr := ptr + "/Authorizers/" + source.EscapeToken(name)
		au := &apimodel.V2Authorizer{AuthorizerID: apimodel.StableID("authorizer", t.im.apiID+"/"+name), Name: name}
		if jwt := source.Get(a, "JwtConfiguration"); jwt != nil {
			au.AuthorizerType = "JWT"
			j := &apimodel.JWTConfiguration{}
			if iss := cmpNode(source.Get(jwt, "issuer"), source.Get(jwt, "Issuer")); iss != nil {
				j.Issuer, _ = t.str(&au.Intrinsics, "JwtConfiguration/Issuer", iss, aptr+"/JwtConfiguration/issuer")
			}
			if aud := cmpNode(source.Get(jwt, "audience"), source.Get(jwt, "Audience")); aud != nil {
				j.Audience = t.strs(&au.Intrinsics, "JwtConfiguration/Audience", aud, aptr+"/JwtConfiguration/audience")
			}
			au.JwtConfiguration = j
			is := cmp.Or(source.Scalar(source.Get(a, "IdentitySource")), "$request.header.Authorization")
			au.IdentitySource = []string{is}
		} else if fn := source.Get(a, "FunctionArn"); fn != nil {
			au.AuthorizerType = "REQUEST"
			au.Intrinsics.Set("AuthorizerUri", t.authorizerURI(fn, aptr+"/FunctionArn"))
			au.AuthorizerURI = au.Intrinsics.At("AuthorizerUri").String()
			au.AuthorizerPayloadFormatVersion = cmp.Or(source.Scalar(source.Get(a, "AuthorizerPayloadFormatVersion")), "2.0")
			if e := source.Get(a, "EnableSimpleResponses"); e != nil {
				au.EnableSimpleResponses = t.boolean(e, aptr+"/EnableSimpleResponses")
			}
			identity := source.Get(a, "Identity")
			for _, s := range []struct{ key, prefix string }{{"Headers", "$request.header."}, {"QueryStrings", "$request.querystring."},
				{"StageVariables", "$stageVariables."}, {"Context", "$context."}} {
				for _, e := range source.Items(source.Get(identity, s.key)) {
					au.IdentitySource = append(au.IdentitySource, s.prefix+source.Scalar(e))
				}
			}
			if ttl := source.Get(identity, "ReauthorizeEvery"); ttl != nil {
				au.AuthorizerResultTTLInSeconds = t.integer(ttl, aptr+"/Identity/ReauthorizeEvery")
			}
			if role := source.Get(a, "FunctionInvokeRole"); role != nil {
				au.AuthorizerCredentialsArn, _ = t.str(&au.Intrinsics, "AuthorizerCredentialsArn", role, aptr+"/FunctionInvokeRole")
			}
		} else {
			t.warn(diag.TemplateValue, a, aptr, "authorizer %s has neither JwtConfiguration nor FunctionArn; it is left out", name)
			return
		}
		for _, s := range source.Items(source.Get(a, "AuthorizationScopes")) {
			scopes[name] = append(scopes[name], source.Scalar(s))
		}
		out.Authorizers = slices.DeleteFunc(out.Authorizers, func(x *apimodel.V2Authorizer) bool { return x.Name == name })
		out.Authorizers = append(out.Authorizers, au)
		byName[name] = au
	})
	def := source.Scalar(source.Get(v, "DefaultAuthorizer"))
	for _, r := range out.Routes {
		if def == "" || r.AuthorizationType != "NONE" {
			continue
		}
		switch a := byName[def]; {
		case def == "AWS_IAM":
			r.AuthorizationType = "AWS_IAM"
		case a != nil:
			r.AuthorizationType, r.AuthorizerID = "CUSTOM", a.AuthorizerID
			if a.AuthorizerType == "JWT" {
				r.AuthorizationType = "JWT"
				r.AuthorizationScopes = scopes[def]
			}
		}
	}
}
