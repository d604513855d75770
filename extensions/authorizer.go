package extensions

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtAuthorizer is the name of the authorizer extension of a security scheme.
const ExtAuthorizer = "x-amazon-apigateway-authorizer"

// Authorizer types as the documentation spells them; API Gateway compares
// them case-insensitively, and the value keeps the spelling written.
const (
	AuthorizerToken            = "token"
	AuthorizerRequest          = "request"
	AuthorizerCognitoUserPools = "cognito_user_pools"
	AuthorizerJWT              = "jwt"
)

var authorizerTypes = []string{AuthorizerToken, AuthorizerRequest, AuthorizerCognitoUserPools, AuthorizerJWT}

// Authorizer is x-amazon-apigateway-authorizer: a Lambda authorizer (token or
// request), an Amazon Cognito user pool or (HTTP APIs) a JWT authorizer.
type Authorizer struct {
	// Type is token, request, cognito_user_pools or jwt, in any case, as written.
	Type string `json:"type,omitempty"`
	// AuthorizerURI is the Lambda invocation URI (token and request).
	AuthorizerURI Str `json:"authorizerUri,omitempty"`
	// AuthorizerCredentials is the IAM role API Gateway assumes to call the authorizer.
	AuthorizerCredentials Str `json:"authorizerCredentials,omitempty"`
	// IdentitySource says where the caller's identity is read from.
	IdentitySource *IdentitySource `json:"identitySource,omitempty"`
	// IdentityValidationExpression is a regular expression the token (token) or its aud claim (cognito_user_pools) must match.
	IdentityValidationExpression Str `json:"identityValidationExpression,omitempty"`
	// AuthorizerResultTTLInSeconds is how long results are cached: 0 to 3600.
	AuthorizerResultTTLInSeconds *int `json:"authorizerResultTtlInSeconds,omitempty"`
	// ProviderARNs are the Cognito user pool ARNs (cognito_user_pools).
	ProviderARNs []Str `json:"providerARNs,omitempty"`
	// AuthorizerPayloadFormatVersion is "1.0" or "2.0" (HTTP API request authorizers).
	AuthorizerPayloadFormatVersion string `json:"authorizerPayloadFormatVersion,omitempty"`
	// EnableSimpleResponses lets a 2.0 HTTP API request authorizer return a boolean.
	EnableSimpleResponses *bool `json:"enableSimpleResponses,omitempty"`
	// JWTConfiguration holds issuer and audiences (jwt).
	JWTConfiguration *JWTConfiguration `json:"jwtConfiguration,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

// IdentitySource is an authorizer's identity sources: a comma-separated
// string (REST: method.request.header.Auth; HTTP API: $request.header.Auth)
// or, as HTTP APIs also accept, a list.
type IdentitySource struct {
	// Sources are the entries, split at commas and trimmed when written as a string.
	Sources []Str `json:"-"`
	// List tells whether the value was written as a list.
	List bool `json:"-"`
	src  *yaml.Node
}

// JWTConfiguration is the jwtConfiguration of a JWT authorizer.
type JWTConfiguration struct {
	Issuer   Str   `json:"issuer,omitempty"`
	Audience []Str `json:"audience,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

func init() {
	register(&Spec{Name: ExtAuthorizer, Places: AtSecurityScheme,
		Summary: "Lambda, Cognito user pool or JWT authorizer behind a security scheme.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.authorizer(n, ptr) }})
}

// Extension implements Value.
func (*Authorizer) Extension() string { return ExtAuthorizer }

// Node returns the node the value was decoded from, nil when built in Go.
func (a *Authorizer) Node() *yaml.Node { return a.src }

// Is tells whether the authorizer's type is t, ignoring case as API Gateway does.
func (a *Authorizer) Is(t string) bool { return strings.EqualFold(a.Type, t) }

// Strings returns the literal identity sources (intrinsics left out).
func (s *IdentitySource) Strings() []string {
	if s == nil {
		return nil
	}
	return literals(s.Sources)
}

func (d *decoder) authorizer(n *yaml.Node, ptr string) *Authorizer {
	a := &Authorizer{src: n}
	if isIntrinsicObject(n) {
		return a
	}
	ok := d.object(n, ptr, "authorizer", []field{
		{"type", func(v *yaml.Node, p string) { a.Type = d.enum(v, p, "authorizer type", authorizerTypes, true) }},
		{"authorizerUri", func(v *yaml.Node, p string) { a.AuthorizerURI = d.str(v, p, "authorizerUri") }},
		{"authorizerCredentials", func(v *yaml.Node, p string) { a.AuthorizerCredentials = d.str(v, p, "authorizerCredentials") }},
		{"identitySource", func(v *yaml.Node, p string) { a.IdentitySource = d.identitySource(v, p) }},
		{"identityValidationExpression", func(v *yaml.Node, p string) {
			a.IdentityValidationExpression = d.str(v, p, "identityValidationExpression")
		}},
		{"authorizerResultTtlInSeconds", func(v *yaml.Node, p string) {
			a.AuthorizerResultTTLInSeconds = d.integer(v, p, "authorizerResultTtlInSeconds", true)
			d.checkRange(v, p, "authorizerResultTtlInSeconds", a.AuthorizerResultTTLInSeconds, 0, 3600)
		}},
		{"providerARNs", func(v *yaml.Node, p string) {
			a.ProviderARNs = d.strList(v, p, "providerARNs")
			d.checkProviderARNs(v, p, a.ProviderARNs)
		}},
		{"authorizerPayloadFormatVersion", func(v *yaml.Node, p string) {
			a.AuthorizerPayloadFormatVersion = d.enum(v, p, "authorizerPayloadFormatVersion", []string{"1.0", "2.0"}, false)
		}},
		{"enableSimpleResponses", func(v *yaml.Node, p string) { a.EnableSimpleResponses = d.boolean(v, p, "enableSimpleResponses") }},
		{"jwtConfiguration", func(v *yaml.Node, p string) { a.JWTConfiguration = d.jwtConfiguration(v, p) }},
	}, &a.Unknown)
	if ok {
		d.checkAuthorizerFields(a, source.Resolve(n), ptr)
	}
	return a
}

// authorizerFieldTypes lists, for fields that only some types read, which ones do.
var authorizerFieldTypes = []struct {
	key   string
	types []string
}{
	{"authorizerUri", []string{AuthorizerToken, AuthorizerRequest}},
	{"authorizerCredentials", []string{AuthorizerToken, AuthorizerRequest}},
	{"identityValidationExpression", []string{AuthorizerToken, AuthorizerCognitoUserPools}},
	{"providerARNs", []string{AuthorizerCognitoUserPools}},
	{"authorizerPayloadFormatVersion", []string{AuthorizerRequest}},
	{"enableSimpleResponses", []string{AuthorizerRequest}},
	{"jwtConfiguration", []string{AuthorizerJWT}},
	{"authorizerResultTtlInSeconds", []string{AuthorizerToken, AuthorizerRequest, AuthorizerCognitoUserPools}},
}

// authorizerRequired lists what each type cannot work without.
var authorizerRequired = map[string][]string{
	AuthorizerToken:            {"authorizerUri"},
	AuthorizerRequest:          {"authorizerUri"},
	AuthorizerCognitoUserPools: {"providerARNs"},
	AuthorizerJWT:              {"jwtConfiguration"},
}

// checkAuthorizerFields checks required fields and fields that the type ignores.
func (d *decoder) checkAuthorizerFields(a *Authorizer, m *yaml.Node, ptr string) {
	if lookupKey(m, "type") == nil {
		d.Add(diag.MissingField, m, ptr, "authorizer has no type; add type: token, request, cognito_user_pools or jwt")
		return
	}
	t := strings.ToLower(a.Type)
	if _, known := authorizerRequired[t]; !known {
		return
	}
	for _, key := range authorizerRequired[t] {
		if lookupKey(m, key) == nil {
			d.Add(diag.MissingField, m, ptr, "a %s authorizer needs %s", t, key)
		}
	}
	for _, f := range authorizerFieldTypes {
		k := lookupKey(m, f.key)
		if k == nil || containsFold(f.types, t) {
			continue
		}
		d.Add(diag.AuthorizerField, k, source.Pointer(ptr, f.key), "%s is ignored for a %s authorizer (it applies to %s); remove it or change the type",
			f.key, t, strings.Join(f.types, ", "))
	}
	if k := lookupKey(m, "enableSimpleResponses"); k != nil && t == AuthorizerRequest &&
		a.EnableSimpleResponses != nil && *a.EnableSimpleResponses && a.AuthorizerPayloadFormatVersion != "2.0" {
		d.Add(diag.AuthorizerField, k, source.Pointer(ptr, "enableSimpleResponses"),
			"enableSimpleResponses needs authorizerPayloadFormatVersion \"2.0\"; add it or remove enableSimpleResponses")
	}
}

func containsFold(list []string, s string) bool {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return true
		}
	}
	return false
}

// cognitoUserPoolARN matches arn:aws:cognito-idp:{region}:{account}:userpool/{id}.
var cognitoUserPoolARN = regexp.MustCompile(`^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool/[\w-]+$`)

// checkProviderARNs reports literal entries that are not Cognito user pool ARNs.
func (d *decoder) checkProviderARNs(n *yaml.Node, ptr string, arns []Str) {
	r := source.Resolve(n)
	for i, s := range arns {
		if !s.Known() || s.Value == "" || cognitoUserPoolARN.MatchString(s.Value) {
			continue
		}
		d.Add(diag.ProviderARN, r.Content[i], source.Pointer(ptr, strconv.Itoa(i)),
			"providerARNs entry %q is not a Cognito user pool ARN; write arn:aws:cognito-idp:{region}:{account_id}:userpool/{user_pool_id}", s.Value)
	}
}

func (d *decoder) identitySource(n *yaml.Node, ptr string) *IdentitySource {
	s := &IdentitySource{src: n}
	if r := source.Resolve(n); r != nil && r.Kind == yaml.SequenceNode {
		s.List = true
		s.Sources = d.strList(n, ptr, "identitySource")
	} else {
		v := d.str(n, ptr, "identitySource")
		s.Sources = splitIdentitySource(v)
		if v.IsLiteral() && strings.TrimSpace(v.Value) != "" {
			for _, e := range s.Sources {
				if e.Value == "" {
					d.Add(diag.IdentitySource, n, ptr, "identitySource %q has an empty entry; separate sources with single commas", v.Value)
					break
				}
			}
		}
	}
	for i, e := range s.Sources {
		checkIdentitySourceMapping(d, e, identitySourceNode(n, i, s.List), source.Pointer(ptr, strconv.Itoa(i)))
	}
	return s
}

// splitIdentitySource splits a literal comma-separated identity source; an
// intrinsic stays one entry.
func splitIdentitySource(v Str) []Str {
	if !v.IsLiteral() {
		return []Str{v}
	}
	if strings.TrimSpace(v.Value) == "" {
		return nil
	}
	parts := strings.Split(v.Value, ",")
	out := make([]Str, len(parts))
	for i, p := range parts {
		out[i] = S(strings.TrimSpace(p))
	}
	return out
}

func (d *decoder) jwtConfiguration(n *yaml.Node, ptr string) *JWTConfiguration {
	j := &JWTConfiguration{src: n}
	if isIntrinsicObject(n) {
		return j
	}
	if d.object(n, ptr, "jwtConfiguration", []field{
		{"issuer", func(v *yaml.Node, p string) { j.Issuer = d.str(v, p, "issuer") }},
		{"audience", func(v *yaml.Node, p string) { j.Audience = d.strList(v, p, "audience") }},
	}, &j.Unknown) && lookupKey(n, "issuer") == nil {
		d.Add(diag.MissingField, n, ptr, "jwtConfiguration needs issuer, the URL of the token issuer (for Cognito: https://cognito-idp.{region}.amazonaws.com/{user_pool_id})")
	}
	return j
}

// Encode implements Value.
func (a *Authorizer) Encode() *yaml.Node {
	if keepAsWritten(a.src) {
		return a.src
	}
	var js *yaml.Node
	if a.JWTConfiguration != nil {
		js = a.JWTConfiguration.Encode()
	}
	var is *yaml.Node
	if a.IdentitySource != nil {
		is = a.IdentitySource.Encode()
	}
	l := func(k string) *yaml.Node { return source.Lookup(a.src, k) }
	return encodeObject(a.src, []encField{
		{"type", encPlain(l("type"), a.Type)},
		{"authorizerUri", encStr(l("authorizerUri"), a.AuthorizerURI)},
		{"authorizerCredentials", encStr(l("authorizerCredentials"), a.AuthorizerCredentials)},
		{"identitySource", is},
		{"identityValidationExpression", encStr(l("identityValidationExpression"), a.IdentityValidationExpression)},
		{"authorizerResultTtlInSeconds", encInt(l("authorizerResultTtlInSeconds"), a.AuthorizerResultTTLInSeconds)},
		{"providerARNs", encStrList(l("providerARNs"), a.ProviderARNs)},
		{"authorizerPayloadFormatVersion", encPlain(l("authorizerPayloadFormatVersion"), a.AuthorizerPayloadFormatVersion)},
		{"enableSimpleResponses", encBool(l("enableSimpleResponses"), a.EnableSimpleResponses)},
		{"jwtConfiguration", js},
	}, a.Unknown)
}

// Encode returns the identity source as written when unchanged, otherwise
// as a list or a comma-separated string, as it was first written.
func (s *IdentitySource) Encode() *yaml.Node {
	if s.src != nil {
		var q decoder
		if again := q.identitySource(s.src, ""); again.List == s.List && sameStrs(again.Sources, s.Sources) {
			return s.src
		}
	}
	if s.List {
		return encStrList(s.src, s.Sources)
	}
	if len(s.Sources) == 1 && !s.Sources[0].IsLiteral() {
		return encStr(nil, s.Sources[0])
	}
	return strNode(strings.Join(literals(s.Sources), ", "))
}

// Encode returns the JWT configuration as a node, keeping what was written.
func (j *JWTConfiguration) Encode() *yaml.Node {
	if keepAsWritten(j.src) {
		return j.src
	}
	return encodeObject(j.src, []encField{
		{"issuer", encStr(source.Lookup(j.src, "issuer"), j.Issuer)},
		{"audience", encStrList(source.Lookup(j.src, "audience"), j.Audience)},
	}, j.Unknown)
}
