package report

import (
	"bytes"
	"encoding/json"

	"github.com/apigw/apigw/extensions/diag"
)

// jsonDiagnostic is the JSON form of a diagnostic; field order is the
// output's key order.
type jsonDiagnostic struct {
	File     string    `json:"file"`
	Line     int       `json:"line"`
	Column   int       `json:"column"`
	Pointer  string    `json:"pointer"`
	Severity string    `json:"severity"`
	Code     diag.Code `json:"code"`
	Message  string    `json:"message"`
}

// JSON renders the diagnostics, sorted, as an array of objects with the keys
// file, line, column, pointer, severity, code and message, in that order;
// [] when there are none.
func JSON(diags []diag.Diagnostic) ([]byte, error) {
	out := make([]jsonDiagnostic, 0, len(diags))
	shown, _ := active(diags)
	for _, d := range shown {
		out = append(out, jsonDiagnostic{
			File: d.File, Line: d.Line, Column: d.Column, Pointer: d.Pointer,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message,
		})
	}
	return marshal(out)
}

// marshal writes v as two-space-indented JSON with a final newline, leaving
// <, > and & unescaped.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
