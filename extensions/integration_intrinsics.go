package extensions

import (
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// strFields are the fields decoded as Str, which carry intrinsics themselves.
var strFields = map[string]bool{
	"httpMethod": true, "uri": true, "credentials": true, "connectionId": true, "integrationTarget": true,
	"integrationSubtype": true, "cacheNamespace": true, "serverNameToVerify": true,
}

// deferrable wraps the decoders of fields whose value API Gateway needs as a
// literal (enum, number, boolean, object; not strFields): when a CloudFormation template
// writes an intrinsic function there instead (Fn::If, Ref, …), the node is
// kept in intrinsics, unchecked, for CloudFormation to resolve.
func deferrable(intrinsics *Map[*yaml.Node], fs ...field) []field {
	for i := range fs {
		if strFields[fs[i].key] {
			continue
		}
		key, dec := fs[i].key, fs[i].dec
		fs[i].dec = func(n *yaml.Node, p string) {
			if source.IntrinsicName(n) != "" {
				intrinsics.Set(key, n)
				return
			}
			dec(n, p)
		}
	}
	return fs
}

// withIntrinsics fills the fields left empty by decoding with the intrinsic
// nodes kept for them, so they are written back as they were.
func withIntrinsics(fields []encField, intrinsics Map[*yaml.Node]) []encField {
	for i := range fields {
		if n, ok := intrinsics.Get(fields[i].key); ok && fields[i].val == nil {
			fields[i].val = n
		}
	}
	return fields
}
