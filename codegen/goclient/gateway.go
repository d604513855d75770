package goclient

import (
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"github.com/dave/jennifer/jen"
)

// gatewayError emits GatewayError, which carries the headers the document's
// gateway responses map, and newGatewayError.
func (g *gen) gatewayError() {
	doc := []string{
		"GatewayError is an error status that the operation's integration responses do not produce:",
		"a response API Gateway writes itself (a gateway response such as DEFAULT_4XX,",
		"MISSING_AUTHENTICATION_TOKEN, ACCESS_DENIED or THROTTLED), or a status the document",
		"does not describe. API Gateway's own responses have the body {\"message\": \"...\"}.",
	}
	type mapped struct{ name, source, rtype string }
	var hs []mapped
	for _, gr := range g.gatewayResponses() {
		var names []string
		for _, h := range gr.headers {
			hs = append(hs, mapped{h.name, h.source, gr.rtype})
			names = append(names, h.name)
		}
		line := gr.rtype
		if gr.status != "" {
			line += " (status " + gr.status + ")"
		}
		if len(names) > 0 {
			line += " sets " + strings.Join(names, ", ")
		}
		if gr.template {
			line += "; its body comes from a template"
		}
		if len(doc) == 4 {
			doc = append(doc, "", "The document customises these gateway responses:")
		}
		doc = append(doc, "  - "+line+".")
	}
	fs := newScope("ErrorResponse", "Operation", "StatusCode", "Header", "RawBody", "Message", "Error")
	fields := []jen.Code{
		jen.Id("ErrorResponse"),
		jen.Comment("// Message is the body's message field, when it has one."),
		jen.Id("Message").String(),
	}
	var fill []jen.Code
	seen := map[string]bool{}
	for _, h := range hs {
		key := strings.ToLower(h.name)
		if seen[key] {
			continue
		}
		seen[key] = true
		f := fs.claim(goName(h.name), source.Pointer("/"+extensions.ExtGatewayResponses, h.rtype))
		fields = append(fields, comment(f+" is the "+h.name+" header, which "+h.rtype+" maps from "+h.source+".")...)
		fields = append(fields, jen.Id(f).String())
		fill = append(fill, jen.Id("e").Dot(f).Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(h.name)))
	}
	var code []jen.Code
	for _, l := range doc {
		code = append(code, comment(l)...)
		if l == "" {
			code = append(code, jen.Comment("//"))
		}
	}
	code = append(code, jen.Type().Id("GatewayError").Struct(fields...),
		jen.Line(),
		jen.Comment("// Error describes the status and API Gateway's message."),
		jen.Func().Params(jen.Id("e").Op("*").Id("GatewayError")).Id("Error").Params().String().Block(
			jen.If(jen.Id("e").Dot("Message").Op("!=").Lit("")).Block(
				jen.Return(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%s: %d %s: %s"), jen.Id("e").Dot("Operation"), jen.Id("e").Dot("StatusCode"),
					jen.Qual(pkgHTTP, "StatusText").Call(jen.Id("e").Dot("StatusCode")), jen.Id("e").Dot("Message")))),
			jen.Return(jen.Id("e").Dot("ErrorResponse").Dot("Error").Call()),
		),
		jen.Line(),
		jen.Comment("// newGatewayError reads an error status no integration response produces."),
		jen.Func().Id("newGatewayError").Params(jen.Id("op").String(), jen.Id("resp").Op("*").Qual(pkgHTTP, "Response"), jen.Id("raw").Index().Byte()).Op("*").Id("GatewayError").Block(
			append([]jen.Code{
				jen.Id("e").Op(":=").Op("&").Id("GatewayError").Values(jen.Id("ErrorResponse").Op(":").Id("errorResponse").Call(jen.Id("op"), jen.Id("resp"), jen.Id("raw"))),
				jen.Var().Id("body").Struct(jen.Id("Message").String().Tag(map[string]string{"json": "message"})),
				jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("body")).Op("==").Nil()).Block(
					jen.Id("e").Dot("Message").Op("=").Id("body").Dot("Message")),
			}, append(fill, jen.Return(jen.Id("e")))...)...,
		),
	)
	g.add([]string{"GatewayError", "newGatewayError"}, code...)
}
