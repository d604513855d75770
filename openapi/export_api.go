package openapi

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

func (e *exporter) endpointConfig(api *apimodel.RestAPI) *yaml.Node {
	ec := &extensions.EndpointConfiguration{}
	if c := api.EndpointConfiguration; c != nil {
		if !slices.Equal(c.Types, []string{"EDGE"}) {
			ec.Types = strsOf(api.Intrinsics, "endpointConfiguration/types", c.Types)
		}
		ec.VPCEndpointIDs = strsOf(api.Intrinsics, "endpointConfiguration/vpcEndpointIds", c.VpcEndpointIDs)
		if c.IPAddressType != "" && c.IPAddressType != "ipv4" {
			ec.IPAddressType = c.IPAddressType
		}
	}
	if api.DisableExecuteAPIEndpoint != nil && *api.DisableExecuteAPIEndpoint {
		ec.DisableExecuteAPIEndpoint = api.DisableExecuteAPIEndpoint
	}
	return ec.Encode()
}

// headerName returns X of an identity source "method.request.header.X", or "".
func headerName(identitySource string) string {
	first, _, _ := strings.Cut(identitySource, ",")
	name, _ := strings.CutPrefix(strings.TrimSpace(first), "method.request.header.")
	if name == strings.TrimSpace(first) {
		return ""
	}
	return name
}

func (e *exporter) securitySchemes() *yaml.Node {
	out := newMap()
	as := slices.Clone(e.d.Authorizers)
	slices.SortStableFunc(as, func(a, b *apimodel.Authorizer) int { return strings.Compare(a.Name, b.Name) })
	for _, a := range as {
		s := newMap().set("type", strScalar("apiKey")).set("name", strScalar(orText(headerName(a.IdentitySource), "Unused"))).set("in", strScalar("header"))
		if e.auth {
			if x := a.Intrinsics.At("authType"); x != nil {
				s.set(extensions.ExtAuthType, (&extensions.AuthType{Value: x.Str()}).Encode())
			} else {
				s.set(extensions.ExtAuthType, textOrNil(a.AuthType))
			}
			t := a.Intrinsics
			v := &extensions.Authorizer{Type: strings.ToLower(a.Type), AuthorizerURI: t.Value("authorizerUri", a.AuthorizerURI).Str(),
				AuthorizerCredentials:        t.Value("authorizerCredentials", a.AuthorizerCredentials).Str(),
				IdentityValidationExpression: t.Value("identityValidationExpression", a.IdentityValidationExpression).Str(),
				AuthorizerResultTTLInSeconds: a.AuthorizerResultTTLInSeconds, ProviderARNs: strsOf(t, "providerARNs", a.ProviderARNs)}
			if a.IdentitySource != "" {
				v.IdentitySource = &extensions.IdentitySource{Sources: strsOf(nil, "", strings.Split(strings.ReplaceAll(a.IdentitySource, ", ", ","), ","))}
			}
			s.set(extensions.ExtAuthorizer, v.Encode())
		}
		out.set(a.Name, s.node())
	}
	apiKey, iam := false, false
	for _, r := range e.d.Resources {
		for _, m := range r.ResourceMethods {
			apiKey = apiKey || m.APIKeyRequired != nil && *m.APIKeyRequired
			iam = iam || m.AuthorizationType == "AWS_IAM"
		}
	}
	if apiKey {
		out.set("api_key", newMap().set("type", strScalar("apiKey")).set("name", strScalar("x-api-key")).set("in", strScalar("header")).node())
	}
	if iam {
		out.set("sigv4", newMap().set("type", strScalar("apiKey")).set("name", strScalar("Authorization")).set("in", strScalar("header")).
			set(extensions.ExtAuthType, strScalar("awsSigv4")).node())
	}
	if out.empty() {
		return nil
	}
	return out.node()
}

func (e *exporter) rootExtensions(root *obj, api *apimodel.RestAPI) {
	if len(api.BinaryMediaTypes) > 0 {
		root.set(extensions.ExtBinaryMediaTypes, (&extensions.BinaryMediaTypes{Types: strsOf(api.Intrinsics, "binaryMediaTypes", api.BinaryMediaTypes)}).Encode())
	}
	if api.MinimumCompressionSize != nil {
		root.set(extensions.ExtMinimumCompressionSize, (&extensions.MinimumCompressionSize{Bytes: api.MinimumCompressionSize}).Encode())
	}
	if api.APIKeySource != "" && api.APIKeySource != "HEADER" {
		root.set(extensions.ExtAPIKeySource, (&extensions.APIKeySource{Value: api.APIKeySource}).Encode())
	}
	if api.Policy != "" {
		if n, ok := jsonNode(string(api.Policy)); ok && api.Intrinsics.At("policy") == nil {
			root.set(extensions.ExtPolicy, (&extensions.Policy{Document: n}).Encode())
		} else {
			root.set(extensions.ExtPolicy, (&extensions.Policy{Text: api.Intrinsics.Value("policy", string(api.Policy)).Str()}).Encode())
		}
	}
	if e.swag {
		if ec := e.endpointConfig(api); len(ec.Content) > 0 && source.Get(root.node(), extensions.ExtEndpointConfiguration) == nil {
			root.set(extensions.ExtEndpointConfiguration, ec)
		}
	} else if ec := e.endpointConfig(api); len(ec.Content) > 0 {
		servers := source.Items(source.Get(root.node(), "servers"))
		if len(servers) > 0 && source.Get(servers[0], extensions.ExtEndpointConfiguration) == nil {
			(&obj{n: servers[0]}).set(extensions.ExtEndpointConfiguration, ec)
		}
	}
	// get-gateway-responses lists every type, the ones the API did not
	// customise with defaultResponse true; GetExport writes only the others
	// (the recorded exports of an API without custom gateway responses have
	// no x-amazon-apigateway-gateway-responses).
	grs := slices.DeleteFunc(slices.Clone(e.d.GatewayResponses), func(r *apimodel.GatewayResponse) bool {
		return r.DefaultResponse != nil && *r.DefaultResponse
	})
	if len(grs) > 0 {
		g := &extensions.GatewayResponses{}
		slices.SortStableFunc(grs, func(a, b *apimodel.GatewayResponse) int { return strings.Compare(a.ResponseType, b.ResponseType) })
		for _, r := range grs {
			g.Responses = append(g.Responses, extensions.Pair[*extensions.GatewayResponse]{Key: r.ResponseType, Value: &extensions.GatewayResponse{
				StatusCode: r.Intrinsics.Value("statusCode", r.StatusCode).Str(), ResponseParameters: strMapOf(r.Intrinsics, "responseParameters", r.ResponseParameters),
				ResponseTemplates: strMapOf(r.Intrinsics, "responseTemplates", r.ResponseTemplates)}})
		}
		root.set(extensions.ExtGatewayResponses, g.Encode())
	}
	if len(e.d.RequestValidators) > 0 {
		v := &extensions.RequestValidators{}
		rvs := slices.Clone(e.d.RequestValidators)
		slices.SortStableFunc(rvs, func(a, b *apimodel.RequestValidator) int { return strings.Compare(a.Name, b.Name) })
		for _, r := range rvs {
			v.Validators = append(v.Validators, extensions.Pair[*extensions.RequestValidator]{Key: r.Name, Value: &extensions.RequestValidator{
				ValidateRequestBody: r.ValidateRequestBody, ValidateRequestParameters: r.ValidateRequestParameters}})
		}
		root.set(extensions.ExtRequestValidators, v.Encode())
	}
	if len(e.d.DocumentationParts) > 0 && !e.opts.Documentation {
		e.diags = append(e.diags, diag.Diagnostic{Severity: diag.Info, Code: diag.ExportLoss,
			Message: "documentation parts are left out, as GetExport leaves them out of a stage without a documentation version; export with documentation to include them"})
	}
	if len(e.d.DocumentationParts) > 0 && e.opts.Documentation {
		doc := &extensions.Documentation{}
		parts := slices.Clone(e.d.DocumentationParts)
		slices.SortStableFunc(parts, func(a, b *apimodel.DocumentationPart) int {
			ka := []string{a.Location.Type, a.Location.Path, a.Location.Method, a.Location.StatusCode, a.Location.Name}
			kb := []string{b.Location.Type, b.Location.Path, b.Location.Method, b.Location.StatusCode, b.Location.Name}
			return slices.Compare(ka, kb)
		})
		for _, p := range parts {
			l := p.Location
			props, ok := jsonNode(string(p.Properties))
			if !ok {
				props = strScalar(string(p.Properties))
			}
			doc.Parts = append(doc.Parts, &extensions.DocumentationPart{Properties: props, Location: &extensions.DocumentationLocation{
				Type: l.Type, Path: extensions.S(l.Path), Method: extensions.S(l.Method), StatusCode: extensions.S(l.StatusCode), Name: extensions.S(l.Name)}})
		}
		root.set(extensions.ExtDocumentation, doc.Encode())
	}
}

// apigwv2 exports an HTTP API (apigatewayv2 ExportApi, OpenAPI 3.0).
func (e *exporter) apigwv2(v *apimodel.V2Dump) *yaml.Node {
	api := v.API
	if api == nil {
		api = &apimodel.API{}
	}
	if e.swag {
		e.loss("HTTP APIs export as OpenAPI 3.0 only; writing OpenAPI 3.0")
	}
	root := newMap().set("openapi", strScalar("3.0.1"))
	root.set("info", newMap().set("title", strScalar(api.Name)).set("description", textOrNil(api.Description)).set("version", strScalar(api.Version)).node())
	if api.ProtocolType == "WEBSOCKET" {
		e.loss("WebSocket APIs have no OpenAPI form (ExportApi exports HTTP APIs only); the export holds the API's name and no routes")
		return root.set("paths", newMap().node()).node()
	}
	if e.all && api.DisableExecuteAPIEndpoint != nil && *api.DisableExecuteAPIEndpoint {
		// ExportApi writes the endpoint configuration on the server, as import reads it.
		server := newMap().set("url", strScalar("https://"+orText(api.APIID, "api")+".execute-api."+e.region()+".amazonaws.com/{basePath}")).
			set("variables", newMap().set("basePath", newMap().set("default", strScalar("")).node()).node()).
			set(extensions.ExtEndpointConfiguration, (&extensions.EndpointConfiguration{DisableExecuteAPIEndpoint: api.DisableExecuteAPIEndpoint}).Encode())
		root.set("servers", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{server.node()}})
	}
	paths := newMap()
	integ := map[string]*apimodel.V2Integration{}
	for _, i := range v.Integrations {
		integ["integrations/"+i.IntegrationID] = i
	}
	auth := map[string]*apimodel.V2Authorizer{}
	for _, a := range v.Authorizers {
		auth[a.AuthorizerID] = a
	}
	users := map[string]int{}
	for _, r := range v.Routes {
		users[r.Target]++
	}
	shared := newMap()
	routes := slices.Clone(v.Routes)
	slices.SortStableFunc(routes, func(a, b *apimodel.Route) int { return strings.Compare(a.RouteKey, b.RouteKey) })
	for _, r := range routes {
		method, path, _ := strings.Cut(r.RouteKey, " ")
		key := strings.ToLower(method)
		op := newMap()
		if r.RouteKey == "$default" {
			path, key = "/$default", extensions.ExtAnyMethod
			op.set("isDefaultRoute", boolScalar(true))
		} else if method == "ANY" {
			key = extensions.ExtAnyMethod
		}
		op.set("operationId", textOrNil(r.OperationName))
		op.set("responses", newMap().set("default", newMap().set("description", strScalar("Default response for "+r.RouteKey)).node()).node())
		if r.AuthorizationType == "AWS_IAM" {
			op.set("security", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{
				newMap().set("sigv4", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Style: yaml.FlowStyle}).node()}})
		}
		if a := auth[r.AuthorizerID]; a != nil {
			scopes := &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Style: yaml.FlowStyle}
			if len(r.AuthorizationScopes) > 0 {
				scopes = strSeq(r.AuthorizationScopes)
			}
			op.set("security", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{newMap().set(a.Name, scopes).node()}})
		}
		if i := integ[r.Target]; i != nil && e.integ {
			t := i.Intrinsics
			x := &extensions.Integration{Type: extensions.IntegrationType(strings.ToLower(i.IntegrationType)), URI: t.Value("IntegrationUri", i.IntegrationURI).Str(),
				HTTPMethod: t.Value("IntegrationMethod", i.IntegrationMethod).Str(), PayloadFormatVersion: i.PayloadFormatVersion,
				Credentials: t.Value("CredentialsArn", i.CredentialsArn).Str(), IntegrationSubtype: t.Value("IntegrationSubtype", i.IntegrationSubtype).Str(),
				ConnectionID: t.Value("ConnectionId", i.ConnectionID).Str(), RequestParameters: strMapOf(t, "RequestParameters", i.RequestParameters),
				TimeoutInMillis: i.TimeoutInMillis, ContentHandling: extensions.ContentHandling(i.ContentHandlingStrategy)}
			if i.ConnectionType == "VPC_LINK" {
				x.ConnectionType = extensions.ConnectionType(i.ConnectionType)
			}
			if i.TLSConfig != nil {
				x.TLSConfig = &extensions.TLSConfig{ServerNameToVerify: t.Value("TlsConfig/ServerNameToVerify", i.TLSConfig.ServerNameToVerify).Str()}
			}
			for _, s := range apimodel.SortedKeys(i.ResponseParameters) {
				x.ResponseParameters = append(x.ResponseParameters, extensions.Pair[extensions.Map[extensions.Str]]{Key: s, Value: strMapOf(t, apimodel.Path("ResponseParameters", s), i.ResponseParameters[s])})
			}
			if users[r.Target] > 1 {
				name := "integration-" + i.IntegrationID
				shared.set(name, x.Encode())
				op.set(extensions.ExtIntegration, newMap().set("$ref", strScalar(extensions.IntegrationsRefPrefix+name)).node())
			} else {
				op.set(extensions.ExtIntegration, x.Encode())
			}
		}
		item := source.Get(paths.node(), path)
		if item == nil {
			item = newMap().node()
			paths.set(path, item)
		}
		(&obj{n: item}).set(key, op.node())
	}
	root.set("paths", paths.node())
	schemes := newMap()
	for _, a := range v.Authorizers {
		s := newMap()
		t := a.Intrinsics
		x := &extensions.Authorizer{Type: strings.ToLower(a.AuthorizerType), AuthorizerURI: t.Value("AuthorizerUri", a.AuthorizerURI).Str(),
			AuthorizerCredentials: t.Value("AuthorizerCredentialsArn", a.AuthorizerCredentialsArn).Str(), AuthorizerPayloadFormatVersion: a.AuthorizerPayloadFormatVersion,
			EnableSimpleResponses: a.EnableSimpleResponses, AuthorizerResultTTLInSeconds: a.AuthorizerResultTTLInSeconds,
			IdentityValidationExpression: t.Value("IdentityValidationExpression", a.IdentityValidationExpression).Str()}
		if len(a.IdentitySource) > 0 {
			x.IdentitySource = &extensions.IdentitySource{Sources: strsOf(t, "IdentitySource", a.IdentitySource), List: true}
		}
		if a.JwtConfiguration != nil {
			x.JWTConfiguration = &extensions.JWTConfiguration{Issuer: t.Value("JwtConfiguration/Issuer", a.JwtConfiguration.Issuer).Str(),
				Audience: strsOf(t, "JwtConfiguration/Audience", a.JwtConfiguration.Audience)}
			s.set("type", strScalar("oauth2")).set("flows", newMap().node())
		} else {
			s.set("type", strScalar("apiKey")).set("name", strScalar("Authorization")).set("in", strScalar("header"))
		}
		if e.auth {
			s.set(extensions.ExtAuthorizer, x.Encode())
		}
		schemes.set(a.Name, s.node())
	}
	for _, r := range v.Routes {
		if r.AuthorizationType == "AWS_IAM" {
			schemes.set("sigv4", newMap().set("type", strScalar("apiKey")).set("name", strScalar("Authorization")).set("in", strScalar("header")).
				set(extensions.ExtAuthType, strScalar("awsSigv4")).node())
		}
	}
	comps := newMap()
	if !schemes.empty() {
		comps.set("securitySchemes", schemes.node())
	}
	if !shared.empty() {
		comps.set(extensions.ExtIntegrations, shared.node())
	}
	if !comps.empty() {
		root.set("components", comps.node())
	}
	if c := api.CorsConfiguration; c != nil && e.all {
		t := api.Intrinsics
		root.set(extensions.ExtCORS, (&extensions.CORS{AllowOrigins: strsOf(t, "CorsConfiguration/AllowOrigins", c.AllowOrigins), AllowCredentials: c.AllowCredentials,
			ExposeHeaders: strsOf(t, "CorsConfiguration/ExposeHeaders", c.ExposeHeaders), MaxAge: c.MaxAge,
			AllowMethods: strsOf(t, "CorsConfiguration/AllowMethods", c.AllowMethods), AllowHeaders: strsOf(t, "CorsConfiguration/AllowHeaders", c.AllowHeaders)}).Encode())
	}
	if e.all {
		root.set(extensions.ExtImportExportVersion, strScalar("1.0"))
	}
	return root.node()
}

// version returns info.version as GetExport writes it: the API's version;
// without one, the date of the deployment of the exported stage (or of the
// latest deployment when the dump has no such stage); "" when the dump has
// neither.
func (e *exporter) version(api *apimodel.RestAPI) string {
	if api.Version != "" {
		return api.Version
	}
	var dep *apimodel.Deployment
	for _, st := range e.d.Stages {
		if st.StageName == e.stage() {
			for _, d := range e.d.Deployments {
				if d.ID == st.DeploymentID {
					dep = d
				}
			}
		}
	}
	if dep == nil {
		var latest time.Time
		for _, d := range e.d.Deployments {
			if t, ok := parseTimestamp(d.CreatedDate); ok && !t.Before(latest) {
				dep, latest = d, t
			}
		}
	}
	if dep == nil {
		return ""
	}
	if t, ok := parseTimestamp(dep.CreatedDate); ok {
		// GetExport writes the date in UTC, to the second ("2016-06-07T15:48:21Z").
		return t.UTC().Format(time.RFC3339)
	}
	return string(dep.CreatedDate)
}

// parseTimestamp reads a date as the CLI prints it (ISO 8601) or as epoch seconds.
func parseTimestamp(ts apimodel.Timestamp) (time.Time, bool) {
	s := string(ts)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 {
		sec, frac := math.Modf(f)
		return time.Unix(int64(sec), int64(frac*1e9)), true
	}
	return time.Time{}, false
}
