package javaregex

import (
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
)

// Error is a pattern that Java's Pattern.compile rejects (Code diag.PatternSyntax)
// or that this package cannot evaluate (Code diag.PatternUnsupported).
type Error struct {
	// Code is diag.PatternSyntax or diag.PatternUnsupported.
	Code diag.Code
	// Offset is the byte offset in the pattern where the problem was found.
	Offset int
	// Index is the index Java's PatternSyntaxException reports: a code point
	// index into the pattern after \Q…\E quoting has been rewritten.
	Index int
	// Message is Java's description of the problem.
	Message string
	// Hint says what to write instead.
	Hint string
	// Pattern is the pattern as given.
	Pattern string
}

// Error renders the problem with its offset and the hint.
func (e *Error) Error() string {
	return fmt.Sprintf("%s near offset %d of %q: %s", e.Message, e.Offset, e.Pattern, e.Hint)
}
