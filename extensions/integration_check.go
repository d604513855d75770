package extensions

import (
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Timeout limits in milliseconds.
const (
	// MinTimeoutMillis is the smallest timeoutInMillis for every kind of API.
	MinTimeoutMillis = 50
	// RESTDefaultMaxTimeoutMillis is the REST API limit unless the account's
	// integration-timeout quota was raised.
	RESTDefaultMaxTimeoutMillis = 29000
	// RESTRaisedMaxTimeoutMillis is the highest limit a raised quota allows
	// (Regional and private REST APIs).
	RESTRaisedMaxTimeoutMillis = 300000
	// RESTStreamMaxTimeoutMillis is the limit with responseTransferMode STREAM.
	RESTStreamMaxTimeoutMillis = 900000
	// HTTPMaxTimeoutMillis is the HTTP API limit.
	HTTPMaxTimeoutMillis = 30000
)

// IntegrationSubtypes are the HTTP API AWS service integrations.
var IntegrationSubtypes = []string{
	"AppConfig-GetConfiguration", "EventBridge-PutEvents", "Kinesis-PutRecord",
	"SQS-DeleteMessage", "SQS-PurgeQueue", "SQS-ReceiveMessage", "SQS-SendMessage",
	"StepFunctions-StartExecution", "StepFunctions-StartSyncExecution", "StepFunctions-StopExecution",
}

// integrationHTTPMethods are the methods an integration may call; ANY passes the client's.
var integrationHTTPMethods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"}

// Check returns the diagnostics of the checks that need only the integration
// itself, for the given kind of API (KindUnknown: inferred from the fields).
// Positions come from the decoded source; ptr is the integration's JSON pointer.
func (v *Integration) Check(ptr string, kind APIKind) []diag.Diagnostic {
	var d decoder
	d.checkIntegration(v, ptr, kind)
	return d.Diags
}

// pos returns the node to report a problem with key at: its value, or the
// object when the key is absent.
func pos(obj *yaml.Node, key string) *yaml.Node {
	if n := source.Lookup(obj, key); n != nil {
		return n
	}
	return obj
}

func (d *decoder) checkIntegration(v *Integration, ptr string, kind APIKind) {
	if v == nil || v.IsIntrinsic() || source.Resolve(v.src) != nil && source.Resolve(v.src).Kind != yaml.MappingNode {
		return // an intrinsic is checked branch by branch where it is decoded
	}
	if kind == KindUnknown {
		kind = v.InferKind()
	}
	if v.IsRef() {
		d.checkIntegrationRef(v, ptr, kind)
		return
	}
	if v.Type == "" && source.Lookup(v.src, "type") == nil && !v.Intrinsics.Has("type") {
		d.Add(diag.MissingField, v.src, ptr, "integration has no type; write type: http, http_proxy, aws, aws_proxy or mock")
	}
	// typed is false when the type is missing, unknown (reported by the
	// decoder) or an intrinsic: the checks that depend on the type are
	// skipped, and every other check still runs, so that one problem does
	// not hide the others until it is fixed.
	typed := v.Type != "" && slices.ContainsFunc(IntegrationTypes, v.Type.Is)
	d.checkHTTPMethod(v, ptr, kind, typed)
	if typed {
		d.checkURI(v, ptr, kind)
	}
	d.checkConnection(v, ptr, typed)
	d.checkTimeout(v, ptr, kind)
	d.checkTypeOnlyFields(v, ptr, kind, typed)
	d.checkPayloadFormat(v, ptr, kind, typed)
	d.checkTemplateKeys(v.RequestTemplates, source.Lookup(v.src, "requestTemplates"), source.Pointer(ptr, "requestTemplates"))
	if v.RequestParameters != nil {
		checkRequestMapping(d, v.RequestParameters, source.Lookup(v.src, "requestParameters"), source.Pointer(ptr, "requestParameters"), kind)
	}
	d.checkResponses(v, source.Pointer(ptr, "responses"))
	d.checkHTTPResponseParameters(v, source.Pointer(ptr, "responseParameters"))
}

func (d *decoder) checkIntegrationRef(v *Integration, ptr string, kind APIKind) {
	p := source.Pointer(ptr, "$ref")
	if v.RefName() == "" {
		d.Add(diag.IntegrationRef, source.Lookup(v.src, "$ref"), p,
			"integration $ref %q must point to a reusable integration: write %sNAME", v.Ref, IntegrationsRefPrefix)
	}
	if kind == KindREST {
		d.Add(diag.FieldNotForType, source.Lookup(v.src, "$ref"), p,
			"REST APIs do not read %s, so an integration $ref cannot be resolved; write the integration object here", ExtIntegrations)
	}
	if r := source.Resolve(v.src); r != nil && len(r.Content) > 2 {
		// Info, not the code's warning: the $ref itself is fine, and API
		// Gateway reads only the referenced integration.
		d.AddAs(diag.Info, diag.IntegrationRef, v.src, ptr, "keys next to $ref are ignored; move them into the referenced integration")
	}
}

func (d *decoder) checkHTTPMethod(v *Integration, ptr string, kind APIKind, typed bool) {
	p := source.Pointer(ptr, "httpMethod")
	if v.HTTPMethod.IsZero() {
		if !typed {
			return // whether a method is needed depends on the type
		}
		need := !v.Type.Is(TypeMock)
		switch kind {
		case KindHTTP:
			need = v.Type.IsHTTP()
		case KindUnknown:
			need = v.Type.IsHTTP() || v.Type.Is(TypeAWS)
		}
		if need {
			hint := "the method the backend expects, or ANY"
			if v.Type.IsAWS() {
				hint = "POST for Lambda and most AWS service actions"
			}
			d.Add(diag.MissingField, v.src, ptr, "%s integration has no httpMethod; write %s", strings.ToLower(string(v.Type)), hint)
		}
		return
	}
	if !v.HTTPMethod.Known() {
		return
	}
	m := v.HTTPMethod.Value
	if !slices.ContainsFunc(integrationHTTPMethods, func(s string) bool { return strings.EqualFold(s, m) }) {
		hint := ""
		if s := Suggest(m, integrationHTTPMethods); s != "" {
			hint = " (did you mean " + s + "?)"
		}
		d.Add(diag.HTTPMethod, source.Lookup(v.src, "httpMethod"), p, "httpMethod %q is not one of %s%s", m, strings.Join(integrationHTTPMethods, ", "), hint)
		return
	}
	// Import accepts another method but every call then fails, so this is a
	// warning; HTTP APIs ignore the method of Lambda integrations.
	if kind != KindHTTP && v.Type.IsAWS() && isLambdaURI(v.URI) && !strings.EqualFold(m, "POST") {
		d.Add(diag.LambdaMethod, source.Lookup(v.src, "httpMethod"), p,
			"Lambda functions are invoked with POST whatever the client's method; write httpMethod: POST instead of %q", m)
	}
}

// isLambdaURI tells whether a known uri invokes a Lambda function.
func isLambdaURI(s Str) bool {
	u := s.Value
	if s.Fn == "Fn::Sub" || s.IsLiteral() {
		return strings.Contains(u, ":lambda:path/") || strings.HasPrefix(u, "arn:") && strings.Contains(u, ":lambda:") && strings.Contains(u, ":function:")
	}
	return false
}

func (d *decoder) checkURI(v *Integration, ptr string, kind APIKind) {
	p := source.Pointer(ptr, "uri")
	n := source.Lookup(v.src, "uri")
	if v.URI.IsZero() {
		switch {
		case v.Type.Is(TypeMock):
		case v.Type.Is(TypeAWSProxy) && !v.IntegrationSubtype.IsZero():
			// HTTP API AWS service integrations name their target in requestParameters.
		default:
			d.Add(diag.MissingField, v.src, ptr, "%s integration has no uri; write %s", strings.ToLower(string(v.Type)), uriHint(v.Type))
		}
		return
	}
	if !v.URI.Known() {
		return // stage variables, ${AWS::Region} and intrinsics are resolved later
	}
	if msg := uriProblem(v, kind); msg != "" {
		d.Add(diag.IntegrationURI, n, p, "%s", msg)
	}
}

func uriHint(t IntegrationType) string {
	if t.IsHTTP() {
		return "the backend's absolute http(s) URL"
	}
	return "an API Gateway service ARN such as arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations"
}

// uriProblem describes what is wrong with a known uri, or returns "".
func uriProblem(v *Integration, kind APIKind) string {
	u := v.URI.Value
	switch {
	case v.Type.Is(TypeMock):
		return ""
	case v.Type.IsHTTP():
		if v.ConnectionType.Is(ConnectionVPCLink) && kind != KindREST &&
			(isARN(u, "elasticloadbalancing") || isARN(u, "servicediscovery")) {
			return ""
		}
		if isHTTPURL(u) {
			return ""
		}
		if kind != KindREST && v.ConnectionType.Is(ConnectionVPCLink) {
			return "uri " + strconv.Quote(u) + " of a private integration must be a load balancer listener ARN, a Cloud Map service ARN or an http(s) URL"
		}
		return "uri " + strconv.Quote(u) + " of an " + strings.ToLower(string(v.Type)) + " integration must be an absolute http:// or https:// URL"
	}
	// AWS and AWS_PROXY.
	if v.Type.Is(TypeAWSProxy) && kind != KindREST && isARN(u, "lambda") {
		return "" // HTTP APIs accept a Lambda function ARN
	}
	parts := strings.SplitN(u, ":", 6)
	if fn := strings.SplitN(u, ":", 7); isARN(u, "lambda") && len(fn) >= 7 && fn[3] != "" {
		// A bare function ARN: REST APIs need the function's invocation path.
		return "uri " + strconv.Quote(u) + " is a Lambda function ARN; REST APIs invoke the function through API Gateway's Lambda service path: write arn:aws:apigateway:" +
			fn[3] + ":lambda:path/2015-03-31/functions/" + u + "/invocations"
	}
	if len(parts) < 6 || parts[0] != "arn" || parts[2] != "apigateway" || parts[3] == "" || parts[4] == "" {
		return "uri " + strconv.Quote(u) + " must be an API Gateway service ARN: arn:aws:apigateway:{region}:{service}:path/{path} or arn:aws:apigateway:{region}:{service}:action/{action}"
	}
	service, rest := parts[4], parts[5]
	if !strings.HasPrefix(rest, "path/") && !strings.HasPrefix(rest, "action/") {
		return "uri " + strconv.Quote(u) + " must continue after the service with path/… or action/…"
	}
	if service == "lambda" && strings.HasPrefix(rest, "path/") {
		fn, ok := strings.CutPrefix(rest, "path/2015-03-31/functions/")
		fn, ok2 := strings.CutSuffix(fn, "/invocations")
		if !ok || !ok2 || !isARN(fn, "lambda") {
			return "Lambda uri " + strconv.Quote(u) + " must be arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations"
		}
		return ""
	}
	if v.Type.Is(TypeAWSProxy) && kind == KindREST {
		return "REST API aws_proxy integrations invoke Lambda functions only; for other AWS services write type: aws, not " + strconv.Quote(string(v.Type))
	}
	return ""
}

// isARN tells whether s is an ARN of the given service (arn:{partition}:{service}:…).
func isARN(s, service string) bool {
	parts := strings.SplitN(s, ":", 4)
	return len(parts) == 4 && parts[0] == "arn" && parts[1] != "" && parts[2] == service
}

func isHTTPURL(s string) bool {
	l := strings.ToLower(s)
	rest, ok := strings.CutPrefix(l, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(l, "http://")
	}
	host, _, _ := strings.Cut(rest, "/")
	return ok && host != "" && !strings.ContainsAny(s, " \t\n")
}

func (d *decoder) checkConnection(v *Integration, ptr string, typed bool) {
	if v.Intrinsics.Has("connectionType") {
		return
	}
	hasID := !v.ConnectionID.IsZero()
	switch {
	case v.ConnectionType.Is(ConnectionVPCLink) && !hasID:
		d.Add(diag.Connection, v.src, ptr, "a VPC_LINK integration needs connectionId: write the VPC link's id (or ${stageVariables.name})")
	case hasID && v.ConnectionType.Is(ConnectionInternet):
		d.Add(diag.Connection, source.Lookup(v.src, "connectionId"), source.Pointer(ptr, "connectionId"),
			"connectionId is only valid with connectionType VPC_LINK; write connectionType: VPC_LINK or remove connectionId")
	case hasID && v.ConnectionType == "":
		d.Add(diag.Connection, source.Lookup(v.src, "connectionId"), source.Pointer(ptr, "connectionId"),
			"connectionId without connectionType is ignored; add connectionType: VPC_LINK")
	}
	if typed && v.ConnectionType.Is(ConnectionVPCLink) && !v.Type.IsHTTP() {
		d.Add(diag.FieldNotForType, source.Lookup(v.src, "connectionType"), source.Pointer(ptr, "connectionType"),
			"connectionType VPC_LINK is only for http and http_proxy integrations, not %q", string(v.Type))
	}
}

func (d *decoder) checkTimeout(v *Integration, ptr string, kind APIKind) {
	if v.TimeoutInMillis == nil {
		return
	}
	t := *v.TimeoutInMillis
	n, p := source.Lookup(v.src, "timeoutInMillis"), source.Pointer(ptr, "timeoutInMillis")
	stream := v.ResponseTransferMode.Is(TransferStream)
	switch {
	case t < MinTimeoutMillis:
		d.Add(diag.IntegrationTimeout, n, p, "timeoutInMillis %d is below the minimum; write at least %d", t, MinTimeoutMillis)
	case kind == KindHTTP && t > HTTPMaxTimeoutMillis:
		d.Add(diag.IntegrationTimeout, n, p, "timeoutInMillis %d is above the HTTP API maximum; write at most %d", t, HTTPMaxTimeoutMillis)
	case stream && t > RESTStreamMaxTimeoutMillis:
		d.Add(diag.IntegrationTimeout, n, p, "timeoutInMillis %d is above the maximum for streamed responses; write at most %d", t, RESTStreamMaxTimeoutMillis)
	case !stream && t > RESTRaisedMaxTimeoutMillis:
		d.Add(diag.IntegrationTimeout, n, p, "timeoutInMillis %d is above the maximum even with a raised quota; write at most %d, or use responseTransferMode: STREAM (up to %d)", t, RESTRaisedMaxTimeoutMillis, RESTStreamMaxTimeoutMillis)
	case !stream && t > RESTDefaultMaxTimeoutMillis && (kind == KindREST || t > HTTPMaxTimeoutMillis):
		// A warning, not the code's error: the limit can be raised for the
		// account, which the document cannot show.
		d.AddAs(diag.Warning, diag.IntegrationTimeout, n, p, "timeoutInMillis %d is above the default REST API limit of %d; import fails unless the account's integration timeout quota was raised (Regional and private APIs only)", t, RESTDefaultMaxTimeoutMillis)
	}
}

// checkTypeOnlyFields reports fields that the kind of API or the type does
// not read; those that depend on the type only when it is known (typed).
func (d *decoder) checkTypeOnlyFields(v *Integration, ptr string, kind APIKind, typed bool) {
	only := func(key string, format string, args ...any) {
		d.Add(diag.FieldNotForType, pos(v.src, key), source.Pointer(ptr, key), format, args...)
	}
	typ := strings.ToLower(string(v.Type))
	if tls := v.TLSConfig; tls != nil {
		if typed && tls.InsecureSkipVerification != nil && !v.Type.IsHTTP() {
			only("tlsConfig", "tlsConfig.insecureSkipVerification is only read for http and http_proxy integrations, not %s; remove it", typ)
		}
		if tls.InsecureSkipVerification != nil && kind == KindHTTP {
			only("tlsConfig", "tlsConfig.insecureSkipVerification is only read by REST APIs; HTTP APIs verify with serverNameToVerify")
		}
		if !tls.ServerNameToVerify.IsZero() && kind == KindREST {
			only("tlsConfig", "tlsConfig.serverNameToVerify is only read by HTTP API private integrations; remove it")
		}
		if !tls.ServerNameToVerify.IsZero() && !v.ConnectionType.Is(ConnectionVPCLink) {
			only("tlsConfig", "tlsConfig.serverNameToVerify is only read for private integrations; add connectionType: VPC_LINK or remove it")
		}
	}
	if !v.IntegrationSubtype.IsZero() {
		switch {
		case kind == KindREST:
			only("integrationSubtype", "integrationSubtype is only read by HTTP APIs; for a REST API write type: aws with an action uri")
		case typed && !v.Type.Is(TypeAWSProxy):
			only("integrationSubtype", "integrationSubtype is only read with type: aws_proxy, not %s; write type: aws_proxy", typ)
		}
		if s := v.IntegrationSubtype; s.Known() && !slices.Contains(IntegrationSubtypes, s.Value) {
			hint := ""
			if sug := Suggest(s.Value, IntegrationSubtypes); sug != "" {
				hint = " (did you mean " + sug + "?)"
			}
			d.Add(diag.IntegrationSubtype, source.Lookup(v.src, "integrationSubtype"), source.Pointer(ptr, "integrationSubtype"),
				"integrationSubtype %q is not one of %s%s", s.Value, strings.Join(IntegrationSubtypes, ", "), hint)
		}
	}
	if v.ResponseTransferMode != "" {
		if kind == KindHTTP {
			only("responseTransferMode", "responseTransferMode is only read by REST APIs; remove it")
		} else if typed && v.ResponseTransferMode.Is(TransferStream) && !v.Type.Is(TypeHTTPProxy) && !v.Type.Is(TypeAWSProxy) {
			only("responseTransferMode", "responseTransferMode STREAM needs an http_proxy or aws_proxy integration, not %s; write BUFFERED or change the type", typ)
		}
	}
	if v.Responses != nil && kind == KindHTTP {
		only("responses", "HTTP APIs do not read responses; map the backend's response with responseParameters keyed by status code")
	}
	if v.ResponseParameters != nil && kind == KindREST {
		only("responseParameters", "REST APIs do not read responseParameters on the integration; put them in responses.<pattern>.responseParameters")
	}
}

func (d *decoder) checkPayloadFormat(v *Integration, ptr string, kind APIKind, typed bool) {
	if v.PayloadFormatVersion == "" {
		return
	}
	n, p := source.Lookup(v.src, "payloadFormatVersion"), source.Pointer(ptr, "payloadFormatVersion")
	if kind == KindREST {
		d.Add(diag.FieldNotForType, n, p, "payloadFormatVersion is only read by HTTP APIs; remove it")
		return
	}
	switch v.PayloadFormatVersion {
	case "1.0":
	case "2.0":
		if typed && (!v.Type.Is(TypeAWSProxy) || !v.IntegrationSubtype.IsZero()) {
			d.Add(diag.PayloadFormatVersion, n, p, "payloadFormatVersion 2.0 is only for Lambda proxy (aws_proxy) integrations; write \"1.0\"")
		}
	default:
		d.Add(diag.PayloadFormatVersion, n, p, "payloadFormatVersion %q is not \"1.0\" or \"2.0\"", v.PayloadFormatVersion)
	}
}

func (d *decoder) checkResponses(v *Integration, ptr string) {
	src := source.Resolve(source.Lookup(v.src, "responses"))
	key := func(k string) *yaml.Node { return lookupKey(src, k) }
	var defaults []string
	seen := Map[string]{} // statusCode → first key
	for _, p := range v.Responses {
		e, ep := p.Value, source.Pointer(ptr, p.Key)
		switch {
		case IsDefaultKey(p.Key):
			defaults = append(defaults, p.Key)
		case p.Key == "-":
			d.Add(diag.DashSelectionPattern, key(p.Key), ep,
				"selection pattern \"-\" only matches the text \"-\"; to catch every other response write the key \"default\"")
		default:
			checkSelectionPattern(d, p.Key, key(p.Key), ep)
		}
		if e == nil || source.Resolve(e.src) == nil || source.Resolve(e.src).Kind != yaml.MappingNode {
			continue
		}
		sc, scp := source.Lookup(e.src, "statusCode"), source.Pointer(ep, "statusCode")
		switch {
		case sc == nil:
			d.Add(diag.MissingField, e.src, ep, "integration response %q has no statusCode; write the method response status code it maps to, e.g. statusCode: \"200\"", p.Key)
		case e.StatusCode == "" && source.IntrinsicName(source.Resolve(sc)) == "" && source.Resolve(sc).Kind == yaml.ScalarNode:
			d.Add(diag.StatusCode, sc, scp, "integration response %q has an empty statusCode; write the method response status code it maps to, e.g. statusCode: \"200\"", p.Key)
		case e.StatusCode != "" && !validStatusCode(e.StatusCode):
			d.Add(diag.StatusCode, sc, scp, "statusCode %q must be a number from 100 to 599", e.StatusCode)
		case e.StatusCode != "":
			if first, dup := seen.Get(e.StatusCode); dup {
				d.Add(diag.DuplicateStatusCode, sc, scp,
					"responses %q and %q both map to statusCode %s; API Gateway keeps one integration response per status code, so import keeps only one of them: merge them or map them to different status codes",
					first, p.Key, e.StatusCode)
			} else {
				seen.Set(e.StatusCode, p.Key)
			}
		}
		d.checkTemplateKeys(e.ResponseTemplates, source.Lookup(e.src, "responseTemplates"), source.Pointer(ep, "responseTemplates"))
		if e.ResponseParameters != nil {
			checkResponseMapping(d, e.ResponseParameters, source.Lookup(e.src, "responseParameters"), source.Pointer(ep, "responseParameters"))
		}
	}
	checkSelectionOverlaps(d, v.Responses, key, ptr)
	if len(defaults) > 1 {
		d.Add(diag.MultipleDefault, key(defaults[1]), source.Pointer(ptr, defaults[1]),
			"responses %q and %q are both the default response (no selection pattern); keep one of them", defaults[0], defaults[1])
	}
}

// validStatusCode tells whether s is a three-digit status code from 100 to 599.
func validStatusCode(s string) bool {
	i, err := strconv.Atoi(s)
	return err == nil && len(s) == 3 && i >= 100 && i <= 599
}

func (d *decoder) checkHTTPResponseParameters(v *Integration, ptr string) {
	src := source.Resolve(source.Lookup(v.src, "responseParameters"))
	for _, p := range v.ResponseParameters {
		i, err := strconv.Atoi(p.Key)
		if err != nil || len(p.Key) != 3 || i < 200 || i > 599 {
			d.Add(diag.HTTPResponseParameters, lookupKey(src, p.Key), source.Pointer(ptr, p.Key),
				"responseParameters key %q must be a status code from 200 to 599 whose responses the mappings apply to", p.Key)
			continue
		}
		checkHTTPResponseMapping(d, p.Value, source.Lookup(src, p.Key), source.Pointer(ptr, p.Key))
	}
}

// checkTemplateKeys checks that template keys are media types (type/subtype).
func (d *decoder) checkTemplateKeys(m Map[Str], n *yaml.Node, ptr string) {
	for _, p := range m {
		if hint := mediaTypeHint(p.Key); hint != "" {
			d.Add(diag.MediaType, lookupKey(n, p.Key), source.Pointer(ptr, p.Key),
				"template key %q is not a media type, which API Gateway rejects (\"Invalid content type specified: %s\"); %s", p.Key, p.Key, hint)
		}
	}
}
