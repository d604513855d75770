package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/report"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newCheckCmd) }

func newCheckCmd() *cobra.Command {
	var format, failOn, allowRefs string
	var api apiFlag
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "Check OpenAPI documents and templates for API Gateway problems",
		Long: `check loads each file (OpenAPI 3.0/3.1, Swagger 2.0, or a CloudFormation/SAM
template with inline definitions), decodes every x-amazon-apigateway-* extension,
validates the OpenAPI document and checks what needs the whole document: that
integration responses have method responses, mapped headers and parameters are
declared, validator, authorizer and integration names resolve, and that the
document stays within what API Gateway's REST or HTTP API import supports.

A PATH that is a folder is searched for .json, .yaml and .yml files (hidden
folders are skipped). Severities follow API Gateway's import: error where the
import fails, warning where it warns (and fails with failonwarnings=true),
info otherwise.

Exit codes:
  0  no errors (and no warnings under --fail-on warning)
  1  errors found (or warnings under --fail-on warning)
  2  usage: bad flags, or a PATH that does not exist
  3  a file was refused by a safety limit (size, nesting depth, YAML aliases,
     invalid UTF-8, several YAML documents, not a regular file); the message
     names file and limit
  4  the report could not be written`,
		Example: `  # Check one file; problems are printed as file:line:col: severity: message [CODE]
  apigw check api.yaml

  # Check every definition below a folder, failing on warnings too (for CI)
  apigw check --fail-on warning ./apis

  # Machine-readable output
  apigw check --format json template.yaml > findings.json

  # SARIF for GitHub code scanning (upload with github/codeql-action/upload-sarif)
  apigw check --format sarif ./apis > apigw.sarif || true

  # Allow $refs to other files below the repository's api folder
  apigw check --allow-refs ./api ./api/main.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return withCode(exitUsage, err)
			}
			threshold, err := diag.ParseSeverity(failOn)
			if err != nil || threshold == diag.Info {
				return withCode(exitUsage, fmt.Errorf("--fail-on %q: write error or warning", failOn))
			}
			files, err := expandPaths(args)
			if err != nil {
				return withCode(exitUsage, err)
			}
			opts, err := api.options(cmd, allowRefs)
			if err != nil {
				return err
			}
			diags, limitErrs := checkFiles(files, opts)
			out, err := report.Render(f, diags, report.Options{ToolVersion: Version(), Files: len(files) - len(limitErrs), Refused: len(limitErrs)})
			if err != nil {
				return err
			}
			if err := writeOut(cmd.OutOrStdout(), out); err != nil {
				return err
			}
			if len(limitErrs) > 0 {
				for _, le := range limitErrs[1:] {
					fmt.Fprintln(cmd.ErrOrStderr(), "apigw:", le)
				}
				return withCode(exitLimit, limitErrs[0])
			}
			if report.ExitCode(diags, threshold) != 0 {
				return withCode(exitFindings, nil)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or sarif")
	cmd.Flags().StringVar(&failOn, "fail-on", "error", "lowest severity that makes the exit code 1: error or warning")
	cmd.Flags().StringVar(&allowRefs, "allow-refs", "", "folder below which external $refs may be read (none when empty)")
	api.add(cmd)
	return cmd
}

// checkFiles checks files two at a time; the result does not depend on the
// order in which they finish. I/O errors become error diagnostics; safety
// limits are returned apart, in file order.
func checkFiles(files []string, opts openapi.LoadOptions) ([]diag.Diagnostic, []error) {
	type result struct {
		diags []diag.Diagnostic
		err   error
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			d, err := openapi.CheckFile(f, opts)
			results[i] = result{d, err}
		}()
	}
	wg.Wait()
	var diags []diag.Diagnostic
	var limits []error
	for i, r := range results {
		var le *source.LimitError
		switch {
		case errors.As(r.err, &le):
			limits = append(limits, r.err)
		case r.err != nil:
			diags = append(diags, diag.Diagnostic{Severity: diag.Error, Code: diag.Syntax,
				File: files[i], Message: "cannot read the file: " + r.err.Error()})
		}
		diags = append(diags, r.diags...)
	}
	diag.Sort(diags)
	return diags, limits
}

// expandPaths turns the arguments into files: a file as given, a folder as
// its .json, .yaml and .yml files, sorted, hidden folders skipped.
func expandPaths(args []string) ([]string, error) {
	var files []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or folder", arg)
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != arg && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".json", ".yaml", ".yml":
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	return files, nil
}
