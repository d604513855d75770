package schema

import (
	"errors"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/openapi"
	"github.com/invopop/jsonschema"
	"go.yaml.in/yaml/v4"
)

// DefaultAPIBase is the start of the default $id of the per-API schemas:
// DefaultAPIBase + a slug of the API's title + "/" + the file name.
const DefaultAPIBase = "https://apigw.dev/schemas/api/"

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
// its responseParameters, content types from its responseTemplates,
// annotated with its selection pattern and mappings), one per declared
// OpenAPI response for proxy integrations and HTTP APIs. Bodies are the
// method responses' schemas converted to JSON Schema 2020-12, reusable
// schemas kept as $defs. Headers are strings under the names the document
// writes; bodies are parsed JSON for JSON media types and text otherwise.
//
// Diagnostics say what could not be described; when one is an error, no
// files are returned. The error is non-nil only for a nil document or
// output that cannot be rendered.
func ForAPI(doc *openapi.Document, opts APIOptions) ([]File, []diag.Diagnostic, error) {
	if doc == nil {
		return nil, nil, errors.New("schema: no document")
	}
	diags := &diagSet{Collector: extensions.Collector{File: doc.File, Base: doc.Pointer, Once: true}, doc: doc}
	if doc.Kind != openapi.Swagger2 && doc.Kind != openapi.OpenAPI30 && doc.Kind != openapi.OpenAPI31 {
		diags.Add(diag.ResponseSchemaNone, doc.Root, "", "response schemas are made from Swagger 2.0 or OpenAPI 3.x documents, not %s", doc.Kind)
		return nil, diags.sorted(), nil
	}
	root, cdiags := openapi.Convert(doc, openapi.OpenAPI31)
	for _, d := range cdiags {
		if d.Severity == diag.Error {
			diags.Diags = append(diags.Diags, d)
		}
	}
	if root == nil {
		return nil, diags.sorted(), nil
	}
	g := &apiGen{doc: doc, root: root, diags: diags, base: baseID(opts.ID, doc.Root), names: map[string]bool{}}
	var files []File
	index := Index{ID: g.base + IndexFile, Title: source.Scalar(source.Get(source.Get(doc.Root, "info"), "title"))}
	for _, op := range doc.Operations() {
		s, entry := g.operation(op)
		if s == nil {
			continue
		}
		entry.File = g.fileName(op.Method, op.Path)
		entry.ID = g.base + entry.File
		s.ID = jsonschema.ID(entry.ID)
		data, err := Marshal(s)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, File{Name: entry.File, Data: data})
		index.Operations = append(index.Operations, entry)
	}
	if len(files) == 0 && !hasErrors(diags.Diags) {
		diags.Add(diag.ResponseSchemaNone, doc.Root, "", "no operation has responses to describe: each needs an x-amazon-apigateway-integration (with integration responses unless it is a proxy)")
	}
	if hasErrors(diags.Diags) {
		return nil, diags.sorted(), nil
	}
	data, err := marshalIndent(index)
	if err != nil {
		return nil, nil, err
	}
	files = append(files, File{Name: IndexFile, Data: data})
	return files, diags.sorted(), nil
}

// apiGen holds one ForAPI's state.
type apiGen struct {
	doc   *openapi.Document
	root  *yaml.Node // the document converted to OpenAPI 3.1
	diags *diagSet
	base  string
	names map[string]bool // file names taken, lower-cased
}

// baseID returns the base URL of the files' $ids, ending in "/".
func baseID(id string, root *yaml.Node) string {
	if id == "" {
		slug := slugify(source.Scalar(source.Get(source.Get(root, "info"), "title")))
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

func (d *diagSet) sorted() []diag.Diagnostic {
	diag.Sort(d.Diags)
	return d.Diags
}
