package openapi

import (
	"github.com/apigw/apigw/extensions"
)

// CheckFile reads the file at path and checks it: see CheckData.
func CheckFile(path string, opts LoadOptions) ([]extensions.Diagnostic, error) {
	data, err := readLimited(path, opts.Limits.withDefaults().MaxBytes)
	if err != nil {
		return nil, err
	}
	return CheckData(path, data, opts)
}

// CheckData loads data (read from path) and returns every diagnostic about
// it, sorted: loading and extension decoding, OpenAPI validation of each
// definition, and the document-level checks of Check.
//
// The error is a *LimitError when a safety limit refuses the input, or an
// I/O error; every other problem is a diagnostic.
func CheckData(path string, data []byte, opts LoadOptions) ([]extensions.Diagnostic, error) {
	docs, diags, err := Load(path, data, opts)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		diags = append(diags, checkDocument(d)...)
	}
	extensions.SortDiagnostics(diags)
	return diags, nil
}

// checkDocument runs the checks of one loaded document.
func checkDocument(d *Document) []extensions.Diagnostic {
	return Check(d)
}
