package extensions

import (
	"regexp"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// Extension names of API-wide scalar settings.
const (
	ExtAPIKeySource           = "x-amazon-apigateway-api-key-source"
	ExtMinimumCompressionSize = "x-amazon-apigateway-minimum-compression-size"
	ExtImportExportVersion    = "x-amazon-apigateway-importexport-version"
	ExtTagValue               = "x-amazon-apigateway-tag-value"
	ExtSecurityPolicy         = "x-amazon-apigateway-security-policy"
	ExtEndpointAccessMode     = "x-amazon-apigateway-endpoint-access-mode"
)

// MaxCompressionSize is the largest minimum-compression-size API Gateway accepts (10 MiB).
const MaxCompressionSize = 10485760

// APIKeySource is x-amazon-apigateway-api-key-source: where usage plans read
// the API key from, HEADER (X-API-Key) or AUTHORIZER (a Lambda authorizer's usageIdentifierKey).
type APIKeySource struct {
	Value string `json:"-"`
	src   *yaml.Node
}

// MinimumCompressionSize is x-amazon-apigateway-minimum-compression-size:
// responses at least this many bytes long are compressed (0 to 10485760).
type MinimumCompressionSize struct {
	Bytes *int `json:"-"`
	src   *yaml.Node
}

// ImportExportVersion is x-amazon-apigateway-importexport-version: the HTTP
// API import and export algorithm version; only "1.0" exists.
type ImportExportVersion struct {
	Value string `json:"-"`
	src   *yaml.Node
}

// TagValue is x-amazon-apigateway-tag-value on a tag object: with the tag's
// name it makes an AWS resource tag of an HTTP API.
type TagValue struct {
	Value Str `json:"-"`
	src   *yaml.Node
}

// SecurityPolicy is x-amazon-apigateway-security-policy: the TLS security
// policy of a REST API (TLS_1_0, TLS_1_2 or an enhanced SecurityPolicy_* name).
type SecurityPolicy struct {
	Value string `json:"-"`
	src   *yaml.Node
}

// EndpointAccessMode is x-amazon-apigateway-endpoint-access-mode: BASIC or
// STRICT, required with an enhanced (SecurityPolicy_*) security policy.
type EndpointAccessMode struct {
	Value string `json:"-"`
	src   *yaml.Node
}

var enhancedSecurityPolicy = regexp.MustCompile(`^SecurityPolicy_[A-Za-z0-9_-]+$`)

func init() {
	register(&Spec{Name: ExtAPIKeySource, Places: AtRoot, RESTOnly: true,
		Summary: "Where API keys for usage plans come from: HEADER or AUTHORIZER.",
		decode: func(d *decoder, n *yaml.Node, ptr string) Value {
			return &APIKeySource{src: n, Value: d.enum(n, ptr, ExtAPIKeySource, []string{"HEADER", "AUTHORIZER"}, false)}
		}})
	register(&Spec{Name: ExtMinimumCompressionSize, Places: AtRoot, RESTOnly: true,
		Summary: "Smallest response body, in bytes, that API Gateway compresses (0 to 10485760).",
		decode: func(d *decoder, n *yaml.Node, ptr string) Value {
			v := &MinimumCompressionSize{src: n, Bytes: d.integer(n, ptr, ExtMinimumCompressionSize, true)}
			d.checkRange(n, ptr, ExtMinimumCompressionSize, v.Bytes, 0, MaxCompressionSize)
			return v
		}})
	register(&Spec{Name: ExtImportExportVersion, Places: AtRoot, HTTPOnly: true,
		Summary: "HTTP API import and export algorithm version: \"1.0\".",
		decode: func(d *decoder, n *yaml.Node, ptr string) Value {
			return &ImportExportVersion{src: n, Value: d.enum(n, ptr, ExtImportExportVersion, []string{"1.0"}, false)}
		}})
	register(&Spec{Name: ExtTagValue, Places: AtTag, HTTPOnly: true,
		Summary: "Value of the AWS tag named by the tag object (HTTP APIs).",
		decode: func(d *decoder, n *yaml.Node, ptr string) Value {
			return &TagValue{src: n, Value: d.str(n, ptr, ExtTagValue)}
		}})
	register(&Spec{Name: ExtSecurityPolicy, Places: AtRoot, RESTOnly: true,
		Summary: "TLS security policy of the REST API.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.securityPolicy(n, ptr) }})
	register(&Spec{Name: ExtEndpointAccessMode, Places: AtRoot, RESTOnly: true,
		Summary: "Endpoint access mode of the REST API: BASIC or STRICT.",
		decode: func(d *decoder, n *yaml.Node, ptr string) Value {
			return &EndpointAccessMode{src: n, Value: d.enum(n, ptr, ExtEndpointAccessMode, []string{"BASIC", "STRICT"}, false)}
		}})
}

func (d *decoder) securityPolicy(n *yaml.Node, ptr string) *SecurityPolicy {
	v := &SecurityPolicy{src: n, Value: d.plain(n, ptr, ExtSecurityPolicy)}
	if v.Value == "" || v.Value == "TLS_1_0" || v.Value == "TLS_1_2" || enhancedSecurityPolicy.MatchString(v.Value) {
		return v
	}
	hint := ""
	if s := Suggest(v.Value, []string{"TLS_1_0", "TLS_1_2"}); s != "" {
		hint = " (did you mean " + s + "?)"
	}
	d.Add(diag.SecurityPolicy, n, ptr, "security policy %q is not TLS_1_0, TLS_1_2 or a SecurityPolicy_* name%s", v.Value, hint)
	return v
}

// Enhanced tells whether the policy is a SecurityPolicy_* one, which needs
// x-amazon-apigateway-endpoint-access-mode as well.
func (v *SecurityPolicy) Enhanced() bool { return enhancedSecurityPolicy.MatchString(v.Value) }

// Extension implements Value.
func (*APIKeySource) Extension() string { return ExtAPIKeySource }

// Extension implements Value.
func (*MinimumCompressionSize) Extension() string { return ExtMinimumCompressionSize }

// Extension implements Value.
func (*ImportExportVersion) Extension() string { return ExtImportExportVersion }

// Extension implements Value.
func (*TagValue) Extension() string { return ExtTagValue }

// Extension implements Value.
func (*SecurityPolicy) Extension() string { return ExtSecurityPolicy }

// Extension implements Value.
func (*EndpointAccessMode) Extension() string { return ExtEndpointAccessMode }

// Encode implements Value.
func (v *APIKeySource) Encode() *yaml.Node { return encScalarExt(encPlain(v.src, v.Value), v.src) }

// Encode implements Value.
func (v *MinimumCompressionSize) Encode() *yaml.Node {
	return encScalarExt(encInt(v.src, v.Bytes), v.src)
}

// Encode implements Value.
func (v *ImportExportVersion) Encode() *yaml.Node {
	return encScalarExt(encPlain(v.src, v.Value), v.src)
}

// Encode implements Value.
func (v *TagValue) Encode() *yaml.Node { return encScalarExt(encStr(v.src, v.Value), v.src) }

// Encode implements Value.
func (v *SecurityPolicy) Encode() *yaml.Node { return encScalarExt(encPlain(v.src, v.Value), v.src) }

// Encode implements Value.
func (v *EndpointAccessMode) Encode() *yaml.Node {
	return encScalarExt(encPlain(v.src, v.Value), v.src)
}
