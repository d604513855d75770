package config

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
)

// gres is one resource of a Terraform or Pulumi program: kind is the
// Terraform type without "aws_" ("api_gateway_method"), props use
// Terraform's argument names, which Pulumi spells in camelCase.
type gres struct {
	kind, name string
	props      *obj
	dependsOn  []*gres
}

// gref is a reference to an attribute (Terraform spelling) of a resource.
type gref struct {
	r    *gres
	attr string
}

// ginterp is a string made of literal parts and references.
type ginterp []any

// graph is the resources of a Terraform or Pulumi program, in creation order.
type graph struct {
	names *namer
	res   []*gres
	desc  string
	api   *gres
}

func (g *graph) add(kind, name string, props *obj, deps ...*gres) *gres {
	r := &gres{kind: kind, name: name, props: props, dependsOn: deps}
	g.res = append(g.res, r)
	return r
}

func ref(r *gres, attr string) gref { return gref{r, attr} }

// buildGraph turns the dump into Terraform-shaped resources.
func buildGraph(d *apimodel.Dump) (*graph, error) {
	g := &graph{names: newNamer()}
	switch {
	case d.REST != nil:
		g.rest(d.REST)
	case d.V2 != nil:
		g.v2(d.V2)
	default:
		return nil, errEmpty
	}
	return g, nil
}

// intString writes an optional integer as a string, for arguments that the
// providers declare as strings (minimum_compression_size).
func intString(i *int) any {
	if i == nil {
		return nil
	}
	return strconv.Itoa(*i)
}

func (g *graph) rest(r *apimodel.RestDump) {
	api := r.RestAPI
	if api == nil {
		api = &apimodel.RestAPI{}
	}
	props := newObj().set("name", cmpOr(api.Name, defaultName)).set("description", api.Description).
		set("binary_media_types", api.BinaryMediaTypes).set("minimum_compression_size", intString(api.MinimumCompressionSize)).
		set("api_key_source", api.APIKeySource)
	if ec := api.EndpointConfiguration; ec != nil {
		props.set("endpoint_configuration", newObj().set("types", ec.Types).set("vpc_endpoint_ids", ec.VpcEndpointIDs).set("ip_address_type", ec.IPAddressType))
	}
	props.set("policy", api.Policy).set("disable_execute_api_endpoint", api.DisableExecuteAPIEndpoint).set("tags", api.Tags)
	g.api = g.add("api_gateway_rest_api", g.names.name("Api"), props)
	g.desc = "REST API " + cmpOr(api.Name, defaultName)
	withAPI := func() *obj { return newObj().set("rest_api_id", ref(g.api, "id")) }

	models := map[string]*gres{}
	for _, m := range sortedModels(r.Models) {
		var schema any = m.Schema
		var deps []*gres
		if parts := schemaParts(string(m.Schema)); len(parts) > 1 {
			in := ginterp{parts[0]}
			for _, p := range parts[1:] {
				in = append(in, ref(g.api, "id"), p)
			}
			schema = in
			for _, ref := range modelRefRE.FindAllStringSubmatch(string(m.Schema), -1) {
				if dep, ok := models[ref[2]]; ok {
					deps = append(deps, dep)
				}
			}
		}
		models[m.Name] = g.add("api_gateway_model", g.names.name("Model", m.Name), withAPI().set("name", m.Name).
			set("description", m.Description).set("content_type", cmpOr(m.ContentType, "application/json")).set("schema", schema), deps...)
	}
	auths := map[string]any{}
	for _, a := range sortedAuthorizers(r.Authorizers) {
		res := g.add("api_gateway_authorizer", g.names.name("Authorizer", a.Name), withAPI().set("name", a.Name).set("type", a.Type).
			set("provider_arns", a.ProviderARNs).set("authorizer_uri", a.AuthorizerURI).set("authorizer_credentials", a.AuthorizerCredentials).
			set("identity_source", a.IdentitySource).set("identity_validation_expression", a.IdentityValidationExpression).
			set("authorizer_result_ttl_in_seconds", a.AuthorizerResultTTLInSeconds))
		auths[a.ID] = ref(res, "id")
		if fn, ok := lambdaFunction(a.AuthorizerURI); ok && a.AuthorizerCredentials == "" {
			g.permission(res.name, fn, ginterp{ref(g.api, "execution_arn"), "/authorizers/", ref(res, "id")})
		}
	}
	vals := map[string]any{}
	for _, v := range sortedValidators(r.RequestValidators) {
		res := g.add("api_gateway_request_validator", g.names.name("Validator", v.Name), withAPI().set("name", v.Name).
			set("validate_request_body", v.ValidateRequestBody).set("validate_request_parameters", v.ValidateRequestParameters))
		vals[v.ID] = ref(res, "id")
	}
	resIDs := map[string]any{}
	for _, res := range r.TreeOrder() {
		if res.ParentID == "" {
			resIDs[res.ID] = ref(g.api, "root_resource_id")
			continue
		}
		n := g.add("api_gateway_resource", g.names.name("Resource", res.Path), withAPI().
			set("parent_id", refOr(resIDs, res.ParentID)).set("path_part", res.PathPart))
		resIDs[res.ID] = ref(n, "id")
	}
	var deployDeps []*gres
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
			base := g.names.name("Method", pathWords, verb)
			var deps []*gres
			for _, ct := range apimodel.SortedKeys(m.RequestModels) {
				if dep, ok := models[m.RequestModels[ct]]; ok {
					deps = append(deps, dep)
				}
			}
			method := g.add("api_gateway_method", base, withAPI().set("resource_id", refOr(resIDs, res.ID)).set("http_method", verb).
				set("authorization", cmpOr(m.AuthorizationType, "NONE")).set("authorizer_id", refOr(auths, m.AuthorizerID)).
				set("authorization_scopes", m.AuthorizationScopes).set("api_key_required", m.APIKeyRequired).
				set("operation_name", m.OperationName).set("request_models", m.RequestModels).
				set("request_validator_id", refOr(vals, m.RequestValidatorID)).set("request_parameters", m.RequestParameters), deps...)
			deployDeps = append(deployDeps, method)
			at := func() *obj {
				return withAPI().set("resource_id", refOr(resIDs, res.ID)).set("http_method", ref(method, "http_method"))
			}
			mrs := map[string]*gres{}
			for _, sc := range apimodel.SortedKeys(m.MethodResponses) {
				mr := m.MethodResponses[sc]
				var deps []*gres
				for _, ct := range apimodel.SortedKeys(mr.ResponseModels) {
					if dep, ok := models[mr.ResponseModels[ct]]; ok {
						deps = append(deps, dep)
					}
				}
				mrs[sc] = g.add("api_gateway_method_response", g.names.name(base+"Response", sc), at().
					set("status_code", cmpOr(mr.StatusCode, sc)).set("response_models", mr.ResponseModels).
					set("response_parameters", mr.ResponseParameters), deps...)
			}
			in := m.MethodIntegration
			if in == nil {
				continue
			}
			p := at().set("type", in.Type).set("integration_http_method", in.HTTPMethod).set("uri", in.URI).
				set("credentials", in.Credentials).set("connection_type", in.ConnectionType).set("connection_id", in.ConnectionID).
				set("request_parameters", in.RequestParameters).set("request_templates", in.RequestTemplates).
				set("passthrough_behavior", in.PassthroughBehavior).set("content_handling", in.ContentHandling).
				set("timeout_milliseconds", in.TimeoutInMillis).set("cache_namespace", cacheNamespace(in.CacheNamespace, res.ID, resIDs)).
				set("cache_key_parameters", in.CacheKeyParameters)
			if in.TLSConfig != nil {
				p.set("tls_config", newObj().set("insecure_skip_verification", in.TLSConfig.InsecureSkipVerification))
			}
			integ := g.add("api_gateway_integration", g.names.name(base+"Integration"), p)
			deployDeps = append(deployDeps, integ)
			for _, sc := range apimodel.SortedKeys(in.IntegrationResponses) {
				ir := in.IntegrationResponses[sc]
				code := cmpOr(ir.StatusCode, sc)
				// Referring to the method response's status code orders the
				// integration response after it; depends_on orders it after
				// the integration, which it does not otherwise refer to.
				var status any = code
				if mr, ok := mrs[code]; ok {
					status = ref(mr, "status_code")
				}
				g.add("api_gateway_integration_response", g.names.name(base+"IntegrationResponse", code), at().
					set("status_code", status).set("selection_pattern", ir.SelectionPattern).
					set("response_parameters", ir.ResponseParameters).set("response_templates", ir.ResponseTemplates).
					set("content_handling", ir.ContentHandling), integ)
			}
			if (in.Type == "AWS" || in.Type == "AWS_PROXY") && in.Credentials == "" {
				if fn, ok := lambdaFunction(in.URI); ok {
					g.permission(base, fn, ginterp{ref(g.api, "execution_arn"), arnPath(verb, res.Path)})
				}
			}
		}
	}
	for _, gr := range sortedGatewayResponses(r.GatewayResponses) {
		g.add("api_gateway_gateway_response", g.names.name("GatewayResponse", lowerWords(gr.ResponseType)), withAPI().
			set("response_type", gr.ResponseType).set("status_code", gr.StatusCode).
			set("response_parameters", gr.ResponseParameters).set("response_templates", gr.ResponseTemplates))
	}
	for _, p := range sortedDocParts(r.DocumentationParts) {
		l := p.Location
		g.add("api_gateway_documentation_part", g.names.name("Documentation", l.Type, l.Path, l.Method, l.StatusCode, l.Name), withAPI().
			set("location", newObj().set("type", l.Type).set("path", l.Path).set("method", l.Method).set("status_code", l.StatusCode).set("name", l.Name)).
			set("properties", p.Properties))
	}
	if len(deployDeps) > 0 {
		g.add("api_gateway_deployment", g.names.name("Deployment"), withAPI(), deployDeps...)
	}
}

// permission adds the aws_lambda_permission letting API Gateway invoke fn.
func (g *graph) permission(source, fn string, arn ginterp) {
	g.add("lambda_permission", g.names.name(source+"Permission"), newObj().set("statement_id", "AllowExecutionFromAPIGateway").
		set("action", "lambda:InvokeFunction").set("function_name", fn).set("principal", "apigateway.amazonaws.com").
		set("source_arn", arn))
}

func (g *graph) v2(v *apimodel.V2Dump) {
	api := v.API
	if api == nil {
		api = &apimodel.API{}
	}
	props := newObj().set("name", cmpOr(api.Name, defaultName)).set("protocol_type", cmpOr(api.ProtocolType, "HTTP")).
		set("route_selection_expression", api.RouteSelectionExpression).set("api_key_selection_expression", api.APIKeySelectionExpression).
		set("description", api.Description).set("version", api.Version).set("disable_execute_api_endpoint", api.DisableExecuteAPIEndpoint).
		set("ip_address_type", api.IPAddressType)
	if cors := api.CorsConfiguration; cors != nil {
		props.set("cors_configuration", newObj().set("allow_credentials", cors.AllowCredentials).set("allow_headers", cors.AllowHeaders).
			set("allow_methods", cors.AllowMethods).set("allow_origins", cors.AllowOrigins).set("expose_headers", cors.ExposeHeaders).
			set("max_age", cors.MaxAge))
	}
	props.set("tags", api.Tags)
	g.api = g.add("apigatewayv2_api", g.names.name("Api"), props)
	g.desc = protocolName(api.ProtocolType) + " API " + cmpOr(api.Name, defaultName)
	withAPI := func() *obj { return newObj().set("api_id", ref(g.api, "id")) }

	auths := map[string]any{}
	for _, a := range sortedV2Authorizers(v.Authorizers) {
		p := withAPI().set("name", a.Name).set("authorizer_type", a.AuthorizerType).set("authorizer_uri", a.AuthorizerURI).
			set("authorizer_credentials_arn", a.AuthorizerCredentialsArn).set("authorizer_payload_format_version", a.AuthorizerPayloadFormatVersion).
			set("authorizer_result_ttl_in_seconds", a.AuthorizerResultTTLInSeconds).set("enable_simple_responses", a.EnableSimpleResponses).
			set("identity_sources", a.IdentitySource)
		if j := a.JwtConfiguration; j != nil {
			p.set("jwt_configuration", newObj().set("audience", j.Audience).set("issuer", j.Issuer))
		}
		res := g.add("apigatewayv2_authorizer", g.names.name("Authorizer", a.Name), p)
		auths[a.AuthorizerID] = ref(res, "id")
		if fn, ok := lambdaFunction(a.AuthorizerURI); ok && a.AuthorizerCredentialsArn == "" {
			g.permission(res.name, fn, ginterp{ref(g.api, "execution_arn"), "/authorizers/", ref(res, "id")})
		}
	}
	for _, m := range sortedV2Models(v.Models) {
		g.add("apigatewayv2_model", g.names.name("Model", m.Name), withAPI().set("name", m.Name).
			set("content_type", m.ContentType).set("description", m.Description).set("schema", m.Schema))
	}
	integNames := v2IntegrationNames(g.names, v)
	integs := map[string]*gres{}
	for _, in := range sortedIntegrations(v.Integrations) {
		p := withAPI().set("integration_type", in.IntegrationType).set("integration_uri", in.IntegrationURI).
			set("integration_method", in.IntegrationMethod).set("integration_subtype", in.IntegrationSubtype).
			set("connection_type", in.ConnectionType).set("connection_id", in.ConnectionID).set("credentials_arn", in.CredentialsArn).
			set("description", in.Description).set("payload_format_version", in.PayloadFormatVersion).
			set("passthrough_behavior", in.PassthroughBehavior).set("content_handling_strategy", in.ContentHandlingStrategy).
			set("request_parameters", in.RequestParameters).set("request_templates", in.RequestTemplates)
		var rps []any
		for _, sc := range apimodel.SortedKeys(in.ResponseParameters) {
			rps = append(rps, newObj().set("status_code", sc).set("mappings", in.ResponseParameters[sc]))
		}
		p.set("response_parameters", rps).set("template_selection_expression", in.TemplateSelectionExpression).
			set("timeout_milliseconds", in.TimeoutInMillis)
		if in.TLSConfig != nil {
			p.set("tls_config", newObj().set("server_name_to_verify", in.TLSConfig.ServerNameToVerify))
		}
		res := g.add("apigatewayv2_integration", integNames[in.IntegrationID], p)
		integs[in.IntegrationID] = res
		if in.IntegrationType == "AWS_PROXY" || in.IntegrationType == "AWS" {
			if fn, ok := lambdaFunction(in.IntegrationURI); ok && in.CredentialsArn == "" {
				g.permission(res.name, fn, ginterp{ref(g.api, "execution_arn"), "/*"})
			}
		}
		for _, ir := range sortedIntegrationResponses(v.IntegrationResponses[in.IntegrationID]) {
			// The providers have no argument for a WebSocket integration
			// response's ResponseParameters; they are left out.
			g.add("apigatewayv2_integration_response", g.names.name(res.name+"Response", ir.IntegrationResponseKey), withAPI().
				set("integration_id", ref(res, "id")).set("integration_response_key", ir.IntegrationResponseKey).
				set("content_handling_strategy", ir.ContentHandlingStrategy).set("response_templates", ir.ResponseTemplates).
				set("template_selection_expression", ir.TemplateSelectionExpression))
		}
	}
	var routes []*gres
	for _, r := range sortedRoutes(v.Routes) {
		var target any = r.Target
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok && integs[id] != nil {
			target = ginterp{"integrations/", ref(integs[id], "id")}
		}
		var params []any
		for _, k := range apimodel.SortedKeys(r.RequestParameters) {
			req := false
			if c := r.RequestParameters[k]; c != nil && c.Required != nil {
				req = *c.Required
			}
			params = append(params, newObj().set("request_parameter_key", k).set("required", req))
		}
		route := g.add("apigatewayv2_route", g.names.name("Route", r.RouteKey), withAPI().set("route_key", r.RouteKey).
			set("target", target).set("authorization_type", r.AuthorizationType).set("authorizer_id", refOr(auths, r.AuthorizerID)).
			set("authorization_scopes", r.AuthorizationScopes).set("api_key_required", r.APIKeyRequired).
			set("operation_name", r.OperationName).set("model_selection_expression", r.ModelSelectionExpression).
			set("request_models", r.RequestModels).set("request_parameter", params).
			set("route_response_selection_expression", r.RouteResponseSelectionExpression))
		routes = append(routes, route)
		for _, rr := range sortedRouteResponses(v.RouteResponses[r.RouteID]) {
			g.add("apigatewayv2_route_response", g.names.name(route.name+"Response", rr.RouteResponseKey), withAPI().
				set("route_id", ref(route, "id")).set("route_response_key", rr.RouteResponseKey).
				set("model_selection_expression", rr.ModelSelectionExpression).set("response_models", rr.ResponseModels))
		}
	}
	var deployment *gres
	for _, s := range sortedStages(v.Stages) {
		p := withAPI().set("name", s.StageName).set("auto_deploy", s.AutoDeploy).set("description", s.Description).
			set("stage_variables", s.StageVariables).set("tags", s.Tags)
		if s.AutoDeploy == nil || !*s.AutoDeploy {
			if deployment == nil {
				deployment = g.add("apigatewayv2_deployment", g.names.name("Deployment"), withAPI(), routes...)
			}
			p.set("deployment_id", ref(deployment, "id"))
		}
		g.add("apigatewayv2_stage", g.names.name("Stage", s.StageName), p)
	}
}
