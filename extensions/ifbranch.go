package extensions

import (
	"strconv"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// IfBranches calls fn with each value CloudFormation chooses between when n
// (at JSON pointer ptr) is an Fn::If, written {"Fn::If": [condition, a, b]}
// or !If [condition, a, b], and with the value's own JSON pointer; the nodes
// are those written, so positions are the branches' own. It reports whether
// n is an Fn::If. CloudFormation resolves the condition before API Gateway
// reads the document, so either branch is a value API Gateway may get, and
// a check looks at both. A branch that is AWS::NoValue (Ref: AWS::NoValue,
// or the bare name as a string) stands for no value and is left out; a
// branch that is itself an Fn::If gives its own branches, in place. The
// first branch given is the one read when every condition holds.
func IfBranches(n *yaml.Node, ptr string, fn func(branch *yaml.Node, ptr string)) bool {
	n = source.Resolve(n)
	if source.IntrinsicName(n) != "Fn::If" {
		return false
	}
	args, argsPtr := source.Resolve(source.IntrinsicArgs(n)), ptr
	if n.Kind == yaml.MappingNode {
		argsPtr = source.Pointer(ptr, n.Content[0].Value)
	}
	if args == nil || args.Kind != yaml.SequenceNode || len(args.Content) != 3 {
		return false
	}
	for i := 1; i <= 2; i++ {
		b, p := args.Content[i], argsPtr+"/"+strconv.Itoa(i)
		if !isNoValue(b) && !IfBranches(b, p, fn) {
			fn(b, p)
		}
	}
	return true
}

// isNoValue tells whether n is CloudFormation's AWS::NoValue.
func isNoValue(n *yaml.Node) bool {
	r := source.Resolve(n)
	if r == nil {
		return false
	}
	if source.IntrinsicName(r) == "Ref" {
		return source.Scalar(source.IntrinsicArgs(r)) == "AWS::NoValue"
	}
	return r.Kind == yaml.ScalarNode && r.Value == "AWS::NoValue"
}
