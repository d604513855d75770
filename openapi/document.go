package openapi

import (
	"errors"
	"runtime"
	"slices"
	"sync"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Document is one API definition: a whole file, or a definition embedded in
// a CloudFormation/SAM template (then its nodes keep their positions in the
// template and its pointers start with the resource's path).
type Document struct {
	// File is the path the document was read from, as given to Load.
	File string
	// Format is the file's syntax.
	Format source.Format
	// Kind and Version say which specification the document follows; Version
	// is as written ("3.0.1", "2.0").
	Kind    Kind
	Version string
	// Root is the OpenAPI (or Swagger) object.
	Root *yaml.Node
	// Tree is the whole file's document node (for an embedded definition, the template's).
	Tree *yaml.Node
	// Pointer is the JSON pointer of Root in the file: "" for a whole file,
	// "/Resources/MyApi/Properties/Body" for an embedded definition.
	Pointer string
	// Resource and ResourceType name the template resource that holds an
	// embedded definition ("MyApi", "AWS::Serverless::Api"); empty otherwise.
	Resource, ResourceType string
	// API is the kind of API the document defines: extensions.KindREST
	// (ImportRestApi) or extensions.KindHTTP (apigatewayv2 ImportApi). The
	// --api option decides it; in a template, the resource type; otherwise
	// the evidence rule (see Classify and Evidence.Kind).
	API extensions.APIKind
	// Evidence is what the document itself says about its kind (plain
	// documents only); APIFrom says what decided the kind, for messages
	// ("--api http", "the resource type AWS::Serverless::HttpApi",
	// "the evidence rule").
	Evidence Evidence
	APIFrom  string
	// Raw is the file's bytes when the document is the whole file; nil when embedded.
	Raw []byte
	// Refs are the files that external $refs named, loaded when allowed.
	Refs []*ExternalRef
	// Model, for an API a template (or a Terraform file) writes as
	// resources rather than as a definition, is that API; the document is
	// its export, whose nodes carry the positions of the resources they
	// come from, and Import returns Model. Nil for a definition.
	Model *apimodel.Dump

	// SecuritySchemes are components.securitySchemes (Swagger 2.0:
	// securityDefinitions), in document order.
	SecuritySchemes []*SecurityScheme
	// Security is the document-level security list; HasSecurity tells
	// whether there is one.
	Security    []SecurityRequirement
	HasSecurity bool
	// Schemas are the reusable schemas (definitions, components.schemas).
	Schemas []*NamedSchema
	// Info is the info object.
	Info Info
	// Servers are OpenAPI 3's servers; Host, BasePathAsWritten and Schemes
	// are Swagger 2.0's host, basePath and schemes. See BasePath and ServerURL.
	Servers           []*Server
	Host              string
	BasePathAsWritten string
	Schemes           []string

	exts []Extension
	ops  []*Operation
	// branchOps are the operations that stand only in a later branch of a
	// CloudFormation Fn::If: the checks read them, Operations does not.
	branchOps   []*Operation
	extFile     map[*yaml.Node]string
	extFileOnce sync.Once
	followed    map[*yaml.Node]followed // Follow's answers, by the reference object
	followMu    sync.Mutex              // guards followed: operations are resolved side by side
	text        *fileText               // the file's text and the edits made to it
	templates   templateCache           // mapping templates parsed, by media type and text
}

// Embedded tells whether the document sits inside a CloudFormation/SAM template.
func (d *Document) Embedded() bool { return d.Pointer != "" }

// PointerTo returns the absolute JSON pointer (in the file) of rel, a
// pointer relative to Root ("" or "/paths/~1pets").
func (d *Document) PointerTo(rel string) string { return d.Pointer + rel }

// LoadOptions configure Load.
type LoadOptions struct {
	// Limits bound the input; zero fields take the defaults.
	Limits source.Limits
	// AllowRefs is a folder below which external $refs may be read. Empty
	// refuses every external $ref; URLs are always refused.
	AllowRefs string
	// API, when not extensions.KindUnknown, is the kind of API a plain
	// document defines, as the user knows it (ImportRestApi or ImportApi);
	// otherwise the evidence rule decides. In a template the resource type
	// decides.
	API extensions.APIKind
}

// HTTPAPI tells whether the document defines an HTTP API.
func (d *Document) HTTPAPI() bool { return d.API == extensions.KindHTTP }

// LoadFile reads the file at path and loads it; see Load. The file is read
// by source.ReadFile: a regular file only, within the size limit.
func LoadFile(path string, opts LoadOptions) ([]*Document, []diag.Diagnostic, error) {
	data, err := source.ReadFile(path, opts.Limits)
	if err != nil {
		return nil, nil, err
	}
	return Load(path, data, opts)
}

// readLimited reads the file at path as every input is read (see
// source.ReadFile), within limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	return source.ReadFile(path, source.Limits{MaxBytes: limit})
}

// Load reads the API definitions in data (read from path): one for an
// OpenAPI or Swagger file, one per API with an inline definition for a
// CloudFormation/SAM template. It decodes every x-amazon-apigateway-*
// extension where it stands.
//
// The error is non-nil only when a safety limit refuses the input (a
// *LimitError) or I/O fails; every other problem is a diagnostic with File
// set, sorted. A file that cannot be read as a definition yields no
// documents and at least one error diagnostic. A Terraform templatefile
// input (a path ending in .tpl) may hold ${…} placeholders wherever a
// string may stand.
func Load(path string, data []byte, opts LoadOptions) ([]*Document, []diag.Diagnostic, error) {
	return load(path, data, opts, nil)
}

// load is Load. started, when not nil, is called with each document once
// its tree, place and kind of API are known and its $refs passed the
// limits, before its model is built: the check starts kin-openapi's
// validation there. dupKeys tells whether the file has duplicate keys; it
// may be called once load has returned (the file is searched for them while
// what was started runs).
func load(path string, data []byte, opts LoadOptions, started func(d *Document, dupKeys func() bool)) ([]*Document, []diag.Diagnostic, error) {
	text := &fileText{data: data, limits: opts.Limits, templateFile: source.IsTemplateFile(path)}
	if source.IsTemplateFile(path) {
		data = source.QuotePlaceholders(data)
	}
	tree, format, err := source.Parse(path, data, opts.Limits)
	if err != nil {
		var se *source.SyntaxError
		if errors.As(err, &se) {
			return nil, []diag.Diagnostic{{Severity: diag.Error, Code: se.Code, File: path,
				Line: se.Line, Column: se.Column, Message: se.Message}}, nil
		}
		return nil, nil, err
	}
	l := &loader{Collector: extensions.Collector{File: path}, opts: opts}
	dups := sync.OnceValue(func() []diag.Diagnostic { return source.DuplicateKeys(tree, "") })
	dupKeys := func() bool { return len(dups()) > 0 }
	root := source.Resolve(tree.Content[0])
	kind, version, found := DetectKind(root, "")
	var docs []*Document
	switch {
	case found != nil && IsTerraform(root):
		docs = l.terraform(tree, root, format)
	case found != nil:
		l.Append(*found)
	case kind == CloudFormation:
		docs = l.template(tree, root, format)
	default:
		docs = []*Document{{File: path, Format: format, Kind: kind, Version: version, Root: root, Tree: tree, Raw: data}}
	}
	for _, d := range docs {
		d.text = text
		if !d.Embedded() {
			l.classify(d)
		}
		if err := l.refs(d); err != nil {
			return nil, nil, err
		}
		if err := l.refChains(d); err != nil {
			return nil, nil, err
		}
		workers := runtime.GOMAXPROCS(0)
		if started != nil {
			started(d, dupKeys)
			// What was started (kin-openapi's validation) keeps the other
			// processors busy meanwhile.
			workers = 1
		}
		dups() // here, while what was started runs on the other processors
		l.Append(d.discover(workers)...)
	}
	l.Diags = slices.Concat(dups(), l.Diags)
	for i := range l.Diags {
		if l.Diags[i].File == "" {
			l.Diags[i].File = path
		}
	}
	diag.Sort(l.Diags)
	return docs, l.Diags, nil
}

// loader carries one Load's state.
type loader struct {
	extensions.Collector
	opts LoadOptions
}
