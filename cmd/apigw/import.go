package main

import (
	"os"
	"strconv"
	"time"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newImportCmd) }

func newImportCmd() *cobra.Command {
	var basePath, format, out, resource, endpoint, mode, existing, region string
	var api apiFlag
	var strict bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Build the API model that API Gateway's import would create from a document",
		Long: `import reads an OpenAPI or Swagger document (or the API in a CloudFormation/SAM
template) and prints the API that ImportRestApi (REST APIs) or apigatewayv2
ImportApi (HTTP APIs) would create, as a dump: {"restApi": …, "resources": […],
"models": […], …} or {"api": …, "routes": […], "integrations": […], …}.
Ids are derived from names and paths, so the output is the same on every run;
createdDate is 1970-01-01T00:00:00+00:00, or the time SOURCE_DATE_EPOCH gives.
What import would warn about or reject is printed to stderr; what API Gateway
returns as warnings is in the dump's restApi.warnings.

--existing DUMP puts the document into an existing API as PutRestApi does
(ReimportApi for an HTTP API): --mode merge (the default) keeps what the
document does not define and replaces the methods it does; --mode overwrite
makes the API what the document defines. Either way the API keeps its id,
creation date, tags, endpoint configuration, stages and deployments, and a
resource keeps its id when its path stays.`,
		Example: `  apigw import api.yaml
  apigw import swagger.json --basepath prepend -o dump.json
  apigw import template.yaml --resource MyApi --format yaml
  apigw import part.yaml --existing dump.json --mode merge -o dump.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			if bp := openapi.BasePathMode(basePath); bp != openapi.BasePathIgnore && bp != openapi.BasePathPrepend && bp != openapi.BasePathSplit {
				return withCode(exitUsage, errorf("--basepath %q: write ignore, prepend or split", basePath))
			}
			putMode := openapi.ImportMode(mode)
			if putMode != "" && putMode != openapi.ModeMerge && putMode != openapi.ModeOverwrite {
				return withCode(exitUsage, errorf("--mode %q: write merge or overwrite", mode))
			}
			if putMode != "" && existing == "" {
				return withCode(exitUsage, errorf("--mode %s puts the document into an existing API: give its dump with --existing", mode))
			}
			created, err := createdDate()
			if err != nil {
				return withCode(exitUsage, err)
			}
			opts := openapi.ImportOptions{BasePath: openapi.BasePathMode(basePath), EndpointType: endpoint, Mode: putMode, CreatedDate: created, Region: region}
			var exDiags []diag.Diagnostic
			if existing != "" {
				lim, err := inputLimits(cmd)
				if err != nil {
					return err
				}
				dump, diags, err := loadDump(cmd, existing, lim)
				if err != nil {
					return err
				}
				if hasError(diags) || dump == nil {
					printDiags(cmd.ErrOrStderr(), diags)
					return withCode(exitFindings, nil)
				}
				opts.Existing, exDiags = dump, diags
			}
			doc, diags, err := loadOne(cmd, args[0], resource, &api, reads(importReads, strict))
			diags = append(exDiags, diags...)
			if err != nil || doc == nil {
				printDiags(cmd.ErrOrStderr(), diags)
				if err != nil {
					return err
				}
				return failOnErrors(diags)
			}
			dump, idiags := openapi.Import(doc, opts)
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
	cmd.Flags().StringVar(&existing, "existing", "", "dump of the API to put the document into, as PutRestApi (REST) or ReimportApi (HTTP) does")
	cmd.Flags().StringVar(&mode, "mode", "", "with --existing: merge (default, as PutRestApi) or overwrite")
	cmd.Flags().StringVar(&region, "region", "us-east-1", "region written into an HTTP API's ApiEndpoint")
	api.add(cmd)
	addStrict(cmd, &strict)
	return cmd
}

// createdDate returns the creation date import writes: the time
// SOURCE_DATE_EPOCH gives (the reproducible-builds convention), else the
// library's fixed default.
func createdDate() (apimodel.Timestamp, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return "", nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return "", errorf("SOURCE_DATE_EPOCH %q: write whole seconds since 1970", v)
	}
	return apimodel.Timestamp(time.Unix(sec, 0).UTC().Format("2006-01-02T15:04:05-07:00")), nil
}
