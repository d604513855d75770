package config

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// modelRefRE finds references to other models of the same API in a schema.
var modelRefRE = regexp.MustCompile(`/restapis/([^/"]+)/models/([^/"#]+)`)

// subEscape escapes ${ in literal text placed inside an Fn::Sub string.
func subEscape(s string) string { return strings.ReplaceAll(s, "${", "${!") }

// executeAPIArn is the start of an execute-api ARN, written for Fn::Sub.
const executeAPIArn = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"

// CloudFormation returns template.json (template.yaml with Options.Format
// "yaml"): the API as explicit CloudFormation resources; a Deployment whose
// logical id holds the API's content hash, so that a changed API is
// deployed again, and the Stage that serves it; an AWS::Lambda::Permission
// for each Lambda integration and authorizer, however its URI is written.
// A REST method's responses and integration are written inside the
// AWS::ApiGateway::Method. Intrinsic functions are written as they were;
// what they refer to outside the API is declared: the template's
// parameters, conditions and mappings as they were, anything else as a
// parameter named after it. With errors, no file is returned.
func CloudFormation(d *apimodel.Dump, opts Options) ([]File, []diag.Diagnostic, error) {
	g, err := buildGraph(d, opts)
	if err != nil {
		return nil, nil, err
	}
	c := newCFN(g)
	resources := newObj()
	for _, r := range g.res {
		if r.kind.in != "" {
			continue
		}
		body := newObj().set("Type", r.kind.cfn)
		var deps []any
		for _, dep := range c.dependsOn(r) {
			deps = append(deps, dep)
		}
		body.set("DependsOn", deps).set("Properties", c.properties(r))
		resources.keys, resources.vals = append(resources.keys, cfnName(r)), append(resources.vals, body)
	}
	params, mappings, conditions := c.refs.sections()
	outputs := newObj().set("ApiId", newObj().set("Description", "The API's id").set("Value", cfnRef(g.api.name)))
	if g.stage != nil {
		name := g.stage.props.get("stage_name")
		if g.stage.kind == kStage {
			name = g.stage.props.get("name")
		}
		url := "https://${" + g.api.name + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"
		if g.api.kind == kAPI {
			url = "${" + g.api.name + ".ApiEndpoint}/${Stage}"
		}
		value := newObj().set("Fn::Sub", []any{url, newObj().set("Stage", c.render(g.stage.kind, name))})
		if name == "$default" {
			value = newObj().set("Fn::GetAtt", []any{g.api.name, "ApiEndpoint"})
		}
		outputs.set("Url", newObj().set("Description", "The URL the stage serves the API at").set("Value", value))
	}
	tmpl := newObj().set("AWSTemplateFormatVersion", "2010-09-09").set("Description", g.desc).set("Metadata", c.refs.metadata()).set("Parameters", params).
		set("Mappings", mappings).set("Conditions", conditions).set("Resources", resources).set("Outputs", outputs)
	diags := append(append(g.Diags, c.refs.Diags...), c.lost.Diags...)
	if opts.Format == "yaml" {
		data, err := renderYAML(tmpl)
		if err != nil {
			return nil, nil, err
		}
		return result([]File{{Name: "template.yaml", Data: data}}, diags)
	}
	return result([]File{{Name: "template.json", Data: renderJSON(tmpl)}}, diags)
}

// cfnName is a resource's logical id.
func cfnName(r *gres) string { return cmpOr(r.cfnName, r.name) }

// cfn is CloudFormation's syntax, and the resources written inside others.
type cfn struct {
	syntax
	children map[*gres][]*gres
	refs     *cfnRefs
	// lost collects the warnings about settings CloudFormation cannot hold.
	lost extensions.Collector
}

func newCFN(g *graph) *cfn {
	c := &cfn{children: map[*gres][]*gres{}, refs: newCFNRefs(g.scope, g.names)}
	c.syntax = syntax{name: func(_ *kind, p prop) string { return p.cfn }, expand: c.expand, leaf: c.value, lost: lostIn("CloudFormation", &c.lost)}
	for _, r := range g.res {
		if r.kind.in != "" {
			c.children[r.parent] = append(c.children[r.parent], r)
		}
	}
	return c
}

// lostIn returns a syntax's lost function, which warns in c.
func lostIn(target string, c *extensions.Collector) func(string) {
	return func(what string) {
		c.Add(diag.ConfigUnsupported, nil, "", "%s has no %s argument and is left out", what, target)
	}
}

// properties renders the properties of r with the resources written inside it.
func (c *cfn) properties(r *gres) *obj {
	o := c.render(r.kind, r.props).(*obj)
	for _, ch := range c.children[r] {
		p := c.properties(ch)
		switch i := slices.Index(o.keys, ch.kind.in); {
		case !ch.kind.many:
			o.set(ch.kind.in, p)
		case i < 0:
			o.set(ch.kind.in, []any{p})
		default:
			o.vals[i] = append(o.vals[i].([]any), p)
		}
	}
	if r.kind.cfnOrder != nil {
		sort.Stable(ordered{o, r.kind.cfnOrder})
	}
	return o
}

// ordered sorts an object's keys in the order of a list; keys the list
// does not name go last.
type ordered struct {
	o     *obj
	order []string
}

func (s ordered) Len() int { return len(s.o.keys) }

func (s ordered) Less(i, j int) bool { return s.rank(i) < s.rank(j) }

func (s ordered) Swap(i, j int) {
	s.o.keys[i], s.o.keys[j] = s.o.keys[j], s.o.keys[i]
	s.o.vals[i], s.o.vals[j] = s.o.vals[j], s.o.vals[i]
}

func (s ordered) rank(i int) int {
	if r := slices.Index(s.order, s.o.keys[i]); r >= 0 {
		return r
	}
	return len(s.order)
}

// dependsOn returns the names of the resources that r and the resources
// written inside it depend on, each as the resource the template holds,
// sorted and without r itself.
func (c *cfn) dependsOn(r *gres) []string {
	var out []string
	var walk func(x *gres)
	walk = func(x *gres) {
		for _, dep := range x.dependsOn {
			if top := topOf(dep); top != r {
				out = append(out, cfnName(top))
			}
		}
		for _, ch := range c.children[x] {
			walk(ch)
		}
	}
	walk(r)
	slices.Sort(out)
	return slices.Compact(out)
}

// topOf returns the resource the template holds r in: r itself, or the one
// it is written inside.
func topOf(r *gres) *gres {
	for r.parent != nil {
		r = r.parent
	}
	return r
}

func cfnRef(name string) *obj { return newObj().set("Ref", name) }

// value writes references: Ref, Fn::GetAtt, or Fn::Sub for a string made
// of parts; a reference to a resource written inside another is the value
// it refers to.
func (c *cfn) value(v any) (any, bool) {
	switch x := v.(type) {
	case gref:
		switch {
		case x.r.parent != nil:
			return c.render(x.r.kind, x.r.props.get(x.attr)), true
		case x.attr == "id":
			return cfnRef(cfnName(x.r)), true
		case x.attr == "execution_arn":
			return newObj().set("Fn::Sub", c.sub(x)), true
		}
		return newObj().set("Fn::GetAtt", []any{cfnName(x.r), cfnAttr(x.attr)}), true
	case *apimodel.Intrinsic:
		return c.refs.intrinsic(x), true
	case ginterp:
		var b strings.Builder
		for _, p := range x {
			if r, ok := p.(gref); ok {
				b.WriteString(c.sub(r))
			} else {
				b.WriteString(subEscape(p.(string)))
			}
		}
		return newObj().set("Fn::Sub", b.String()), true
	}
	return nil, false
}

// sub writes a reference inside an Fn::Sub string.
func (c *cfn) sub(r gref) string {
	switch {
	case r.r.parent != nil:
		s, _ := c.render(r.r.kind, r.r.props.get(r.attr)).(string)
		return subEscape(s)
	case r.attr == "id":
		return "${" + cfnName(r.r) + "}"
	case r.attr == "execution_arn": // API Gateway APIs have no such attribute in CloudFormation
		return executeAPIArn + "${" + cfnName(r.r) + "}"
	}
	return "${" + cfnName(r.r) + "." + cfnAttr(r.attr) + "}"
}

// cfnAttr spells a Terraform attribute as CloudFormation's ("root_resource_id": "RootResourceId").
func cfnAttr(attr string) string {
	c := camel(attr)
	return strings.ToUpper(c[:1]) + c[1:]
}

// expand writes the values whose shape is CloudFormation's own.
func (c *cfn) expand(v any) (any, bool) {
	switch x := v.(type) {
	case jsonDoc:
		if t, ok := jsonTree(string(x)); ok {
			return t, true
		}
		return string(x), true
	case policyDoc:
		if n, ok := jsonNode(string(x)); ok {
			return c.refs.tree(n), true
		}
		return string(x), true
	case intText:
		return int(x), true
	case tagList:
		list := make([]any, len(x.keys))
		for i, k := range x.keys {
			list[i] = newProps().set("", "Key", k).set("", "Value", x.vals[i])
		}
		return list, true
	case statusMappings:
		out := newObj()
		for i, sc := range x.keys {
			m := x.vals[i].(*obj)
			list := make([]any, len(m.keys))
			for j, dst := range m.keys {
				list[j] = newProps().set("", "Destination", dst).set("", "Source", m.vals[j])
			}
			out.set(sc, newProps().set("", "ResponseParameters", list))
		}
		return out, true
	case paramRequired:
		out := newObj()
		for _, k := range apimodel.SortedKeys(x) {
			out.set(k, newProps().set("", "Required", required(x[k])))
		}
		return out, true
	case routeSettings:
		out := newObj()
		for _, k := range apimodel.SortedKeys(x) {
			out.set(k, routeSettingsProps(x[k], ""))
		}
		return out, true
	}
	return nil, false
}
