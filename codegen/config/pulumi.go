package config

import (
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
)

// pulumiTypes maps a Terraform kind to the Pulumi type token.
var pulumiTypes = map[string]string{
	"api_gateway_rest_api":              "aws:apigateway:RestApi",
	"api_gateway_resource":              "aws:apigateway:Resource",
	"api_gateway_method":                "aws:apigateway:Method",
	"api_gateway_method_response":       "aws:apigateway:MethodResponse",
	"api_gateway_integration":           "aws:apigateway:Integration",
	"api_gateway_integration_response":  "aws:apigateway:IntegrationResponse",
	"api_gateway_model":                 "aws:apigateway:Model",
	"api_gateway_authorizer":            "aws:apigateway:Authorizer",
	"api_gateway_request_validator":     "aws:apigateway:RequestValidator",
	"api_gateway_gateway_response":      "aws:apigateway:Response",
	"api_gateway_documentation_part":    "aws:apigateway:DocumentationPart",
	"api_gateway_deployment":            "aws:apigateway:Deployment",
	"lambda_permission":                 "aws:lambda:Permission",
	"apigatewayv2_api":                  "aws:apigatewayv2:Api",
	"apigatewayv2_integration":          "aws:apigatewayv2:Integration",
	"apigatewayv2_integration_response": "aws:apigatewayv2:IntegrationResponse",
	"apigatewayv2_route":                "aws:apigatewayv2:Route",
	"apigatewayv2_route_response":       "aws:apigatewayv2:RouteResponse",
	"apigatewayv2_authorizer":           "aws:apigatewayv2:Authorizer",
	"apigatewayv2_model":                "aws:apigatewayv2:Model",
	"apigatewayv2_stage":                "aws:apigatewayv2:Stage",
	"apigatewayv2_deployment":           "aws:apigatewayv2:Deployment",
}

// pulumiRenames are the arguments whose Pulumi name is not the camelCase of
// the Terraform one.
var pulumiRenames = map[string]string{
	"function_name":     "function",
	"request_parameter": "requestParameters",
}

// pulumiRestAPIArg: most aws:apigateway resources take the API as restApi,
// a few as restApiId.
func pulumiRestAPIArg(kind string) string {
	if kind == "api_gateway_gateway_response" || kind == "api_gateway_documentation_part" {
		return "restApiId"
	}
	return "restApi"
}

// userMaps are arguments whose object keys are the user's (header names,
// content types), not argument names, and so are not renamed.
var userMaps = map[string]bool{
	"request_parameters": true, "request_templates": true, "request_models": true, "response_parameters": true,
	"response_templates": true, "response_models": true, "tags": true, "stage_variables": true, "mappings": true,
}

func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// pulumiKeys renames the argument keys of o to Pulumi's spelling.
func pulumiKeys(kind string, o *obj) *obj {
	out := newObj()
	for i, k := range o.keys {
		v := o.vals[i]
		name := camel(k)
		switch {
		case k == "rest_api_id":
			name = pulumiRestAPIArg(kind)
		case pulumiRenames[k] != "":
			name = pulumiRenames[k]
		}
		if sub, ok := v.(*obj); ok && !userMaps[k] {
			v = pulumiKeys(kind, sub)
		}
		if list, ok := v.([]any); ok {
			conv := make([]any, len(list))
			for j, e := range list {
				if sub, ok := e.(*obj); ok {
					conv[j] = pulumiKeys(kind, sub)
				} else {
					conv[j] = e
				}
			}
			v = conv
		}
		out.keys, out.vals = append(out.keys, name), append(out.vals, v)
	}
	return out
}

// Pulumi returns Pulumi.yaml: a Pulumi YAML program with the API as
// aws:apigateway:* (REST) or aws:apigatewayv2:* (HTTP, WebSocket)
// resources referring to each other with ${name.attribute}, plus an
// aws:lambda:Permission for each Lambda integration and authorizer.
func Pulumi(d *apimodel.Dump) ([]File, error) {
	g, err := buildGraph(d)
	if err != nil {
		return nil, err
	}
	esc := func(s string) string { return strings.ReplaceAll(s, "${", "$${") }
	pRef := func(r gref) string { return "${" + r.r.name + "." + camel(r.attr) + "}" }
	low := func(v any) (any, bool) {
		switch x := v.(type) {
		case string:
			return esc(x), true
		case gref:
			return pRef(x), true
		case ginterp:
			var b strings.Builder
			for _, p := range x {
				if r, ok := p.(gref); ok {
					b.WriteString(pRef(r))
				} else {
					b.WriteString(esc(p.(string)))
				}
			}
			return b.String(), true
		}
		return nil, false
	}
	resources := newObj()
	for _, r := range g.res {
		body := newObj().set("type", pulumiTypes[r.kind]).set("properties", lower(pulumiKeys(r.kind, r.props), low))
		if len(r.dependsOn) > 0 {
			var deps []any
			for _, dep := range r.dependsOn {
				deps = append(deps, "${"+dep.name+"}")
			}
			body.set("options", newObj().set("dependsOn", deps))
		}
		resources.keys, resources.vals = append(resources.keys, r.name), append(resources.vals, body)
	}
	doc := newObj().set("name", projectName(g.api.props.get("name"))).set("runtime", "yaml").set("description", g.desc).
		set("resources", resources).set("outputs", newObj().set("apiId", pRef(ref(g.api, "id"))))
	data, err := renderYAML(doc)
	if err != nil {
		return nil, err
	}
	return []File{{Name: "Pulumi.yaml", Data: data}}, nil
}

// projectName turns an API name into a Pulumi project name (letters,
// digits, '-', '_' and '.').
func projectName(v any) string {
	s, _ := v.(string)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return cmpOr(strings.Trim(b.String(), "-"), defaultName)
}
