package extensions

import "strings"

// IntegrationType is an integration's type. OpenAPI documents usually write
// it in lower case ("aws_proxy"), the SDK in upper case ("AWS_PROXY"); API
// Gateway accepts either, so the value is kept as written and compared with Is.
type IntegrationType string

// Integration types, in the SDK's spelling.
const (
	TypeHTTP      IntegrationType = "HTTP"
	TypeHTTPProxy IntegrationType = "HTTP_PROXY"
	TypeAWS       IntegrationType = "AWS"
	TypeAWSProxy  IntegrationType = "AWS_PROXY"
	TypeMock      IntegrationType = "MOCK"
)

// IntegrationTypes lists the integration types in the SDK's spelling.
var IntegrationTypes = []IntegrationType{TypeHTTP, TypeHTTPProxy, TypeAWS, TypeAWSProxy, TypeMock}

// Is tells whether t is u, ignoring case.
func (t IntegrationType) Is(u IntegrationType) bool { return strings.EqualFold(string(t), string(u)) }

// Canonical returns the SDK spelling (upper case) of t.
func (t IntegrationType) Canonical() IntegrationType {
	return IntegrationType(strings.ToUpper(string(t)))
}

// IsHTTP tells whether t is HTTP or HTTP_PROXY.
func (t IntegrationType) IsHTTP() bool { return t.Is(TypeHTTP) || t.Is(TypeHTTPProxy) }

// IsAWS tells whether t is AWS or AWS_PROXY.
func (t IntegrationType) IsAWS() bool { return t.Is(TypeAWS) || t.Is(TypeAWSProxy) }

// ConnectionType says how API Gateway reaches the backend.
type ConnectionType string

// Connection types.
const (
	ConnectionInternet ConnectionType = "INTERNET"
	ConnectionVPCLink  ConnectionType = "VPC_LINK"
)

// Is tells whether c is d, ignoring case.
func (c ConnectionType) Is(d ConnectionType) bool { return strings.EqualFold(string(c), string(d)) }

// PassthroughBehavior says what happens to a request body whose content type
// has no request template. REST APIs write it in lower case, the
// ApiGatewayV2 SDK in upper case; the value is kept as written.
type PassthroughBehavior string

// Passthrough behaviours, in the OpenAPI spelling.
const (
	PassthroughWhenNoMatch     PassthroughBehavior = "when_no_match"
	PassthroughWhenNoTemplates PassthroughBehavior = "when_no_templates"
	PassthroughNever           PassthroughBehavior = "never"
)

// Is tells whether p is q, ignoring case.
func (p PassthroughBehavior) Is(q PassthroughBehavior) bool {
	return strings.EqualFold(string(p), string(q))
}

// Canonical returns the OpenAPI spelling (lower case) of p.
func (p PassthroughBehavior) Canonical() PassthroughBehavior {
	return PassthroughBehavior(strings.ToLower(string(p)))
}

// ContentHandling is a payload conversion between text and binary.
type ContentHandling string

// Content handling strategies.
const (
	ConvertToBinary ContentHandling = "CONVERT_TO_BINARY"
	ConvertToText   ContentHandling = "CONVERT_TO_TEXT"
)

// Is tells whether c is d, ignoring case.
func (c ContentHandling) Is(d ContentHandling) bool { return strings.EqualFold(string(c), string(d)) }

// ResponseTransferMode says whether API Gateway buffers the integration's
// response or streams it to the client (REST APIs).
type ResponseTransferMode string

// Response transfer modes.
const (
	TransferBuffered ResponseTransferMode = "BUFFERED"
	TransferStream   ResponseTransferMode = "STREAM"
)

// Is tells whether m is n, ignoring case.
func (m ResponseTransferMode) Is(n ResponseTransferMode) bool {
	return strings.EqualFold(string(m), string(n))
}

// APIKind is the kind of API a document is imported as; some integration
// fields and limits differ between REST APIs (apigateway) and HTTP APIs
// (apigatewayv2).
type APIKind int

// API kinds.
const (
	// KindUnknown checks only what holds for both kinds.
	KindUnknown APIKind = iota
	// KindREST is a REST API (ImportRestApi).
	KindREST
	// KindHTTP is an HTTP API (apigatewayv2 ImportApi).
	KindHTTP
)

// String returns "REST API", "HTTP API" or "API".
func (k APIKind) String() string {
	switch k {
	case KindREST:
		return "REST API"
	case KindHTTP:
		return "HTTP API"
	}
	return "API"
}

func enumStrings[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
