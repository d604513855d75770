package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw/apigw/codegen/config"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newConfigCmd) }

func newConfigCmd() *cobra.Command {
	var target, out, resource, basePath, stage, format string
	var api apiFlag
	var strict bool
	cmd := &cobra.Command{
		Use:   "config FILE --target calls|cloudformation|terraform|pulumi",
		Short: "Turn an API into deployment config: SDK calls, CloudFormation, Terraform or Pulumi",
		Long: `config reads an OpenAPI document or template (imported first, as apigw import
does) or an API dump, and writes deployment config for it: the API, a
deployment that changes with the API's content (so a changed API is deployed
again) and the stage that serves it (--stage, else the template's StageName,
else v1), and a Lambda permission for each Lambda integration and authorizer.
CloudFormation intrinsic functions stay values: CloudFormation output writes
them as they were; Terraform and Pulumi translate AWS::Region, AWS::AccountId,
AWS::Partition, Ref and Fn::GetAtt (a template parameter or another resource
becomes a variable named after it) and refuse the others (exit 1, nothing
written). With -o the files are written into that folder, all of them or
none; without it they are printed to stdout, each after a "# file: NAME" line
when there are several.`,
		Example: `  apigw config api.yaml --target cloudformation --format yaml
  apigw config template.yaml --target terraform --stage prod -o deploy/
  apigw config dump.json --target pulumi
  apigw config api.yaml --target calls -o calls/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(config.Targets, target) {
				return withCode(exitUsage, errorf("--target %q: write one of %s", target, strings.Join(config.Targets, ", ")))
			}
			if !slices.Contains(config.Formats, format) {
				return withCode(exitUsage, errorf("--format %q: write json or yaml", format))
			}
			dump, opts, diags, err := configInput(cmd, args[0], resource, openapi.BasePathMode(basePath), &api, reads(configReads, strict))
			if err != nil || hasError(diags) || dump == nil {
				printDiags(cmd.ErrOrStderr(), diags)
				if err != nil {
					return err
				}
				return withCode(exitFindings, nil)
			}
			opts.Stage, opts.Format = stage, format
			files, cdiags, err := config.Emit(target, dump, opts)
			diags = append(diags, cdiags...)
			printDiags(cmd.ErrOrStderr(), diags)
			if err != nil {
				return withCode(exitFindings, err)
			}
			if hasError(diags) {
				return withCode(exitFindings, nil)
			}
			if out == "" {
				w := cmd.OutOrStdout()
				for _, f := range files {
					if len(files) > 1 {
						if err := writeOut(w, []byte("# file: "+f.Name+"\n")); err != nil {
							return err
						}
					}
					if err := writeOut(w, f.Data); err != nil {
						return err
					}
				}
				return nil
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return withCode(exitWrite, err)
			}
			var writes []atomicfile.File
			for _, f := range files {
				path := filepath.Join(out, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return withCode(exitWrite, err)
				}
				writes = append(writes, atomicfile.File{Path: path, Data: f.Data, Perm: 0o644})
			}
			if err := atomicfile.WriteAll(writes); err != nil {
				return withCode(exitWrite, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&target, "target", "", "calls, cloudformation, terraform or pulumi")
	cmd.Flags().StringVarP(&out, "output", "o", "", "folder to write the files into (default: print to stdout)")
	cmd.Flags().StringVar(&resource, "resource", "", "the API resource to use when a template holds several")
	api.add(cmd)
	cmd.Flags().StringVar(&stage, "stage", "", "the stage to deploy to (default: the template's StageName, else "+config.DefaultStage+")")
	cmd.Flags().StringVar(&format, "format", "json", "CloudFormation template syntax: json or yaml")
	addStrict(cmd, &strict)
	cmd.Flags().StringVar(&basePath, "basepath", "ignore", "for documents: what import does with the base path (ignore, prepend, split)")
	_ = cmd.MarkFlagRequired("target")
	return cmd
}

// configInput reads FILE as a dump or, when it is an OpenAPI document or
// template, imports it; for a template, the options name it and the API's
// resource.
func configInput(cmd *cobra.Command, path, resource string, mode openapi.BasePathMode, api *apiFlag, use *openapi.Usage) (*apimodel.Dump, config.Options, []diag.Diagnostic, error) {
	dump, doc, diags, err := importedInput(cmd, path, resource, api, use, openapi.ImportOptions{BasePath: mode})
	if doc == nil {
		return dump, config.Options{}, diags, err
	}
	return dump, templateOptions(doc), diags, err
}

// templateOptions names the template a document was read from, and the
// API's resource in it, for config.
func templateOptions(doc *openapi.Document) config.Options {
	if doc.Resource == "" {
		return config.Options{}
	}
	return config.Options{Template: source.Resolve(doc.Tree), Resource: doc.Resource}
}
