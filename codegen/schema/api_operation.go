package schema

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/mapping"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"github.com/invopop/jsonschema"
)

// opContext is what the branches of one operation need.
type opContext struct {
	g    *apiGen
	op   *openapi.Operation
	conv *bodyConv
	// shapes are the response templates rendered offline (see
	// openapi.Operation.ResponseShapes).
	shapes []openapi.ResponseShape
	// responses say where each branch comes from, for the index.
	responses []IndexResponse
}

// operation returns the schema of op's responses and its index entry, or
// nil when op cannot be described (a diagnostic says why).
func (g *apiGen) operation(op *openapi.Operation) (*jsonschema.Schema, IndexEntry) {
	entry := IndexEntry{Method: op.Method, Path: op.Path, OperationID: op.ID}
	integ, ext := op.Integration()
	if integ == nil {
		g.Add(diag.ResponseSchemaOperation, op.Node, op.Pointer, "%s %s has no %s, so API Gateway gives it no responses; it is left out", op.Method, op.Path, extensions.ExtIntegration)
		return nil, entry
	}
	// A $ref to a reusable integration that names nothing is taken as a
	// proxy: the backend it would name chooses the responses.
	backend := op.Backend()
	proxy := g.doc.HTTPAPI() || backend == nil || openapi.IsProxy(backend)
	if backend != nil {
		entry.IntegrationType = string(backend.Type.Canonical())
	}
	c := &opContext{g: g, op: op, conv: newBodyConv(g)}
	var branches []*jsonschema.Schema
	if proxy {
		branches = c.proxyBranches()
	} else {
		c.shapes = op.ResponseShapes()
		branches = c.integrationBranches(backend, g.backendPointer(integ, ext))
	}
	if len(branches) == 0 {
		return nil, entry
	}
	s := &jsonschema.Schema{
		Version:     jsonschema.Version,
		Title:       op.Method + " " + op.Path,
		Description: describeOperation(op, backend, proxy),
		OneOf:       branches,
	}
	s.Definitions = c.conv.finish()
	entry.Responses = c.responses
	return s, entry
}

// backendPointer returns the pointer of the integration that serves an
// operation whose own integration is integ, written at ext: integ itself,
// or the reusable integration its $ref names.
func (g *apiGen) backendPointer(integ *extensions.Integration, ext *openapi.Extension) string {
	if !integ.IsRef() {
		return ext.Pointer
	}
	if all := g.doc.ExtensionsNamed(extensions.ExtIntegrations); len(all) > 0 {
		return source.Pointer(all[0].Pointer, integ.RefName())
	}
	return ext.Pointer
}

// describeOperation says what the schema's branches come from.
func describeOperation(op *openapi.Operation, backend *extensions.Integration, proxy bool) string {
	summary := strings.TrimSpace(op.Summary)
	var what string
	switch {
	case proxy:
		what = "The backend sets the status, headers and body (proxy integration); one branch per response the document declares."
	case backend.Type.Is(extensions.TypeAWS) && strings.Contains(backend.URI.String(), ":lambda:path/"):
		what = "One branch per integration response; the selection patterns are matched against the Lambda function's errorMessage, and the default applies when the function succeeds or no pattern matches."
	default:
		what = "One branch per integration response; the selection patterns are matched against the backend's status code, and the default applies when no pattern matches."
	}
	if summary != "" {
		return summary + ". " + what
	}
	return what
}

// integrationBranches describes the integration responses of an AWS, HTTP
// or MOCK integration written at ptr, one branch per status code. Like
// import, a later response for the same status code replaces an earlier one.
func (c *opContext) integrationBranches(integ *extensions.Integration, ptr string) []*jsonschema.Schema {
	irel := ptr + "/responses"
	byStatus := map[string]int{}
	type picked struct {
		key string
		v   *extensions.IntegrationResponseEntry
	}
	var list []picked
	for _, p := range integ.Responses {
		if p.Value == nil {
			continue
		}
		code := p.Value.StatusCode
		if !isStatusCode(code) {
			c.g.Add(diag.ResponseSchemaOperation, p.Value.Node(), source.Pointer(irel, p.Key), "integration response %q has no three-digit statusCode; it is left out", p.Key)
			continue
		}
		if i, ok := byStatus[code]; ok {
			list[i] = picked{p.Key, p.Value}
			continue
		}
		byStatus[code] = len(list)
		list = append(list, picked{p.Key, p.Value})
	}
	if len(list) == 0 {
		c.g.Add(diag.ResponseSchemaOperation, integ.Node(), irel, "%s %s has no integration responses, so every call ends in 500 Internal server error; it is left out: add responses with a default", c.op.Method, c.op.Path)
		return nil
	}
	slices.SortStableFunc(list, func(a, b picked) int { return strings.Compare(a.v.StatusCode, b.v.StatusCode) })
	out := make([]*jsonschema.Schema, 0, len(list))
	for _, p := range list {
		if b := c.integrationBranch(p.key, p.v, source.Pointer(irel, p.key)); b != nil {
			out = append(out, b)
		}
	}
	return out
}

// integrationBranch describes the responses of one integration response.
func (c *opContext) integrationBranch(key string, v *extensions.IntegrationResponseEntry, rel string) *jsonschema.Schema {
	code := v.StatusCode
	resp := c.op.Response(code)
	if resp == nil {
		// Import skips such an integration response with a warning ("Invalid
		// Response status code specified"), so no client ever gets it.
		c.g.Add(diag.ResponseSchemaMethodResponse, v.Node(), rel+"/statusCode", "integration response %q maps to status %s, which %s %s does not declare, so import skips it and it is left out: add responses.%s", key, code, c.op.Method, c.op.Path, code)
		return nil
	}
	b := newShape(code)
	for _, p := range v.ResponseParameters {
		name, ok := strings.CutPrefix(p.Key, "method.response.header.")
		if !ok || name == "" {
			continue
		}
		hs, required := &jsonschema.Schema{Type: "string"}, false
		if p.Value.IsLiteral() {
			m, problems := mapping.ParseResponse(p.Key, p.Value.String())
			if !mapping.HasError(problems) {
				switch m.Source.Kind {
				case mapping.Static:
					hs.Const, required = m.Source.Literal, true
				case mapping.ContextVar, mapping.StageVariable:
					required = true
				}
				hs.Description = "Mapped from " + p.Value.String() + "."
			}
		}
		if hs.Const == nil {
			hs = c.header(resp, name, hs)
		}
		b.header(name, hs, required)
	}
	var cts []string
	for _, t := range v.ResponseTemplates {
		cts = append(cts, t.Key)
	}
	fromTemplates := len(cts) > 0
	if !fromTemplates {
		for _, m := range resp.Content {
			cts = append(cts, m.Type)
		}
	}
	b.content(c, resp, cts, fromTemplates)
	s := b.schema()
	r := IndexResponse{Status: code}
	if extensions.IsDefaultKey(key) {
		s.Title = code + " (default)"
		s.Description = "The default integration response: selected when no selection pattern matches."
		r.Default = true
	} else {
		s.Title = code
		s.Description = "Selected when the selection pattern matches the whole text: " + key
		r.SelectionPattern = key
	}
	if len(v.ResponseParameters) > 0 {
		r.ResponseParameters = orderedStrings(v.ResponseParameters)
	}
	if len(v.ResponseTemplates) > 0 {
		r.ResponseTemplates = orderedStrings(v.ResponseTemplates)
	}
	r.ContentHandling = strings.ToUpper(string(v.ContentHandling))
	r.Verified = c.verified(key)
	c.responses = append(c.responses, r)
	return s
}

// verified tells whether the body shape of the integration response key
// was verified offline: one of its response templates rendered and matched
// the method response's model, and none rendered a body the model rejects
// or failed.
func (c *opContext) verified(key string) bool {
	ok := false
	for _, sh := range c.shapes {
		if sh.Key != key {
			continue
		}
		switch sh.Verdict {
		case openapi.ShapeMatches:
			ok = true
		case openapi.ShapeMismatch, openapi.ShapeRenderFailed:
			return false
		}
	}
	return ok
}

// swaggerHeaderKeys are the keys of a Swagger 2.0 header object that are
// schema keywords.
var swaggerHeaderKeys = []string{"type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
	"maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf"}

// header returns the schema of a mapped header: its declared schema (the
// first header of resp whose name matches, ignoring case) when that
// describes a string, since header values are text.
func (c *opContext) header(resp *openapi.Response, name string, fallback *jsonschema.Schema) *jsonschema.Schema {
	var decl *openapi.Header
	if resp != nil {
		for _, h := range resp.Headers {
			if strings.EqualFold(h.Name, name) {
				decl = h
				break
			}
		}
	}
	if decl == nil || decl.Schema == nil {
		return fallback
	}
	sch := decl.Schema.Node
	t := source.Scalar(source.Get(sch, "type"))
	if t != "" && t != "string" || source.Get(sch, "$ref") != nil {
		fallback.Description = strings.TrimSpace(fallback.Description + " Declared as " + strings.TrimSpace(t+" "+source.Scalar(source.Get(sch, "$ref"))) + "; header values are text.")
		return fallback
	}
	var hs *jsonschema.Schema
	if c.g.doc.Kind == openapi.Swagger2 {
		hs = c.conv.only(sch, decl.Schema.Pointer, 0, swaggerHeaderKeys)
	} else {
		hs = c.conv.schema(sch, decl.Schema.Pointer, 0)
	}
	if hs.Type == "" && hs.Extras["type"] == nil {
		hs.Type = "string"
	}
	if hs.Description == "" {
		hs.Description = decl.Description
	}
	if fallback.Description != "" {
		hs.Description = strings.TrimSpace(hs.Description + " " + fallback.Description)
	}
	return hs
}

// proxyBranches describes the declared responses of a proxy integration
// (or an HTTP API route): the backend chooses among them.
func (c *opContext) proxyBranches() []*jsonschema.Schema {
	var exact, ranges []string
	hasDefault := false
	for _, r := range c.op.Responses {
		switch k := r.Status; {
		case isStatusCode(k):
			if !slices.Contains(exact, k) {
				exact = append(exact, k)
			}
		case len(k) == 3 && k[0] >= '1' && k[0] <= '5' && strings.EqualFold(k[1:], "XX"):
			ranges = append(ranges, k)
		case k == "default":
			hasDefault = true
		}
	}
	slices.Sort(exact)
	slices.Sort(ranges)
	var out []*jsonschema.Schema
	for _, k := range exact {
		out = append(out, c.proxyBranch(c.op.Response(k), newShape(k)))
		c.responses = append(c.responses, IndexResponse{Status: k})
	}
	excluded := func(lo, hi int) []any {
		var e []any
		for _, k := range exact {
			if n, _ := strconv.Atoi(k); n >= lo && n <= hi {
				e = append(e, n)
			}
		}
		return e
	}
	var rangeSchemas []*jsonschema.Schema
	for _, k := range ranges {
		lo := int(k[0]-'0') * 100
		code := statusRange(lo, lo+99, excluded(lo, lo+99))
		rangeSchemas = append(rangeSchemas, statusRange(lo, lo+99, nil))
		out = append(out, c.proxyBranch(c.op.Response(k), &shape{status: code, title: k}))
		c.responses = append(c.responses, IndexResponse{Status: k})
	}
	if hasDefault || len(out) == 0 {
		code := statusRange(100, 599, excluded(100, 599))
		if len(rangeSchemas) > 0 {
			not := &jsonschema.Schema{AnyOf: rangeSchemas}
			if code.Not != nil {
				not.AnyOf = append([]*jsonschema.Schema{code.Not}, not.AnyOf...)
			}
			code.Not = not
		}
		b := &shape{status: code, title: "default"}
		if !hasDefault {
			b.title = "undeclared"
			c.g.AddAs(diag.Info, diag.ResponseSchemaOperation, c.op.Node, c.op.Pointer+"/responses", "%s %s declares no responses; its schema accepts any status: declare the responses the backend returns", c.op.Method, c.op.Path)
		}
		out = append(out, c.proxyBranch(c.op.Response("default"), b))
		c.responses = append(c.responses, IndexResponse{Status: b.title, Default: hasDefault})
	}
	return out
}

// proxyBranch describes one declared response of a proxy integration; resp
// is nil when there is none.
func (c *opContext) proxyBranch(resp *openapi.Response, b *shape) *jsonschema.Schema {
	if resp == nil {
		return b.schema()
	}
	for _, h := range resp.Headers {
		b.header(h.Name, c.header(resp, h.Name, &jsonschema.Schema{Type: "string"}), h.Required)
	}
	cts := make([]string, len(resp.Content))
	for i, m := range resp.Content {
		cts[i] = m.Type
	}
	b.content(c, resp, cts, false)
	s := b.schema()
	s.Description = resp.Description
	return s
}

// statusRange is an integer status code from lo to hi, except those listed.
func statusRange(lo, hi int, except []any) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "integer", Minimum: json.Number(strconv.Itoa(lo)), Maximum: json.Number(strconv.Itoa(hi))}
	if len(except) > 0 {
		s.Not = &jsonschema.Schema{Enum: except}
	}
	return s
}

// isStatusCode tells whether s is a three-digit HTTP status code.
func isStatusCode(s string) bool {
	if len(s) != 3 || s[0] < '1' || s[0] > '5' {
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}
