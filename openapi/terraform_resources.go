package openapi

import (
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// A Terraform JSON file of aws_api_gateway_* or aws_apigatewayv2_*
// resources (the form apigw config --target terraform writes) is read by
// turning it into the CloudFormation resources it stands for, which the
// template reader then reads: argument names become property names
// (rest_api_id: RestApiId), references become Ref and Fn::GetAtt
// (${aws_api_gateway_rest_api.Api.root_resource_id}: Fn::GetAtt Api.RootResourceId),
// interpolations of data sources and variables become Fn::Sub
// (${data.aws_region.current.name}: ${AWS::Region}, ${var.X}: ${X}), and
// the method responses, integrations and integration responses go inside
// their method. Values keep their positions in the file.

// IsTerraform tells whether root (a parsed file's root) is Terraform JSON
// with API Gateway resources.
func IsTerraform(root *yaml.Node) bool {
	found := false
	source.Pairs(source.Get(source.Resolve(root), "resource"), func(typ string, _ *yaml.Node) {
		found = found || strings.HasPrefix(typ, "aws_api_gateway_") || strings.HasPrefix(typ, "aws_apigatewayv2_")
	})
	return found
}

// tfTypes maps the Terraform resource types read to CloudFormation's.
var tfTypes = map[string]string{
	"aws_api_gateway_rest_api": "AWS::ApiGateway::RestApi", "aws_api_gateway_resource": "AWS::ApiGateway::Resource",
	"aws_api_gateway_method": "AWS::ApiGateway::Method", "aws_api_gateway_model": "AWS::ApiGateway::Model",
	"aws_api_gateway_authorizer": "AWS::ApiGateway::Authorizer", "aws_api_gateway_request_validator": "AWS::ApiGateway::RequestValidator",
	"aws_api_gateway_gateway_response": "AWS::ApiGateway::GatewayResponse", "aws_api_gateway_documentation_part": "AWS::ApiGateway::DocumentationPart",
	"aws_api_gateway_stage": "AWS::ApiGateway::Stage",
	"aws_apigatewayv2_api":  "AWS::ApiGatewayV2::Api", "aws_apigatewayv2_route": "AWS::ApiGatewayV2::Route",
	"aws_apigatewayv2_integration": "AWS::ApiGatewayV2::Integration", "aws_apigatewayv2_integration_response": "AWS::ApiGatewayV2::IntegrationResponse",
	"aws_apigatewayv2_route_response": "AWS::ApiGatewayV2::RouteResponse", "aws_apigatewayv2_authorizer": "AWS::ApiGatewayV2::Authorizer",
	"aws_apigatewayv2_model": "AWS::ApiGatewayV2::Model", "aws_apigatewayv2_stage": "AWS::ApiGatewayV2::Stage",
}

// tfNames are the arguments whose property name is not the PascalCase of
// the argument's, by resource type ("" for every type).
var tfNames = map[string]map[string]string{
	"": {"authorization": "AuthorizationType", "timeout_milliseconds": "TimeoutInMillis", "api_key_source": "ApiKeySourceType",
		"provider_arns": "ProviderARNs", "identity_sources": "IdentitySource", "request_parameter": "RequestParameters",
		"xray_tracing_enabled": "TracingEnabled", "authorizer_result_ttl_in_seconds": "AuthorizerResultTtlInSeconds",
		"cache_ttl_in_seconds": "CacheTtlInSeconds"},
	"aws_api_gateway_stage":  {"access_log_settings": "AccessLogSetting", "canary_settings": "CanarySetting"},
	"aws_apigatewayv2_stage": {"name": "StageName"},
}

// tfProperty names a Terraform argument as CloudFormation does.
func tfProperty(typ, arg string) string {
	if p := tfNames[typ][arg]; p != "" {
		return p
	}
	if p := tfNames[""][arg]; p != "" {
		return p
	}
	var b strings.Builder
	for _, w := range strings.Split(arg, "_") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// tfReader turns Terraform resources into CloudFormation ones.
type tfReader struct {
	root *yaml.Node
	// byAddr maps "type.name" to the converted resource's properties.
	byAddr map[string]*yaml.Node
}

// terraform reads the APIs of a Terraform JSON file.
func (l *loader) terraform(tree, root *yaml.Node, format source.Format) []*Document {
	tr := &tfReader{root: root, byAddr: map[string]*yaml.Node{}}
	resources := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap}
	var folded []struct{ typ, name string }
	source.Pairs(source.Get(root, "resource"), func(typ string, group *yaml.Node) {
		source.Pairs(group, func(name string, body *yaml.Node) {
			cfnType := tfTypes[typ]
			if cfnType == "" {
				switch typ {
				case "aws_api_gateway_method_response", "aws_api_gateway_integration", "aws_api_gateway_integration_response", "aws_api_gateway_method_settings":
					folded = append(folded, struct{ typ, name string }{typ, name})
				}
				return
			}
			props := tr.convert(typ, body)
			tr.byAddr[typ+"."+name] = props
			res := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: body.Line, Column: body.Column, Content: []*yaml.Node{
				strScalar("Type"), strScalar(cfnType), strScalar("Properties"), props}}
			resources.Content = append(resources.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: name, Line: body.Line, Column: body.Column}, res)
		})
	})
	// Method responses, integrations and integration responses (then the
	// stages' method settings) go inside what they belong to.
	slices.SortStableFunc(folded, func(a, b struct{ typ, name string }) int {
		rank := func(t string) int {
			return slices.Index([]string{"aws_api_gateway_integration", "aws_api_gateway_method_response"}, t)
		}
		return rank(b.typ) - rank(a.typ)
	})
	group := func(typ string) *yaml.Node { return source.Get(source.Get(root, "resource"), typ) }
	for _, f := range folded {
		body := source.Get(group(f.typ), f.name)
		props := tr.convert(f.typ, body)
		switch f.typ {
		case "aws_api_gateway_integration":
			if m := tr.owner(body, "http_method", "aws_api_gateway_method"); m != nil {
				setKey(m, "Integration", without(props, "RestApiId", "ResourceId", "HttpMethod"))
			}
		case "aws_api_gateway_method_response":
			if m := tr.owner(body, "http_method", "aws_api_gateway_method"); m != nil {
				appendItem(m, "MethodResponses", without(props, "RestApiId", "ResourceId", "HttpMethod"))
			}
		case "aws_api_gateway_integration_response":
			if m := tr.owner(body, "http_method", "aws_api_gateway_method"); m != nil {
				in := source.Get(m, "Integration")
				if in == nil {
					in = &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap}
					setKey(m, "Integration", in)
				}
				// The status code refers to the method response's: take it.
				if sc := source.Get(props, "StatusCode"); sc != nil && apimodel.NewIntrinsic(sc) != nil {
					setKey(props, "StatusCode", strScalar(tr.statusOf(source.Get(body, "status_code"))))
				}
				appendItem(in, "IntegrationResponses", without(props, "RestApiId", "ResourceId", "HttpMethod"))
			}
		case "aws_api_gateway_method_settings":
			if st := tr.owner(body, "stage_name", "aws_api_gateway_stage"); st != nil {
				path, method := splitMethodPath(source.Scalar(source.Get(body, "method_path")))
				item := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{
					strScalar("ResourcePath"), strScalar(path), strScalar("HttpMethod"), strScalar(method)}}
				if s := source.Get(props, "Settings"); s != nil {
					item.Content = append(item.Content, source.Resolve(s).Content...)
				}
				appendItem(st, "MethodSettings", item)
			}
		}
	}
	template := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{strScalar("Resources"), resources}}
	r := newResReader(l.File, tree, template)
	docs := r.apis(format)
	l.Append(r.Diags...)
	return docs
}

// splitMethodPath splits method settings' method_path ("*/*",
// "pets/GET") into CloudFormation's ResourcePath and HttpMethod.
func splitMethodPath(p string) (string, string) {
	i := strings.LastIndex(p, "/")
	if i < 0 {
		return "/*", "*"
	}
	path, method := p[:i], p[i+1:]
	if path == "*" {
		return "/*", method
	}
	return "/" + strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", "~1"), method
}

// owner returns the properties of the resource of type typ that body's
// argument arg refers to.
func (tr *tfReader) owner(body *yaml.Node, arg, typ string) *yaml.Node {
	name, _ := tfRef(source.Scalar(source.Get(body, arg)), typ)
	return tr.byAddr[typ+"."+name]
}

// statusOf returns the status code a reference to a method response's
// status_code names (its literal status code).
func (tr *tfReader) statusOf(n *yaml.Node) string {
	s := source.Scalar(n)
	if name, _ := tfRef(s, "aws_api_gateway_method_response"); name != "" {
		return source.Scalar(source.Get(source.Get(source.Get(source.Get(tr.root, "resource"), "aws_api_gateway_method_response"), name), "status_code"))
	}
	return s
}

// tfRef returns the name and attribute of "${typ.name.attr}", or "".
func tfRef(s, typ string) (name, attr string) {
	inner, ok := strings.CutPrefix(s, "${"+typ+".")
	if !ok || !strings.HasSuffix(inner, "}") || strings.Contains(inner, "${") {
		return "", ""
	}
	name, attr, _ = strings.Cut(strings.TrimSuffix(inner, "}"), ".")
	return name, attr
}

func setKey(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, strScalar(key), v)
}

func appendItem(m *yaml.Node, key string, item *yaml.Node) {
	list := source.Get(m, key)
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq}
		setKey(m, key, list)
	}
	list.Content = append(list.Content, item)
}

// without returns a copy of mapping m without keys.
func without(m *yaml.Node, keys ...string) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: m.Line, Column: m.Column}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !slices.Contains(keys, m.Content[i].Value) {
			out.Content = append(out.Content, m.Content[i], m.Content[i+1])
		}
	}
	return out
}

// convert turns a Terraform resource's body into CloudFormation properties.
func (tr *tfReader) convert(typ string, body *yaml.Node) *yaml.Node {
	body = source.Resolve(body)
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: body.Line, Column: body.Column}
	for i := 0; i+1 < len(body.Content); i += 2 {
		k, v := body.Content[i].Value, body.Content[i+1]
		switch k {
		case "depends_on", "lifecycle", "triggers", "provider", "count", "for_each":
			continue
		}
		out.Content = append(out.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: tfProperty(typ, k), Line: body.Content[i].Line, Column: body.Content[i].Column},
			tr.value(typ, k, v))
	}
	return out
}

// value converts an argument's value.
func (tr *tfReader) value(typ, arg string, v *yaml.Node) *yaml.Node {
	v = source.Resolve(v)
	switch {
	case typ == "aws_api_gateway_rest_api" && arg == "endpoint_configuration":
		return tr.convert(typ, v)
	case typ == "aws_api_gateway_rest_api" && arg == "tags", arg == "variables", arg == "stage_variables", arg == "request_parameters",
		arg == "request_templates", arg == "response_parameters" && typ != "aws_apigatewayv2_integration", arg == "response_templates",
		arg == "request_models", arg == "response_models", arg == "tags":
		// Objects whose keys are data.
		out := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: v.Line, Column: v.Column}
		for i := 0; i+1 < len(v.Content); i += 2 {
			out.Content = append(out.Content, v.Content[i], tr.value("", "", v.Content[i+1]))
		}
		return out
	case arg == "request_parameter":
		// [{request_parameter_key, required}] → {key: {Required}}
		out := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: v.Line, Column: v.Column}
		for _, e := range source.Items(v) {
			out.Content = append(out.Content, strScalar(source.Scalar(source.Get(e, "request_parameter_key"))),
				&yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{strScalar("Required"), source.Get(e, "required")}})
		}
		return out
	case typ == "aws_apigatewayv2_integration" && arg == "response_parameters":
		// [{status_code, mappings}] → {status: {ResponseParameters: [{Destination, Source}]}}
		out := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: v.Line, Column: v.Column}
		for _, e := range source.Items(v) {
			list := &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq}
			m := source.Resolve(source.Get(e, "mappings"))
			for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
				list.Content = append(list.Content, &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{
					strScalar("Destination"), m.Content[i], strScalar("Source"), tr.value("", "", m.Content[i+1])}})
			}
			out.Content = append(out.Content, strScalar(source.Scalar(source.Get(e, "status_code"))),
				&yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{strScalar("ResponseParameters"), list}})
		}
		return out
	case arg == "route_settings":
		out := &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: v.Line, Column: v.Column}
		for _, e := range source.Items(v) {
			out.Content = append(out.Content, strScalar(source.Scalar(source.Get(e, "route_key"))), tr.convert(typ, without(e, "route_key")))
		}
		return out
	case v.Kind == yaml.MappingNode:
		return tr.convert(typ, v)
	case v.Kind == yaml.SequenceNode:
		out := &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Line: v.Line, Column: v.Column}
		for _, e := range v.Content {
			out.Content = append(out.Content, tr.value(typ, "", e))
		}
		return out
	case v.Kind == yaml.ScalarNode && v.Tag == source.TagStr:
		return tfString(v)
	}
	return v
}

// tfAttrs are the attributes references take, as CloudFormation names them.
var tfAttrs = map[string]string{"root_resource_id": "RootResourceId", "api_endpoint": "ApiEndpoint", "arn": "Arn"}

// tfPseudo are the data sources that stand for CloudFormation's pseudo parameters.
var tfPseudo = map[string]string{"data.aws_region.current.name": "AWS::Region", "data.aws_region.current.region": "AWS::Region",
	"data.aws_caller_identity.current.account_id": "AWS::AccountId", "data.aws_partition.current.partition": "AWS::Partition",
	"data.aws_partition.current.dns_suffix": "AWS::URLSuffix"}

// tfString converts a Terraform string: literal text (escapes undone), a
// reference (Ref, Fn::GetAtt) or an interpolation (Fn::Sub).
func tfString(v *yaml.Node) *yaml.Node {
	s := v.Value
	if !strings.Contains(s, "${") && !strings.Contains(s, "%{") {
		return v
	}
	var b strings.Builder
	vars := 0
	var only string
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			b.WriteString("${!")
			i += 3
		case strings.HasPrefix(s[i:], "%%{"):
			b.WriteString("%{")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				b.WriteString(apimodel.SubEscape(s[i:]))
				i = len(s)
				continue
			}
			expr := strings.TrimSpace(s[i+2 : i+end])
			i += end + 1
			vars++
			only = expr
			b.WriteString("${" + tfVariable(expr) + "}")
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	str := func(t string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: t, Line: v.Line, Column: v.Column}
	}
	fn := func(name string, args *yaml.Node) *yaml.Node {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Line: v.Line, Column: v.Column, Content: []*yaml.Node{str(name), args}}
	}
	if vars == 0 {
		return str(strings.ReplaceAll(strings.ReplaceAll(s, "$${", "${"), "%%{", "%{"))
	}
	if vars == 1 && "${"+only+"}" == s {
		name := tfVariable(only)
		if n, attr, ok := strings.Cut(name, "."); ok {
			return fn("Fn::GetAtt", &yaml.Node{Kind: yaml.SequenceNode, Tag: source.TagSeq, Content: []*yaml.Node{str(n), str(attr)}})
		}
		return fn("Ref", str(name))
	}
	return fn("Fn::Sub", str(b.String()))
}

// tfVariable writes a Terraform expression as a CloudFormation variable:
// a pseudo parameter, an input, a resource or its attribute.
func tfVariable(expr string) string {
	if p := tfPseudo[expr]; p != "" {
		return p
	}
	if name, ok := strings.CutPrefix(expr, "var."); ok {
		return name
	}
	parts := strings.Split(expr, ".")
	if len(parts) == 3 && strings.HasPrefix(parts[0], "aws_") {
		switch attr := parts[2]; {
		case attr == "id", attr == "http_method", attr == "stage_name", attr == "status_code":
			return parts[1]
		case tfAttrs[attr] != "":
			return parts[1] + "." + tfAttrs[attr]
		default:
			return parts[1] + "." + tfProperty("", attr)
		}
	}
	return strings.ReplaceAll(expr, ".", "")
}
