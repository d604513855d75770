package config

import (
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
	tfRef := func(r gref) string { return "${aws_" + r.r.kind + "." + r.r.name + "." + r.attr + "}" }
	low := func(v any) (any, bool) {
		switch x := v.(type) {
		case string:
			return tfEscape(x), true
		case gref:
			return tfRef(x), true
		case ginterp:
			var b strings.Builder
			for _, p := range x {
				if r, ok := p.(gref); ok {
					b.WriteString(tfRef(r))
				} else {
					b.WriteString(tfEscape(p.(string)))
				}
			}
			return b.String(), true
		}
		return nil, false
	}
	byType := newObj()
	for _, r := range g.res {
		typ := "aws_" + r.kind
		group, _ := byType.get(typ).(*obj)
		if group == nil {
			group = newObj()
			byType.keys, byType.vals = append(byType.keys, typ), append(byType.vals, group)
		}
		body := lower(r.props, low).(*obj)
		if len(r.dependsOn) > 0 {
			var deps []any
			for _, dep := range r.dependsOn {
				deps = append(deps, "aws_"+dep.kind+"."+dep.name)
			}
			body = body.set("depends_on", deps)
		}
		group.keys, group.vals = append(group.keys, r.name), append(group.vals, body)
	}
	doc := newObj().set("resource", byType).
		set("output", newObj().set("api_id", newObj().set("description", g.desc).set("value", tfRef(ref(g.api, "id")))))
	return []File{{Name: "main.tf.json", Data: renderJSON(doc)}}, nil
}
