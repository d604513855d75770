package openapi

import (
	"net/url"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

var (
	swaggerRefs = []string{"#/definitions/", "#/parameters/", "#/responses/"}
	oas3Refs    = []string{"#/components/schemas/", "#/components/parameters/", "#/components/responses/"}
)

// schemaKeys are the parameter and header keys that belong in a schema in OpenAPI 3.
var schemaKeys = []string{"type", "format", "items", "collectionFormat", "default", "maximum", "exclusiveMaximum", "minimum",
	"exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf"}

// fromSwagger rewrites a Swagger 2.0 root as OpenAPI 3.
func (c *converter) fromSwagger(root *yaml.Node) *yaml.Node {
	out := newMap().node()
	consumes, produces := scalarList(source.Get(root, "consumes")), scalarList(source.Get(root, "produces"))
	comps := newMap()
	var servers *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "swagger":
			out.Content = append(out.Content, strScalar("openapi"), strScalar("3.0.3"))
		case "host", "basePath", "schemes":
			if servers == nil {
				servers = c.servers(root)
				out.Content = append(out.Content, strScalar("servers"), servers)
			}
		case "consumes", "produces":
		case "definitions":
			comps.set("schemas", v)
		case "parameters":
			source.Entries(v, func(_, p *yaml.Node) { c.parameter30(p) })
			comps.set("parameters", v)
		case "responses":
			source.Entries(v, func(_, r *yaml.Node) { c.response30(r, produces) })
			comps.set("responses", v)
		case "securityDefinitions":
			source.Entries(v, func(_, s *yaml.Node) { c.scheme30(s) })
			comps.set("securitySchemes", v)
		case extensions.ExtEndpointConfiguration:
			if servers == nil {
				servers = c.servers(root)
				out.Content = append(out.Content, strScalar("servers"), servers)
			}
			for _, s := range servers.Content {
				put(s, k.Value, v, "")
			}
			c.Add(diag.ConvertMoved, k, "/"+k.Value, "%s moves from the root to each server, where OpenAPI 3 documents carry it", k.Value)
		case "paths":
			out.Content = append(out.Content, k, v)
			source.Entries(v, func(_, item *yaml.Node) {
				for _, p := range source.Items(source.Get(item, "parameters")) {
					c.parameter30(p)
				}
			})
			operationsOf(root, func(_, _ string, op *yaml.Node, rel string) { c.operation30(op, rel, consumes, produces) })
		default:
			out.Content = append(out.Content, k, v)
		}
	}
	if !comps.empty() {
		out.Content = append(out.Content, strScalar("components"), comps.node())
	}
	rewriteRefs(out, swaggerRefs, oas3Refs)
	return out
}

// servers builds OpenAPI 3 servers from Swagger's host, basePath and schemes.
func (c *converter) servers(root *yaml.Node) *yaml.Node {
	host, base := source.Scalar(source.Get(root, "host")), source.Scalar(source.Get(root, "basePath"))
	schemes := scalarList(source.Get(root, "schemes"))
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq}
	if host == "" {
		seq.Content = append(seq.Content, newMap().set("url", strScalar(orText(base, "/"))).node())
		return seq
	}
	if len(schemes) == 0 {
		schemes = []string{"https"}
	}
	for _, s := range schemes {
		seq.Content = append(seq.Content, newMap().set("url", strScalar(s+"://"+host+base)).node())
	}
	return seq
}

// schemaOf moves the schema keys of a Swagger parameter or header into a schema.
func schemaOf(n *yaml.Node) *yaml.Node {
	s := newMap()
	for _, k := range schemaKeys {
		if v := del(n, k); v != nil && k != "collectionFormat" {
			s.set(k, v)
		}
	}
	return s.node()
}

func (c *converter) parameter30(p *yaml.Node) {
	if source.Get(p, "$ref") != nil || source.Get(p, "in") == nil || source.Scalar(source.Get(p, "in")) == "body" || source.Scalar(source.Get(p, "in")) == "formData" {
		return
	}
	if cf := source.Scalar(source.Get(p, "collectionFormat")); cf == "multi" {
		put(p, "explode", boolScalar(true), "")
	}
	put(p, "schema", schemaOf(p), "")
}

func (c *converter) operation30(op *yaml.Node, rel string, consumes, produces []string) {
	if cs := scalarList(del(op, "consumes")); len(cs) > 0 {
		consumes = cs
	}
	if ps := scalarList(del(op, "produces")); len(ps) > 0 {
		produces = ps
	}
	consumes = orDefault(consumes)
	produces = orDefault(produces)
	params := source.Get(op, "parameters")
	var keep []*yaml.Node
	var body *yaml.Node
	form := newMap()
	var formRequired []string
	for _, p := range source.Items(params) {
		switch source.Scalar(source.Get(p, "in")) {
		case "body":
			content := newMap()
			for _, ct := range consumes {
				content.set(ct, newMap().set("schema", source.Get(p, "schema")).node())
			}
			body = newMap().set("description", source.Get(p, "description")).set("content", content.node()).node()
			if source.IsTrue(source.Get(p, "required")) {
				put(body, "required", boolScalar(true), "")
			}
		case "formData":
			name := source.Scalar(source.Get(p, "name"))
			if source.IsTrue(source.Get(p, "required")) {
				formRequired = append(formRequired, name)
			}
			desc := source.Get(p, "description")
			s := schemaOf(p)
			if desc != nil {
				put(s, "description", desc, "")
			}
			if source.Scalar(source.Get(s, "type")) == "file" {
				put(s, "type", strScalar("string"), "")
				put(s, "format", strScalar("binary"), "type")
			}
			form.set(name, s)
		default:
			c.parameter30(p)
			keep = append(keep, p)
		}
	}
	if !form.empty() {
		s := newMap().set("type", strScalar("object")).set("properties", form.node())
		if len(formRequired) > 0 {
			s.set("required", strSeq(formRequired))
		}
		ct := "application/x-www-form-urlencoded"
		if slices.Contains(consumes, "multipart/form-data") {
			ct = "multipart/form-data"
		}
		body = newMap().set("content", newMap().set(ct, newMap().set("schema", s.node()).node()).node()).node()
	}
	if params != nil {
		if len(keep) == 0 {
			del(op, "parameters")
		} else {
			params.Content = keep
		}
	}
	if body != nil {
		put(op, "requestBody", body, "parameters")
	}
	source.Entries(source.Get(op, "responses"), func(_, r *yaml.Node) { c.response30(r, produces) })
}

func orDefault(cts []string) []string {
	if len(cts) == 0 {
		return []string{"application/json"}
	}
	return cts
}

func (c *converter) response30(r *yaml.Node, produces []string) {
	if source.Get(r, "$ref") != nil {
		return
	}
	source.Entries(source.Get(r, "headers"), func(_, h *yaml.Node) {
		if source.Get(h, "schema") == nil {
			put(h, "schema", schemaOf(h), "")
		}
	})
	schema := del(r, "schema")
	examples := del(r, "examples")
	if schema == nil {
		return
	}
	content := newMap()
	for _, ct := range orDefault(produces) {
		mt := newMap().set("schema", schema)
		mt.set("example", source.Get(examples, ct))
		content.set(ct, mt.node())
	}
	put(r, "content", content.node(), "headers")
}

// oauthFlows pairs Swagger 2.0 flow names with OpenAPI 3 ones.
var oauthFlows = [][2]string{{"implicit", "implicit"}, {"password", "password"}, {"application", "clientCredentials"}, {"accessCode", "authorizationCode"}}

func flow3(old string) string {
	for _, f := range oauthFlows {
		if f[0] == old {
			return f[1]
		}
	}
	return "implicit"
}

func (c *converter) scheme30(s *yaml.Node) {
	switch source.Scalar(source.Get(s, "type")) {
	case "basic":
		put(s, "type", strScalar("http"), "")
		put(s, "scheme", strScalar("basic"), "type")
	case "oauth2":
		flow := source.Scalar(del(s, "flow"))
		f := newMap().set("authorizationUrl", del(s, "authorizationUrl")).set("tokenUrl", del(s, "tokenUrl")).set("scopes", orEmpty(del(s, "scopes")))
		put(s, "flows", newMap().set(flow3(flow), f.node()).node(), "type")
	}
}

func orEmpty(n *yaml.Node) *yaml.Node {
	if n == nil {
		return newMap().node()
	}
	return n
}

// toSwagger rewrites an OpenAPI 3 root as Swagger 2.0.
func (c *converter) toSwagger(root *yaml.Node) *yaml.Node {
	out := newMap().node()
	reusable := source.Get(source.Get(root, "components"), extensions.ExtIntegrations)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "openapi":
			out.Content = append(out.Content, strScalar("swagger"), strScalar("2.0"))
		case "jsonSchemaDialect", "webhooks":
			c.loss(k, "/"+k.Value, "Swagger 2.0 has no %s; it is dropped", k.Value)
		case "servers":
			c.swaggerServers(out, v)
		case "components":
			c.components2(out, v)
		case "paths":
			out.Content = append(out.Content, k, v)
			source.Entries(v, func(p, item *yaml.Node) {
				for _, prm := range source.Items(source.Get(item, "parameters")) {
					c.parameter2(prm)
				}
			})
			operationsOf(root, func(_, _ string, op *yaml.Node, rel string) { c.operation2(op, rel, reusable) })
		default:
			out.Content = append(out.Content, k, v)
		}
	}
	c.schemas(out, c.nullable2)
	rewriteRefs(out, oas3Refs, swaggerRefs)
	return out
}

func (c *converter) swaggerServers(out, servers *yaml.Node) {
	list := source.Items(servers)
	if len(list) == 0 {
		return
	}
	if len(list) > 1 {
		c.loss(servers, "/servers", "Swagger 2.0 has one host and base path; only the first of %d servers is kept", len(list))
	}
	s := list[0]
	raw := serverVar.ReplaceAllStringFunc(source.Scalar(source.Get(s, "url")), func(m string) string {
		return source.Scalar(source.Get(source.Get(source.Get(s, "variables"), m[1:len(m)-1]), "default"))
	})
	u, err := url.Parse(raw)
	if err != nil {
		c.loss(source.Get(s, "url"), "/servers/0/url", "server URL %q cannot be parsed; no host or basePath is written", raw)
		return
	}
	if u.Host != "" {
		out.Content = append(out.Content, strScalar("host"), strScalar(u.Host))
	}
	if p := cleanPath(u.Path); p != "" {
		out.Content = append(out.Content, strScalar("basePath"), strScalar(p))
	}
	if u.Scheme != "" {
		out.Content = append(out.Content, strScalar("schemes"), strSeq([]string{u.Scheme}))
	}
	source.Entries(s, func(k, v *yaml.Node) {
		if k.Value == extensions.ExtEndpointConfiguration {
			out.Content = append(out.Content, strScalar(k.Value), v)
			c.Add(diag.ConvertMoved, k, "/servers/0/"+k.Value, "%s moves from the server to the root, where Swagger 2.0 documents carry it", k.Value)
		}
	})
}

func (c *converter) components2(out, comps *yaml.Node) {
	source.Entries(comps, func(k, v *yaml.Node) {
		rel := "/components/" + source.EscapeToken(k.Value)
		switch k.Value {
		case "schemas":
			out.Content = append(out.Content, strScalar("definitions"), v)
		case "parameters":
			source.Entries(v, func(_, p *yaml.Node) { c.parameter2(p) })
			out.Content = append(out.Content, strScalar("parameters"), v)
		case "responses":
			source.Entries(v, func(_, r *yaml.Node) { c.response2(r, nil, rel) })
			out.Content = append(out.Content, strScalar("responses"), v)
		case "securitySchemes":
			source.Entries(v, func(n, s *yaml.Node) { c.scheme2(s, rel+"/"+source.EscapeToken(n.Value)) })
			out.Content = append(out.Content, strScalar("securityDefinitions"), v)
		case extensions.ExtIntegrations:
			c.Add(diag.ConvertMoved, k, rel, "Swagger 2.0 has no components: each reusable integration is written into the operations that refer to it")
		default:
			c.loss(k, rel, "Swagger 2.0 has no components.%s; it is dropped (write them inline where used)", k.Value)
		}
	})
}

func (c *converter) parameter2(p *yaml.Node) {
	s := del(p, "schema")
	if s == nil {
		return
	}
	s = source.Resolve(s)
	if ref := source.Get(s, "$ref"); ref != nil {
		put(p, "type", strScalar("string"), "")
		return
	}
	source.Entries(s, func(k, v *yaml.Node) {
		if slices.Contains(schemaKeys, k.Value) {
			put(p, k.Value, v, "")
		}
	})
	for _, k := range []string{"style", "explode", "allowReserved", "example", "examples", "content", "deprecated"} {
		if n := del(p, k); n != nil && k == "explode" && source.IsTrue(n) && source.Scalar(source.Get(p, "type")) == "array" {
			put(p, "collectionFormat", strScalar("multi"), "")
		}
	}
}

func (c *converter) operation2(op *yaml.Node, rel string, reusable *yaml.Node) {
	for _, p := range source.Items(source.Get(op, "parameters")) {
		c.parameter2(p)
	}
	if body, _, _ := source.Follow(c.doc.Root, del(op, "requestBody"), ""); body != nil {
		var cts []string
		var schema *yaml.Node
		source.Entries(source.Get(body, "content"), func(ct, mt *yaml.Node) {
			cts = append(cts, ct.Value)
			if schema == nil {
				schema = source.Get(mt, "schema")
			}
		})
		if len(cts) > 0 {
			putBefore(op, "consumes", strSeq(cts), "responses")
		}
		p := newMap().set("in", strScalar("body")).set("name", strScalar("body")).set("description", source.Get(body, "description"))
		if source.IsTrue(source.Get(body, "required")) {
			p.set("required", boolScalar(true))
		}
		p.set("schema", orEmpty(schema))
		params := source.Get(op, "parameters")
		if params == nil {
			params = &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq}
			putBefore(op, "parameters", params, "responses")
		}
		params.Content = append(params.Content, p.node())
	}
	var produces []string
	source.Entries(source.Get(op, "responses"), func(k, r *yaml.Node) {
		produces = union(produces, c.response2(r, nil, rel+"/responses/"+source.EscapeToken(k.Value)))
	})
	if len(produces) > 0 {
		putBefore(op, "produces", strSeq(produces), "responses")
	}
	for _, k := range []string{"callbacks", "servers"} {
		if n := del(op, k); n != nil {
			c.loss(n, rel+"/"+k, "Swagger 2.0 operations have no %s; they are dropped", k)
		}
	}
	if integ := source.Get(op, extensions.ExtIntegration); integ != nil {
		if ref := source.Scalar(source.Get(integ, "$ref")); strings.HasPrefix(ref, extensions.IntegrationsRefPrefix) {
			name := strings.NewReplacer("~1", "/", "~0", "~").Replace(strings.TrimPrefix(ref, extensions.IntegrationsRefPrefix))
			if target := source.Get(reusable, name); target != nil {
				put(op, extensions.ExtIntegration, source.Clone(target), "")
			} else {
				c.loss(integ, rel+"/"+extensions.ExtIntegration, "reusable integration %q is not defined; the $ref is kept, which Swagger 2.0 cannot resolve", name)
			}
		}
	}
}

// response2 rewrites an OpenAPI 3 response as Swagger 2.0 and returns its media types.
func (c *converter) response2(r *yaml.Node, _ []string, rel string) []string {
	if source.Get(r, "$ref") != nil {
		return nil
	}
	source.Entries(source.Get(r, "headers"), func(_, h *yaml.Node) { c.parameter2(h) })
	content := del(r, "content")
	var cts []string
	var schema *yaml.Node
	source.Entries(content, func(ct, mt *yaml.Node) {
		cts = append(cts, ct.Value)
		if s := source.Get(mt, "schema"); s != nil {
			if schema != nil && compactJSON(schema, nil) != compactJSON(s, nil) {
				c.loss(ct, rel+"/content/"+source.EscapeToken(ct.Value), "Swagger 2.0 responses have one schema; the one for %s differs and is dropped", ct.Value)
				return
			}
			schema = s
		}
	})
	if schema != nil {
		put(r, "schema", schema, "description")
	}
	if n := del(r, "links"); n != nil {
		c.loss(n, rel+"/links", "Swagger 2.0 has no response links; they are dropped")
	}
	if source.Get(r, "description") == nil {
		put(r, "description", strScalar(""), "")
	}
	return cts
}

func (c *converter) scheme2(s *yaml.Node, rel string) {
	switch source.Scalar(source.Get(s, "type")) {
	case "http":
		if strings.EqualFold(source.Scalar(source.Get(s, "scheme")), "basic") {
			del(s, "scheme")
			put(s, "type", strScalar("basic"), "")
			return
		}
		c.loss(s, rel, "Swagger 2.0 has no http %s security scheme; it is written as an apiKey in the Authorization header", source.Scalar(source.Get(s, "scheme")))
		put(s, "type", strScalar("apiKey"), "")
		del(s, "scheme")
		del(s, "bearerFormat")
		put(s, "name", strScalar("Authorization"), "type")
		put(s, "in", strScalar("header"), "name")
	case "oauth2":
		flows := del(s, "flows")
		var names []string
		source.Entries(flows, func(k, _ *yaml.Node) { names = append(names, k.Value) })
		if len(names) == 0 {
			return
		}
		if len(names) > 1 {
			c.loss(flows, rel+"/flows", "Swagger 2.0 has one OAuth2 flow per scheme; only %s is kept", names[0])
		}
		f := source.Get(flows, names[0])
		for _, fl := range oauthFlows {
			if fl[1] == names[0] {
				put(s, "flow", strScalar(fl[0]), "type")
			}
		}
		for _, k := range []string{"authorizationUrl", "tokenUrl", "scopes"} {
			if v := source.Get(f, k); v != nil {
				put(s, k, v, "")
			}
		}
	case "openIdConnect", "mutualTLS":
		c.loss(s, rel, "Swagger 2.0 has no %s security scheme; it is kept as written, which Swagger tools reject", source.Scalar(source.Get(s, "type")))
	}
}

// nullable2 writes OpenAPI 3.0's nullable as Swagger's x-nullable, which
// Swagger tools read but Swagger 2.0 itself does not define.
func (c *converter) nullable2(s *yaml.Node, rel string) {
	if rename(s, "nullable", "x-nullable") {
		c.Add(diag.ConvertMoved, s, rel+"/nullable", "Swagger 2.0 has no nullable; it is written as x-nullable, which most Swagger tools read")
	}
}
