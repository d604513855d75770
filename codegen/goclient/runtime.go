package goclient

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"github.com/dave/jennifer/jen"
)

// runtimeNames are the exported identifiers of the fixed part of every
// client; schema and operation names never take them.
var runtimeNames = []string{
	"Client", "NewClient", "Option", "WithHTTPClient", "WithRequestEditor", "WithAPIKey",
	"RequestEditorFn", "HTTPDoer", "GatewayError", "DefaultBaseURL", "APIKeyHeader", "ErrorResponse", "RawResponse",
}

const (
	pkgHTTP = "net/http"
	pkgJSON = "encoding/json"
	pkgFmt  = "fmt"
	pkgConv = "strconv"
	pkgCtx  = "context"
	pkgURL  = "net/url"
	pkgStr  = "strings"
	pkgIO   = "io"
)

func (g *gen) add(names []string, code ...jen.Code) {
	g.out = append(g.out, decl{names: names, src: &Error{}, code: code})
}

var serverVar = regexp.MustCompile(`\{([^{}]*)\}`)

// baseURL is the document's absolute base URL, or "".
func (g *gen) baseURL() string {
	var raw string
	if g.v2 {
		host := source.Scalar(source.Get(g.root, "host"))
		if host == "" {
			return ""
		}
		scheme := "https"
		if ss := strs(source.Get(g.root, "schemes")); len(ss) > 0 && !contains(ss, "https") {
			scheme = ss[0]
		}
		raw = scheme + "://" + host + source.Scalar(source.Get(g.root, "basePath"))
	} else {
		servers := source.Items(source.Get(g.root, "servers"))
		if len(servers) == 0 {
			return ""
		}
		s := servers[0]
		raw = serverVar.ReplaceAllStringFunc(source.Scalar(source.Get(s, "url")), func(m string) string {
			return source.Scalar(source.Get(source.Get(source.Get(s, "variables"), m[1:len(m)-1]), "default"))
		})
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" || strings.ContainsAny(raw, "{}") {
		return ""
	}
	return strings.TrimRight(raw, "/")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// paramCase is addParam's case for a pointer type.
func paramCase(t jen.Code) jen.Code {
	return jen.Case(t).Block(jen.If(jen.Id("v").Op("!=").Nil()).Block(
		jen.Id("add").Call(jen.Id("name"), jen.Id("paramString").Call(jen.Op("*").Id("v")))))
}

// sliceCase is addParam's case for a slice type.
func sliceCase(t jen.Code) jen.Code {
	return jen.Case(t).Block(jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("v")).Block(
		jen.Id("add").Call(jen.Id("name"), jen.Id("paramString").Call(jen.Id("x")))))
}

// runtime emits the fixed part of the client: Client, its options and the
// helpers the operations share.
func (g *gen) runtime() {
	base := g.baseURL()
	if base != "" {
		g.add([]string{"DefaultBaseURL"},
			jen.Comment("// DefaultBaseURL is the API's URL as the document gives it (servers, or host and basePath)."),
			jen.Const().Id("DefaultBaseURL").Op("=").Lit(base))
	}
	g.add([]string{"APIKeyHeader"},
		jen.Comment("// APIKeyHeader is the header API Gateway reads API keys from."),
		jen.Const().Id("APIKeyHeader").Op("=").Lit("x-api-key"))
	g.add([]string{"HTTPDoer"},
		jen.Comment("// HTTPDoer sends HTTP requests; *http.Client is one."),
		jen.Type().Id("HTTPDoer").Interface(
			jen.Id("Do").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()),
		))
	g.add([]string{"RequestEditorFn"},
		jen.Comment("// RequestEditorFn changes a request before it is sent: sign it with SigV4"),
		jen.Comment("// for AWS_IAM methods, or add an authorization token."),
		jen.Type().Id("RequestEditorFn").Func().Params(jen.Id("ctx").Qual(pkgCtx, "Context"), jen.Id("req").Op("*").Qual(pkgHTTP, "Request")).Error())
	g.add([]string{"Option"},
		jen.Comment("// Option configures a Client."),
		jen.Type().Id("Option").Func().Params(jen.Op("*").Id("Client")).Error())
	g.add([]string{"Client"},
		jen.Comment("// Client calls the API. It is safe for concurrent use."),
		jen.Type().Id("Client").Struct(
			jen.Id("baseURL").String(),
			jen.Id("doer").Id("HTTPDoer"),
			jen.Id("editors").Index().Id("RequestEditorFn"),
			jen.Id("apiKey").String(),
		))
	var dflt []jen.Code
	doc := "// NewClient returns a client for the API at baseURL, such as https://abc123.execute-api.us-east-1.amazonaws.com/prod."
	if base != "" {
		doc = "// NewClient returns a client for the API at baseURL; an empty baseURL means DefaultBaseURL."
		dflt = []jen.Code{jen.If(jen.Id("baseURL").Op("==").Lit("")).Block(jen.Id("baseURL").Op("=").Id("DefaultBaseURL"))}
	}
	g.add([]string{"NewClient"},
		jen.Comment(doc),
		jen.Func().Id("NewClient").Params(jen.Id("baseURL").String(), jen.Id("opts").Op("...").Id("Option")).Params(jen.Op("*").Id("Client"), jen.Error()).Block(
			append(dflt,
				jen.List(jen.Id("u"), jen.Err()).Op(":=").Qual(pkgURL, "Parse").Call(jen.Id("baseURL")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("base URL: %w"), jen.Err()))),
				jen.If(jen.Op("!").Id("u").Dot("IsAbs").Call().Op("||").Id("u").Dot("Host").Op("==").Lit("")).Block(
					jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("base URL %q is not an absolute URL"), jen.Id("baseURL")))),
				jen.Id("c").Op(":=").Op("&").Id("Client").Values(jen.Dict{
					jen.Id("baseURL"): jen.Qual(pkgStr, "TrimRight").Call(jen.Id("baseURL"), jen.Lit("/")),
					jen.Id("doer"):    jen.Qual(pkgHTTP, "DefaultClient"),
				}),
				jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(
					jen.If(jen.Err().Op(":=").Id("opt").Call(jen.Id("c")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				),
				jen.Return(jen.Id("c"), jen.Nil()),
			)...,
		))
	option := func(name, doc string, param jen.Code, body ...jen.Code) {
		g.add([]string{name},
			jen.Comment(doc),
			jen.Func().Id(name).Params(param).Id("Option").Block(
				jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Error().Block(append(body, jen.Return(jen.Nil()))...)),
			))
	}
	option("WithHTTPClient", "// WithHTTPClient sends requests with doer instead of http.DefaultClient.",
		jen.Id("doer").Id("HTTPDoer"),
		jen.If(jen.Id("doer").Op("==").Nil()).Block(jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("WithHTTPClient: nil client")))),
		jen.Id("c").Dot("doer").Op("=").Id("doer"))
	option("WithRequestEditor", "// WithRequestEditor calls fn on every request before it is sent, after the API key is set.",
		jen.Id("fn").Id("RequestEditorFn"),
		jen.Id("c").Dot("editors").Op("=").Append(jen.Id("c").Dot("editors"), jen.Id("fn")))
	option("WithAPIKey", "// WithAPIKey sends key in the x-api-key header to the methods that require an API key.",
		jen.Id("key").String(),
		jen.Id("c").Dot("apiKey").Op("=").Id("key"))

	g.add([]string{"do"},
		jen.Comment("// do sends a request for path (with the query and headers; body, when not"),
		jen.Comment("// nil, as contentType), applying the API key and the request editors, and"),
		jen.Comment("// reads the whole response."),
		jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("do").Params(
			jen.Id("ctx").Qual(pkgCtx, "Context"), jen.List(jen.Id("method"), jen.Id("path")).String(), jen.Id("query").Qual(pkgURL, "Values"),
			jen.Id("header").Qual(pkgHTTP, "Header"), jen.Id("body").Qual(pkgIO, "Reader"), jen.Id("contentType").String(), jen.Id("apiKey").Bool(),
		).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Index().Byte(), jen.Error()).Block(
			jen.Id("u").Op(":=").Id("c").Dot("baseURL").Op("+").Id("path"),
			jen.If(jen.Len(jen.Id("query")).Op(">").Lit(0)).Block(jen.Id("u").Op("+=").Lit("?").Op("+").Id("query").Dot("Encode").Call()),
			jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual(pkgHTTP, "NewRequestWithContext").Call(jen.Id("ctx"), jen.Id("method"), jen.Id("u"), jen.Id("body")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Err())),
			jen.For(jen.List(jen.Id("k"), jen.Id("vs")).Op(":=").Range().Id("header")).Block(
				jen.Id("req").Dot("Header").Index(jen.Id("k")).Op("=").Id("vs")),
			jen.If(jen.Id("body").Op("!=").Nil()).Block(jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType"))),
			jen.If(jen.Id("apiKey").Op("&&").Id("c").Dot("apiKey").Op("!=").Lit("")).Block(
				jen.Id("req").Dot("Header").Dot("Set").Call(jen.Id("APIKeyHeader"), jen.Id("c").Dot("apiKey"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("edit")).Op(":=").Range().Id("c").Dot("editors")).Block(
				jen.If(jen.Err().Op(":=").Id("edit").Call(jen.Id("ctx"), jen.Id("req")), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Nil(), jen.Nil(), jen.Err()))),
			jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("doer").Dot("Do").Call(jen.Id("req")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Err())),
			jen.Defer().Id("resp").Dot("Body").Dot("Close").Call(),
			jen.List(jen.Id("raw"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Id("resp").Dot("Body")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Err())),
			jen.Return(jen.Id("resp"), jen.Id("raw"), jen.Nil()),
		))
	g.add([]string{"jsonBody"},
		jen.Comment("// jsonBody encodes a request body as JSON."),
		jen.Func().Id("jsonBody").Params(jen.Id("op").String(), jen.Id("v").Any()).Params(jen.Qual(pkgIO, "Reader"), jen.Error()).Block(
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%s: encoding the request body: %w"), jen.Id("op"), jen.Err()))),
			jen.Return(jen.Qual("bytes", "NewReader").Call(jen.Id("data")), jen.Nil()),
		))
	g.add([]string{"decodeJSON"},
		jen.Comment("// decodeJSON decodes a JSON body into v; an empty body leaves v as it is."),
		jen.Func().Id("decodeJSON").Params(jen.Id("raw").Index().Byte(), jen.Id("v").Any()).Error().Block(
			jen.If(jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("raw"))).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("raw"), jen.Id("v"))),
		))
	g.add([]string{"paramString"},
		jen.Comment("// paramString formats a path, query or header parameter."),
		jen.Func().Id("paramString").Params(jen.Id("v").Any()).String().Block(
			jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
				jen.Case(jen.String()).Block(jen.Return(jen.Id("v"))),
				jen.Case(jen.Int32()).Block(jen.Return(jen.Qual(pkgConv, "FormatInt").Call(jen.Int64().Call(jen.Id("v")), jen.Lit(10)))),
				jen.Case(jen.Int64()).Block(jen.Return(jen.Qual(pkgConv, "FormatInt").Call(jen.Id("v"), jen.Lit(10)))),
				jen.Case(jen.Float64()).Block(jen.Return(jen.Qual(pkgConv, "FormatFloat").Call(jen.Id("v"), jen.LitByte('g'), jen.Lit(-1), jen.Lit(64)))),
				jen.Case(jen.Bool()).Block(jen.Return(jen.Qual(pkgConv, "FormatBool").Call(jen.Id("v")))),
			),
			jen.Return(jen.Qual(pkgFmt, "Sprint").Call(jen.Id("v"))),
		))
	g.add([]string{"pathParam"},
		jen.Comment("// pathParam escapes a path parameter; a greedy one ({proxy+}) keeps its slashes."),
		jen.Func().Id("pathParam").Params(jen.Id("v").String(), jen.Id("greedy").Bool()).String().Block(
			jen.If(jen.Op("!").Id("greedy")).Block(jen.Return(jen.Qual(pkgURL, "PathEscape").Call(jen.Id("v")))),
			jen.Id("parts").Op(":=").Qual(pkgStr, "Split").Call(jen.Id("v"), jen.Lit("/")),
			jen.For(jen.Id("i").Op(":=").Range().Id("parts")).Block(
				jen.Id("parts").Index(jen.Id("i")).Op("=").Qual(pkgURL, "PathEscape").Call(jen.Id("parts").Index(jen.Id("i")))),
			jen.Return(jen.Qual(pkgStr, "Join").Call(jen.Id("parts"), jen.Lit("/"))),
		))
	g.add([]string{"readHeaders"},
		jen.Comment("// readHeaders parses headers into typed fields: pairs of a header name and"),
		jen.Comment("// a *string, *int64, *int32, *float64 or *bool. An absent header leaves its"),
		jen.Comment("// field as it is."),
		jen.Func().Id("readHeaders").Params(jen.Id("op").String(), jen.Id("h").Qual(pkgHTTP, "Header"), jen.Id("pairs").Op("...").Any()).Error().Block(
			jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("+").Lit(1).Op("<").Len(jen.Id("pairs")), jen.Id("i").Op("+=").Lit(2)).Block(
				jen.Id("name").Op(":=").Id("pairs").Index(jen.Id("i")).Assert(jen.String()),
				jen.Id("s").Op(":=").Id("h").Dot("Get").Call(jen.Id("name")),
				jen.If(jen.Id("s").Op("==").Lit("")).Block(jen.Continue()),
				jen.Var().Err().Error(),
				jen.Switch(jen.Id("v").Op(":=").Id("pairs").Index(jen.Id("i").Op("+").Lit(1)).Assert(jen.Type())).Block(
					jen.Case(jen.Op("*").String()).Block(jen.Op("*").Id("v").Op("=").Id("s")),
					jen.Case(jen.Op("*").Int64()).Block(jen.List(jen.Op("*").Id("v"), jen.Err()).Op("=").Qual(pkgConv, "ParseInt").Call(jen.Id("s"), jen.Lit(10), jen.Lit(64))),
					jen.Case(jen.Op("*").Int32()).Block(
						jen.Var().Id("n").Int64(),
						jen.List(jen.Id("n"), jen.Err()).Op("=").Qual(pkgConv, "ParseInt").Call(jen.Id("s"), jen.Lit(10), jen.Lit(32)),
						jen.Op("*").Id("v").Op("=").Int32().Call(jen.Id("n"))),
					jen.Case(jen.Op("*").Float64()).Block(jen.List(jen.Op("*").Id("v"), jen.Err()).Op("=").Qual(pkgConv, "ParseFloat").Call(jen.Id("s"), jen.Lit(64))),
					jen.Case(jen.Op("*").Bool()).Block(jen.List(jen.Op("*").Id("v"), jen.Err()).Op("=").Qual(pkgConv, "ParseBool").Call(jen.Id("s"))),
				),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%s: header %s: %w"), jen.Id("op"), jen.Id("name"), jen.Err()))),
			),
			jen.Return(jen.Nil()),
		))
	g.add([]string{"decodeBody"},
		jen.Comment("// decodeBody decodes the JSON body of a status into v."),
		jen.Func().Id("decodeBody").Params(jen.Id("op").String(), jen.Id("status").Int(), jen.Id("raw").Index().Byte(), jen.Id("v").Any()).Error().Block(
			jen.If(jen.Err().Op(":=").Id("decodeJSON").Call(jen.Id("raw"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%s: decoding the %d body: %w"), jen.Id("op"), jen.Id("status"), jen.Err()))),
			jen.Return(jen.Nil()),
		))
	g.add([]string{"RawResponse"},
		jen.Comment("// RawResponse is what every operation's response has: the status, the"),
		jen.Comment("// headers and the body as received."),
		jen.Type().Id("RawResponse").Struct(
			jen.Comment("// StatusCode is the HTTP status code."),
			jen.Id("StatusCode").Int(),
			jen.Comment("// Header holds every response header."),
			jen.Id("Header").Qual(pkgHTTP, "Header"),
			jen.Comment("// Body is the response body as received."),
			jen.Id("Body").Index().Byte(),
		))
	g.add([]string{"fill"},
		jen.Comment("// fill decodes the JSON body of a response into body (unless nil) and its"),
		jen.Comment("// headers into typed fields (see readHeaders)."),
		jen.Func().Id("fill").Params(jen.Id("op").String(), jen.Id("resp").Op("*").Qual(pkgHTTP, "Response"), jen.Id("raw").Index().Byte(), jen.Id("body").Any(), jen.Id("headers").Op("...").Any()).Error().Block(
			jen.If(jen.Id("body").Op("!=").Nil()).Block(
				jen.If(jen.Err().Op(":=").Id("decodeBody").Call(jen.Id("op"), jen.Id("resp").Dot("StatusCode"), jen.Id("raw"), jen.Id("body")), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Err()))),
			jen.Return(jen.Id("readHeaders").Call(jen.Id("op"), jen.Id("resp").Dot("Header"), jen.Id("headers").Op("..."))),
		))
	g.add([]string{"addParam"},
		jen.Comment("// addParam adds an optional or repeated parameter with add (url.Values.Add,"),
		jen.Comment("// http.Header.Add): nothing for a nil pointer, each element of a slice."),
		jen.Func().Id("addParam").Params(jen.Id("add").Func().Params(jen.List(jen.Id("key"), jen.Id("value")).String()), jen.Id("name").String(), jen.Id("v").Any()).Block(
			jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
				paramCase(jen.Op("*").String()), paramCase(jen.Op("*").Int64()), paramCase(jen.Op("*").Int32()), paramCase(jen.Op("*").Float64()), paramCase(jen.Op("*").Bool()),
				sliceCase(jen.Index().String()), sliceCase(jen.Index().Int64()), sliceCase(jen.Index().Int32()), sliceCase(jen.Index().Float64()), sliceCase(jen.Index().Bool()),
				jen.Default().Block(jen.Id("add").Call(jen.Id("name"), jen.Id("paramString").Call(jen.Id("v")))),
			),
		))
	g.add([]string{"ErrorResponse"},
		jen.Comment("// ErrorResponse is what every typed error of the client carries: the status,"),
		jen.Comment("// the headers and the body as received."),
		jen.Type().Id("ErrorResponse").Struct(
			jen.Comment("// Operation names the operation that was called."),
			jen.Id("Operation").String(),
			jen.Comment("// StatusCode is the HTTP status code."),
			jen.Id("StatusCode").Int(),
			jen.Comment("// Header holds every response header."),
			jen.Id("Header").Qual(pkgHTTP, "Header"),
			jen.Comment("// RawBody is the response body as received."),
			jen.Id("RawBody").Index().Byte(),
		),
		jen.Line(),
		jen.Comment("// Error describes the status and the start of the body."),
		jen.Func().Params(jen.Id("e").Op("*").Id("ErrorResponse")).Id("Error").Params().String().Block(
			jen.Return(jen.Id("statusError").Call(jen.Id("e").Dot("Operation"), jen.Id("e").Dot("StatusCode"), jen.Id("e").Dot("RawBody")))),
		jen.Line(),
		jen.Comment("// errorResponse returns the ErrorResponse of resp."),
		jen.Func().Id("errorResponse").Params(jen.Id("op").String(), jen.Id("resp").Op("*").Qual(pkgHTTP, "Response"), jen.Id("raw").Index().Byte()).Id("ErrorResponse").Block(
			jen.Return(jen.Id("ErrorResponse").Values(jen.Dict{
				jen.Id("Operation"):  jen.Id("op"),
				jen.Id("StatusCode"): jen.Id("resp").Dot("StatusCode"),
				jen.Id("Header"):     jen.Id("resp").Dot("Header"),
				jen.Id("RawBody"):    jen.Id("raw"),
			}))),
	)
	g.add([]string{"statusError"},
		jen.Comment("// statusError is the text of an error response: the operation, the status"),
		jen.Comment("// and the start of the body."),
		jen.Func().Id("statusError").Params(jen.Id("op").String(), jen.Id("status").Int(), jen.Id("body").Index().Byte()).String().Block(
			jen.Id("s").Op(":=").Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s: %d %s"), jen.Id("op"), jen.Id("status"), jen.Qual(pkgHTTP, "StatusText").Call(jen.Id("status"))),
			jen.If(jen.Id("b").Op(":=").Qual("bytes", "TrimSpace").Call(jen.Id("body")), jen.Len(jen.Id("b")).Op(">").Lit(0)).Block(
				jen.If(jen.Len(jen.Id("b")).Op(">").Lit(200)).Block(jen.Id("b").Op("=").Id("b").Index(jen.Empty(), jen.Lit(200))),
				jen.Id("s").Op("+=").Lit(": ").Op("+").Qual(pkgConv, "QuoteToASCII").Call(jen.String().Call(jen.Id("b")))),
			jen.Return(jen.Id("s")),
		))
	g.gatewayError()
}
