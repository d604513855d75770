package openapi

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// apiSettings reads the root extensions that configure the REST API itself.
func (im *importer) apiSettings(api *apimodel.RestAPI) {
	api.APIKeySource = "HEADER"
	if v, ok := im.doc.Extension(extensions.ExtAPIKeySource).(*extensions.APIKeySource); ok && v.Value != "" {
		api.APIKeySource = upper(v.Value)
	}
	if v, ok := im.doc.Extension(extensions.ExtBinaryMediaTypes).(*extensions.BinaryMediaTypes); ok {
		api.BinaryMediaTypes = im.keepList(&api.Intrinsics, "binaryMediaTypes", v.Types)
	}
	if v, ok := im.doc.Extension(extensions.ExtMinimumCompressionSize).(*extensions.MinimumCompressionSize); ok && v.Bytes != nil {
		api.MinimumCompressionSize = v.Bytes
	}
	if v, ok := im.doc.Extension(extensions.ExtPolicy).(*extensions.Policy); ok {
		if v.Document != nil {
			api.Policy = apimodel.JSONText(compactJSON(v.Document, nil))
		} else {
			api.Policy = apimodel.JSONText(im.keep(&api.Intrinsics, "policy", v.Text))
		}
	}
	ec := &apimodel.EndpointConfiguration{IPAddressType: "ipv4"}
	api.DisableExecuteAPIEndpoint = boolPtr(false)
	var e *extensions.EndpointConfiguration
	if v, ok := im.doc.Extension(extensions.ExtEndpointConfiguration).(*extensions.EndpointConfiguration); ok {
		e = v
	}
	for _, x := range im.doc.ExtensionsNamed(extensions.ExtEndpointConfiguration) {
		if x.Place == extensions.AtServer && e == nil {
			e, _ = x.Value.(*extensions.EndpointConfiguration)
		}
	}
	if e != nil {
		for i, t := range e.Types {
			if t.IsLiteral() {
				t.Value = upper(t.Value)
			}
			ec.Types = append(ec.Types, im.keep(&api.Intrinsics, apimodel.Path("endpointConfiguration", "types", strconv.Itoa(i)), t))
		}
		ec.VpcEndpointIDs = im.keepList(&api.Intrinsics, "endpointConfiguration/vpcEndpointIds", e.VPCEndpointIDs)
		if e.IPAddressType != "" {
			ec.IPAddressType = strings.ToLower(e.IPAddressType)
		}
		if e.DisableExecuteAPIEndpoint != nil {
			api.DisableExecuteAPIEndpoint = e.DisableExecuteAPIEndpoint
		}
	}
	if len(ec.Types) == 0 {
		ec.Types = []string{upper(im.opts.EndpointType)}
		if ec.Types[0] == "" {
			ec.Types[0] = "EDGE"
		}
	}
	api.EndpointConfiguration = ec
}

// defaultAuthorizerTTL is authorizerResultTtlInSeconds when none is written.
const defaultAuthorizerTTL = 300

// authorizers imports every security scheme with x-amazon-apigateway-authorizer.
func (im *importer) authorizers() {
	for _, s := range im.doc.SecuritySchemes {
		name, a := s.Name, s.Authorizer
		if a == nil {
			continue
		}
		out := &apimodel.Authorizer{
			ID:                           apimodel.StableID("authorizer", im.apiID+"/"+name),
			Name:                         name,
			Type:                         upper(a.Type),
			AuthorizerResultTTLInSeconds: a.AuthorizerResultTTLInSeconds,
		}
		out.AuthorizerURI = im.keep(&out.Intrinsics, "authorizerUri", a.AuthorizerURI)
		out.AuthorizerCredentials = im.keep(&out.Intrinsics, "authorizerCredentials", a.AuthorizerCredentials)
		out.IdentityValidationExpression = im.keep(&out.Intrinsics, "identityValidationExpression", a.IdentityValidationExpression)
		if s.AuthType != nil {
			out.AuthType = im.keep(&out.Intrinsics, "authType", s.AuthType.Value)
		}
		if a.IdentitySource != nil {
			var sources []string
			for _, src := range a.IdentitySource.Sources {
				sources = append(sources, im.text(src, a.Node(), im.relPointer(s.Pointer)+"/"+extensions.ExtAuthorizer+"/identitySource"))
			}
			out.IdentitySource = strings.Join(sources, ", ")
		}
		if out.IdentitySource == "" && s.In == "header" && (a.Is(extensions.AuthorizerToken) || a.Is(extensions.AuthorizerCognitoUserPools)) {
			out.IdentitySource = "method.request.header." + s.ParamName
		}
		out.ProviderARNs = im.keepList(&out.Intrinsics, "providerARNs", a.ProviderARNs)
		switch {
		case out.AuthType != "":
		case out.Type == "COGNITO_USER_POOLS":
			out.AuthType = "cognito_user_pools"
		default:
			// API Gateway's word for a Lambda (TOKEN or REQUEST) authorizer.
			out.AuthType = "custom"
		}
		if out.Type == "COGNITO_USER_POOLS" && out.AuthorizerResultTTLInSeconds == nil {
			// The documented default, which API Gateway returns for a user
			// pool authorizer; a Lambda authorizer imported without a TTL
			// has none (the recorded get-authorizers shows none).
			out.AuthorizerResultTTLInSeconds = intPtr(defaultAuthorizerTTL)
		}
		im.out.Authorizers = append(im.out.Authorizers, out)
	}
}

// security sets a method's authorization from its security requirements
// (or the document's), x-amazon-apigateway-auth and the schemes they name.
func (im *importer) security(op *Operation, m *apimodel.Method) {
	reqs, _ := op.EffectiveSecurity()
	for _, req := range reqs {
		for _, use := range req.Schemes {
			ptr := strings.TrimPrefix(source.Pointer(req.Pointer, use.Name), im.doc.Pointer)
			s := im.doc.SecurityScheme(use.Name)
			switch {
			case s == nil:
				im.Add(diag.ImportSecurity, use.Key, ptr, "security scheme %q is not defined; define it or remove the requirement", use.Name)
			case s.Authorizer != nil:
				for _, out := range im.out.Authorizers {
					if out.Name == use.Name {
						m.AuthorizerID = out.ID
					}
				}
				m.AuthorizationType = "CUSTOM"
				if s.Authorizer.Is(extensions.AuthorizerCognitoUserPools) {
					m.AuthorizationType = "COGNITO_USER_POOLS"
					m.AuthorizationScopes = append(m.AuthorizationScopes, use.Scopes...)
				}
			case s.AuthType != nil && s.AuthType.IsIAM():
				m.AuthorizationType = "AWS_IAM"
			case s.Type == "apiKey" && strings.EqualFold(s.ParamName, "x-api-key") && s.In == "header":
				m.APIKeyRequired = boolPtr(true)
			default:
				// Import ignores the scheme without a word: info, not a warning.
				im.AddAs(diag.Info, diag.ImportSecurity, use.Key, ptr,
					"security scheme %q is neither an API key (x-api-key header), IAM (x-amazon-apigateway-authtype: awsSigv4) nor an authorizer; API Gateway ignores it", use.Name)
			}
		}
	}
	if a, ok := op.Extension(extensions.ExtAuth).(*extensions.Auth); ok && a.Type != "" {
		m.AuthorizationType = upper(a.Type)
		if m.AuthorizationType == "NONE" || m.AuthorizationType == "AWS_IAM" {
			m.AuthorizerID = ""
		}
	}
}

// validators imports x-amazon-apigateway-request-validators.
func (im *importer) validators() {
	v, ok := im.doc.Extension(extensions.ExtRequestValidators).(*extensions.RequestValidators)
	if !ok {
		return
	}
	for _, p := range v.Validators {
		rv := &apimodel.RequestValidator{ID: apimodel.StableID("requestvalidator", im.apiID+"/"+p.Key), Name: p.Key,
			ValidateRequestBody: boolPtr(false), ValidateRequestParameters: boolPtr(false)}
		if p.Value != nil {
			if p.Value.ValidateRequestBody != nil {
				rv.ValidateRequestBody = p.Value.ValidateRequestBody
			}
			if p.Value.ValidateRequestParameters != nil {
				rv.ValidateRequestParameters = p.Value.ValidateRequestParameters
			}
		}
		im.out.RequestValidators = append(im.out.RequestValidators, rv)
	}
}

// gatewayResponses imports x-amazon-apigateway-gateway-responses.
func (im *importer) gatewayResponses() {
	v, ok := im.doc.Extension(extensions.ExtGatewayResponses).(*extensions.GatewayResponses)
	if !ok {
		return
	}
	for _, p := range v.Responses {
		if p.Value == nil {
			continue
		}
		// What the document leaves out is API Gateway's default for the
		// type, as get-gateway-responses returns a response put without it.
		gr := &apimodel.GatewayResponse{ResponseType: p.Key, DefaultResponse: boolPtr(false)}
		gr.StatusCode = cmp.Or(im.keep(&gr.Intrinsics, "statusCode", p.Value.StatusCode), gatewayStatus[p.Key])
		gr.ResponseParameters = im.keepMap(&gr.Intrinsics, "responseParameters", p.Value.ResponseParameters)
		if gr.ResponseParameters == nil {
			gr.ResponseParameters = map[string]string{}
		}
		gr.ResponseTemplates = im.keepMap(&gr.Intrinsics, "responseTemplates", p.Value.ResponseTemplates)
		if len(p.Value.ResponseTemplates) == 0 {
			// A response put without templates gets API Gateway's own body
			// (put-gateway-response-status-only in LocalStack's snapshots
			// recorded against AWS).
			gr.ResponseTemplates = map[string]string{"application/json": GatewayMessageTemplate}
		}
		im.out.GatewayResponses = append(im.out.GatewayResponses, gr)
	}
}

// GatewayMessageTemplate is the body template API Gateway gives its own
// responses, and a gateway response put without a template.
const GatewayMessageTemplate = `{"message":$context.error.messageString}`

// gatewayStatus is the status code of each gateway response type when none
// is set, as get-gateway-responses returns them (DEFAULT_4XX and
// DEFAULT_5XX have none).
var gatewayStatus = map[string]string{
	"ACCESS_DENIED": "403", "API_CONFIGURATION_ERROR": "500", "AUTHORIZER_CONFIGURATION_ERROR": "500",
	"AUTHORIZER_FAILURE": "500", "BAD_REQUEST_BODY": "400", "BAD_REQUEST_PARAMETERS": "400",
	"EXPIRED_TOKEN": "403", "INTEGRATION_FAILURE": "504", "INTEGRATION_TIMEOUT": "504",
	"INVALID_API_KEY": "403", "INVALID_SIGNATURE": "403", "MISSING_AUTHENTICATION_TOKEN": "403",
	"QUOTA_EXCEEDED": "429", "REQUEST_TOO_LARGE": "413", "RESOURCE_NOT_FOUND": "404",
	"THROTTLED": "429", "UNAUTHORIZED": "401", "UNSUPPORTED_MEDIA_TYPE": "415", "WAF_FILTERED": "403",
}

// documentation imports x-amazon-apigateway-documentation parts.
func (im *importer) documentation() {
	v, ok := im.doc.Extension(extensions.ExtDocumentation).(*extensions.Documentation)
	if !ok {
		return
	}
	for _, p := range v.Parts {
		if p == nil || p.Location == nil {
			continue
		}
		l := p.Location
		loc := apimodel.DocumentationPartLocation{Type: l.Type, Path: l.Path.String(), Method: l.Method.String(), StatusCode: l.StatusCode.String(), Name: l.Name.String()}
		locationDefaults(&loc)
		props := ""
		if r := source.Resolve(p.Properties); r != nil {
			if r.Kind == yaml.ScalarNode {
				props = r.Value
			} else {
				props = compactJSON(r, nil)
			}
		}
		key := strings.Join([]string{loc.Type, loc.Path, loc.Method, loc.StatusCode, loc.Name}, "\x00")
		im.out.DocumentationParts = append(im.out.DocumentationParts, &apimodel.DocumentationPart{
			ID: apimodel.StableID("documentationpart", im.apiID+"/"+key), Location: loc, Properties: apimodel.JSONText(props)})
	}
}

// locationDefaults fills what a documentation part's location leaves out as
// API Gateway does: path "/" (the root resource), method "*" and statusCode
// "*" (any), for the types that have them.
func locationDefaults(l *apimodel.DocumentationPartLocation) {
	switch l.Type {
	case "API", "AUTHORIZER", "MODEL":
		return
	}
	l.Path = cmp.Or(l.Path, "/")
	if l.Type == "RESOURCE" {
		return
	}
	l.Method = cmp.Or(l.Method, "*")
	switch l.Type {
	case "RESPONSE", "RESPONSE_HEADER", "RESPONSE_BODY":
		l.StatusCode = cmp.Or(l.StatusCode, "*")
	}
}
