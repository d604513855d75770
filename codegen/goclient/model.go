package goclient

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"github.com/dave/jennifer/jen"
	"go.yaml.in/yaml/v4"
)

// The operation model: what the client needs of each operation, read from
// the resolved document model (openapi.Operation, its integration and the
// document's security schemes) before anything is named or rendered.
// Schemas stay nodes; they become Go types while rendering, in output order.

// operation is one operation of the client.
type operation struct {
	src    *openapi.Operation
	label  string // operationId, or "METHOD /path": how messages name it
	seed   string // the text the method's name comes from
	goName string // x-go-name, which overrides it
	// params are the path, query and header parameters in document order,
	// then the path template's variables that no parameter declares.
	params []*param
	body   *body
	// statuses are what the operation answers with, by status code: for a
	// non-proxy REST integration the statuses its integration responses
	// select, otherwise (proxy) the declared responses.
	statuses []status
	proxy    bool
	// auth is the method's authorization type when callers must add a
	// credential (AWS_IAM, CUSTOM, COGNITO_USER_POOLS); apiKey is set when
	// the method requires an API key.
	auth       string
	apiKey     bool
	deprecated bool
}

// param is one request parameter of an operation.
type param struct {
	name, in string // as written; in is path, query or header
	ptr      string // the pointer of the list item that declares it
	goName   string // x-go-name
	desc     string
	typ      jen.Code
	array    bool
	required bool
	implicit bool   // a path template variable with no declared parameter
	field    string // Go field name in the Params struct, once rendered
}

// body is an operation's request body.
type body struct {
	schema      *yaml.Node // the JSON body's schema as written; nil for a reader
	ptr         string
	json        bool // encoded with encoding/json; otherwise an io.Reader
	required    bool
	contentType string
	desc        string
}

// status is one status code an operation can answer with.
type status struct {
	code     int
	schema   *yaml.Node // the JSON body's schema, nil when the body is not JSON or not described
	ptr      string     // the response's pointer
	desc     string
	headers  []header
	patterns []string // selection patterns of the integration response ("" for default)
	types    []string // content types its response templates produce
	isError  bool
}

// header is one response header.
type header struct {
	name, source string // source is the mapping expression of an integration response
	schema       *yaml.Node
}

// gatewayResponse is one entry of x-amazon-apigateway-gateway-responses.
type gatewayResponse struct {
	rtype, status string
	headers       []header // the gatewayresponse.header.* it maps, by name
	template      bool     // its body comes from a template
}

// operation reads one operation.
func (g *gen) operation(op *openapi.Operation) *operation {
	o := &operation{src: op, label: op.Label(), seed: op.ID, goName: xGoName(op.Node),
		deprecated: source.IsTrue(source.Get(op.Node, "deprecated"))}
	if o.seed == "" {
		o.seed = strings.ToLower(op.Method) + " " + op.Path
	}
	o.params = g.params(op)
	o.body = g.requestBody(op)
	var irs []extensions.IntegrationResponse
	served := op
	if !g.doc.HTTPAPI() {
		served = g.served(op)
		irs = served.IntegrationResponses()
		o.auth, o.apiKey = g.authorization(served)
	}
	o.proxy = len(irs) == 0 || served.IsProxy()
	if o.proxy {
		o.statuses = g.declaredStatuses(op)
	} else {
		o.statuses = g.integrationStatuses(op, irs)
	}
	return o
}

// served returns the operation whose method API Gateway serves op's
// requests with: REST import puts operations whose paths differ only in
// slashes ("/a", "/a/") on one resource, the later replacing the earlier.
func (g *gen) served(op *openapi.Operation) *openapi.Operation {
	key := func(o *openapi.Operation) string { return o.Method + " /" + strings.Trim(o.Path, "/") }
	if g.methods == nil {
		g.methods = map[string]*openapi.Operation{}
		for _, o := range g.doc.Operations() {
			g.methods[key(o)] = o
		}
	}
	return g.methods[key(op)]
}

// xGoName is the x-go-name of an object, which names its Go identifier.
func xGoName(n *yaml.Node) string { return source.Scalar(source.Get(n, "x-go-name")) }

// params returns an operation's path, query and header parameters.
func (g *gen) params(op *openapi.Operation) []*param {
	var out []*param
	for _, p := range op.Parameters {
		if p.Name == "" || p.In != "path" && p.In != "query" && p.In != "header" {
			continue
		}
		q := &param{name: p.Name, in: p.In, ptr: p.At, goName: xGoName(p.Node), desc: p.Description, required: p.Required}
		q.typ, q.array = g.paramType(p.Schema)
		out = append(out, q)
	}
	// Path template variables with no declared parameter still need a value.
	parts, vars := pathParts(op.Path)
	for i, part := range parts {
		name := strings.TrimSuffix(part, "+")
		if vars[i] && !slices.ContainsFunc(out, func(p *param) bool { return p.in == "path" && p.name == name }) {
			out = append(out, &param{name: name, in: "path", ptr: op.Pointer, required: true, typ: jen.String(), implicit: true})
		}
	}
	return out
}

// requestBody returns the operation's request body, or nil.
func (g *gen) requestBody(op *openapi.Operation) *body {
	rb := op.Body
	switch {
	case rb == nil:
		return nil
	case rb.Form:
		// A form is sent as the caller encodes it, under the first media
		// type the operation consumes that is not JSON.
		ct := "application/x-www-form-urlencoded"
		if i := slices.IndexFunc(rb.Content, func(m *openapi.MediaType) bool { return !isJSON(m.Type) }); i >= 0 {
			ct = rb.Content[i].Type
		}
		return &body{contentType: ct, required: true}
	case g.swagger2:
		// A body parameter is JSON, whatever the operation consumes.
		i := slices.IndexFunc(op.Parameters, func(p *openapi.Parameter) bool { return p.In == "body" })
		b := &body{json: true, required: rb.Required, contentType: "application/json", desc: rb.Description, ptr: op.Parameters[i].At + "/schema"}
		if s := op.Parameters[i].Schema; s != nil {
			b.schema = s.Node
		}
		return b
	}
	base := g.where(rb.Node, rb.Pointer, op.Pointer+"/requestBody")
	var b *body
	for _, m := range rb.Content {
		if isJSON(m.Type) && m.Type != "*/*" {
			b = &body{json: true, contentType: m.Type, ptr: source.Pointer(base+"/content", m.Type) + "/schema"}
			if m.Schema != nil {
				b.schema = m.Schema.Node
			}
			break
		}
	}
	if b == nil {
		if len(rb.Content) == 0 {
			return nil
		}
		b = &body{contentType: rb.Content[0].Type}
	}
	b.required = rb.Required || !b.json
	b.desc = rb.Description
	return b
}

// where names a value the model reached from the place inline, as the
// client's comments and errors name it: inline itself when no $ref led
// elsewhere; else its pointer from the document's root, or file#pointer in
// another file.
func (g *gen) where(n *yaml.Node, ptr, inline string) string {
	if ptr == inline {
		return ptr
	}
	t, _ := g.doc.FollowOnce(n, ptr) // n is what the $refs reached: t is n, in its file
	return g.refPointer(t, "")
}

// refPointer names t, which a $ref written ref (when known) led to: the
// $ref as written when it names another file; else t's pointer from the
// root of its file, as file#pointer for another file's.
func (g *gen) refPointer(t openapi.Target, ref string) string {
	switch {
	case t.File != "" && ref != "" && !strings.HasPrefix(ref, "#"):
		return ref
	case t.File != "":
		return t.File + "#" + t.Pointer
	}
	return strings.TrimPrefix(t.Pointer, g.doc.Pointer)
}

// authorization reads what callers of a REST method must add: the
// authorization type of its security requirement or x-amazon-apigateway-auth,
// and whether it requires an API key (a scheme for the x-api-key header).
func (g *gen) authorization(op *openapi.Operation) (auth string, apiKey bool) {
	reqs, _ := op.EffectiveSecurity()
	for _, r := range reqs {
		for _, use := range r.Schemes {
			s := g.doc.SecurityScheme(use.Name)
			switch {
			case s == nil:
			case s.Authorizer != nil && s.Authorizer.Is(extensions.AuthorizerCognitoUserPools):
				auth = "COGNITO_USER_POOLS"
			case s.Authorizer != nil:
				auth = "CUSTOM"
			case s.AuthType != nil && s.AuthType.IsIAM():
				auth = "AWS_IAM"
			case s.Type == "apiKey" && strings.EqualFold(s.ParamName, "x-api-key") && s.In == "header":
				apiKey = true
			}
		}
	}
	if a, ok := op.Extension(extensions.ExtAuth).(*extensions.Auth); ok && a.Type != "" {
		auth = strings.ToUpper(a.Type)
	}
	return auth, apiKey
}

// response returns the declared response for a status and its pointer as
// where names it; a status the document does not declare has a nil response.
func (g *gen) response(op *openapi.Operation, code string) (*openapi.Response, string) {
	inline := source.Pointer(op.Pointer+"/responses", code)
	r := op.Response(code)
	if r == nil {
		return nil, inline
	}
	return r, g.where(r.Node, r.Pointer, inline)
}

// declaredStatus reads a declared response (nil: none) as a status.
func declaredStatus(code int, r *openapi.Response, ptr string) status {
	st := status{code: code, ptr: ptr, isError: code >= 400}
	if r == nil {
		return st
	}
	st.desc = r.Description
	for _, m := range r.Content {
		if isJSON(m.Type) && m.Schema != nil {
			st.schema = m.Schema.Node
			break
		}
	}
	for _, h := range r.Headers {
		st.headers = append(st.headers, header{name: h.Name, schema: target(h.Schema)})
	}
	return st
}

// target is the schema a schema's $refs lead to, nil when they lead nowhere.
func target(s *openapi.Schema) *yaml.Node {
	if s == nil || !s.Resolved {
		return nil
	}
	return s.Target
}

// declaredStatuses returns the declared responses with a status code, by code.
func (g *gen) declaredStatuses(op *openapi.Operation) []status {
	var out []status
	for _, r := range op.Responses {
		code, err := strconv.Atoi(r.Status)
		if err != nil || code < 100 || code > 599 || len(r.Status) != 3 || slices.ContainsFunc(out, func(s status) bool { return s.code == code }) {
			continue
		}
		_, ptr := g.response(op, r.Status)
		out = append(out, declaredStatus(code, r, ptr))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].code < out[j].code })
	return out
}

// integrationStatuses returns the statuses the integration responses
// select, with the declared response's body (when a template produces JSON,
// or there is no template) and headers, and the headers they map.
func (g *gen) integrationStatuses(op *openapi.Operation, irs []extensions.IntegrationResponse) []status {
	var out []status
	for _, ir := range irs {
		code, err := strconv.Atoi(ir.StatusCode)
		if err != nil || code < 100 || code > 599 {
			continue
		}
		r, ptr := g.response(op, ir.StatusCode)
		st := declaredStatus(code, r, ptr)
		st.patterns = []string{ir.SelectionPattern}
		for ct := range ir.ResponseTemplates {
			st.types = append(st.types, ct)
		}
		sort.Strings(st.types)
		if len(st.types) > 0 && !slices.ContainsFunc(st.types, isJSON) {
			st.schema = nil
		}
		var mapped []string
		for k := range ir.ResponseParameters {
			mapped = append(mapped, k)
		}
		sort.Strings(mapped)
		for _, k := range mapped {
			name, ok := strings.CutPrefix(k, "method.response.header.")
			if !ok {
				continue
			}
			i := slices.IndexFunc(st.headers, func(h header) bool { return strings.EqualFold(h.name, name) })
			if i < 0 {
				st.headers = append(st.headers, header{name: name})
				i = len(st.headers) - 1
			}
			st.headers[i].source = ir.ResponseParameters[k]
		}
		out = append(out, st)
	}
	return out
}

// gatewayResponses reads a REST API's gateway responses, by type.
func (g *gen) gatewayResponses() []gatewayResponse {
	v, ok := g.doc.Extension(extensions.ExtGatewayResponses).(*extensions.GatewayResponses)
	if g.doc.HTTPAPI() || !ok {
		return nil
	}
	var out []gatewayResponse
	for _, p := range v.Responses {
		if p.Value == nil {
			continue
		}
		gr := gatewayResponse{rtype: p.Key, status: p.Value.StatusCode.String(), template: len(p.Value.ResponseTemplates) > 0}
		sources := map[string]string{}
		for _, m := range p.Value.ResponseParameters {
			sources[m.Key] = m.Value.String()
		}
		keys := make([]string, 0, len(sources))
		for k := range sources {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if name, ok := strings.CutPrefix(k, "gatewayresponse.header."); ok {
				gr.headers = append(gr.headers, header{name: name, source: sources[k]})
			}
		}
		out = append(out, gr)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rtype < out[j].rtype })
	return out
}
