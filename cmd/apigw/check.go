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
	"github.com/apigw/apigw/internal/lint"
	"github.com/apigw/apigw/internal/report"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newCheckCmd) }

func newCheckCmd() *cobra.Command {
	var format, failOn, allowRefs, config, sarifRoot string
	var disable []string
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

A PATH that is a folder is searched for .json, .yaml, .yml, .json.tpl and
.yaml.tpl files (hidden folders are skipped); files in it that are not API
definitions or templates (package.json, CI workflows, CLI dumps) are skipped
and counted. A Terraform templatefile input (.tpl) may hold ${var}
placeholders wherever a string may stand. Severities follow API Gateway's
import: error where the import fails, warning where it warns (and fails with
failonwarnings=true), info otherwise.

Adapting the rules: a .apigw.yaml file in the checked file's folder or a
folder above (or --config FILE) sets per-code severities (error, warning,
info, off) and per-path ignores; "# apigw:ignore APIGW401 reason" on the
offending line or the line above, or an "x-apigw-ignore": ["APIGW401"] key
in a JSON object, suppresses a finding; --disable APIGW401 turns a code off.
Suppressed findings are counted in the summary and kept in SARIF output as
suppressed results; an inline suppression that matches nothing is an info
(APIGW008).

SARIF output meets GitHub code scanning's requirements: each file is named by
its path relative to the repository root (--sarif-root, default the working
directory; symbolic links resolved), each result carries a fingerprint made
from its rule, file and JSON pointer, so alerts keep their identity when lines
move, and each rule its title, documentation and help link.

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

  # ... run from a subfolder of the repository, paths relative to its root
  apigw check --format sarif --sarif-root .. . > ../apigw.sarif || true

  # Allow $refs to other files below the repository's api folder
  apigw check --allow-refs ./api ./api/main.yaml

  # Turn a code off for this run; say which import the document is for
  apigw check --disable APIGW430 --api http openapi.yaml`,
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
			root, err := sarifRootDir(sarifRoot)
			if err != nil {
				return withCode(exitUsage, err)
			}
			files, err := expandPaths(args)
			if err != nil {
				return withCode(exitUsage, err)
			}
			opts, err := api.options(cmd, allowRefs)
			if err != nil {
				return err
			}
			lintOpts, err := lintOptions(config, disable)
			if err != nil {
				return err
			}
			for i, f := range files {
				if f.path == stdinPath {
					if files[i].path, files[i].data, err = readInput(cmd, stdinPath, opts.Limits); err != nil {
						return err
					}
				}
			}
			growHeapFor(largestFile(files))
			diags, inline, limitErrs, skipped := checkFiles(files, opts)
			lintOpts.Inline = inline
			paths := make([]string, len(files))
			for i, f := range files {
				paths[i] = f.path
			}
			if diags, err = lint.Apply(diags, paths, lintOpts); err != nil {
				return withCode(exitUsage, err)
			}
			out, err := report.Render(f, diags, report.Options{ToolVersion: Version(), Checked: true, BaseDir: root,
				Files: len(files) - len(limitErrs) - skipped, Refused: len(limitErrs), Skipped: skipped})
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
	cmd.Flags().StringVar(&sarifRoot, "sarif-root", "", "the repository root SARIF paths are relative to (default: the working directory)")
	cmd.Flags().StringVar(&config, "config", "", "the configuration file to use (default: .apigw.yaml in the file's folder or a folder above)")
	cmd.Flags().StringArrayVar(&disable, "disable", nil, "turn a code off, e.g. APIGW430 (repeatable)")
	api.add(cmd)
	return cmd
}

// lintOptions reads --config and --disable.
func lintOptions(config string, disable []string) (lint.Options, error) {
	var o lint.Options
	if config != "" {
		c, err := lint.Load(config)
		if err != nil {
			return o, withCode(exitUsage, fmt.Errorf("--config: %w", err))
		}
		o.Config = c
	}
	for _, d := range disable {
		for _, s := range strings.Split(d, ",") {
			code, err := lint.ParseCode(s)
			if err != nil {
				return o, withCode(exitUsage, fmt.Errorf("--disable: %w", err))
			}
			o.Disable = append(o.Disable, code)
		}
	}
	return o, nil
}

// checkFiles checks files two at a time; the result does not depend on the
// order in which they finish. I/O errors become error diagnostics; safety
// limits are returned apart, in file order. A file found in a folder that
// turns out not to be an API definition or template is skipped and counted.
// The inline suppressions of each file are found in the text checked.
func checkFiles(files []checkedFile, opts openapi.LoadOptions) ([]diag.Diagnostic, map[string]lint.Suppressions, []error, int) {
	type result struct {
		diags []diag.Diagnostic
		sups  lint.Suppressions
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
			data := f.data
			if data == nil {
				var err error
				if data, err = source.ReadFile(f.path, opts.Limits); err != nil {
					results[i] = result{err: err}
					return
				}
			}
			d, tree, err := openapi.CheckDataTree(f.path, data, opts)
			// The suppressions come from the text just checked and its
			// tree, rather than from reading and parsing it again.
			results[i] = result{d, lint.ReadSuppressions(f.path, data, tree, opts.Limits), err}
		}()
	}
	wg.Wait()
	inline := map[string]lint.Suppressions{}
	for i, r := range results {
		inline[files[i].path] = r.sups
	}
	var diags []diag.Diagnostic
	var limits []error
	skipped := 0
	for i, r := range results {
		var le *source.LimitError
		switch {
		case errors.As(r.err, &le):
			limits = append(limits, r.err)
		case r.err != nil:
			diags = append(diags, diag.Diagnostic{Severity: diag.Error, Code: diag.Syntax,
				File: files[i].path, Message: "cannot read the file: " + r.err.Error()})
		case files[i].found && notAPIDefinition(r.diags):
			skipped++
			continue
		}
		diags = append(diags, r.diags...)
	}
	diag.Sort(diags)
	return diags, inline, limits, skipped
}

// notAPIDefinition tells whether a file's findings say it is neither an API
// definition nor a template (a package.json, a CI workflow, a CLI dump).
func notAPIDefinition(ds []diag.Diagnostic) bool {
	return slices.ContainsFunc(ds, func(d diag.Diagnostic) bool {
		return d.Code == diag.UnknownKind || d.Code == diag.EmptyFile || d.Code == diag.NotObject && d.Pointer == ""
	})
}

// largestFile returns the size of the largest of files; those that cannot
// be read count as empty, and are reported when checked.
func largestFile(files []checkedFile) int {
	n := 0
	for _, f := range files {
		if f.data != nil {
			n = max(n, len(f.data))
		} else if info, err := os.Stat(f.path); err == nil && info.Mode().IsRegular() {
			n = max(n, int(info.Size()))
		}
	}
	return n
}

// checkedFile is a file to check, and whether it was found in a folder
// (rather than named).
type checkedFile struct {
	path  string
	found bool
	data  []byte // what was read from standard input, else nil
}

// checkedExtensions are the file endings a folder is searched for.
var checkedExtensions = []string{".json", ".yaml", ".yml", ".json.tpl", ".yaml.tpl", ".yml.tpl"}

// expandPaths turns the arguments into files: a file as given, a folder as
// its API files (see checkedExtensions), sorted, hidden folders skipped.
func expandPaths(args []string) ([]checkedFile, error) {
	var files []checkedFile
	for _, arg := range args {
		if arg == stdinPath {
			files = append(files, checkedFile{path: stdinPath})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or folder", arg)
		}
		if !info.IsDir() {
			files = append(files, checkedFile{path: arg})
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
			name := strings.ToLower(d.Name())
			if slices.ContainsFunc(checkedExtensions, func(ext string) bool { return strings.HasSuffix(name, ext) }) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(found)
		for _, p := range found {
			files = append(files, checkedFile{path: p, found: true})
		}
	}
	return files, nil
}

// sarifRootDir returns the folder SARIF locations are relative to: dir, or
// the working directory.
func sarifRootDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", fmt.Errorf("--sarif-root %s is not a folder", dir)
	}
	return filepath.Abs(dir)
}
