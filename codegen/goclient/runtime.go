package goclient

import (
	_ "embed"
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// runtimeSource is the fixed part of every client: an ordinary Go file,
// compiled and tested in package internal/runtime.
//
//go:embed internal/runtime/runtime.go
var runtimeSource string

// runtimeDecl is one top-level declaration of the runtime, as written.
type runtimeDecl struct {
	name string // the identifier it declares (a method's is its receiver's)
	text string // from its doc comment to its end
}

// rt is the runtime split into its imports and declarations, once.
var rt = sync.OnceValue(func() (out struct {
	imports []string // import lines as a formatted file writes them ("\"bytes\"")
	decls   []runtimeDecl
	body    int // offset of the package clause's end, for renaming
}) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "runtime.go", runtimeSource, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		panic("goclient: the embedded runtime does not parse: " + err.Error()) // tested
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	out.body = off(f.Name.End())
	for _, imp := range f.Imports {
		out.imports = append(out.imports, runtimeSource[off(imp.Pos()):off(imp.End())])
	}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		start := d.Pos()
		if doc := declDoc(d); doc != nil {
			start = doc.Pos()
		}
		out.decls = append(out.decls, runtimeDecl{name: declName(d), text: runtimeSource[off(start):off(d.End())]})
	}
	return out
})

// declDoc is a top-level declaration's doc comment.
func declDoc(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	}
	return nil
}

// runtimeFile is the runtime as a file of package pkg, for the type check.
func runtimeFile(pkg string) []byte {
	return []byte("package " + pkg + runtimeSource[rt().body:])
}

// generatedNames are the fixed names of the parts of the client that depend
// on the document.
var generatedNames = []string{"DefaultBaseURL", "NewClient", "GatewayError", "newGatewayError"}

// reservedNames are the package-level identifiers of the runtime and of the
// fixed generated declarations: no schema or operation takes them.
func reservedNames() []string {
	names := slices.Clone(generatedNames)
	for _, d := range rt().decls {
		names = append(names, d.name)
	}
	return names
}

const (
	pkgHTTP = "net/http"
	pkgJSON = "encoding/json"
	pkgFmt  = "fmt"
	pkgCtx  = "context"
	pkgURL  = "net/url"
	pkgStr  = "strings"
	pkgIO   = "io"
)

func (g *gen) add(names []string, code ...jen.Code) {
	g.out = append(g.out, decl{names: names, src: &Error{}, code: code})
}

// baseURL is the document's absolute base URL, or "".
func (g *gen) baseURL() string {
	raw := g.doc.ServerURL()
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" || strings.ContainsAny(raw, "{}") {
		return ""
	}
	return strings.TrimRight(raw, "/")
}

// runtime emits the part of the client that every client has: the runtime's
// declarations as written, with DefaultBaseURL before them, NewClient after
// Client, and GatewayError after them.
func (g *gen) runtime() {
	base := g.baseURL()
	if base != "" {
		g.add([]string{"DefaultBaseURL"},
			jen.Comment("// DefaultBaseURL is the API's URL as the document gives it (servers, or host and basePath)."),
			jen.Const().Id("DefaultBaseURL").Op("=").Lit(base))
	}
	for _, d := range rt().decls {
		g.out = append(g.out, decl{names: []string{d.name}, src: &Error{}, text: d.text})
		if d.name == "Client" {
			g.newClient(base)
		}
	}
	g.gatewayError()
}

// newClient emits NewClient, which falls back to DefaultBaseURL when the
// document gives one.
func (g *gen) newClient(base string) {
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
}
