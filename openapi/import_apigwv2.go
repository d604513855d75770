package openapi

import (
	"cmp"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

// apigwv2 imports an HTTP API as apigatewayv2 ImportApi does: one route per
// operation, one integration per operation (or per reusable integration it
// refers to), authorizers from the security schemes, CORS from
// x-amazon-apigateway-cors.
func (im *importer) apigwv2() *apimodel.V2Dump {
	api := &apimodel.API{
		Name:                      cmp.Or(im.template().name(), im.doc.Info.Title),
		Description:               im.doc.Info.Description,
		Version:                   im.doc.Info.Version,
		ProtocolType:              "HTTP",
		RouteSelectionExpression:  "$request.method $request.path",
		APIKeySelectionExpression: "$request.header.x-api-key",
		DisableExecuteAPIEndpoint: boolPtr(false),
		CreatedDate:               cmp.Or(im.opts.CreatedDate, DefaultCreatedDate),
		// New APIs take IPv4 addresses unless asked otherwise, as new REST
		// APIs do (their recorded ipAddressType is ipv4).
		IPAddressType: "ipv4",
	}
	if im.template().name() == "" {
		api.Name = cmp.Or(im.titleIntrinsic(&api.Intrinsics, "Name"), api.Name)
	}
	im.apiID = apimodel.StableID("api", api.Name)
	if ex := im.opts.Existing; ex != nil && ex.V2 != nil && ex.V2.API != nil {
		im.apiID = cmp.Or(ex.V2.API.APIID, im.apiID)
	}
	api.APIID = im.apiID
	api.APIEndpoint = "https://" + im.apiID + ".execute-api." + cmp.Or(im.opts.Region, "us-east-1") + ".amazonaws.com"
	out := &apimodel.V2Dump{API: api}
	if c, ok := im.doc.Extension(extensions.ExtCORS).(*extensions.CORS); ok && source.IntrinsicName(c.Node()) != "" {
		// Warning, not the code's info: the API loses its CORS configuration.
		im.AddAs(diag.Warning, diag.ImportIntrinsic, c.Node(), "", "%s is chosen as a whole by %s; the model keeps intrinsic functions where a string stands only, so the API is imported without CORS: choose the values inside the object instead",
			extensions.ExtCORS, source.IntrinsicName(c.Node()))
	} else if ok {
		t := &api.Intrinsics
		api.CorsConfiguration = &apimodel.Cors{AllowCredentials: c.AllowCredentials, MaxAge: c.MaxAge,
			AllowHeaders: im.keepList(t, "CorsConfiguration/AllowHeaders", c.AllowHeaders), AllowMethods: im.keepList(t, "CorsConfiguration/AllowMethods", c.AllowMethods),
			AllowOrigins: im.keepList(t, "CorsConfiguration/AllowOrigins", c.AllowOrigins), ExposeHeaders: im.keepList(t, "CorsConfiguration/ExposeHeaders", c.ExposeHeaders)}
	}
	for _, x := range im.doc.ExtensionsNamed(extensions.ExtEndpointConfiguration) {
		if e, ok := x.Value.(*extensions.EndpointConfiguration); ok && e.DisableExecuteAPIEndpoint != nil {
			api.DisableExecuteAPIEndpoint = e.DisableExecuteAPIEndpoint
		}
	}
	authByName := map[string]*apimodel.V2Authorizer{}
	for _, s := range im.doc.SecuritySchemes {
		name, a := s.Name, s.Authorizer
		if a == nil {
			continue
		}
		if !a.Is(extensions.AuthorizerJWT) && !a.Is(extensions.AuthorizerRequest) {
			im.Add(diag.ImportSecurity, a.Node(), "", "security scheme %q: an HTTP API has jwt and request authorizers, not %s; the authorizer is not created", name, a.Type)
			continue
		}
		va := &apimodel.V2Authorizer{AuthorizerID: apimodel.StableID("authorizer", im.apiID+"/"+name), Name: name,
			AuthorizerType: upper(a.Type), AuthorizerPayloadFormatVersion: a.AuthorizerPayloadFormatVersion, EnableSimpleResponses: a.EnableSimpleResponses,
			AuthorizerResultTTLInSeconds: a.AuthorizerResultTTLInSeconds}
		t := &va.Intrinsics
		va.AuthorizerURI = im.keep(t, "AuthorizerUri", a.AuthorizerURI)
		va.AuthorizerCredentialsArn = im.keep(t, "AuthorizerCredentialsArn", a.AuthorizerCredentials)
		va.IdentityValidationExpression = im.keep(t, "IdentityValidationExpression", a.IdentityValidationExpression)
		if a.IdentitySource != nil {
			va.IdentitySource = im.keepList(t, "IdentitySource", a.IdentitySource.Sources)
		}
		if a.JWTConfiguration != nil {
			va.JwtConfiguration = &apimodel.JWTConfiguration{Issuer: im.keep(t, "JwtConfiguration/Issuer", a.JWTConfiguration.Issuer),
				Audience: im.keepList(t, "JwtConfiguration/Audience", a.JWTConfiguration.Audience)}
		}
		if len(va.IdentitySource) == 0 && va.AuthorizerType == "JWT" && s.Type == "oauth2" {
			va.IdentitySource = []string{"$request.header.Authorization"}
		}
		authByName[name] = va
		out.Authorizers = append(out.Authorizers, va)
	}
	reusable := map[string]*apimodel.V2Integration{}
	for _, op := range im.doc.Operations() {
		rel := im.relPointer(op.Pointer)
		key := op.Method + " " + op.Path
		if op.Method == "ANY" {
			if source.IsTrue(source.Get(op.Node, "isDefaultRoute")) {
				key = "$default"
			}
		}
		r := &apimodel.Route{RouteID: apimodel.StableID("route", im.apiID+"/"+key), RouteKey: key, AuthorizationType: "NONE",
			APIKeyRequired: boolPtr(false), OperationName: op.ID}
		for _, prev := range out.Routes {
			if prev.RouteKey == key {
				im.Add(diag.ImportDuplicate, op.Node, rel, "route %q is defined twice; the later one is kept", key)
			}
		}
		im.apigwv2Security(op, r, authByName)
		integ, ok := op.Extension(extensions.ExtIntegration).(*extensions.Integration)
		switch {
		case !ok:
			im.Add(diag.ImportNoIntegration, op.Node, rel, "route %q has no %s; it is created without a target", key, extensions.ExtIntegration)
		case integ.IsRef():
			name := integ.RefName()
			vi := reusable[name]
			if vi == nil {
				if all, ok := im.doc.ComponentsExtension(extensions.ExtIntegrations).(*extensions.Integrations); ok {
					if target, ok := all.Integrations.Get(name); ok && target != nil {
						vi = im.apigwv2Integration(target, "integration "+name, rel)
						out.Integrations = append(out.Integrations, vi)
						reusable[name] = vi
					}
				}
			}
			if vi == nil {
				im.Add(diag.ImportRef, integ.Node(), rel+"/"+extensions.ExtIntegration, "$ref %q names no reusable integration in components.%s; the route is created without a target", integ.Ref, extensions.ExtIntegrations)
				break
			}
			r.Target = "integrations/" + vi.IntegrationID
		default:
			vi := im.apigwv2Integration(integ, key, rel)
			out.Integrations = append(out.Integrations, vi)
			r.Target = "integrations/" + vi.IntegrationID
		}
		out.Routes = append(out.Routes, r)
	}
	im.apigwv2IntegrationIDs(out)
	if ex := im.opts.Existing; ex != nil && ex.V2 != nil {
		return reimport(ex.V2, out)
	}
	return out
}

// apigwv2IntegrationIDs names each integration after the smallest route key that
// targets it, so that an integration keeps its id whether it was written
// inline or as a reusable integration.
func (im *importer) apigwv2IntegrationIDs(out *apimodel.V2Dump) {
	for _, in := range out.Integrations {
		target := "integrations/" + in.IntegrationID
		key := ""
		for _, r := range out.Routes {
			if r.Target == target && (key == "" || r.RouteKey < key) {
				key = r.RouteKey
			}
		}
		if key == "" {
			continue
		}
		in.IntegrationID = apimodel.StableID("integration", im.apiID+"/"+key)
		for _, r := range out.Routes {
			if r.Target == target {
				r.Target = "integrations/" + in.IntegrationID
			}
		}
	}
}

func (im *importer) apigwv2Integration(v *extensions.Integration, owner, rel string) *apimodel.V2Integration {
	vi := &apimodel.V2Integration{
		IntegrationID:           apimodel.StableID("integration", im.apiID+"/"+owner),
		IntegrationType:         upper(string(v.Type)),
		ConnectionType:          orText(upper(string(v.ConnectionType)), "INTERNET"),
		PayloadFormatVersion:    v.PayloadFormatVersion,
		TimeoutInMillis:         v.TimeoutInMillis,
		ContentHandlingStrategy: upper(string(v.ContentHandling)),
	}
	t := &vi.Intrinsics
	method := v.HTTPMethod
	if method.IsLiteral() {
		method.Value = upper(method.Value)
	}
	vi.IntegrationURI = im.keep(t, "IntegrationUri", v.URI)
	vi.IntegrationMethod = im.keep(t, "IntegrationMethod", method)
	vi.IntegrationSubtype = im.keep(t, "IntegrationSubtype", v.IntegrationSubtype)
	vi.ConnectionID = im.keep(t, "ConnectionId", v.ConnectionID)
	vi.CredentialsArn = im.keep(t, "CredentialsArn", v.Credentials)
	vi.RequestParameters = im.keepMap(t, "RequestParameters", v.RequestParameters)
	if vi.TimeoutInMillis == nil {
		vi.TimeoutInMillis = intPtr(30000)
	}
	if vi.PayloadFormatVersion == "" && vi.IntegrationType != "MOCK" {
		vi.PayloadFormatVersion = "1.0"
		if vi.IntegrationType == "AWS_PROXY" {
			im.Add(diag.ImportPayloadFormat, v.Node(), rel+"/"+extensions.ExtIntegration,
				"%s has no payloadFormatVersion; import takes 1.0, while Lambda functions written for HTTP APIs usually expect 2.0: write payloadFormatVersion: \"1.0\" or \"2.0\"", owner)
		}
	}
	if v.TLSConfig != nil && !v.TLSConfig.ServerNameToVerify.IsZero() {
		vi.TLSConfig = &apimodel.V2TLSConfig{ServerNameToVerify: im.keep(t, "TlsConfig/ServerNameToVerify", v.TLSConfig.ServerNameToVerify)}
	}
	for _, p := range v.ResponseParameters {
		if vi.ResponseParameters == nil {
			vi.ResponseParameters = map[string]map[string]string{}
		}
		vi.ResponseParameters[p.Key] = im.keepMap(t, apimodel.Path("ResponseParameters", p.Key), p.Value)
	}
	return vi
}

func orText(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (im *importer) apigwv2Security(op *Operation, r *apimodel.Route, auth map[string]*apimodel.V2Authorizer) {
	reqs, _ := op.EffectiveSecurity()
	for _, req := range reqs {
		for _, use := range req.Schemes {
			if a := auth[use.Name]; a != nil {
				r.AuthorizerID = a.AuthorizerID
				r.AuthorizationType = "CUSTOM"
				if a.AuthorizerType == "JWT" {
					r.AuthorizationType = "JWT"
					r.AuthorizationScopes = append(r.AuthorizationScopes, use.Scopes...)
				}
				continue
			}
			if s := im.doc.SecurityScheme(use.Name); s != nil && s.AuthType != nil && s.AuthType.IsIAM() {
				r.AuthorizationType = "AWS_IAM"
			}
		}
	}
	if a, ok := op.Extension(extensions.ExtAuth).(*extensions.Auth); ok && strings.EqualFold(a.Type, "AWS_IAM") {
		r.AuthorizationType = "AWS_IAM"
	}
}
