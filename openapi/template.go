package openapi

import (
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// apiResource says where a CloudFormation resource type keeps its definition.
type apiResource struct {
	typ      string
	body     string // property holding the inline definition
	location string // property naming a file kept elsewhere
	httpAPI  bool
}

// apiResources are the resource types whose definitions Load reads.
var apiResources = []apiResource{
	{"AWS::ApiGateway::RestApi", "Body", "BodyS3Location", false},
	{"AWS::Serverless::Api", "DefinitionBody", "DefinitionUri", false},
	{"AWS::ApiGatewayV2::Api", "Body", "BodyS3Location", true},
	{"AWS::Serverless::HttpApi", "DefinitionBody", "DefinitionUri", true},
}

func lookupAPIResource(typ string) *apiResource {
	for i := range apiResources {
		if apiResources[i].typ == typ {
			return &apiResources[i]
		}
	}
	return nil
}

// template yields each inline definition of a CloudFormation/SAM template.
func (l *loader) template(tree, root *yaml.Node, format source.Format) []*Document {
	var docs []*Document
	noted := false
	_, resources := source.Entry(root, "Resources")
	if resources == nil || resources.Kind != yaml.MappingNode {
		l.Add(diag.TemplateNoAPI, root, "", "the template has no Resources object, so no API definition to check")
		return nil
	}
	for i := 0; i+1 < len(resources.Content); i += 2 {
		id, res := resources.Content[i].Value, source.Resolve(resources.Content[i+1])
		_, typ := source.Entry(res, "Type")
		spec := lookupAPIResource(source.Scalar(typ))
		if spec == nil {
			continue
		}
		resPtr := source.Pointer("/Resources", id)
		_, props := source.Entry(res, "Properties")
		propsPtr := resPtr + "/Properties"
		if k, _ := source.Entry(props, spec.location); k != nil {
			noted = true
			l.Add(diag.TemplateNotFollowed, k, propsPtr+"/"+spec.location,
				"%s keeps its definition in %s, which is not read; check that file on its own", id, spec.location)
		}
		k, body := source.Entry(props, spec.body)
		if k == nil {
			continue
		}
		ptr := propsPtr + "/" + spec.body
		if fn := source.IntrinsicName(body); fn != "" {
			noted = true
			if fn == "Fn::Transform" {
				l.Add(diag.TemplateNotFollowed, body, ptr,
					"%s.%s is included with Fn::Transform (AWS::Include), which is not followed; check the included file on its own", id, spec.body)
			} else {
				l.Add(diag.TemplateBodyIntrinsic, body, ptr,
					"%s.%s is computed with %s, so it cannot be read before deployment; write the definition inline to have it checked", id, spec.body, fn)
			}
			continue
		}
		if body.Kind != yaml.MappingNode {
			noted = true
			l.Add(diag.TemplateBodyIntrinsic, body, ptr,
				"%s.%s is %s, not an inline object, so it is not read; write the definition as an object to have it checked", id, spec.body, describeNode(body))
			continue
		}
		kind, version, found := DetectKind(body, ptr)
		if found == nil && kind == CloudFormation {
			kind, found = KindUnknown, &diag.Diagnostic{Severity: diag.Error, Code: diag.UnknownKind, Pointer: ptr,
				Line: body.Line, Column: body.Column, Message: id + "." + spec.body + " is not an API definition: expected an openapi or swagger key"}
		}
		if found != nil {
			l.Append(*found)
			continue
		}
		docs = append(docs, &Document{File: l.File, Format: format, Kind: kind, Version: version, Root: body, Tree: tree,
			Pointer: ptr, Resource: id, ResourceType: spec.typ, API: templateKind(spec.httpAPI), APIFrom: "the resource type " + spec.typ})
	}
	docs = append(docs, l.resourceAPIs(tree, root, format)...)
	if len(docs) == 0 && !noted {
		l.Add(diag.TemplateNoAPI, resources, "/Resources",
			"the template defines no API: neither an inline OpenAPI definition (Body or DefinitionBody) nor API Gateway resources (AWS::ApiGateway::RestApi, AWS::ApiGatewayV2::Api, SAM functions' Api events), so there is nothing to check")
	}
	return docs
}
