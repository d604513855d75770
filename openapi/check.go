package openapi

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Check runs the checks that need the whole document: cross-references
// between the extensions and the OpenAPI objects they refer to (method
// responses, declared headers and parameters, request validators, security
// schemes, reusable integrations), extensions meant for the other kind of
// API, and what API Gateway's REST or HTTP API import does not support.
//
// Severities follow the import: error where it fails, warning where it warns
// (and failonwarnings=true fails), info otherwise. The diagnostics are
// sorted and carry the document's file, lines, columns and absolute pointers.
func Check(doc *Document) []diag.Diagnostic {
	c := &checker{Collector: extensions.Collector{File: doc.File}, doc: doc}
	for _, check := range checks {
		check(c)
	}
	for i := range c.Diags {
		c.Diags[i].File = doc.File
	}
	diag.Sort(c.Diags)
	return c.Diags
}

// checks are the document-level checks, one per file check_*.go.
var checks = []func(*checker){
	checkMethodResponses,
	checkResponseHeaders,
	checkRequestParameters,
	checkURIPathParameters,
	checkValidatorNames,
	checkSecurityNames,
	checkIntegrationRefs,
	checkAPIKind,
	checkRESTPaths,
	checkRESTModels,
	checkRESTSecurity,
	checkHTTPAPIRules,
	checkMissingIntegrations,
}

// checker carries one Check's state.
type checker struct {
	extensions.Collector
	doc *Document
}

// rest tells whether the document is a REST API.
func (c *checker) rest() bool { return !c.doc.HTTPAPI() }

// integration returns an operation's decoded integration, or nil.
func integrationOf(o *Operation) (*extensions.Integration, *Extension) {
	for i, e := range o.Extensions() {
		if v, ok := e.Value.(*extensions.Integration); ok {
			return v, &o.Extensions()[i]
		}
	}
	return nil, nil
}

// resolveRef follows a local $ref ("#/components/…") in the document, up to
// a few hops; it returns the node and its document-relative pointer, or nil.
func (c *checker) resolveRef(n *yaml.Node) (*yaml.Node, string) {
	ptr := ""
	for hops := 0; hops < 8; hops++ {
		n = deref(n)
		_, ref := mapGet(n, "$ref")
		if ref == nil {
			return n, ptr
		}
		target, ok := strings.CutPrefix(source.Scalar(ref), "#")
		if !ok {
			return nil, ""
		}
		n, ptr = lookupPointer(c.doc.Root, target), target
		if n == nil {
			return nil, ""
		}
	}
	return nil, ""
}

// lookupPointer returns the node at the JSON pointer ptr below root, or nil.
func lookupPointer(root *yaml.Node, ptr string) *yaml.Node {
	n := deref(root)
	if ptr == "" {
		return n
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch {
		case n == nil:
			return nil
		case n.Kind == yaml.MappingNode:
			_, n = mapGet(n, tok)
		case n.Kind == yaml.SequenceNode:
			i := 0
			if _, err := fmt.Sscanf(tok, "%d", &i); err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = deref(n.Content[i])
		default:
			return nil
		}
	}
	return n
}

// securitySchemes returns the node of the document's security schemes
// (components.securitySchemes, or securityDefinitions in Swagger 2.0) and its
// document-relative pointer.
func (c *checker) securitySchemes() (*yaml.Node, string) {
	if c.doc.Kind == Swagger2 {
		_, s := mapGet(c.doc.Root, "securityDefinitions")
		return s, "/securityDefinitions"
	}
	_, comps := mapGet(c.doc.Root, "components")
	_, s := mapGet(comps, "securitySchemes")
	return s, "/components/securitySchemes"
}

// pairs calls f for each key and value of the mapping n (aliases followed).
func pairs(n *yaml.Node, f func(k, v *yaml.Node)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		f(n.Content[i], deref(n.Content[i+1]))
	}
}

// quoteList writes names as "a", "b" and "c" for messages.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	switch len(q) {
	case 0:
		return "none"
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
