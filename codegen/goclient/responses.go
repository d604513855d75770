package goclient

import (
	"mime"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"go.yaml.in/yaml/v4"
)

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

// integration returns the method API Gateway holds for op, nil for HTTP APIs.
func (g *gen) method(op *openapi.Operation) *apimodel.Method {
	if g.rest == nil {
		return nil
	}
	path := "/" + strings.Trim(op.Path, "/")
	for _, r := range g.rest.Resources {
		if r.Path == path {
			return r.ResourceMethods[op.Method]
		}
	}
	return nil
}

// isProxy reports whether API Gateway passes the backend's response through.
func isProxy(m *apimodel.Method) bool {
	if m == nil || m.MethodIntegration == nil {
		return true
	}
	t := strings.ToUpper(m.MethodIntegration.Type)
	return t == "HTTP_PROXY" || t == "AWS_PROXY" || len(m.MethodIntegration.IntegrationResponses) == 0
}

// isJSON reports whether a media type carries JSON.
func isJSON(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(ct))
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || mt == "*/*" || mt == "application/*"
}

// responseSchema returns the JSON schema of a declared response and whether
// the response declares a body at all.
func (g *gen) responseSchema(resp *yaml.Node, ptr string, op *openapi.Operation) (*yaml.Node, bool) {
	if g.v2 {
		s := source.Get(resp, "schema")
		if s == nil {
			return nil, false
		}
		prod := strs(source.Get(op.Node, "produces"))
		if prod == nil {
			prod = strs(source.Get(g.root, "produces"))
		}
		if len(prod) == 0 || slices.ContainsFunc(prod, isJSON) {
			return s, true
		}
		return nil, true
	}
	var schema *yaml.Node
	any := false
	source.Pairs(source.Get(resp, "content"), func(ct string, v *yaml.Node) {
		any = true
		if schema == nil && isJSON(ct) {
			schema = source.Get(v, "schema")
		}
	})
	return schema, any
}

// declaredHeaders returns the headers a declared response documents.
func (g *gen) declaredHeaders(resp *yaml.Node) []header {
	var out []header
	source.Pairs(source.Get(resp, "headers"), func(name string, h *yaml.Node) {
		h, _ = g.follow(h, "")
		s := h
		if !g.v2 {
			s, _ = g.follow(source.Get(h, "schema"), "")
		}
		out = append(out, header{name: name, schema: s})
	})
	return out
}

// statuses returns what op can answer with, by status code: for a non-proxy
// REST integration the statuses its integration responses select (with
// their mapped headers and templates), otherwise the declared responses.
func (g *gen) statuses(op *openapi.Operation, m *apimodel.Method) []status {
	responses := source.Get(op.Node, "responses")
	declared := func(code string) (*yaml.Node, string) {
		ptr := op.Pointer + "/responses/" + escape(code)
		return g.follow(source.Get(responses, code), ptr)
	}
	var out []status
	if !isProxy(m) {
		irs := m.MethodIntegration.IntegrationResponses
		codes := make([]string, 0, len(irs))
		for c := range irs {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			code, err := strconv.Atoi(c)
			if err != nil || code < 100 || code > 599 {
				continue
			}
			ir := irs[c]
			resp, ptr := declared(c)
			st := status{code: code, ptr: ptr, desc: source.Scalar(source.Get(resp, "description")), isError: code >= 400}
			st.patterns = append(st.patterns, ir.SelectionPattern)
			for ct := range ir.ResponseTemplates {
				st.types = append(st.types, ct)
			}
			sort.Strings(st.types)
			schema, hasBody := g.responseSchema(resp, ptr, op)
			if len(st.types) > 0 && !slices.ContainsFunc(st.types, isJSON) {
				schema = nil
			}
			_ = hasBody
			st.schema = schema
			st.headers = g.declaredHeaders(resp)
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
	source.Pairs(responses, func(c string, _ *yaml.Node) {
		code, err := strconv.Atoi(c)
		if err != nil || code < 100 || code > 599 || len(c) != 3 {
			return
		}
		for _, s := range out {
			if s.code == code {
				return
			}
		}
		resp, ptr := declared(c)
		schema, _ := g.responseSchema(resp, ptr, op)
		out = append(out, status{code: code, ptr: ptr, desc: source.Scalar(source.Get(resp, "description")), schema: schema,
			headers: g.declaredHeaders(resp), isError: code >= 400})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].code < out[j].code })
	return out
}

// statusWord names a status for identifiers: NotFound, OK, Status299.
func statusWord(code int) string {
	if t := http.StatusText(code); t != "" {
		return goName(t)
	}
	return "Status" + strconv.Itoa(code)
}
