package openapi

import (
	"errors"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

// Canonical returns the canonical form of a file (read from path) in the
// format to: WriteYAML or WriteJSON of its source tree, restyled for YAML
// when the input is JSON. A CloudFormation or SAM template is formatted as
// a whole. Writing the result through Canonical again gives the same bytes.
//
// Syntax errors and duplicate keys are error diagnostics, and then there is
// no output: a file whose meaning is unclear is not rewritten. The error is
// a *LimitError when a safety limit refuses the input, or a writer's error.
func Canonical(path string, data []byte, to source.Format, lim source.Limits) ([]byte, []diag.Diagnostic, error) {
	tree, from, err := source.Parse(path, data, lim)
	if err != nil {
		var se *source.SyntaxError
		if errors.As(err, &se) {
			return nil, []diag.Diagnostic{{Severity: diag.Error, Code: se.Code, File: path,
				Line: se.Line, Column: se.Column, Message: se.Message}}, nil
		}
		return nil, nil, err
	}
	if dups := source.DuplicateKeys(tree, ""); len(dups) > 0 {
		for i := range dups {
			dups[i].File = path
		}
		return nil, dups, nil
	}
	if to == source.JSON {
		out, err := source.WriteJSON(tree)
		return out, nil, err
	}
	if from == source.JSON {
		out, err := source.WriteYAML(source.Restyle(tree))
		return out, nil, err
	}
	// Comments and blank lines are placed by the text; the tree is not
	// needed afterwards, so it is formatted in place.
	out, err := source.FormatYAMLOwned(data, tree)
	return out, nil, err
}
