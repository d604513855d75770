package diag

import "fmt"

// Severity ranks a diagnostic the way API Gateway's import treats the problem.
type Severity int

// Severities, from least to most serious.
const (
	// Info is a remark: API Gateway accepts the document without comment.
	Info Severity = iota
	// Warning is something import warns about (with failonwarnings=true it
	// fails), or accepts although the API then fails when deployed or
	// called; also the ceiling of a severity that rests on judgement alone.
	Warning
	// Error is something import rejects, or the call it makes to create
	// the entity does.
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
