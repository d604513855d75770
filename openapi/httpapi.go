package openapi

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ParseAPIKind reads an --api value: "rest", "http", or "" for the
// evidence rule (see Classify).
func ParseAPIKind(s string) (extensions.APIKind, error) {
	switch strings.ToLower(s) {
	case "":
		return extensions.KindUnknown, nil
	case "rest":
		return extensions.KindREST, nil
	case "http":
		return extensions.KindHTTP, nil
	}
	return extensions.KindUnknown, fmt.Errorf("unknown API kind %q: write rest (ImportRestApi) or http (ImportApi)", s)
}

// Evidence is what a plain document says about the kind of API it defines:
// the things in it that only one kind reads.
type Evidence struct {
	// REST and HTTP name what only REST APIs, or only HTTP APIs, read,
	// in document order ("x-amazon-apigateway-gateway-responses",
	// "GET /pets: integration type mock").
	REST, HTTP []string
}

// Kind applies the evidence rule: a document is a REST API when anything
// in it only REST APIs read (ImportRestApi accepts every document with
// these extensions, and REST-only features are lost on an HTTP API), an
// HTTP API when only HTTP-only evidence is there, and a REST API otherwise.
// guessed is true when the evidence did not settle it (none, or both kinds).
func (e Evidence) Kind() (kind extensions.APIKind, guessed bool) {
	switch {
	case len(e.REST) > 0:
		return extensions.KindREST, len(e.HTTP) > 0
	case len(e.HTTP) > 0:
		return extensions.KindHTTP, false
	}
	return extensions.KindREST, true
}

// Classify gathers the evidence of a plain document (root is the OpenAPI
// object): extensions the registry marks as read by one kind only,
// Swagger 2.0 (HTTP APIs import OpenAPI 3 only), integration types and
// fields one kind reads (responses, requestTemplates, cacheKeyParameters,
// contentHandling vs payloadFormatVersion, integrationSubtype, $ref), and
// authorizer types (cognito_user_pools, token vs jwt).
func Classify(root *yaml.Node, kind Kind) Evidence {
	var ev Evidence
	root = source.Resolve(root)
	if kind == Swagger2 {
		ev.REST = append(ev.REST, "swagger: \"2.0\"")
	}
	markers(&ev, root, "")
	markers(&ev, source.Get(root, "components"), "components: ")
	for _, schemes := range []*yaml.Node{source.Get(source.Get(root, "components"), "securitySchemes"), source.Get(root, "securityDefinitions")} {
		source.Pairs(schemes, func(name string, s *yaml.Node) {
			switch t := strings.ToLower(source.Scalar(source.Get(source.Get(s, extensions.ExtAuthorizer), "type"))); t {
			case extensions.AuthorizerToken, extensions.AuthorizerCognitoUserPools:
				ev.REST = append(ev.REST, "security scheme "+name+": "+t+" authorizer")
			case extensions.AuthorizerJWT:
				ev.HTTP = append(ev.HTTP, "security scheme "+name+": jwt authorizer")
			}
		})
	}
	source.Pairs(source.Get(root, "paths"), func(path string, item *yaml.Node) {
		source.Pairs(item, func(key string, op *yaml.Node) {
			method, ok := operationKeys[key]
			if !ok {
				return
			}
			where := method + " " + path + ": "
			markers(&ev, op, where)
			integrationEvidence(&ev, source.Get(op, extensions.ExtIntegration), where)
		})
	})
	return ev
}

// markers adds the extensions of mapping n that only one kind reads.
func markers(ev *Evidence, n *yaml.Node, where string) {
	source.Pairs(n, func(key string, _ *yaml.Node) {
		if s := extensions.LookupSpec(key); s != nil {
			switch {
			case s.RESTOnly:
				ev.REST = append(ev.REST, where+key)
			case s.HTTPOnly:
				ev.HTTP = append(ev.HTTP, where+key)
			}
		}
	})
}

// restIntegrationFields and httpIntegrationFields are integration fields
// only one kind reads.
var (
	restIntegrationFields = []string{"responses", "requestTemplates", "cacheKeyParameters", "cacheNamespace", "contentHandling", "integrationTarget"}
	httpIntegrationFields = []string{"payloadFormatVersion", "integrationSubtype", "responseParameters", "$ref"}
)

// integrationEvidence adds what an operation's integration says.
func integrationEvidence(ev *Evidence, integ *yaml.Node, where string) {
	if integ == nil {
		return
	}
	switch t := strings.ToLower(source.Scalar(source.Get(integ, "type"))); t {
	case "http", "mock":
		ev.REST = append(ev.REST, where+"integration type "+t)
	}
	for _, f := range restIntegrationFields {
		if source.Get(integ, f) != nil {
			ev.REST = append(ev.REST, where+"integration "+f)
		}
	}
	for _, f := range httpIntegrationFields {
		if source.Get(integ, f) != nil {
			ev.HTTP = append(ev.HTTP, where+"integration "+f)
		}
	}
}

// kindNote says how a plain document's kind was chosen, when the evidence
// did not settle it; "" otherwise.
func kindNote(ev Evidence) string {
	kind, guessed := ev.Kind()
	if !guessed {
		return ""
	}
	if len(ev.HTTP) == 0 {
		return "read as a REST API: nothing in the document is read by only one kind of API; pass --api http to read it as an HTTP API (ImportApi)"
	}
	return fmt.Sprintf("read as a %s because of %s, which only REST APIs read, although %s is read only by HTTP APIs; pass --api http to read it as an HTTP API (ImportApi)",
		kindName(kind), quoteFirst(ev.REST), quoteFirst(ev.HTTP))
}

func kindName(k extensions.APIKind) string {
	if k == extensions.KindHTTP {
		return "HTTP API"
	}
	return "REST API"
}

// quoteFirst names the first item, and how many more there are.
func quoteFirst(items []string) string {
	s := items[0]
	if len(items) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(items)-1)
	}
	return s
}

// classify sets a plain document's kind: the one asked for, else the
// evidence rule's, with an info when the evidence did not settle it.
func (l *loader) classify(d *Document) {
	d.Evidence = Classify(d.Root, d.Kind)
	if l.opts.API != extensions.KindUnknown {
		d.API, d.APIFrom = l.opts.API, map[extensions.APIKind]string{extensions.KindREST: "--api rest", extensions.KindHTTP: "--api http"}[l.opts.API]
		return
	}
	d.API, _ = d.Evidence.Kind()
	d.APIFrom = "the evidence rule"
	if note := kindNote(d.Evidence); note != "" {
		l.Add(diag.APIKindGuess, d.Root, d.Pointer, "%s", note)
	}
}

// templateKind is the kind a template resource type decides.
func templateKind(httpAPI bool) extensions.APIKind {
	if httpAPI {
		return extensions.KindHTTP
	}
	return extensions.KindREST
}
