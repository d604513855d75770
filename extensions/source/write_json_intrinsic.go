package source

import (
	"strings"

	"go.yaml.in/yaml/v4"
)

// intrinsicLongName returns the long name of a CloudFormation short-form
// tag (!Sub → Fn::Sub, !Ref → Ref).
func intrinsicLongName(n *yaml.Node) (string, bool) {
	if !isCustomTag(n.Tag) {
		return "", false
	}
	long := IntrinsicName(&yaml.Node{Tag: n.Tag})
	return long, long != ""
}

// intrinsic writes a short-form intrinsic as its one-key long form. The
// argument of a tagged scalar is a string; !GetAtt a.b becomes ["a", "b"]
// (split at the first dot: attribute names may hold dots).
func (w *jsonWriter) intrinsic(n *yaml.Node, long, ptr string, depth int) error {
	arg := *n
	arg.Tag = ""
	if n.Kind == yaml.ScalarNode {
		arg.Tag = TagStr
	}
	inner := ptr + "/" + EscapeToken(long)
	w.buf.WriteByte('{')
	w.newline(depth + 1)
	WriteJSONString(&w.buf, long)
	w.buf.WriteString(": ")
	var err error
	if resource, attr, ok := strings.Cut(n.Value, "."); ok && long == "Fn::GetAtt" && n.Kind == yaml.ScalarNode {
		err = w.sequence([]*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: TagStr, Value: resource, Line: n.Line, Column: n.Column},
			{Kind: yaml.ScalarNode, Tag: TagStr, Value: attr, Line: n.Line, Column: n.Column},
		}, inner, depth+1)
	} else {
		err = w.value(&arg, inner, depth+1)
	}
	if err != nil {
		return err
	}
	w.newline(depth)
	w.buf.WriteByte('}')
	return nil
}

// isCustomTag tells whether t is a local tag such as !Sub, not a core one.
func isCustomTag(t string) bool {
	return strings.HasPrefix(t, "!") && !strings.HasPrefix(t, "!!") && t != "!"
}
