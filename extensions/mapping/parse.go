package mapping

// ParseRequest parses one entry of a REST API integration's requestParameters:
// key integration.request.{path|querystring|header}.NAME, value
// method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.NAME,
// method.request.body[.JSONPath], context.VAR, stageVariables.NAME or 'static'.
func ParseRequest(key, value string) (Mapping, []Problem) { return Parse(RESTRequest, key, value) }

// ParseResponse parses one entry of a REST API integration response's
// responseParameters: key method.response.header.NAME, value
// integration.response.{header|multivalueheader}.NAME,
// integration.response.body[.JSONPath], context.VAR, stageVariables.NAME or 'static'.
func ParseResponse(key, value string) (Mapping, []Problem) { return Parse(RESTResponse, key, value) }

// ParseGatewayResponse parses one entry of a gateway response's
// responseParameters: key gatewayresponse.{header|path|querystring}.NAME, value
// method.request.{path|querystring|header}.NAME, context.VAR,
// stageVariables.NAME or 'static'.
func ParseGatewayResponse(key, value string) (Mapping, []Problem) {
	return Parse(GatewayResponse, key, value)
}

// ParseWebSocketRequest parses one entry of a WebSocket API integration's
// requestParameters: key integration.request.{header|querystring|path}.NAME,
// value route.request.{querystring|header|multivaluequerystring|multivalueheader}.NAME,
// route.request.body.JSONPath, context.VAR, stageVariables.NAME or 'static'.
func ParseWebSocketRequest(key, value string) (Mapping, []Problem) {
	return Parse(WebSocketRequest, key, value)
}

// ParseHTTP parses one entry of an HTTP API integration's requestParameters
// (response false) or of one status code's responseParameters (response
// true): key {append|overwrite|remove}:{header|querystring}.NAME,
// overwrite:path or overwrite:statuscode; value $request.…, $response.…,
// $context.…, $stageVariables.…, static text, or text with ${…} parts.
// Entries of AWS service integrations (integrationSubtype), whose keys are
// plain names such as QueueUrl, are parsed with ParseSource(HTTPRequest, value).
func ParseHTTP(key, value string, response bool) (Mapping, []Problem) {
	if response {
		return Parse(HTTPResponse, key, value)
	}
	return Parse(HTTPRequest, key, value)
}

// Parse parses a key and value in the given context. Problems about the key
// come first. The Mapping holds whatever could be understood.
func Parse(ctx Context, key, value string) (Mapping, []Problem) {
	t, ps := ParseTarget(ctx, key)
	var targetOK *Target
	if !HasError(ps) {
		targetOK = &t
	}
	var vs problems
	s := parseSource(ctx, value, targetOK, &vs)
	return Mapping{Context: ctx, Target: t, Source: s, Key: key, Value: value}, append(ps, vs.list...)
}

// ParseTarget parses a mapping key in the given context.
func ParseTarget(ctx Context, key string) (Target, []Problem) {
	var ps problems
	var t Target
	if ctx.http() {
		t = parseHTTPTarget(ctx, key, &ps)
	} else {
		t = parseDottedTarget(ctx, key, &ps)
	}
	return t, ps.list
}

// ParseSource parses a mapping value in the given context, without the
// checks that depend on the key (such as remove: taking an empty value).
func ParseSource(ctx Context, value string) (Source, []Problem) {
	var ps problems
	s := parseSource(ctx, value, nil, &ps)
	return s, ps.list
}

func parseSource(ctx Context, value string, t *Target, ps *problems) Source {
	if ctx.http() {
		return parseHTTPSource(ctx, value, t, ps)
	}
	return parseDottedSource(ctx, value, t, ps)
}
