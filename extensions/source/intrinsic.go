package source

import (
	"strings"

	"go.yaml.in/yaml/v4"
)

// Resolve follows YAML aliases and unwraps a document node, giving the node
// that holds the value.
func Resolve(n *yaml.Node) *yaml.Node {
	for n != nil && (n.Kind == yaml.AliasNode || n.Kind == yaml.DocumentNode) {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		} else if len(n.Content) > 0 {
			n = n.Content[0]
		} else {
			return nil
		}
	}
	return n
}

// Lookup returns the value node stored under key in mapping m, or nil; the
// last one when the key is written twice, as API Gateway keeps the last value.
// Aliases are followed for m but not for the value, so it can be reused as written.
func Lookup(m *yaml.Node, key string) *yaml.Node {
	m = Resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := len(m.Content) - 2; i >= 0; i -= 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// IntrinsicShortTags maps the YAML short-form tags to their long names.
var IntrinsicShortTags = map[string]string{
	"!Ref": "Ref", "!Condition": "Condition",
	"!Sub": "Fn::Sub", "!GetAtt": "Fn::GetAtt", "!Join": "Fn::Join", "!Select": "Fn::Select",
	"!Split": "Fn::Split", "!If": "Fn::If", "!ImportValue": "Fn::ImportValue",
	"!FindInMap": "Fn::FindInMap", "!Base64": "Fn::Base64", "!GetAZs": "Fn::GetAZs",
	"!Cidr": "Fn::Cidr", "!Transform": "Fn::Transform", "!Equals": "Fn::Equals",
	"!Not": "Fn::Not", "!And": "Fn::And", "!Or": "Fn::Or", "!ToJsonString": "Fn::ToJsonString",
	"!Length": "Fn::Length",
}

// IntrinsicName returns the long name of the CloudFormation intrinsic function
// that n is written as (short-form tag or one-key Fn::/Ref mapping), or "".
func IntrinsicName(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	if long, ok := IntrinsicShortTags[n.Tag]; ok {
		return long
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		k := n.Content[0].Value
		if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
			return k
		}
	}
	return ""
}

// IntrinsicArgs returns the argument node of an intrinsic written as n.
func IntrinsicArgs(n *yaml.Node) *yaml.Node {
	if _, ok := IntrinsicShortTags[n.Tag]; ok {
		return n
	}
	return n.Content[1]
}
