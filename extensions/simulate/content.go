package simulate

import (
	"encoding/base64"
	"strings"
)

// Conversions of the response payload.
const (
	ConvertNone   = "none"
	ConvertEncode = "base64-encode"
	ConvertDecode = "base64-decode"
)

// MatchesMediaType tells whether a media type is in a binaryMediaTypes list,
// whose entries may use wildcards (image/*, */*).
func MatchesMediaType(list []string, mediaType string) bool {
	if mediaType == "" {
		return false
	}
	typ, sub, _ := strings.Cut(strings.ToLower(mediaType), "/")
	for _, e := range list {
		et, es, _ := strings.Cut(strings.ToLower(strings.TrimSpace(e)), "/")
		if (et == "*" || et == typ) && (es == "*" || es == sub) {
			return true
		}
	}
	return false
}

// ResponseConversion returns what API Gateway does to an integration
// response payload before it reaches the client, following the table
// "API Gateway response content type conversions" of the developer guide:
//
//   - binaryMediaTypes empty: CONVERT_TO_BINARY decodes base64, anything
//     else passes the payload as text;
//   - otherwise the payload is binary when the backend's Content-Type is in
//     binaryMediaTypes, and the client wants binary when the first media
//     type of Accept is. Text to a binary Accept is decoded, binary to a
//     text Accept is encoded, unless contentHandling says otherwise:
//     CONVERT_TO_TEXT always yields text (encoding binary), CONVERT_TO_BINARY
//     always yields binary (decoding text).
func ResponseConversion(binaryMediaTypes []string, contentType, accept, contentHandling string) string {
	ch := strings.ToUpper(contentHandling)
	if len(binaryMediaTypes) == 0 {
		if ch == "CONVERT_TO_BINARY" {
			return ConvertDecode
		}
		return ConvertNone
	}
	binPayload := MatchesMediaType(binaryMediaTypes, firstMediaType(contentType))
	binAccept := MatchesMediaType(binaryMediaTypes, firstMediaType(accept))
	switch {
	case ch == "CONVERT_TO_TEXT":
		if binPayload {
			return ConvertEncode
		}
		return ConvertNone
	case ch == "CONVERT_TO_BINARY":
		if binPayload {
			return ConvertNone
		}
		return ConvertDecode
	case binPayload && !binAccept:
		return ConvertEncode
	case !binPayload && binAccept:
		return ConvertDecode
	}
	return ConvertNone
}

// convert applies a conversion; ok is false when base64 decoding fails.
func convert(body []byte, how string) ([]byte, bool) {
	switch how {
	case ConvertEncode:
		return []byte(base64.StdEncoding.EncodeToString(body)), true
	case ConvertDecode:
		out, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(body)))
		return out, err == nil
	}
	return body, true
}
