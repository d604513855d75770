package main

import (
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newConvertCmd) }

func newConvertCmd() *cobra.Command {
	var to, format, out, resource string
	var strict bool
	var api apiFlag
	cmd := &cobra.Command{
		Use:   "convert FILE --to swagger|oas30|oas31",
		Short: "Convert a document between Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1",
		Long: `convert rewrites an OpenAPI or Swagger document as another version, keeping
key order and comments where the versions agree and moving the
x-amazon-apigateway-* extensions to where the target version wants them.
What the target cannot express is reported on stderr. An error in an
x-amazon-apigateway-* extension, which convert keeps as written, is reported
as a warning (--strict refuses the document instead).`,
		Example: `  apigw convert swagger.json --to oas30
  apigw convert api.yaml --to swagger --format json -o swagger.json
  apigw convert api30.yaml --to oas31 --format yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			kinds := map[string]openapi.Kind{"swagger": openapi.Swagger2, "oas30": openapi.OpenAPI30, "oas31": openapi.OpenAPI31}
			kind, ok := kinds[to]
			if !ok {
				return withCode(exitUsage, errorf("--to %q: write swagger, oas30 or oas31", to))
			}
			doc, diags, err := loadOne(cmd, args[0], resource, &api, reads(convertReads, strict))
			if err != nil || doc == nil {
				printDiags(cmd.ErrOrStderr(), diags)
				if err != nil {
					return err
				}
				return failOnErrors(diags)
			}
			root, cdiags := openapi.Convert(doc, kind)
			diags = append(diags, cdiags...)
			printDiags(cmd.ErrOrStderr(), diags)
			if hasError(diags) {
				return withCode(exitFindings, nil)
			}
			data, err := render(root, format)
			if err != nil {
				return withCode(exitFindings, err)
			}
			return emit(cmd.OutOrStdout(), out, data)
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "target version: swagger, oas30 or oas31")
	cmd.Flags().StringVar(&format, "format", "yaml", "output format: json or yaml")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().StringVar(&resource, "resource", "", "the API resource to convert when a template holds several")
	api.add(cmd)
	addStrict(cmd, &strict)
	_ = cmd.MarkFlagRequired("to")
	return cmd
}
