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
	"go.yaml.in/yaml/v4"
)

// opContext is what the branches of one operation need.
type opContext struct {
	g    *apiGen
	op   *openapi.Operation
	node *yaml.Node // the operation in the converted document
	rel  string     // its pointer relative to the document root
	conv *bodyConv
}

// operation returns the schema of op's responses and its index entry, or
// nil when op cannot be described (a diagnostic says why).
func (g *apiGen) operation(op *openapi.Operation) (*jsonschema.Schema, IndexEntry) {
	rel := "/paths/" + source.EscapeToken(op.Path) + "/" + source.EscapeToken(op.Key)
	entry := IndexEntry{Method: op.Method, Path: op.Path, OperationID: source.Scalar(source.Get(op.Node, "operationId"))}
	integ, _ := op.Extension(extensions.ExtIntegration).(*extensions.Integration)
	if integ == nil {
		g.diags.Add(diag.ResponseSchemaOperation, op.Node, rel, "%s %s has no %s, so API Gateway gives it no responses; it is left out", op.Method, op.Path, extensions.ExtIntegration)
		return nil, entry
	}
	entry.IntegrationType = string(integ.Type.Canonical())
	c := &opContext{g: g, op: op, node: source.Get(source.Get(source.Get(g.root, "paths"), op.Path), op.Key), rel: rel,
		conv: newBodyConv(g.root, g.doc.Kind != openapi.OpenAPI31, g.diags)}
	proxy := g.doc.HTTPAPI() || integ.Type.Is(extensions.TypeAWSProxy) || integ.Type.Is(extensions.TypeHTTPProxy) || integ.Ref != ""
	var branches []*jsonschema.Schema
	if proxy {
		branches = c.proxyBranches()
	} else {
		branches = c.integrationBranches(integ)
	}
	if len(branches) == 0 {
		return nil, entry
	}
	s := &jsonschema.Schema{
		Version:     jsonschema.Version,
		Title:       op.Method + " " + op.Path,
		Description: describeOperation(op, integ, proxy),
		OneOf:       branches,
	}
	s.Definitions = c.conv.finish()
	setExtra(s, "x-apigw-method", op.Method)
	setExtra(s, "x-apigw-path", op.Path)
	if entry.OperationID != "" {
		setExtra(s, "x-apigw-operation-id", entry.OperationID)
	}
	if entry.IntegrationType != "" {
		setExtra(s, "x-apigw-integration-type", entry.IntegrationType)
	}
	return s, entry
}

// describeOperation says what the schema's branches come from.
func describeOperation(op *openapi.Operation, integ *extensions.Integration, proxy bool) string {
	summary := strings.TrimSpace(source.Scalar(source.Get(op.Node, "summary")))
	var what string
	switch {
	case proxy:
		what = "The backend sets the status, headers and body (proxy integration); one branch per response the document declares."
	case integ.Type.Is(extensions.TypeAWS) && strings.Contains(integ.URI.String(), ":lambda:path/"):
		what = "One branch per integration response; the selection patterns are matched against the Lambda function's errorMessage, and the default applies when the function succeeds or no pattern matches."
	default:
		what = "One branch per integration response; the selection patterns are matched against the backend's status code, and the default applies when no pattern matches."
	}
	if summary != "" {
		return summary + ". " + what
	}
	return what
}

// response returns the declared response for key ("200", "4XX", "default"), $refs followed.
func (c *opContext) response(key string) *yaml.Node {
	r := source.Get(source.Get(c.node, "responses"), key)
	for range 8 {
		ref, ok := str(source.Get(r, "$ref"))
		if !ok {
			break
		}
		r = localRef(c.g.root, ref)
	}
	return r
}

// integrationBranches describes the integration responses of an AWS, HTTP
// or MOCK integration, one branch per status code. Like import, a later
// response for the same status code replaces an earlier one.
func (c *opContext) integrationBranches(integ *extensions.Integration) []*jsonschema.Schema {
	irel := c.rel + "/" + source.EscapeToken(extensions.ExtIntegration) + "/responses"
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
			c.g.diags.Add(diag.ResponseSchemaOperation, p.Value.Node(), irel+"/"+source.EscapeToken(p.Key), "integration response %q has no three-digit statusCode; it is left out", p.Key)
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
		c.g.diags.Add(diag.ResponseSchemaOperation, integ.Node(), irel, "%s %s has no integration responses, so every call ends in 500 Internal server error; it is left out: add responses with a default", c.op.Method, c.op.Path)
		return nil
	}
	slices.SortStableFunc(list, func(a, b picked) int { return strings.Compare(a.v.StatusCode, b.v.StatusCode) })
	out := make([]*jsonschema.Schema, 0, len(list))
	for _, p := range list {
		if b := c.integrationBranch(p.key, p.v, irel+"/"+source.EscapeToken(p.key)); b != nil {
			out = append(out, b)
		}
	}
	return out
}

// integrationBranch describes the responses of one integration response.
func (c *opContext) integrationBranch(key string, v *extensions.IntegrationResponseEntry, rel string) *jsonschema.Schema {
	code := v.StatusCode
	resp := c.response(code)
	rrel := c.rel + "/responses/" + code
	if resp == nil {
		// Import skips such an integration response with a warning ("Invalid
		// Response status code specified"), so no client ever gets it.
		c.g.diags.Add(diag.ResponseSchemaMethodResponse, v.Node(), rel+"/statusCode", "integration response %q maps to status %s, which %s %s does not declare, so import skips it and it is left out: add responses.%s", key, code, c.op.Method, c.op.Path, code)
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
			hs = c.header(resp, name, rrel, hs)
		}
		b.header(name, hs, required)
	}
	var cts []string
	for _, t := range v.ResponseTemplates {
		cts = append(cts, t.Key)
	}
	fromTemplates := len(cts) > 0
	if !fromTemplates {
		source.Pairs(source.Get(resp, "content"), func(ct string, _ *yaml.Node) { cts = append(cts, ct) })
	}
	b.content(c, resp, rrel, cts, fromTemplates)
	s := b.schema()
	if extensions.IsDefaultKey(key) {
		s.Title = code + " (default)"
		s.Description = "The default integration response: selected when no selection pattern matches."
		setExtra(s, "x-apigw-default", true)
	} else {
		s.Title = code
		s.Description = "Selected when the selection pattern matches the whole text: " + key
		setExtra(s, "x-apigw-selection-pattern", key)
	}
	if len(v.ResponseParameters) > 0 {
		setExtra(s, "x-apigw-response-parameters", orderedStrings(v.ResponseParameters))
	}
	if len(v.ResponseTemplates) > 0 {
		setExtra(s, "x-apigw-response-templates", orderedStrings(v.ResponseTemplates))
	}
	if v.ContentHandling != "" {
		setExtra(s, "x-apigw-content-handling", strings.ToUpper(string(v.ContentHandling)))
	}
	return s
}

// header returns the schema of a mapped header: its declared schema when
// that describes a string, since header values are text.
func (c *opContext) header(resp *yaml.Node, name, rrel string, fallback *jsonschema.Schema) *jsonschema.Schema {
	var decl *yaml.Node
	var dname string
	source.Pairs(source.Get(resp, "headers"), func(k string, v *yaml.Node) {
		if decl == nil && strings.EqualFold(k, name) {
			decl, dname = v, k
		}
	})
	for range 8 {
		ref, ok := str(source.Get(decl, "$ref"))
		if !ok {
			break
		}
		decl = localRef(c.g.root, ref)
	}
	sch := source.Get(decl, "schema")
	if sch == nil {
		return fallback
	}
	t := source.Scalar(source.Get(sch, "type"))
	if t != "" && t != "string" || source.Get(sch, "$ref") != nil {
		fallback.Description = strings.TrimSpace(fallback.Description + " Declared as " + strings.TrimSpace(t+" "+source.Scalar(source.Get(sch, "$ref"))) + "; header values are text.")
		return fallback
	}
	hs := c.conv.schema(sch, rrel+"/headers/"+source.EscapeToken(dname)+"/schema", 0)
	if hs.Type == "" && hs.Extras["type"] == nil {
		hs.Type = "string"
	}
	if d, ok := str(source.Get(decl, "description")); ok && hs.Description == "" {
		hs.Description = d
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
	source.Pairs(source.Get(c.node, "responses"), func(k string, _ *yaml.Node) {
		switch {
		case isStatusCode(k):
			if !slices.Contains(exact, k) {
				exact = append(exact, k)
			}
		case len(k) == 3 && k[0] >= '1' && k[0] <= '5' && strings.EqualFold(k[1:], "XX"):
			ranges = append(ranges, k)
		case k == "default":
			hasDefault = true
		}
	})
	slices.Sort(exact)
	slices.Sort(ranges)
	var out []*jsonschema.Schema
	for _, k := range exact {
		out = append(out, c.proxyBranch(k, c.response(k), newShape(k)))
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
		out = append(out, c.proxyBranch(k, c.response(k), &shape{status: code, title: k}))
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
			c.g.diags.AddAs(diag.Info, diag.ResponseSchemaOperation, c.op.Node, c.rel+"/responses", "%s %s declares no responses; its schema accepts any status: declare the responses the backend returns", c.op.Method, c.op.Path)
		}
		s := c.proxyBranch("default", c.response("default"), b)
		if hasDefault {
			setExtra(s, "x-apigw-default", true)
		}
		out = append(out, s)
	}
	return out
}

// proxyBranch describes one declared response of a proxy integration.
func (c *opContext) proxyBranch(key string, resp *yaml.Node, b *shape) *jsonschema.Schema {
	rrel := c.rel + "/responses/" + source.EscapeToken(key)
	source.Pairs(source.Get(resp, "headers"), func(name string, decl *yaml.Node) {
		required := false
		for range 8 {
			ref, ok := str(source.Get(decl, "$ref"))
			if !ok {
				break
			}
			decl = localRef(c.g.root, ref)
		}
		if r := source.Get(decl, "required"); r != nil && r.Value == "true" {
			required = true
		}
		b.header(name, c.header(resp, name, rrel, &jsonschema.Schema{Type: "string"}), required)
	})
	var cts []string
	source.Pairs(source.Get(resp, "content"), func(ct string, _ *yaml.Node) { cts = append(cts, ct) })
	b.content(c, resp, rrel, cts, false)
	s := b.schema()
	if d, ok := str(source.Get(resp, "description")); ok {
		s.Description = d
	}
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
