package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw/apigw/codegen/config"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newConfigCmd) }

func newConfigCmd() *cobra.Command {
	var target, out, resource, basePath string
	var api apiFlag
	var strict bool
	cmd := &cobra.Command{
		Use:   "config FILE --target calls|cloudformation|terraform|pulumi",
		Short: "Turn an API into deployment config: SDK calls, CloudFormation, Terraform or Pulumi",
		Long: `config reads an OpenAPI document or template (imported first, as apigw import
does) or an API dump, and writes deployment config for it. With -o the files
are written into that folder, all of them or none; without it they are
printed to stdout, each after a "# file: NAME" line when there are several.`,
		Example: `  apigw config api.yaml --target cloudformation
  apigw config dump.json --target terraform -o deploy/
  apigw config api.yaml --target calls -o calls/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(config.Targets, target) {
				return withCode(exitUsage, errorf("--target %q: write one of %s", target, strings.Join(config.Targets, ", ")))
			}
			dump, diags, err := configInput(cmd, args[0], resource, openapi.BasePathMode(basePath), &api, reads(configReads, strict))
			printDiags(cmd.ErrOrStderr(), diags)
			if err != nil {
				return err
			}
			if hasError(diags) || dump == nil {
				return withCode(exitFindings, nil)
			}
			files, err := config.Emit(target, dump)
			if err != nil {
				return withCode(exitFindings, err)
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
	addStrict(cmd, &strict)
	cmd.Flags().StringVar(&basePath, "basepath", "ignore", "for documents: what import does with the base path (ignore, prepend, split)")
	_ = cmd.MarkFlagRequired("target")
	return cmd
}

// configInput reads FILE as a dump or, when it is an OpenAPI document or
// template, imports it.
func configInput(cmd *cobra.Command, path, resource string, mode openapi.BasePathMode, api *apiFlag, use *openapi.Usage) (*apimodel.Dump, []diag.Diagnostic, error) {
	opts, err := api.options(cmd, "")
	if err != nil {
		return nil, nil, err
	}
	name, data, err := readInput(cmd, path, opts.Limits)
	if err != nil {
		return nil, nil, err
	}
	if isDump(name, data, opts.Limits) {
		return apimodel.Read(name, data, opts.Limits)
	}
	doc, diags, err := pickDocument(name, data, resource, opts, use)
	if err != nil || doc == nil {
		return nil, diags, err
	}
	dump, idiags := openapi.Import(doc, openapi.ImportOptions{BasePath: mode})
	return dump, append(diags, idiags...), nil
}
