package openapi

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Check runs the checks that need the whole document (see Checks):
// cross-references between the extensions and the OpenAPI objects they
// refer to (method responses, declared headers and parameters, request
// validators, security schemes, reusable integrations), extensions meant for
// the other kind of API, and what API Gateway's REST or HTTP API import does
// not support.
//
// Severities follow the import: error where it fails, warning where it warns
// (and failonwarnings=true fails), info otherwise. The diagnostics are
// sorted and carry the document's file, lines, columns and absolute pointers.
func Check(doc *Document) []diag.Diagnostic { return runChecks(doc, checks) }

// DocumentCheck is one check that needs the whole document. Every check
// reads the document's model through one shared view of its operations,
// built once per document.
type DocumentCheck struct {
	// Name identifies the check ("method-responses").
	Name string
	// REST and HTTP tell which kinds of API the check applies to; it is
	// not run on the other kind.
	REST, HTTP bool
	// Doc says what the check reports and why API Gateway cares.
	Doc string
	// Codes are the codes the check may emit, and the only ones.
	Codes []diag.Code

	run func(*pass)
}

// checks are the document-level checks, in the order they run; each is
// defined beside its run function in a file check_*.go.
var checks = []*DocumentCheck{
	methodResponsesCheck,
	responseHeadersCheck,
	requestParametersCheck,
	uriPathParametersCheck,
	validatorNamesCheck,
	securityNamesCheck,
	integrationRefsCheck,
	apiKindCheck,
	restPathsCheck,
	restModelsCheck,
	restSecurityCheck,
	httpAPIRulesCheck,
	missingIntegrationsCheck,
	templatesCheck,
}

// Checks returns the document-level checks that Check runs, in order.
// They are copies: changing one changes nothing else.
func Checks() []*DocumentCheck {
	out := make([]*DocumentCheck, len(checks))
	for i, c := range checks {
		cp := *c
		cp.Codes = slices.Clone(c.Codes)
		out[i] = &cp
	}
	return out
}

// Run runs this check alone over doc and returns its diagnostics, sorted.
func (c *DocumentCheck) Run(doc *Document) []diag.Diagnostic {
	return runChecks(doc, []*DocumentCheck{c})
}

// runChecks runs list over one pass of doc.
func runChecks(doc *Document, list []*DocumentCheck) []diag.Diagnostic {
	p := newPass(doc)
	for _, c := range list {
		if doc.HTTPAPI() && c.HTTP || !doc.HTTPAPI() && c.REST {
			c.run(p)
		}
	}
	for i := range p.Diags {
		p.Diags[i].File = doc.File
	}
	diag.Sort(p.Diags)
	return p.Diags
}

// pass is one run of the checks over a document: where they record their
// findings, and the facts about each operation that they share.
type pass struct {
	extensions.Collector
	doc *Document
	ops []*checkedOperation
}

// checkedOperation is an operation with the facts the checks share,
// computed once per document.
type checkedOperation struct {
	*Operation
	// integ is the operation's own x-amazon-apigateway-integration and ext
	// where it stands; nil when it has none.
	integ *extensions.Integration
	ext   *Extension
	// proxy tells whether integ passes requests and responses through
	// (IsProxy), so that its integration responses are not used.
	proxy bool
	// responses are the integration responses API Gateway uses, in
	// document order: integ's, none for a proxy integration.
	responses []*integrationResponse
}

// integrationResponse is one entry of an integration's responses, with the
// method response its statusCode names.
type integrationResponse struct {
	// Key is the selection pattern ("default" for the default response).
	Key   string
	Entry *extensions.IntegrationResponseEntry
	// Pointer is the entry's absolute pointer.
	Pointer string
	// Status is the statusCode as written ("" when absent or not a
	// literal); StatusNode is its value node, nil when absent.
	Status     string
	StatusNode *yaml.Node
	// Method is the operation's response for Status, nil when it has none.
	Method *Response
}

// newPass builds the shared view of doc's operations.
func newPass(doc *Document) *pass {
	p := &pass{Collector: extensions.Collector{File: doc.File}, doc: doc}
	// Every branch of an Fn::If is a document CloudFormation may hand to
	// API Gateway, so the checks read the operations of each.
	for _, o := range slices.Concat(doc.ops, doc.branchOps) {
		op := &checkedOperation{Operation: o}
		op.integ, op.ext = o.Integration()
		op.proxy = IsProxy(op.integ)
		if op.integ != nil && !op.proxy {
			base := source.Pointer(op.ext.Pointer, "responses")
			for _, r := range op.integ.Responses {
				if r.Value == nil {
					continue
				}
				ir := &integrationResponse{Key: r.Key, Entry: r.Value, Pointer: source.Pointer(base, r.Key),
					Status: r.Value.StatusCode, StatusNode: source.Get(r.Value.Node(), "statusCode")}
				if ir.Status != "" {
					ir.Method = o.Response(ir.Status)
				}
				op.responses = append(op.responses, ir)
			}
		}
		p.ops = append(p.ops, op)
	}
	return p
}

// rest tells whether the document is a REST API.
func (p *pass) rest() bool { return !p.doc.HTTPAPI() }

// apiName names the document for messages: the template resource, or "this document".
func (p *pass) apiName() string {
	if p.doc.Resource != "" {
		return p.doc.Resource + " (" + p.doc.ResourceType + ")"
	}
	return "this document"
}

// keyAt returns the key node of the member that the absolute pointer ptr
// names in its parent object, so that a finding about a name (a path, a
// schema, a security scheme, a security list) points at the name; nil when
// there is none.
func (p *pass) keyAt(ptr string) *yaml.Node {
	i := strings.LastIndexByte(ptr, '/')
	if i < 0 {
		return nil
	}
	return keyNode(source.NodeAt(p.doc.Tree, ptr[:i]), source.UnescapeToken(ptr[i+1:]))
}

// keyNode returns the key node of key in mapping m, or nil.
func keyNode(m *yaml.Node, key string) *yaml.Node {
	k, _ := source.Entry(m, key)
	return k
}

// schemesPath is where the document defines its security schemes, for messages.
func schemesPath(k Kind) string {
	if k == Swagger2 {
		return "securityDefinitions"
	}
	return "components/securitySchemes"
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
