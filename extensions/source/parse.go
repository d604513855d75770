package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// Format is the syntax a file is written in.
type Format uint8

// Formats.
const (
	// YAML is any file that does not start with '{' or '['.
	YAML Format = iota
	// JSON is a file whose first non-space byte is '{' or '['.
	JSON
)

// String returns "yaml" or "json".
func (f Format) String() string {
	if f == JSON {
		return "json"
	}
	return "yaml"
}

// DetectFormat tells JSON from YAML: JSON when the first byte after
// whitespace (and a UTF-8 byte-order mark) is '{' or '['.
func DetectFormat(data []byte) Format {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, c := range data {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '{', '[':
			return JSON
		}
		return YAML
	}
	return YAML
}

// Parse reads data into a source tree: a yaml.DocumentNode whose nodes carry
// 1-based lines and columns. JSON goes through a fast reader that yields the
// same tree yaml v4 builds for the same text; everything else through yaml v4.
//
// The error is a *LimitError when a safety limit refuses the input (size,
// depth, alias expansion, invalid UTF-8, several YAML documents), or a
// *SyntaxError when the text is not well-formed or holds no document.
// Duplicate keys are not errors here: see DuplicateKeys.
func Parse(file string, data []byte, lim Limits) (*yaml.Node, Format, error) {
	lim = lim.WithDefaults()
	format := DetectFormat(data)
	if int64(len(data)) > lim.MaxBytes {
		return nil, format, &LimitError{Limit: LimitSize, Code: diag.LimitSize, File: file,
			Message: fmt.Sprintf("the input is %d bytes, more than the limit of %d bytes; the input is refused (raise the size limit if the file is genuine)", len(data), lim.MaxBytes)}
	}
	if err := checkUTF8(file, data); err != nil {
		return nil, format, err
	}
	if format == JSON {
		doc, err := parseJSON(file, data, lim.MaxDepth)
		return doc, format, err
	}
	// A tree read in pieces is kept only when it passes the limits; any
	// refusal comes from reading the text in one piece, where yaml v4's
	// own depth limit (10,000) also counts the levels above each piece.
	if lim.MaxDepth < 9000 {
		if doc, ok := parseYAMLSplit(data, runtime.GOMAXPROCS(0), splitMin); ok && scanTree(file, doc, lim) == nil {
			return doc, format, nil
		}
	}
	doc, err := parseYAML(file, data)
	if err != nil {
		return nil, format, err
	}
	return doc, format, scanTree(file, doc, lim)
}

// parseYAML reads exactly one YAML document.
func parseYAML(file string, data []byte) (*yaml.Node, error) {
	l, err := yaml.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := l.Load(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &SyntaxError{Code: diag.EmptyFile, File: file, Message: "the file is empty: write an OpenAPI document"}
		}
		return nil, yamlError(file, err)
	}
	var next yaml.Node
	switch err := l.Load(&next); {
	case err == nil:
		return nil, &LimitError{Limit: LimitDocuments, Code: diag.MultiDocument, File: file, Line: next.Line, Column: next.Column,
			Message: fmt.Sprintf("a second YAML document starts here (the first is at line %d); an API definition is one document: split the file at '---'", doc.Line)}
	case !errors.Is(err, io.EOF):
		return nil, yamlError(file, err)
	}
	return &doc, nil
}

// yamlError turns yaml v4's error into a *SyntaxError with its position, or a
// *LimitError when yaml's own depth limit refused the input.
func yamlError(file string, err error) error {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		return &SyntaxError{Code: diag.Syntax, File: file, Message: "invalid YAML: " + err.Error()}
	}
	msg := le.Message
	if le.ContextMsg != "" {
		msg = le.ContextMsg + ": " + msg
		if le.ContextMark.Line > 0 && le.ContextMark.Line != le.Mark.Line {
			msg += fmt.Sprintf(" (the construct starts at %d:%d)", le.ContextMark.Line, le.ContextMark.Column)
		}
	}
	if strings.Contains(le.Message, "exceeded max depth") {
		return &LimitError{Limit: LimitDepth, Code: diag.LimitDepth, File: file, Line: le.Mark.Line, Column: le.Mark.Column,
			Message: "objects and lists nest too deep (" + le.Message + "); the input is refused"}
	}
	return &SyntaxError{Code: diag.Syntax, File: file, Line: le.Mark.Line, Column: le.Mark.Column, Message: "invalid YAML: " + msg + yamlHint(le.Message)}
}

// yamlHint says what usually causes the YAML parser's terser messages.
func yamlHint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return "; usually a key indented differently from the keys beside it, or a plain value holding \": \" that needs quotes"
	case strings.Contains(msg, "found character that cannot start any token"):
		return "; a tab used for indentation (YAML indents with spaces), or a value starting with @ or ` that needs quotes"
	case strings.Contains(msg, "did not find expected key"):
		return "; check the indentation of this line against the keys above it"
	}
	return ""
}

// checkUTF8 refuses input that is not UTF-8, naming the first bad byte.
func checkUTF8(file string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line, lineStart, runes := 1, 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return &LimitError{Limit: LimitUTF8, Code: diag.InvalidUTF8, File: file, Line: line, Column: runes - lineStart + 1,
				Message: fmt.Sprintf("the input is not valid UTF-8 (byte 0x%02x at offset %d); save the file as UTF-8", data[i], i)}
		}
		i += size
		runes++
		if r == '\n' || r == '\r' && (i >= len(data) || data[i] != '\n') {
			line++
			lineStart = runes
		}
	}
	return nil
}
