package config

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// callRef is a value not known before an earlier call returns: the member
// Member of the output of the call labelled Label ("CreateRestApi#1").
// In calls.json it is written {"ref": "CreateRestApi#1.id"}.
type callRef struct{ Label, Member string }

// callJoin is a string made of literal parts and references, written
// {"join": ["integrations/", {"ref": "CreateIntegration#1.IntegrationId"}]}.
type callJoin []any

// callList accumulates calls, labelling each "<Operation>#<n>" where n
// counts the calls of that operation from 1.
type callList struct {
	count map[string]int
	calls []any
}

func (c *callList) add(op string, input *obj) string {
	if c.count == nil {
		c.count = map[string]int{}
	}
	c.count[op]++
	label := op + "#" + strconv.Itoa(c.count[op])
	c.calls = append(c.calls, newObj().set("label", label).set("operation", op).set("input", input))
	return label
}

func (c *callList) file(service string) File {
	doc := newObj().set("service", service).set("calls", c.calls)
	doc = lower(doc, func(v any) (any, bool) {
		switch x := v.(type) {
		case callRef:
			return newObj().set("ref", x.Label+"."+x.Member), true
		case callJoin:
			parts := make([]any, len(x))
			for i, p := range x {
				if r, ok := p.(callRef); ok {
					parts[i] = newObj().set("ref", r.Label+"."+r.Member)
				} else {
					parts[i] = p
				}
			}
			return newObj().set("join", parts), true
		}
		return nil, false
	}).(*obj)
	return File{Name: "calls.json", Data: renderJSON(doc)}
}

// Calls returns calls.json: the API Gateway calls that create the API, in
// an order that works (the API, models, authorizers and validators, then
// resources parents first, then per method PutMethod, PutMethodResponse,
// PutIntegration, PutIntegrationResponse; then gateway responses and
// documentation). Each input uses the SDK's member names; ids known only
// after an earlier call are references to that call's output. API Gateway
// resolves no CloudFormation intrinsic function, so each one the API holds
// is an error, and no file is returned.
func Calls(d *apimodel.Dump, _ Options) ([]File, []diag.Diagnostic, error) {
	if emptyDump(d) {
		return nil, nil, errEmpty
	}
	var c extensions.Collector
	// The calls create no stage: the stages' functions do not matter.
	bare := *d
	if d.REST != nil {
		r := *d.REST
		r.Stages = nil
		bare.REST = &r
	} else {
		v := *d.V2
		v.Stages = nil
		bare.V2 = &v
	}
	for _, x := range bare.Intrinsics() {
		intrinsicError(&c, x, "API Gateway calls", "API Gateway resolves no CloudFormation intrinsic function")
	}
	if d.REST != nil && d.REST.RestAPI != nil {
		if n, ok := jsonNode(string(d.REST.RestAPI.Policy)); ok && apimodel.HasIntrinsic(n) {
			c.Append(diag.Diagnostic{Severity: diag.Error, Code: diag.ConfigIntrinsic,
				Message: "the API's policy holds CloudFormation intrinsic functions, which API Gateway does not resolve; write the policy's values, or deploy with --target cloudformation"})
		}
	}
	if d.REST != nil {
		return result([]File{restCalls(d.REST).file("apigateway")}, c.Diags)
	}
	return result([]File{v2Calls(d.V2).file("apigatewayv2")}, c.Diags)
}

func restCalls(r *apimodel.RestDump) *callList {
	var c callList
	api := r.RestAPI
	if api == nil {
		api = &apimodel.RestAPI{}
	}
	in := newObj().set("name", cmpOr(api.Name, defaultName)).set("description", api.Description).set("version", api.Version).
		set("binaryMediaTypes", api.BinaryMediaTypes).set("minimumCompressionSize", api.MinimumCompressionSize).
		set("apiKeySource", api.APIKeySource)
	if ec := api.EndpointConfiguration; ec != nil {
		in.set("endpointConfiguration", newObj().set("types", ec.Types).set("vpcEndpointIds", ec.VpcEndpointIDs))
	}
	in.set("policy", api.Policy).set("tags", api.Tags).set("disableExecuteApiEndpoint", api.DisableExecuteAPIEndpoint)
	apiLabel := c.add("CreateRestApi", in)
	apiID := callRef{apiLabel, "id"}
	withAPI := func() *obj { return newObj().set("restApiId", apiID) }

	for _, m := range sortedModels(r.Models) {
		var schema any = m.Schema
		if parts := schemaParts(string(m.Schema)); len(parts) > 1 {
			join := callJoin{parts[0]}
			for _, p := range parts[1:] {
				join = append(join, apiID, p)
			}
			schema = join
		}
		c.add("CreateModel", withAPI().set("name", m.Name).set("description", m.Description).set("schema", schema).set("contentType", cmpOr(m.ContentType, "application/json")))
	}
	auths := map[string]any{}
	for _, a := range sortedAuthorizers(r.Authorizers) {
		label := c.add("CreateAuthorizer", withAPI().set("name", a.Name).set("type", a.Type).set("providerARNs", a.ProviderARNs).
			set("authType", a.AuthType).set("authorizerUri", a.AuthorizerURI).set("authorizerCredentials", a.AuthorizerCredentials).
			set("identitySource", a.IdentitySource).set("identityValidationExpression", a.IdentityValidationExpression).
			set("authorizerResultTtlInSeconds", a.AuthorizerResultTTLInSeconds))
		auths[a.ID] = callRef{label, "id"}
	}
	vals := map[string]any{}
	for _, v := range sortedValidators(r.RequestValidators) {
		label := c.add("CreateRequestValidator", withAPI().set("name", v.Name).set("validateRequestBody", v.ValidateRequestBody).
			set("validateRequestParameters", v.ValidateRequestParameters))
		vals[v.ID] = callRef{label, "id"}
	}
	resIDs := map[string]any{}
	for _, res := range r.TreeOrder() {
		if res.ParentID == "" {
			resIDs[res.ID] = callRef{apiLabel, "rootResourceId"}
			continue
		}
		label := c.add("CreateResource", withAPI().set("parentId", refOr(resIDs, res.ParentID)).set("pathPart", res.PathPart))
		resIDs[res.ID] = callRef{label, "id"}
	}
	for _, res := range r.TreeOrder() {
		for _, verb := range apimodel.SortedMethods(res) {
			m := res.ResourceMethods[verb]
			if m == nil {
				continue
			}
			at := func() *obj {
				return withAPI().set("resourceId", refOr(resIDs, res.ID)).set("httpMethod", verb)
			}
			c.add("PutMethod", at().set("authorizationType", cmpOr(m.AuthorizationType, "NONE")).set("authorizerId", refOr(auths, m.AuthorizerID)).
				set("apiKeyRequired", m.APIKeyRequired).set("operationName", m.OperationName).set("requestParameters", m.RequestParameters).
				set("requestModels", m.RequestModels).set("requestValidatorId", refOr(vals, m.RequestValidatorID)).
				set("authorizationScopes", m.AuthorizationScopes))
			for _, sc := range apimodel.SortedKeys(m.MethodResponses) {
				mr := m.MethodResponses[sc]
				c.add("PutMethodResponse", at().set("statusCode", cmpOr(mr.StatusCode, sc)).set("responseParameters", mr.ResponseParameters).
					set("responseModels", mr.ResponseModels))
			}
			in := m.MethodIntegration
			if in == nil {
				continue
			}
			put := at().set("type", in.Type).set("integrationHttpMethod", in.HTTPMethod).set("uri", in.URI).
				set("connectionType", in.ConnectionType).set("connectionId", in.ConnectionID).set("credentials", in.Credentials).
				set("requestParameters", in.RequestParameters).set("requestTemplates", in.RequestTemplates).
				set("passthroughBehavior", in.PassthroughBehavior).set("cacheNamespace", cacheNamespace(in.CacheNamespace, res.ID, resIDs)).
				set("cacheKeyParameters", in.CacheKeyParameters).set("contentHandling", in.ContentHandling).
				set("timeoutInMillis", in.TimeoutInMillis)
			if in.TLSConfig != nil {
				put.set("tlsConfig", newObj().set("insecureSkipVerification", in.TLSConfig.InsecureSkipVerification))
			}
			put.set("responseTransferMode", in.ResponseTransferMode)
			c.add("PutIntegration", put)
			for _, sc := range apimodel.SortedKeys(in.IntegrationResponses) {
				ir := in.IntegrationResponses[sc]
				c.add("PutIntegrationResponse", at().set("statusCode", cmpOr(ir.StatusCode, sc)).set("selectionPattern", ir.SelectionPattern).
					set("responseParameters", ir.ResponseParameters).set("responseTemplates", ir.ResponseTemplates).
					set("contentHandling", ir.ContentHandling))
			}
		}
	}
	for _, g := range sortedGatewayResponses(r.GatewayResponses) {
		c.add("PutGatewayResponse", withAPI().set("responseType", g.ResponseType).set("statusCode", g.StatusCode).
			set("responseParameters", g.ResponseParameters).set("responseTemplates", g.ResponseTemplates))
	}
	for _, p := range sortedDocParts(r.DocumentationParts) {
		l := p.Location
		c.add("CreateDocumentationPart", withAPI().set("location", newObj().set("type", l.Type).set("path", l.Path).
			set("method", l.Method).set("statusCode", l.StatusCode).set("name", l.Name)).set("properties", p.Properties))
	}
	return &c
}

// cacheNamespace replaces a namespace equal to the resource's own id (API
// Gateway's default) by the reference to that id.
func cacheNamespace(ns, resID string, resIDs map[string]any) any {
	if ns != "" && ns == resID {
		return resIDs[resID]
	}
	return ns
}

// refOr returns the reference recorded for id, or id itself when the dump
// does not hold what it names (a partial dump), or nil for "".
func refOr(refs map[string]any, id string) any {
	if id == "" {
		return nil
	}
	if r, ok := refs[id]; ok {
		return r
	}
	return id
}

func v2Calls(v *apimodel.V2Dump) *callList {
	var c callList
	api := v.API
	if api == nil {
		api = &apimodel.API{}
	}
	in := newObj().set("Name", cmpOr(api.Name, defaultName)).set("ProtocolType", cmpOr(api.ProtocolType, "HTTP")).
		set("RouteSelectionExpression", api.RouteSelectionExpression).set("ApiKeySelectionExpression", api.APIKeySelectionExpression).
		set("Description", api.Description).set("Version", api.Version).set("DisableSchemaValidation", api.DisableSchemaValidation).
		set("DisableExecuteApiEndpoint", api.DisableExecuteAPIEndpoint)
	if cors := api.CorsConfiguration; cors != nil {
		in.set("CorsConfiguration", newObj().set("AllowCredentials", cors.AllowCredentials).set("AllowHeaders", cors.AllowHeaders).
			set("AllowMethods", cors.AllowMethods).set("AllowOrigins", cors.AllowOrigins).set("ExposeHeaders", cors.ExposeHeaders).
			set("MaxAge", cors.MaxAge))
	}
	in.set("Tags", api.Tags)
	apiLabel := c.add("CreateApi", in)
	withAPI := func() *obj { return newObj().set("ApiId", callRef{apiLabel, "ApiId"}) }

	auths := map[string]any{}
	for _, a := range sortedV2Authorizers(v.Authorizers) {
		in := withAPI().set("Name", a.Name).set("AuthorizerType", a.AuthorizerType).set("AuthorizerUri", a.AuthorizerURI).
			set("AuthorizerCredentialsArn", a.AuthorizerCredentialsArn).set("AuthorizerPayloadFormatVersion", a.AuthorizerPayloadFormatVersion).
			set("AuthorizerResultTtlInSeconds", a.AuthorizerResultTTLInSeconds).set("EnableSimpleResponses", a.EnableSimpleResponses).
			set("IdentitySource", a.IdentitySource).set("IdentityValidationExpression", a.IdentityValidationExpression)
		if j := a.JwtConfiguration; j != nil {
			in.set("JwtConfiguration", newObj().set("Audience", j.Audience).set("Issuer", j.Issuer))
		}
		auths[a.AuthorizerID] = callRef{c.add("CreateAuthorizer", in), "AuthorizerId"}
	}
	for _, m := range sortedV2Models(v.Models) {
		c.add("CreateModel", withAPI().set("Name", m.Name).set("ContentType", m.ContentType).set("Description", m.Description).set("Schema", m.Schema))
	}
	integs := map[string]any{}
	for _, in := range sortedIntegrations(v.Integrations) {
		label := c.add("CreateIntegration", v2IntegrationInput(withAPI(), in))
		integs[in.IntegrationID] = callRef{label, "IntegrationId"}
		for _, ir := range sortedIntegrationResponses(v.IntegrationResponses[in.IntegrationID]) {
			c.add("CreateIntegrationResponse", withAPI().set("IntegrationId", callRef{label, "IntegrationId"}).
				set("IntegrationResponseKey", ir.IntegrationResponseKey).set("ContentHandlingStrategy", ir.ContentHandlingStrategy).
				set("ResponseParameters", ir.ResponseParameters).set("ResponseTemplates", ir.ResponseTemplates).
				set("TemplateSelectionExpression", ir.TemplateSelectionExpression))
		}
	}
	for _, r := range sortedRoutes(v.Routes) {
		var target any = r.Target
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok {
			if ref, ok := integs[id]; ok {
				target = callJoin{"integrations/", ref}
			}
		}
		label := c.add("CreateRoute", withAPI().set("RouteKey", r.RouteKey).set("ApiKeyRequired", r.APIKeyRequired).
			set("AuthorizationScopes", r.AuthorizationScopes).set("AuthorizationType", r.AuthorizationType).
			set("AuthorizerId", refOr(auths, r.AuthorizerID)).set("ModelSelectionExpression", r.ModelSelectionExpression).
			set("OperationName", r.OperationName).set("RequestModels", r.RequestModels).
			set("RequestParameters", paramConstraints(r.RequestParameters, "Required")).
			set("RouteResponseSelectionExpression", r.RouteResponseSelectionExpression).set("Target", target))
		for _, rr := range sortedRouteResponses(v.RouteResponses[r.RouteID]) {
			c.add("CreateRouteResponse", withAPI().set("RouteId", callRef{label, "RouteId"}).set("RouteResponseKey", rr.RouteResponseKey).
				set("ModelSelectionExpression", rr.ModelSelectionExpression).set("ResponseModels", rr.ResponseModels).
				set("ResponseParameters", paramConstraints(rr.ResponseParameters, "Required")))
		}
	}
	for _, s := range sortedStages(v.Stages) {
		c.add("CreateStage", withAPI().set("StageName", s.StageName).set("AutoDeploy", s.AutoDeploy).set("Description", s.Description).
			set("StageVariables", s.StageVariables).set("Tags", s.Tags))
	}
	return &c
}

// v2IntegrationInput adds the members of CreateIntegration (SDK spelling) to in.
func v2IntegrationInput(in *obj, i *apimodel.V2Integration) *obj {
	in.set("IntegrationType", i.IntegrationType).set("IntegrationUri", i.IntegrationURI).set("IntegrationMethod", i.IntegrationMethod).
		set("IntegrationSubtype", i.IntegrationSubtype).set("ConnectionType", i.ConnectionType).set("ConnectionId", i.ConnectionID).
		set("CredentialsArn", i.CredentialsArn).set("Description", i.Description).set("PayloadFormatVersion", i.PayloadFormatVersion).
		set("PassthroughBehavior", i.PassthroughBehavior).set("ContentHandlingStrategy", i.ContentHandlingStrategy).
		set("RequestParameters", i.RequestParameters).set("RequestTemplates", i.RequestTemplates)
	if len(i.ResponseParameters) > 0 {
		rp := newObj()
		for _, sc := range apimodel.SortedKeys(i.ResponseParameters) {
			rp.set(sc, i.ResponseParameters[sc])
		}
		in.set("ResponseParameters", rp)
	}
	in.set("TemplateSelectionExpression", i.TemplateSelectionExpression).set("TimeoutInMillis", i.TimeoutInMillis)
	if i.TLSConfig != nil {
		in.set("TlsConfig", newObj().set("ServerNameToVerify", i.TLSConfig.ServerNameToVerify))
	}
	return in
}

// paramConstraints writes {"name": {"<required>": bool}} in name order.
func paramConstraints(m map[string]*apimodel.ParameterConstraints, required string) *obj {
	out := newObj()
	for _, k := range apimodel.SortedKeys(m) {
		c := newObj()
		if m[k] != nil && m[k].Required != nil {
			c.set(required, *m[k].Required)
		} else {
			c.set(required, false)
		}
		out.keys, out.vals = append(out.keys, k), append(out.vals, c)
	}
	return out
}
