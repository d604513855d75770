package config

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// tfEscape keeps Terraform from reading ${…} and %{…} in literal text as
// interpolations or directives.
func tfEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "${", "$${"), "%{", "%%{")
}

// AWSProviderVersion is the version constraint on the AWS provider that
// the Terraform output requires: the 5.x releases from 5.100, the one the
// output is validated with (terraform validate).
const AWSProviderVersion = "~> 5.100"

// Terraform returns main.tf.json: the API as aws_api_gateway_* (REST) or
// aws_apigatewayv2_* (HTTP, WebSocket) resources in Terraform's JSON syntax,
// referring to each other with ${type.name.attribute}; a deployment whose
// triggers hold the API's content hash (created before the one it
// replaces), the stage that serves it; an aws_lambda_permission for each
// Lambda integration and authorizer; and the AWS provider it was validated
// with. CloudFormation intrinsic functions are translated: AWS::Region,
// AWS::AccountId, AWS::Partition and AWS::URLSuffix to the provider's data
// sources, Fn::ImportValue to aws_cloudformation_export, a template
// parameter or another resource to a variable named after it; the others
// are errors, and no file is returned.
func Terraform(d *apimodel.Dump, opts Options) ([]File, []diag.Diagnostic, error) {
	g, err := buildGraph(d, opts)
	if err != nil {
		return nil, nil, err
	}
	tfRef := func(r gref) string { return "${aws_" + r.r.kind.tf + "." + r.r.name + "." + r.attr + "}" }
	data := map[string]bool{}
	use := func(source, attr string) string {
		data[source] = true
		return "${data." + source + ".current." + attr + "}"
	}
	tr := newTranslator(g.scope, dialect{name: "Terraform", escape: tfEscape,
		pseudo: func(name string) string {
			switch name {
			case "AWS::Region":
				return use("aws_region", "name")
			case "AWS::AccountId":
				return use("aws_caller_identity", "account_id")
			case "AWS::Partition":
				return use("aws_partition", "partition")
			case "AWS::URLSuffix":
				return use("aws_partition", "dns_suffix")
			}
			return ""
		},
		input:       func(name string) string { return "${var." + name + "}" },
		apiAttr:     func(attr string) (string, bool) { return apiAttr(g, attr, tfRef) },
		importValue: func(name string) string { return "${data.aws_cloudformation_export." + words(name) + ".value}" },
	})
	var lost extensions.Collector
	s := syntax{name: func(_ *kind, p prop) string { return p.tf }, expand: providerExpand(tr), leaf: interpolated(tfEscape, tfRef, tr), lost: lostIn("Terraform", &lost)}
	byType := newObj()
	for _, r := range g.res {
		typ := "aws_" + r.kind.tf
		group, _ := byType.get(typ).(*obj)
		if group == nil {
			group = newObj()
			byType.keys, byType.vals = append(byType.keys, typ), append(byType.vals, group)
		}
		body := s.render(r.kind, r.props).(*obj)
		if len(r.dependsOn) > 0 {
			var deps []any
			for _, dep := range r.dependsOn {
				deps = append(deps, "aws_"+dep.kind.tf+"."+dep.name)
			}
			body = body.set("depends_on", deps)
		}
		if r.createFirst {
			body.set("lifecycle", newObj().set("create_before_destroy", true))
		}
		group.keys, group.vals = append(group.keys, r.name), append(group.vals, body)
	}
	doc := newObj().set("terraform", newObj().set("required_providers", newObj().set("aws", newObj().
		set("source", "hashicorp/aws").set("version", AWSProviderVersion))))
	vars := newObj()
	for _, name := range apimodel.SortedKeys(tr.inputs) {
		v := newObj().set("type", "string").set("description", inputDescription(name, tr.inputs[name]))
		if def := inputDefault(tr.inputs[name]); def != "" {
			v.set("default", def)
		}
		vars.set(name, v)
	}
	doc.set("variable", vars)
	sources := newObj()
	for _, src := range apimodel.SortedKeys(data) {
		sources.put(src, newObj().put("current", newObj()))
	}
	if len(tr.exports) > 0 {
		exports := newObj()
		for _, name := range tr.exports {
			exports.set(words(name), newObj().set("name", tfEscape(name)))
		}
		sources.set("aws_cloudformation_export", exports)
	}
	doc.set("data", sources).set("resource", byType)
	out := newObj().set("api_id", newObj().set("description", g.desc).set("value", tfRef(ref(g.api, "id"))))
	if g.stage != nil {
		out.set("invoke_url", newObj().set("description", "The URL the stage serves the API at").set("value", tfRef(ref(g.stage, "invoke_url"))))
	}
	doc.set("output", out)
	g.checkARNs(&lost, "Terraform")
	diags := append(append(g.Diags, tr.Diags...), lost.Diags...)
	return result([]File{{Name: "main.tf.json", Data: renderJSON(doc)}}, diags)
}

// apiAttr returns the expression for an attribute of the API (spelled as
// CloudFormation does; "" for its Ref, the id) in Terraform or Pulumi.
func apiAttr(g *graph, attr string, refText func(gref) string) (string, bool) {
	switch attr {
	case "":
		return refText(ref(g.api, "id")), true
	case "RootResourceId", "ApiEndpoint", "ApiId":
		return refText(ref(g.api, snake(attr))), true
	}
	return "", false
}

// rawText is text a target has already written (escaped literal text and
// interpolations), which the leaf writer passes through.
type rawText string

// interpolated writes strings, references and intrinsic functions for
// Terraform and Pulumi, which both interpolate ${…} in strings: literal
// text through escape, references through refText, intrinsic functions
// through tr.
func interpolated(escape func(string) string, refText func(gref) string, tr *translator) func(any) (any, bool) {
	return func(v any) (any, bool) {
		switch x := v.(type) {
		case string:
			return escape(x), true
		case rawText:
			return string(x), true
		case *apimodel.Intrinsic:
			return tr.text(x), true
		case gref:
			return refText(x), true
		case ginterp:
			var b strings.Builder
			for _, p := range x {
				if r, ok := p.(gref); ok {
					b.WriteString(refText(r))
				} else {
					b.WriteString(escape(p.(string)))
				}
			}
			return b.String(), true
		}
		return nil, false
	}
}

// providerExpand writes the values whose shape is the providers' own, for
// Terraform and Pulumi.
func providerExpand(tr *translator) func(v any) (any, bool) {
	return func(v any) (any, bool) {
		switch x := v.(type) {
		case jsonDoc:
			return string(x), true
		case policyDoc:
			return rawText(tr.jsonText(string(x))), true
		case intText:
			return strconv.Itoa(int(x)), true
		case tagList:
			return x.obj, true
		case statusMappings:
			list := make([]any, len(x.keys))
			for i, sc := range x.keys {
				list[i] = newProps().set("status_code", "", sc).set("mappings", "", x.vals[i])
			}
			return list, true
		case paramRequired:
			return perKey(x, func(k string, c *apimodel.ParameterConstraints) *props {
				return newProps().set("request_parameter_key", "", k).set("required", "", required(c))
			}), true
		case routeSettings:
			return perKey(x, func(k string, r *apimodel.RouteSettings) *props { return routeSettingsProps(r, k) }), true
		}
		return nil, false
	}
}
