package config

import (
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// pulumiRenames are the arguments whose Pulumi name is not the camelCase of
// the Terraform one; "type.argument" for one resource type's.
var pulumiRenames = map[string]string{
	"function_name":                    "function",
	"request_parameter":                "requestParameters",
	"api_gateway_stage.deployment_id":  "deployment",
	"apigatewayv2_authorizer.audience": "audiences",
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

// pulumiName spells an argument for Pulumi.
func pulumiName(k *kind, p prop) string {
	tf := p.tf
	switch {
	case p.pu == "-":
		return ""
	case p.pu != "":
		return p.pu
	case tf == "":
		return ""
	case tf == "rest_api_id":
		return pulumiRestAPIArg(k.tf)
	case pulumiRenames[k.tf+"."+tf] != "":
		return pulumiRenames[k.tf+"."+tf]
	case pulumiRenames[tf] != "":
		return pulumiRenames[tf]
	}
	return camel(tf)
}

// pulumiInvokes are the provider functions the pseudo parameters read, by
// the variable that holds them.
var pulumiInvokes = map[string][2]string{
	"AWS::Region":    {"aws:getRegion", "region"},
	"AWS::AccountId": {"aws:getCallerIdentity", "accountId"},
	"AWS::Partition": {"aws:getPartition", "partition"},
	"AWS::URLSuffix": {"aws:getPartition", "dnsSuffix"},
}

// Pulumi returns Pulumi.yaml: a Pulumi YAML program with the API as
// aws:apigateway:* (REST) or aws:apigatewayv2:* (HTTP, WebSocket)
// resources referring to each other with ${name.attribute}, in the
// property shapes @pulumi/aws 7 declares; a deployment whose triggers hold
// the API's content hash, the stage that serves it, and an
// aws:lambda:Permission for each Lambda integration and authorizer.
// CloudFormation intrinsic functions are translated as for Terraform: the
// pseudo parameters through the provider's functions (fn::invoke), a
// template parameter or another resource to a config value named after
// it; the others are errors, and no file is returned.
func Pulumi(d *apimodel.Dump, opts Options) ([]File, []diag.Diagnostic, error) {
	g, err := buildGraph(d, opts)
	if err != nil {
		return nil, nil, err
	}
	esc := func(s string) string { return strings.ReplaceAll(s, "${", "$${") }
	pRef := func(r gref) string { return "${" + r.r.name + "." + camel(r.attr) + "}" }
	invoked := map[string]string{}
	variable := func(pseudo string) string {
		name := "aws" + strings.TrimPrefix(pseudo, "AWS::")
		invoked[name] = pseudo
		return "${" + name + "}"
	}
	tr := newTranslator(g.scope, dialect{name: "Pulumi", escape: esc,
		pseudo: func(name string) string {
			if _, ok := pulumiInvokes[name]; ok {
				return variable(name)
			}
			return ""
		},
		input:       func(name string) string { return "${" + name + "}" },
		apiAttr:     func(attr string) (string, bool) { return apiAttr(g, attr, pRef) },
		importValue: func(name string) string { return "${" + exportVariable(name) + "}" },
	})
	for _, name := range []string{"awsRegion", "awsAccountId", "awsPartition", "awsURLSuffix"} {
		g.names.used[name] = true
	}
	var lost extensions.Collector
	s := syntax{name: pulumiName, expand: providerExpand(tr), leaf: interpolated(esc, pRef, tr), lost: lostIn("Pulumi", &lost)}
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
	config := newObj()
	for _, name := range apimodel.SortedKeys(tr.inputs) {
		c := newObj().set("type", "string")
		if def := inputDefault(tr.inputs[name]); def != "" {
			c.set("default", def)
		}
		config.set(name, c)
	}
	variables := newObj()
	for _, name := range apimodel.SortedKeys(invoked) {
		f := pulumiInvokes[invoked[name]]
		variables.set(name, newObj().set("fn::invoke", newObj().set("function", f[0]).put("arguments", newObj()).set("return", f[1])))
	}
	for _, name := range tr.exports {
		variables.set(exportVariable(name), newObj().set("fn::invoke", newObj().set("function", "aws:cloudformation:getExport").
			set("arguments", newObj().set("name", esc(name))).set("return", "value")))
	}
	outputs := newObj().set("apiId", pRef(ref(g.api, "id")))
	if g.stage != nil {
		outputs.set("invokeUrl", pRef(ref(g.stage, "invoke_url")))
	}
	doc := newObj().set("name", projectName(g.title)).set("runtime", "yaml").set("description", g.desc).
		set("config", config).set("variables", variables).set("resources", resources).set("outputs", outputs)
	data, err := renderYAML(doc)
	if err != nil {
		return nil, nil, err
	}
	g.checkARNs(&lost, "Pulumi")
	diags := append(append(g.Diags, tr.Diags...), lost.Diags...)
	return result([]File{{Name: "Pulumi.yaml", Data: data}}, diags)
}

// exportVariable names the variable that holds a CloudFormation export.
func exportVariable(name string) string { return "export" + words(name) }

// projectName turns an API name into a Pulumi project name (letters,
// digits, '-', '_' and '.').
func projectName(s string) string {
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
