package source

import (
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
)

// Default safety limits; a zero field of Limits means the default.
const (
	// DefaultMaxBytes is the largest input read: 32 MiB.
	DefaultMaxBytes = 32 << 20
	// DefaultMaxDepth is the deepest nesting of objects and lists. Real
	// definitions stay below 100; a deeper file is almost surely hostile.
	DefaultMaxDepth = 1000
	// DefaultMaxAliasNodes is how many nodes YAML aliases may expand to, over
	// the whole tree: enough for anchors shared by many operations, far too
	// few for a "billion laughs" file.
	DefaultMaxAliasNodes = 1_000_000
)

// Limits bound the work an untrusted input can cause.
type Limits struct {
	// MaxBytes is the largest input size in bytes.
	MaxBytes int64
	// MaxDepth is the deepest nesting of objects and lists.
	MaxDepth int
	// MaxAliasNodes bounds the nodes reachable through YAML aliases, counted
	// over the whole tree as a reader that expands every alias would see them.
	MaxAliasNodes int
	// MaxAliasBytes bounds the bytes YAML aliases expand to, over the whole
	// tree: the text of every scalar (keys and values) reached through an
	// alias, plus a byte for each node. A small file can otherwise anchor a
	// long string once and repeat it by alias until every reader that
	// expands it runs out of memory. The default is MaxBytes: expanding the
	// aliases may not produce more than a file may hold.
	MaxAliasBytes int64
}

// WithDefaults fills zero fields with the defaults.
func (l Limits) WithDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxAliasNodes <= 0 {
		l.MaxAliasNodes = DefaultMaxAliasNodes
	}
	if l.MaxAliasBytes <= 0 {
		l.MaxAliasBytes = l.MaxBytes
	}
	return l
}

// Names of the limits in LimitError.Limit.
const (
	LimitSize      = "size"
	LimitDepth     = "depth"
	LimitAlias     = "alias"
	LimitUTF8      = "utf8"
	LimitDocuments = "documents"
	// LimitFileType refuses an input that is not a regular file.
	LimitFileType = "file type"
	// LimitRefChain refuses a chain of more than MaxRefHops $refs.
	LimitRefChain = "ref chain"
)

// LimitError is an input refused by a safety limit; the command exits with code 3.
type LimitError struct {
	// Limit names the limit: LimitSize, LimitDepth, LimitAlias, LimitUTF8,
	// LimitDocuments, LimitFileType or LimitRefChain.
	Limit string
	// Code is the diagnostic code (CodeLimitSize, …).
	Code diag.Code
	// File is the input's name; Line and Column (1-based, 0 when unknown) where the limit was hit.
	File         string
	Line, Column int
	// Message says what was refused and what to do.
	Message string
}

// Error renders "file:line:col: message [code]".
func (e *LimitError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s [%s]", fileName(e.File), e.Line, e.Column, e.Message, e.Code)
}

// SyntaxError is a file that is not well-formed YAML or JSON, or holds no document.
type SyntaxError struct {
	// Code is CodeSyntax, or CodeEmpty for a file without a document.
	Code diag.Code
	// File is the input's name; Line and Column are 1-based, 0 when unknown.
	File         string
	Line, Column int
	// Message describes the problem, as the YAML or JSON reader saw it.
	Message string
}

// Error renders "file:line:col: message [code]".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s [%s]", fileName(e.File), e.Line, e.Column, e.Message, e.Code)
}

func fileName(f string) string {
	if f == "" {
		return "<input>"
	}
	return f
}
