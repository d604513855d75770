package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// httpRootMarkers are root extensions that only HTTP APIs read.
var httpRootMarkers = []string{"x-amazon-apigateway-importexport-version", "x-amazon-apigateway-cors"}

// httpIntegrationMarkers are integration fields that only HTTP APIs read.
var httpIntegrationMarkers = []string{"payloadFormatVersion", "integrationSubtype"}

// IsHTTPAPI guesses whether a plain document (root is the OpenAPI object)
// defines an HTTP API rather than a REST API. A document does not say so
// itself; it is an HTTP API when it uses something only HTTP APIs read:
//   - x-amazon-apigateway-importexport-version or x-amazon-apigateway-cors at the root;
//   - x-amazon-apigateway-integrations in components;
//   - payloadFormatVersion or integrationSubtype in an operation's x-amazon-apigateway-integration;
//   - any extension the registry marks HTTPOnly, at the root or in an operation.
//
// Everything else is taken as a REST API, which is what most documents with
// these extensions are. Embedded definitions are classified by their
// resource type instead (AWS::ApiGatewayV2::Api and AWS::Serverless::HttpApi are HTTP APIs).
func IsHTTPAPI(root *yaml.Node) bool {
	root = source.Resolve(root)
	for _, m := range httpRootMarkers {
		if k, _ := source.Entry(root, m); k != nil {
			return true
		}
	}
	if hasHTTPOnly(root) {
		return true
	}
	_, comps := source.Entry(root, "components")
	if k, _ := source.Entry(comps, "x-amazon-apigateway-integrations"); k != nil {
		return true
	}
	_, paths := source.Entry(root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return false
	}
	for i := 1; i < len(paths.Content); i += 2 {
		item := source.Resolve(paths.Content[i])
		if item == nil || item.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			if _, ok := operationKeys[item.Content[j].Value]; !ok {
				continue
			}
			op := item.Content[j+1]
			if hasHTTPOnly(op) {
				return true
			}
			_, integ := source.Entry(op, "x-amazon-apigateway-integration")
			for _, m := range httpIntegrationMarkers {
				if k, _ := source.Entry(integ, m); k != nil {
					return true
				}
			}
		}
	}
	return false
}

// hasHTTPOnly tells whether the mapping n has an extension only HTTP APIs read.
func hasHTTPOnly(n *yaml.Node) bool {
	n = source.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if s := extensions.LookupSpec(n.Content[i].Value); s != nil && s.HTTPOnly {
			return true
		}
	}
	return false
}
