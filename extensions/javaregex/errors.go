package javaregex

import "fmt"

// Error is a pattern that Java's Pattern.compile rejects (Code CodeSyntax)
// or that this package cannot evaluate (Code CodeUnsupported).
type Error struct {
	// Code is one of the Code constants of this package.
	Code string
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
