package mapping

import "strings"

// Headers that HTTP API parameter mappings cannot set, as listed under
// "Reserved headers" in the API Gateway developer guide page
// http-api-parameter-mapping. Compared case-insensitively.
var reservedHeaders = []string{
	"authorization", "connection", "content-encoding", "content-length", "content-location",
	"forwarded", "keep-alive", "origin", "proxy-authenticate", "proxy-authorization", "te",
	"trailers", "transfer-encoding", "upgrade", "x-forwarded-for", "x-forwarded-host",
	"x-forwarded-proto", "via",
}

// reservedHeaderPrefixes are the wildcard entries of the same list.
var reservedHeaderPrefixes = []string{"access-control-", "apigw-", "x-amz-", "x-amzn-"}

// ReservedHeader reports whether an HTTP API mapping may not target the
// header name (case-insensitive), e.g. Connection, X-Amz-Date or Access-Control-Allow-Origin.
func ReservedHeader(name string) bool {
	n := strings.ToLower(name)
	for _, h := range reservedHeaders {
		if n == h {
			return true
		}
	}
	for _, p := range reservedHeaderPrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}
