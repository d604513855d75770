package openapi

import (
	"cmp"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// defaultTimeout is the integration timeout API Gateway sets when none is written.
const defaultTimeout = 29000

func (im *importer) rest() *apimodel.RestDump {
	info := get(im.root, "info")
	api := &apimodel.RestAPI{
		Name:        extensions.Scalar(get(info, "title")),
		Description: extensions.Scalar(get(info, "description")),
		Version:     extensions.Scalar(get(info, "version")),
	}
	im.apiID = apimodel.StableID("restapi", api.Name)
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
	im.out.AssignIDs()
	return im.out
}

// definitions imports Swagger definitions or OpenAPI 3 components.schemas as models.
func (im *importer) definitions() {
	defs, prefix := get(im.root, "definitions"), "#/definitions/"
	if im.doc.Kind != Swagger2 {
		defs, prefix = get(get(im.root, "components"), "schemas"), "#/components/schemas/"
	}
	pairs(defs, func(k, v *yaml.Node) {
		im.modelNames[k.Value] = true
		im.models[v] = k.Value
	})
	pairs(defs, func(k, v *yaml.Node) {
		im.addModel(k.Value, v, prefix+escapePointer(k.Value))
	})
}

// addModel appends a model for schema.
func (im *importer) addModel(name string, schema *yaml.Node, rel string) {
	m := &apimodel.Model{
		ID:          apimodel.StableID("model", im.apiID+"/"+name),
		Name:        name,
		Description: extensions.Scalar(get(schema, "description")),
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
func (im *importer) modelFor(schema *yaml.Node, rel, suggested string) string {
	if schema == nil {
		return ""
	}
	if ref := extensions.Scalar(get(schema, "$ref")); ref != "" {
		if name, ok := im.models[localRef(im.root, ref)]; ok {
			return name
		}
		im.Add(diag.ImportRef, schema, rel, "$ref %q does not name a schema of this document; no model is attached", ref)
		return ""
	}
	if name, ok := im.models[schema]; ok {
		return name
	}
	name := suggested
	for i := 2; im.modelNames[name]; i++ {
		name = suggested + posText(i)
	}
	im.modelNames[name] = true
	im.models[schema] = name
	im.Add(diag.ImportInlineSchema, schema, rel, "inline schema becomes model %q; define it under %s and refer to it to choose the name", name, im.schemasPlace())
	im.addModel(name, schema, rel)
	return name
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
		r := &apimodel.Resource{ID: apimodel.StableID("resource", im.apiID+path), Path: path}
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

// pathItem returns the path item that holds op.
func (im *importer) pathItem(op *Operation) *yaml.Node {
	return get(get(im.root, "paths"), op.Path)
}

// parameters returns the operation's parameters after merging the path
// item's, $refs followed, each with its relative pointer.
func (im *importer) parameters(op *Operation) (out []*yaml.Node, ptrs []string) {
	add := func(list *yaml.Node, rel string) {
		for i, p := range extensions.Items(list) {
			p = follow(im.root, p)
			name, in := extensions.Scalar(get(p, "name")), extensions.Scalar(get(p, "in"))
			replaced := false
			for j, q := range out {
				if extensions.Scalar(get(q, "name")) == name && extensions.Scalar(get(q, "in")) == in {
					out[j], ptrs[j], replaced = p, rel+"/"+posText(i), true
				}
			}
			if !replaced {
				out, ptrs = append(out, p), append(ptrs, rel+"/"+posText(i))
			}
		}
	}
	opRel := im.relPointer(op.Pointer)
	add(get(im.pathItem(op), "parameters"), "/paths/"+escapePointer(op.Path)+"/parameters")
	add(get(op.Node, "parameters"), opRel+"/parameters")
	return out, ptrs
}

var paramLocations = map[string]string{"path": "path", "query": "querystring", "header": "header"}

func (im *importer) method(op *Operation, res *apimodel.Resource) *apimodel.Method {
	rel := im.relPointer(op.Pointer)
	m := &apimodel.Method{HTTPMethod: op.Method, AuthorizationType: "NONE", APIKeyRequired: boolPtr(false)}
	m.OperationName = extensions.Scalar(get(op.Node, "operationId"))
	opName := cmp.Or(modelWord(m.OperationName), modelWord(strings.ToLower(op.Method)+" "+op.Path))
	params, ptrs := im.parameters(op)
	for i, p := range params {
		in := extensions.Scalar(get(p, "in"))
		if loc, ok := paramLocations[in]; ok {
			if m.RequestParameters == nil {
				m.RequestParameters = map[string]bool{}
			}
			m.RequestParameters["method.request."+loc+"."+extensions.Scalar(get(p, "name"))] = in == "path" || isTrue(get(p, "required"))
		}
		if in == "body" {
			for _, ct := range im.consumes(op) {
				if name := im.modelFor(get(p, "schema"), ptrs[i]+"/schema", opName+"Input"); name != "" {
					m.RequestModels = setStr(m.RequestModels, ct, name)
				}
			}
		}
	}
	if body := follow(im.root, get(op.Node, "requestBody")); body != nil {
		pairs(get(body, "content"), func(k, v *yaml.Node) {
			if name := im.modelFor(get(v, "schema"), rel+"/requestBody/content/"+escapePointer(k.Value)+"/schema", opName+"Input"); name != "" {
				m.RequestModels = setStr(m.RequestModels, k.Value, name)
			}
		})
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

func setStr(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// consumes returns a Swagger operation's request media types.
func (im *importer) consumes(op *Operation) []string {
	if c := scalars(get(op.Node, "consumes")); len(c) > 0 {
		return c
	}
	if c := scalars(get(im.root, "consumes")); len(c) > 0 {
		return c
	}
	return []string{"application/json"}
}

// produces returns a Swagger operation's response media types.
func (im *importer) produces(op *Operation) []string {
	if c := scalars(get(op.Node, "produces")); len(c) > 0 {
		return c
	}
	if c := scalars(get(im.root, "produces")); len(c) > 0 {
		return c
	}
	return []string{"application/json"}
}

func (im *importer) methodResponses(op *Operation, m *apimodel.Method, opName string) {
	rel := im.relPointer(op.Pointer) + "/responses"
	pairs(get(op.Node, "responses"), func(k, v *yaml.Node) {
		status := k.Value
		if !isStatusCode(status) {
			return
		}
		v = follow(im.root, v)
		mr := &apimodel.MethodResponse{StatusCode: status}
		pairs(get(v, "headers"), func(h, _ *yaml.Node) {
			if mr.ResponseParameters == nil {
				mr.ResponseParameters = map[string]bool{}
			}
			mr.ResponseParameters["method.response.header."+h.Value] = false
		})
		srel := rel + "/" + escapePointer(status)
		if im.doc.Kind == Swagger2 {
			if s := get(v, "schema"); s != nil {
				for _, ct := range im.produces(op) {
					if name := im.modelFor(s, srel+"/schema", opName+status+"Response"); name != "" {
						mr.ResponseModels = setStr(mr.ResponseModels, ct, name)
					}
				}
			}
		} else {
			pairs(get(v, "content"), func(ct, mt *yaml.Node) {
				if name := im.modelFor(get(mt, "schema"), srel+"/content/"+escapePointer(ct.Value)+"/schema", opName+status+"Response"); name != "" {
					mr.ResponseModels = setStr(mr.ResponseModels, ct.Value, name)
				}
			})
		}
		if m.MethodResponses == nil {
			m.MethodResponses = map[string]*apimodel.MethodResponse{}
		}
		m.MethodResponses[status] = mr
	})
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
		HTTPMethod:           upper(im.str(v.HTTPMethod, extensions.Lookup(src, "httpMethod"), rel+"/httpMethod")),
		URI:                  im.str(v.URI, extensions.Lookup(src, "uri"), rel+"/uri"),
		ConnectionType:       upper(string(v.ConnectionType)),
		ConnectionID:         v.ConnectionID.String(),
		Credentials:          v.Credentials.String(),
		PassthroughBehavior:  cmp.Or(upper(string(v.PassthroughBehavior)), "WHEN_NO_MATCH"),
		ContentHandling:      upper(string(v.ContentHandling)),
		TimeoutInMillis:      cmp.Or(v.TimeoutInMillis, intPtr(defaultTimeout)),
		CacheNamespace:       cmp.Or(v.CacheNamespace.String(), res.ID),
		ResponseTransferMode: upper(string(v.ResponseTransferMode)),
	}
	if in.ConnectionType == "" && (in.Type == "HTTP" || in.Type == "HTTP_PROXY") {
		in.ConnectionType = "INTERNET"
	}
	where := " of resource '" + res.Path + "' and method '" + op.Method + "'"
	in.RequestParameters = im.strMap(v.RequestParameters, extensions.Lookup(src, "requestParameters"), rel+"/requestParameters", "requestParameters", where)
	if len(v.RequestTemplates) > 0 {
		in.RequestTemplates = map[string]string{}
		for _, p := range v.RequestTemplates {
			in.RequestTemplates[p.Key] = p.Value.String()
		}
	}
	for _, k := range v.CacheKeyParameters {
		in.CacheKeyParameters = append(in.CacheKeyParameters, k.String())
	}
	if v.TLSConfig != nil && v.TLSConfig.InsecureSkipVerification != nil {
		in.TLSConfig = &apimodel.TLSConfig{InsecureSkipVerification: v.TLSConfig.InsecureSkipVerification}
	}
	for _, p := range v.Responses {
		if p.Value == nil {
			continue
		}
		r := p.Value.ToREST(p.Key)
		rrel := rel + "/responses/" + escapePointer(p.Key)
		r.ResponseParameters = im.strMap(p.Value.ResponseParameters, extensions.Lookup(p.Value.Node(), "responseParameters"), rrel+"/responseParameters", "responseParameters", where)
		r.ContentHandling = upper(r.ContentHandling)
		if in.IntegrationResponses == nil {
			in.IntegrationResponses = map[string]*apimodel.IntegrationResponse{}
		}
		in.IntegrationResponses[r.StatusCode] = &r
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
