package extensions

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Extension names for integrations.
const (
	ExtIntegration  = "x-amazon-apigateway-integration"
	ExtIntegrations = "x-amazon-apigateway-integrations"
)

// IntegrationsRefPrefix is how a $ref to a reusable integration starts.
const IntegrationsRefPrefix = "#/components/" + ExtIntegrations + "/"

// Integration is x-amazon-apigateway-integration: the backend an operation
// (REST API method or HTTP API route) calls. Strings that CloudFormation may
// fill in are Str; enum values are kept as written.
type Integration struct {
	// Ref is the $ref of an integration written as a reference to
	// components/x-amazon-apigateway-integrations (HTTP APIs); see RefName.
	Ref string `json:"$ref,omitempty"`
	// Type is http, http_proxy, aws, aws_proxy or mock, in any case.
	Type IntegrationType `json:"type,omitempty"`
	// HTTPMethod is the method API Gateway calls the backend with (POST for Lambda), or ANY.
	HTTPMethod Str `json:"httpMethod,omitempty"`
	// URI is the backend: an http(s) URL, an API Gateway service ARN
	// (arn:aws:apigateway:{region}:{service}:path/… or action/…), or for HTTP APIs a Lambda
	// function, load balancer or Cloud Map ARN.
	URI Str `json:"uri,omitempty"`
	// Credentials is the IAM role API Gateway assumes to call the backend, or
	// arn:aws:iam::*:user/* for the caller's identity.
	Credentials Str `json:"credentials,omitempty"`
	// ConnectionType is INTERNET (default) or VPC_LINK for a private integration.
	ConnectionType ConnectionType `json:"connectionType,omitempty"`
	// ConnectionID is the VPC link id of a VPC_LINK integration.
	ConnectionID Str `json:"connectionId,omitempty"`
	// IntegrationTarget is the load balancer ARN of a REST API private integration through a VPC
	// link v2.
	IntegrationTarget Str `json:"integrationTarget,omitempty"`
	// IntegrationSubtype names the AWS service action of an HTTP API aws_proxy integration, such
	// as SQS-SendMessage.
	IntegrationSubtype Str `json:"integrationSubtype,omitempty"`
	// PayloadFormatVersion is "1.0" or "2.0" (Lambda proxy only): the event format of HTTP API
	// integrations.
	PayloadFormatVersion string `json:"payloadFormatVersion,omitempty"`
	// RequestParameters maps integration request parameters (REST) or
	// parameter-mapping actions (HTTP APIs) to their sources.
	RequestParameters Map[Str] `json:"requestParameters,omitempty"`
	// RequestTemplates maps a media type to a mapping template.
	RequestTemplates Map[Str] `json:"requestTemplates,omitempty"`
	// PassthroughBehavior is when_no_match, when_no_templates or never: what happens to a body
	// whose content type has no request template.
	PassthroughBehavior PassthroughBehavior `json:"passthroughBehavior,omitempty"`
	// ContentHandling converts the request body: CONVERT_TO_BINARY or CONVERT_TO_TEXT.
	ContentHandling ContentHandling `json:"contentHandling,omitempty"`
	// TimeoutInMillis is the integration timeout, 50 to 29000 ms by default (HTTP APIs 30000; up
	// to 300000 with a raised quota, 900000 with responseTransferMode STREAM).
	TimeoutInMillis *int `json:"timeoutInMillis,omitempty"`
	// CacheNamespace groups cacheKeyParameters across methods.
	CacheNamespace Str `json:"cacheNamespace,omitempty"`
	// CacheKeyParameters are the method request parameters whose values key the cache.
	CacheKeyParameters []Str `json:"cacheKeyParameters,omitempty"`
	// TLSConfig holds the TLS settings for the backend connection.
	TLSConfig *TLSConfig `json:"tlsConfig,omitempty"`
	// ResponseTransferMode is BUFFERED or STREAM (REST API proxy integrations).
	ResponseTransferMode ResponseTransferMode `json:"responseTransferMode,omitempty"`
	// Responses are the REST integration responses, keyed by selection
	// pattern ("default" for the default response).
	Responses Map[*IntegrationResponseEntry] `json:"responses,omitempty"`
	// ResponseParameters are the HTTP API response mappings: status code →
	// ("append:header.x", "overwrite:statuscode", … → value).
	ResponseParameters Map[Map[Str]] `json:"responseParameters,omitempty"`
	// Intrinsics holds fields that need a literal (enums, numbers, objects)
	// but are written as CloudFormation intrinsic functions; they are kept as
	// written and not checked.
	Intrinsics Map[*yaml.Node] `json:"-"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	// whole is set when the entire value is an intrinsic function (Fn::If, …).
	whole bool
	src   *yaml.Node
}

// TLSConfig is x-amazon-apigateway-integration.tlsConfig.
type TLSConfig struct {
	// InsecureSkipVerification (REST APIs, HTTP and HTTP_PROXY) accepts
	// certificates from private or self-signed authorities.
	InsecureSkipVerification *bool `json:"insecureSkipVerification,omitempty"`
	// ServerNameToVerify (HTTP API private integrations) is the name checked
	// on the backend's certificate and sent as SNI.
	ServerNameToVerify Str `json:"serverNameToVerify,omitempty"`
	// Intrinsics holds fields written as CloudFormation intrinsic functions.
	Intrinsics Map[*yaml.Node] `json:"-"`
	Unknown    Map[*yaml.Node] `json:"-"`
	src        *yaml.Node
}

// Integrations is x-amazon-apigateway-integrations (components, HTTP APIs):
// reusable integrations by name.
type Integrations struct {
	Integrations Map[*Integration] `json:"-"`
	src          *yaml.Node
}

func init() {
	register(&Spec{Name: ExtIntegration, Places: AtOperation,
		Summary: "The backend integration of an operation: type, uri, mappings, templates and responses.",
		decode: func(d *decoder, n *yaml.Node, ptr string) Value {
			v := d.integration(n, ptr)
			d.checkIntegration(v, ptr, KindUnknown)
			return v
		}})
	register(&Spec{Name: ExtIntegrations, Places: AtComponents, HTTPOnly: true,
		Summary: "Reusable integrations by name, referred to with $ref from x-amazon-apigateway-integration.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.integrations(n, ptr, KindHTTP) }})
}

// DecodeIntegration decodes an x-amazon-apigateway-integration value found at
// JSON pointer ptr and checks it for the given kind of API. With KindUnknown
// the kind is inferred from the fields (see InferKind).
func DecodeIntegration(n *yaml.Node, ptr string, kind APIKind) (*Integration, []diag.Diagnostic) {
	var d decoder
	v := d.integration(n, ptr)
	d.checkIntegration(v, ptr, kind)
	IfBranches(n, ptr, func(b *yaml.Node, bp string) { d.checkIntegration(d.integration(b, bp), bp, kind) })
	return v, d.Diags
}

// DecodeIntegrations decodes an x-amazon-apigateway-integrations value and
// checks each integration for the given kind of API.
func DecodeIntegrations(n *yaml.Node, ptr string, kind APIKind) (*Integrations, []diag.Diagnostic) {
	var d decoder
	v := d.integrations(n, ptr, kind)
	return v, d.Diags
}

// Extension implements Value.
func (*Integration) Extension() string { return ExtIntegration }

// Extension implements Value.
func (*Integrations) Extension() string { return ExtIntegrations }

// Node returns the node the value was decoded from, nil when built in Go.
func (v *Integration) Node() *yaml.Node { return v.src }

// Node returns the node the value was decoded from, nil when built in Go.
func (v *Integrations) Node() *yaml.Node { return v.src }

// Node returns the node the value was decoded from, nil when built in Go.
func (v *TLSConfig) Node() *yaml.Node { return v.src }

// IsRef tells whether the integration is only a $ref to a reusable integration.
func (v *Integration) IsRef() bool { return v.Ref != "" }

// RefName returns the name of the reusable integration that Ref points to
// (the part after #/components/x-amazon-apigateway-integrations/, with JSON
// pointer escapes undone), or "" when Ref points elsewhere or is empty.
func (v *Integration) RefName() string {
	name, ok := strings.CutPrefix(v.Ref, IntegrationsRefPrefix)
	if !ok || name == "" || strings.Contains(name, "/") {
		return ""
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(name)
}

func (d *decoder) integrations(n *yaml.Node, ptr string, kind APIKind) *Integrations {
	out := &Integrations{src: n}
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "%s must be an object mapping integration names to integrations, not %s", ExtIntegrations, kindName(n))
		return out
	}
	for i := 0; i+1 < len(r.Content); i += 2 {
		name := r.Content[i].Value
		p := source.Pointer(ptr, name)
		v := d.integration(r.Content[i+1], p)
		IfBranches(r.Content[i+1], p, func(b *yaml.Node, bp string) { d.checkIntegration(d.integration(b, bp), bp, kind) })
		if v.IsRef() {
			d.Add(diag.IntegrationRef, r.Content[i+1], p, "reusable integration %q is itself a $ref; write the integration object here and refer to it from operations", name)
		}
		d.checkIntegration(v, p, kind)
		out.Integrations = append(out.Integrations, Pair[*Integration]{name, v})
	}
	return out
}

// IsIntrinsic tells whether the whole integration is written as a
// CloudFormation intrinsic function (such as Fn::If choosing between two
// integrations); it is then kept as written and not decoded further.
func (v *Integration) IsIntrinsic() bool { return v.whole }

func (d *decoder) integration(n *yaml.Node, ptr string) *Integration {
	v := &Integration{src: n}
	if source.IntrinsicName(n) != "" {
		v.whole = true
		return v
	}
	d.object(n, ptr, "integration", deferrable(&v.Intrinsics,
		field{"$ref", func(n *yaml.Node, p string) { v.Ref = d.plain(n, p, "$ref") }},
		field{"type", func(n *yaml.Node, p string) {
			v.Type = IntegrationType(d.enum(n, p, "integration type", []string{"http", "http_proxy", "aws", "aws_proxy", "mock"}, true))
		}},
		field{"httpMethod", func(n *yaml.Node, p string) { v.HTTPMethod = d.str(n, p, "httpMethod") }},
		field{"uri", func(n *yaml.Node, p string) { v.URI = d.str(n, p, "uri") }},
		field{"credentials", func(n *yaml.Node, p string) { v.Credentials = d.str(n, p, "credentials") }},
		field{"connectionType", func(n *yaml.Node, p string) {
			v.ConnectionType = ConnectionType(d.enum(n, p, "connectionType", enumStrings(ConnectionInternet, ConnectionVPCLink), false))
		}},
		field{"connectionId", func(n *yaml.Node, p string) { v.ConnectionID = d.str(n, p, "connectionId") }},
		field{"integrationTarget", func(n *yaml.Node, p string) { v.IntegrationTarget = d.str(n, p, "integrationTarget") }},
		field{"integrationSubtype", func(n *yaml.Node, p string) { v.IntegrationSubtype = d.str(n, p, "integrationSubtype") }},
		field{"payloadFormatVersion", func(n *yaml.Node, p string) { v.PayloadFormatVersion = d.plain(n, p, "payloadFormatVersion") }},
		field{"requestParameters", func(n *yaml.Node, p string) { v.RequestParameters = d.strMap(n, p, "requestParameters") }},
		field{"requestTemplates", func(n *yaml.Node, p string) { v.RequestTemplates = d.templates(n, p, "requestTemplates") }},
		field{"passthroughBehavior", func(n *yaml.Node, p string) {
			v.PassthroughBehavior = PassthroughBehavior(d.enum(n, p, "passthroughBehavior",
				enumStrings(PassthroughWhenNoMatch, PassthroughWhenNoTemplates, PassthroughNever), true))
		}},
		field{"contentHandling", func(n *yaml.Node, p string) {
			v.ContentHandling = ContentHandling(d.enum(n, p, "contentHandling", enumStrings(ConvertToBinary, ConvertToText), false))
		}},
		field{"timeoutInMillis", func(n *yaml.Node, p string) { v.TimeoutInMillis = d.integer(n, p, "timeoutInMillis", true) }},
		field{"cacheNamespace", func(n *yaml.Node, p string) { v.CacheNamespace = d.str(n, p, "cacheNamespace") }},
		field{"cacheKeyParameters", func(n *yaml.Node, p string) { v.CacheKeyParameters = d.strList(n, p, "cacheKeyParameters") }},
		field{"tlsConfig", func(n *yaml.Node, p string) { v.TLSConfig = d.tlsConfig(n, p) }},
		field{"responseTransferMode", func(n *yaml.Node, p string) {
			v.ResponseTransferMode = ResponseTransferMode(d.enum(n, p, "responseTransferMode", enumStrings(TransferBuffered, TransferStream), false))
		}},
		field{"responses", func(n *yaml.Node, p string) { v.Responses = d.integrationResponses(n, p) }},
		field{"responseParameters", func(n *yaml.Node, p string) { v.ResponseParameters = d.httpResponseParameters(n, p) }},
	), &v.Unknown)
	return v
}

func (d *decoder) tlsConfig(n *yaml.Node, ptr string) *TLSConfig {
	v := &TLSConfig{src: n}
	d.object(n, ptr, "tlsConfig", deferrable(&v.Intrinsics,
		field{"insecureSkipVerification", func(n *yaml.Node, p string) {
			v.InsecureSkipVerification = d.boolean(n, p, "insecureSkipVerification")
		}},
		field{"serverNameToVerify", func(n *yaml.Node, p string) { v.ServerNameToVerify = d.str(n, p, "serverNameToVerify") }},
	), &v.Unknown)
	return v
}

// httpResponseParameters decodes HTTP API responseParameters: status code →
// object of mapping actions.
func (d *decoder) httpResponseParameters(n *yaml.Node, ptr string) Map[Map[Str]] {
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "responseParameters must be an object mapping status codes to parameter mappings, not %s", kindName(n))
		return nil
	}
	out := make(Map[Map[Str]], 0, len(r.Content)/2)
	for i := 0; i+1 < len(r.Content); i += 2 {
		k := r.Content[i].Value
		out = append(out, Pair[Map[Str]]{k, d.strMap(r.Content[i+1], source.Pointer(ptr, k), "responseParameters for status "+k)})
	}
	return out
}

// Encode implements Value.
func (v *Integration) Encode() *yaml.Node {
	if v.whole {
		return v.src
	}
	at := func(k string) *yaml.Node { return source.Lookup(v.src, k) }
	var tls *yaml.Node
	if v.TLSConfig != nil {
		tls = v.TLSConfig.Encode()
	}
	return encodeObject(v.src, withIntrinsics([]encField{
		{"$ref", encPlain(at("$ref"), v.Ref)},
		{"type", encPlain(at("type"), string(v.Type))},
		{"httpMethod", encStr(at("httpMethod"), v.HTTPMethod)},
		{"uri", encStr(at("uri"), v.URI)},
		{"credentials", encStr(at("credentials"), v.Credentials)},
		{"connectionType", encPlain(at("connectionType"), string(v.ConnectionType))},
		{"connectionId", encStr(at("connectionId"), v.ConnectionID)},
		{"integrationTarget", encStr(at("integrationTarget"), v.IntegrationTarget)},
		{"integrationSubtype", encStr(at("integrationSubtype"), v.IntegrationSubtype)},
		{"payloadFormatVersion", encPlain(at("payloadFormatVersion"), v.PayloadFormatVersion)},
		{"requestParameters", encStrMap(at("requestParameters"), v.RequestParameters)},
		{"requestTemplates", encTemplates(at("requestTemplates"), v.RequestTemplates)},
		{"passthroughBehavior", encPlain(at("passthroughBehavior"), string(v.PassthroughBehavior))},
		{"contentHandling", encPlain(at("contentHandling"), string(v.ContentHandling))},
		{"timeoutInMillis", encInt(at("timeoutInMillis"), v.TimeoutInMillis)},
		{"cacheNamespace", encStr(at("cacheNamespace"), v.CacheNamespace)},
		{"cacheKeyParameters", encStrList(at("cacheKeyParameters"), v.CacheKeyParameters)},
		{"tlsConfig", tls},
		{"responseTransferMode", encPlain(at("responseTransferMode"), string(v.ResponseTransferMode))},
		{"responses", encIntegrationResponses(at("responses"), v.Responses)},
		{"responseParameters", encHTTPResponseParameters(at("responseParameters"), v.ResponseParameters)},
	}, v.Intrinsics), v.Unknown)
}

// Encode returns the TLS configuration as a node, keeping what was written.
func (v *TLSConfig) Encode() *yaml.Node {
	return encodeObject(v.src, withIntrinsics([]encField{
		{"insecureSkipVerification", encBool(source.Lookup(v.src, "insecureSkipVerification"), v.InsecureSkipVerification)},
		{"serverNameToVerify", encStr(source.Lookup(v.src, "serverNameToVerify"), v.ServerNameToVerify)},
	}, v.Intrinsics), v.Unknown)
}

// Encode implements Value.
func (v *Integrations) Encode() *yaml.Node {
	fields := make([]encField, 0, len(v.Integrations))
	for _, p := range v.Integrations {
		if p.Value != nil {
			fields = append(fields, encField{p.Key, p.Value.Encode()})
		}
	}
	return encodeObject(v.src, fields, nil)
}

func encHTTPResponseParameters(orig *yaml.Node, m Map[Map[Str]]) *yaml.Node {
	if m == nil {
		return nil
	}
	fields := make([]encField, 0, len(m))
	for _, p := range m {
		n := encStrMap(source.Lookup(orig, p.Key), p.Value)
		if n == nil {
			n = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		}
		fields = append(fields, encField{p.Key, n})
	}
	return encodeObject(orig, fields, nil)
}
