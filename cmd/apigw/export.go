package main

import (
	"fmt"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newExportCmd) }

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

func newExportCmd() *cobra.Command {
	var to, exts, format, out, stage, region, resource string
	var docs bool
	var api apiFlag
	cmd := &cobra.Command{
		Use:   "export DUMP|TEMPLATE",
		Short: "Write an API dump or template as OpenAPI, as API Gateway's GetExport does",
		Long: `export reads a dump of an API (aws apigateway get-rest-api, get-resources --embed
methods, get-models, … gathered into one file, or the output of apigw import),
or a CloudFormation/SAM template or Terraform JSON file that writes the API as
resources (RestApi, Resource, Method, …; apigatewayv2 Api, Route, …; SAM
functions' Api events), and writes the OpenAPI 3.0 or Swagger 2.0 document
GetExport would return. CloudFormation intrinsic functions are written back
as they were.
--extensions takes GetExport's values: integrations, authorizers, apigateway
(every extension); postman is accepted and ignored.`,
		Example: `  apigw export dump.json
  apigw export dump.json --to swagger --extensions apigateway --format yaml
  apigw export dump.json --extensions integrations,authorizers -o api.json
  apigw export template.yaml --resource MyApi --extensions apigateway --format yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			kinds := map[string]openapi.Kind{"oas30": openapi.OpenAPI30, "swagger": openapi.Swagger2}
			kind, ok := kinds[to]
			if !ok {
				return withCode(exitUsage, errorf("--to %q: write oas30 or swagger", to))
			}
			list, err := openapi.ParseExtensions(exts)
			if err != nil {
				return withCode(exitUsage, err)
			}
			dump, diags, err := exportInput(cmd, args[0], resource, &api)
			if err != nil {
				return err
			}
			if hasError(diags) || dump == nil {
				printDiags(cmd.ErrOrStderr(), diags)
				return withCode(exitFindings, nil)
			}
			root, ediags := openapi.Export(dump, openapi.ExportOptions{To: kind, Extensions: list, Stage: stage, Region: region, Documentation: docs})
			diags = append(diags, ediags...)
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
	cmd.Flags().StringVar(&to, "to", "oas30", "export type: oas30 or swagger")
	cmd.Flags().StringVar(&exts, "extensions", "", "comma-separated: integrations, authorizers, apigateway, postman")
	cmd.Flags().BoolVar(&docs, "documentation", false, "include the documentation parts (x-amazon-apigateway-documentation)")
	cmd.Flags().StringVar(&stage, "stage", "stage", "stage name written into the server URL (or Swagger basePath)")
	cmd.Flags().StringVar(&region, "region", "us-east-1", "region written into the server URL (or Swagger host)")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json or yaml")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().StringVar(&resource, "resource", "", "the API resource to export when a template holds several")
	api.add(cmd)
	return cmd
}

// exportInput reads a dump, or the API of a document or template, imported.
func exportInput(cmd *cobra.Command, path, resource string, api *apiFlag) (*apimodel.Dump, []diag.Diagnostic, error) {
	dump, _, diags, err := importedInput(cmd, path, resource, api, nil, openapi.ImportOptions{})
	return dump, diags, err
}
