package vtl

import "strings"

// Param is a named value: a request parameter, a stage variable, a
// $context variable (by dotted name) or an override the template set.
type Param struct {
	Name, Value string
}

// Input is what a mapping template reads.
type Input struct {
	// Body is the payload: $input.body, and the JSON document
	// $input.path and $input.json read.
	Body string
	// Path, Query and Header are the request's parameters, in order; a
	// repeated name keeps its last value. $input.params(name) looks in
	// path, then query string, then header; header names are matched
	// without regard to case, as HTTP does.
	Path, Query, Header []Param
	// Context is $context; nil stands for a context with only the
	// request and response override maps. Pass the same Context to the
	// request template and the response template of one request to share
	// what the first one sets.
	Context *Context
	// StageVariables is $stageVariables.
	StageVariables []Param
}

// Options bound the work of one Render; zero fields take the defaults.
// Exceeding one is an *Error wrapping ErrLimit, never a hang.
type Options struct {
	// MaxSteps bounds the evaluation steps (default 5,000,000).
	MaxSteps int64
	// MaxIterations bounds each #foreach and range (default 1,000,000).
	MaxIterations int
	// MaxOutput bounds the output and every string built (default 10 MiB).
	MaxOutput int
	// MaxDepth bounds nesting of macros, #define blocks, #evaluate and
	// string templates (default 100).
	MaxDepth int
}

// Defaults of Options.
const (
	DefaultMaxSteps      = 5_000_000
	DefaultMaxIterations = 1_000_000
	DefaultMaxOutput     = 10 << 20
	DefaultMaxDepth      = 100
)

func (o Options) withDefaults() Options {
	if o.MaxSteps <= 0 {
		o.MaxSteps = DefaultMaxSteps
	}
	if o.MaxIterations <= 0 {
		o.MaxIterations = DefaultMaxIterations
	}
	if o.MaxOutput <= 0 {
		o.MaxOutput = DefaultMaxOutput
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	return o
}

// Output is what a render produced.
type Output struct {
	// Body is the rendered text, exactly as API Gateway would send it.
	Body string
	// Status is $context.responseOverride.status as the template left it
	// ("" when not set), in Java's text form.
	Status string
	// Headers are $context.responseOverride.header.NAME values.
	Headers []Param
	// RequestHeaders, RequestPath and RequestQuery are
	// $context.requestOverride.header/path/querystring values.
	RequestHeaders, RequestPath, RequestQuery []Param
}

// Render evaluates the template. A failure is an *Error positioned at
// the construct that failed (a Java exception in a method, a limit).
func (t *Template) Render(in Input, opts Options) (out Output, err error) {
	opts = opts.withDefaults()
	ctx := in.Context
	if ctx == nil {
		ctx = NewContext()
	}
	r := &renderer{t: t, opts: opts, macros: t.macros}
	base := &baseScope{vars: map[string]any{
		"input":          newInput(in),
		"util":           &utilObj{},
		"context":        ctx.m,
		"stageVariables": stringMap(in.StageVariables),
	}}
	var b strings.Builder
	defer func() {
		if x := recover(); x != nil {
			switch e := x.(type) {
			case *renderError:
				err = t.renderErr(e)
			case *stopCmd:
				if e.isFor(topLevel{}) {
					body := b.String()
					b.Reset()
					out, err = t.output(body, ctx), nil
					return
				}
				panic(x)
			default:
				panic(x)
			}
		}
	}()
	r.render(t.root, base, &b)
	body := b.String()
	b.Reset()
	return t.output(body, ctx), nil
}

func (t *Template) renderErr(e *renderError) *Error {
	off := 0
	if e.n != nil {
		off = e.n.offset()
	}
	er := t.errorAt(off, e.msg)
	if e.limit {
		er.err = ErrLimit
	}
	return er
}

func (t *Template) output(body string, ctx *Context) (out Output) {
	out.Body = body
	defer func() {
		if x := recover(); x != nil {
			if _, ok := x.(*renderError); !ok {
				panic(x)
			}
			out = Output{Body: body}
		}
	}()
	if m, ok := ctx.m.get("responseOverride").(*jMap); ok {
		if s := m.get("status"); s != nil {
			out.Status = toString(s)
		}
		out.Headers = params(m.get("header"))
	}
	if m, ok := ctx.m.get("requestOverride").(*jMap); ok {
		out.RequestHeaders = params(m.get("header"))
		out.RequestPath = params(m.get("path"))
		out.RequestQuery = params(m.get("querystring"))
	}
	return out
}

func params(v any) []Param {
	m, ok := v.(*jMap)
	if !ok {
		return nil
	}
	var out []Param
	for _, e := range m.ordered() {
		out = append(out, Param{toString(e.key), toString(e.val)})
	}
	return out
}

// stringMap is the reference renderer's new HashMap<>(LinkedHashMap of
// the parameters): a repeated name keeps its first place and last value.
func stringMap(ps []Param) *jMap {
	lm := newMap(mLinked)
	for _, p := range ps {
		lm.put(sanitize(p.Name), sanitize(p.Value))
	}
	m := newMapCap(mHash, copyCapacity(lm.size()))
	for _, e := range lm.entries {
		m.put(e.key, e.val)
	}
	return m
}

func newInput(in Input) *inputObj {
	h := newMap(mTreeCI)
	for _, p := range in.Header {
		h.put(sanitize(p.Name), sanitize(p.Value))
	}
	params := newMap(mLinked)
	params.put("path", stringMap(in.Path))
	params.put("header", h)
	params.put("querystring", stringMap(in.Query))
	return &inputObj{raw: sanitize(in.Body), params: params}
}

// Context is $context: nested maps of variables, kept across the
// templates of one request. It is not safe for concurrent renders.
type Context struct {
	m *jMap
}

// NewContext builds $context from dotted names: identity.sourceIp sets
// $context.identity.sourceIp. Like API Gateway's, it always has
// requestOverride (header, path, querystring) and responseOverride
// (header) for a template to set.
func NewContext(vars ...Param) *Context {
	m := newMap(mContext)
	for _, v := range vars {
		setDotted(m, sanitize(v.Name), sanitize(v.Value))
	}
	ensureMap(m, "requestOverride", "path", "header", "querystring")
	ensureMap(m, "responseOverride", "header")
	return &Context{m: m}
}

func ensureMap(m *jMap, name string, subs ...string) {
	sub, ok := m.get(name).(*jMap)
	if !ok {
		if m.containsKey(name) {
			return
		}
		sub = newMap(mContext)
		m.put(name, sub)
	}
	for _, s := range subs {
		if !sub.containsKey(s) {
			sub.put(s, newMap(mContext))
		}
	}
}

// SetNull sets $context variables, by dotted name, to null: present as
// keys (so that they print in $context.identity and keySet()) but without
// a value, as API Gateway leaves identity.user or identity.accountId for an
// unauthenticated caller. A null renders as the empty string.
func (c *Context) SetNull(names ...string) {
	for _, n := range names {
		setDotted(c.m, sanitize(n), nil)
	}
}

func setDotted(m *jMap, name string, value any) {
	parts := strings.Split(name, ".")
	for _, p := range parts[:len(parts)-1] {
		sub, ok := m.get(p).(*jMap)
		if !ok {
			sub = newMap(mContext)
			m.put(p, sub)
		}
		m = sub
	}
	m.put(parts[len(parts)-1], value)
}

// Clone returns a copy of c that renders can change (through
// responseOverride, say) without changing c: a context built once can serve
// many requests, each setting only what differs (Set).
func (c *Context) Clone() *Context { return &Context{m: c.m.clone()} }

// Set sets a $context variable by dotted name, as NewContext does. A
// variable c already has keeps its place in $context's iteration order.
func (c *Context) Set(name, value string) { setDotted(c.m, sanitize(name), sanitize(value)) }

// Get returns a $context value as text, by dotted name ("" when absent).
func (c *Context) Get(name string) string {
	var v any = c.m
	for _, p := range strings.Split(name, ".") {
		m, ok := v.(*jMap)
		if !ok {
			return ""
		}
		v = m.get(p)
	}
	if v == nil {
		return ""
	}
	return toString(v)
}
