package openapi

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// BasePathMode says what import does with the document's base path (Swagger
// basePath, or the path of the first server URL in OpenAPI 3), as ImportRestApi's
// basepath parameter does.
type BasePathMode string

// Base path modes.
const (
	// BasePathIgnore drops the base path: resources are the paths as written (the default).
	BasePathIgnore BasePathMode = "ignore"
	// BasePathPrepend puts the whole base path in front of every path.
	BasePathPrepend BasePathMode = "prepend"
	// BasePathSplit drops the base path's first segment and prepends the rest.
	BasePathSplit BasePathMode = "split"
)

// ImportOptions configure Import.
type ImportOptions struct {
	// BasePath is the basepath mode; empty means BasePathIgnore.
	BasePath BasePathMode
	// EndpointType is the endpoint type when the document does not set one
	// (EDGE, REGIONAL or PRIVATE); empty means EDGE, as for ImportRestApi.
	EndpointType string
	// Existing is the API the document is put into, as PutRestApi puts a
	// definition into an existing REST API (for an HTTP API, as ReimportApi
	// does); nil imports a new API, as ImportRestApi and ImportApi do.
	Existing *apimodel.Dump
	// Mode is PutRestApi's mode when Existing is set: ModeMerge (the
	// default, as for PutRestApi) or ModeOverwrite.
	Mode ImportMode
	// CreatedDate is the API's createdDate for a new API; empty means
	// DefaultCreatedDate, so the same document always gives the same dump.
	CreatedDate apimodel.Timestamp
	// Region is the region written into an HTTP API's ApiEndpoint; empty
	// means us-east-1.
	Region string
}

// DefaultCreatedDate is the createdDate Import writes when ImportOptions
// gives none: API Gateway writes the time of the import, which an offline
// import cannot know without making its output differ on every run.
const DefaultCreatedDate apimodel.Timestamp = "1970-01-01T00:00:00+00:00"

// ImportMode is PutRestApi's mode: how a document goes into an existing API.
type ImportMode string

// Import modes, as PutRestApi's mode parameter.
const (
	// ModeMerge keeps what the existing API has and the document does not
	// define; a method the document defines replaces the existing one, and
	// lists such as binary media types are joined.
	ModeMerge ImportMode = "merge"
	// ModeOverwrite makes the API what the document defines; the API keeps
	// its id, creation date, tags, endpoint configuration, stages and
	// deployments, and resources whose path stays keep their ids.
	ModeOverwrite ImportMode = "overwrite"
)

// ModelURL is how an imported model schema refers to another model of the API.
const ModelURL = "https://apigateway.amazonaws.com/restapis/%s/models/%s"

// Import builds the API that API Gateway's import would create from doc: a
// REST API (ImportRestApi) for a REST document, an HTTP API (apigatewayv2
// ImportApi) when doc.HTTPAPI(). Ids are derived from names and paths
// (apimodel.StableID), so the same document always gives the same dump.
// What import would warn about or reject is returned as diagnostics, the
// errors of the document checks API Gateway's import fails on included
// (undeclared mapped headers and request parameters, model names, HTTP API
// rules); the dump holds what could be imported.
func Import(doc *Document, opts ImportOptions) (*apimodel.Dump, []diag.Diagnostic) {
	im := &importer{Collector: extensions.Collector{File: doc.File, Base: doc.Pointer}, doc: doc, opts: opts, root: doc.Root}
	if doc.Model != nil && opts.Existing == nil {
		// An API written as resources: the model the resources define.
		return doc.Model, im.Diags
	}
	if doc.Kind != Swagger2 && doc.Kind != OpenAPI30 && doc.Kind != OpenAPI31 {
		im.Add(diag.ImportKind, doc.Root, "", "import reads Swagger 2.0 or OpenAPI 3.x documents, not %s", doc.Kind)
		return nil, im.Diags
	}
	t := im.template()
	if t != nil {
		t.importOptions(&im.opts)
	}
	switch im.opts.BasePath {
	case "", BasePathIgnore, BasePathPrepend, BasePathSplit:
	default:
		im.AddAs(diag.Error, diag.ImportBasePath, nil, "", "basepath %q is not one of ignore, prepend, split", im.opts.BasePath)
		return nil, im.Diags
	}
	if !im.checkExisting() {
		return nil, im.Diags
	}
	// The checks only read the document, as import does: they run beside it.
	failures := make(chan []diag.Diagnostic, 1)
	go func() { failures <- importFailures(doc) }()
	var d *apimodel.Dump
	if doc.HTTPAPI() {
		d = &apimodel.Dump{V2: im.apigwv2()}
		if t != nil {
			t.v2Template(d.V2)
		}
	} else {
		d = &apimodel.Dump{REST: im.rest()}
		if t != nil {
			t.restTemplate(d.REST)
		}
	}
	im.Diags = append(im.Diags, <-failures...)
	diag.Sort(im.Diags)
	return d, im.Diags
}

// failingChecks are the checks whose errors are documents API Gateway's
// import refuses: import reports them as check does.
var failingChecks = []*DocumentCheck{responseHeadersCheck, requestParametersCheck, modelNamesCheck, httpAPIRulesCheck}

// importFailures returns the errors of failingChecks on doc.
func importFailures(doc *Document) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range runChecks(doc, failingChecks) {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// importer holds one Import's state.
type importer struct {
	doc  *Document
	opts ImportOptions
	root *yaml.Node
	extensions.Collector
	apiID string
	// models maps a schema node already imported as a model to its name.
	models map[*yaml.Node]string
	// modelNames are the names taken, for generated names.
	modelNames map[string]bool
	out        *apimodel.RestDump
	// warnings are what API Gateway returns in the RestApi's warnings, in its words.
	warnings []string
	// idSalt makes the ids of resources built for a put differ from those
	// of the API they go into, as new resources' ids do.
	idSalt string
	// inputs maps a parameter of a template apigw wrote to the attribute
	// of another resource it stands for ("FnArn": "Fn.Arn"), from the
	// template's Metadata; reading the template gives the attributes back.
	inputs map[string]string
}

// warn records a warning of the import result, in API Gateway's words.
func (im *importer) warn(format string, args ...any) {
	im.warnings = append(im.warnings, fmt.Sprintf(format, args...))
}

// relPointer returns the pointer of an absolute file pointer relative to Root.
func (im *importer) relPointer(abs string) string {
	return strings.TrimPrefix(abs, im.doc.Pointer)
}

// basePath returns the document's base path ("" or "/v1").
func (im *importer) basePath() string {
	p, ok := im.doc.BasePath()
	if !ok {
		s := im.doc.Servers[0]
		im.Add(diag.ImportBasePath, source.Get(s.Node, "url"), "/servers/0/url", "server URL %q cannot be parsed; the base path is taken as empty", s.Expand())
	}
	return p
}

// resourcePath applies the base path mode to an OpenAPI path.
func (im *importer) resourcePath(base, path string) string {
	switch im.opts.BasePath {
	case BasePathPrepend:
		path = base + path
	case BasePathSplit:
		if i := strings.Index(base[min(1, len(base)):], "/"); i >= 0 {
			path = base[i+1:] + path
		}
	}
	if p := cleanPath(path); p != "" {
		return p
	}
	return "/"
}

// keep returns s as the model's plain field holds it and, when s is a
// CloudFormation intrinsic function, records it in t at path, so that it
// stays a value: config writes it into a template as it was and export
// writes it back.
func (im *importer) keep(t *apimodel.Intrinsics, path string, s extensions.Str) string {
	x := apimodel.FromStr(s)
	if x == nil {
		x = awsVariables(s.Value)
	}
	if x == nil {
		return s.Value
	}
	x.File = im.doc.File
	t.Set(path, x)
	return x.String()
}

// importVariables are the AWS variables API Gateway's import resolves in
// a definition's strings ("API Gateway resolves the variables when the API
// is imported", developer guide, AWS variables for OpenAPI import).
var importVariables = []string{"AWS::AccountId", "AWS::Partition", "AWS::Region"}

// awsVariables returns a literal that uses AWS variables as the Fn::Sub
// that means the same (other ${…}, such as stage variables, escaped), nil
// when it uses none: the value is known at deployment only, as for an
// intrinsic function.
func awsVariables(s string) *apimodel.Intrinsic {
	if !strings.Contains(s, "${AWS::") {
		return nil
	}
	var b strings.Builder
	found := false
	for _, p := range apimodel.SplitSub(s) {
		switch {
		case p.Var == "":
			b.WriteString(apimodel.SubEscape(p.Text))
		case slices.Contains(importVariables, p.Var):
			b.WriteString("${" + p.Var + "}")
			found = true
		default:
			b.WriteString("${!" + p.Var + "}")
		}
	}
	if !found {
		return nil
	}
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: v} }
	return apimodel.NewIntrinsic(&yaml.Node{Kind: yaml.MappingNode, Tag: source.TagMap, Content: []*yaml.Node{str("Fn::Sub"), str(b.String())}})
}

// titleIntrinsic keeps, as the API's name, an info.title a template
// writes with an intrinsic function (title: !Sub "${AWS::StackName}-api"),
// which CloudFormation resolves before API Gateway imports the definition;
// "" when the title is no intrinsic function.
func (im *importer) titleIntrinsic(t *apimodel.Intrinsics, path string) string {
	x := apimodel.NewIntrinsic(source.Get(im.doc.Info.Node, "title"))
	if x == nil {
		return ""
	}
	x.File = im.doc.File
	t.Set(path, x)
	return x.String()
}

// keepList keeps each item of a list of strings (see keep).
func (im *importer) keepList(t *apimodel.Intrinsics, path string, ss []extensions.Str) []string {
	var out []string
	for i, s := range ss {
		out = append(out, im.keep(t, path+"/"+strconv.Itoa(i), s))
	}
	return out
}

// keepMap keeps each value of a string map (see keep); nil when m is empty.
func (im *importer) keepMap(t *apimodel.Intrinsics, path string, m extensions.Map[extensions.Str]) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for _, p := range m {
		out[p.Key] = im.keep(t, path+"/"+source.EscapeToken(p.Key), p.Value)
	}
	return out
}

// text returns s as text where the model has no place for an intrinsic
// function, noting that only CloudFormation could resolve one.
func (im *importer) text(s extensions.Str, n *yaml.Node, rel string) string {
	if !s.IsLiteral() {
		x := apimodel.FromStr(s)
		im.Add(diag.ImportIntrinsic, n, rel, "%s is a CloudFormation intrinsic function where API Gateway keeps no such value; it is imported as the text %q", s.Fn, x.String())
		return x.String()
	}
	return s.Value
}

// strMap converts an ordered map of Str, dropping values that are not
// strings in the source (as API Gateway does, with a warning); intrinsic
// functions are kept in t under path (see keep).
func (im *importer) strMap(t *apimodel.Intrinsics, path string, m extensions.Map[extensions.Str], src *yaml.Node, rel, what, where string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for _, p := range m {
		if v := source.Resolve(source.Lookup(src, p.Key)); v != nil && v.Kind == yaml.ScalarNode && source.ScalarTag(v) != source.TagStr && source.IntrinsicName(v) == "" {
			im.warn("Invalid format for '%s'. Expected type string for property '%s'%s but got '%s'", what, p.Key, where, v.Value)
			switch source.ScalarTag(v) {
			case source.TagBool, source.TagInt, source.TagFloat, source.TagNull:
				// Load already reports this value, with its position and the fix.
			default:
				im.Add(diag.ImportParamType, v, rel+"/"+source.EscapeToken(p.Key),
					"Invalid format for '%s'. Expected type string for property '%s'%s but got '%s'; write the value in quotes (\"'%s'\" for a static value)",
					what, p.Key, where, v.Value, v.Value)
			}
			continue
		}
		out[p.Key] = im.keep(t, path+"/"+source.EscapeToken(p.Key), p.Value)
	}
	return out
}

func upper(s string) string { return strings.ToUpper(s) }

func boolPtr(b bool) *bool { return &b }

func intPtr(i int) *int { return &i }
