package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Diagnostic is one finding about a document: where it is and what to write instead.
type Diagnostic struct {
	Severity Severity
	// Code is stable across releases (e.g. "APIGW104"); see Catalog.
	Code Code
	// Pointer is the RFC 6901 JSON pointer of the value concerned.
	Pointer string
	// File is set by the layer that knows it; packages below openapi leave it empty.
	File string
	// Line and Column are 1-based; 0 when unknown.
	Line, Column int
	// Message says what is wrong and what to write instead.
	Message string
	// Suppressed, when not nil, says why the finding is not reported: it
	// is counted, and kept in SARIF output as a suppressed result.
	Suppressed *Suppression
}

// Suppression says why a finding is not reported.
type Suppression struct {
	// Kind is "inSource" for a comment or key in the document, "external"
	// for the configuration file or the command line (SARIF's kinds).
	Kind string
	// Justification is the reason given, or where the suppression comes from.
	Justification string
}

// New returns a diagnostic with code's default severity at line and column.
func New(code Code, line, column int, ptr, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: code.Severity(), Code: code, Pointer: ptr, Line: line, Column: column, Message: fmt.Sprintf(format, args...)}
}

// String renders the diagnostic as "file:line:col: severity: message [CODE]".
func (d Diagnostic) String() string {
	file := d.File
	if file == "" {
		file = "<input>"
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", file, d.Line, d.Column, d.Severity, d.Message, d.Code)
}

// Sort orders diagnostics by file, line, column, code and message, so output is stable.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Pointer, b.Pointer),
		)
	})
}

// MaxSeverity returns the highest severity in ds, and false when ds is empty.
func MaxSeverity(ds []Diagnostic) (Severity, bool) {
	if len(ds) == 0 {
		return Info, false
	}
	m := Info
	for _, d := range ds {
		m = max(m, d.Severity)
	}
	return m, true
}
