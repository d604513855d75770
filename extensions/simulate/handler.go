package simulate

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/apigw/apigw/extensions/apimodel"
)

// HandlerOptions configure Handler.
type HandlerOptions struct {
	// Stage is the stage name ($context.stage); "serve" when empty.
	Stage string
	// StageVariables are the stage's variables.
	StageVariables map[string]string
}

// Handler serves an API offline: every MOCK integration of a REST API
// answers as API Gateway would, and every other operation answers 501 with
// a JSON body naming it. Requests are routed by method and path template
// ({id} matches one segment, {proxy+} the rest; a literal segment beats a
// parameter, an exact method beats ANY; methods are case-sensitive, so
// "get" is not GET); a request that fits no route gets API Gateway's 403
// {"message":"Missing Authentication Token"}.
//
// A MOCK integration's status comes from its request template (the one for
// the request's Content-Type, application/json when absent): the
// "statusCode" number it writes, as in {"statusCode": 200}; 200 when it
// gives none. Then the integration response step of REST runs on that
// status: the selected response's status, its mapped headers (static
// values, $context and stage variables) and its response template, which is
// returned as written (VTL is not rendered), with that template's media
// type as Content-Type. HTTP and WebSocket APIs have no MOCK integrations:
// each of their routes answers 501.
func Handler(d *apimodel.Dump, opts HandlerOptions) http.Handler {
	if opts.Stage == "" {
		opts.Stage = "serve"
	}
	h := &handler{opts: opts}
	if d != nil && d.REST != nil {
		if d.REST.RestAPI != nil {
			h.binary = d.REST.RestAPI.BinaryMediaTypes
		}
		for _, r := range d.REST.Resources {
			for _, m := range apimodel.SortedMethods(r) {
				h.routes = append(h.routes, newRoute(m, r.Path, r.ResourceMethods[m]))
			}
		}
	}
	if d != nil && d.V2 != nil {
		for _, r := range d.V2.Routes {
			method, path, ok := strings.Cut(r.RouteKey, " ")
			if !ok {
				method, path = "ANY", "/"+r.RouteKey
			}
			h.routes = append(h.routes, newRoute(method, path, r))
		}
	}
	return h
}

type handler struct {
	opts   HandlerOptions
	routes []*route
	binary []string
	n      atomic.Int64
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	b, _ := json.Marshal(v)
	w.Write(append(b, '\n'))
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var rt *route
	var params map[string]string
	// Methods are case-sensitive (RFC 9110, section 9.1) and API Gateway's
	// are written in capitals, so "get" is no method of the API, not GET.
	if r.Method == strings.ToUpper(r.Method) {
		rt, params = find(h.routes, r.Method, r.URL.Path)
	}
	if rt == nil {
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Missing Authentication Token"})
		return
	}
	m, ok := rt.op.(*apimodel.Method)
	if !ok || m == nil || m.MethodIntegration == nil || !strings.EqualFold(m.MethodIntegration.Type, "MOCK") {
		typ := "none"
		if ok && m != nil && m.MethodIntegration != nil {
			typ = strings.ToUpper(m.MethodIntegration.Type)
		} else if v2, isV2 := rt.op.(*apimodel.Route); isV2 && v2 != nil {
			typ = "HTTP or WebSocket API route"
		}
		writeJSON(w, http.StatusNotImplemented, map[string]string{
			"message":         "apigw serve answers MOCK integrations only",
			"operation":       rt.name,
			"integrationType": typ,
		})
		return
	}
	req := Request{Accept: r.Header.Get("Accept"), StageVariables: h.opts.StageVariables, Context: h.context(r, rt, params)}
	status, _ := MockStatus(m.MethodIntegration, r.Header.Get("Content-Type"))
	if status == 0 {
		writeJSON(w, http.StatusUnsupportedMediaType, map[string]string{"message": "Unsupported Media Type"})
		return
	}
	o, err := REST(m, h.binary, Result{StatusCode: status}, req)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Internal server error", "error": err.Error()})
		return
	}
	for _, mh := range o.Headers {
		if mh.Set {
			w.Header().Add(mh.Name, mh.Value)
		}
	}
	code, _ := strconv.Atoi(o.StatusCode)
	if code < 100 || code > 599 {
		code = http.StatusInternalServerError
	}
	body := o.Body
	switch {
	case o.Failed:
		w.Header().Set("Content-Type", "application/json")
	case o.Template != nil:
		body = []byte(o.Template.Text)
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", o.Template.MediaType)
		}
	case w.Header().Get("Content-Type") == "":
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(code)
	w.Write(body)
}

// context gives the $context variables a mapping may read while serving.
func (h *handler) context(r *http.Request, rt *route, params map[string]string) map[string]string {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		ip = r.RemoteAddr
	}
	return map[string]string{
		"requestId":         fmt.Sprintf("serve-%d", h.n.Add(1)),
		"httpMethod":        r.Method,
		"resourcePath":      rt.path,
		"path":              r.URL.Path,
		"stage":             h.opts.Stage,
		"identity.sourceIp": ip,
		"protocol":          r.Proto,
	}
}

var statusInTemplate = regexp.MustCompile(`"statusCode"\s*:\s*"?(\d{3})\b`)

// MockStatus returns the status code a MOCK integration's request template
// selects for a request with the given Content-Type, and which template
// said so. The template for the Content-Type's media type applies
// (application/json when absent); its "statusCode" member, written as a
// number as in {"statusCode": 200}, is the status. Without a template, or
// without a statusCode in it, the status is 200. It returns 0 when no
// template fits and passthroughBehavior is NEVER (API Gateway answers 415).
func MockStatus(integ *apimodel.Integration, contentType string) (int, string) {
	mt := firstMediaType(contentType)
	if mt == "" {
		mt = "application/json"
	}
	var text string
	found := false
	for _, k := range sortedStrings(integ.RequestTemplates) {
		if strings.EqualFold(k, mt) {
			text, found = integ.RequestTemplates[k], true
			break
		}
	}
	if !found {
		if len(integ.RequestTemplates) > 0 && strings.EqualFold(integ.PassthroughBehavior, "NEVER") {
			return 0, "no request template for " + mt + " and passthroughBehavior NEVER"
		}
		return 200, "no request template for " + mt + ": 200"
	}
	if m := statusInTemplate.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, "request template " + mt + " writes statusCode " + m[1]
	}
	return 200, "request template " + mt + " gives no statusCode: 200"
}
