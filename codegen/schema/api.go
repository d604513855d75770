package schema

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"github.com/invopop/jsonschema"
)

// DefaultAPIBase is the start of the default $id of the per-API schemas:
// DefaultAPIBase + a slug of the API's title + "/" + the file name
// ("urn:apigw:api:Pet-Store/get-pets.json"). A URN names the schema without
// claiming a place it is published at: give APIOptions.ID for that.
const DefaultAPIBase = "urn:apigw:api:"

// IndexFile is the name of the file that lists the operations' schemas.
const IndexFile = "index.json"

// APIOptions configure ForAPI.
type APIOptions struct {
	// ID is the base URL the files are published under: each file's $id is
	// ID followed by the file's name (a "/" is added when ID lacks one).
	// Empty means DefaultAPIBase + a slug of the API's title + "/".
	ID string
}

// File is one generated file, for the caller to write.
type File struct {
	// Name is the file's name, without a folder: lower-case method and path
	// ("get-pets-petId.json"), or IndexFile.
	Name string
	Data []byte
}

// Index is the content of IndexFile: one entry per operation described.
type Index struct {
	ID    string `json:"$id"`
	Title string `json:"title,omitempty"`
	// Operations are in document order.
	Operations []IndexEntry `json:"operations"`
}

// IndexEntry names the schema of one operation.
type IndexEntry struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	OperationID string `json:"operationId,omitempty"`
	// IntegrationType is the integration's type in the SDK's spelling (AWS_PROXY, HTTP, …).
	IntegrationType string `json:"integrationType,omitempty"`
	File            string `json:"file"`
	ID              string `json:"$id"`
	// Responses say where each branch of the schema's oneOf comes from, in
	// the same order.
	Responses []IndexResponse `json:"responses"`
}

// IndexResponse says where one branch of an operation's schema comes from:
// an integration response (with its selection pattern and mappings), or a
// response the document declares for a proxy integration or an HTTP API.
type IndexResponse struct {
	// Status is the branch's status: a code ("404"), a range ("4XX"),
	// "default", or "undeclared" for a proxy that declares no responses.
	Status string `json:"status"`
	// Default marks the default integration response, selected when no
	// selection pattern matches (or the document's default response).
	Default bool `json:"default,omitempty"`
	// SelectionPattern is the integration response's selection pattern.
	SelectionPattern string `json:"selectionPattern,omitempty"`
	// ResponseParameters and ResponseTemplates are the integration
	// response's, in document order.
	ResponseParameters json.RawMessage `json:"responseParameters,omitempty"`
	ResponseTemplates  json.RawMessage `json:"responseTemplates,omitempty"`
	// ContentHandling is the integration response's, upper-cased.
	ContentHandling string `json:"contentHandling,omitempty"`
	// Verified tells that the branch's body shape was checked by rendering
	// its response template offline and validating the output against the
	// method response's model.
	Verified bool `json:"verified,omitempty"`
}

// ForAPI returns, for each operation of doc that has an integration, a JSON
// Schema (draft 2020-12) of the responses a client can receive, and an
// IndexFile listing them. A response is described as the object
//
//	{"statusCode": 404, "headers": {"Access-Control-Allow-Origin": "*"},
//	 "contentType": "application/json", "body": {…}}
//
// and the schema is a oneOf with one branch per status code: one per
// integration response for AWS, HTTP and MOCK integrations (headers from
// its responseParameters, content types from its responseTemplates; the
// index says which selection pattern and mappings each branch comes from,
// and whether its body shape was verified by rendering a response template
// offline and validating the output against the method response's model,
// see openapi.Operation.ResponseShapes), one per declared OpenAPI response
// for proxy integrations and HTTP APIs. Bodies are the
// method responses' schemas converted to JSON Schema 2020-12, reusable
// schemas kept as $defs. Headers are strings, their names matched in any
// case (HTTP header names are case-insensitive); contentType is a media
// type the document names, in any case, with or without parameters
// ("application/json; charset=utf-8"); bodies are parsed JSON for JSON media
// types and text otherwise. The schemas use only keywords of JSON Schema
// 2020-12 (no format, no custom annotations), so that validators in strict
// mode, such as ajv's default, compile them.
//
// Diagnostics say what could not be described; when one is an error, no
// files are returned. The error is non-nil only for a nil document or
// output that cannot be rendered.
func ForAPI(doc *openapi.Document, opts APIOptions) ([]File, []diag.Diagnostic, error) {
	if doc == nil {
		return nil, nil, errors.New("schema: no document")
	}
	g := newAPIGen(doc)
	if doc.Kind != openapi.Swagger2 && doc.Kind != openapi.OpenAPI30 && doc.Kind != openapi.OpenAPI31 {
		g.Add(diag.ResponseSchemaNone, doc.Root, doc.Pointer, "response schemas are made from Swagger 2.0 or OpenAPI 3.x documents, not %s", doc.Kind)
		return nil, g.sorted(), nil
	}
	g.base = baseID(opts.ID, doc.Info.Title)
	index := Index{ID: g.base + IndexFile, Title: doc.Info.Title}
	// Operations are converted in order (names and diagnostics depend on
	// it); each finished schema is written to JSON meanwhile.
	ops := doc.Operations()
	m := newMarshaller(len(ops))
	var names []string
	for _, op := range ops {
		s, entry := g.operation(op)
		if s == nil {
			continue
		}
		entry.File = g.fileName(op.Method, op.Path)
		entry.ID = g.base + entry.File
		s.ID = jsonschema.ID(entry.ID)
		m.add(len(names), s, entry)
		names = append(names, entry.File)
	}
	out := m.wait()
	files := make([]File, 0, len(names)+1)
	entries := make([][]byte, len(names))
	for i, name := range names {
		if out[i].err != nil {
			return nil, nil, out[i].err
		}
		files = append(files, File{Name: name, Data: out[i].data})
		entries[i] = out[i].entry
	}
	if len(files) == 0 && !hasErrors(g.Diags) {
		g.Add(diag.ResponseSchemaNone, doc.Root, doc.Pointer, "no operation has responses to describe: each needs an x-amazon-apigateway-integration (with integration responses unless it is a proxy)")
	}
	if hasErrors(g.Diags) {
		return nil, g.sorted(), nil
	}
	data, err := indexJSON(index, entries)
	if err != nil {
		return nil, nil, err
	}
	files = append(files, File{Name: IndexFile, Data: data})
	return files, g.sorted(), nil
}

// apiGen holds one ForAPI's state. Its diagnostics are recorded once each:
// a reusable schema used by several operations is converted for each of
// them but reported once.
type apiGen struct {
	extensions.Collector
	doc  *openapi.Document
	base string
	// named are the reusable schemas by name (the first of a name), and
	// reusable is where the document keeps them ("/definitions",
	// "/components/schemas").
	named    map[string]*openapi.NamedSchema
	reusable string
	names    map[string]bool // file names taken, lower-cased
}

func newAPIGen(doc *openapi.Document) *apiGen {
	g := &apiGen{Collector: extensions.Collector{File: doc.File, Once: true}, doc: doc, names: map[string]bool{},
		named: make(map[string]*openapi.NamedSchema, len(doc.Schemas)), reusable: "/components/schemas"}
	if doc.Kind == openapi.Swagger2 {
		g.reusable = "/definitions"
	}
	for _, ns := range doc.Schemas {
		if g.named[ns.Name] == nil {
			g.named[ns.Name] = ns
		}
	}
	return g
}

// reusableName names where the document keeps its reusable schemas, for messages.
func (g *apiGen) reusableName() string {
	return strings.ReplaceAll(strings.TrimPrefix(g.reusable, "/"), "/", ".")
}

// reusableOf returns the reusable schema that the $ref of sch names, and
// the pointer below it that the $ref leads to ("" for the schema itself);
// ok is false when the $ref leads elsewhere.
func (g *apiGen) reusableOf(sch *openapi.Schema) (name, sub string, ok bool) {
	if sch.Name != "" {
		return sch.Name, "", true
	}
	if !sch.Resolved || sch.File != "" {
		return "", "", false
	}
	rest, ok := strings.CutPrefix(sch.TargetPointer, g.doc.Pointer+g.reusable+"/")
	if !ok {
		return "", "", false
	}
	token, below, deeper := strings.Cut(rest, "/")
	name = source.UnescapeToken(token)
	if g.named[name] == nil {
		return "", "", false
	}
	if deeper {
		sub = "/" + below
	}
	return name, sub, true
}

// baseID returns the base URL of the files' $ids, ending in "/".
func baseID(id, title string) string {
	if id == "" {
		slug := slugify(title)
		if slug == "" {
			slug = "api"
		}
		id = DefaultAPIBase + slug + "/"
	}
	if !strings.HasSuffix(id, "/") {
		id += "/"
	}
	return id
}

func hasErrors(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

func (g *apiGen) sorted() []diag.Diagnostic {
	diag.Sort(g.Diags)
	return g.Diags
}
