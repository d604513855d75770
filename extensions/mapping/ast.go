package mapping

// Context is the place a mapping sits in; it decides which keys and values are valid.
type Context int

// The mapping contexts.
const (
	// RESTRequest: x-amazon-apigateway-integration.requestParameters of a REST API.
	RESTRequest Context = iota
	// RESTResponse: responseParameters of a REST API integration response.
	RESTResponse
	// GatewayResponse: x-amazon-apigateway-gateway-responses.*.responseParameters.
	GatewayResponse
	// HTTPRequest: requestParameters of an HTTP API integration.
	HTTPRequest
	// HTTPResponse: responseParameters of an HTTP API integration (per status code).
	HTTPResponse
	// WebSocketRequest: requestParameters of a WebSocket API integration.
	WebSocketRequest
)

var contextNames = [...]string{"REST request", "REST response", "gateway response", "HTTP API request", "HTTP API response", "WebSocket request"}

// String names the context in words, e.g. "REST request".
func (c Context) String() string {
	if c >= 0 && int(c) < len(contextNames) {
		return contextNames[c]
	}
	return "unknown context"
}

// http reports whether the context uses the HTTP API grammar.
func (c Context) http() bool { return c == HTTPRequest || c == HTTPResponse }

// Location is where a parameter lives in a request or response.
type Location int

// Locations, named as in the expressions.
const (
	// NoLocation: the source or target has no location (static, context, stage variable).
	NoLocation Location = iota
	// Path is a path parameter ("path"); for HTTP APIs without a name, the whole request path.
	Path
	// QueryString is a query string parameter ("querystring").
	QueryString
	// MultiValueQueryString is every value of a query string parameter ("multivaluequerystring").
	MultiValueQueryString
	// Header is a header ("header").
	Header
	// MultiValueHeader is every value of a header ("multivalueheader").
	MultiValueHeader
	// Body is the payload ("body"), whole or selected by JSONPath.
	Body
	// StatusCode is the response status code of an HTTP API ("statuscode").
	StatusCode
)

var locationNames = [...]string{"", "path", "querystring", "multivaluequerystring", "header", "multivalueheader", "body", "statuscode"}

// String returns the location's keyword as written in expressions ("querystring", …).
func (l Location) String() string {
	if l >= 0 && int(l) < len(locationNames) {
		return locationNames[l]
	}
	return ""
}

// MultiValue reports whether the location yields every value of a repeated parameter.
func (l Location) MultiValue() bool { return l == MultiValueQueryString || l == MultiValueHeader }

// Single returns the single-value location of a multi-value one (querystring for
// multivaluequerystring), and the location itself otherwise.
func (l Location) Single() Location {
	switch l {
	case MultiValueQueryString:
		return QueryString
	case MultiValueHeader:
		return Header
	}
	return l
}

// Op is what an HTTP API mapping does to its target.
type Op int

// HTTP API operations; REST mappings have NoOp.
const (
	// NoOp: REST, gateway response and WebSocket mappings always set the target.
	NoOp Op = iota
	// Append adds the value to the target ("append:").
	Append
	// Overwrite replaces the target ("overwrite:").
	Overwrite
	// Remove deletes the target ("remove:"); its value is empty.
	Remove
)

var opNames = [...]string{"", "append", "overwrite", "remove"}

// String returns "append", "overwrite", "remove", or "" for NoOp.
func (o Op) String() string {
	if o >= 0 && int(o) < len(opNames) {
		return opNames[o]
	}
	return ""
}

// Target is the key of a mapping: where the value goes.
type Target struct {
	// Op is set for HTTP API mappings only.
	Op Op
	// Location is Header, QueryString, Path or StatusCode.
	Location Location
	// Name is the header, query string or path parameter name; empty for
	// overwrite:path and overwrite:statuscode.
	Name string
}

// SourceKind is the kind of data a mapping value reads.
type SourceKind int

// Source kinds.
const (
	// Empty: no value (HTTP API remove: mappings, or an unparsable value).
	Empty SourceKind = iota
	// Static: a literal value ('…' in REST, plain text in HTTP APIs).
	Static
	// MethodRequest: method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.name or method.request.body[.JSONPath] (REST).
	MethodRequest
	// IntegrationResponse: integration.response.{header|multivalueheader}.name or integration.response.body[.JSONPath] (REST).
	IntegrationResponse
	// RouteRequest: route.request.{querystring|header|…}.name or route.request.body.JSONPath (WebSocket).
	RouteRequest
	// Request: $request.{header|querystring|path|body}… (HTTP APIs).
	Request
	// Response: $response.{header|body}… (HTTP APIs).
	Response
	// ContextVar: context.name (REST, WebSocket) or $context.name (HTTP APIs).
	ContextVar
	// StageVariable: stageVariables.name or $stageVariables.name.
	StageVariable
	// Interpolation: HTTP API text mixing static parts and ${…} selections; see Parts.
	Interpolation
)

var kindNames = [...]string{"empty", "static", "method request", "integration response", "route request", "$request", "$response", "context variable", "stage variable", "interpolation"}

// String names the kind in words.
func (k SourceKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Source is the value of a mapping: where the data comes from.
type Source struct {
	// Kind says what the source reads and which other fields are set.
	Kind SourceKind
	// Location is set for MethodRequest, IntegrationResponse, RouteRequest, Request and Response.
	Location Location
	// Name is the parameter, header, context variable or stage variable name.
	Name string
	// JSONPath selects within the Body, without the "$." prefix; empty means the whole body.
	JSONPath string
	// Literal is the text of a Static source, without quotes.
	Literal string
	// Parts are the pieces of an Interpolation, in order: Static text and selections.
	Parts []Source
	// Offset is the byte offset of this source in the value.
	Offset int
	// Text is the source as written.
	Text string
}

// Mapping is one parsed key/value pair.
type Mapping struct {
	// Context is where the mapping sits (REST request, HTTP API response, …).
	Context Context
	// Target is the parsed key.
	Target Target
	// Source is the parsed value.
	Source Source
	// Key and Value are the strings as given.
	Key, Value string
}

// Param is a method request parameter that a mapping reads.
type Param struct {
	// Location is Path, QueryString or Header (multi-value sources are reported
	// with their single-value location, which is where they are declared).
	Location Location
	// Name is the parameter name as written after the location.
	Name string
}

// In returns the OpenAPI "in" of the parameter: "path", "query" or "header".
func (p Param) In() string {
	switch p.Location {
	case Path:
		return "path"
	case QueryString:
		return "query"
	case Header:
		return "header"
	}
	return ""
}

// Declaration returns the method request parameter key that declares the
// parameter in API Gateway, e.g. "method.request.querystring.page".
func (p Param) Declaration() string {
	return "method.request." + p.Location.String() + "." + p.Name
}
