package config

import (
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
)

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

func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// pulumiName spells an argument (Terraform's name) for Pulumi.
func pulumiName(k *kind, tf string) string {
	switch {
	case tf == "":
		return ""
	case tf == "rest_api_id":
		return pulumiRestAPIArg(k.tf)
	case pulumiRenames[tf] != "":
		return pulumiRenames[tf]
	}
	return camel(tf)
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
	s := syntax{name: func(k *kind, p prop) string { return pulumiName(k, p.tf) }, expand: tfExpand, leaf: interpolated(esc, pRef)}
	resources := newObj()
	for _, r := range g.res {
		body := newObj().set("type", r.kind.pulumi).set("properties", s.render(r.kind, r.props))
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
