package config

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
)

// modelRefRE finds references to other models of the same API in a schema.
var modelRefRE = regexp.MustCompile(`/restapis/([^/"]+)/models/([^/"#]+)`)

// subEscape escapes ${ in literal text placed inside an Fn::Sub string.
func subEscape(s string) string { return strings.ReplaceAll(s, "${", "${!") }

// executeAPIArn is the start of an execute-api ARN, written for Fn::Sub.
const executeAPIArn = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"

// CloudFormation returns template.json: the API as explicit CloudFormation
// resources, a Deployment that depends on every method (REST APIs), and an
// AWS::Lambda::Permission for each Lambda integration and authorizer whose
// function ARN is known before deployment. A REST method's responses and
// integration are written inside the AWS::ApiGateway::Method.
func CloudFormation(d *apimodel.Dump) ([]File, error) {
	g, err := buildGraph(d)
	if err != nil {
		return nil, err
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
		resources.keys, resources.vals = append(resources.keys, r.name), append(resources.vals, body)
	}
	tmpl := newObj().set("AWSTemplateFormatVersion", "2010-09-09").set("Description", g.desc).set("Resources", resources).
		set("Outputs", newObj().set("ApiId", newObj().set("Value", cfnRef(g.api.name))))
	return []File{{Name: "template.json", Data: renderJSON(tmpl)}}, nil
}

// cfn is CloudFormation's syntax, and the resources written inside others.
type cfn struct {
	syntax
	children map[*gres][]*gres
}

func newCFN(g *graph) *cfn {
	c := &cfn{syntax: syntax{name: func(_ *kind, p prop) string { return p.cfn }, expand: cfnExpand}, children: map[*gres][]*gres{}}
	c.leaf = c.value
	for _, r := range g.res {
		if r.kind.in != "" {
			c.children[r.parent] = append(c.children[r.parent], r)
		}
	}
	return c
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
				out = append(out, top.name)
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
			return cfnRef(x.r.name), true
		case x.attr == "execution_arn":
			return newObj().set("Fn::Sub", c.sub(x)), true
		}
		return newObj().set("Fn::GetAtt", []any{x.r.name, cfnAttr(x.attr)}), true
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
		return "${" + r.r.name + "}"
	case r.attr == "execution_arn": // API Gateway APIs have no such attribute in CloudFormation
		return executeAPIArn + "${" + r.r.name + "}"
	}
	return "${" + r.r.name + "." + cfnAttr(r.attr) + "}"
}

// cfnAttr spells a Terraform attribute as CloudFormation's ("root_resource_id": "RootResourceId").
func cfnAttr(attr string) string {
	c := camel(attr)
	return strings.ToUpper(c[:1]) + c[1:]
}

// cfnExpand writes the values whose shape is CloudFormation's own.
func cfnExpand(v any) (any, bool) {
	switch x := v.(type) {
	case jsonDoc:
		if t, ok := jsonTree(string(x)); ok {
			return t, true
		}
		return string(x), true
	case intText:
		return int(x), true
	case tagList:
		return perKey(x, func(k, v string) *props { return newProps().set("", "Key", k).set("", "Value", v) }), true
	case statusMappings:
		out := newObj()
		for _, sc := range apimodel.SortedKeys(x) {
			list := perKey(x[sc], func(dst, src string) *props { return newProps().set("", "Destination", dst).set("", "Source", src) })
			out.set(sc, newProps().set("", "ResponseParameters", list))
		}
		return out, true
	case paramRequired:
		out := newObj()
		for _, k := range apimodel.SortedKeys(x) {
			out.set(k, newProps().set("", "Required", required(x[k])))
		}
		return out, true
	}
	return nil, false
}
