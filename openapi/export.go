package openapi

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExportOptions configure Export, like GetExport's parameters.
type ExportOptions struct {
	// To is the export type: Swagger2 or OpenAPI30 (the default).
	To Kind
	// Extensions lists what to include, as GetExport's extensions parameter:
	// "integrations" (x-amazon-apigateway-integration), "authorizers"
	// (x-amazon-apigateway-authorizer), "apigateway" (every extension);
	// "postman" is accepted and ignored.
	Extensions []string
	// Documentation includes the documentation parts
	// (x-amazon-apigateway-documentation), as GetExport does for a stage
	// with a documentation version.
	Documentation bool
	// Stage and Region fill the server URL (or Swagger host and basePath);
	// defaults "stage" and "us-east-1".
	Stage, Region string
}

// ParseExtensions splits GetExport's comma-separated extensions parameter,
// reporting names it does not know.
func ParseExtensions(s string) ([]string, error) {
	var out []string
	for _, e := range strings.Split(s, ",") {
		e = strings.TrimSpace(e)
		switch e {
		case "":
		case "integrations", "authorizers", "apigateway", "postman":
			out = append(out, e)
		default:
			return nil, fmt.Errorf("unknown export extension %q: write integrations, authorizers, apigateway or postman", e)
		}
	}
	return out, nil
}

// exporter holds one Export's state.
type exporter struct {
	d     *apimodel.RestDump
	opts  ExportOptions
	swag  bool
	integ bool
	auth  bool
	all   bool
	diags []diag.Diagnostic
	// schemaRef is "#/definitions/" or "#/components/schemas/".
	schemaRef string
}

// Export writes what GetExport returns for the REST API d: an OpenAPI 3.0.1
// or Swagger 2.0 document whose paths come from the resources and methods,
// whose schemas are the models, and which carries the x-amazon-apigateway-*
// extensions that opts.Extensions asks for, in GetExport's key order. What
// the chosen export cannot hold is a diagnostic. HTTP APIs export as OpenAPI
// 3.0 with their routes and integrations.
func Export(d *apimodel.Dump, opts ExportOptions) (*yaml.Node, []diag.Diagnostic) {
	if d == nil || d.REST == nil && d.V2 == nil {
		return nil, []diag.Diagnostic{{Severity: diag.Error, Code: diag.ExportLoss, Message: "the dump holds no API; load a REST or HTTP API dump"}}
	}
	e := &exporter{opts: opts, swag: opts.To == Swagger2}
	if opts.To != Swagger2 && opts.To != OpenAPI30 && opts.To != KindUnknown {
		return nil, []diag.Diagnostic{{Severity: diag.Error, Code: diag.ConvertTarget, Message: fmt.Sprintf("export writes Swagger 2.0 or OpenAPI 3.0, not %s; convert the result afterwards", opts.To)}}
	}
	for _, x := range opts.Extensions {
		switch x {
		case "integrations":
			e.integ = true
		case "authorizers":
			e.auth = true
		case "apigateway":
			e.integ, e.auth, e.all = true, true, true
		}
	}
	e.schemaRef = "#/components/schemas/"
	if e.swag {
		e.schemaRef = "#/definitions/"
	}
	if d.V2 != nil {
		root := e.apigwv2(d.V2)
		return root, e.diags
	}
	e.d = d.REST
	root := e.rest()
	diag.Sort(e.diags)
	return root, e.diags
}

func (e *exporter) loss(format string, args ...any) {
	e.diags = append(e.diags, diag.Diagnostic{Severity: diag.Warning, Code: diag.ExportLoss, Message: fmt.Sprintf(format, args...)})
}

func (e *exporter) stage() string  { return orText(e.opts.Stage, "stage") }
func (e *exporter) region() string { return orText(e.opts.Region, "us-east-1") }

func (e *exporter) rest() *yaml.Node {
	api := e.d.RestAPI
	if api == nil {
		api = &apimodel.RestAPI{}
	}
	root := newMap()
	info := newMap()
	if e.swag {
		root.set("swagger", strScalar("2.0"))
		info.set("description", textOrNil(api.Description)).set("version", strScalar(e.version(api))).set("title", strScalar(api.Name))
		root.set("info", info.node())
		root.set("host", strScalar(orText(api.ID, "api")+".execute-api."+e.region()+".amazonaws.com"))
		root.set("basePath", strScalar("/"+e.stage()))
		root.set("schemes", strSeq([]string{"https"}))
	} else {
		root.set("openapi", strScalar("3.0.1"))
		info.set("title", strScalar(api.Name)).set("description", textOrNil(api.Description)).set("version", strScalar(e.version(api)))
		root.set("info", info.node())
		server := newMap().set("url", strScalar("https://"+orText(api.ID, "api")+".execute-api."+e.region()+".amazonaws.com/{basePath}")).
			set("variables", newMap().set("basePath", newMap().set("default", strScalar(e.stage())).node()).node())
		if e.all && api.EndpointConfiguration != nil && len(api.EndpointConfiguration.VpcEndpointIDs) > 0 {
			server.set(extensions.ExtEndpointConfiguration, e.endpointConfig(api))
		}
		root.set("servers", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{server.node()}})
	}
	root.set("paths", e.paths())
	schemes := e.securitySchemes()
	models := e.models()
	if e.swag {
		root.set("securityDefinitions", schemes)
		root.set("definitions", models)
		if e.all && api.EndpointConfiguration != nil && len(api.EndpointConfiguration.VpcEndpointIDs) > 0 {
			root.set(extensions.ExtEndpointConfiguration, e.endpointConfig(api))
		}
	} else {
		// GetExport writes "components": {} when the API has neither models nor authorizers.
		root.set("components", newMap().set("schemas", models).set("securitySchemes", schemes).node())
	}
	if e.all {
		e.rootExtensions(root, api)
	}
	return root.node()
}

func textOrNil(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return strScalar(s)
}

// exportMethodOrder is the order of operations within a path item.
var exportMethodOrder = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "ANY"}

func (e *exporter) paths() *yaml.Node {
	paths := newMap()
	res := slices.Clone(e.d.Resources)
	slices.SortStableFunc(res, func(a, b *apimodel.Resource) int { return strings.Compare(a.Path, b.Path) })
	for _, r := range res {
		if len(r.ResourceMethods) == 0 {
			continue
		}
		item := newMap()
		methods := apimodel.SortedKeys(r.ResourceMethods)
		slices.SortStableFunc(methods, func(a, b string) int { return rank(a) - rank(b) })
		for _, m := range methods {
			key := strings.ToLower(m)
			if m == "ANY" {
				key = extensions.ExtAnyMethod
			}
			item.set(key, e.operation(r, r.ResourceMethods[m]))
		}
		paths.set(orText(r.Path, "/"), item.node())
	}
	return paths.node()
}

func rank(m string) int {
	if i := slices.Index(exportMethodOrder, m); i >= 0 {
		return i
	}
	return len(exportMethodOrder)
}

var paramIn = map[string]string{"path": "path", "querystring": "query", "header": "header"}

func (e *exporter) operation(r *apimodel.Resource, m *apimodel.Method) *yaml.Node {
	op := newMap()
	op.set("operationId", textOrNil(m.OperationName))
	var params []*yaml.Node
	// In the order API Gateway keeps them (the imported document's), as GetExport lists them.
	for _, k := range m.Parameters() {
		rest, ok := strings.CutPrefix(k, "method.request.")
		loc, name, ok2 := strings.Cut(rest, ".")
		if !ok || !ok2 || paramIn[loc] == "" {
			e.loss("%s %s: request parameter %q is not method.request.{path|querystring|header}.name and is left out", m.HTTPMethod, r.Path, k)
			continue
		}
		p := newMap().set("name", strScalar(name)).set("in", strScalar(paramIn[loc]))
		switch {
		case m.RequestParameters[k] || loc == "path":
			p.set("required", boolScalar(true))
		case e.swag:
			p.set("required", boolScalar(false))
		}
		if e.swag {
			p.set("type", strScalar("string"))
		} else {
			p.set("schema", newMap().set("type", strScalar("string")).node())
		}
		params = append(params, p.node())
	}
	cts := apimodel.SortedKeys(m.RequestModels)
	if e.swag {
		if consumes := consumes(m); len(consumes) > 0 {
			op.set("consumes", strSeq(consumes))
		}
		if produces := produces(m); len(produces) > 0 {
			op.set("produces", strSeq(produces))
		}
	}
	if e.swag && len(cts) > 0 {
		params = append(params, newMap().set("in", strScalar("body")).set("name", strScalar(m.RequestModels[cts[0]])).
			set("required", boolScalar(true)).set("schema", e.ref(m.RequestModels[cts[0]])).node())
		for _, ct := range cts[1:] {
			if m.RequestModels[ct] != m.RequestModels[cts[0]] {
				e.loss("%s %s: Swagger 2.0 has one body schema; the model %q for %s is left out", m.HTTPMethod, r.Path, m.RequestModels[ct], ct)
			}
		}
	}
	if len(params) > 0 {
		op.set("parameters", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: params})
	}
	if !e.swag && len(cts) > 0 {
		content := newMap()
		for _, ct := range cts {
			content.set(ct, newMap().set("schema", e.ref(m.RequestModels[ct])).node())
		}
		op.set("requestBody", newMap().set("content", content.node()).set("required", boolScalar(true)).node())
	}
	op.set("responses", e.responses(r, m))
	op.set("security", e.security(m))
	if e.all && m.RequestValidatorID != "" {
		for _, v := range e.d.RequestValidators {
			if v.ID == m.RequestValidatorID {
				op.set(extensions.ExtRequestValidator, strScalar(v.Name))
			}
		}
	}
	if e.integ && m.MethodIntegration != nil {
		op.set(extensions.ExtIntegration, e.integration(m.MethodIntegration, r))
	}
	return op.node()
}

// consumes returns the media types a Swagger operation consumes: those of
// its request models; without any, those of its request templates (as
// GetExport lists a mock's application/json). Template media types are not
// added beside models: Swagger's body schema applies to every type the
// operation consumes, so importing the export again would give those types
// models the API does not have.
func consumes(m *apimodel.Method) []string {
	if out := apimodel.SortedKeys(m.RequestModels); len(out) > 0 {
		return out
	}
	if m.MethodIntegration != nil {
		return apimodel.SortedKeys(m.MethodIntegration.RequestTemplates)
	}
	return nil
}

// produces returns the media types a Swagger operation produces: those of
// its response models; without any, those of its integration response
// templates (GetExport lists text/html for the PetStore's mock root page).
// As for consumes, template types are not added beside models.
func produces(m *apimodel.Method) []string {
	var out []string
	for _, s := range apimodel.SortedKeys(m.MethodResponses) {
		out = union(out, apimodel.SortedKeys(m.MethodResponses[s].ResponseModels))
	}
	if len(out) > 0 || m.MethodIntegration == nil {
		return out
	}
	for _, s := range apimodel.SortedKeys(m.MethodIntegration.IntegrationResponses) {
		out = union(out, apimodel.SortedKeys(m.MethodIntegration.IntegrationResponses[s].ResponseTemplates))
	}
	return out
}

func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

func (e *exporter) ref(model string) *yaml.Node {
	return newMap().set("$ref", strScalar(e.schemaRef+source.EscapeToken(model))).node()
}

func (e *exporter) responses(r *apimodel.Resource, m *apimodel.Method) *yaml.Node {
	out := newMap()
	for _, s := range apimodel.SortedKeys(m.MethodResponses) {
		mr := m.MethodResponses[s]
		resp := newMap().set("description", strScalar(s+" response"))
		if e.swag {
			cts := apimodel.SortedKeys(mr.ResponseModels)
			if len(cts) > 0 {
				resp.set("schema", e.ref(mr.ResponseModels[cts[0]]))
			}
		}
		headers := newMap()
		for _, p := range mr.Parameters() {
			name, ok := strings.CutPrefix(p, "method.response.header.")
			if !ok {
				e.loss("%s %s %s: response parameter %q is not a header and is left out", m.HTTPMethod, r.Path, s, p)
				continue
			}
			if e.swag {
				headers.set(name, newMap().set("type", strScalar("string")).node())
			} else {
				headers.set(name, newMap().set("schema", newMap().set("type", strScalar("string")).node()).node())
			}
		}
		if !headers.empty() {
			resp.set("headers", headers.node())
		}
		if !e.swag {
			// GetExport writes "content": {} for a response without a model.
			content := newMap()
			for _, ct := range apimodel.SortedKeys(mr.ResponseModels) {
				content.set(ct, newMap().set("schema", e.ref(mr.ResponseModels[ct])).node())
			}
			resp.set("content", content.node())
		}
		out.set(s, resp.node())
	}
	if out.empty() {
		// OpenAPI needs a response; "default" is one import creates no method response for.
		out.set("default", newMap().set("description", strScalar("Default response")).node())
	}
	return out.node()
}

func (e *exporter) security(m *apimodel.Method) *yaml.Node {
	var reqs []*yaml.Node
	empty := func() *yaml.Node {
		return &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Style: yaml.FlowStyle}
	}
	switch m.AuthorizationType {
	case "CUSTOM", "COGNITO_USER_POOLS":
		for _, a := range e.d.Authorizers {
			if a.ID == m.AuthorizerID {
				scopes := empty()
				if len(m.AuthorizationScopes) > 0 {
					scopes = strSeq(m.AuthorizationScopes)
				}
				reqs = append(reqs, newMap().set(a.Name, scopes).node())
			}
		}
	case "AWS_IAM":
		reqs = append(reqs, newMap().set("sigv4", empty()).node())
	}
	if m.APIKeyRequired != nil && *m.APIKeyRequired {
		reqs = append(reqs, newMap().set("api_key", empty()).node())
	}
	if len(reqs) == 0 {
		return nil
	}
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: reqs}
}

// integrationOrder is GetExport's key order for x-amazon-apigateway-integration.
var integrationOrder = []string{"type", "httpMethod", "uri", "connectionType", "connectionId", "credentials", "responses",
	"requestParameters", "requestTemplates", "passthroughBehavior", "contentHandling", "timeoutInMillis",
	"cacheNamespace", "cacheKeyParameters", "tlsConfig"}

func (e *exporter) integration(in *apimodel.Integration, r *apimodel.Resource) *yaml.Node {
	t := in.Intrinsics
	v := &extensions.Integration{
		Type:                 extensions.IntegrationType(strings.ToLower(in.Type)),
		HTTPMethod:           t.Value("httpMethod", in.HTTPMethod).Str(),
		URI:                  t.Value("uri", in.URI).Str(),
		Credentials:          t.Value("credentials", in.Credentials).Str(),
		ConnectionID:         t.Value("connectionId", in.ConnectionID).Str(),
		RequestParameters:    strMapOf(t, "requestParameters", in.RequestParameters),
		RequestTemplates:     strMapOf(t, "requestTemplates", in.RequestTemplates),
		PassthroughBehavior:  extensions.PassthroughBehavior(strings.ToLower(in.PassthroughBehavior)),
		ContentHandling:      extensions.ContentHandling(in.ContentHandling),
		ResponseTransferMode: extensions.ResponseTransferMode(in.ResponseTransferMode),
	}
	if in.ConnectionType == "VPC_LINK" {
		v.ConnectionType = extensions.ConnectionType(in.ConnectionType)
	}
	if in.TimeoutInMillis != nil && *in.TimeoutInMillis != defaultTimeout {
		v.TimeoutInMillis = in.TimeoutInMillis
	}
	if in.CacheNamespace != "" && in.CacheNamespace != r.ID {
		v.CacheNamespace = t.Value("cacheNamespace", in.CacheNamespace).Str()
	}
	v.CacheKeyParameters = strsOf(t, "cacheKeyParameters", in.CacheKeyParameters)
	if in.TLSConfig != nil {
		v.TLSConfig = &extensions.TLSConfig{InsecureSkipVerification: in.TLSConfig.InsecureSkipVerification}
	}
	var rs []extensions.IntegrationResponse
	byCode := map[string]*apimodel.IntegrationResponse{}
	for _, k := range apimodel.SortedKeys(in.IntegrationResponses) {
		rs = append(rs, in.IntegrationResponses[k].Extension())
		byCode[in.IntegrationResponses[k].StatusCode] = in.IntegrationResponses[k]
	}
	if len(rs) > 0 {
		resp, err := extensions.ResponsesFromREST(rs)
		if err != nil {
			e.loss("%s: %v", r.Path, err)
		}
		for _, p := range resp {
			if ir := byCode[p.Value.StatusCode]; ir != nil && len(ir.Intrinsics) > 0 {
				p.Value.ResponseParameters = strMapOf(ir.Intrinsics, "responseParameters", ir.ResponseParameters)
				p.Value.ResponseTemplates = strMapOf(ir.Intrinsics, "responseTemplates", ir.ResponseTemplates)
			}
		}
		v.Responses = resp
	}
	return reorder(v.Encode(), integrationOrder)
}

// strMapOf returns the string map m at path of t as extension values,
// keys sorted, intrinsic functions as they were written; nil when empty.
func strMapOf(t apimodel.Intrinsics, path string, m map[string]string) extensions.Map[extensions.Str] {
	if len(m) == 0 {
		return nil
	}
	out := make(extensions.Map[extensions.Str], 0, len(m))
	for _, p := range t.Map(path, m) {
		out = append(out, extensions.Pair[extensions.Str]{Key: p.Key, Value: p.Value.Str()})
	}
	return out
}

// strsOf returns the list of strings ss at path of t as extension values,
// intrinsic functions as they were written.
func strsOf(t apimodel.Intrinsics, path string, ss []string) []extensions.Str {
	var out []extensions.Str
	for _, v := range t.List(path, ss) {
		out = append(out, v.Str())
	}
	return out
}

var modelURLRE = regexp.MustCompile(`^https://apigateway\.amazonaws\.com/restapis/[^/]+/models/(.+)$`)

func (e *exporter) models() *yaml.Node {
	out := newMap()
	ms := slices.Clone(e.d.Models)
	slices.SortStableFunc(ms, func(a, b *apimodel.Model) int { return strings.Compare(a.Name, b.Name) })
	for _, m := range ms {
		n, ok := jsonNode(string(m.Schema))
		if !ok {
			e.diags = append(e.diags, diag.Diagnostic{Severity: diag.Warning, Code: diag.ExportModel,
				Message: fmt.Sprintf("model %q: the schema is not JSON; it is exported as a string schema description", m.Name)})
			n = newMap().set("type", strScalar("object")).set("description", strScalar(string(m.Schema))).node()
		}
		e.rewriteRefs(n)
		out.set(m.Name, n)
	}
	if out.empty() {
		return nil
	}
	return out.node()
}

// rewriteRefs turns model URLs back into local schema references.
func (e *exporter) rewriteRefs(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; n.Content[i].Value == "$ref" && v.Kind == yaml.ScalarNode {
				if m := modelURLRE.FindStringSubmatch(v.Value); m != nil {
					v.Value = e.schemaRef + m[1]
				}
			}
		}
	}
	for _, c := range n.Content {
		e.rewriteRefs(c)
	}
}
