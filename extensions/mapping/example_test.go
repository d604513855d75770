package mapping_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions/mapping"
)

func ExampleParseRequest() {
	m, problems := mapping.ParseRequest("integration.request.querystring.stage", "method.request.querystring.version")
	fmt.Println(m.Target.Location, m.Target.Name, "<-", m.Source.Kind, m.Source.Location, m.Source.Name, len(problems))
	for _, p := range m.MethodRequestParams() {
		fmt.Println("must be declared:", p.Declaration())
	}

	_, problems = mapping.ParseRequest("integration.request.header.Accept", "application/json")
	fmt.Println(problems[0])
	// Output:
	// querystring stage <- method request querystring version 0
	// must be declared: method.request.querystring.version
	// value+0: error: Invalid mapping expression specified: "application/json": a static value must be in single quotes: write 'application/json' [APIGW304]
}

func ExampleParseResponse() {
	m, _ := mapping.ParseResponse("method.response.header.Location", "integration.response.body.redirect.url")
	header, _ := m.ResponseHeader()
	fmt.Println(header, "<-", m.Source.Kind, m.Source.JSONPath)

	_, problems := mapping.ParseResponse("method.response.headers.Location", "'x'")
	fmt.Println(problems[0].Message)
	// Output:
	// Location <- integration response redirect.url
	// "method.response.headers.Location" is not a REST response mapping key: did you mean 'method.response.header.Location'?
}

func ExampleParseGatewayResponse() {
	m, _ := mapping.ParseGatewayResponse("gatewayresponse.header.Access-Control-Allow-Origin", "'*'")
	v, _ := m.Source.StaticValue()
	fmt.Println(m.IsStatic(), v)
	// Output:
	// true *
}

func ExampleParseWebSocketRequest() {
	m, problems := mapping.ParseWebSocketRequest("integration.request.header.connectionId", "context.connectionId")
	fmt.Println(m.Source.Kind, m.Source.Name, len(problems))
	// Output:
	// context variable connectionId 0
}

func ExampleParseHTTP() {
	m, _ := mapping.ParseHTTP("overwrite:header.Authorization2", "Bearer ${request.header.token}", false)
	fmt.Println(m.Target.Op, m.Target.Location, m.Target.Name)
	for _, p := range m.Source.Parts {
		fmt.Printf("%s %q\n", p.Kind, p.Text)
	}

	_, problems := mapping.ParseHTTP("overwrite:header.X-Amz-Date", "now", true)
	fmt.Println(problems[0].Code, problems[0].Message)
	// Output:
	// overwrite header Authorization2
	// static "Bearer "
	// $request "${request.header.token}"
	// APIGW309 "X-Amz-Date" is a reserved header: HTTP API mappings cannot overwrite it
}

func ExampleParseSource() {
	// An SQS-SendMessage integration (integrationSubtype) maps plain keys.
	s, problems := mapping.ParseSource(mapping.HTTPRequest, "$request.body.message")
	fmt.Println(s.Kind, s.Location, s.JSONPath, len(problems))
	// Output:
	// $request body message 0
}

func ExampleParseTarget() {
	t, problems := mapping.ParseTarget(mapping.HTTPResponse, "overwrite:statuscode")
	fmt.Println(t.Op, t.Location, len(problems))
	// Output:
	// overwrite statuscode 0
}

func ExampleParse() {
	_, problems := mapping.Parse(mapping.RESTRequest, "integration.request.header.x", "context.requestID")
	fmt.Println(problems[0].Severity, problems[0].Offset, problems[0].Message)
	// Output:
	// warning 8 "requestID" is not a documented $context variable: did you mean 'requestId'?
}
