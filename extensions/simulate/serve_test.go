package simulate

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

func mockAPI() *apimodel.Dump {
	mock := func(tpl string, resps map[string]*apimodel.IntegrationResponse) *apimodel.Method {
		return &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "MOCK",
			RequestTemplates: map[string]string{"application/json": tpl}, IntegrationResponses: resps}}
	}
	return &apimodel.Dump{REST: &apimodel.RestDump{Resources: []*apimodel.Resource{
		{Path: "/pets/{id}", ResourceMethods: map[string]*apimodel.Method{
			"GET": mock(`{"statusCode": 200}`, map[string]*apimodel.IntegrationResponse{
				"200": {StatusCode: "200", ResponseParameters: map[string]string{
					"method.response.header.X-Path": "context.resourcePath", "method.response.header.X-Env": "stageVariables.env"},
					ResponseTemplates: map[string]string{"application/json": `{"id": "$input.params('id')"}`}},
			}),
			"DELETE": {MethodIntegration: &apimodel.Integration{Type: "AWS_PROXY", URI: "arn:aws:apigateway:us-east-1:lambda:path/x"}},
		}},
		{Path: "/pets/special", ResourceMethods: map[string]*apimodel.Method{
			"GET": mock(`{"statusCode": 404}`, map[string]*apimodel.IntegrationResponse{
				"200": {StatusCode: "200"},
				"404": {StatusCode: "404", SelectionPattern: "404", ResponseTemplates: map[string]string{"application/json": `{"message": "no"}`}},
			}),
		}},
		{Path: "/files/{proxy+}", ResourceMethods: map[string]*apimodel.Method{
			"ANY": mock(`{"statusCode": 503}`, map[string]*apimodel.IntegrationResponse{"200": {StatusCode: "200", SelectionPattern: "2\\d\\d"}}),
		}},
	}}}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler(mockAPI(), HandlerOptions{StageVariables: map[string]string{"env": "test"}}))
	defer srv.Close()
	tests := []struct {
		method, path string
		status       int
		body         string
		headers      map[string]string
	}{
		{"GET", "/pets/7", 200, `{"id": "7"}`, map[string]string{"X-Path": "/pets/{id}", "X-Env": "test", "Content-Type": "application/json"}},
		// A literal segment beats {id}.
		{"GET", "/pets/special", 404, `{"message": "no"}`, nil},
		{"DELETE", "/pets/7", 501, `"operation":"DELETE /pets/{id}"`, nil},
		// No pattern matches 503 and there is no default: 500.
		{"PUT", "/files/a/b/c", 500, `Internal server error`, nil},
		{"GET", "/files", 403, `Missing Authentication Token`, nil},
		{"POST", "/pets/7", 403, `Missing Authentication Token`, nil},
		{"GET", "/nowhere", 403, `Missing Authentication Token`, nil},
		// Methods are case-sensitive: "get" is not GET, even for ANY.
		{"get", "/pets/7", 403, `Missing Authentication Token`, nil},
		{"put", "/files/a", 403, `Missing Authentication Token`, nil},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.body) {
			t.Errorf("%s %s: %d %s; want %d containing %s", tt.method, tt.path, resp.StatusCode, b, tt.status, tt.body)
		}
		for k, v := range tt.headers {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s %s: header %s = %q, want %q", tt.method, tt.path, k, got, v)
			}
		}
	}
}

func TestHandlerNotImplementedBody(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(mockAPI(), HandlerOptions{}).ServeHTTP(rec, httptest.NewRequest("DELETE", "/pets/1", nil))
	var body map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body["integrationType"] != "AWS_PROXY" || body["operation"] != "DELETE /pets/{id}" {
		t.Errorf("501 body %s (%v)", rec.Body, err)
	}
}

func TestRouteMatch(t *testing.T) {
	routes := newRouter([]*route{newRoute("GET", "/a/{x}", 1), newRoute("ANY", "/a/b", 2), newRoute("GET", "/a/b", 3), newRoute("ANY", "/p/{rest+}", 4), newRoute("GET", "/", 5),
		newRoute("GET", "/{x}/y", 6), newRoute("GET", "/q/{x}", 7), newRoute("GET", "/g/{a+}/z", 8)})
	tests := []struct {
		method, path string
		want         int
		params       string
	}{
		{"GET", "/a/b", 3, ""},
		{"POST", "/a/b", 2, ""},
		{"GET", "/a/c", 1, "x=c"},
		{"DELETE", "/p/1/2", 4, "rest=1/2"},
		{"GET", "/p", 0, ""},
		{"GET", "/", 5, ""},
		{"GET", "/a/b/c", 0, ""},
		{"GET", "/q/y", 6, "x=q"}, // equally specific: the route that comes first
		{"GET", "/g/1/z", 0, ""},  // {a+} before the last segment matches nothing
	}
	for _, tt := range tests {
		r, segs := routes.find(tt.method, tt.path)
		got := 0
		var params map[string]string
		if r != nil {
			got, params = r.op.(int), r.params(segs)
		}
		p := ""
		for k, v := range params {
			p = k + "=" + v
		}
		if got != tt.want || p != tt.params {
			t.Errorf("%s %s: route %d %q, want %d %q", tt.method, tt.path, got, p, tt.want, tt.params)
		}
	}
}

func TestMockStatusCode(t *testing.T) {
	for body, want := range map[string]int{
		`{"statusCode": 201}`: 201, `{statusCode: 200}`: 200, "{\n  statusCode: 404\n}": 404, `{'statusCode': 503, "x": 1}`: 503,
		`{"statusCode": 0}`: 0, `{"statusCode": -1000}`: -1000, `{"a": {"b": 1}, "statusCode": 204}`: 204,
	} {
		if got, err := MockStatusCode(body); err != nil || got != want {
			t.Errorf("%s: %d %v, want %d", body, got, err, want)
		}
	}
	for _, body := range []string{``, `{"statusCode": "200"}`, `{"status": 200}`, `statusCode: 200`, `{"statusCode": 200`, `{statusCode: "200"}`, `[{"statusCode": 200}]`} {
		if got, err := MockStatusCode(body); err == nil {
			t.Errorf("%s: %d, want an error", body, got)
		}
	}
}

// TestMockRequestTemplate: the rendered request template decides the
// status, and so which integration response applies; the request
// template's passthrough rules refuse a media type it has no template for.
func TestMockRequestTemplate(t *testing.T) {
	integ := &apimodel.Integration{Type: "MOCK", PassthroughBehavior: "WHEN_NO_TEMPLATES",
		RequestTemplates: map[string]string{"application/json": `#if($input.params('fail') == 'yes'){"statusCode": 500}#else{"statusCode": 200}#end`},
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{
			"200": {StatusCode: "200", ResponseTemplates: map[string]string{"application/json": `{"ok": true, "id": "$input.params('id')"}`}},
			"500": {StatusCode: "500", SelectionPattern: "5\\d{2}", ResponseTemplates: map[string]string{"application/json": `{"ok": false}`}},
		}}
	m := &apimodel.Method{MethodIntegration: integ}
	for _, tt := range []struct {
		req          Request
		status, body string
		code         diag.Code
	}{
		{Request{Query: []Param{{Name: "fail", Value: "no"}}, Path: []Param{{Name: "id", Value: "7"}}}, "200", `{"ok": true, "id": "7"}`, ""},
		{Request{Query: []Param{{Name: "fail", Value: "yes"}}}, "500", `{"ok": false}`, ""},
		{Request{Header: Headers{{"fail", "yes"}}}, "500", `{"ok": false}`, ""},
		{Request{Header: Headers{{"Content-Type", "text/plain"}}}, "415", `{"message": "Unsupported Media Type"}`, diag.SimUnsupportedMediaType},
	} {
		o, err := REST(m, nil, Result{}, tt.req)
		if err != nil {
			t.Fatal(err)
		}
		if o.StatusCode != tt.status || string(o.Body) != tt.body || tt.code != "" && !hasNote(o.Notes, tt.code) {
			t.Errorf("%+v: %s %s %v, want %s %s", tt.req, o.StatusCode, o.Body, o.Notes, tt.status, tt.body)
		}
	}
	integ.RequestTemplates["application/json"] = `{"statusCode": "$input.params('code')"}`
	o, _ := REST(m, nil, Result{}, Request{Query: []Param{{Name: "code", Value: "200"}}})
	if !o.Failed || o.StatusCode != "500" || !hasNote(o.Notes, diag.SimMockStatus) {
		t.Errorf("statusCode written as a string: %+v", o)
	}
	integ.RequestTemplates["application/json"] = `#set($x = "abc".substring(5)){"statusCode": 200}`
	if o, _ = REST(m, nil, Result{}, Request{}); !o.Failed || !hasNote(o.Notes, diag.SimTemplate) || o.Request.Template.Error == "" {
		t.Errorf("request template that fails: %+v", o)
	}
}
func TestWebSocket(t *testing.T) {
	httpInteg := &apimodel.V2Integration{IntegrationType: "HTTP"}
	rs := []*apimodel.V2IntegrationResponse{
		{IntegrationResponseKey: "/4\\d\\d/", ResponseTemplates: map[string]string{"$default": "bad"}},
		{IntegrationResponseKey: "/2\\d\\d/", TemplateSelectionExpression: "${integration.response.statuscode}", ResponseTemplates: map[string]string{"201": "created", "$default": "ok"}},
		{IntegrationResponseKey: "$default"},
	}
	tests := []struct {
		status           int
		selected, tplKey string
	}{
		{201, "/2\\d\\d/", "201"},
		{200, "/2\\d\\d/", "$default"},
		{404, "/4\\d\\d/", "$default"},
		{500, "$default", ""},
	}
	for _, tt := range tests {
		o, err := WebSocket(httpInteg, rs, Result{StatusCode: tt.status}, Request{})
		if err != nil {
			t.Fatal(err)
		}
		key := ""
		if o.Template != nil {
			key = o.Template.MediaType
		}
		if o.Selected != tt.selected || key != tt.tplKey {
			t.Errorf("status %d: selected %q template %q, want %q %q", tt.status, o.Selected, key, tt.selected, tt.tplKey)
		}
	}
	lambda := &apimodel.V2Integration{IntegrationType: "AWS", IntegrationURI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"}
	lrs := []*apimodel.V2IntegrationResponse{{IntegrationResponseKey: "/.*Throttled.*/"}}
	o, _ := WebSocket(lambda, lrs, Result{ErrorMessage: ptr("Request Throttled")}, Request{})
	if o.Selected != "/.*Throttled.*/" || o.MatchedAgainst != "errorMessage" {
		t.Errorf("Lambda error: %+v", o)
	}
	o, _ = WebSocket(lambda, lrs, Result{}, Request{})
	if !o.Failed || !hasNote(o.Notes, diag.SimNoMatch) {
		t.Errorf("Lambda success without $default: %+v", o)
	}
	if _, err := WebSocket(lambda, []*apimodel.V2IntegrationResponse{{IntegrationResponseKey: "/(/"}}, Result{}, Request{}); err == nil {
		t.Error("invalid /regex/ key accepted")
	}
}

// TestWebSocketRendersTemplate: the selected response template is rendered
// over the payload with the WebSocket $context; one that fails fails the
// simulation.
func TestWebSocketRendersTemplate(t *testing.T) {
	integ := &apimodel.V2Integration{IntegrationType: "HTTP"}
	rs := []*apimodel.V2IntegrationResponse{{IntegrationResponseKey: "$default", ResponseTemplates: map[string]string{
		"$default": `{"route": "$context.routeKey", "event": "$context.eventType", "id": $input.json('$.id')}`}}}
	req := Request{Context: DefaultWebSocketContext("sendMessage")}
	o, err := WebSocket(integ, rs, Result{StatusCode: 200, Body: []byte(`{"id": 7}`)}, req)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"route": "sendMessage", "event": "MESSAGE", "id": 7}`; string(o.Body) != want || o.Failed {
		t.Errorf("body %s, want %s (%+v)", o.Body, want, o.Notes)
	}
	rs[0].ResponseTemplates["$default"] = "#foreach($x in"
	o, _ = WebSocket(integ, rs, Result{StatusCode: 200}, req)
	if !o.Failed || !hasNote(o.Notes, diag.SimTemplate) {
		t.Errorf("a template that does not parse: %+v", o)
	}
}

// TestHandlerStatusFromRequestTemplate: the statusCode the rendered
// request template outputs selects the integration response, as API
// Gateway does, and the selected response template is rendered over the
// request; a template that fails answers API Gateway's 500.
func TestHandlerStatusFromRequestTemplate(t *testing.T) {
	api := &apimodel.Dump{REST: &apimodel.RestDump{Resources: []*apimodel.Resource{
		{Path: "/things/{id}", ResourceMethods: map[string]*apimodel.Method{"GET": {MethodIntegration: &apimodel.Integration{Type: "MOCK",
			RequestTemplates: map[string]string{"application/json": `#if($input.params('fail') == 'yes'){"statusCode": 500}#else{"statusCode": 200}#end`},
			IntegrationResponses: map[string]*apimodel.IntegrationResponse{
				"200": {StatusCode: "200", ResponseTemplates: map[string]string{"application/json": `{"id": "$input.params('id')", "method": "$context.httpMethod", "ip": "$context.identity.sourceIp", "user": "$context.identity.user"}`}},
				"500": {StatusCode: "500", SelectionPattern: `5\d{2}`, ResponseTemplates: map[string]string{"application/json": `{"failed": true, "stage": "$context.stage"}`}},
			}}}}},
		{Path: "/broken", ResourceMethods: map[string]*apimodel.Method{"GET": {MethodIntegration: &apimodel.Integration{Type: "MOCK",
			RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`},
			IntegrationResponses: map[string]*apimodel.IntegrationResponse{
				"200": {StatusCode: "200", ResponseTemplates: map[string]string{"application/json": `#if($x`}}}}}}},
		{Path: "/nostatus", ResourceMethods: map[string]*apimodel.Method{"GET": {MethodIntegration: &apimodel.Integration{Type: "MOCK",
			RequestTemplates:     map[string]string{"application/json": `{"statusCode": "200"}`},
			IntegrationResponses: map[string]*apimodel.IntegrationResponse{"200": {StatusCode: "200"}}}}}},
	}}}
	srv := httptest.NewServer(Handler(api, HandlerOptions{Stage: "dev"}))
	defer srv.Close()
	for _, tt := range []struct {
		path   string
		status int
		body   string
	}{
		{"/things/7", 200, `{"id": "7", "method": "GET", "ip": "127.0.0.1", "user": ""}`},
		{"/things/7?fail=no", 200, `{"id": "7", "method": "GET", "ip": "127.0.0.1", "user": ""}`},
		{"/things/7?fail=yes", 500, `{"failed": true, "stage": "dev"}`},
		{"/broken", 500, `{"message": "Internal server error"}`},
		{"/nostatus", 500, `{"message": "Internal server error"}`},
	} {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || string(b) != tt.body {
			t.Errorf("GET %s: %d %s; want %d %s", tt.path, resp.StatusCode, b, tt.status, tt.body)
		}
	}
	// A header carries the parameter too ($input.params looks in path,
	// query string, then headers).
	req, _ := http.NewRequest("GET", srv.URL+"/things/8", nil)
	req.Header.Set("fail", "yes")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 500 {
		t.Errorf("fail: yes header: %d, want 500", resp.StatusCode)
	}
}

// TestHandlerStaticAnswers: a MOCK whose templates read nothing answers the
// same for the same Content-Type and Accept, from what it answered before,
// and still answers each pair as it should; one that reads the request is
// rendered for every request.
func TestHandlerStaticAnswers(t *testing.T) {
	static := &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "MOCK", PassthroughBehavior: "NEVER",
		RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`, "text/plain": `{"statusCode": 404}`},
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{
			"200": {StatusCode: "200", ResponseParameters: map[string]string{"method.response.header.X-Kind": "'static'"},
				ResponseTemplates: map[string]string{"application/json": `{"ok": true}`, "application/xml": `<ok/>`}},
			"404": {StatusCode: "404", SelectionPattern: "404"},
		}}}
	dynamic := &apimodel.Method{MethodIntegration: &apimodel.Integration{Type: "MOCK",
		RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`},
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{
			"200": {StatusCode: "200", ResponseTemplates: map[string]string{"application/json": `$context.requestId`}}}}}
	h := Handler(&apimodel.Dump{REST: &apimodel.RestDump{Resources: []*apimodel.Resource{
		{Path: "/static", ResourceMethods: map[string]*apimodel.Method{"GET": static}},
		{Path: "/dynamic", ResourceMethods: map[string]*apimodel.Method{"GET": dynamic}},
	}}}, HandlerOptions{})
	if !staticMock(static) || staticMock(dynamic) {
		t.Fatalf("staticMock: %v for the static route, %v for the dynamic one", staticMock(static), staticMock(dynamic))
	}
	get := func(path, contentType, accept string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", path, nil)
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		if accept != "" {
			r.Header.Set("Accept", accept)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	for range 2 {
		for _, c := range []struct {
			contentType, accept string
			status              int
			body, kind, ct      string
		}{
			{"", "", 200, `{"ok": true}`, "static", "application/json"},
			{"", "application/xml", 200, `<ok/>`, "static", "application/xml"},
			{"text/plain", "", 404, ``, "", "application/json"},
			{"image/png", "", 415, `{"message": "Unsupported Media Type"}`, "", "application/json"},
		} {
			w := get("/static", c.contentType, c.accept)
			if w.Code != c.status || w.Body.String() != c.body || w.Header().Get("X-Kind") != c.kind || w.Header().Get("Content-Type") != c.ct {
				t.Errorf("%q %q: %d %q X-Kind %q Content-Type %q, want %d %q %q %q", c.contentType, c.accept,
					w.Code, w.Body, w.Header().Get("X-Kind"), w.Header().Get("Content-Type"), c.status, c.body, c.kind, c.ct)
			}
		}
	}
	if a, b := get("/dynamic", "", "").Body.String(), get("/dynamic", "", "").Body.String(); a == b {
		t.Errorf("two requests to a template reading $context.requestId both answered %q", a)
	}
}

// TestHandlerContextPerRequest: every request of a route gets its own
// $context (method, path, request id, caller), and what a template sets
// through responseOverride stays with its request.
func TestHandlerContextPerRequest(t *testing.T) {
	api := &apimodel.Dump{REST: &apimodel.RestDump{Resources: []*apimodel.Resource{
		{Path: "/r/{id}", ResourceMethods: map[string]*apimodel.Method{"ANY": {MethodIntegration: &apimodel.Integration{Type: "MOCK",
			RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`},
			IntegrationResponses: map[string]*apimodel.IntegrationResponse{"200": {StatusCode: "200", ResponseTemplates: map[string]string{"application/json": `#if($context.httpMethod == "POST")#set($context.responseOverride.status = 201)#end` +
				`$context.httpMethod $context.path $context.resourcePath $context.identity.userAgent $context.requestId.length()`}}}}}}},
	}}}
	srv := httptest.NewServer(Handler(api, HandlerOptions{Stage: "dev"}))
	defer srv.Close()
	for _, tt := range []struct {
		method, path, agent string
		status              int
		body                string
	}{
		{"POST", "/r/1", "a/1", 201, "POST /dev/r/1 /r/{id} a/1 36"},
		{"GET", "/r/2", "b/2", 200, "GET /dev/r/2 /r/{id} b/2 36"},
		{"POST", "/r/3", "c/3", 201, "POST /dev/r/3 /r/{id} c/3 36"},
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		req.Header.Set("User-Agent", tt.agent)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || string(b) != tt.body {
			t.Errorf("%s %s: %d %q; want %d %q", tt.method, tt.path, resp.StatusCode, b, tt.status, tt.body)
		}
	}
}
