package schema

import (
	"reflect"

	"github.com/apigw/apigw/extensions"
	"github.com/invopop/jsonschema"
)

// extenders customise the reflected definition of a struct type: field
// ranges, patterns, required fields and the conditions between fields that
// the typed checks report as errors. This table plays the part of
// JSONSchemaExtend methods, kept here so that package extensions does not
// depend on invopop/jsonschema.
var extenders = map[reflect.Type]func(*jsonschema.Schema){
	reflect.TypeFor[extensions.Integration]():              extendIntegration,
	reflect.TypeFor[extensions.TLSConfig]():                func(s *jsonschema.Schema) { deferrable(s) },
	reflect.TypeFor[extensions.IntegrationResponseEntry](): extendIntegrationResponse,
	reflect.TypeFor[extensions.Authorizer]():               extendAuthorizer,
	reflect.TypeFor[extensions.JWTConfiguration](): func(s *jsonschema.Schema) {
		s.Required = []string{"issuer"}
		setProp(s, "audience", strList(strSchema()))
	},
	reflect.TypeFor[extensions.Auth](): func(s *jsonschema.Schema) {
		setProp(s, "type", foldEnum(extensions.AuthNone, extensions.AuthAWSIAM))
		s.Required = []string{"type"}
	},
	reflect.TypeFor[extensions.CORS]():                  extendCORS,
	reflect.TypeFor[extensions.GatewayResponse]():       extendGatewayResponse,
	reflect.TypeFor[extensions.Documentation]():         func(s *jsonschema.Schema) {},
	reflect.TypeFor[extensions.DocumentationPart]():     extendDocumentationPart,
	reflect.TypeFor[extensions.DocumentationLocation](): extendDocumentationLocation,
	reflect.TypeFor[extensions.EndpointConfiguration](): func(s *jsonschema.Schema) {
		setProp(s, "types", strList(strMatching(exactPattern("EDGE", "REGIONAL", "PRIVATE"))))
		setProp(s, "ipAddressType", foldEnum("ipv4", "dualstack"))
	},
}

// methods an integration may call; ANY passes the client's.
var integrationMethods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"}

func extendIntegration(s *jsonschema.Schema) {
	setProp(s, "$ref", &jsonschema.Schema{Type: "string", Pattern: "^" + quoteMeta(extensions.IntegrationsRefPrefix) + "[^/]+$",
		Description: "Reference to a reusable integration of components/x-amazon-apigateway-integrations (HTTP APIs)."})
	setProp(s, "httpMethod", strMatching(foldPattern(integrationMethods...)))
	setProp(s, "integrationSubtype", strMatching(exactPattern(extensions.IntegrationSubtypes...)))
	setProp(s, "payloadFormatVersion", &jsonschema.Schema{Enum: []any{"1.0", "2.0", 1, 2}})
	setProp(s, "timeoutInMillis", integer(extensions.MinTimeoutMillis, extensions.RESTStreamMaxTimeoutMillis, true))
	// REST keys (integration.request.*) take REST sources; HTTP API values are free text with $request… selections.
	params := strMap(anyPattern(restRequestKey, httpRequestKey, subtypeParameter), strSchema())
	params.PatternProperties = map[string]*jsonschema.Schema{`^integration\.request\.`: strMatching(restRequestValue)}
	setProp(s, "requestParameters", params)
	setProp(s, "requestTemplates", strMap(mediaTypePattern, templateSchema()))
	setProp(s, "cacheKeyParameters", strList(strSchema()))
	setProp(s, "responseParameters", strMap(httpStatusKey, strMap(httpResponseKey, strSchema())))
	deferrable(s, "$ref")
	*s = *wholeOr(s, append([]*jsonschema.Schema{
		// type, or a $ref to a reusable integration.
		{AnyOf: []*jsonschema.Schema{{Required: []string{"type"}}, {Required: []string{"$ref"}}}},
		// http, http_proxy and aws call the backend with httpMethod.
		ifThen(typeIs("http", "http_proxy", "aws"), &jsonschema.Schema{Required: []string{"httpMethod"}}),
		// Every type but mock needs a uri, except HTTP API AWS service integrations.
		ifThen(typeIs("http", "http_proxy", "aws"), &jsonschema.Schema{Required: []string{"uri"}}),
		ifThen(allOf(typeIs("aws_proxy"), &jsonschema.Schema{Not: &jsonschema.Schema{Required: []string{"integrationSubtype"}}}),
			&jsonschema.Schema{Required: []string{"uri"}}),
		// Above 300000 ms only streamed responses.
		ifThen(&jsonschema.Schema{Not: propConst("responseTransferMode", "STREAM")}, props("timeoutInMillis", &jsonschema.Schema{
			AnyOf: []*jsonschema.Schema{{Type: "integer", Maximum: num(extensions.RESTRaisedMaxTimeoutMillis)}, {Not: &jsonschema.Schema{Type: "integer"}}},
		})),
		// A VPC link needs its id; connectionId needs a VPC link.
		ifThen(propConst("connectionType", string(extensions.ConnectionVPCLink)), &jsonschema.Schema{Required: []string{"connectionId"}}),
		ifThen(propConst("connectionType", string(extensions.ConnectionInternet)), &jsonschema.Schema{Not: &jsonschema.Schema{Required: []string{"connectionId"}}}),
	}, uriConditions()...))
}

func extendIntegrationResponse(s *jsonschema.Schema) {
	setProp(s, "statusCode", statusCode(true))
	setProp(s, "responseParameters", strMap(restResponseKey, strMatching(restResponseValue)))
	setProp(s, "responseTemplates", strMap(mediaTypePattern, templateSchema()))
	deferrable(s)
	s.Required = []string{"statusCode"}
}

func extendAuthorizer(s *jsonschema.Schema) {
	setProp(s, "type", foldEnum(extensions.AuthorizerToken, extensions.AuthorizerRequest, extensions.AuthorizerCognitoUserPools, extensions.AuthorizerJWT))
	setProp(s, "authorizerResultTtlInSeconds", integer(0, 3600, true))
	setProp(s, "providerARNs", strList(strMatching(`^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/[A-Za-z0-9_-]+$`)))
	setProp(s, "authorizerPayloadFormatVersion", &jsonschema.Schema{Enum: []any{"1.0", "2.0", 1, 2}})
	s.Required = []string{"type"}
	*s = *wholeOr(s, []*jsonschema.Schema{
		ifThen(typeIs("token", "request"), &jsonschema.Schema{Required: []string{"authorizerUri"}}),
		ifThen(typeIs("cognito_user_pools"), &jsonschema.Schema{Required: []string{"providerARNs"}}),
		ifThen(typeIs("jwt"), &jsonschema.Schema{Required: []string{"jwtConfiguration"}}),
	})
}

func extendCORS(s *jsonschema.Schema) {
	for _, k := range []string{"allowOrigins", "exposeHeaders", "allowHeaders"} {
		setProp(s, k, strList(strSchema()))
	}
	setProp(s, "maxAge", integer(-1, 86400, true))
	setProp(s, "allowMethods", strList(strMatching(foldPattern("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*"))))
	*s = *wholeOr(s, []*jsonschema.Schema{
		// Credentials cannot be combined with the wildcard origin.
		ifThen(propConst("allowCredentials", true), props("allowOrigins", &jsonschema.Schema{
			Not: &jsonschema.Schema{Type: "array", Contains: &jsonschema.Schema{Const: "*"}},
		})),
	})
}

func extendGatewayResponse(s *jsonschema.Schema) {
	// A Str: a literal (a YAML or JSON integer too), a ${…} variable or an intrinsic.
	code := strMatching(statusCodePattern)
	code.AnyOf = append(code.AnyOf, &jsonschema.Schema{Type: "integer", Minimum: num(100), Maximum: num(599)})
	setProp(s, "statusCode", code)
	setProp(s, "responseParameters", strMap(gatewayResponseKey, strMatching(gatewayResponseValue)))
	setProp(s, "responseTemplates", strMap(mediaTypePattern, strSchema()))
}

func extendDocumentationPart(s *jsonschema.Schema) {
	setProp(s, "properties", &jsonschema.Schema{Not: &jsonschema.Schema{Type: "array"},
		Description: "The documentation content: a JSON object, or a string holding one."})
	s.Required = []string{"location"}
}

func extendDocumentationLocation(s *jsonschema.Schema) {
	setProp(s, "type", enum(extensions.DocumentationLocationTypes...))
	setProp(s, "statusCode", strMatching(statusCodePattern+`|^\*$`))
	s.Required = []string{"type"}
	var named []string
	for _, t := range extensions.DocumentationLocationTypes {
		switch t {
		case "AUTHORIZER", "MODEL", "PATH_PARAMETER", "QUERY_PARAMETER", "REQUEST_HEADER", "RESPONSE_HEADER":
			named = append(named, t)
		}
	}
	s.AllOf = append(s.AllOf, ifThen(propEnum("type", named...), &jsonschema.Schema{Required: []string{"name"}}))
}

// statusCode is a status code 100–599; with integer, a YAML or JSON integer too.
func statusCode(integerToo bool) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Pattern: statusCodePattern}
	if !integerToo {
		return s
	}
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{s, {Type: "integer", Minimum: num(100), Maximum: num(599)}}}
}

// templateSchema is a mapping template: a string, an intrinsic, or null (an empty template).
func templateSchema() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{{Type: "string"}, {Type: "null"}, ref(intrinsicDef)}}
}
