package goclient

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"github.com/dave/jennifer/jen"
)

// operations emits one method per operation, with its Params, Response and
// error types, in document order.
func (g *gen) operations() {
	for _, op := range g.doc.Operations() {
		if slices.Contains(g.opts.LeaveOut, op) {
			continue
		}
		o := g.operation(op)
		g.cur = &Error{Operation: o.label, Pointer: op.Pointer}
		g.renderOperation(o)
		if len(g.errs) == 0 {
			g.flush(false)
		}
	}
	g.cur = nil
}

// leftOutComment is the package comment's list of the operations left
// out (Options.LeaveOut), in document order; "" when there are none.
func (g *gen) leftOutComment() string {
	var b strings.Builder
	for _, op := range g.doc.Operations() {
		if !slices.Contains(g.opts.LeaveOut, op) {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("//\n// It leaves out these operations, which the document has errors in:\n")
		}
		b.WriteString("//   - " + sanitizeLine(op.Name()) + "\n")
	}
	return b.String()
}

// renderOperation emits one operation.
func (g *gen) renderOperation(o *operation) {
	op, label := o.src, o.label
	name, err := g.pkg.name(o.seed, op.Pointer, o.goName)
	if err != nil {
		g.fail(op.Pointer, "%v", err)
		return
	}
	paramsType := ""
	var pathParams, query, headers []*param
	fields := newScope()
	var fieldCode []jen.Code
	for _, p := range o.params {
		p.field, err = fields.name(p.name, p.ptr, p.goName)
		if err != nil {
			g.fail(p.ptr, "%v", err)
			continue
		}
		st := jen.Id(p.field)
		switch {
		case p.array:
			st.Index().Add(p.typ)
		case p.required:
			st.Add(p.typ)
		default:
			st.Op("*").Add(p.typ)
		}
		if p.implicit {
			fieldCode = append(fieldCode, jen.Comment("// "+p.field+" is the path parameter "+strconv.Quote(sanitizeLine(p.name))+"."))
		} else {
			where := map[string]string{"path": "path parameter", "query": "query parameter", "header": "header"}[p.in]
			fieldCode = append(fieldCode, comment(p.field+" is the "+where+" "+strconv.Quote(p.name)+".", p.desc)...)
		}
		fieldCode = append(fieldCode, st)
		switch p.in {
		case "path":
			pathParams = append(pathParams, p)
		case "query":
			query = append(query, p)
		default:
			headers = append(headers, p)
		}
	}
	parts, vars := pathParts(op.Path)
	if len(fieldCode) > 0 {
		paramsType = g.pkg.claim(name+"Params", op.Pointer+"/parameters")
		g.add([]string{paramsType}, append(comment(paramsType+" are the parameters of "+name+"."), jen.Type().Id(paramsType).Struct(fieldCode...))...)
	}
	b := o.body
	var bodyType jen.Code
	if b != nil {
		bodyType = jen.Qual(pkgIO, "Reader")
		if b.json {
			bodyType, _ = g.goType(b.schema, b.ptr, name+"Body", nil)
		}
	}

	statuses := o.statuses
	respType := g.pkg.claim(name+"Response", op.Pointer+"/responses")
	respFields := newScope("RawResponse", "StatusCode", "Header", "RawBody")
	var cases []jen.Code
	respCode := []jen.Code{jen.Id("RawResponse")}
	for _, st := range statuses {
		word := statusWord(st.code)
		if st.isError {
			cases = append(cases, g.errorType(name, label, st, word))
			continue
		}
		typ, fill := g.statusType(name, label, st, word)
		if typ == "" {
			continue
		}
		f := respFields.claim(word, st.ptr)
		respCode = append(respCode, jen.Comment("// "+f+" is set when the status is "+strconv.Itoa(st.code)+"."), jen.Id(f).Op("*").Id(typ))
		cases = append(cases, jen.Case(jen.Lit(st.code)).Block(append(
			[]jen.Code{jen.Id("s").Op(":=").Op("&").Id(typ).Values()},
			append(fill, jen.Id("out").Dot(f).Op("=").Id("s"))...)...))
	}
	cases = append(cases, jen.Default().Block(
		jen.If(jen.Id("resp").Dot("StatusCode").Op(">=").Lit(400)).Block(
			jen.Return(jen.Id("out"), jen.Id("newGatewayError").Call(jen.Lit(label), jen.Id("resp"), jen.Id("raw"))))))
	which := "its integration responses select"
	if o.proxy {
		which = "the document declares (a proxy integration: the backend chooses the status)"
	}
	respDoc := respType + " is the response of " + name + ": a field for each success status " + which + ", set when that status is received."
	if len(respCode) == 1 {
		respDoc = respType + " is the response of " + name + ". Its success statuses have no body or headers to decode; StatusCode, Header and RawBody say what came back."
	}
	g.add([]string{respType}, append(comment(respDoc), jen.Type().Id(respType).Struct(respCode...))...)

	// The method.
	args := []jen.Code{jen.Id("ctx").Qual(pkgCtx, "Context")}
	httpMethod := jen.Lit(op.Method)
	if op.Method == "ANY" {
		args = append(args, jen.Id("method").String())
		httpMethod = jen.Id("method")
	}
	if paramsType != "" {
		args = append(args, jen.Id("params").Id(paramsType))
	}
	if b != nil {
		if b.json && !b.required {
			args = append(args, jen.Id("body").Op("*").Add(bodyType))
		} else {
			args = append(args, jen.Id("body").Add(bodyType))
		}
	}
	var stmts []jen.Code
	// Path.
	var pathExpr *jen.Statement
	for i, part := range parts {
		var e jen.Code
		if vars[i] {
			pname := strings.TrimSuffix(part, "+")
			pi := slices.IndexFunc(pathParams, func(p *param) bool { return p.name == pname })
			p := pathParams[pi]
			e = jen.Id("pathParam").Call(jen.Id("paramString").Call(jen.Id("params").Dot(p.field)), jen.Lit(strings.HasSuffix(part, "+")))
		} else {
			e = jen.Lit(part)
		}
		if pathExpr == nil {
			pathExpr = jen.Add(e)
		} else {
			pathExpr = pathExpr.Op("+").Add(e)
		}
	}
	if pathExpr == nil {
		pathExpr = jen.Lit("/")
	}
	queryArg := jen.Nil()
	if len(query) > 0 {
		queryArg = jen.Id("q")
		stmts = append(stmts, jen.Id("q").Op(":=").Qual(pkgURL, "Values").Values())
		for _, p := range query {
			stmts = append(stmts, setParam(p, jen.Id("q").Dot("Add"))...)
		}
	}
	header := jen.Nil()
	if len(headers) > 0 {
		header = jen.Id("h")
		stmts = append(stmts, jen.Id("h").Op(":=").Qual(pkgHTTP, "Header").Values())
		for _, p := range headers {
			stmts = append(stmts, setParam(p, jen.Id("h").Dot("Add"))...)
		}
	}
	reader, contentType := jen.Nil(), jen.Lit("")
	if b != nil {
		contentType = jen.Lit(b.contentType)
		switch {
		case !b.json:
			reader = jen.Id("body")
		case b.required:
			reader = jen.Id("reader")
			stmts = append(stmts,
				jen.List(jen.Id("reader"), jen.Err()).Op(":=").Id("jsonBody").Call(jen.Lit(label), jen.Id("body")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())))
		default:
			reader = jen.Id("reader")
			stmts = append(stmts,
				jen.Var().Id("reader").Qual(pkgIO, "Reader"),
				jen.If(jen.Id("body").Op("!=").Nil()).Block(
					jen.Var().Err().Error(),
					jen.If(jen.List(jen.Id("reader"), jen.Err()).Op("=").Id("jsonBody").Call(jen.Lit(label), jen.Id("body")), jen.Err().Op("!=").Nil()).Block(
						jen.Return(jen.Nil(), jen.Err()))))
		}
	}
	stmts = append(stmts,
		jen.List(jen.Id("resp"), jen.Id("raw"), jen.Err()).Op(":=").Id("c").Dot("do").Call(
			jen.Id("ctx"), httpMethod, pathExpr, queryArg, header, reader, contentType, jen.Lit(o.apiKey)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("out").Op(":=").Op("&").Id(respType).Values(jen.Id("RawResponse").Op(":").Id("RawResponse").Values(
			jen.Id("resp").Dot("StatusCode"), jen.Id("resp").Dot("Header"), jen.Id("raw"))),
		jen.Switch(jen.Id("resp").Dot("StatusCode")).Block(cases...),
		jen.Return(jen.Id("out"), jen.Nil()),
	)

	doc := []string{name + " calls " + op.Method + " " + op.Path + "."}
	var texts []string
	texts = append(texts, op.Summary, op.Description)
	var notes []string
	switch o.auth {
	case "AWS_IAM":
		notes = append(notes, "The method uses AWS_IAM authorization: sign requests with SigV4 in a WithRequestEditor.")
	case "CUSTOM", "COGNITO_USER_POOLS":
		notes = append(notes, "The method uses a "+o.auth+" authorizer: add its token in a WithRequestEditor.")
	}
	if o.apiKey {
		notes = append(notes, "The method requires an API key (WithAPIKey).")
	}
	if len(statuses) > 0 {
		var errs []string
		for _, st := range statuses {
			if st.isError {
				errs = append(errs, strconv.Itoa(st.code))
			}
		}
		if len(errs) > 0 {
			notes = append(notes, "Typed errors for "+strings.Join(errs, ", ")+"; *GatewayError for other 4xx/5xx.")
		}
	}
	texts = append(texts, strings.Join(notes, " "))
	if o.deprecated {
		texts = append(texts, "Deprecated: the document marks this operation as deprecated.")
	}
	g.add([]string{name}, append(comment(doc[0], texts...),
		jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(name).Params(args...).Params(jen.Op("*").Id(respType), jen.Error()).Block(stmts...))...)
	g.out[len(g.out)-1].src = &Error{Operation: label, Pointer: op.Pointer}
}

// setParam adds a query parameter or header from params.
func setParam(p *param, add *jen.Statement) []jen.Code {
	v := jen.Id("params").Dot(p.field)
	if p.required && !p.array {
		return []jen.Code{jen.Add(add).Call(jen.Lit(p.name), jen.Id("paramString").Call(v))}
	}
	return []jen.Code{jen.Id("addParam").Call(add, jen.Lit(p.name), v)}
}

// headerField is a typed response header field.
type headerField struct {
	field string
	h     header
}

// headerFields names the typed header fields of a status in scope fs.
func (g *gen) headerFields(st status, fs *scope) ([]jen.Code, []headerField) {
	var code []jen.Code
	var out []headerField
	for _, h := range st.headers {
		f := fs.claim(goName(h.name), source.Pointer(st.ptr+"/headers", h.name))
		typ := jen.String()
		if k := classify(h.schema); h.schema != nil && (k == kPrim || k == kEnum) {
			typ = primType(h.schema)
		}
		d := f + " is the " + h.name + " header"
		if h.source != "" {
			d += " (mapped from " + h.source + ")"
		}
		code = append(code, comment(d+".", source.Scalar(source.Get(h.schema, "description")))...)
		code = append(code, jen.Id(f).Add(typ))
		out = append(out, headerField{field: f, h: h})
	}
	return code, out
}

// fillStatus decodes the body (when typed) and the headers of s from the response.
func fillStatus(label string, hasBody bool, hs []headerField) []jen.Code {
	if !hasBody && len(hs) == 0 {
		return nil
	}
	body := jen.Nil()
	if hasBody {
		body = jen.Op("&").Id("s").Dot("Body")
	}
	args := []jen.Code{jen.Lit(label), jen.Id("resp"), jen.Id("raw"), body}
	for _, hf := range hs {
		args = append(args, jen.Lit(hf.h.name), jen.Op("&").Id("s").Dot(hf.field))
	}
	return []jen.Code{jen.If(jen.Err().Op(":=").Id("fill").Call(args...), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Id("out"), jen.Err()))}
}

// statusDoc describes where a status comes from.
func statusDoc(st status) []string {
	var out []string
	for _, p := range st.patterns {
		if p == "" {
			out = append(out, "Selected when no selection pattern matches (the default integration response).")
		} else {
			out = append(out, "Selected when the backend result matches "+strconv.Quote(p)+".")
		}
	}
	if len(st.types) > 0 {
		out = append(out, "Templates produce "+strings.Join(st.types, ", ")+".")
	}
	return out
}

// statusType declares the type of a non-error status and returns the
// statements that fill it (s) from resp and raw. It returns "" when the
// status has neither a typed body nor headers.
func (g *gen) statusType(name, label string, st status, word string) (string, []jen.Code) {
	if st.schema == nil && len(st.headers) == 0 {
		return "", nil
	}
	typ := g.pkg.claim(name+word, st.ptr)
	fs := newScope("Body")
	var fields, fill []jen.Code
	if st.schema != nil {
		t, _ := g.goType(st.schema, st.ptr+"/schema", typ+"Body", nil)
		fields = append(fields, jen.Comment("// Body is the decoded JSON body."), jen.Id("Body").Add(t))
	}
	hc, hs := g.headerFields(st, fs)
	fields = append(fields, hc...)
	fill = append(fill, fillStatus(label, st.schema != nil, hs)...)
	doc := comment(typ+" is the "+strconv.Itoa(st.code)+" response of "+name+".", cmp.Or(st.desc), strings.Join(statusDoc(st), " "))
	g.add([]string{typ}, append(doc, jen.Type().Id(typ).Struct(fields...))...)
	return typ, fill
}

// errorType declares the error type of an error status and returns the
// switch case that returns it.
func (g *gen) errorType(name, label string, st status, word string) jen.Code {
	typ := g.pkg.claim(name+strings.TrimSuffix(word, "Error")+"Error", st.ptr)
	fs := newScope("ErrorResponse", "Operation", "StatusCode", "Header", "RawBody", "Body", "Error")
	fields := []jen.Code{jen.Id("ErrorResponse")}
	fill := []jen.Code{jen.Id("s").Op(":=").Op("&").Id(typ).Values(jen.Id("ErrorResponse").Op(":").Id("errorResponse").Call(jen.Lit(label), jen.Id("resp"), jen.Id("raw")))}
	if st.schema != nil {
		t, _ := g.goType(st.schema, st.ptr+"/schema", typ+"Body", nil)
		fields = append(fields, jen.Comment("// Body is the decoded JSON body."), jen.Id("Body").Add(t))
	}
	hc, hs := g.headerFields(st, fs)
	fields = append(fields, hc...)
	fill = append(fill, fillStatus(label, st.schema != nil, hs)...)
	fill = append(fill, jen.Return(jen.Id("out"), jen.Id("s")))
	doc := comment(typ+" is the "+strconv.Itoa(st.code)+" error of "+name+" (read it with errors.As).", st.desc, strings.Join(statusDoc(st), " "))
	g.add([]string{typ}, append(doc, jen.Type().Id(typ).Struct(fields...))...)
	return jen.Case(jen.Lit(st.code)).Block(fill...)
}
