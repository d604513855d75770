package mapping

import (
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
)

// Field says which half of a mapping a Problem is about.
type Field int

// The two halves of a mapping.
const (
	// Key is the mapping's key: where the value goes (e.g. integration.request.header.x).
	Key Field = iota
	// Value is the mapping's value: where the data comes from (e.g. method.request.path.id).
	Value
)

// String returns "key" or "value".
func (f Field) String() string {
	if f == Key {
		return "key"
	}
	return "value"
}

// Problem is one finding about a mapping expression.
type Problem struct {
	// Field is the half of the mapping the Offset points into.
	Field Field
	// Offset is the byte offset in the key or value where the problem starts;
	// add it to the string's column to point at it.
	Offset int
	// Code is stable across releases; see package diag.
	Code diag.Code
	// Severity is what API Gateway does with it.
	Severity diag.Severity
	// Message says what is wrong and what to write instead.
	Message string
}

// String renders the problem as "value+3: error: message [APIGW304]".
func (p Problem) String() string {
	return fmt.Sprintf("%s+%d: %s: %s [%s]", p.Field, p.Offset, p.Severity, p.Message, p.Code)
}

// Error makes a Problem usable as an error.
func (p Problem) Error() string { return p.String() }

// HasError reports whether any problem has severity Error.
func HasError(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == diag.Error {
			return true
		}
	}
	return false
}

// problems collects Problems for one field.
type problems struct {
	list []Problem
}

// add records a problem with the code's default severity.
func (ps *problems) add(f Field, off int, code diag.Code, format string, args ...any) {
	ps.addAs(f, off, code, code.Severity(), format, args...)
}

// addAs records a problem whose severity differs from the code's default;
// the caller says why.
func (ps *problems) addAs(f Field, off int, code diag.Code, sev diag.Severity, format string, args ...any) {
	ps.list = append(ps.list, Problem{Field: f, Offset: off, Code: code, Severity: sev, Message: fmt.Sprintf(format, args...)})
}
