// Package specgen writes synthetic, extension-heavy OpenAPI 3.0 documents of
// any size, for benchmarks: every operation has request parameters, method
// responses with headers, and an x-amazon-apigateway-integration with
// request parameters, request templates and 3–5 integration responses
// (selection patterns, response parameters, VTL response templates).
// 1,000 operations make about 7.5 MB of JSON. Output is deterministic.
package specgen

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// JSON returns an OpenAPI 3.0 document with n operations, indented JSON.
func JSON(n int) []byte {
	var b strings.Builder
	b.Grow(n * 7800)
	w := &writer{b: &b}
	w.doc(n)
	return []byte(b.String())
}

// YAML returns the same document as JSON(n), in block-style YAML.
func YAML(n int) []byte {
	var doc yaml.Node
	if err := yaml.Unmarshal(JSON(n), &doc); err != nil {
		panic("specgen: " + err.Error())
	}
	blockStyle(&doc)
	out, err := yaml.Marshal(&doc)
	if err != nil {
		panic("specgen: " + err.Error())
	}
	return out
}

// blockStyle turns a JSON-shaped tree into idiomatic YAML: block
// collections, plain scalars where possible, literal blocks for templates.
func blockStyle(n *yaml.Node) {
	n.Style = 0
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		if strings.Contains(n.Value, "\n") {
			n.Style = yaml.LiteralStyle
		}
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// writer writes indented JSON by hand: faster than encoding/json for large
// documents and with the key order under control.
type writer struct {
	b      *strings.Builder
	indent int
	first  []bool // per open container: no member written yet
}

func (w *writer) nl() {
	w.b.WriteByte('\n')
	for range w.indent {
		w.b.WriteString("  ")
	}
}

func (w *writer) sep() {
	top := len(w.first) - 1
	if !w.first[top] {
		w.b.WriteByte(',')
	}
	w.first[top] = false
	w.nl()
}

func (w *writer) open(c byte) {
	w.b.WriteByte(c)
	w.indent++
	w.first = append(w.first, true)
}

func (w *writer) close(c byte) {
	w.indent--
	empty := w.first[len(w.first)-1]
	w.first = w.first[:len(w.first)-1]
	if !empty {
		w.nl()
	}
	w.b.WriteByte(c)
}

// key starts a member "k": in the current object.
func (w *writer) key(k string) {
	w.sep()
	w.b.WriteString(strconv.Quote(k))
	w.b.WriteString(": ")
}

func (w *writer) str(k, v string) {
	w.key(k)
	w.b.WriteString(quote(v))
}

func (w *writer) raw(k, v string) {
	w.key(k)
	w.b.WriteString(v)
}

func (w *writer) obj(k string, body func()) {
	w.key(k)
	w.open('{')
	body()
	w.close('}')
}

// quote writes a JSON string; strconv.Quote's Go escapes are JSON escapes
// for the ASCII text written here.
func quote(s string) string { return strconv.Quote(s) }

var methods = []string{"get", "post", "put", "delete", "patch"}

func (w *writer) doc(n int) {
	w.open('{')
	w.str("openapi", "3.0.1")
	w.obj("info", func() {
		w.str("title", "Synthetic API")
		w.str("version", "1.0.0")
		w.str("description", "Generated for benchmarks: every operation has an AWS integration with integration responses.")
	})
	w.key("servers")
	w.open('[')
	w.sep()
	w.open('{')
	w.str("url", "https://api.example.com/{basePath}")
	w.obj("variables", func() { w.obj("basePath", func() { w.str("default", "v1") }) })
	w.close('}')
	w.close(']')
	w.obj("x-amazon-apigateway-request-validators", func() {
		w.obj("all", func() { w.raw("validateRequestBody", "true"); w.raw("validateRequestParameters", "true") })
		w.obj("params", func() { w.raw("validateRequestBody", "false"); w.raw("validateRequestParameters", "true") })
	})
	w.obj("paths", func() {
		for i := range n {
			w.obj(fmt.Sprintf("/resource%04d/{id}", i), func() { w.obj(methods[i%len(methods)], func() { w.operation(i) }) })
		}
	})
	w.obj("components", func() {
		w.obj("schemas", func() {
			w.obj("Item", func() {
				w.str("type", "object")
				w.obj("properties", func() {
					w.obj("id", func() { w.str("type", "string") })
					w.obj("name", func() { w.str("type", "string") })
					w.obj("price", func() { w.str("type", "number") })
				})
			})
			w.obj("Error", func() {
				w.str("type", "object")
				w.obj("properties", func() { w.obj("message", func() { w.str("type", "string") }) })
			})
		})
	})
	w.close('}')
}

// statuses are the integration responses an operation may have; operation
// i uses the first 3, 4 or 5.
var statuses = []struct{ pattern, code, kind string }{
	{"default", "200", "Item"},
	{`.*\[BadRequest\].*`, "400", "Error"},
	{`.*\[NotFound\].*`, "404", "Error"},
	{`.*\[Conflict\].*`, "409", "Error"},
	{`(\n|.)*(Internal|Task timed out)(\n|.)*`, "500", "Error"},
}

func (w *writer) operation(i int) {
	fn := fmt.Sprintf("function%04d", i)
	w.str("operationId", fmt.Sprintf("operation%04d", i))
	w.str("summary", fmt.Sprintf("Operation %d on resource %d, backed by the Lambda function %s.", i, i, fn))
	w.key("parameters")
	w.open('[')
	for _, p := range [][2]string{{"id", "path"}, {"X-Trace-Id", "header"}, {"filter", "query"}, {"limit", "query"}} {
		w.sep()
		w.open('{')
		w.str("name", p[0])
		w.str("in", p[1])
		w.raw("required", strconv.FormatBool(p[1] == "path"))
		w.obj("schema", func() { w.str("type", "string") })
		w.close('}')
	}
	w.close(']')
	w.str("x-amazon-apigateway-request-validator", "params")
	count := 3 + i%3
	w.obj("responses", func() {
		for _, s := range statuses[:count] {
			w.obj(s.code, func() {
				w.str("description", "Status "+s.code)
				w.obj("headers", func() {
					for _, h := range []string{"Access-Control-Allow-Origin", "X-Request-Id"} {
						w.obj(h, func() { w.obj("schema", func() { w.str("type", "string") }) })
					}
				})
				w.obj("content", func() {
					w.obj("application/json", func() {
						w.obj("schema", func() { w.str("$ref", "#/components/schemas/"+s.kind) })
					})
				})
			})
		}
	})
	w.obj("x-amazon-apigateway-integration", func() {
		w.str("type", "aws")
		w.str("httpMethod", "POST")
		w.str("uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:"+fn+"/invocations")
		w.str("credentials", "arn:aws:iam::123456789012:role/apigateway-invoke")
		w.str("passthroughBehavior", "when_no_templates")
		w.raw("timeoutInMillis", "29000")
		w.obj("requestParameters", func() {
			w.str("integration.request.header.X-Amz-Invocation-Type", "'RequestResponse'")
			w.str("integration.request.header.X-Trace-Id", "method.request.header.X-Trace-Id")
		})
		w.obj("requestTemplates", func() {
			w.str("application/json", requestTemplate(i))
		})
		w.obj("responses", func() {
			for _, s := range statuses[:count] {
				w.obj(s.pattern, func() {
					w.str("statusCode", s.code)
					w.obj("responseParameters", func() {
						w.str("method.response.header.Access-Control-Allow-Origin", "'*'")
						w.str("method.response.header.X-Request-Id", "integration.response.header.x-amzn-RequestId")
					})
					w.obj("responseTemplates", func() {
						w.str("application/json", responseTemplate(s.code, s.kind))
					})
				})
			}
		})
	})
}

func requestTemplate(i int) string {
	return fmt.Sprintf(`#set($inputRoot = $input.path('$'))
#set($allParams = $input.params())
{
  "operation": "operation%04d",
  "id": "$util.escapeJavaScript($input.params('id'))",
  "filter": "$util.escapeJavaScript($input.params('filter'))",
  "limit": #if($input.params('limit') != "")$input.params('limit')#{else}20#end,
  "traceId": "$input.params().header.get('X-Trace-Id')",
  "body": $input.json('$'),
  "headers": {
    #foreach($name in $allParams.header.keySet())
    "$name": "$util.escapeJavaScript($allParams.header.get($name))"#if($foreach.hasNext),#end
    #end
  },
  "context": {
    "requestId": "$context.requestId",
    "sourceIp": "$context.identity.sourceIp",
    "stage": "$context.stage",
    "resourcePath": "$context.resourcePath"
  }
}`, i)
}

func responseTemplate(code, kind string) string {
	if kind == "Item" {
		return `#set($inputRoot = $input.path('$'))
{
  "id": "$inputRoot.id",
  "name": "$util.escapeJavaScript($inputRoot.name)",
  "price": $inputRoot.price,
  "tags": [
    #foreach($tag in $inputRoot.tags)
    "$util.escapeJavaScript($tag)"#if($foreach.hasNext),#end
    #end
  ],
  "requestId": "$context.requestId"
}`
	}
	return `#set($message = $input.path('$.errorMessage'))
{
  "status": ` + code + `,
  "message": "$util.escapeJavaScript($message).replaceAll("\\[[A-Za-z]+\\] ?", "")",
  "requestId": "$context.requestId",
  "path": "$context.resourcePath"
}`
}
