package openapi

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/simulate"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/extensions/vtl"
	"go.yaml.in/yaml/v4"
)

var templatesCheck = &DocumentCheck{Name: "mapping-templates", REST: true,
	Codes: []diag.Code{diag.TemplateSyntax, diag.TemplateRender, diag.TemplateShape, diag.GatewayTemplateVTL, diag.TemplateMockStatus}, run: checkTemplates,
	Doc: "REST APIs: every request and response mapping template is parsed as Apache Velocity 1.7, the engine API Gateway runs (APIGW440 at the line and column inside the document). The templates whose output can be computed offline (MOCK integrations; templates that read only $context, $stageVariables, $input.params or static text; templates given a sample body through x-apigw-example on the integration response or the method response's example) are rendered: a failure is APIGW441, a MOCK request template without an integer statusCode APIGW444, and a body that does not match the method response's model for its status and content type APIGW442. Gateway response templates are not VTL: directives in them are APIGW443."}

// checkTemplates parses every mapping template, renders what can be
// rendered offline and compares the bodies with the models.
func checkTemplates(p *pass) {
	for _, op := range p.ops {
		if op.integ == nil || op.proxy {
			continue
		}
		label := op.Method + " " + op.Path
		for _, t := range p.doc.templatesAt(op.integ.Node(), op.ext.Pointer, "requestTemplates", op.integ.RequestTemplates) {
			p.reportSyntax(t, "request template "+t.mediaType+" of "+label)
		}
		for _, r := range op.responses {
			for _, t := range p.doc.templatesAt(r.Entry.Node(), r.Pointer, "responseTemplates", r.Entry.ResponseTemplates) {
				p.reportSyntax(t, fmt.Sprintf("response template %s of integration response %q of %s", t.mediaType, r.Key, label))
			}
		}
		run := p.doc.offline(op.Operation)
		if run == nil {
			continue
		}
		if t, err := run.mockStatus(); t != nil && err != nil {
			var ve *vtl.Error
			if errors.As(err, &ve) {
				n, where := p.doc.templatePosition(t, ve)
				p.Add(diag.TemplateRender, n, t.pointer(), "the request template %s of %s fails when rendered offline%s: %s; %s; API Gateway answers 500 {\"message\": \"Internal server error\"}", t.mediaType, label, where, ve.Message, run.inputs())
			} else {
				p.Add(diag.TemplateMockStatus, t.node, t.pointer(), "the request template %s of the MOCK integration of %s gives no integer statusCode (%v) when rendered offline with %s: it renders %s; API Gateway answers 500 {\"message\": \"Internal server error\"}: write {\"statusCode\": 200} (a number) in the template", t.mediaType, label, err, run.inputs(), quoteOutput(run.requestOut))
			}
		}
		for _, s := range run.shapes() {
			switch s.Verdict {
			case ShapeRenderFailed:
				n, where := p.doc.templatePosition(s.template, s.renderErr)
				p.Add(diag.TemplateRender, n, s.Pointer, "the response template %s of integration response %q of %s fails when rendered offline%s: %s; rendered with %s; API Gateway answers 500 {\"message\": \"Internal server error\"}", s.MediaType, s.Key, label, where, s.Detail, s.Inputs)
			case ShapeMismatch:
				p.Add(diag.TemplateShape, s.template.node, s.Pointer, "the response template %s of integration response %q of %s renders a body that %s does not accept: %s; rendered with %s: %s", s.MediaType, s.Key, label, s.Model, s.Detail, s.Inputs, quoteOutput(s.Output))
			}
		}
	}
	p.checkGatewayTemplates()
}

// quoteOutput shows a rendered body in a message, cut to a readable length.
func quoteOutput(s string) string {
	const max = 300
	if r := []rune(s); len(r) > max {
		return fmt.Sprintf("%q… (%d characters)", string(r[:max]), len(r))
	}
	return fmt.Sprintf("%q", s)
}

// template is one mapping template as the document writes it.
type template struct {
	mediaType string
	// text is the template as API Gateway gets it: as written, or a
	// Fn::Sub string with its ${…} variables blanked out.
	text string
	// node is the string written (nil when the value is not a string);
	// exact tells whether text keeps node's offsets.
	node  *yaml.Node
	exact bool
	// ownerPtr and key say where the template stands (see pointer).
	ownerPtr, key string
	parsed        *vtl.Template
	err           *vtl.Error // a syntax error
}

// pointer is the template's pointer, built only for a finding: a document
// holds thousands of templates and most have none.
func (t *template) pointer() string {
	return source.Pointer(source.Pointer(t.ownerPtr, t.key), t.mediaType)
}

// subVariable is a ${Name} variable of Fn::Sub; ${!Name} writes ${Name}.
var subVariable = regexp.MustCompile(`\$\{!?[^}]*\}`)

// templatesAt reads the templates stored under key (requestTemplates or
// responseTemplates) of the object owner at ownerPtr, and parses them.
// Intrinsics other than Fn::Sub give nothing.
func (d *Document) templatesAt(owner *yaml.Node, ownerPtr, key string, m extensions.Map[extensions.Str]) []*template {
	var out []*template
	for _, pr := range m {
		t := &template{mediaType: pr.Key, ownerPtr: ownerPtr, key: key, exact: true}
		v := pr.Value
		switch {
		case v.IsLiteral():
			t.text = v.Value
			if n := source.Get(source.Lookup(owner, key), pr.Key); n != nil && n.Kind == yaml.ScalarNode {
				t.node = n
			}
		case v.Fn == "Fn::Sub":
			n := source.Resolve(v.Args)
			if n != nil && n.Kind == yaml.SequenceNode {
				n = source.Resolve(source.Items(n)[0])
			}
			if n == nil || n.Kind != yaml.ScalarNode {
				continue
			}
			t.node = n
			t.text = subVariable.ReplaceAllStringFunc(n.Value, func(s string) string {
				if strings.HasPrefix(s, "${!") {
					t.exact = false
					return "${" + s[3:]
				}
				return strings.Repeat("x", len(s))
			})
		default:
			continue
		}
		if strings.TrimSpace(t.text) == "" {
			continue
		}
		t.parsed, t.err = d.templates.parse(t.mediaType, t.text)
		out = append(out, t)
	}
	return out
}

// reportSyntax reports a template that does not parse.
func (p *pass) reportSyntax(t *template, what string) {
	if t.err == nil {
		return
	}
	n, where := p.doc.templatePosition(t, t.err)
	p.Add(diag.TemplateSyntax, n, t.pointer(), "the %s does not parse as Velocity 1.7%s: %s; API Gateway stores it and answers 500 {\"message\": \"Internal server error\"} whenever it applies", what, where, t.err.Message)
}

// templatePosition returns where a template error stands in the document:
// a node carrying the line and column of the character the error points
// at, and the template's own line and column for the message. Where the
// text cannot be mapped back exactly (a template inside a CloudFormation
// template, whose file bytes the document does not keep; a Fn::Sub with
// ${!…}), it is the template's value.
func (d *Document) templatePosition(t *template, e *vtl.Error) (*yaml.Node, string) {
	where := fmt.Sprintf(" (template line %d, column %d)", e.Line, e.Column)
	if t.node == nil || !t.exact || d.Raw == nil || e.Offset < 0 || e.Offset > len(t.node.Value) {
		return t.node, where
	}
	pos, ok := valuePositions(d.Raw, t.node)
	if !ok {
		return t.node, where
	}
	p := pos[e.Offset]
	return &yaml.Node{Line: p.line, Column: p.col}, where
}

// vtlDirective finds a Velocity directive or comment in a gateway response template.
var vtlDirective = regexp.MustCompile(`#(?:\{?(?:set|if|elseif|foreach|define|macro|evaluate|parse|include)\}?\s*\(|\{?(?:else|end|break|stop)\b\}?)|##|#\*`)

// checkGatewayTemplates reports gateway response templates written as VTL.
func (p *pass) checkGatewayTemplates() {
	for _, ext := range p.doc.ExtensionsNamed(extensions.ExtGatewayResponses) {
		g, ok := ext.Value.(*extensions.GatewayResponses)
		if !ok {
			continue
		}
		for _, r := range g.Responses {
			if r.Value == nil {
				continue
			}
			ptr := source.Pointer(ext.Pointer, r.Key)
			for _, t := range p.doc.templatesAt(r.Value.Node(), ptr, "responseTemplates", r.Value.ResponseTemplates) {
				loc := vtlDirective.FindStringIndex(t.text)
				if loc == nil {
					continue
				}
				n, where := p.doc.templatePosition(t, offsetError(t.text, loc[0]))
				p.Add(diag.GatewayTemplateVTL, n, t.pointer(), "the %s gateway response's %s template uses %q%s, but gateway response templates are not processed by the VTL engine: only $context, $stageVariables and method.request values are substituted, and the directive reaches the client as written; keep to substitutions", r.Key, t.mediaType, t.text[loc[0]:loc[1]], where)
			}
		}
	}
}

// offsetError is a position in text, as a *vtl.Error gives one.
func offsetError(text string, off int) *vtl.Error {
	before := text[:off]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
	return &vtl.Error{Line: line, Column: col, Offset: off}
}

// ShapeVerdict says what rendering a response template offline showed.
type ShapeVerdict int

// Verdicts of ResponseShape.
const (
	// ShapeNotRendered: the template's output cannot be computed offline
	// (it reads the backend body and no sample body is given), or it does
	// not parse.
	ShapeNotRendered ShapeVerdict = iota
	// ShapeNoModel: rendered, but no JSON model describes the body.
	ShapeNoModel
	// ShapeMatches: rendered, and the body matches the model.
	ShapeMatches
	// ShapeMismatch: rendered, and the model rejects the body.
	ShapeMismatch
	// ShapeRenderFailed: the template fails when rendered.
	ShapeRenderFailed
)

var verdictNames = []string{"not rendered", "no model", "matches", "mismatch", "render failed"}

// String names the verdict.
func (v ShapeVerdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return fmt.Sprintf("ShapeVerdict(%d)", int(v))
}

// ResponseShape is what rendering one response template of an
// integration response offline showed about the body the client gets.
type ResponseShape struct {
	// Key is the integration response's key (selection pattern or
	// "default"), Status its statusCode.
	Key, Status string
	// MediaType is the template's key; Pointer the template's pointer.
	MediaType, Pointer string
	Verdict            ShapeVerdict
	// Model names the schema the body was compared with ("the model Pet
	// (the 200 response's application/json schema)"); "" when none.
	Model string
	// Detail says why: the JSON Schema error, the render error, why the
	// template could not be rendered.
	Detail string
	// Output is the rendered body; Inputs says what it was rendered with.
	Output, Inputs string

	template  *template
	renderErr *vtl.Error
}

// ResponseShapes renders, offline, each response template of the
// operation's integration responses whose output can be computed without
// the backend (MOCK integrations; templates that read only $context,
// $stageVariables, $input.params or static text; templates given a sample
// body through an x-apigw-example key on the integration response or the
// method response's example or examples) and compares the body with the
// method response's model for that status (or the status the template
// sets through $context.responseOverride) and content type. Parameters get
// their documented example, default or first enum value, or a sample of
// their type; $context is simulate.DefaultContext's; stage variables are
// empty; a MOCK integration's request template runs first, sharing
// $context, and its body is empty. Swagger 2.0 and OpenAPI 3.0 models are
// JSON Schema draft 4, OpenAPI 3.1's 2020-12. Nil for a proxy integration
// or an operation without one; integration responses whose status has no
// method response are left out.
func (o *Operation) ResponseShapes() []ResponseShape {
	run := o.doc.offline(o)
	if run == nil {
		return nil
	}
	shapes := run.shapes()
	out := make([]ResponseShape, len(shapes))
	for i, s := range shapes {
		out[i] = *s
	}
	return out
}

// offlineOptions bound an offline render more tightly than API Gateway's
// own run: a document may hold many templates, and check must stay quick
// on any input. A template that needs more is left unrendered, not
// reported.
var offlineOptions = vtl.Options{MaxSteps: 200_000, MaxIterations: 10_000, MaxOutput: 1 << 20, MaxDepth: 50}

// offlineRun renders one operation's templates offline.
type offlineRun struct {
	doc   *Document
	op    *Operation
	integ *extensions.Integration
	ptr   string
	mock  bool
	in    vtl.Input
	// request is the MOCK request template that runs first; requestOut
	// what it rendered.
	request    *template
	requestOut string
	requestErr error
}

// offline prepares the offline rendering of op's templates; nil when op
// has no integration responses to render.
func (d *Document) offline(op *Operation) *offlineRun {
	integ, ext := op.Integration()
	if integ == nil || IsProxy(integ) || integ.IsRef() {
		return nil
	}
	r := &offlineRun{doc: d, op: op, integ: integ, ptr: ext.Pointer, mock: integ.Type.Is(extensions.TypeMock)}
	for _, p := range op.Parameters {
		v, ok := p.Example()
		if !ok {
			switch p.Type() {
			case "integer", "number":
				v = "1"
			case "boolean":
				v = "true"
			default:
				v = "sample"
			}
		}
		param := vtl.Param{Name: p.Name, Value: v}
		switch p.In {
		case "path":
			r.in.Path = append(r.in.Path, param)
		case "query":
			r.in.Query = append(r.in.Query, param)
		case "header":
			r.in.Header = append(r.in.Header, param)
		}
	}
	if r.mock {
		ts := d.templatesAt(integ.Node(), ext.Pointer, "requestTemplates", integ.RequestTemplates)
		for _, t := range ts {
			if strings.EqualFold(t.mediaType, "application/json") {
				r.request = t
			}
		}
		if r.request == nil && len(ts) > 0 {
			sort.Slice(ts, func(i, j int) bool { return ts[i].mediaType < ts[j].mediaType })
			r.request = ts[0]
		}
	}
	return r
}

// inputs says what the templates were rendered with, for messages.
func (r *offlineRun) inputs() string {
	var ps []string
	for _, g := range [][]vtl.Param{r.in.Path, r.in.Query, r.in.Header} {
		for _, p := range g {
			ps = append(ps, p.Name+"="+p.Value)
		}
	}
	s := "apigw simulate's $context"
	if len(ps) > 0 {
		s = "parameters " + strings.Join(ps, ", ") + " and " + s
	}
	return s
}

// context returns a fresh $context, after the MOCK request template ran
// over it (what it sets is seen by the response templates).
func (r *offlineRun) context() *vtl.Context {
	ctx := simulate.TemplateContext(simulate.DefaultContext(r.op.Method, r.op.Path))
	r.requestOut, r.requestErr = "", nil
	if t := r.request; t != nil && t.parsed != nil && !readsBody(t.parsed) {
		in := r.in
		in.Context = ctx
		out, err := t.parsed.Render(in, offlineOptions)
		r.requestOut, r.requestErr = out.Body, err
	}
	return ctx
}

// mockStatus renders the MOCK request template and reads its statusCode:
// the template and the error when it fails or gives none (nil, nil when
// there is nothing to say offline).
func (r *offlineRun) mockStatus() (*template, error) {
	t := r.request
	if t == nil || t.parsed == nil || readsBody(t.parsed) {
		return nil, nil
	}
	r.context()
	if errors.Is(r.requestErr, vtl.ErrLimit) {
		return nil, nil
	}
	if r.requestErr != nil {
		return t, r.requestErr
	}
	_, err := simulate.MockStatusCode(r.requestOut)
	return t, err
}

// readsBody tells whether a template reads the payload.
func readsBody(t *vtl.Template) bool {
	for _, v := range t.Reads() {
		if v == "$input" || strings.HasPrefix(v, "$input.body") || strings.HasPrefix(v, "$input.path") || strings.HasPrefix(v, "$input.json") {
			return true
		}
	}
	return false
}

// shapes renders each response template of the integration responses.
func (r *offlineRun) shapes() []*ResponseShape {
	var out []*ResponseShape
	base := source.Pointer(r.ptr, "responses")
	for _, pr := range r.integ.Responses {
		e := pr.Value
		if e == nil {
			continue
		}
		resp := r.op.Response(e.StatusCode)
		if resp == nil {
			continue
		}
		ptr := source.Pointer(base, pr.Key)
		for _, t := range r.doc.templatesAt(e.Node(), ptr, "responseTemplates", e.ResponseTemplates) {
			s := &ResponseShape{Key: pr.Key, Status: e.StatusCode, MediaType: t.mediaType, Pointer: t.pointer(), template: t}
			r.shape(s, e, resp)
			out = append(out, s)
		}
	}
	return out
}

// shape renders one response template and compares its body with the model.
func (r *offlineRun) shape(s *ResponseShape, e *extensions.IntegrationResponseEntry, resp *Response) {
	t := s.template
	if t.parsed == nil {
		s.Detail = "the template does not parse"
		return
	}
	body, from := "", ""
	switch {
	case r.mock:
		from = "the MOCK integration's empty body"
	case readsBody(t.parsed):
		if ex := source.Get(e.Node(), extensions.AnnotationPrefix+"example"); ex != nil {
			body, from = exampleText(ex), "the body of x-apigw-example"
		} else if ex := r.doc.ResponseExample(resp, t.mediaType); ex != nil {
			body, from = exampleText(ex), "the "+e.StatusCode+" response's example as the backend body"
		} else {
			s.Detail = "the template reads the backend body, and no sample is given: add x-apigw-example to the integration response, or an example to the method response"
			return
		}
	}
	s.Inputs = r.inputs()
	if from != "" {
		s.Inputs = from + ", " + s.Inputs
	}
	in := r.in
	in.Body = body
	in.Context = r.context()
	out, err := t.parsed.Render(in, offlineOptions)
	if errors.Is(err, vtl.ErrLimit) {
		s.Detail = "rendering it offline needs more work than apigw gives a template during a check: " + err.Error()
		return
	}
	if err != nil {
		s.Verdict = ShapeRenderFailed
		errors.As(err, &s.renderErr)
		s.Detail = err.Error()
		if s.renderErr != nil {
			s.Detail = s.renderErr.Message
		}
		return
	}
	s.Output = out.Body
	status := e.StatusCode
	if out.Status != "" {
		if r2 := r.op.Response(out.Status); r2 != nil {
			resp, status = r2, out.Status
		}
	}
	var model *MediaType
	for _, m := range resp.Content {
		if strings.EqualFold(m.Type, t.mediaType) && m.Schema != nil {
			model = m
		}
	}
	if model == nil || !isJSONMediaType(t.mediaType) {
		s.Verdict = ShapeNoModel
		s.Detail = fmt.Sprintf("the %s response declares no JSON model for %s", status, t.mediaType)
		return
	}
	s.Model = fmt.Sprintf("the %s response's %s schema", status, model.Type)
	if model.Schema.Name != "" {
		s.Model = "the model " + model.Schema.Name + " (" + s.Model + ")"
	}
	problem, ok := r.doc.validateBody(model.Schema, out.Body)
	switch {
	case !ok:
		s.Verdict = ShapeNoModel
		s.Detail = problem
	case problem == "":
		s.Verdict = ShapeMatches
	default:
		s.Verdict = ShapeMismatch
		s.Detail = problem
	}
}

// exampleText is an example as a body: a string as it is, anything else
// as JSON.
func exampleText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!str" || n.Tag == "") {
		return n.Value
	}
	b, err := source.WriteJSON(n)
	if err != nil {
		return ""
	}
	return string(b)
}

// isJSONMediaType tells whether a media type is JSON: application/json or
// a +json type.
func isJSONMediaType(mt string) bool {
	mt = strings.ToLower(strings.TrimSpace(strings.SplitN(mt, ";", 2)[0]))
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}
