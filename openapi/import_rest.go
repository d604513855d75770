package openapi

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// defaultTimeout is the integration timeout API Gateway sets when none is written.
const defaultTimeout = 29000

func (im *importer) rest() *apimodel.RestDump {
	api := &apimodel.RestAPI{Name: cmp.Or(im.template().name(), im.doc.Info.Title), Description: im.doc.Info.Description, Version: im.doc.Info.Version,
		CreatedDate: cmp.Or(im.opts.CreatedDate, DefaultCreatedDate)}
	if im.template().name() == "" {
		api.Name = cmp.Or(im.titleIntrinsic(&api.Intrinsics, "name"), api.Name)
	}
	im.apiID = apimodel.StableID("restapi", api.Name)
	existing := im.existingREST()
	if existing != nil {
		im.apiID = cmp.Or(existing.RestAPI.ID, im.apiID)
		im.idSalt = "\x00" + apimodel.StableID("put", strings.Join(collectIDs(existing.Resources), ","))
	}
	api.ID = im.apiID
	im.out = &apimodel.RestDump{RestAPI: api}
	im.models = map[*yaml.Node]string{}
	im.modelNames = map[string]bool{}
	im.apiSettings(api)
	im.definitions()
	im.authorizers()
	im.validators()
	im.resources()
	im.gatewayResponses()
	im.documentation()
	api.Warnings = im.warnings
	im.out.AssignIDs()
	if existing != nil {
		return im.put(existing, im.out)
	}
	return im.out
}

// definitions imports Swagger definitions or OpenAPI 3 components.schemas as models.
func (im *importer) definitions() {
	for _, s := range im.doc.Schemas {
		im.modelNames[s.Name] = true
		im.models[source.Resolve(s.Node)] = s.Name
	}
	for _, s := range im.doc.Schemas {
		im.addModel(s.Name, s.Node, im.relPointer(s.Pointer))
	}
}

// addModel appends a model for schema.
func (im *importer) addModel(name string, schema *yaml.Node, rel string) {
	m := &apimodel.Model{
		ID:          apimodel.StableID("model", im.apiID+"/"+name),
		Name:        name,
		Description: source.Scalar(source.Get(schema, "description")),
		ContentType: "application/json",
		Schema:      apimodel.JSONText(im.schemaJSON(schema, rel)),
	}
	im.out.Models = append(im.out.Models, m)
}

// schemaJSON renders a schema as API Gateway stores a model: JSON with
// local $refs rewritten to model URLs.
func (im *importer) schemaJSON(schema *yaml.Node, rel string) string {
	return compactJSON(schema, func(ref string) string {
		for _, p := range []string{"#/definitions/", "#/components/schemas/"} {
			if name, ok := strings.CutPrefix(ref, p); ok && !strings.Contains(name, "/") {
				return modelURL(im.apiID, strings.NewReplacer("~1", "/", "~0", "~").Replace(name))
			}
		}
		im.Add(diag.ImportRef, schema, rel, "$ref %q does not name a model of this document; it is kept as written", ref)
		return ref
	})
}

func modelURL(apiID, name string) string {
	return strings.NewReplacer("%s", apiID).Replace("https://apigateway.amazonaws.com/restapis/%s/models/") + name
}

// modelFor returns the model name for a body or response schema: the name of
// a definition it refers to, or a generated model for an inline schema.
func (im *importer) modelFor(s *Schema, suggested string) string {
	if s == nil {
		return ""
	}
	schema, rel := s.Node, im.relPointer(s.Pointer)
	if s.Ref != "" {
		if s.Name != "" && im.modelNames[s.Name] && im.isDefinition(s.Name) {
			return s.Name
		}
		im.Add(diag.ImportRef, schema, rel, "$ref %q does not name a schema of this document; no model is attached", s.Ref)
		return ""
	}
	if name, ok := im.models[schema]; ok {
		return name
	}
	name := suggested
	for i := 2; im.modelNames[name]; i++ {
		name = suggested + strconv.Itoa(i)
	}
	im.modelNames[name] = true
	im.models[schema] = name
	im.Add(diag.ImportInlineSchema, schema, rel, "inline schema becomes model %q; define it under %s and refer to it to choose the name", name, im.schemasPlace())
	im.addModel(name, schema, rel)
	return name
}

// isDefinition tells whether name is one of the document's reusable schemas.
func (im *importer) isDefinition(name string) bool {
	for _, s := range im.doc.Schemas {
		if s.Name == name {
			return true
		}
	}
	return false
}

// modelWord turns text into a model-name fragment: letters and digits, each word capitalised.
func modelWord(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			if up {
				b.WriteString(strings.ToUpper(string(r)))
			} else {
				b.WriteRune(r)
			}
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// resources builds the resource tree and the methods.
func (im *importer) resources() {
	base := im.basePath()
	byPath := map[string]*apimodel.Resource{}
	var ensure func(path string) *apimodel.Resource
	ensure = func(path string) *apimodel.Resource {
		if r, ok := byPath[path]; ok {
			return r
		}
		r := &apimodel.Resource{ID: apimodel.StableID("resource", im.apiID+path+im.idSalt), Path: path}
		if path != "/" {
			parentPath := path[:strings.LastIndex(path, "/")]
			parent := ensure(cmp.Or(parentPath, "/"))
			r.ParentID = parent.ID
			r.PathPart = path[strings.LastIndex(path, "/")+1:]
		}
		byPath[path] = r
		im.out.Resources = append(im.out.Resources, r)
		return r
	}
	ensure("/")
	for _, op := range im.doc.Operations() {
		path := im.resourcePath(base, op.Path)
		res := ensure(path)
		if res.ResourceMethods[op.Method] != nil {
			im.Add(diag.ImportDuplicate, op.Node, im.relPointer(op.Pointer), "%s %s is defined twice (after applying the base path); the later one is kept", op.Method, path)
		}
		if res.ResourceMethods == nil {
			res.ResourceMethods = map[string]*apimodel.Method{}
		}
		res.ResourceMethods[op.Method] = im.method(op, res)
	}
}

var paramLocations = map[string]string{"path": "path", "query": "querystring", "header": "header"}

func (im *importer) method(op *Operation, res *apimodel.Resource) *apimodel.Method {
	rel := im.relPointer(op.Pointer)
	m := &apimodel.Method{HTTPMethod: op.Method, AuthorizationType: "NONE", APIKeyRequired: boolPtr(false)}
	m.OperationName = op.ID
	opName := cmp.Or(modelWord(m.OperationName), modelWord(strings.ToLower(op.Method)+" "+op.Path))
	for _, p := range op.Parameters {
		if loc, ok := paramLocations[p.In]; ok {
			setParam(m, "method.request."+loc+"."+p.Name, p.Required)
		}
	}
	// API Gateway adds every path parameter of the resource path that the
	// operation does not declare, as required.
	for _, name := range pathParams(res.Path) {
		if key := "method.request.path." + name; !slices.Contains(m.ParameterOrder, key) {
			setParam(m, key, true)
		}
	}
	if op.Body != nil && !op.Body.Form {
		for _, mt := range op.Body.Content {
			if name := im.modelFor(mt.Schema, opName+"Input"); name != "" {
				m.RequestModels = setStr(m.RequestModels, mt.Type, name)
			}
		}
	}
	im.security(op, m)
	if v, ok := op.Effective(extensions.ExtRequestValidator).(*extensions.RequestValidatorName); ok && v.Name != "" {
		found := false
		for _, rv := range im.out.RequestValidators {
			if rv.Name == v.Name {
				m.RequestValidatorID, found = rv.ID, true
			}
		}
		if !found {
			im.Add(diag.ImportValidator, v.Node(), rel, "request validator %q is not defined in %s; add it there or remove the reference", v.Name, extensions.ExtRequestValidators)
		}
	}
	im.methodResponses(op, m, opName)
	if integ, ok := op.Extension(extensions.ExtIntegration).(*extensions.Integration); ok {
		m.MethodIntegration = im.integration(integ, op, res)
	} else {
		im.Add(diag.ImportNoIntegration, op.Node, rel, "%s %s has no %s; the method is created without an integration and cannot be deployed until it has one", op.Method, op.Path, extensions.ExtIntegration)
	}
	return m
}

// setParam sets a method request parameter, keeping the order parameters come in.
func setParam(m *apimodel.Method, key string, required bool) {
	if m.RequestParameters == nil {
		m.RequestParameters = map[string]bool{}
	}
	if _, ok := m.RequestParameters[key]; !ok {
		m.ParameterOrder = append(m.ParameterOrder, key)
	}
	m.RequestParameters[key] = required
}

// pathParams returns the names of the path parameters of a resource path
// ("/a/{id}/{proxy+}" gives id and proxy).
func pathParams(path string) []string {
	var out []string
	for _, part := range strings.Split(path, "/") {
		if name, ok := strings.CutPrefix(part, "{"); ok && strings.HasSuffix(name, "}") {
			out = append(out, strings.TrimSuffix(strings.TrimSuffix(name, "}"), "+"))
		}
	}
	return out
}

func setStr(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

func (im *importer) methodResponses(op *Operation, m *apimodel.Method, opName string) {
	for _, r := range op.Responses {
		if !isStatusCode(r.Status) {
			continue
		}
		mr := &apimodel.MethodResponse{StatusCode: r.Status}
		for _, h := range r.Headers {
			if mr.ResponseParameters == nil {
				mr.ResponseParameters = map[string]bool{}
			}
			key := "method.response.header." + h.Name
			if _, ok := mr.ResponseParameters[key]; !ok {
				mr.ParameterOrder = append(mr.ParameterOrder, key)
			}
			mr.ResponseParameters[key] = false
		}
		for _, mt := range r.Content {
			if name := im.modelFor(mt.Schema, opName+r.Status+"Response"); name != "" {
				mr.ResponseModels = setStr(mr.ResponseModels, mt.Type, name)
			}
		}
		if m.MethodResponses == nil {
			m.MethodResponses = map[string]*apimodel.MethodResponse{}
		}
		m.MethodResponses[r.Status] = mr
	}
}

// isStatusCode tells whether s is a three-digit HTTP status code.
func isStatusCode(s string) bool {
	if len(s) != 3 || s[0] < '1' || s[0] > '5' {
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}

func (im *importer) integration(v *extensions.Integration, op *Operation, res *apimodel.Resource) *apimodel.Integration {
	rel := im.relPointer(op.Pointer) + "/" + extensions.ExtIntegration
	src := v.Node()
	in := &apimodel.Integration{
		Type:                 upper(string(v.Type)),
		ConnectionType:       upper(string(v.ConnectionType)),
		PassthroughBehavior:  cmp.Or(upper(string(v.PassthroughBehavior)), "WHEN_NO_MATCH"),
		ContentHandling:      upper(string(v.ContentHandling)),
		TimeoutInMillis:      cmp.Or(v.TimeoutInMillis, intPtr(defaultTimeout)),
		CacheKeyParameters:   []string{},
		ResponseTransferMode: upper(string(v.ResponseTransferMode)),
	}
	t := &in.Intrinsics
	method := v.HTTPMethod
	if method.IsLiteral() {
		method.Value = upper(method.Value)
	}
	in.HTTPMethod = im.keep(t, "httpMethod", method)
	in.URI = im.keep(t, "uri", v.URI)
	in.ConnectionID = im.keep(t, "connectionId", v.ConnectionID)
	in.Credentials = im.keep(t, "credentials", v.Credentials)
	in.CacheNamespace = cmp.Or(im.keep(t, "cacheNamespace", v.CacheNamespace), res.ID)
	if in.ConnectionType == "" && (in.Type == "HTTP" || in.Type == "HTTP_PROXY") {
		in.ConnectionType = "INTERNET"
	}
	if in.Type == "MOCK" {
		// A mock integration calls nothing; API Gateway returns no httpMethod for it.
		in.HTTPMethod = ""
		delete(in.Intrinsics, "httpMethod")
	}
	where := " of resource '" + res.Path + "' and method '" + op.Method + "'"
	in.RequestParameters = im.strMap(t, "requestParameters", v.RequestParameters, source.Lookup(src, "requestParameters"), rel+"/requestParameters", "requestParameters", where)
	if len(v.RequestTemplates) > 0 {
		in.RequestTemplates = im.keepMap(t, "requestTemplates", v.RequestTemplates)
	}
	in.CacheKeyParameters = append(in.CacheKeyParameters, im.keepList(t, "cacheKeyParameters", v.CacheKeyParameters)...)
	if v.TLSConfig != nil && v.TLSConfig.InsecureSkipVerification != nil {
		in.TLSConfig = &apimodel.TLSConfig{InsecureSkipVerification: v.TLSConfig.InsecureSkipVerification}
	}
	for _, p := range v.Responses {
		if p.Value == nil {
			continue
		}
		r := apimodel.IntegrationResponseOf(p.Value.ToREST(p.Key))
		rrel := rel + "/responses/" + source.EscapeToken(p.Key)
		r.ResponseParameters = im.strMap(&r.Intrinsics, "responseParameters", p.Value.ResponseParameters, source.Lookup(p.Value.Node(), "responseParameters"), rrel+"/responseParameters", "responseParameters", where)
		r.ResponseTemplates = im.keepMap(&r.Intrinsics, "responseTemplates", p.Value.ResponseTemplates)
		r.ContentHandling = upper(r.ContentHandling)
		if in.IntegrationResponses == nil {
			in.IntegrationResponses = map[string]*apimodel.IntegrationResponse{}
		}
		in.IntegrationResponses[r.StatusCode] = r
	}
	return in
}

// schemasPlace names where the document defines reusable schemas.
func (im *importer) schemasPlace() string {
	if im.doc.Kind == Swagger2 {
		return "definitions"
	}
	return "components.schemas"
}
