package main

import (
	"errors"
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/internal/report"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v4"
)

func init() { subcommands = append(subcommands, newSetCmd) }

func newSetCmd() *cobra.Command {
	var from, out string
	var literal bool
	cmd := &cobra.Command{
		Use:   "set FILE POINTER VALUE [POINTER VALUE]...",
		Short: "Change values of a document in place, leaving every other byte as it was",
		Long: `set writes VALUE at the JSON pointer POINTER of FILE (an OpenAPI document, a
CloudFormation or SAM template, any YAML or JSON file) and changes nothing
else: comments, quoting, flow style, blank lines and indentation stay byte for
byte. It is meant for pipelines that fill placeholders, such as a Lambda ARN in
an integration's uri, before deploying.

VALUE is YAML or JSON text: arn:aws:lambda:… and 29000 stand for themselves,
'"200"' is a string, '{type: mock}' a mapping, '!Sub "arn:${AWS::Partition}:…"'
a short form (written as {"Fn::Sub": …} in a JSON file). With --string, VALUE
is taken as a string, whatever it holds. --from FILE reads one larger value
from a file instead. A new value is written in the style of where it stands;
where old and new are both mappings, only the keys that differ change.

POINTER names a value, a key its mapping lacks (the key is added), or the end
of a sequence (/-, to append). The first key of a pointer is a top-level key:
/paths/~1pets/get/x-amazon-apigateway-integration/uri ("/" inside a key is
written ~1, "~" is ~0).

The file is rewritten atomically, or the result goes to -o FILE (- for
standard output). Nothing is written when any change fails.

Exit codes:
  0  done
  1  FILE has syntax errors or duplicate keys
  2  usage, or a POINTER that names nothing set can change (no such key or
     item, a key written twice, a value reached through an alias or << merge)
  3  a file was refused by a safety limit
  4  the output could not be written`,
		Example: `  # Fill the placeholder of an integration's uri
  apigw set api.yaml /paths/~1pets/get/x-amazon-apigateway-integration/uri \
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/$FUNCTION_ARN/invocations"

  # In a SAM template, two values at once, written to another file
  apigw set template.yaml -o out.yaml \
    /Resources/Api/Properties/DefinitionBody/x-amazon-apigateway-policy/Version 2012-10-17 \
    /Resources/Api/Properties/DefinitionBody/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis 10000

  # A whole integration from a file
  apigw set api.json /paths/~1pets/get/x-amazon-apigateway-integration --from integration.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case from != "" && len(args) != 2:
				return withCode(exitUsage, errors.New("with --from, pass FILE and one POINTER"))
			case from == "" && (len(args) < 3 || len(args)%2 == 0):
				return withCode(exitUsage, errors.New("pass FILE followed by POINTER VALUE pairs"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			if source.IsTemplateFile(path) {
				return withCode(exitUsage, fmt.Errorf("%s: set does not edit templatefile inputs (.tpl), whose placeholders are not YAML or JSON", path))
			}
			lim, err := inputLimits(cmd)
			if err != nil {
				return err
			}
			if path == stdinPath {
				return withCode(exitUsage, errors.New("set edits a file in place: name the file rather than standard input"))
			}
			_, data, err := readInput(cmd, path, lim)
			if err != nil {
				return err
			}
			var edits []source.Edit
			if from != "" {
				v, err := readValueFile(cmd, from, lim)
				if err != nil {
					return err
				}
				edits = append(edits, source.Edit{Pointer: args[1], Value: v})
			}
			for i := 1; from == "" && i+1 < len(args); i += 2 {
				v, err := parseValue(args[i+1], literal)
				if err != nil {
					return withCode(exitUsage, fmt.Errorf("VALUE for %s: %w", args[i], err))
				}
				edits = append(edits, source.Edit{Pointer: args[i], Value: v})
			}
			if err := duplicateKeys(cmd, path, data, lim); err != nil {
				return err
			}
			result, err := source.SpliceWithin(lim, data, edits...)
			if err != nil {
				var le *source.LimitError
				var se *source.SyntaxError
				var ee *source.EditError
				switch {
				case errors.As(err, &le):
					return withCode(exitLimit, err)
				case errors.As(err, &se):
					se.File = path
					return withCode(exitFindings, se)
				case errors.As(err, &ee):
					return withCode(exitUsage, fmt.Errorf("%s: %w", path, err))
				}
				return withCode(exitFindings, fmt.Errorf("%s: %w", path, err))
			}
			switch out {
			case "-":
				return writeOut(cmd.OutOrStdout(), result)
			case "":
				out = path
			}
			if err := atomicfile.Write(out, result, 0o644); err != nil {
				return withCode(exitWrite, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "read the one VALUE from this YAML or JSON file")
	cmd.Flags().BoolVar(&literal, "string", false, "take each VALUE as a string, as it is")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file (- for standard output) instead of rewriting FILE")
	return cmd
}

// parseValue reads a VALUE argument: YAML or JSON text, or a string as it is.
func parseValue(text string, literal bool) (*yaml.Node, error) {
	if literal {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: source.TagStr, Value: text}, nil
	}
	doc, _, err := source.Parse("VALUE", []byte(text), source.Limits{})
	var se *source.SyntaxError
	switch {
	case errors.As(err, &se) && se.Code == diag.EmptyFile:
		return nil, errors.New("empty: write null for null, '\"\"' or --string for an empty string")
	case err != nil:
		return nil, fmt.Errorf("%w (quote it, or use --string to take it as a string)", err)
	}
	return fromJSON(doc, text), nil
}

// fromJSON restyles a value written as a JSON object or array, so that in a
// YAML file its strings lose the quotes YAML does not need.
func fromJSON(doc *yaml.Node, text string) *yaml.Node {
	if source.DetectFormat([]byte(text)) == source.JSON {
		return source.Restyle(doc)
	}
	return doc
}

// readValueFile reads the value of --from.
func readValueFile(cmd *cobra.Command, path string, lim source.Limits) (*yaml.Node, error) {
	name, data, err := readInput(cmd, path, lim)
	if err != nil {
		return nil, err
	}
	doc, _, err := source.Parse(name, data, lim)
	var le *source.LimitError
	switch {
	case errors.As(err, &le):
		return nil, withCode(exitLimit, err)
	case err != nil:
		return nil, withCode(exitFindings, err)
	}
	if dups := source.DuplicateKeys(doc, ""); len(dups) > 0 {
		for i := range dups {
			dups[i].File = path
		}
		return nil, withCode(exitFindings, fmt.Errorf("--from %s has duplicate keys:\n%s", path, report.Text(dups)))
	}
	return fromJSON(doc, string(data)), nil
}

// duplicateKeys refuses a file with duplicate keys, as fmt does: which of
// the two a pointer names is unclear. data is read within lim, as it was.
func duplicateKeys(cmd *cobra.Command, path string, data []byte, lim source.Limits) error {
	tree, _, err := source.Parse(path, data, lim)
	if err != nil {
		return nil // Splice reports it
	}
	if dups := source.DuplicateKeys(tree, ""); len(dups) > 0 {
		for i := range dups {
			dups[i].File = path
		}
		cmd.ErrOrStderr().Write(report.Text(dups))
		return withCode(exitFindings, nil)
	}
	return nil
}
