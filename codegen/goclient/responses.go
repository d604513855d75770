package goclient

import (
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// isJSON reports whether a media type carries JSON.
func isJSON(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(ct))
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || mt == "*/*" || mt == "application/*"
}

// statusWord names a status for identifiers: NotFound, OK, Status299.
func statusWord(code int) string {
	if t := http.StatusText(code); t != "" {
		return goName(t)
	}
	return "Status" + strconv.Itoa(code)
}
