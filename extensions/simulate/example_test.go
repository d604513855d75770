package simulate_test

import (
	"fmt"
	"io"
	"net/http/httptest"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/simulate"
)

func ExampleREST() {
	m := &apimodel.Method{MethodIntegration: &apimodel.Integration{
		Type: "AWS", URI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/pets/invocations",
		IntegrationResponses: map[string]*apimodel.IntegrationResponse{
			"200": {StatusCode: "200"},
			"404": {StatusCode: "404", SelectionPattern: `.*\[NotFound\].*`,
				ResponseParameters: map[string]string{"method.response.header.X-Error": "'NotFound'"}},
		}}}
	for _, msg := range []string{"[NotFound] no pet 7", "[NotFound] no pet 7\n  at index.js:3"} {
		o, _ := simulate.REST(m, nil, simulate.Result{ErrorMessage: &msg}, simulate.Request{})
		fmt.Println(o.Selected, o.StatusCode, len(o.Headers))
	}
	// Output:
	// .*\[NotFound\].* 404 1
	// default 200 0
}

func ExampleSelectTemplate() {
	t := simulate.SelectTemplate(map[string]string{"application/xml": "<a/>", "application/json": "{}"}, "")
	fmt.Println(t.MediaType, "-", t.Reason)
	// Output: application/json - no Accept header: application/json is assumed and has a template
}

func ExampleTemplateVariables() {
	fmt.Println(simulate.TemplateVariables(`{"id": "$input.params('id')", "ip": "$context.identity.sourceIp", "x": $util.toJson($input.path('$.x'))}`))
	// Output: [$input.params('id') $context.identity.sourceIp $util.toJson $input.path('$.x')]
}

func ExampleEvalJSONPath() {
	v, found, _ := simulate.EvalJSONPath([]byte(`{"errors":[{"code":"E42"}]}`), "errors[0].code")
	fmt.Println(simulate.JSONText(v), found)
	// Output: E42 true
}

func ExampleResponseConversion() {
	fmt.Println(simulate.ResponseConversion([]string{"image/*"}, "image/png", "application/json", ""))
	fmt.Println(simulate.ResponseConversion(nil, "", "", "CONVERT_TO_BINARY"))
	// Output:
	// base64-encode
	// base64-decode
}

func ExampleHTTP() {
	params := map[string]map[string]string{"404": {"overwrite:statuscode": "410", "append:header.X-Gone": "since ${stageVariables.release}"}}
	o := simulate.HTTP(params, simulate.Result{StatusCode: 404}, simulate.Request{StageVariables: map[string]string{"release": "v2"}})
	fmt.Println(o.StatusCode, o.Headers)
	// Output: 410 [{X-Gone since v2}]
}

func ExampleWebSocket() {
	integ := &apimodel.V2Integration{IntegrationType: "HTTP"}
	rs := []*apimodel.V2IntegrationResponse{{IntegrationResponseKey: `/4\d\d/`}, {IntegrationResponseKey: "$default"}}
	o, _ := simulate.WebSocket(integ, rs, simulate.Result{StatusCode: 429}, simulate.Request{})
	fmt.Println(o.Selected)
	// Output: /4\d\d/
}

func ExampleHandler() {
	api := &apimodel.Dump{REST: &apimodel.RestDump{Resources: []*apimodel.Resource{{Path: "/health",
		ResourceMethods: map[string]*apimodel.Method{"GET": {MethodIntegration: &apimodel.Integration{Type: "MOCK",
			RequestTemplates:     map[string]string{"application/json": `{"statusCode": 200}`},
			IntegrationResponses: map[string]*apimodel.IntegrationResponse{"200": {StatusCode: "200", ResponseTemplates: map[string]string{"application/json": `{"ok": true}`}}},
		}}}}}}}
	srv := httptest.NewServer(simulate.Handler(api, simulate.HandlerOptions{}))
	defer srv.Close()
	resp, _ := srv.Client().Get(srv.URL + "/health")
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, string(body))
	// Output: 200 {"ok": true}
}

func ExampleMockStatusCode() {
	for _, body := range []string{`{"statusCode": 503}`, `{statusCode: 200}`, `{"statusCode": "200"}`} {
		fmt.Println(simulate.MockStatusCode(body))
	}
	// Output:
	// 503 <nil>
	// 200 <nil>
	// 0 unable to parse statusCode: it should be an integer that is defined in the request template
}

func ExampleTemplateContext() {
	ctx := simulate.TemplateContext(map[string]string{"identity.sourceIp": "203.0.113.7"})
	fmt.Println(ctx.Get("identity.sourceIp"), ctx.Get("identity.user") == "")
	// Output: 203.0.113.7 true
}

func ExampleDefaultContext() {
	c := simulate.DefaultContext("get", "/pets/{id}")
	fmt.Println(c["httpMethod"], c["resourcePath"], c["stage"], c["path"])
	// Output: GET /pets/{id} test-invoke-stage /test-invoke-stage/pets/{id}
}

func ExampleDefaultWebSocketContext() {
	c := simulate.DefaultWebSocketContext("$connect")
	fmt.Println(c["routeKey"], c["eventType"], c["requestId"] == c["extendedRequestId"])
	// Output: $connect CONNECT true
}

func ExampleIsLambda() {
	fmt.Println(simulate.IsLambda("aws", "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/f/invocations"))
	fmt.Println(simulate.IsLambda("aws", "arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem"))
	// Output:
	// true
	// false
}

func ExampleParseHeader() {
	h, _ := simulate.ParseHeader("Retry-After: 30")
	fmt.Println(h.Name, h.Value)
	// Output: Retry-After 30
}

func ExampleMatchesMediaType() {
	fmt.Println(simulate.MatchesMediaType([]string{"image/*"}, "image/webp"))
	// Output: true
}

func ExampleHeaders_Last() {
	h := simulate.Headers{{"X-Trace", "a"}, {"x-trace", "b"}}
	v, _ := h.Last("X-Trace")
	fmt.Println(v, h.Values("X-TRACE"))
	// Output: b [a b]
}

// Route keys are matched as API Gateway routes requests: a literal segment
// beats a parameter, {proxy+} takes the rest of the path.
func ExampleRouter() {
	r := simulate.NewRouter([]string{"GET /pets/{id}", "GET /pets/mine", "ANY /{proxy+}"})
	for _, p := range []string{"/pets/7", "/pets/mine", "/owners/1/pets"} {
		i, params := r.Match("GET", p)
		fmt.Println(p, i, params)
	}
	// Output:
	// /pets/7 0 map[id:7]
	// /pets/mine 1 map[]
	// /owners/1/pets 2 map[proxy:owners/1/pets]
}
