package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// genSpec writes an OpenAPI 3.0 JSON document with ops operations, each with
// an x-amazon-apigateway-integration (VTL request and response templates,
// response parameters), parameters and 3–5 responses: the extension-heavy
// shape the benchmarks measure. About 7.5 KB per operation.
func genSpec(ops int) []byte {
	var b bytes.Buffer
	str := func(s string) string {
		q, _ := json.Marshal(s)
		return string(q)
	}
	b.WriteString(`{"openapi":"3.0.1","info":{"title":"Generated","version":"1.0"},`)
	b.WriteString(`"servers":[{"url":"https://api.example.com/{basePath}","variables":{"basePath":{"default":"v1"}}}],`)
	b.WriteString(`"x-amazon-apigateway-request-validators":{"all":{"validateRequestBody":true,"validateRequestParameters":true},"params":{"validateRequestBody":false,"validateRequestParameters":true}},`)
	b.WriteString(`"x-amazon-apigateway-request-validator":"params",`)
	b.WriteString(`"x-amazon-apigateway-gateway-responses":{"DEFAULT_4XX":{"responseParameters":{"gatewayresponse.header.Access-Control-Allow-Origin":"'*'"},"responseTemplates":{"application/json":"{\"message\":$context.error.messageString}"}}},`)
	b.WriteString(`"paths":{`)
	methods := []string{"get", "post", "put", "delete", "patch"}
	for i := 0; i < ops; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		m := methods[i%len(methods)]
		fmt.Fprintf(&b, `"/res%d/{id}/items/{item}":{%q:{`, i, m)
		fmt.Fprintf(&b, `"operationId":"op%d","summary":"Operation %d","tags":["t%d"],`, i, i, i%20)
		fmt.Fprintf(&b, `"description":%s,`, str(strings.Repeat(fmt.Sprintf("Operation %d reads and writes items of resource %d through a Lambda function. ", i, i), 30)))
		b.WriteString(`"parameters":[`)
		b.WriteString(`{"name":"id","in":"path","required":true,"schema":{"type":"string"}},`)
		b.WriteString(`{"name":"item","in":"path","required":true,"schema":{"type":"integer","format":"int32","minimum":0}},`)
		b.WriteString(`{"name":"filter","in":"query","required":false,"schema":{"type":"string","enum":["a","b","c"]}},`)
		b.WriteString(`{"name":"X-Request-Id","in":"header","schema":{"type":"string"}}],`)
		if m == "post" || m == "put" || m == "patch" {
			b.WriteString(`"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},`)
		}
		b.WriteString(`"security":[{"authorizer":[]}],`)
		b.WriteString(`"x-amazon-apigateway-request-validator":"all",`)
		b.WriteString(`"responses":{`)
		nresp := 3 + i%3
		codes := []string{"200", "400", "404", "500", "503"}
		for r := 0; r < nresp; r++ {
			if r > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `%q:{"description":"Response %s","headers":{"Access-Control-Allow-Origin":{"schema":{"type":"string"}},"X-Trace":{"schema":{"type":"string"}}},`, codes[r], codes[r])
			if r == 0 {
				b.WriteString(`"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}`)
			} else {
				b.WriteString(`"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}`)
			}
		}
		b.WriteString(`},`)
		b.WriteString(`"x-amazon-apigateway-integration":{"type":"aws","httpMethod":"POST",`)
		fmt.Fprintf(&b, `"uri":"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn%d/invocations",`, i)
		b.WriteString(`"credentials":"arn:aws:iam::123456789012:role/apigw","passthroughBehavior":"when_no_templates","timeoutInMillis":29000,`)
		b.WriteString(`"requestParameters":{"integration.request.header.X-Request-Id":"method.request.header.X-Request-Id","integration.request.path.id":"method.request.path.id","integration.request.querystring.filter":"method.request.querystring.filter"},`)
		reqTpl := "#set($inputRoot = $input.path('$'))\n{\n  \"id\": \"$input.params('id')\",\n  \"item\": $input.params('item'),\n  \"filter\": \"$util.escapeJavaScript($input.params('filter'))\",\n  \"body\": $input.json('$'),\n  \"context\": {\n    \"requestId\": \"$context.requestId\",\n    \"sourceIp\": \"$context.identity.sourceIp\",\n    \"user\": \"$context.authorizer.principalId\"\n  }\n#foreach($h in $input.params().header.keySet())\n  ,\"$h\": \"$util.escapeJavaScript($input.params().header.get($h))\"\n#end\n}"
		formTpl := "#set($params = $input.body.split(\"&\"))\n{\n#foreach($p in $params)\n  #set($kv = $p.split(\"=\"))\n  \"$util.urlDecode($kv[0])\": \"$util.escapeJavaScript($util.urlDecode($kv[1]))\"#if($foreach.hasNext),#end\n#end\n}"
		fmt.Fprintf(&b, `"requestTemplates":{"application/json":%s,"application/xml":%s,"application/x-www-form-urlencoded":%s},`, str(reqTpl), str("<request id=\"$input.params('id')\">$input.body</request>"), str(formTpl))
		b.WriteString(`"responses":{`)
		for r := 0; r < nresp; r++ {
			if r > 0 {
				b.WriteByte(',')
			}
			pattern := "default"
			if r > 0 {
				pattern = fmt.Sprintf(".*\\\\[%s\\\\].*", codes[r])
			}
			respTpl := "#set($inputRoot = $input.path('$'))\n{\n  \"data\": $input.json('$.body'),\n  \"status\": \"" + codes[r] + "\",\n#if($inputRoot.errorMessage != \"\")\n  \"error\": \"$util.escapeJavaScript($inputRoot.errorMessage)\",\n#end\n  \"requestId\": \"$context.requestId\"\n}"
			fmt.Fprintf(&b, `"%s":{"statusCode":%q,"responseParameters":{"method.response.header.Access-Control-Allow-Origin":"'*'","method.response.header.X-Trace":"integration.response.header.X-Amzn-Trace-Id"},"responseTemplates":{"application/json":%s}}`, pattern, codes[r], str(respTpl))
		}
		b.WriteString(`}}}}`)
	}
	b.WriteString(`},"components":{"schemas":{`)
	b.WriteString(`"Item":{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"name":{"type":"string","maxLength":100},"price":{"type":"number","minimum":0},"tags":{"type":"array","items":{"type":"string"}}}},`)
	b.WriteString(`"Error":{"type":"object","properties":{"message":{"type":"string"},"code":{"type":"integer"}}}`)
	b.WriteString(`},"securitySchemes":{"authorizer":{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"custom",`)
	b.WriteString(`"x-amazon-apigateway-authorizer":{"type":"token","authorizerUri":"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations","authorizerResultTtlInSeconds":300}}}}}`)
	return b.Bytes()
}
