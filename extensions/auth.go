package extensions

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Extension names for per-operation authorization and security scheme types.
const (
	ExtAuth     = "x-amazon-apigateway-auth"
	ExtAuthType = "x-amazon-apigateway-authtype"
)

// Authorization types of x-amazon-apigateway-auth (compared case-insensitively).
const (
	AuthNone   = "NONE"
	AuthAWSIAM = "AWS_IAM"
)

// Auth is x-amazon-apigateway-auth: the authorization type of one operation.
type Auth struct {
	// Type is NONE or AWS_IAM in any case, kept as written.
	Type string `json:"type,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

// AuthType is x-amazon-apigateway-authtype on an apiKey security scheme.
// API Gateway gives meaning to awsSigv4 (IAM authorization, case-insensitive)
// and reserves every other value starting with "aws"; anything else is a
// free label of a Lambda authorizer. Exports write "custom" for Lambda
// authorizers and "cognito_user_pools" for Cognito ones.
type AuthType struct {
	Value Str `json:"-"`
	src   *yaml.Node
}

func init() {
	register(&Spec{Name: ExtAuth, Places: AtOperation,
		Summary: "Authorization type of an operation: NONE or AWS_IAM.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.auth(n, ptr) }})
	register(&Spec{Name: ExtAuthType, Places: AtSecurityScheme,
		Summary: "Type label of an apiKey security scheme: awsSigv4 for IAM, or a free label of a Lambda authorizer.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.authType(n, ptr) }})
}

// Extension implements Value.
func (*Auth) Extension() string { return ExtAuth }

// Extension implements Value.
func (*AuthType) Extension() string { return ExtAuthType }

// Node returns the node the value was decoded from, nil when built in Go.
func (a *Auth) Node() *yaml.Node { return a.src }

// Node returns the node the value was decoded from, nil when built in Go.
func (a *AuthType) Node() *yaml.Node { return a.src }

// IsIAM tells whether the operation uses IAM authorization.
func (a *Auth) IsIAM() bool { return strings.EqualFold(a.Type, AuthAWSIAM) }

// IsIAM tells whether the scheme means IAM (SigV4) authorization.
func (a *AuthType) IsIAM() bool {
	return a.Value.IsLiteral() && strings.EqualFold(a.Value.Value, "awsSigv4")
}

func (d *decoder) auth(n *yaml.Node, ptr string) *Auth {
	a := &Auth{src: n}
	if d.object(n, ptr, ExtAuth, []field{
		{"type", func(v *yaml.Node, p string) {
			a.Type = d.enum(v, p, "authorization type", []string{AuthNone, AuthAWSIAM}, true)
		}},
	}, &a.Unknown) && lookupKey(n, "type") == nil {
		d.Add(diag.MissingField, n, ptr, "%s needs type: NONE or AWS_IAM", ExtAuth)
	}
	return a
}

func (d *decoder) authType(n *yaml.Node, ptr string) *AuthType {
	a := &AuthType{src: n, Value: d.str(n, ptr, ExtAuthType)}
	v := a.Value.Value
	if a.Value.IsLiteral() && len(v) >= 3 && strings.EqualFold(v[:3], "aws") && !a.IsIAM() {
		d.Add(diag.AuthTypeReserved, n, ptr, "authtype %q starts with \"aws\", which API Gateway reserves; write awsSigv4 for IAM authorization or a label without that prefix", v)
	}
	return a
}

// Encode implements Value.
func (a *Auth) Encode() *yaml.Node {
	return encodeObject(a.src, []encField{{"type", encPlain(source.Lookup(a.src, "type"), a.Type)}}, a.Unknown)
}

// Encode implements Value.
func (a *AuthType) Encode() *yaml.Node { return encScalarExt(encStr(a.src, a.Value), a.src) }
