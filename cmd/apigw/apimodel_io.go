package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/internal/report"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v4"
)

// loadOne loads the API definition in path: the document itself, or the one
// API of a template (resource names one when the template holds several).
// Errors refuse it, except those that use says the command does not read
// (nil: every error refuses), which become warnings.
func loadOne(cmd *cobra.Command, path, resource string, api *apiFlag, use *openapi.Usage) (*openapi.Document, []diag.Diagnostic, error) {
	opts, err := api.options(cmd, "")
	if err != nil {
		return nil, nil, err
	}
	name, data, err := readInput(cmd, path, opts.Limits)
	if err != nil {
		return nil, nil, err
	}
	return pickDocument(name, data, resource, opts, use)
}

// pickDocument loads data (read from path) and picks the API definition
// resource names, or the only one; use judges its errors (see loadOne).
func pickDocument(path string, data []byte, resource string, opts openapi.LoadOptions, use *openapi.Usage) (*openapi.Document, []diag.Diagnostic, error) {
	docs, diags, err := loadDocuments(path, data, opts)
	if err != nil {
		return nil, diags, err
	}
	return pickLoaded(path, docs, diags, resource, use)
}

// pickLoaded is pickDocument on what loadDocuments returned.
func pickLoaded(path string, docs []*openapi.Document, diags []diag.Diagnostic, resource string, use *openapi.Usage) (*openapi.Document, []diag.Diagnostic, error) {
	var names []string
	for _, d := range docs {
		if resource == "" || d.Resource == resource {
			diags = judge(use, d, diags).Diagnostics
			if hasError(diags) {
				return nil, diags, nil
			}
			return d, diags, pickOnly(docs, resource)
		}
		names = append(names, d.Resource)
	}
	if hasError(diags) {
		return nil, diags, nil
	}
	if len(docs) == 0 {
		return nil, diags, withCode(exitFindings, fmt.Errorf("%s holds no API definition", path))
	}
	return nil, diags, withCode(exitUsage, fmt.Errorf("%s has no API resource %q; it has %s", path, resource, strings.Join(names, ", ")))
}

// loadDocuments is openapi.Load with its errors given exit codes: a refusal
// by a limit stays as it is (3); the only other error, an --allow-refs
// folder that cannot be opened, is usage.
func loadDocuments(path string, data []byte, opts openapi.LoadOptions) ([]*openapi.Document, []diag.Diagnostic, error) {
	docs, diags, err := openapi.Load(path, data, opts)
	var le *source.LimitError
	if err != nil && !errors.As(err, &le) {
		err = withCode(exitUsage, err)
	}
	return docs, diags, err
}

// pickOnly refuses a template with several APIs when none was named.
func pickOnly(docs []*openapi.Document, resource string) error {
	if resource != "" || len(docs) < 2 {
		return nil
	}
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = d.Resource
	}
	return withCode(exitUsage, fmt.Errorf("the template holds %d APIs (%s); choose one with --resource", len(docs), strings.Join(names, ", ")))
}

func hasError(diags []diag.Diagnostic) bool {
	s, ok := diag.MaxSeverity(diags)
	return ok && s == diag.Error
}

// printDiags writes diagnostics to w in the text form, nothing when there are none.
func printDiags(w io.Writer, diags []diag.Diagnostic) {
	if len(diags) == 0 {
		return
	}
	w.Write(report.Text(diags))
}

// failOnErrors returns the exit error for diagnostics with errors, nil otherwise.
func failOnErrors(diags []diag.Diagnostic) error {
	if hasError(diags) {
		return withCode(exitFindings, nil)
	}
	return nil
}

// checkFormat validates a --format value.
func checkFormat(f string) error {
	if f != "json" && f != "yaml" {
		return withCode(exitUsage, fmt.Errorf("--format %q: write json or yaml", f))
	}
	return nil
}

// render writes a document tree as JSON or YAML.
func render(root *yaml.Node, format string) ([]byte, error) {
	if format == "yaml" {
		return source.WriteYAML(root)
	}
	return source.WriteJSON(root)
}

// renderDump writes a dump as JSON, or as YAML with the same key order.
func renderDump(d *apimodel.Dump, format string) ([]byte, error) {
	data, err := d.Marshal()
	if err != nil || format != "yaml" {
		return data, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return source.WriteYAML(source.Restyle(doc.Content[0]))
}

// emit writes data to out (atomically) or to stdout when out is empty.
func emit(stdout io.Writer, out string, data []byte) error {
	if out == "" {
		return writeOut(stdout, data)
	}
	if err := atomicfile.Write(out, data, 0o644); err != nil {
		return withCode(exitWrite, err)
	}
	return nil
}

// writeOut writes data to standard output; a failure exits with code 4.
func writeOut(stdout io.Writer, data []byte) error {
	if _, err := stdout.Write(data); err != nil {
		return withCode(exitWrite, fmt.Errorf("writing standard output: %w", err))
	}
	return nil
}

// noDefinition tells, from what Load said about a file it found no
// definition in, whether the file is a dump: it parsed, and its root is
// not an OpenAPI, Swagger or CloudFormation object (nor Terraform JSON).
// A file is read as a definition first and taken for a dump only then, so
// that a definition is parsed once.
func noDefinition(diags []diag.Diagnostic) bool {
	for _, d := range diags {
		if d.Pointer == "" && (d.Code == diag.UnknownKind || d.Code == diag.NotObject) {
			return true
		}
	}
	return false
}

// loadDump reads the dump file at path.
func loadDump(cmd *cobra.Command, path string, lim source.Limits) (*apimodel.Dump, []diag.Diagnostic, error) {
	name, data, err := readInput(cmd, path, lim)
	if err != nil {
		return nil, nil, err
	}
	return apimodel.Read(name, data, lim)
}

// importedInput reads path as a dump, or as a document or template whose
// API (resource names one when a template holds several) is imported with
// iopts; doc is nil for a dump. Errors refuse a document except those use
// says the command does not read.
func importedInput(cmd *cobra.Command, path, resource string, api *apiFlag, use *openapi.Usage, iopts openapi.ImportOptions) (*apimodel.Dump, *openapi.Document, []diag.Diagnostic, error) {
	opts, err := api.options(cmd, "")
	if err != nil {
		return nil, nil, nil, err
	}
	name, data, err := readInput(cmd, path, opts.Limits)
	if err != nil {
		return nil, nil, nil, err
	}
	docs, diags, err := loadDocuments(name, data, opts)
	if err != nil {
		return nil, nil, diags, err
	}
	if len(docs) == 0 && noDefinition(diags) {
		d, diags, err := apimodel.Read(name, data, opts.Limits)
		return d, nil, diags, err
	}
	doc, diags, err := pickLoaded(name, docs, diags, resource, use)
	if err != nil || doc == nil {
		return nil, nil, diags, err
	}
	dump, idiags := openapi.Import(doc, iopts)
	return dump, doc, append(diags, idiags...), nil
}
