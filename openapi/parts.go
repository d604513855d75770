package openapi

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Part is a kind of content of an API definition: what a diagnostic is
// about, and what a command reads (see Usage). Parts combine as a set:
// PartParameters|PartResponses.
type Part uint32

// The parts of an API definition.
const (
	// PartDocument is the document as a whole: its syntax, version, info
	// and servers, and whatever no other part holds.
	PartDocument Part = 1 << iota
	// PartOperations are the paths, path items and operations' own fields
	// (operationId, tags, …).
	PartOperations
	// PartParameters are the operations' parameters (Swagger 2.0: with the
	// body parameter), and the reusable ones.
	PartParameters
	// PartRequestBodies are OpenAPI 3's request bodies, and the reusable ones.
	PartRequestBodies
	// PartResponses are the declared responses (the method responses),
	// their headers and content, and the reusable ones.
	PartResponses
	// PartSchemas are the reusable schemas: components.schemas, Swagger's
	// definitions (REST API models).
	PartSchemas
	// PartSecuritySchemes are the security schemes and security requirements.
	PartSecuritySchemes
	// PartAuthTypes are x-amazon-apigateway-authtype and x-amazon-apigateway-auth.
	PartAuthTypes
	// PartAuthorizers are the x-amazon-apigateway-authorizer objects.
	PartAuthorizers
	// PartIntegrationTypes are an integration's type and $ref.
	PartIntegrationTypes
	// PartIntegrationURIs are an integration's uri.
	PartIntegrationURIs
	// PartIntegrationRequests are the rest of an integration's request
	// side: httpMethod, credentials, connection, request parameters and
	// templates, passthrough, timeouts, cache keys, TLS.
	PartIntegrationRequests
	// PartIntegrationResponses are REST integration responses and HTTP API
	// response parameters.
	PartIntegrationResponses
	// PartGatewayResponses is x-amazon-apigateway-gateway-responses.
	PartGatewayResponses
	// PartRequestValidators are x-amazon-apigateway-request-validators and
	// x-amazon-apigateway-request-validator.
	PartRequestValidators
	// PartBinaryMediaTypes is x-amazon-apigateway-binary-media-types.
	PartBinaryMediaTypes
	// PartAPISettings are the other x-amazon-apigateway-* extensions:
	// endpoint configuration, policy, API key source, CORS, documentation, …
	PartAPISettings
	// PartOtherResources are the resources of a CloudFormation/SAM template
	// other than the API the document is: no part of this API.
	PartOtherResources

	// PartAll is every part of the API (not PartOtherResources).
	PartAll = PartOtherResources - 1
	// PartOpenAPI is what OpenAPI itself defines: every part but the
	// x-amazon-apigateway-* extensions.
	PartOpenAPI = PartDocument | PartOperations | PartParameters | PartRequestBodies | PartResponses | PartSchemas | PartSecuritySchemes
)

var partNames = []string{"the document", "paths and operations", "parameters", "request bodies", "responses",
	"schemas", "security schemes", "authorization types", "authorizers", "integration types",
	"integration URIs", "integration requests", "integration responses", "gateway responses",
	"request validators", "binary media types", "API settings", "other resources of the template"}

// String names the parts in messages, "integration URIs" or
// "parameters, responses".
func (p Part) String() string {
	var names []string
	for i, n := range partNames {
		if p&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// Location is where in an API definition a diagnostic belongs.
type Location struct {
	// Part is the part it is about: one of the Part constants.
	Part Part
	// Operations are the operations whose reading reaches it, in document
	// order: the operation it stands in; every operation of the path item
	// it stands in; or every operation that refers, directly or through
	// other components, to the shared component it stands in (a schema, a
	// parameter, request body, response or header, a security scheme, a
	// reusable integration) or to the file it stands in. Empty when it
	// belongs to the document as a whole.
	Operations []*Operation
}

// Locate returns, for each diagnostic of ds (in the same order), where it
// belongs in d. It is the one place that decides which part of a document,
// and which operations, a diagnostic is about: from its file and JSON
// pointer, and for an error written at an integration object itself
// (a field it lacks), from the decoded integration.
func (d *Document) Locate(ds []diag.Diagnostic) []Location {
	l := &locator{d: d}
	out := make([]Location, len(ds))
	for i, dg := range ds {
		out[i] = l.locate(dg.File, dg.Pointer, dg.Code, map[string]bool{})
	}
	return out
}

// locator holds what Locate works out once per document.
type locator struct {
	d *Document
	// own maps an operation's pointer to it, and a path item's pointer to
	// its operations.
	own map[string][]*Operation
	// shared maps the pointer of a value outside the operations (in the
	// document's own file) to the operations that reach it.
	shared map[string][]*Operation
}

// locate places a diagnostic of file at ptr; seen holds the external
// files already walked from, on the way to the $refs that read them.
func (l *locator) locate(file, ptr string, code diag.Code, seen map[string]bool) Location {
	d := l.d
	if file != "" && file != d.File {
		return l.external(file, code, seen)
	}
	if d.Embedded() && !under(ptr, d.Pointer) {
		res := source.Pointer("/Resources", d.Resource)
		if strings.HasPrefix(ptr, "/Resources/") && !under(ptr, res) {
			return Location{Part: PartOtherResources}
		}
		return Location{Part: PartDocument}
	}
	rel := strings.TrimPrefix(ptr, d.Pointer)
	return Location{Part: l.part(rel, code), Operations: l.operations(ptr)}
}

// external places a diagnostic in a file that a $ref read: where the $refs
// that read it stand.
func (l *locator) external(file string, code diag.Code, seen map[string]bool) Location {
	loc := Location{Part: PartDocument}
	if seen[file] {
		return loc
	}
	seen[file] = true
	slash := filepath.ToSlash(file)
	first := true
	for _, r := range l.d.Refs {
		if slash != r.Target && !strings.HasSuffix(slash, "/"+r.Target) {
			continue
		}
		at := l.locate(r.File, r.Pointer, code, seen)
		if first {
			loc.Part, first = at.Part, false
		}
		loc.Operations = l.union(loc.Operations, at.Operations)
	}
	return loc
}

// under tells whether ptr is base or below it.
func under(ptr, base string) bool {
	return ptr == base || strings.HasPrefix(ptr, base+"/")
}

// part returns the part that the pointer rel (relative to the document's
// root) is in.
func (l *locator) part(rel string, code diag.Code) Part {
	if rel == "" {
		return PartDocument
	}
	tokens := strings.Split(rel[1:], "/")
	for i := range tokens {
		tokens[i] = source.UnescapeToken(tokens[i])
	}
	for i, t := range tokens {
		if strings.HasPrefix(t, "x-amazon-apigateway-") && t != extensions.ExtAnyMethod {
			return l.extensionPart(tokens[:i+1], tokens[i+1:], code)
		}
	}
	at := func(i int) string {
		if i < len(tokens) {
			return tokens[i]
		}
		return ""
	}
	switch at(0) {
	case "paths":
		key := at(3)
		if at(2) == "parameters" {
			key = "parameters"
		}
		switch key {
		case "parameters":
			return PartParameters
		case "requestBody":
			return PartRequestBodies
		case "responses":
			return PartResponses
		case "security":
			return PartSecuritySchemes
		}
		return PartOperations
	case "components":
		switch at(1) {
		case "schemas":
			return PartSchemas
		case "parameters":
			return PartParameters
		case "requestBodies":
			return PartRequestBodies
		case "responses", "headers":
			return PartResponses
		case "securitySchemes":
			return PartSecuritySchemes
		}
	case "definitions":
		return PartSchemas
	case "parameters":
		return PartParameters
	case "responses":
		return PartResponses
	case "securityDefinitions", "security":
		return PartSecuritySchemes
	}
	return PartDocument
}

// extensionPart returns the part of a pointer into the extension that the
// last of at names; below are the tokens after it.
func (l *locator) extensionPart(at, below []string, code diag.Code) Part {
	switch at[len(at)-1] {
	case extensions.ExtIntegration:
		return l.integrationPart(at, below, code)
	case extensions.ExtIntegrations:
		if len(below) == 0 {
			return PartIntegrationRequests
		}
		return l.integrationPart(append(at, below[0]), below[1:], code)
	case extensions.ExtGatewayResponses:
		return PartGatewayResponses
	case extensions.ExtAuthorizer:
		return PartAuthorizers
	case extensions.ExtAuth, extensions.ExtAuthType:
		return PartAuthTypes
	case extensions.ExtRequestValidator, extensions.ExtRequestValidators:
		return PartRequestValidators
	case extensions.ExtBinaryMediaTypes:
		return PartBinaryMediaTypes
	}
	return PartAPISettings
}

// integrationPart returns the part of a pointer into the integration at
// (tokens from the root); below are the tokens after it. An error written
// at the integration object itself is about a field it lacks: its type
// when it has none, its uri when the error says a field is missing and it
// has no uri, otherwise the integration request.
func (l *locator) integrationPart(at, below []string, code diag.Code) Part {
	if len(below) > 0 {
		switch below[0] {
		case "type", "$ref":
			return PartIntegrationTypes
		case "uri":
			return PartIntegrationURIs
		case "responses", "responseParameters":
			return PartIntegrationResponses
		}
		return PartIntegrationRequests
	}
	v := l.integrationAt(at)
	switch {
	case v == nil || v.Type == "" && !v.IsRef():
		return PartIntegrationTypes
	case code == diag.MissingField && v.URI.IsZero() && !v.IsRef():
		return PartIntegrationURIs
	}
	return PartIntegrationRequests
}

// integrationAt returns the decoded integration whose pointer (relative to
// the root) the tokens at spell: an x-amazon-apigateway-integration, or an
// entry of components.x-amazon-apigateway-integrations. Nil when none was
// decoded there.
func (l *locator) integrationAt(at []string) *extensions.Integration {
	ptr := l.d.Pointer
	for _, t := range at {
		ptr = source.Pointer(ptr, t)
	}
	for _, e := range l.d.exts {
		switch v := e.Value.(type) {
		case *extensions.Integration:
			if e.Pointer == ptr {
				return v
			}
		case *extensions.Integrations:
			if under(ptr, e.Pointer) && ptr != e.Pointer {
				i, _ := v.Integrations.Get(at[len(at)-1])
				return i
			}
		}
	}
	return nil
}

// operations returns the operations that reach the value at the absolute
// pointer ptr: the deepest operation or path item that holds it, and every
// operation that reaches a shared value holding it.
func (l *locator) operations(ptr string) []*Operation {
	l.index()
	var out []*Operation
	ownFound := false
	for p := ptr; ; {
		if ops, ok := l.own[p]; ok && !ownFound {
			out, ownFound = l.union(out, ops), true
		}
		if ops, ok := l.shared[p]; ok {
			out = l.union(out, ops)
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 || p == l.d.Pointer {
			break
		}
		p = p[:i]
	}
	return out
}

// union adds the operations of b that a lacks, keeping document order.
func (l *locator) union(a, b []*Operation) []*Operation {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	var out []*Operation
	for _, o := range l.d.ops {
		if slices.Contains(a, o) || slices.Contains(b, o) {
			out = append(out, o)
		}
	}
	return out
}

// index builds own and shared, once.
func (l *locator) index() {
	if l.own != nil {
		return
	}
	d := l.d
	l.own, l.shared = map[string][]*Operation{}, map[string][]*Operation{}
	closures := map[*yaml.Node][]string{}
	for _, o := range d.ops {
		l.own[o.Pointer] = []*Operation{o}
		l.own[o.PathItemPointer] = append(l.own[o.PathItemPointer], o)
		var reached []string
		schema := func(s *Schema) {
			if s == nil || s.File != "" || !s.Resolved {
				return
			}
			c, ok := closures[s.Target]
			if !ok {
				c = d.schemaClosure(s.Target, s.TargetPointer)
				closures[s.Target] = c
			}
			reached = append(reached, c...)
		}
		for _, p := range o.Parameters {
			reached = append(reached, p.Pointer)
			schema(p.Schema)
		}
		content := func(ms []*MediaType) {
			for _, m := range ms {
				schema(m.Schema)
			}
		}
		if b := o.Body; b != nil {
			reached = append(reached, b.Pointer)
			content(b.Content)
		}
		for _, r := range o.Responses {
			reached = append(reached, r.Pointer)
			for _, h := range r.Headers {
				reached = append(reached, h.Pointer)
				schema(h.Schema)
			}
			content(r.Content)
		}
		if reqs, ok := o.EffectiveSecurity(); ok {
			for _, r := range reqs {
				for _, use := range r.Schemes {
					if s := d.SecurityScheme(use.Name); s != nil {
						reached = append(reached, s.Pointer)
					}
				}
			}
		}
		if v, _ := o.Integration(); v != nil && v.IsRef() {
			for _, e := range d.ExtensionsNamed(extensions.ExtIntegrations) {
				if e.Place == extensions.AtComponents {
					reached = append(reached, source.Pointer(e.Pointer, v.RefName()))
				}
			}
		}
		for _, p := range reached {
			if p == "" || under(p, o.Pointer) {
				continue
			}
			if ops := l.shared[p]; len(ops) == 0 || ops[len(ops)-1] != o {
				l.shared[p] = append(ops, o)
			}
		}
	}
}

// schemaClosure returns the pointer of the schema n (at ptr) and of every
// schema of the document's own file that its $refs reach, directly or
// through others.
func (d *Document) schemaClosure(n *yaml.Node, ptr string) []string {
	out := []string{ptr}
	seen := map[*yaml.Node]bool{n: true}
	var walk func(n *yaml.Node, names bool)
	walk = func(n *yaml.Node, names bool) {
		n = source.Resolve(n)
		if n == nil {
			return
		}
		switch n.Kind {
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, false)
			}
		case yaml.MappingNode:
			if ref := source.Get(n, "$ref"); ref != nil && ref.Kind == yaml.ScalarNode {
				if t, ok := d.Follow(n, ""); ok && t.File == "" && !seen[t.Node] {
					seen[t.Node] = true
					out = append(out, t.Pointer)
					walk(t.Node, false)
				}
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				if !names && isDataKey(k) {
					continue
				}
				walk(n.Content[i+1], !names && (k == "properties" || k == "patternProperties" || k == "definitions" || k == "$defs"))
			}
		}
	}
	walk(n, false)
	return out
}
