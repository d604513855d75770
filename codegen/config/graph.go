package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// The graph is the API as deployable resources, built once from the model
// and read by the CloudFormation, Terraform and Pulumi emitters. Each
// argument of each resource is mapped here, once, with its name in each
// syntax; an emitter only renders the graph in its own syntax (names,
// references, the shape of a few values, and for CloudFormation the REST
// resources it writes inside a method).

// kind is one type of resource, named in each syntax.
type kind struct {
	// tf is Terraform's type without "aws_" ("api_gateway_method"); cfn
	// and pulumi are the CloudFormation and Pulumi types.
	tf, cfn, pulumi string
	// in is, for a resource that CloudFormation writes inside its parent's
	// properties (a REST method's responses and integration), the property
	// that holds it; many when that property is a list of them.
	in   string
	many bool
	// cfnOrder lists the CloudFormation properties in the order the
	// template writes them, where that differs from the graph's order.
	cfnOrder []string
}

var (
	kRestAPI           = restKind("RestApi")
	kModel             = restKind("Model")
	kAuthorizer        = restKind("Authorizer")
	kValidator         = restKind("RequestValidator")
	kResource          = restKind("Resource")
	kGatewayResponse   = &kind{tf: "api_gateway_gateway_response", cfn: "AWS::ApiGateway::GatewayResponse", pulumi: "aws:apigateway:Response"}
	kDocumentationPart = restKind("DocumentationPart")
	kDeployment        = restKind("Deployment")
	kRestStage         = restKind("Stage").ordered("RestApiId", "StageName", "DeploymentId", "Description", "CacheClusterEnabled",
		"CacheClusterSize", "ClientCertificateId", "DocumentationVersion", "TracingEnabled", "Variables", "AccessLogSetting", "CanarySetting",
		"MethodSettings", "Tags")
	kMethodSettings = &kind{tf: "api_gateway_method_settings", pulumi: "aws:apigateway:MethodSettings", in: "MethodSettings", many: true}
	kMethod         = restKind("Method").ordered("RestApiId", "ResourceId", "HttpMethod", "AuthorizationType", "AuthorizerId",
		"ApiKeyRequired", "OperationName", "RequestParameters", "RequestModels", "RequestValidatorId", "AuthorizationScopes", "Integration",
		"MethodResponses")
	kMethodResponse = restKind("MethodResponse").inside("MethodResponses", true).ordered("StatusCode", "ResponseParameters", "ResponseModels")
	kIntegration    = restKind("Integration").inside("Integration", false).ordered("Type", "IntegrationHttpMethod", "Uri",
		"ConnectionType", "ConnectionId", "Credentials", "RequestParameters", "RequestTemplates", "PassthroughBehavior", "ContentHandling",
		"TimeoutInMillis", "CacheNamespace", "CacheKeyParameters", "ResponseTransferMode", "IntegrationResponses")
	kIntegrationResponse = restKind("IntegrationResponse").inside("IntegrationResponses", true)
	kPermission          = &kind{tf: "lambda_permission", cfn: "AWS::Lambda::Permission", pulumi: "aws:lambda:Permission"}

	kAPI                   = v2Kind("Api")
	kV2Authorizer          = v2Kind("Authorizer")
	kV2Model               = v2Kind("Model")
	kV2Integration         = v2Kind("Integration")
	kV2IntegrationResponse = v2Kind("IntegrationResponse")
	kRouteResponse         = v2Kind("RouteResponse")
	kV2Deployment          = v2Kind("Deployment")
	kStage                 = v2Kind("Stage")
	kRoute                 = v2Kind("Route").ordered("ApiId", "RouteKey", "ApiKeyRequired", "AuthorizationScopes",
		"AuthorizationType", "AuthorizerId", "ModelSelectionExpression", "OperationName", "RequestModels", "RequestParameters",
		"RouteResponseSelectionExpression", "Target")
)

// restKind is the REST API resource AWS::ApiGateway::<name>, which
// Terraform calls aws_api_gateway_<name in snake case>.
func restKind(name string) *kind {
	return &kind{tf: "api_gateway_" + snake(name), cfn: "AWS::ApiGateway::" + name, pulumi: "aws:apigateway:" + name}
}

// v2Kind is the HTTP or WebSocket API resource AWS::ApiGatewayV2::<name>.
func v2Kind(name string) *kind {
	return &kind{tf: "apigatewayv2_" + snake(name), cfn: "AWS::ApiGatewayV2::" + name, pulumi: "aws:apigatewayv2:" + name}
}

// inside makes k a kind that CloudFormation writes inside its parent, in
// the property in (a list of them with many).
func (k *kind) inside(in string, many bool) *kind {
	k.cfn, k.in, k.many = "", in, many
	return k
}

// ordered sets the order of k's CloudFormation properties.
func (k *kind) ordered(props ...string) *kind {
	k.cfnOrder = props
	return k
}

// snake writes a CamelCase name in snake case ("RestApi": "rest_api").
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if 'A' <= r && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// gres is one resource of the graph.
type gres struct {
	kind      *kind
	name      string
	props     *props
	dependsOn []*gres
	// parent is the resource CloudFormation writes this one inside (see kind.in).
	parent *gres
	// cfnName, when set, is the resource's logical id in CloudFormation
	// (a deployment's, which holds the API's content hash).
	cfnName string
	// createFirst makes Terraform create a replacement before it destroys
	// the resource (lifecycle create_before_destroy).
	createFirst bool
}

// gref is a reference to an attribute (Terraform spelling) of a resource.
type gref struct {
	r    *gres
	attr string
}

func ref(r *gres, attr string) gref { return gref{r, attr} }

// ginterp is a string made of literal parts and references.
type ginterp []any

// prop is one argument of a resource or of a block inside one: its name in
// Terraform (Pulumi's is derived from it) and in CloudFormation, "" where
// that syntax has no such argument, and its value.
type prop struct {
	tf, cfn string
	// pu is Pulumi's name where it is not derived from Terraform's:
	// "-" for none.
	pu string
	v  any
	// only, when set, says what the value is, for the warning a syntax
	// without a name for it gives (the setting is lost there).
	only string
}

// props are the arguments of a resource or block, in the graph's order.
type props struct{ list []prop }

func newProps() *props { return &props{list: make([]prop, 0, 8)} }

// set adds an argument unless v is empty (see normalize).
func (p *props) set(tf, cfn string, v any) *props {
	if v, ok := normalize(v); ok {
		p.list = append(p.list, prop{tf: tf, cfn: cfn, v: v})
	}
	return p
}

// setOnly adds an argument that one syntax has no name for; rendering it
// there warns that what is lost.
func (p *props) setOnly(tf, cfn string, v any, what string) *props {
	if v, ok := normalize(v); ok {
		p.list = append(p.list, prop{tf: tf, cfn: cfn, v: v, only: what})
	}
	return p
}

// pulumiOnly sets the Pulumi argument name to v, and keeps Pulumi from
// reading the Terraform argument of that name: the shapes differ.
func (p *props) pulumiOnly(name string, v any) *props {
	for i := range p.list {
		if p.list[i].tf == name {
			p.list[i].pu = "-"
		}
	}
	if v, ok := normalize(v); ok {
		p.list = append(p.list, prop{pu: name, v: v})
	}
	return p
}

// get returns the value of the argument named tf in Terraform, or nil.
func (p *props) get(tf string) any {
	for _, a := range p.list {
		if a.tf == tf {
			return a.v
		}
	}
	return nil
}

// Values whose shape differs between the syntaxes; each emitter expands them.
type (
	// jsonDoc is JSON text (a model's schema, a policy): CloudFormation
	// writes it as JSON when it parses, the others as text.
	jsonDoc string
	// policyDoc is a policy as JSON text, which may hold intrinsic
	// functions in their long form (a model schema never does: {"Ref": …}
	// there is a property named Ref).
	policyDoc string
	// intText is an integer that the Terraform provider declares as a string.
	intText int
	// tagList are tags (an object of strings or intrinsic functions) that
	// CloudFormation writes as a list of Key and Value.
	tagList struct{ *obj }
	// statusMappings are an HTTP API integration's response parameters:
	// per status code, an object of header and status mappings.
	statusMappings struct{ *obj }
	// paramRequired are request or response parameters with whether each
	// is required.
	paramRequired map[string]*apimodel.ParameterConstraints
)

// val returns a string member of a model struct for the graph: the
// intrinsic function written there, else its text.
func val(t apimodel.Intrinsics, path, text string) any {
	if x := t.At(path); x != nil {
		return x
	}
	return text
}

// valMap returns a string map member (see val) as an object, keys sorted;
// nil when empty.
func valMap(t apimodel.Intrinsics, path string, m map[string]string) any {
	if len(m) == 0 {
		return nil
	}
	o := newObj()
	for _, p := range t.Map(path, m) {
		o.keys, o.vals = append(o.keys, p.Key), append(o.vals, value(p.Value))
	}
	return o
}

// valList returns a string list member (see val); nil when empty.
func valList(t apimodel.Intrinsics, path string, l []string) any {
	if len(l) == 0 {
		return nil
	}
	out := make([]any, 0, len(l))
	for _, v := range t.List(path, l) {
		out = append(out, value(v))
	}
	return out
}

func value(v apimodel.Value) any {
	if v.Intrinsic != nil {
		return v.Intrinsic
	}
	return v.Text
}

// inOrder returns the parameters m in the order keys gives (the order API
// Gateway keeps them in), so that reading the output back keeps it.
func inOrder(keys []string, m map[string]bool) any {
	if len(m) == 0 {
		return nil
	}
	o := newObj()
	for _, k := range keys {
		o.put(k, m[k])
	}
	return o
}

// tags returns tags as a tagList; nil when there are none.
func tags(t apimodel.Intrinsics, path string, m map[string]string) any {
	if o, ok := valMap(t, path, m).(*obj); ok {
		return tagList{o}
	}
	return nil
}

// textInt returns an optional integer as intText, or nil.
func textInt(i *int) any {
	if i == nil {
		return nil
	}
	return intText(*i)
}

// required tells whether a parameter's constraints require it.
func required(c *apimodel.ParameterConstraints) bool {
	return c != nil && c.Required != nil && *c.Required
}

// perKey returns one block per key of m, in key order.
func perKey[V any](m map[string]V, block func(k string, v V) *props) []any {
	var out []any
	for _, k := range apimodel.SortedKeys(m) {
		out = append(out, block(k, m[k]))
	}
	return out
}

// graph is the resources of the API, in creation order.
type graph struct {
	names *namer
	res   []*gres
	// title names the API in descriptions; desc describes it.
	title, desc string
	api         *gres
	// stage is the stage the output deploys to (its graph resource).
	stage *gres
	scope *scope
	opts  Options
	// hash identifies the API's content; a deployment's CloudFormation
	// logical id and its Terraform triggers hold it, so that a changed API
	// is deployed again. It is computed beside the rest of the graph,
	// which only reads the dump, and waited for when the deployment is added.
	hash func() string
	// Collector holds what building the graph found (permissions it
	// cannot write).
	extensions.Collector
}

func (g *graph) add(k *kind, name string, p *props, deps ...*gres) *gres {
	r := &gres{kind: k, name: name, props: p, dependsOn: deps}
	g.res = append(g.res, r)
	return r
}

// child adds a resource that CloudFormation writes inside parent.
func (g *graph) child(parent *gres, k *kind, name string, p *props, deps ...*gres) *gres {
	r := g.add(k, name, p, deps...)
	r.parent = parent
	return r
}

// buildGraph turns the dump into the graph.
func buildGraph(d *apimodel.Dump, opts Options) (*graph, error) {
	if emptyDump(d) {
		return nil, errEmpty
	}
	if err := opts.check(); err != nil {
		return nil, err
	}
	sum := make(chan string, 1)
	go func() { sum <- contentHash(d) }()
	g := &graph{names: newNamer(), scope: newScope(opts), opts: opts, hash: sync.OnceValue(func() string { return <-sum })}
	for _, n := range g.scope.names() {
		g.names.used[n] = true
	}
	g.scope.api = g.apiName()
	if d.REST != nil {
		g.rest(d.REST)
	} else {
		g.apigwv2(d.V2)
	}
	return g, nil
}

// apiName is the logical id of the API: the template's, so that
// references to the API stay valid, else "Api".
func (g *graph) apiName() string {
	if r := g.opts.Resource; r != "" && words(r) == r {
		delete(g.names.used, r)
		return g.names.name(r)
	}
	return g.names.name("Api")
}

// contentHash identifies what the API is (not its stages or deployments):
// ten hex digits of the SHA-256 of its canonical dump.
func contentHash(d *apimodel.Dump) string {
	c := *d
	if d.REST != nil {
		r := *d.REST
		r.Stages, r.Deployments = nil, nil
		c.REST = &r
	}
	if d.V2 != nil {
		v := *d.V2
		v.Stages = nil
		c.V2 = &v
	}
	data, _ := c.Marshal()
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:5])
}

func (g *graph) rest(r *apimodel.RestDump) {
	api := r.RestAPI
	if api == nil {
		api = &apimodel.RestAPI{}
	}
	t := api.Intrinsics
	p := newProps().set("name", "Name", val(t, "name", cmpOr(api.Name, defaultName))).set("description", "Description", val(t, "description", api.Description)).
		set("binary_media_types", "BinaryMediaTypes", valList(t, "binaryMediaTypes", api.BinaryMediaTypes)).
		set("minimum_compression_size", "MinimumCompressionSize", textInt(api.MinimumCompressionSize)).
		set("api_key_source", "ApiKeySourceType", val(t, "apiKeySource", api.APIKeySource))
	if ec := api.EndpointConfiguration; ec != nil {
		// @pulumi/aws 7 takes the one endpoint type an API has as a string.
		var one any
		if len(ec.Types) > 0 {
			one = val(t, "endpointConfiguration/types/0", ec.Types[0])
		}
		p.set("endpoint_configuration", "EndpointConfiguration", newProps().set("types", "Types", valList(t, "endpointConfiguration/types", ec.Types)).
			pulumiOnly("types", one).
			set("vpc_endpoint_ids", "VpcEndpointIds", valList(t, "endpointConfiguration/vpcEndpointIds", ec.VpcEndpointIDs)).
			set("ip_address_type", "IpAddressType", val(t, "endpointConfiguration/ipAddressType", ec.IPAddressType)))
	}
	var policy any = policyDoc(api.Policy)
	if x := t.At("policy"); x != nil {
		policy = x
	}
	p.set("policy", "Policy", policy).set("disable_execute_api_endpoint", "DisableExecuteApiEndpoint", api.DisableExecuteAPIEndpoint).
		set("tags", "Tags", tags(t, "tags", api.Tags))
	g.api = g.add(kRestAPI, g.scope.api, p)
	g.title = describe(t, "name", cmpOr(api.Name, defaultName), g.scope.api)
	g.desc = "REST API " + g.title
	withAPI := func() *props { return newProps().set("rest_api_id", "RestApiId", ref(g.api, "id")) }

	models := map[string]*gres{}
	for _, m := range sortedModels(r.Models) {
		var schema any = jsonDoc(m.Schema)
		var deps []*gres
		if parts := schemaParts(string(m.Schema)); len(parts) > 1 {
			in := ginterp{parts[0]}
			for _, p := range parts[1:] {
				in = append(in, ref(g.api, "id"), p)
			}
			schema = in
			for _, ref := range modelRefRE.FindAllStringSubmatch(string(m.Schema), -1) {
				if dep, ok := models[ref[2]]; ok {
					deps = append(deps, dep)
				}
			}
		}
		models[m.Name] = g.add(kModel, g.names.name("Model", m.Name), withAPI().set("name", "Name", m.Name).
			set("description", "Description", val(m.Intrinsics, "description", m.Description)).set("content_type", "ContentType", cmpOr(m.ContentType, "application/json")).
			set("schema", "Schema", schema), deps...)
	}
	auths := map[string]any{}
	for _, a := range sortedAuthorizers(r.Authorizers) {
		t := a.Intrinsics
		var authType any
		if a.AuthType != defaultAuthType(a.Type) {
			authType = val(t, "authType", a.AuthType)
		}
		res := g.add(kAuthorizer, g.names.name("Authorizer", a.Name), withAPI().set("name", "Name", a.Name).set("type", "Type", a.Type).
			set("provider_arns", "ProviderARNs", valList(t, "providerARNs", a.ProviderARNs)).
			setOnly("", "AuthType", authType, "the authorizer's authType").
			set("authorizer_uri", "AuthorizerUri", val(t, "authorizerUri", a.AuthorizerURI)).
			set("authorizer_credentials", "AuthorizerCredentials", val(t, "authorizerCredentials", a.AuthorizerCredentials)).
			set("identity_source", "IdentitySource", val(t, "identitySource", a.IdentitySource)).
			set("identity_validation_expression", "IdentityValidationExpression", val(t, "identityValidationExpression", a.IdentityValidationExpression)).
			set("authorizer_result_ttl_in_seconds", "AuthorizerResultTtlInSeconds", a.AuthorizerResultTTLInSeconds))
		auths[a.ID] = ref(res, "id")
		if a.Type != "COGNITO_USER_POOLS" && a.AuthorizerCredentials == "" {
			g.permission(res.name, t.Value("authorizerUri", a.AuthorizerURI), false, ginterp{ref(g.api, "execution_arn"), "/authorizers/", ref(res, "id")})
		}
	}
	vals := map[string]any{}
	for _, v := range sortedValidators(r.RequestValidators) {
		res := g.add(kValidator, g.names.name("Validator", v.Name), withAPI().set("name", "Name", v.Name).
			set("validate_request_body", "ValidateRequestBody", v.ValidateRequestBody).
			set("validate_request_parameters", "ValidateRequestParameters", v.ValidateRequestParameters))
		vals[v.ID] = ref(res, "id")
	}
	resIDs := map[string]any{}
	for _, res := range r.TreeOrder() {
		if res.ParentID == "" {
			resIDs[res.ID] = ref(g.api, "root_resource_id")
			continue
		}
		n := g.add(kResource, g.names.name("Resource", res.Path), withAPI().
			set("parent_id", "ParentId", refOr(resIDs, res.ParentID)).set("path_part", "PathPart", res.PathPart))
		resIDs[res.ID] = ref(n, "id")
	}
	var deployDeps []*gres
	for _, res := range r.TreeOrder() {
		for _, verb := range apimodel.SortedMethods(res) {
			if m := res.ResourceMethods[verb]; m != nil {
				deployDeps = append(deployDeps, g.method(res, verb, m, withAPI, resIDs, models, auths, vals)...)
			}
		}
	}
	for _, gr := range sortedGatewayResponses(r.GatewayResponses) {
		if gr.DefaultResponse != nil && *gr.DefaultResponse {
			continue // API Gateway's own response for the type, which the API did not customise
		}
		t := gr.Intrinsics
		g.add(kGatewayResponse, g.names.name("GatewayResponse", lowerWords(gr.ResponseType)), withAPI().
			set("response_type", "ResponseType", gr.ResponseType).set("status_code", "StatusCode", val(t, "statusCode", gr.StatusCode)).
			set("response_parameters", "ResponseParameters", valMap(t, "responseParameters", gr.ResponseParameters)).
			set("response_templates", "ResponseTemplates", valMap(t, "responseTemplates", gr.ResponseTemplates)))
	}
	for _, p := range sortedDocParts(r.DocumentationParts) {
		l := p.Location
		g.add(kDocumentationPart, g.names.name("Documentation", l.Type, l.Path, l.Method, l.StatusCode, l.Name), withAPI().
			set("location", "Location", newProps().set("type", "Type", l.Type).set("path", "Path", l.Path).set("method", "Method", l.Method).
				set("status_code", "StatusCode", l.StatusCode).set("name", "Name", l.Name)).
			set("properties", "Properties", p.Properties))
	}
	if len(deployDeps) > 0 {
		g.restStage(r, withAPI, deployDeps)
	}
}

// describe returns the API's name for descriptions: its logical id when an
// intrinsic function gives the name (text such as "${Env}" in a
// description would read as a variable).
func describe(t apimodel.Intrinsics, path, name, logicalID string) string {
	if t.At(path) != nil {
		return logicalID
	}
	return name
}

// defaultAuthType is the authType API Gateway gives an authorizer of type typ.
func defaultAuthType(typ string) string {
	if typ == "COGNITO_USER_POOLS" {
		return "cognito_user_pools"
	}
	return "custom"
}

// method adds a REST method with its method responses, integration and
// integration responses (which CloudFormation writes inside the method),
// and the Lambda permission its integration needs; it returns what a
// deployment depends on.
func (g *graph) method(res *apimodel.Resource, verb string, m *apimodel.Method, withAPI func() *props, resIDs map[string]any,
	models map[string]*gres, auths, vals map[string]any) []*gres {
	pathWords := res.Path
	if res.ParentID == "" {
		pathWords = "Root"
	}
	base := g.names.name("Method", pathWords, verb)
	var deps []*gres
	for _, ct := range apimodel.SortedKeys(m.RequestModels) {
		if dep, ok := models[m.RequestModels[ct]]; ok {
			deps = append(deps, dep)
		}
	}
	method := g.add(kMethod, base, withAPI().set("resource_id", "ResourceId", refOr(resIDs, res.ID)).set("http_method", "HttpMethod", verb).
		set("authorization", "AuthorizationType", cmpOr(m.AuthorizationType, "NONE")).set("authorizer_id", "AuthorizerId", refOr(auths, m.AuthorizerID)).
		set("authorization_scopes", "AuthorizationScopes", m.AuthorizationScopes).set("api_key_required", "ApiKeyRequired", m.APIKeyRequired).
		set("operation_name", "OperationName", m.OperationName).set("request_models", "RequestModels", m.RequestModels).
		set("request_validator_id", "RequestValidatorId", refOr(vals, m.RequestValidatorID)).
		set("request_parameters", "RequestParameters", inOrder(m.Parameters(), m.RequestParameters)), deps...)
	// The method's own resources name it; CloudFormation writes them inside it.
	at := func() *props {
		return newProps().set("rest_api_id", "", ref(g.api, "id")).set("resource_id", "", refOr(resIDs, res.ID)).
			set("http_method", "", ref(method, "http_method"))
	}
	mrs := map[string]*gres{}
	for _, sc := range apimodel.SortedKeys(m.MethodResponses) {
		mr := m.MethodResponses[sc]
		var deps []*gres
		for _, ct := range apimodel.SortedKeys(mr.ResponseModels) {
			if dep, ok := models[mr.ResponseModels[ct]]; ok {
				deps = append(deps, dep)
			}
		}
		mrs[sc] = g.child(method, kMethodResponse, g.names.name(base+"Response", sc), at().
			set("status_code", "StatusCode", cmpOr(mr.StatusCode, sc)).set("response_models", "ResponseModels", mr.ResponseModels).
			set("response_parameters", "ResponseParameters", inOrder(mr.Parameters(), mr.ResponseParameters)), deps...)
	}
	in := m.MethodIntegration
	if in == nil {
		return []*gres{method}
	}
	t := in.Intrinsics
	p := at().set("type", "Type", in.Type).set("integration_http_method", "IntegrationHttpMethod", val(t, "httpMethod", in.HTTPMethod)).
		set("uri", "Uri", val(t, "uri", in.URI)).set("credentials", "Credentials", val(t, "credentials", in.Credentials)).
		set("connection_type", "ConnectionType", in.ConnectionType).set("connection_id", "ConnectionId", val(t, "connectionId", in.ConnectionID)).
		set("request_parameters", "RequestParameters", valMap(t, "requestParameters", in.RequestParameters)).
		set("request_templates", "RequestTemplates", valMap(t, "requestTemplates", in.RequestTemplates)).
		set("passthrough_behavior", "PassthroughBehavior", in.PassthroughBehavior).
		set("content_handling", "ContentHandling", in.ContentHandling).set("timeout_milliseconds", "TimeoutInMillis", in.TimeoutInMillis).
		set("cache_namespace", "CacheNamespace", cacheNamespace(in.CacheNamespace, res.ID, resIDs)).
		set("cache_key_parameters", "CacheKeyParameters", valList(t, "cacheKeyParameters", in.CacheKeyParameters))
	if in.ResponseTransferMode != "" && in.ResponseTransferMode != "BUFFERED" {
		p.setOnly("", "ResponseTransferMode", in.ResponseTransferMode, "responseTransferMode "+in.ResponseTransferMode+" of "+verb+" "+res.Path)
	}
	if in.TLSConfig != nil {
		p.setOnly("tls_config", "", newProps().set("insecure_skip_verification", "", in.TLSConfig.InsecureSkipVerification),
			"the TLS setting (tlsConfig) of the integration of "+verb+" "+res.Path)
	}
	integ := g.child(method, kIntegration, g.names.name(base+"Integration"), p)
	for _, sc := range apimodel.SortedKeys(in.IntegrationResponses) {
		ir := in.IntegrationResponses[sc]
		code := cmpOr(ir.StatusCode, sc)
		// Referring to the method response's status code orders the
		// integration response after it; depends_on orders it after the
		// integration, which it does not otherwise refer to.
		var status any = code
		if mr, ok := mrs[code]; ok {
			status = ref(mr, "status_code")
		}
		g.child(integ, kIntegrationResponse, g.names.name(base+"IntegrationResponse", code), at().
			set("status_code", "StatusCode", status).set("selection_pattern", "SelectionPattern", ir.SelectionPattern).
			set("response_parameters", "ResponseParameters", valMap(ir.Intrinsics, "responseParameters", ir.ResponseParameters)).
			set("response_templates", "ResponseTemplates", valMap(ir.Intrinsics, "responseTemplates", ir.ResponseTemplates)).
			set("content_handling", "ContentHandling", ir.ContentHandling), integ)
	}
	if (in.Type == "AWS" || in.Type == "AWS_PROXY") && in.Credentials == "" {
		g.permission(base, t.Value("uri", in.URI), false, ginterp{ref(g.api, "execution_arn"), arnPath(verb, res.Path)})
	}
	return []*gres{method, integ}
}

// permission adds the Lambda permission letting API Gateway invoke the
// function that uri invokes, for the resource named source; arn is the
// execute-api ARN of what may invoke. A uri that invokes no Lambda
// function needs none; one whose function cannot be told gets a warning.
func (g *graph) permission(source string, uri apimodel.Value, arnAllowed bool, arn ginterp) {
	fn, ok, why := lambdaTarget(uri, arnAllowed)
	if why != "" {
		x := uri.Intrinsic
		d := diag.Diagnostic{Severity: diag.Warning, Code: diag.ConfigPermission,
			Message: fmt.Sprintf("%s invokes a Lambda function that the output cannot name (%s): no AWS::Lambda::Permission is written for it; grant API Gateway lambda:InvokeFunction yourself", source, why)}
		if x != nil {
			d.File, d.Line, d.Column, d.Pointer = x.File, x.Line, x.Column, x.Pointer
		}
		g.Append(d)
	}
	if !ok {
		return
	}
	g.add(kPermission, g.names.name(source+"Permission"), newProps().set("statement_id", "", "AllowExecutionFromAPIGateway").
		set("action", "Action", "lambda:InvokeFunction").set("function_name", "FunctionName", fn).
		set("principal", "Principal", "apigateway.amazonaws.com").set("source_arn", "SourceArn", arn))
}

// apigwv2 adds the resources of an HTTP or WebSocket API (apigatewayv2).
func (g *graph) apigwv2(v *apimodel.V2Dump) {
	api := v.API
	if api == nil {
		api = &apimodel.API{}
	}
	t := api.Intrinsics
	p := newProps().set("name", "Name", val(t, "Name", cmpOr(api.Name, defaultName))).set("protocol_type", "ProtocolType", cmpOr(api.ProtocolType, "HTTP")).
		set("route_selection_expression", "RouteSelectionExpression", api.RouteSelectionExpression).
		set("api_key_selection_expression", "ApiKeySelectionExpression", api.APIKeySelectionExpression).
		set("description", "Description", val(t, "Description", api.Description)).set("version", "Version", api.Version)
	if api.DisableSchemaValidation != nil && *api.DisableSchemaValidation {
		p.setOnly("", "DisableSchemaValidation", api.DisableSchemaValidation, "DisableSchemaValidation of the API")
	}
	p.set("disable_execute_api_endpoint", "DisableExecuteApiEndpoint", api.DisableExecuteAPIEndpoint).
		set("ip_address_type", "IpAddressType", api.IPAddressType)
	if cors := api.CorsConfiguration; cors != nil {
		p.set("cors_configuration", "CorsConfiguration", newProps().set("allow_credentials", "AllowCredentials", cors.AllowCredentials).
			set("allow_headers", "AllowHeaders", valList(t, "CorsConfiguration/AllowHeaders", cors.AllowHeaders)).
			set("allow_methods", "AllowMethods", valList(t, "CorsConfiguration/AllowMethods", cors.AllowMethods)).
			set("allow_origins", "AllowOrigins", valList(t, "CorsConfiguration/AllowOrigins", cors.AllowOrigins)).
			set("expose_headers", "ExposeHeaders", valList(t, "CorsConfiguration/ExposeHeaders", cors.ExposeHeaders)).
			set("max_age", "MaxAge", cors.MaxAge))
	}
	p.set("tags", "Tags", valMap(t, "Tags", api.Tags))
	g.api = g.add(kAPI, g.scope.api, p)
	g.title = describe(t, "Name", cmpOr(api.Name, defaultName), g.scope.api)
	g.desc = protocolName(api.ProtocolType) + " API " + g.title
	withAPI := func() *props { return newProps().set("api_id", "ApiId", ref(g.api, "id")) }

	auths := map[string]any{}
	for _, a := range sortedV2Authorizers(v.Authorizers) {
		t := a.Intrinsics
		p := withAPI().set("name", "Name", a.Name).set("authorizer_type", "AuthorizerType", a.AuthorizerType).
			set("authorizer_uri", "AuthorizerUri", val(t, "AuthorizerUri", a.AuthorizerURI)).
			set("authorizer_credentials_arn", "AuthorizerCredentialsArn", val(t, "AuthorizerCredentialsArn", a.AuthorizerCredentialsArn)).
			set("authorizer_payload_format_version", "AuthorizerPayloadFormatVersion", a.AuthorizerPayloadFormatVersion).
			set("authorizer_result_ttl_in_seconds", "AuthorizerResultTtlInSeconds", a.AuthorizerResultTTLInSeconds).
			set("enable_simple_responses", "EnableSimpleResponses", a.EnableSimpleResponses).
			set("identity_sources", "IdentitySource", valList(t, "IdentitySource", a.IdentitySource)).
			setOnly("", "IdentityValidationExpression", val(t, "IdentityValidationExpression", a.IdentityValidationExpression),
				"the identity validation expression of authorizer "+a.Name)
		if j := a.JwtConfiguration; j != nil {
			p.set("jwt_configuration", "JwtConfiguration", newProps().set("audience", "Audience", valList(t, "JwtConfiguration/Audience", j.Audience)).
				set("issuer", "Issuer", val(t, "JwtConfiguration/Issuer", j.Issuer)))
		}
		res := g.add(kV2Authorizer, g.names.name("Authorizer", a.Name), p)
		auths[a.AuthorizerID] = ref(res, "id")
		if a.AuthorizerType == "REQUEST" && a.AuthorizerCredentialsArn == "" {
			g.permission(res.name, t.Value("AuthorizerUri", a.AuthorizerURI), false, ginterp{ref(g.api, "execution_arn"), "/authorizers/", ref(res, "id")})
		}
	}
	for _, m := range sortedV2Models(v.Models) {
		g.add(kV2Model, g.names.name("Model", m.Name), withAPI().set("name", "Name", m.Name).
			set("content_type", "ContentType", m.ContentType).set("description", "Description", m.Description).set("schema", "Schema", jsonDoc(m.Schema)))
	}
	integNames := v2IntegrationNames(g.names, v)
	integs := map[string]*gres{}
	for _, in := range sortedIntegrations(v.Integrations) {
		t := in.Intrinsics
		p := withAPI().set("integration_type", "IntegrationType", in.IntegrationType).set("integration_uri", "IntegrationUri", val(t, "IntegrationUri", in.IntegrationURI)).
			set("integration_method", "IntegrationMethod", val(t, "IntegrationMethod", in.IntegrationMethod)).
			set("integration_subtype", "IntegrationSubtype", val(t, "IntegrationSubtype", in.IntegrationSubtype)).
			set("connection_type", "ConnectionType", in.ConnectionType).set("connection_id", "ConnectionId", val(t, "ConnectionId", in.ConnectionID)).
			set("credentials_arn", "CredentialsArn", val(t, "CredentialsArn", in.CredentialsArn)).set("description", "Description", in.Description).
			set("payload_format_version", "PayloadFormatVersion", in.PayloadFormatVersion).
			set("passthrough_behavior", "PassthroughBehavior", in.PassthroughBehavior).
			set("content_handling_strategy", "ContentHandlingStrategy", in.ContentHandlingStrategy).
			set("request_parameters", "RequestParameters", valMap(t, "RequestParameters", in.RequestParameters)).
			set("request_templates", "RequestTemplates", valMap(t, "RequestTemplates", in.RequestTemplates)).
			set("response_parameters", "ResponseParameters", responseMappings(t, in.ResponseParameters)).
			set("template_selection_expression", "TemplateSelectionExpression", in.TemplateSelectionExpression).
			set("timeout_milliseconds", "TimeoutInMillis", in.TimeoutInMillis)
		if in.TLSConfig != nil {
			p.set("tls_config", "TlsConfig", newProps().set("server_name_to_verify", "ServerNameToVerify", val(t, "TlsConfig/ServerNameToVerify", in.TLSConfig.ServerNameToVerify)))
		}
		res := g.add(kV2Integration, integNames[in.IntegrationID], p)
		integs[in.IntegrationID] = res
		if (in.IntegrationType == "AWS_PROXY" || in.IntegrationType == "AWS") && in.CredentialsArn == "" && in.IntegrationSubtype == "" {
			g.permission(res.name, t.Value("IntegrationUri", in.IntegrationURI), true, ginterp{ref(g.api, "execution_arn"), "/*"})
		}
		for _, ir := range sortedIntegrationResponses(v.IntegrationResponses[in.IntegrationID]) {
			t := ir.Intrinsics
			g.add(kV2IntegrationResponse, g.names.name(res.name+"Response", ir.IntegrationResponseKey), withAPI().
				set("integration_id", "IntegrationId", ref(res, "id")).set("integration_response_key", "IntegrationResponseKey", ir.IntegrationResponseKey).
				set("content_handling_strategy", "ContentHandlingStrategy", ir.ContentHandlingStrategy).
				setOnly("", "ResponseParameters", valMap(t, "ResponseParameters", ir.ResponseParameters),
					"the response parameters of integration response "+ir.IntegrationResponseKey+" of "+res.name).
				set("response_templates", "ResponseTemplates", valMap(t, "ResponseTemplates", ir.ResponseTemplates)).
				set("template_selection_expression", "TemplateSelectionExpression", ir.TemplateSelectionExpression))
		}
	}
	var routes []*gres
	for _, r := range sortedRoutes(v.Routes) {
		var target any = r.Target
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok && integs[id] != nil {
			target = ginterp{"integrations/", ref(integs[id], "id")}
		}
		route := g.add(kRoute, g.names.name("Route", r.RouteKey), withAPI().set("route_key", "RouteKey", r.RouteKey).
			set("target", "Target", target).set("authorization_type", "AuthorizationType", r.AuthorizationType).
			set("authorizer_id", "AuthorizerId", refOr(auths, r.AuthorizerID)).set("authorization_scopes", "AuthorizationScopes", r.AuthorizationScopes).
			set("api_key_required", "ApiKeyRequired", r.APIKeyRequired).set("operation_name", "OperationName", r.OperationName).
			set("model_selection_expression", "ModelSelectionExpression", r.ModelSelectionExpression).
			set("request_models", "RequestModels", r.RequestModels).set("request_parameter", "RequestParameters", paramRequired(r.RequestParameters)).
			set("route_response_selection_expression", "RouteResponseSelectionExpression", r.RouteResponseSelectionExpression))
		routes = append(routes, route)
		for _, rr := range sortedRouteResponses(v.RouteResponses[r.RouteID]) {
			g.add(kRouteResponse, g.names.name(route.name+"Response", rr.RouteResponseKey), withAPI().
				set("route_id", "RouteId", ref(route, "id")).set("route_response_key", "RouteResponseKey", rr.RouteResponseKey).
				set("model_selection_expression", "ModelSelectionExpression", rr.ModelSelectionExpression).
				set("response_models", "ResponseModels", rr.ResponseModels).
				setOnly("", "ResponseParameters", paramRequired(rr.ResponseParameters), "the response parameters of route response "+rr.RouteResponseKey+" of "+route.name))
		}
	}
	g.v2Stages(v, withAPI, routes)
}

// responseMappings returns an HTTP API integration's response parameters
// (per status code, its mappings) for the graph; nil when there are none.
func responseMappings(t apimodel.Intrinsics, m map[string]map[string]string) any {
	if len(m) == 0 {
		return nil
	}
	o := newObj()
	for _, sc := range apimodel.SortedKeys(m) {
		inner, _ := valMap(t, apimodel.Path("ResponseParameters", sc), m[sc]).(*obj)
		if inner == nil {
			inner = newObj()
		}
		o.keys, o.vals = append(o.keys, sc), append(o.vals, inner)
	}
	return statusMappings{o}
}

// v2IntegrationNames names each integration after the first route (by
// route key) that targets it, or its id when no route does.
func v2IntegrationNames(n *namer, v *apimodel.V2Dump) map[string]string {
	first := map[string]string{}
	for _, r := range sortedRoutes(v.Routes) {
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok && first[id] == "" {
			first[id] = r.RouteKey
		}
	}
	out := map[string]string{}
	for _, in := range sortedIntegrations(v.Integrations) {
		out[in.IntegrationID] = n.name("Integration", cmpOr(first[in.IntegrationID], in.IntegrationID))
	}
	return out
}
