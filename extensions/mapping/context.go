package mapping

import (
	"slices"
	"strings"
)

// contextVariables are the $context variables documented for REST, HTTP and
// WebSocket APIs (api-gateway-mapping-template-reference,
// api-gateway-variables-for-access-logging, http-api-logging-variables,
// websocket api mapping template reference). Sorted; one list for all API
// kinds, since an unknown name is only a warning.
var contextVariables = []string{
	"accountId",
	"apiId",
	"authenticate.error",
	"authenticate.latency",
	"authenticate.status",
	"authorize.error",
	"authorize.latency",
	"authorize.status",
	"authorizer.error",
	"authorizer.integrationLatency",
	"authorizer.integrationStatus",
	"authorizer.latency",
	"authorizer.principalId",
	"authorizer.requestId",
	"authorizer.status",
	"awsEndpointRequestId",
	"awsEndpointRequestId2",
	"connectedAt",
	"connectionId",
	"customDomain.basePathMatched",
	"dataProcessed",
	"deploymentId",
	"domainName",
	"domainPrefix",
	"endpointType",
	"error.message",
	"error.messageString",
	"error.responseType",
	"error.validationErrorString",
	"eventType",
	"extendedRequestId",
	"httpMethod",
	"identity.accountId",
	"identity.apiKey",
	"identity.apiKeyId",
	"identity.caller",
	"identity.clientCert.clientCertPem",
	"identity.clientCert.issuerDN",
	"identity.clientCert.serialNumber",
	"identity.clientCert.subjectDN",
	"identity.clientCert.validity.notAfter",
	"identity.clientCert.validity.notBefore",
	"identity.cognitoAuthenticationProvider",
	"identity.cognitoAuthenticationType",
	"identity.cognitoIdentityId",
	"identity.cognitoIdentityPoolId",
	"identity.principalOrgId",
	"identity.sourceIp",
	"identity.user",
	"identity.userAgent",
	"identity.userArn",
	"identity.vpcId",
	"identity.vpceId",
	"integration.error",
	"integration.integrationStatus",
	"integration.latency",
	"integration.requestId",
	"integration.status",
	"integrationErrorMessage",
	"integrationLatency",
	"integrationStatus",
	"isCanaryRequest",
	"messageDirection",
	"messageId",
	"path",
	"protocol",
	"requestId",
	"requestTime",
	"requestTimeEpoch",
	"resourceId",
	"resourcePath",
	"responseLatency",
	"responseLength",
	"responseOverride.status",
	"routeKey",
	"stage",
	"status",
	"waf.error",
	"waf.latency",
	"waf.status",
	"wafResponseCode",
	"webaclArn",
	"xrayTraceId",
}

// contextFamilies are documented variables with a user-chosen last part, such
// as $context.authorizer.claims.email or $context.requestOverride.header.x.
// Lambda authorizers may return any context key, so all of authorizer.* is open.
var contextFamilies = []string{
	"authorizer.",
	"requestOverride.header.",
	"requestOverride.path.",
	"requestOverride.querystring.",
	"responseOverride.header.",
}

// KnownContextVariable reports whether name (without "context." or "$context.")
// is a documented $context variable, e.g. "requestId" or "authorizer.claims.sub".
func KnownContextVariable(name string) bool {
	if _, ok := slices.BinarySearch(contextVariables, name); ok {
		return true
	}
	for _, f := range contextFamilies {
		if strings.HasPrefix(name, f) && len(name) > len(f) {
			return true
		}
	}
	return false
}

// nearestContextVariable returns the documented variable closest to name, or "".
func nearestContextVariable(name string) string {
	best, bestDist := "", max(2, len(name)/4)+1
	for _, v := range contextVariables {
		if d := distance(strings.ToLower(name), strings.ToLower(v)); d < bestDist {
			best, bestDist = v, d
		}
	}
	return best
}
