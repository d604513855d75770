package main

import (
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newImportCmd) }

func newImportCmd() *cobra.Command {
	var basePath, format, out, resource, endpoint string
	var api apiFlag
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Build the API model that API Gateway's import would create from a document",
		Long: `import reads an OpenAPI or Swagger document (or the API in a CloudFormation/SAM
template) and prints the API that ImportRestApi (REST APIs) or apigatewayv2
ImportApi (HTTP APIs) would create, as a dump: {"restApi": …, "resources": […],
"models": […], …} or {"api": …, "routes": […], "integrations": […], …}.
Ids are derived from names and paths, so the output is the same on every run.
What import would warn about or reject is printed to stderr.`,
		Example: `  apigw import api.yaml
  apigw import swagger.json --basepath prepend -o dump.json
  apigw import template.yaml --resource MyApi --format yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			mode := openapi.BasePathMode(basePath)
			if mode != openapi.BasePathIgnore && mode != openapi.BasePathPrepend && mode != openapi.BasePathSplit {
				return withCode(exitUsage, errorf("--basepath %q: write ignore, prepend or split", basePath))
			}
			doc, diags, err := loadOne(cmd, args[0], resource, &api)
			if err != nil || doc == nil {
				printDiags(cmd.ErrOrStderr(), diags)
				if err != nil {
					return err
				}
				return failOnErrors(diags)
			}
			dump, idiags := openapi.Import(doc, openapi.ImportOptions{BasePath: mode, EndpointType: endpoint})
			diags = append(diags, idiags...)
			printDiags(cmd.ErrOrStderr(), diags)
			if hasError(diags) {
				return withCode(exitFindings, nil)
			}
			data, err := renderDump(dump, format)
			if err != nil {
				return withCode(exitFindings, err)
			}
			return emit(cmd.OutOrStdout(), out, data)
		},
	}
	cmd.Flags().StringVar(&basePath, "basepath", "ignore", "what to do with the base path: ignore, prepend or split")
	cmd.Flags().StringVar(&endpoint, "endpoint-type", "", "endpoint type when the document sets none: EDGE (default), REGIONAL or PRIVATE")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json or yaml")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().StringVar(&resource, "resource", "", "the API resource to import when a template holds several")
	api.add(cmd)
	return cmd
}
