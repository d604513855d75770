package mapping

import (
	"reflect"
	"strings"
	"testing"
)

// codes renders problems as "severity:code" joined by commas, for comparison.
func codes(ps []Problem) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Severity.String()+":"+string(p.Code))
	}
	return strings.Join(out, ",")
}

type parseCase struct {
	name       string
	ctx        Context
	key, value string
	want       string // codes, "" for none
	msg        string // substring of the first problem's message
	off        int    // offset of the first problem, -1 to skip
}

func runCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := Parse(tc.ctx, tc.key, tc.value)
			if got := codes(ps); got != tc.want {
				t.Fatalf("Parse(%v, %q, %q) codes = %q, want %q\n%v", tc.ctx, tc.key, tc.value, got, tc.want, ps)
			}
			if tc.msg != "" && !strings.Contains(ps[0].Message, tc.msg) {
				t.Fatalf("message %q lacks %q", ps[0].Message, tc.msg)
			}
			if tc.want != "" && tc.off >= 0 && ps[0].Offset != tc.off {
				t.Fatalf("offset = %d, want %d (%v)", ps[0].Offset, tc.off, ps[0])
			}
		})
	}
}

func TestRESTRequest(t *testing.T) {
	k := "integration.request.header.x"
	runCases(t, []parseCase{
		{"path param", RESTRequest, "integration.request.path.id", "method.request.path.id", "", "", 0},
		{"querystring", RESTRequest, "integration.request.querystring.q", "method.request.querystring.page", "", "", 0},
		{"multivalue querystring", RESTRequest, "integration.request.querystring.q", "method.request.multivaluequerystring.page", "", "", 0},
		{"header", RESTRequest, k, "method.request.header.X-Api-Key", "", "", 0},
		{"multivalue header", RESTRequest, k, "method.request.multivalueheader.Accept", "", "", 0},
		{"whole body", RESTRequest, k, "method.request.body", "", "", 0},
		{"body jsonpath", RESTRequest, k, "method.request.body.petstore.pets[0].name", "", "", 0},
		{"body quoted subscript", RESTRequest, k, "method.request.body['a b'][*]", "", "", 0},
		{"context", RESTRequest, k, "context.requestId", "", "", 0},
		{"context authorizer claim", RESTRequest, k, "context.authorizer.claims.email", "", "", 0},
		{"stage variable", RESTRequest, k, "stageVariables.backend_host", "", "", 0},
		{"static", RESTRequest, "integration.request.header.X-Amz-Invocation-Type", "'Event'", "", "", 0},
		{"static empty", RESTRequest, k, "''", "", "", 0},
		{"static with spaces inside", RESTRequest, k, "'a b'", "", "", 0},

		{"unknown target location", RESTRequest, "integration.request.headers.x", "'a'", "error:APIGW300", `did you mean 'integration.request.header.x'`, 0},
		{"unknown target prefix", RESTRequest, "method.request.header.x", "'a'", "error:APIGW300", "integration.request.header.NAME", 0},
		{"target body", RESTRequest, "integration.request.body", "'a'", "error:APIGW300", "", 0},
		{"empty target name", RESTRequest, "integration.request.header.", "'a'", "error:APIGW302", "name is missing", 27},
		{"empty target name no dot", RESTRequest, "integration.request.header", "'a'", "error:APIGW302", "", 26},
		{"invalid target header", RESTRequest, "integration.request.header.a b", "'a'", "error:APIGW303", "not a valid header name", 27},
		{"space in target path", RESTRequest, "integration.request.path.a b", "'a'", "error:APIGW303", "spaces", 25},
		{"unknown source location", RESTRequest, k, "method.request.querystrings.page", "error:APIGW301", `did you mean 'method.request.querystring.page'`, 0},
		{"wrong case", RESTRequest, k, "Method.Request.Header.x", "error:APIGW301", `'method.request.header.x'`, 0},
		{"unknown under method.request", RESTRequest, k, "method.request.cookie.x", "error:APIGW301", "after method.request. write path", 15},
		{"empty source name", RESTRequest, k, "method.request.header.", "error:APIGW302", "", 22},
		{"source name without dot", RESTRequest, k, "method.request.path", "error:APIGW302", "", 19},
		{"invalid param name", RESTRequest, k, "method.request.querystring.a/b", "error:APIGW303", "^[a-zA-Z0-9._$-]+$", 27},
		{"unquoted static star", RESTRequest, k, "*", "error:APIGW304", "write '*'", 0},
		{"unquoted static mime", RESTRequest, "integration.request.header.Content-Type", "application/json", "error:APIGW304", "write 'application/json'", 0},
		{"unquoted static host", RESTRequest, k, "example.com", "error:APIGW304", "Invalid mapping expression specified", 0},
		{"unterminated quote", RESTRequest, k, "'abc", "error:APIGW305", "closing", 4},
		{"missing opening quote", RESTRequest, k, "abc'", "error:APIGW305", "opening", 0},
		{"lone quote", RESTRequest, k, "'", "error:APIGW305", "", 1},
		{"double quoted", RESTRequest, k, `"abc"`, "error:APIGW317", "write 'abc'", 0},
		{"multivalue into path", RESTRequest, "integration.request.path.id", "method.request.multivaluequerystring.id", "warning:APIGW306", "method.request.querystring.id", 0},
		{"jsonpath recursive descent", RESTRequest, k, "method.request.body.a..b", "warning:APIGW307", "recursive descent", 21},
		{"jsonpath filter", RESTRequest, k, "method.request.body.a[?(@.x)]", "warning:APIGW307", "filter", 21},
		{"jsonpath unterminated bracket", RESTRequest, k, "method.request.body.a[0", "error:APIGW307", "unterminated", 21},
		{"jsonpath leading recursive descent", RESTRequest, k, "method.request.body..a", "warning:APIGW307", "recursive descent", 19},
		{"jsonpath trailing dot", RESTRequest, k, "method.request.body.a.", "error:APIGW307", "ends with", 21},
		{"jsonpath bad subscript", RESTRequest, k, "method.request.body.a[x]", "error:APIGW307", "subscript", 21},
		{"jsonpath dollar prefix", RESTRequest, k, "method.request.body.$.a", "warning:APIGW307", "write body.a", 20},
		{"jsonpath empty", RESTRequest, k, "method.request.body.", "error:APIGW302", "", 20},
		{"unknown context", RESTRequest, k, "context.requestID", "warning:APIGW308", `did you mean 'requestId'`, 8},
		{"context empty", RESTRequest, k, "context.", "error:APIGW302", "", 8},
		{"context odd chars", RESTRequest, k, "context.a-b", "warning:APIGW303", "", 8},
		{"stage variable empty", RESTRequest, k, "stageVariables.", "error:APIGW302", "", 15},
		{"stage variable odd chars", RESTRequest, k, "stageVariables.a-b", "warning:APIGW303", "", 15},
		{"response source in request", RESTRequest, k, "integration.response.header.x", "error:APIGW310", "cannot read integration response", 0},
		{"empty value", RESTRequest, k, "", "error:APIGW314", "", 0},
		{"whitespace", RESTRequest, k, " method.request.path.id", "error:APIGW316", `write "method.request.path.id"`, 0},
		{"dollar context", RESTRequest, k, "$context.requestId", "warning:APIGW315", "write context.requestId", 0},
		{"dollar stage variable", RESTRequest, k, "$stageVariables.x", "warning:APIGW315", "write stageVariables.x", 0},
		{"near-miss context", RESTRequest, k, "contxt.requestId", "error:APIGW301", "'context.requestId'", 0},
	})
}

func TestRESTResponse(t *testing.T) {
	k := "method.response.header.Location"
	runCases(t, []parseCase{
		{"header", RESTResponse, k, "integration.response.header.x-app-id", "", "", 0},
		{"multivalue header", RESTResponse, k, "integration.response.multivalueheader.Set-Cookie", "", "", 0},
		{"body", RESTResponse, k, "integration.response.body", "", "", 0},
		{"body jsonpath", RESTResponse, k, "integration.response.body.redirect.url", "", "", 0},
		{"static cors", RESTResponse, "method.response.header.Access-Control-Allow-Origin", "'*'", "", "", 0},
		{"context", RESTResponse, k, "context.requestId", "", "", 0},
		{"stage", RESTResponse, k, "stageVariables.url", "", "", 0},

		{"querystring target", RESTResponse, "method.response.querystring.x", "'a'", "error:APIGW300", "method.response.header.NAME", 0},
		{"typo target", RESTResponse, "method.response.headers.x", "'a'", "error:APIGW300", "'method.response.header.x'", 0},
		{"method request in response", RESTResponse, k, "method.request.header.Origin", "error:APIGW310", "", 0},
		{"integration response querystring", RESTResponse, k, "integration.response.querystring.x", "error:APIGW301", "after integration.response. write header, multivalueheader or body", 21},
		{"unquoted star", RESTResponse, "method.response.header.Access-Control-Allow-Origin", "*", "error:APIGW304", "write '*'", 0},
		{"bad header source name", RESTResponse, k, "integration.response.header.a b", "error:APIGW303", "", 28},
	})
}

func TestGatewayResponse(t *testing.T) {
	runCases(t, []parseCase{
		{"static", GatewayResponse, "gatewayresponse.header.Access-Control-Allow-Origin", "'*.example.domain'", "", "", 0},
		{"header", GatewayResponse, "gatewayresponse.header.from-request-header", "method.request.header.Accept", "", "", 0},
		{"path", GatewayResponse, "gatewayresponse.path.p", "method.request.path.petId", "", "", 0},
		{"querystring", GatewayResponse, "gatewayresponse.querystring.q", "method.request.querystring.qname", "", "", 0},
		{"context", GatewayResponse, "gatewayresponse.header.x", "context.error.messageString", "", "", 0},

		{"unknown location", GatewayResponse, "gatewayresponse.body.x", "'a'", "error:APIGW300", "", 0},
		{"method response prefix", GatewayResponse, "method.response.header.x", "'a'", "error:APIGW300", "gatewayresponse.header.NAME", 0},
		{"multivalue", GatewayResponse, "gatewayresponse.header.x", "method.request.multivalueheader.Accept", "warning:APIGW306", "method.request.header.Accept", 0},
		{"body", GatewayResponse, "gatewayresponse.header.x", "method.request.body", "error:APIGW310", "body", 0},
		{"integration response", GatewayResponse, "gatewayresponse.header.x", "integration.response.header.x", "error:APIGW310", "", 0},
		{"unquoted", GatewayResponse, "gatewayresponse.header.x", "true", "error:APIGW304", "write 'true'", 0},
	})
}

func TestWebSocketRequest(t *testing.T) {
	k := "integration.request.header.connectionId"
	runCases(t, []parseCase{
		{"context", WebSocketRequest, k, "context.connectionId", "", "", 0},
		{"route header", WebSocketRequest, k, "route.request.header.Auth", "", "", 0},
		{"route body", WebSocketRequest, "integration.request.querystring.q", "route.request.body.action", "", "", 0},
		{"static", WebSocketRequest, k, "'x'", "", "", 0},
		{"method request", WebSocketRequest, k, "method.request.header.x", "error:APIGW310", "route request", 0},
		{"typo", WebSocketRequest, k, "route.request.heder.x", "error:APIGW301", "'route.request.header.x'", 0},
	})
}

func TestHTTP(t *testing.T) {
	runCases(t, []parseCase{
		{"append header context", HTTPRequest, "append:header.header1", "$context.requestId", "", "", 0},
		{"overwrite header from header", HTTPRequest, "overwrite:header.x-user", "$request.header.x-user-id", "", "", 0},
		{"querystring", HTTPRequest, "append:querystring.q", "$request.querystring.page", "", "", 0},
		{"path param", HTTPRequest, "overwrite:header.pet", "$request.path.petId", "", "", 0},
		{"whole path", HTTPRequest, "overwrite:path", "$request.path", "", "", 0},
		{"path from text", HTTPRequest, "overwrite:path", "/v2/pets/${request.path.petId}", "", "", 0},
		{"body jsonpath", HTTPRequest, "append:header.x", "$request.body.items[0].id", "", "", 0},
		{"whole body", HTTPRequest, "append:header.x", "$request.body", "", "", 0},
		{"stage variable", HTTPRequest, "append:header.x", "$stageVariables.env", "", "", 0},
		{"static", HTTPRequest, "overwrite:header.Accept", "application/json", "", "", 0},
		{"interpolation", HTTPRequest, "overwrite:header.x-auth", "Bearer ${request.header.token}", "", "", 0},
		{"braced whole", HTTPRequest, "append:header.x", "${context.requestId}", "", "", 0},
		{"two selections", HTTPRequest, "append:header.x", "${request.path.name} ${request.path.id}", "", "", 0},
		{"remove empty", HTTPRequest, "remove:header.x", "", "", "", 0},
		{"remove quotes", HTTPRequest, "remove:querystring.x", "''", "", "", 0},
		{"response header", HTTPResponse, "append:header.x", "$response.header.x-id", "", "", 0},
		{"response body", HTTPResponse, "overwrite:header.x", "$response.body.id", "", "", 0},
		{"status code", HTTPResponse, "overwrite:statuscode", "403", "", "", 0},
		{"status from body", HTTPResponse, "overwrite:statuscode", "$response.body.status", "", "", 0},

		{"unknown op", HTTPRequest, "apend:header.x", "a", "error:APIGW300", `did you mean "append:header.x"`, 0},
		{"no op", HTTPRequest, "header.x", "a", "error:APIGW300", "append:header.NAME", 0},
		{"querystring in response", HTTPResponse, "append:querystring.x", "a", "error:APIGW300", "", 0},
		{"statuscode in request", HTTPRequest, "overwrite:statuscode", "200", "error:APIGW300", "", 0},
		{"append path", HTTPRequest, "append:path", "/x", "error:APIGW300", "write overwrite:path", 0},
		{"empty header name", HTTPRequest, "append:header.", "a", "error:APIGW302", "", 14},
		{"invalid header name", HTTPRequest, "append:header.a:b", "a", "error:APIGW303", "", 14},
		{"host is not in the documented reserved list", HTTPRequest, "overwrite:header.Host", "a", "", "", 0},
		{"reserved connection", HTTPRequest, "overwrite:header.Connection", "a", "error:APIGW309", "reserved", 17},
		{"reserved x-amz prefix", HTTPResponse, "append:header.X-Amzn-RequestId", "a", "error:APIGW309", "", 14},
		{"reserved access-control", HTTPResponse, "overwrite:header.Access-Control-Allow-Origin", "*", "error:APIGW309", "", 17},
		{"remove with value", HTTPRequest, "remove:header.x", "$request.header.x", "warning:APIGW311", "empty value", 0},
		{"unterminated interpolation", HTTPRequest, "append:header.x", "a ${request.header.x", "warning:APIGW312", "unterminated", 2},
		{"empty interpolation", HTTPRequest, "append:header.x", "a ${}", "warning:APIGW312", "empty", 2},
		{"selection in text", HTTPRequest, "append:header.x", "Bearer $request.header.token", "warning:APIGW312", "write ${request.header.token}", 7},
		{"bad status", HTTPResponse, "overwrite:statuscode", "OK", "warning:APIGW313", "100 to 599", 0},
		{"status out of range", HTTPResponse, "overwrite:statuscode", "700", "warning:APIGW313", "", 0},
		{"empty value", HTTPRequest, "append:header.x", "", "error:APIGW314", "", 0},
		{"response in request", HTTPRequest, "append:header.x", "$response.header.x", "error:APIGW310", "", 1},
		{"unknown selection", HTTPRequest, "append:header.x", "$requests.header.x", "error:APIGW301", "did you mean $request.header.x", 1},
		{"unknown root", HTTPRequest, "append:header.x", "$foo", "error:APIGW301", "$request.header.NAME", 1},
		{"cookie location", HTTPRequest, "append:header.x", "$request.cookie.x", "error:APIGW301", "", 1},
		{"empty request header", HTTPRequest, "append:header.x", "$request.header.", "error:APIGW302", "", 15},
		{"bad selection header", HTTPRequest, "append:header.x", "$request.header.a b", "error:APIGW303", "", 16},
		{"recursive descent", HTTPRequest, "append:header.x", "$request.body..name", "error:APIGW307", "recursive descent", 13},
		{"filter", HTTPResponse, "append:header.x", "${response.body.a[?(@.b)]}", "error:APIGW307", "filter", 17},
		{"unknown context", HTTPRequest, "append:header.x", "$context.fooBar", "warning:APIGW308", "", 9},
		{"context hyphen", HTTPRequest, "append:header.x", "${context.a-b}", "error:APIGW303", "", 10},
		{"stage empty", HTTPRequest, "append:header.x", "$stageVariables.", "error:APIGW302", "", 16},
		{"context without dot", HTTPRequest, "append:header.x", "$context", "error:APIGW302", "", 8},
	})
}

func TestParseAST(t *testing.T) {
	m, ps := ParseRequest("integration.request.path.pet-name", "method.request.body.petstore.pets[0].name")
	want := Mapping{
		Context: RESTRequest,
		Target:  Target{Location: Path, Name: "pet-name"},
		Source:  Source{Kind: MethodRequest, Location: Body, JSONPath: "petstore.pets[0].name", Text: "method.request.body.petstore.pets[0].name"},
		Key:     "integration.request.path.pet-name", Value: "method.request.body.petstore.pets[0].name",
	}
	if len(ps) != 0 || !reflect.DeepEqual(m, want) {
		t.Fatalf("got %+v %v\nwant %+v", m, ps, want)
	}

	m, ps = ParseHTTP("overwrite:header.x-auth", "Bearer ${request.header.token}", false)
	if len(ps) != 0 || m.Target != (Target{Op: Overwrite, Location: Header, Name: "x-auth"}) {
		t.Fatalf("target %+v %v", m.Target, ps)
	}
	wantParts := []Source{
		{Kind: Static, Literal: "Bearer ", Text: "Bearer "},
		{Kind: Request, Location: Header, Name: "token", Offset: 7, Text: "${request.header.token}"},
	}
	if m.Source.Kind != Interpolation || !reflect.DeepEqual(m.Source.Parts, wantParts) {
		t.Fatalf("parts %+v", m.Source.Parts)
	}

	m, _ = ParseHTTP("append:header.x", "${context.requestId}", false)
	if m.Source.Kind != ContextVar || m.Source.Name != "requestId" {
		t.Fatalf("single ${} part = %+v", m.Source)
	}
	m, _ = ParseHTTP("overwrite:path", "$request.path", false)
	if m.Source.Kind != Request || m.Source.Location != Path || m.Source.Name != "" || m.Target.Location != Path {
		t.Fatalf("whole path = %+v", m)
	}
	m, _ = ParseGatewayResponse("gatewayresponse.header.a", "'x'")
	if v, ok := m.Source.StaticValue(); !ok || v != "x" {
		t.Fatalf("static = %q %v", v, ok)
	}
}

func TestHelpers(t *testing.T) {
	m, _ := ParseRequest("integration.request.querystring.q", "method.request.multivaluequerystring.page")
	if got := m.MethodRequestParams(); !reflect.DeepEqual(got, []Param{{QueryString, "page"}}) || got[0].In() != "query" || got[0].Declaration() != "method.request.querystring.page" {
		t.Fatalf("params = %+v", got)
	}
	if m.IsStatic() {
		t.Fatal("a method request mapping is not static")
	}
	if m, _ := ParseRequest("integration.request.header.h", "method.request.body.a"); m.MethodRequestParams() != nil {
		t.Fatal("the body is not a declared parameter")
	}
	if m, _ := ParseGatewayResponse("gatewayresponse.header.h", "method.request.header.Accept"); len(m.MethodRequestParams()) != 1 || m.MethodRequestParams()[0].In() != "header" {
		t.Fatalf("gateway response params = %+v", m.MethodRequestParams())
	}
	if m, _ := ParseRequest("integration.request.path.p", "method.request.path.id"); m.MethodRequestParams()[0].In() != "path" {
		t.Fatal("path param")
	}

	for _, tc := range []struct {
		m    Mapping
		name string
		ok   bool
	}{
		{first(ParseResponse("method.response.header.Location", "integration.response.body.url")), "Location", true},
		{first(ParseGatewayResponse("gatewayresponse.header.X", "'a'")), "X", true},
		{first(ParseGatewayResponse("gatewayresponse.querystring.X", "'a'")), "", false},
		{first(ParseHTTP("append:header.X", "a", true)), "X", true},
		{first(ParseHTTP("remove:header.X", "", true)), "", false},
		{first(ParseHTTP("append:header.X", "a", false)), "", false},
		{first(ParseRequest("integration.request.header.X", "'a'")), "", false},
	} {
		if name, ok := tc.m.ResponseHeader(); name != tc.name || ok != tc.ok {
			t.Errorf("%s %s: ResponseHeader = %q %v, want %q %v", tc.m.Context, tc.m.Key, name, ok, tc.name, tc.ok)
		}
	}

	if m, _ := ParseHTTP("append:header.x", "a ${context.stage} b", false); m.IsStatic() || len(m.Source.Selections()) != 1 {
		t.Fatalf("interpolation with a selection: %+v", m.Source)
	}
	if m, _ := ParseHTTP("append:header.x", "plain text", false); !m.IsStatic() {
		t.Fatal("plain text is static in HTTP APIs")
	}
	if !ReservedHeader("x-amz-date") || !ReservedHeader("TE") || ReservedHeader("x-amzfoo") || ReservedHeader("Content-Type") {
		t.Fatal("ReservedHeader")
	}
	if !KnownContextVariable("authorizer.claims.sub") || KnownContextVariable("authorizer.") || !KnownContextVariable("identity.sourceIp") {
		t.Fatal("KnownContextVariable")
	}
}

func first(m Mapping, _ []Problem) Mapping { return m }

func TestProblemString(t *testing.T) {
	_, ps := ParseRequest("integration.request.header.x", "*")
	if got := ps[0].String(); got != `value+0: error: Invalid mapping expression specified: "*": a static value must be in single quotes: write '*' [APIGW304]` {
		t.Fatalf("String = %s", got)
	}
	if !HasError(ps) || HasError(nil) {
		t.Fatal("HasError")
	}
}
