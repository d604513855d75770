package extensions

import (
	"strconv"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtPolicy is the name of the REST API's resource policy.
const ExtPolicy = "x-amazon-apigateway-policy"

// Policy is x-amazon-apigateway-policy: the REST API's resource policy, an
// IAM policy document written as an object or as a string holding its JSON.
type Policy struct {
	// Document is the policy document: the object written, or the parsed
	// JSON of a string; nil when the string cannot be read before deployment.
	Document *yaml.Node `json:"-"`
	// Text is the policy when written as a string (or an intrinsic such as Fn::Sub).
	Text Str `json:"-"`
	src  *yaml.Node
}

func init() {
	register(&Spec{Name: ExtPolicy, Places: AtRoot, RESTOnly: true,
		Summary: "Resource policy of the REST API (an IAM policy document).",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.policy(n, ptr) }})
}

// Extension implements Value.
func (*Policy) Extension() string { return ExtPolicy }

// Node returns the node the value was decoded from, nil when built in Go.
func (p *Policy) Node() *yaml.Node { return p.src }

func (d *decoder) policy(n *yaml.Node, ptr string) *Policy {
	p := &Policy{src: n}
	r := source.Resolve(n)
	switch {
	case r == nil:
		d.Add(diag.WrongType, n, ptr, "%s must be a policy document object or a JSON string, not nothing", ExtPolicy)
	case r.Kind == yaml.MappingNode && source.IntrinsicName(r) == "":
		p.Document = r
		d.checkPolicyDocument(r, ptr)
	case r.Kind == yaml.ScalarNode || source.IntrinsicName(r) != "":
		p.Text = d.str(n, ptr, ExtPolicy)
		if !p.Text.IsLiteral() && p.Text.Fn != "Fn::Sub" {
			return p
		}
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(p.Text.Value), &doc); err != nil || source.Resolve(&doc) == nil || source.Resolve(&doc).Kind != yaml.MappingNode {
			if !HasVariables(p.Text.Value) {
				d.Add(diag.Policy, n, ptr, "%s string is not a JSON policy document; write {\"Version\": \"2012-10-17\", \"Statement\": [...]}", ExtPolicy)
			}
			return p
		}
		p.Document = source.Resolve(&doc)
		// Positions inside the string are relative to it: report at the string.
		var inner decoder
		inner.checkPolicyDocument(p.Document, ptr)
		for _, di := range inner.Diags {
			di.Line, di.Column = r.Line, r.Column
			d.Diags = append(d.Diags, di)
		}
	default:
		d.Add(diag.WrongType, n, ptr, "%s must be a policy document object or a JSON string, not %s", ExtPolicy, kindName(n))
	}
	return p
}

// checkPolicyDocument checks the shape of an IAM policy document lightly:
// a Version API Gateway accepts and statements with Effect Allow or Deny.
func (d *decoder) checkPolicyDocument(m *yaml.Node, ptr string) {
	if v := source.Lookup(m, "Version"); v != nil {
		if s := d.str(v, source.Pointer(ptr, "Version"), "Version"); s.Known() && s.Value != "2012-10-17" && s.Value != "2008-10-17" {
			d.Add(diag.Policy, v, source.Pointer(ptr, "Version"), "policy Version %q is not an IAM policy language version; write \"2012-10-17\"", s.Value)
		}
	}
	st := source.Lookup(m, "Statement")
	if st == nil {
		d.Add(diag.Policy, m, ptr, "policy document has no Statement; add Statement: [{Effect: Allow, Principal: \"*\", Action: execute-api:Invoke, Resource: execute-api:/*}]")
		return
	}
	sp := source.Pointer(ptr, "Statement")
	rs := source.Resolve(st)
	switch {
	case source.IntrinsicName(rs) != "":
	case rs.Kind == yaml.MappingNode:
		d.checkStatement(rs, sp)
	case rs.Kind == yaml.SequenceNode:
		for i, s := range rs.Content {
			d.checkStatement(source.Resolve(s), source.Pointer(sp, strconv.Itoa(i)))
		}
	default:
		d.Add(diag.Policy, st, sp, "policy Statement must be a statement object or a list of them, not %s", kindName(st))
	}
}

func (d *decoder) checkStatement(s *yaml.Node, ptr string) {
	if source.IntrinsicName(s) != "" {
		return
	}
	if s == nil || s.Kind != yaml.MappingNode {
		d.Add(diag.Policy, s, ptr, "policy statement must be an object, not %s", kindName(s))
		return
	}
	e := source.Lookup(s, "Effect")
	if e == nil {
		d.Add(diag.Policy, s, ptr, "policy statement has no Effect; add Effect: Allow or Effect: Deny")
		return
	}
	if v := d.str(e, source.Pointer(ptr, "Effect"), "Effect"); v.Known() && v.Value != "Allow" && v.Value != "Deny" {
		d.Add(diag.Policy, e, source.Pointer(ptr, "Effect"), "policy statement Effect %q must be Allow or Deny", v.Value)
	}
}

// Encode returns the policy as written; a policy built in Go (no source)
// is written as its document, or as its text.
func (p *Policy) Encode() *yaml.Node {
	if p.src != nil {
		return p.src
	}
	if p.Document != nil {
		return p.Document
	}
	return encScalarExt(encStr(nil, p.Text), nil)
}
