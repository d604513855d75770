package apimodel

import (
	"errors"
	"reflect"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Dump is a loaded API: exactly one of REST and V2 is set.
type Dump struct {
	REST *RestDump
	V2   *V2Dump
}

// Load reads a dump (JSON or YAML) of a REST, HTTP or WebSocket API. file
// names the input in diagnostics. The dump is nil only when nothing could be
// read; otherwise it holds what was understood, next to the diagnostics.
// Load is Read with the default limits; a refusal by a limit is an error
// diagnostic here.
func Load(file string, data []byte) (*Dump, []diag.Diagnostic) {
	dump, diags, err := Read(file, data, source.Limits{})
	var le *source.LimitError
	if errors.As(err, &le) {
		diags = append(diags, diag.Diagnostic{Severity: diag.Error, Code: le.Code, File: file,
			Line: le.Line, Column: le.Column, Message: le.Message})
	}
	return dump, diags
}

// Read reads a dump as documents are read (source.Parse): within the
// limits lim (size, depth, alias expansion, UTF-8, one YAML document), with
// duplicate keys reported as errors naming both positions. The error is a
// *source.LimitError when a limit refuses the input, and then the dump and
// the diagnostics are nil; every other problem is a diagnostic, as in Load.
func Read(file string, data []byte, lim source.Limits) (*Dump, []diag.Diagnostic, error) {
	d := &decoder{Collector: extensions.Collector{File: file}, base: map[string]string{}}
	doc, _, err := source.Parse(file, data, lim)
	if err != nil {
		var se *source.SyntaxError
		if !errors.As(err, &se) {
			return nil, nil, err
		}
		d.Diags = append(d.Diags, diag.Diagnostic{Severity: diag.Error, Code: diag.DumpSyntax, File: file,
			Line: se.Line, Column: se.Column, Message: "not JSON or YAML: " + se.Message})
		return nil, d.Diags, nil
	}
	// A dump is the CLI's output, which never repeats a key: one that does
	// was edited by hand, and which value was meant cannot be told, so it
	// is refused rather than read as API Gateway reads a document.
	for _, dup := range source.DuplicateKeys(doc, "") {
		dup.Severity = diag.Error
		d.Append(dup)
	}
	d.root = doc
	dump := d.load(doc, "")
	if dump != nil {
		dump.check(d)
	}
	diag.Sort(d.Diags)
	return dump, d.Diags, nil
}

// hasKey tells whether mapping n has key (compared case-insensitively).
func hasKey(n *yaml.Node, key string) bool {
	return lookup(n, key) != nil
}

// lookup returns the value under key (case-insensitive) in mapping n.
func lookup(n *yaml.Node, key string) *yaml.Node {
	n = source.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if strings.EqualFold(n.Content[i].Value, key) {
			return n.Content[i+1]
		}
	}
	return nil
}

// listKind is one kind of item that a bare list output ({"items": […]}) may hold.
type listKind struct {
	// keys: an item with any of these keys (exact spelling) is of this kind.
	keys []string
	// name of the collection in the dump, for pointers.
	name string
	// into returns the slice to fill in a new dump.
	into func(*Dump) any
}

var listKinds = []listKind{
	{[]string{"resourceMethods", "pathPart", "path", "parentId"}, "resources", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.Resources }},
	{[]string{"schema", "contentType"}, "models", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.Models }},
	{[]string{"authorizerUri", "identitySource", "providerARNs"}, "authorizers", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.Authorizers }},
	{[]string{"validateRequestBody", "validateRequestParameters"}, "requestValidators", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.RequestValidators }},
	{[]string{"responseType"}, "gatewayResponses", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.GatewayResponses }},
	{[]string{"location"}, "documentationParts", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.DocumentationParts }},
	{[]string{"apiSummary"}, "deployments", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.Deployments }},
	{[]string{"RouteKey", "routeKey"}, "routes", func(d *Dump) any { d.V2 = &V2Dump{}; return &d.V2.Routes }},
	{[]string{"IntegrationType", "integrationType"}, "integrations", func(d *Dump) any { d.V2 = &V2Dump{}; return &d.V2.Integrations }},
	{[]string{"AuthorizerType", "authorizerType"}, "authorizers", func(d *Dump) any { d.V2 = &V2Dump{}; return &d.V2.Authorizers }},
	{[]string{"ModelId", "modelId"}, "models", func(d *Dump) any { d.V2 = &V2Dump{}; return &d.V2.Models }},
	{[]string{"StageName", "stageName"}, "stages", func(d *Dump) any { d.V2 = &V2Dump{}; return &d.V2.Stages }},
}

// restStages is the kind of the items of a REST API's get-stages, which
// lists them under "item".
var restStages = listKind{[]string{"stageName"}, "stages", func(d *Dump) any { d.REST = &RestDump{}; return &d.REST.Stages }}

// kindOf returns the list kind of item, or nil.
func kindOf(item *yaml.Node) *listKind {
	for i := range listKinds {
		for _, k := range listKinds[i].keys {
			if exactLookup(item, k) != nil {
				return &listKinds[i]
			}
		}
	}
	if isDeployment(item) {
		return &listKinds[slices.IndexFunc(listKinds, func(k listKind) bool { return k.name == "deployments" })]
	}
	return nil
}

// isDeployment tells whether item holds only what get-deployments prints
// for a deployment (an id and a date, perhaps a description).
func isDeployment(item *yaml.Node) bool {
	r := source.Resolve(item)
	if r == nil || r.Kind != yaml.MappingNode || exactLookup(r, "createdDate") == nil {
		return false
	}
	for i := 0; i+1 < len(r.Content); i += 2 {
		switch r.Content[i].Value {
		case "id", "description", "createdDate", "apiSummary":
		default:
			return false
		}
	}
	return true
}

var (
	restKeys = []string{"restApi", "resources", "requestValidators", "gatewayResponses", "documentationParts", "deployments"}
	v2Keys   = []string{"api", "routes", "integrations", "integrationResponses", "routeResponses", "stages"}
)

func (d *decoder) load(doc *yaml.Node, at string) *Dump {
	root := source.Resolve(doc)
	if root == nil || root.Kind != yaml.MappingNode {
		what := kindName(root)
		if root != nil && root.Kind == yaml.ScalarNode && root.Tag == "!!str" {
			what = source.Excerpt(root.Value, 40) // a text file: do not repeat it whole
		}
		d.Add(diag.DumpShape, root, "", "a dump must be an object such as {\"restApi\": …, \"resources\": […]} or {\"api\": …, \"routes\": […]}, not %s", what)
		return nil
	}
	exact := func(keys []string) bool {
		for i := 0; i+1 < len(root.Content); i += 2 {
			for _, k := range keys {
				if root.Content[i].Value == k {
					return true
				}
			}
		}
		return false
	}
	if exact([]string{"httpMethod", "type", "statusCode"}) {
		d.Add(diag.DumpShape, root, at, "this looks like the output of get-method, get-integration or get-*-response, which does not say which resource it belongs to: put it under \"resourceMethods\" of an item of \"resources\"")
		return nil
	}
	switch {
	case exact(restKeys), restStagesOnly(root):
		return d.rest(root)
	case exact(v2Keys):
		return d.v2(root)
	case exact([]string{"models", "authorizers"}):
		if v2Items(lookup(root, "models")) || v2Items(lookup(root, "authorizers")) {
			return d.v2(root)
		}
		return d.rest(root)
	}
	if items := lookup(root, "items"); items != nil {
		return d.items(root, items, "items")
	}
	if items := exactLookup(root, "item"); items != nil {
		return d.items(root, items, "item")
	}
	switch {
	case hasKey(root, "rootResourceId"):
		dump := &Dump{REST: &RestDump{RestAPI: &RestAPI{}}}
		d.object(root, reflect.ValueOf(dump.REST.RestAPI).Elem(), at, "rest API")
		return dump
	case hasKey(root, "ProtocolType"):
		dump := &Dump{V2: &V2Dump{API: &API{}}}
		d.object(root, reflect.ValueOf(dump.V2.API).Elem(), at, "API")
		return dump
	}
	d.Add(diag.DumpShape, root, "", "not a dump this tool knows: write {\"restApi\": <get-rest-api>, \"resources\": [<items of get-resources --embed methods>], …} for a REST API or {\"api\": <get-api>, \"routes\": […], \"integrations\": […], …} for an HTTP or WebSocket API")
	return nil
}

// v2Items tells whether the first item of list n is spelled the apigatewayv2 way.
func v2Items(n *yaml.Node) bool {
	n = source.Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return false
	}
	for _, k := range []string{"AuthorizerType", "AuthorizerId", "ModelId", "Name", "Schema", "ContentType", "Description", "AuthorizerUri", "IdentitySource"} { // apigatewayv2 prints PascalCase members
		if exactLookup(n.Content[0], k) != nil {
			return true
		}
	}
	return false
}

func exactLookup(n *yaml.Node, key string) *yaml.Node {
	n = source.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func (d *decoder) rest(root *yaml.Node) *Dump {
	dump := &Dump{REST: &RestDump{}}
	d.object(root, reflect.ValueOf(dump.REST).Elem(), "", "REST API dump")
	return dump
}

// restStageKeys are keys of a stage that only REST APIs have.
var restStageKeys = []string{"cacheClusterEnabled", "cacheClusterStatus", "cacheClusterSize", "tracingEnabled", "methodSettings", "clientCertificateId"}

// restStagesOnly tells whether a dump holds nothing but stages, and they
// are a REST API's (both kinds list them under "stages"): they have a
// member only REST stages have, or no capitalised member.
func restStagesOnly(root *yaml.Node) bool {
	if len(root.Content) != 2 || root.Content[0].Value != "stages" {
		return false
	}
	items := source.Items(root.Content[1])
	if len(items) == 0 {
		return false
	}
	if slices.ContainsFunc(restStageKeys, func(k string) bool { return exactLookup(items[0], k) != nil }) {
		return true
	}
	// get-stages of apigatewayv2 prints PascalCase members, of apigateway
	// camelCase: a stage with no capitalised member is a REST API's.
	first := source.Resolve(items[0])
	if first == nil || first.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(first.Content); i += 2 {
		if k := first.Content[i].Value; k != "" && k[0] >= 'A' && k[0] <= 'Z' {
			return false
		}
	}
	return true
}

func (d *decoder) v2(root *yaml.Node) *Dump {
	dump := &Dump{V2: &V2Dump{}}
	d.object(root, reflect.ValueOf(dump.V2).Elem(), "", "HTTP or WebSocket API dump")
	return dump
}

// items loads a bare list output of the CLI: {"items": […]}, or {"item":
// […]} for the stages of a REST API (key says which).
func (d *decoder) items(root, items *yaml.Node, key string) *Dump {
	list := source.Resolve(items)
	ptr := "/" + keyOf(root, key)
	if list == nil || list.Kind != yaml.SequenceNode {
		d.Add(diag.WrongType, items, ptr, "items must be a list, not %s", kindName(items))
		return nil
	}
	if len(list.Content) == 0 {
		d.Add(diag.DumpShape, items, ptr, "an empty list tells nothing about the API; dump at least the resources or the routes")
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i].Value; !strings.EqualFold(k, key) && !strings.EqualFold(k, "nextToken") && !strings.EqualFold(k, "position") && !ignoredKeys[k] {
			d.unknownKey(root.Content[i], source.Pointer("", k), "list output", []fieldInfo{{name: keyOf(root, key)}})
		}
	}
	first := list.Content[0]
	switch {
	case hasKey(first, "rootResourceId") || hasKey(first, "ProtocolType"):
		if len(list.Content) > 1 {
			d.Add(diag.DumpShape, items, ptr, "the list holds %d APIs; dump one API (get-rest-api or get-api) at a time", len(list.Content))
			return nil
		}
		return d.load(first, ptr+"/0")
	case hasKey(first, "IntegrationResponseKey"):
		d.Add(diag.DumpShape, items, ptr, "integration responses do not name their integration: write {\"integrationResponses\": {\"<IntegrationId>\": [ … ]}}")
		return nil
	case hasKey(first, "RouteResponseKey"):
		d.Add(diag.DumpShape, items, ptr, "route responses do not name their route: write {\"routeResponses\": {\"<RouteId>\": [ … ]}}")
		return nil
	}
	k := kindOf(first)
	if key == "item" {
		k = &restStages
	}
	if k == nil {
		d.Add(diag.DumpShape, first, ptr+"/0", "cannot tell what these items are; expected the output of get-resources, get-models, get-authorizers, get-request-validators, get-gateway-responses, get-documentation-parts, get-rest-apis, or apigatewayv2 get-apis, get-routes, get-integrations, get-authorizers, get-models or get-stages")
		return nil
	}
	dump := &Dump{}
	d.value(items, reflect.ValueOf(k.into(dump)).Elem(), ptr, k.name, "")
	d.base[k.name] = ptr
	return dump
}

// keyOf returns the spelling of key (case-insensitive) used in mapping n.
func keyOf(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if strings.EqualFold(n.Content[i].Value, key) {
			return n.Content[i].Value
		}
	}
	return key
}
