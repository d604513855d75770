package extensions

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity ranks a diagnostic the way API Gateway's import treats the problem.
type Severity int

// Severities, from least to most serious.
const (
	// Info is a remark that API Gateway neither warns about nor rejects.
	Info Severity = iota
	// Warning is something import warns about; with failonwarnings=true it fails.
	Warning
	// Error is something import rejects.
	Error
)

// String returns the lower-case name used in text output ("error", "warning", "info").
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// ParseSeverity reads a severity name as printed by String.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return Info, fmt.Errorf("unknown severity %q: write error, warning or info", s)
}

// Diagnostic is one finding about a document: where it is and what to write instead.
type Diagnostic struct {
	Severity Severity
	// Code is stable across releases (e.g. "APIGW104"); see Codes.
	Code string
	// Pointer is the RFC 6901 JSON pointer of the value concerned.
	Pointer string
	// File is set by the layer that knows it; the extensions package leaves it empty.
	File string
	// Line and Column are 1-based; 0 when unknown.
	Line, Column int
	// Message says what is wrong and what to write instead.
	Message string
}

// String renders the diagnostic as "file:line:col: severity: message [CODE]".
func (d Diagnostic) String() string {
	file := d.File
	if file == "" {
		file = "<input>"
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", file, d.Line, d.Column, d.Severity, d.Message, d.Code)
}

// SortDiagnostics orders diagnostics by file, line, column, code and message, so output is stable.
func SortDiagnostics(ds []Diagnostic) {
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
