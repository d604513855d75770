package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/mapping"
)

// HandlerOptions configure Handler.
type HandlerOptions struct {
	// Stage is the stage name ($context.stage); "serve" when empty.
	Stage string
	// StageVariables are the stage's variables.
	StageVariables map[string]string
	// LeftOut names operations left out, "GET /pets/{id}" (method and
	// resource path): each answers 501 with a JSON body saying that it was
	// left out because the document has errors in it.
	LeftOut []string
}

// Handler serves an API offline: every MOCK integration of a REST API
// answers as API Gateway would, and every other operation answers 501 with
// a JSON body naming it. Requests are routed by method and path template
// ({id} matches one segment, {proxy+} the rest; a literal segment beats a
// parameter, an exact method beats ANY; methods are case-sensitive, so
// "get" is not GET); a request that fits no route gets API Gateway's 403
// {"message":"Missing Authentication Token"}.
//
// A MOCK integration runs as REST describes it, over the client request:
// the request template for the request's Content-Type (application/json
// when absent) is rendered, and the statusCode it outputs (see
// MockStatusCode) selects the integration response; its mapped headers are
// set and its response template, rendered with the same $context, is the
// body, with that template's media type as Content-Type; status and
// headers set through $context.responseOverride are applied last. $context
// has API Gateway's variables for the request (requestId, stage,
// httpMethod, resourcePath, path, requestTime, identity.sourceIp from the
// connection and identity.userAgent from the User-Agent header, the other
// identity keys null). As in API Gateway, a template that fails, or a
// statusCode that cannot be read, answers 500 {"message": "Internal server
// error"}, and a Content-Type that no request template accepts under
// passthroughBehavior NEVER or WHEN_NO_TEMPLATES answers 415. HTTP and
// WebSocket APIs have no MOCK integrations: each of their routes answers
// 501.
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
				rt := newRoute(m, r.Path, r.ResourceMethods[m])
				if mm := r.ResourceMethods[m]; mm != nil && mm.MethodIntegration != nil && strings.EqualFold(mm.MethodIntegration.Type, "MOCK") {
					rt.static = staticMock(mm)
				}
				h.routes = append(h.routes, rt)
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
	h.router = newRouter(h.routes)
	return h
}

type handler struct {
	opts   HandlerOptions
	routes []*route
	router *router
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
	var segs []string
	// Methods are case-sensitive (RFC 9110, section 9.1) and API Gateway's
	// are written in capitals, so "get" is no method of the API, not GET.
	if r.Method == strings.ToUpper(r.Method) {
		rt, segs = h.router.find(r.Method, r.URL.Path)
	}
	if rt == nil {
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Missing Authentication Token"})
		return
	}
	if slices.Contains(h.opts.LeftOut, rt.name) {
		writeJSON(w, http.StatusNotImplemented, map[string]string{
			"message":   "apigw serve left this operation out: the document has errors in it (serve printed them as warnings when it started)",
			"operation": rt.name,
		})
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
	// A static MOCK answers what it answered before for the same
	// Content-Type and Accept (see staticMock); a body of unknown length is
	// read, to refuse one that is too long.
	cached := rt.static && r.ContentLength >= 0 && r.ContentLength <= maxServeBody
	var key answerKey
	if cached {
		key.accept = r.Header.Get("Accept")
		if ct := r.Header.Values("Content-Type"); len(ct) > 0 {
			key.contentType = ct[len(ct)-1]
		}
		if a := rt.answers.get(key); a != nil {
			a.write(w)
			return
		}
	}
	req, err := h.request(r, rt, rt.params(segs))
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"message": "Request Too Long"})
		return
	}
	o, err := REST(m, h.binary, Result{}, req)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Internal server error", "error": err.Error()})
		return
	}
	a := answerOf(o)
	if cached && o.Request != nil && o.Request.Template != nil {
		rt.answers.put(key, a)
	}
	a.write(w)
}

// answer is the HTTP response for an outcome.
type answer struct {
	status  int
	headers []Header // mapped headers, Content-Type included when mapped
	body    []byte
}

func answerOf(o *Outcome) *answer {
	a := &answer{body: o.Body}
	h := http.Header{}
	for _, mh := range o.Headers {
		if mh.Set {
			h.Add(mh.Name, mh.Value)
			a.headers = append(a.headers, Header{mh.Name, mh.Value})
		}
	}
	a.status, _ = strconv.Atoi(o.StatusCode)
	if a.status < 100 || a.status > 599 {
		a.status = http.StatusInternalServerError
	}
	switch {
	case o.Failed:
		h.Del("Content-Type")
		a.headers = slices.DeleteFunc(a.headers, func(x Header) bool { return http.CanonicalHeaderKey(x.Name) == "Content-Type" })
		a.headers = append(a.headers, Header{"Content-Type", "application/json"})
	case o.Template != nil:
		if h.Get("Content-Type") == "" {
			a.headers = append(a.headers, Header{"Content-Type", o.Template.MediaType})
		}
	case h.Get("Content-Type") == "":
		a.headers = append(a.headers, Header{"Content-Type", "application/json"})
	}
	return a
}

func (a *answer) write(w http.ResponseWriter) {
	for _, x := range a.headers {
		w.Header().Add(x.Name, x.Value)
	}
	w.WriteHeader(a.status)
	w.Write(a.body)
}

// answers keeps a static route's answers by Accept and Content-Type, a
// few of them.
type answers struct {
	mu sync.Mutex
	m  map[answerKey]*answer
}

// answerKey is what a static route's answer depends on: the Accept header
// and the last Content-Type header.
type answerKey struct{ accept, contentType string }

const maxAnswers = 16

func (c *answers) get(key answerKey) *answer {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

func (c *answers) put(key answerKey, a *answer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[answerKey]*answer{}
	}
	if len(c.m) < maxAnswers {
		c.m[key] = a
	}
}

// staticMock tells whether every answer of a MOCK method depends on the
// request's Content-Type and Accept alone: its templates read none of
// API Gateway's variables ($input, $context, $stageVariables, $util) and
// its mapped headers are literals. The request template then ignores the
// body whenever one applies.
func staticMock(m *apimodel.Method) bool {
	integ := m.MethodIntegration
	readsNothing := func(templates map[string]string) bool {
		for k, text := range templates {
			t, err := parsed.parse(k, text)
			if err != nil || len(t.Reads()) > 0 {
				return false
			}
		}
		return true
	}
	if !readsNothing(integ.RequestTemplates) {
		return false
	}
	for _, r := range integ.IntegrationResponses {
		if r == nil {
			continue
		}
		if !readsNothing(r.ResponseTemplates) {
			return false
		}
		for k, v := range r.ResponseParameters {
			if p, problems := mapping.ParseResponse(k, v); !mapping.HasError(problems) && p.Source.Kind != mapping.Static {
				return false
			}
		}
	}
	return true
}

// maxServeBody bounds a request body, as API Gateway's 10 MB payload quota does.
const maxServeBody = 10 << 20

// request describes an HTTP request as the templates see it.
func (h *handler) request(r *http.Request, rt *route, params map[string]string) (Request, error) {
	vars, varying := h.context(r, rt)
	req := Request{Accept: r.Header.Get("Accept"), StageVariables: h.opts.StageVariables, Context: vars, vars: rt.templateContext(vars, varying)}
	for _, k := range sortedStrings(params) {
		req.Path = append(req.Path, Param{Name: k, Value: params[k]})
	}
	q := r.URL.Query()
	for _, k := range sortedStrings(q) {
		for _, v := range q[k] {
			req.Query = append(req.Query, Param{Name: k, Value: v})
		}
	}
	for _, k := range sortedStrings(r.Header) {
		for _, v := range r.Header[k] {
			req.Header.Add(k, v)
		}
	}
	if r.Body != nil {
		body, err := io.ReadAll(io.LimitReader(r.Body, maxServeBody+1))
		if err != nil || len(body) > maxServeBody {
			return req, errors.New("request body too large")
		}
		req.Body = body
	}
	return req, nil
}

// context gives $context for a request: DefaultContext's variables with
// this request's values, and the variables among them that differ between
// requests of one route (the others are the route's and the handler's).
func (h *handler) context(r *http.Request, rt *route) (all, varying map[string]string) {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		ip = r.RemoteAddr
	}
	now := time.Now().UTC()
	id := requestID(now, h.n.Add(1))
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	prefix, _, _ := strings.Cut(host, ".")
	varying = map[string]string{
		"httpMethod":         strings.ToUpper(r.Method),
		"requestId":          id,
		"extendedRequestId":  id,
		"path":               "/" + h.opts.Stage + r.URL.Path,
		"protocol":           r.Proto,
		"requestTime":        now.Format("02/Jan/2006:15:04:05 -0700"),
		"requestTimeEpoch":   strconv.FormatInt(now.UnixMilli(), 10),
		"identity.sourceIp":  ip,
		"identity.userAgent": r.UserAgent(),
		"domainName":         host,
		"domainPrefix":       prefix,
	}
	all = DefaultContext(r.Method, rt.path)
	all["stage"] = h.opts.Stage
	for _, k := range []string{"apiId", "deploymentId", "resourceId"} {
		all[k] = "local"
	}
	maps.Copy(all, varying)
	return all, varying
}

// requestID makes a request id in a UUID's shape from the time and a counter.
func requestID(t time.Time, n int64) string {
	x := fmt.Sprintf("%016x%016x", t.UnixNano(), n)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}
