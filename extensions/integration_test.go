package extensions

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/tree"
)

func TestIntegrationRoundTrip(t *testing.T) {
	tests := []struct{ name, text string }{
		{"comments and unknown keys", `# the backend
type: AWS_PROXY # upper case kept
httpMethod: POST
x-vendor: {a: 1}
uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
`},
		{"Fn::Sub long form", "type: aws_proxy\nhttpMethod: POST\nuri:\n  Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations\n"},
		{"every REST field", `{"type": "http", "httpMethod": "GET", "uri": "https://a.example/{id}", "credentials": "arn:aws:iam::1:role/r",
 "connectionType": "VPC_LINK", "connectionId": "${stageVariables.link}", "integrationTarget": "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a/b",
 "requestParameters": {"integration.request.path.id": "method.request.path.id"},
 "requestTemplates": {"application/json": null, "text/plain": "x"},
 "passthroughBehavior": "WHEN_NO_MATCH", "contentHandling": "CONVERT_TO_TEXT", "timeoutInMillis": "1000",
 "cacheNamespace": "ns", "cacheKeyParameters": ["method.request.path.id"], "tlsConfig": {"insecureSkipVerification": "true", "x": 1},
 "responseTransferMode": "BUFFERED",
 "responses": {"default": {"statusCode": 200, "responseParameters": {"method.response.header.A": "'a'"}, "responseTemplates": {"application/json": ""}, "contentHandling": "CONVERT_TO_TEXT", "extra": true},
   "4\\d{2}": {"statusCode": "400"}}}`},
		{"every HTTP API field", `type: aws_proxy
integrationSubtype: SQS-SendMessage
payloadFormatVersion: 1.0
credentials: !GetAtt Role.Arn
requestParameters: {QueueUrl: !Ref Queue, MessageBody: $request.body}
responseParameters:
  "200": {"overwrite:header.x": "y"}
  500: {}
tlsConfig: {serverNameToVerify: a.example}
`},
		{"ref", "$ref: '#/components/x-amazon-apigateway-integrations/a~1b'"},
		{"intrinsic fields", "type: !Ref Type\ntimeoutInMillis: {Ref: Timeout}\nconnectionType: !If [C, VPC_LINK, INTERNET]\nresponses: {default: {statusCode: !Ref Code}}"},
		{"whole intrinsic", "Fn::If: [C, {type: mock}, {type: http}]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertRoundTrip(t, ExtIntegration, tc.text)
		})
	}
	assertRoundTrip(t, ExtIntegrations, "# reusable\nb: {type: aws_proxy, uri: x} # b\na: {type: http_proxy, httpMethod: ANY, uri: 'https://a.example'}\n")
}

func TestIntegrationDecodedValues(t *testing.T) {
	v, _ := decodeText(t, ExtIntegration, `
type: AWS_PROXY
httpMethod: POST
uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
payloadFormatVersion: 1.0
timeoutInMillis: 1000
responses:
  default: {statusCode: 200}
  '-': {statusCode: '500'}
`)
	i := v.(*Integration)
	if !i.Type.Is(TypeAWSProxy) || i.Type != "AWS_PROXY" || i.Type.Canonical() != TypeAWSProxy {
		t.Errorf("type = %q", i.Type)
	}
	if i.URI.Fn != "Fn::Sub" || !strings.HasPrefix(i.URI.Value, "arn:aws:apigateway:${AWS::Region}") || i.URI.Known() {
		t.Errorf("uri = %+v", i.URI)
	}
	if i.PayloadFormatVersion != "1.0" || *i.TimeoutInMillis != 1000 {
		t.Errorf("payloadFormatVersion = %q, timeout = %d", i.PayloadFormatVersion, *i.TimeoutInMillis)
	}
	if got := strings.Join(i.Responses.Keys(), ","); got != "default,-" {
		t.Errorf("responses = %s", got)
	}
	if d, _ := i.Responses.Get("default"); d.StatusCode != "200" {
		t.Errorf("default statusCode = %q", d.StatusCode)
	}
	if i.InferKind() != KindUnknown { // payloadFormatVersion says HTTP API, responses REST API
		t.Errorf("kind = %v", i.InferKind())
	}
	for text, want := range map[string]APIKind{
		"{type: mock, payloadFormatVersion: '1.0'}": KindHTTP,
		"{type: mock, responses: {}}":               KindREST,
		"{type: mock}":                              KindUnknown,
	} {
		v, _ := decodeText(t, ExtIntegration, text)
		if got := v.(*Integration).InferKind(); got != want {
			t.Errorf("%s: kind = %v, want %v", text, got, want)
		}
	}
	ref, _ := decodeText(t, ExtIntegration, "$ref: '#/components/x-amazon-apigateway-integrations/a~1b'")
	if r := ref.(*Integration); !r.IsRef() || r.RefName() != "a/b" {
		t.Errorf("ref name = %q", r.RefName())
	}
	other, _ := decodeText(t, ExtIntegration, "$ref: '#/components/schemas/a'")
	if r := other.(*Integration); r.RefName() != "" {
		t.Errorf("ref name of a schema ref = %q", r.RefName())
	}
}

func TestIntegrationEncodeChanged(t *testing.T) {
	n := parse(t, "type: http # kept\nhttpMethod: GET\nuri: 'https://a.example'\nresponses: {default: {statusCode: '200'}}\n")
	v, _ := Decode(ExtIntegration, n, "")
	i := v.(*Integration)
	i.HTTPMethod = S("POST")
	i.TimeoutInMillis = new(int)
	*i.TimeoutInMillis = 5000
	i.Responses.Set("5\\d{2}", &IntegrationResponseEntry{StatusCode: "500"})
	want := parse(t, "type: http # kept\nhttpMethod: POST\nuri: 'https://a.example'\nresponses: {default: {statusCode: '200'}, '5\\d{2}': {statusCode: '500'}}\ntimeoutInMillis: 5000\n")
	if ok, why := tree.Equal(want, i.Encode(), tree.Options{IgnoreStyle: true}); !ok {
		t.Fatal(why)
	}
}

func TestEnums(t *testing.T) {
	if !IntegrationType("http_proxy").Is(TypeHTTPProxy) || IntegrationType("http").Is(TypeHTTPProxy) {
		t.Error("IntegrationType.Is")
	}
	if !IntegrationType("Http").IsHTTP() || IntegrationType("aws").IsHTTP() || !IntegrationType("aws").IsAWS() {
		t.Error("IsHTTP/IsAWS")
	}
	if PassthroughBehavior("WHEN_NO_MATCH").Canonical() != PassthroughWhenNoMatch || !PassthroughBehavior("NEVER").Is(PassthroughNever) {
		t.Error("PassthroughBehavior")
	}
	if !ConnectionType("vpc_link").Is(ConnectionVPCLink) || !ContentHandling("convert_to_text").Is(ConvertToText) || !ResponseTransferMode("stream").Is(TransferStream) {
		t.Error("Is")
	}
	if KindREST.String() != "REST API" || KindHTTP.String() != "HTTP API" || KindUnknown.String() != "API" {
		t.Error("APIKind.String")
	}
}

func TestRESTIntegrationResponses(t *testing.T) {
	v, _ := decodeText(t, ExtIntegration, `
type: http
httpMethod: GET
uri: https://a.example
responses:
  '5\d{2}': {statusCode: '500', responseTemplates: {application/json: '{}'}}
  default: {statusCode: 200, responseParameters: {method.response.header.B: "'b'", method.response.header.A: "'a'"}}
  '500': {statusCode: '500', contentHandling: CONVERT_TO_TEXT}
`)
	got := v.(*Integration).RESTIntegrationResponses()
	b, _ := json.Marshal(got)
	want := `[{"statusCode":"200","responseParameters":{"method.response.header.A":"'a'","method.response.header.B":"'b'"}},{"statusCode":"500","selectionPattern":"500","contentHandling":"CONVERT_TO_TEXT"}]`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
	if !got[0].IsDefault() || got[1].IsDefault() {
		t.Fatal("IsDefault")
	}

	back, err := ResponsesFromREST([]IntegrationResponse{
		{StatusCode: "500", SelectionPattern: "5\\d{2}", ResponseTemplates: map[string]string{"text/plain": "t", "application/json": "j"}},
		{StatusCode: "200"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(back.Keys(), ","); got != "default,5\\d{2}" {
		t.Fatalf("keys = %s", got)
	}
	if e, _ := back.Get("5\\d{2}"); strings.Join(e.ResponseTemplates.Keys(), ",") != "application/json,text/plain" {
		t.Fatalf("template order = %v", e.ResponseTemplates.Keys())
	}
	_, err = ResponsesFromREST([]IntegrationResponse{{StatusCode: "200"}, {StatusCode: "500"}})
	if err == nil || !strings.Contains(err.Error(), "200 and 500") {
		t.Fatalf("err = %v", err)
	}
}

func TestSelectionPatternKeys(t *testing.T) {
	tests := []struct{ key, pattern string }{{"default", ""}, {"", ""}, {"-", "-"}, {"4\\d{2}", "4\\d{2}"}, {"Default", "Default"}}
	for _, tc := range tests {
		if got := SelectionPattern(tc.key); got != tc.pattern {
			t.Errorf("SelectionPattern(%q) = %q, want %q", tc.key, got, tc.pattern)
		}
	}
	if ResponseKey("") != "default" || ResponseKey("-") != "-" {
		t.Error("ResponseKey")
	}
}

func TestV2IntegrationResponse(t *testing.T) {
	var r V2IntegrationResponse
	if err := json.Unmarshal([]byte(`{"integrationResponseId":"abc","integrationResponseKey":"/4\\d{2}/","templateSelectionExpression":"\\$default","contentHandlingStrategy":"CONVERT_TO_TEXT","responseTemplates":{"$default":"x"}}`), &r); err != nil {
		t.Fatal(err)
	}
	if p, ok := r.Pattern(); !ok || p != "4\\d{2}" || r.IsDefault() {
		t.Fatalf("pattern = %q, %v", p, ok)
	}
	if r.ContentHandlingStrategy != "CONVERT_TO_TEXT" || r.ResponseTemplates["$default"] != "x" || r.IntegrationResponseID != "abc" {
		t.Fatalf("decoded %+v", r)
	}
	d := V2IntegrationResponse{IntegrationResponseKey: "$default"}
	if _, ok := d.Pattern(); ok || !d.IsDefault() {
		t.Fatal("$default")
	}
	b, _ := json.Marshal(d)
	if string(b) != `{"integrationResponseKey":"$default"}` {
		t.Fatalf("json = %s", b)
	}
}

func TestIntegrationCheckByKind(t *testing.T) {
	v, ds := DecodeIntegration(parse(t, "{type: mock, timeoutInMillis: 29500}"), "/i", KindUnknown)
	if len(ds) != 0 {
		t.Fatalf("unknown kind: %v", ds)
	}
	if got := codes(v.Check("/i", KindREST)); got != "warning:APIGW108" {
		t.Fatalf("REST check = %q", got)
	}
	w, _ := decodeText(t, ExtIntegration, "!If [C, {type: mock}, {type: http}]")
	if i := w.(*Integration); !i.IsIntrinsic() || i.Extension() != ExtIntegration || i.Node() == nil {
		t.Fatal("whole intrinsic not kept")
	}
}
