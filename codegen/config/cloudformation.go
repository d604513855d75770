package config

import (
	"regexp"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
)

// cfn accumulates the resources of a CloudFormation template.
type cfn struct {
	names     *namer
	resources *obj
}

func (c *cfn) add(name, typ string, props *obj, dependsOn ...string) {
	r := newObj().set("Type", typ)
	if len(dependsOn) > 0 {
		deps := slices.Clone(dependsOn)
		slices.Sort(deps)
		deps = slices.Compact(deps)
		l := make([]any, len(deps))
		for i, d := range deps {
			l[i] = d
		}
		r.set("DependsOn", l)
	}
	r.set("Properties", props)
	c.resources.keys, c.resources.vals = append(c.resources.keys, name), append(c.resources.vals, r)
}

func cfnRef(name string) *obj { return newObj().set("Ref", name) }

func cfnGetAtt(name, attr string) *obj { return newObj().set("Fn::GetAtt", []any{name, attr}) }

func cfnSub(s string) *obj { return newObj().set("Fn::Sub", s) }

// subEscape escapes ${ in literal text placed inside an Fn::Sub string.
func subEscape(s string) string { return strings.ReplaceAll(s, "${", "${!") }

// CloudFormation returns template.json: the API as explicit CloudFormation
// resources, a Deployment that depends on every method (REST APIs), and an
// AWS::Lambda::Permission for each Lambda integration and authorizer whose
// function ARN is known before deployment.
func CloudFormation(d *apimodel.Dump) ([]File, error) {
	c := &cfn{names: newNamer(), resources: newObj()}
	var desc string
	switch {
	case d.REST != nil:
		desc = c.rest(d.REST)
	case d.V2 != nil:
		desc = c.v2(d.V2)
	default:
		return nil, errEmpty
	}
	tmpl := newObj().set("AWSTemplateFormatVersion", "2010-09-09").set("Description", desc).set("Resources", c.resources).
		set("Outputs", newObj().set("ApiId", newObj().set("Value", cfnRef("Api"))))
	return []File{{Name: "template.json", Data: renderJSON(tmpl)}}, nil
}

// modelRefRE finds references to other models of the same API in a schema.
var modelRefRE = regexp.MustCompile(`/restapis/([^/"]+)/models/([^/"#]+)`)

func (c *cfn) rest(r *apimodel.RestDump) string {
	api := r.RestAPI
	if api == nil {
		api = &apimodel.RestAPI{}
	}
	apiName := c.names.name("Api")
	props := newObj().set("Name", cmpOr(api.Name, defaultName)).set("Description", api.Description).
		set("BinaryMediaTypes", api.BinaryMediaTypes).set("MinimumCompressionSize", api.MinimumCompressionSize).
		set("ApiKeySourceType", api.APIKeySource)
	if ec := api.EndpointConfiguration; ec != nil {
		props.set("EndpointConfiguration", newObj().set("Types", ec.Types).set("VpcEndpointIds", ec.VpcEndpointIDs).set("IpAddressType", ec.IPAddressType))
	}
	if t, ok := jsonTree(string(api.Policy)); ok {
		props.set("Policy", t)
	} else {
		props.set("Policy", api.Policy)
	}
	props.set("DisableExecuteApiEndpoint", api.DisableExecuteAPIEndpoint).set("Tags", cfnTags(api.Tags))
	c.add(apiName, "AWS::ApiGateway::RestApi", props)
	withAPI := func() *obj { return newObj().set("RestApiId", cfnRef(apiName)) }

	models := map[string]string{}
	for _, m := range sortedModels(r.Models) {
		models[m.Name] = c.names.name("Model", m.Name)
	}
	for _, m := range sortedModels(r.Models) {
		var deps []string
		var schema any = string(m.Schema)
		if refs := modelRefRE.FindAllStringSubmatch(string(m.Schema), -1); refs != nil {
			text := subEscape(string(m.Schema))
			for _, ref := range refs {
				if dep, ok := models[ref[2]]; ok && dep != models[m.Name] {
					deps = append(deps, dep)
				}
				text = strings.ReplaceAll(text, "/restapis/"+subEscape(ref[1])+"/", "/restapis/${"+apiName+"}/")
			}
			schema = cfnSub(text)
		} else if t, ok := jsonTree(string(m.Schema)); ok {
			schema = t
		}
		c.add(models[m.Name], "AWS::ApiGateway::Model", withAPI().set("Name", m.Name).set("Description", m.Description).
			set("ContentType", cmpOr(m.ContentType, "application/json")).set("Schema", schema), deps...)
	}
	auths := map[string]any{}
	for _, a := range sortedAuthorizers(r.Authorizers) {
		name := c.names.name("Authorizer", a.Name)
		auths[a.ID] = cfnRef(name)
		c.add(name, "AWS::ApiGateway::Authorizer", withAPI().set("Name", a.Name).set("Type", a.Type).set("ProviderARNs", a.ProviderARNs).
			set("AuthType", a.AuthType).set("AuthorizerUri", a.AuthorizerURI).set("AuthorizerCredentials", a.AuthorizerCredentials).
			set("IdentitySource", a.IdentitySource).set("IdentityValidationExpression", a.IdentityValidationExpression).
			set("AuthorizerResultTtlInSeconds", a.AuthorizerResultTTLInSeconds))
		if fn, ok := lambdaFunction(a.AuthorizerURI); ok && a.AuthorizerCredentials == "" {
			c.permission(name, fn, "${"+apiName+"}/authorizers/${"+name+"}")
		}
	}
	vals := map[string]any{}
	for _, v := range sortedValidators(r.RequestValidators) {
		name := c.names.name("Validator", v.Name)
		vals[v.ID] = cfnRef(name)
		c.add(name, "AWS::ApiGateway::RequestValidator", withAPI().set("Name", v.Name).
			set("ValidateRequestBody", v.ValidateRequestBody).set("ValidateRequestParameters", v.ValidateRequestParameters))
	}
	resIDs := map[string]any{}
	for _, res := range r.TreeOrder() {
		if res.ParentID == "" {
			resIDs[res.ID] = cfnGetAtt(apiName, "RootResourceId")
			continue
		}
		name := c.names.name("Resource", res.Path)
		resIDs[res.ID] = cfnRef(name)
		c.add(name, "AWS::ApiGateway::Resource", withAPI().set("ParentId", refOr(resIDs, res.ParentID)).set("PathPart", res.PathPart))
	}
	var methods []string
	for _, res := range r.TreeOrder() {
		for _, verb := range apimodel.SortedMethods(res) {
			m := res.ResourceMethods[verb]
			if m == nil {
				continue
			}
			pathWords := res.Path
			if res.ParentID == "" {
				pathWords = "Root"
			}
			name := c.names.name("Method", pathWords, verb)
			methods = append(methods, name)
			var deps []string
			for _, ct := range apimodel.SortedKeys(m.RequestModels) {
				if dep, ok := models[m.RequestModels[ct]]; ok {
					deps = append(deps, dep)
				}
			}
			props := withAPI().set("ResourceId", refOr(resIDs, res.ID)).set("HttpMethod", verb).
				set("AuthorizationType", cmpOr(m.AuthorizationType, "NONE")).set("AuthorizerId", refOr(auths, m.AuthorizerID)).
				set("ApiKeyRequired", m.APIKeyRequired).set("OperationName", m.OperationName).
				set("RequestParameters", m.RequestParameters).set("RequestModels", m.RequestModels).
				set("RequestValidatorId", refOr(vals, m.RequestValidatorID)).set("AuthorizationScopes", m.AuthorizationScopes)
			if in := m.MethodIntegration; in != nil {
				props.set("Integration", cfnIntegration(in, res.ID, resIDs))
			}
			var mrs []any
			for _, sc := range apimodel.SortedKeys(m.MethodResponses) {
				mr := m.MethodResponses[sc]
				for _, ct := range apimodel.SortedKeys(mr.ResponseModels) {
					if dep, ok := models[mr.ResponseModels[ct]]; ok {
						deps = append(deps, dep)
					}
				}
				mrs = append(mrs, newObj().set("StatusCode", cmpOr(mr.StatusCode, sc)).set("ResponseParameters", mr.ResponseParameters).
					set("ResponseModels", mr.ResponseModels))
			}
			props.set("MethodResponses", mrs)
			c.add(name, "AWS::ApiGateway::Method", props, deps...)
			if in := m.MethodIntegration; in != nil && (in.Type == "AWS" || in.Type == "AWS_PROXY") && in.Credentials == "" {
				if fn, ok := lambdaFunction(in.URI); ok {
					c.permission(name, fn, "${"+apiName+"}"+subEscape(arnPath(verb, res.Path)))
				}
			}
		}
	}
	for _, g := range sortedGatewayResponses(r.GatewayResponses) {
		c.add(c.names.name("GatewayResponse", lowerWords(g.ResponseType)), "AWS::ApiGateway::GatewayResponse", withAPI().
			set("ResponseType", g.ResponseType).set("StatusCode", g.StatusCode).
			set("ResponseParameters", g.ResponseParameters).set("ResponseTemplates", g.ResponseTemplates))
	}
	for _, p := range sortedDocParts(r.DocumentationParts) {
		l := p.Location
		c.add(c.names.name("Documentation", l.Type, l.Path, l.Method, l.StatusCode, l.Name), "AWS::ApiGateway::DocumentationPart", withAPI().
			set("Location", newObj().set("Type", l.Type).set("Path", l.Path).set("Method", l.Method).set("StatusCode", l.StatusCode).set("Name", l.Name)).
			set("Properties", p.Properties))
	}
	if len(methods) > 0 {
		c.add(c.names.name("Deployment"), "AWS::ApiGateway::Deployment", withAPI(), methods...)
	}
	return "REST API " + cmpOr(api.Name, defaultName)
}

func cfnIntegration(in *apimodel.Integration, resID string, resIDs map[string]any) *obj {
	props := newObj().set("Type", in.Type).set("IntegrationHttpMethod", in.HTTPMethod).set("Uri", in.URI).
		set("ConnectionType", in.ConnectionType).set("ConnectionId", in.ConnectionID).set("Credentials", in.Credentials).
		set("RequestParameters", in.RequestParameters).set("RequestTemplates", in.RequestTemplates).
		set("PassthroughBehavior", in.PassthroughBehavior).set("ContentHandling", in.ContentHandling).
		set("TimeoutInMillis", in.TimeoutInMillis).set("CacheNamespace", cacheNamespace(in.CacheNamespace, resID, resIDs)).
		set("CacheKeyParameters", in.CacheKeyParameters).set("ResponseTransferMode", in.ResponseTransferMode)
	var irs []any
	for _, sc := range apimodel.SortedKeys(in.IntegrationResponses) {
		ir := in.IntegrationResponses[sc]
		irs = append(irs, newObj().set("StatusCode", cmpOr(ir.StatusCode, sc)).set("SelectionPattern", ir.SelectionPattern).
			set("ResponseParameters", ir.ResponseParameters).set("ResponseTemplates", ir.ResponseTemplates).
			set("ContentHandling", ir.ContentHandling))
	}
	return props.set("IntegrationResponses", irs)
}

// permission adds the AWS::Lambda::Permission that lets API Gateway invoke
// fn for the resource named source; arn is the part of the execute-api ARN
// after "…:execute-api:<region>:<account>:", written for Fn::Sub.
func (c *cfn) permission(source, fn, arn string) {
	c.add(c.names.name(source+"Permission"), "AWS::Lambda::Permission", newObj().set("Action", "lambda:InvokeFunction").
		set("FunctionName", fn).set("Principal", "apigateway.amazonaws.com").
		set("SourceArn", cfnSub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"+arn)))
}

// cfnTags writes tags as CloudFormation's [{"Key", "Value"}] list, sorted by key.
func cfnTags(tags map[string]string) []any {
	var out []any
	for _, k := range apimodel.SortedKeys(tags) {
		out = append(out, newObj().set("Key", k).set("Value", tags[k]))
	}
	return out
}

func (c *cfn) v2(v *apimodel.V2Dump) string {
	api := v.API
	if api == nil {
		api = &apimodel.API{}
	}
	apiName := c.names.name("Api")
	props := newObj().set("Name", cmpOr(api.Name, defaultName)).set("ProtocolType", cmpOr(api.ProtocolType, "HTTP")).
		set("RouteSelectionExpression", api.RouteSelectionExpression).set("ApiKeySelectionExpression", api.APIKeySelectionExpression).
		set("Description", api.Description).set("Version", api.Version).set("DisableSchemaValidation", api.DisableSchemaValidation).
		set("DisableExecuteApiEndpoint", api.DisableExecuteAPIEndpoint).set("IpAddressType", api.IPAddressType)
	if cors := api.CorsConfiguration; cors != nil {
		props.set("CorsConfiguration", newObj().set("AllowCredentials", cors.AllowCredentials).set("AllowHeaders", cors.AllowHeaders).
			set("AllowMethods", cors.AllowMethods).set("AllowOrigins", cors.AllowOrigins).set("ExposeHeaders", cors.ExposeHeaders).
			set("MaxAge", cors.MaxAge))
	}
	props.set("Tags", api.Tags)
	c.add(apiName, "AWS::ApiGatewayV2::Api", props)
	withAPI := func() *obj { return newObj().set("ApiId", cfnRef(apiName)) }

	auths := map[string]any{}
	for _, a := range sortedV2Authorizers(v.Authorizers) {
		name := c.names.name("Authorizer", a.Name)
		auths[a.AuthorizerID] = cfnRef(name)
		p := withAPI().set("Name", a.Name).set("AuthorizerType", a.AuthorizerType).set("AuthorizerUri", a.AuthorizerURI).
			set("AuthorizerCredentialsArn", a.AuthorizerCredentialsArn).set("AuthorizerPayloadFormatVersion", a.AuthorizerPayloadFormatVersion).
			set("AuthorizerResultTtlInSeconds", a.AuthorizerResultTTLInSeconds).set("EnableSimpleResponses", a.EnableSimpleResponses).
			set("IdentitySource", a.IdentitySource).set("IdentityValidationExpression", a.IdentityValidationExpression)
		if j := a.JwtConfiguration; j != nil {
			p.set("JwtConfiguration", newObj().set("Audience", j.Audience).set("Issuer", j.Issuer))
		}
		c.add(name, "AWS::ApiGatewayV2::Authorizer", p)
		if fn, ok := lambdaFunction(a.AuthorizerURI); ok && a.AuthorizerCredentialsArn == "" {
			c.permission(name, fn, "${"+apiName+"}/authorizers/${"+name+"}")
		}
	}
	for _, m := range sortedV2Models(v.Models) {
		var schema any = string(m.Schema)
		if t, ok := jsonTree(string(m.Schema)); ok {
			schema = t
		}
		c.add(c.names.name("Model", m.Name), "AWS::ApiGatewayV2::Model", withAPI().set("Name", m.Name).
			set("ContentType", m.ContentType).set("Description", m.Description).set("Schema", schema))
	}
	integNames := v2IntegrationNames(c.names, v)
	for _, in := range sortedIntegrations(v.Integrations) {
		name := integNames[in.IntegrationID]
		p := withAPI().set("IntegrationType", in.IntegrationType).set("IntegrationUri", in.IntegrationURI).
			set("IntegrationMethod", in.IntegrationMethod).set("IntegrationSubtype", in.IntegrationSubtype).
			set("ConnectionType", in.ConnectionType).set("ConnectionId", in.ConnectionID).set("CredentialsArn", in.CredentialsArn).
			set("Description", in.Description).set("PayloadFormatVersion", in.PayloadFormatVersion).
			set("PassthroughBehavior", in.PassthroughBehavior).set("ContentHandlingStrategy", in.ContentHandlingStrategy).
			set("RequestParameters", in.RequestParameters).set("RequestTemplates", in.RequestTemplates)
		if len(in.ResponseParameters) > 0 {
			rp := newObj()
			for _, sc := range apimodel.SortedKeys(in.ResponseParameters) {
				var list []any
				for _, dst := range apimodel.SortedKeys(in.ResponseParameters[sc]) {
					list = append(list, newObj().set("Destination", dst).set("Source", in.ResponseParameters[sc][dst]))
				}
				rp.set(sc, newObj().set("ResponseParameters", list))
			}
			p.set("ResponseParameters", rp)
		}
		p.set("TemplateSelectionExpression", in.TemplateSelectionExpression).set("TimeoutInMillis", in.TimeoutInMillis)
		if in.TLSConfig != nil {
			p.set("TlsConfig", newObj().set("ServerNameToVerify", in.TLSConfig.ServerNameToVerify))
		}
		c.add(name, "AWS::ApiGatewayV2::Integration", p)
		if in.IntegrationType == "AWS_PROXY" || in.IntegrationType == "AWS" {
			if fn, ok := lambdaFunction(in.IntegrationURI); ok && in.CredentialsArn == "" {
				c.permission(name, fn, "${"+apiName+"}/*")
			}
		}
		for _, ir := range sortedIntegrationResponses(v.IntegrationResponses[in.IntegrationID]) {
			c.add(c.names.name(name+"Response", ir.IntegrationResponseKey), "AWS::ApiGatewayV2::IntegrationResponse", withAPI().
				set("IntegrationId", cfnRef(name)).set("IntegrationResponseKey", ir.IntegrationResponseKey).
				set("ContentHandlingStrategy", ir.ContentHandlingStrategy).set("ResponseParameters", ir.ResponseParameters).
				set("ResponseTemplates", ir.ResponseTemplates).set("TemplateSelectionExpression", ir.TemplateSelectionExpression))
		}
	}
	var routes []string
	for _, r := range sortedRoutes(v.Routes) {
		name := c.names.name("Route", r.RouteKey)
		routes = append(routes, name)
		var target any = r.Target
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok && integNames[id] != "" {
			target = cfnSub("integrations/${" + integNames[id] + "}")
		}
		c.add(name, "AWS::ApiGatewayV2::Route", withAPI().set("RouteKey", r.RouteKey).set("ApiKeyRequired", r.APIKeyRequired).
			set("AuthorizationScopes", r.AuthorizationScopes).set("AuthorizationType", r.AuthorizationType).
			set("AuthorizerId", refOr(auths, r.AuthorizerID)).set("ModelSelectionExpression", r.ModelSelectionExpression).
			set("OperationName", r.OperationName).set("RequestModels", r.RequestModels).
			set("RequestParameters", paramConstraints(r.RequestParameters, "Required")).
			set("RouteResponseSelectionExpression", r.RouteResponseSelectionExpression).set("Target", target))
		for _, rr := range sortedRouteResponses(v.RouteResponses[r.RouteID]) {
			c.add(c.names.name(name+"Response", rr.RouteResponseKey), "AWS::ApiGatewayV2::RouteResponse", withAPI().
				set("RouteId", cfnRef(name)).set("RouteResponseKey", rr.RouteResponseKey).
				set("ModelSelectionExpression", rr.ModelSelectionExpression).set("ResponseModels", rr.ResponseModels).
				set("ResponseParameters", paramConstraints(rr.ResponseParameters, "Required")))
		}
	}
	deployment := ""
	for _, s := range sortedStages(v.Stages) {
		p := withAPI().set("StageName", s.StageName).set("AutoDeploy", s.AutoDeploy).set("Description", s.Description).
			set("StageVariables", s.StageVariables).set("Tags", s.Tags)
		if s.AutoDeploy == nil || !*s.AutoDeploy {
			if deployment == "" {
				deployment = c.names.name("Deployment")
				c.add(deployment, "AWS::ApiGatewayV2::Deployment", withAPI(), routes...)
			}
			p.set("DeploymentId", cfnRef(deployment))
		}
		c.add(c.names.name("Stage", s.StageName), "AWS::ApiGatewayV2::Stage", p)
	}
	return protocolName(api.ProtocolType) + " API " + cmpOr(api.Name, defaultName)
}

// v2IntegrationNames names each integration after the first route (by
// route key) that targets it, or its id when no route does.
func v2IntegrationNames(n *namer, v *apimodel.V2Dump) map[string]string {
	first := map[string]string{}
	for _, r := range sortedRoutes(v.Routes) {
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok && first[id] == "" {
			first[id] = r.RouteKey
		}
	}
	out := map[string]string{}
	for _, in := range sortedIntegrations(v.Integrations) {
		out[in.IntegrationID] = n.name("Integration", cmpOr(first[in.IntegrationID], in.IntegrationID))
	}
	return out
}
