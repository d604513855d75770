package schema

import (
	"regexp"
	"strings"
)

// Patterns are written in the common subset of ECMA-262 (what editors run)
// and RE2 (what Go validators run): no lookaround, no inline flags, no
// possessive quantifiers. Case-insensitive values are spelled out with
// character classes, so "aws_proxy" becomes [Aa][Ww][Ss]_[Pp][Rr][Oo][Xx][Yy].

// variables matches a string holding a ${…} reference (a stage variable or a
// CloudFormation substitution), which the typed checks leave unchecked.
const variables = `\$\{[\s\S]*\}`

// headerName is an RFC 9110 token, the characters a header name may use.
const headerName = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"

// statusCodePattern is a three-digit status code from 100 to 599.
const statusCodePattern = `^[1-5][0-9][0-9]$`

// mediaTypePattern is type/subtype with optional ;parameters; */* and
// type/* are allowed, */subtype is not (extensions.ValidMediaType).
const mediaTypePattern = `^(?:\*/\*|` + headerName + `/` + headerName + `)\s*(?:;[\s\S]*)?$`

// foldPattern returns an anchored pattern matching any of values in any case.
func foldPattern(values ...string) string {
	alts := make([]string, len(values))
	for i, v := range values {
		var b strings.Builder
		for _, c := range v {
			lo, up := strings.ToLower(string(c)), strings.ToUpper(string(c))
			if lo != up {
				b.WriteString("[" + up + lo + "]")
			} else {
				b.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		alts[i] = b.String()
	}
	return "^(?:" + strings.Join(alts, "|") + ")$"
}

// exactPattern returns an anchored pattern matching one of values exactly.
func exactPattern(values ...string) string {
	alts := make([]string, len(values))
	for i, v := range values {
		alts[i] = regexp.QuoteMeta(v)
	}
	return "^(?:" + strings.Join(alts, "|") + ")$"
}

// Parameter-mapping expressions (the API Gateway developer guide's tables
// of mapping sources and targets). Values with ${…} are left to the typed
// checks, as for every other string.
const (
	// restRequestKey: integration.request.{path|querystring|header}.NAME.
	restRequestKey = `^integration\.request\.(?:path|querystring|header)\.[^\s]+$`
	// httpRequestKey: HTTP API actions, {append|overwrite|remove}:{header|querystring|path}.NAME or overwrite:path.
	httpRequestKey = `^(?:(?:append|overwrite|remove):(?:header|querystring)\.[^\s]+|overwrite:path)$`
	// subtypeParameter: a parameter of an HTTP API AWS service integration (QueueUrl, MessageBody, …).
	subtypeParameter = `^[A-Za-z][A-Za-z0-9]*$`
	// restResponseKey: method.response.header.NAME.
	restResponseKey = `^method\.response\.header\.` + headerName + `$`
	// gatewayResponseKey: gatewayresponse.{header|querystring|path}.NAME.
	gatewayResponseKey = `^gatewayresponse\.(?:header|querystring|path)\.[^\s]+$`
	// httpResponseKey: {append|overwrite|remove}:header.NAME or overwrite:statuscode.
	httpResponseKey = `^(?:(?:append|overwrite|remove):header\.[^\s]+|overwrite:statuscode)$`
	// httpStatusKey: the status codes HTTP API response mappings apply to.
	httpStatusKey = `^[2-5][0-9][0-9]$`
)

// Sources of REST mapping values, by where they are used.
const (
	staticValue   = `'[\s\S]*'`
	contextSource = `context\.[A-Za-z0-9_.$-]+`
	stageSource   = `stageVariables\.[A-Za-z0-9_.-]+`
	// restRequestValue: method request parameters and body, context, stage variables, static values.
	restRequestValue = `^(?:method\.request\.(?:path|querystring|multivaluequerystring|header|multivalueheader)\.[^\s]+|method\.request\.body(?:\.[^\s]+|\$[^\s]*)?|` +
		contextSource + `|` + stageSource + `|` + staticValue + `)$`
	// restResponseValue: integration response headers and body, context, stage variables, static values.
	restResponseValue = `^(?:integration\.response\.(?:header|multivalueheader)\.[^\s]+|integration\.response\.body(?:\.[^\s]+|\$[^\s]*)?|` +
		contextSource + `|` + stageSource + `|` + staticValue + `)$`
	// gatewayResponseValue: method request parameters, context, stage variables, static values.
	gatewayResponseValue = `^(?:method\.request\.(?:path|querystring|multivaluequerystring|header|multivalueheader)\.[^\s]+|` +
		contextSource + `|` + stageSource + `|` + staticValue + `)$`
)
