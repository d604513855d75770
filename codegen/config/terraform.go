package config

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
)

// tfEscape keeps Terraform from reading ${…} and %{…} in literal text as
// interpolations or directives.
func tfEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "${", "$${"), "%{", "%%{")
}

// Terraform returns main.tf.json: the API as aws_api_gateway_* (REST) or
// aws_apigatewayv2_* (HTTP, WebSocket) resources in Terraform's JSON syntax,
// referring to each other with ${type.name.attribute}, plus an
// aws_lambda_permission for each Lambda integration and authorizer.
func Terraform(d *apimodel.Dump) ([]File, error) {
	g, err := buildGraph(d)
	if err != nil {
		return nil, err
	}
	tfRef := func(r gref) string { return "${aws_" + r.r.kind.tf + "." + r.r.name + "." + r.attr + "}" }
	s := syntax{name: func(_ *kind, p prop) string { return p.tf }, expand: tfExpand, leaf: interpolated(tfEscape, tfRef)}
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
		group.keys, group.vals = append(group.keys, r.name), append(group.vals, body)
	}
	doc := newObj().set("resource", byType).
		set("output", newObj().set("api_id", newObj().set("description", g.desc).set("value", tfRef(ref(g.api, "id")))))
	return []File{{Name: "main.tf.json", Data: renderJSON(doc)}}, nil
}

// interpolated writes strings and references for Terraform and Pulumi,
// which both interpolate ${…} in strings: literal text through escape,
// references through refText.
func interpolated(escape func(string) string, refText func(gref) string) func(any) (any, bool) {
	return func(v any) (any, bool) {
		switch x := v.(type) {
		case string:
			return escape(x), true
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

// tfExpand writes the values whose shape is the providers' own, for
// Terraform and Pulumi.
func tfExpand(v any) (any, bool) {
	switch x := v.(type) {
	case jsonDoc:
		return string(x), true
	case intText:
		return strconv.Itoa(int(x)), true
	case tagList:
		return sortedObj(x), true
	case statusMappings:
		return perKey(x, func(sc string, m map[string]string) *props {
			return newProps().set("status_code", "", sc).set("mappings", "", m)
		}), true
	case paramRequired:
		return perKey(x, func(k string, c *apimodel.ParameterConstraints) *props {
			return newProps().set("request_parameter_key", "", k).set("required", "", required(c))
		}), true
	}
	return nil, false
}
