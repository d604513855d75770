package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/internal/report"
	"github.com/apigw/apigw/openapi"
	"go.yaml.in/yaml/v4"
)

// loadOne loads the API definition in path: the document itself, or the one
// API of a template (resource names one when the template holds several).
func loadOne(path, resource string, api *apiFlag) (*openapi.Document, []diag.Diagnostic, error) {
	opts, err := api.options("")
	if err != nil {
		return nil, nil, err
	}
	docs, diags, err := openapi.LoadFile(path, opts)
	if err != nil {
		var le *source.LimitError
		if errors.As(err, &le) {
			return nil, diags, withCode(exitLimit, err)
		}
		return nil, diags, withCode(exitFindings, err)
	}
	if hasError(diags) {
		return nil, diags, nil
	}
	var names []string
	for _, d := range docs {
		if resource == "" || d.Resource == resource {
			return d, diags, pickOnly(docs, resource)
		}
		names = append(names, d.Resource)
	}
	if len(docs) == 0 {
		return nil, diags, withCode(exitFindings, fmt.Errorf("%s holds no API definition", path))
	}
	return nil, diags, withCode(exitUsage, fmt.Errorf("%s has no API resource %q; it has %s", path, resource, strings.Join(names, ", ")))
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
		_, err := stdout.Write(data)
		return err
	}
	if err := atomicfile.Write(out, data, 0o644); err != nil {
		return withCode(exitWrite, err)
	}
	return nil
}

// isDump tells whether data is an API Gateway dump rather than an OpenAPI
// document or template: it parses and is none of the document kinds.
func isDump(path string, data []byte) bool {
	tree, _, err := source.Parse(path, data, source.Limits{})
	if err != nil || tree == nil || len(tree.Content) == 0 {
		return false
	}
	kind, _, _ := openapi.DetectKind(tree.Content[0], "")
	return kind == openapi.KindUnknown && !openapi.IsTerraform(tree.Content[0])
}

// loadDump reads a dump file.
func loadDump(path string) (*apimodel.Dump, []diag.Diagnostic, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, withCode(exitFindings, err)
	}
	d, diags := apimodel.Load(path, data)
	return d, diags, nil
}
