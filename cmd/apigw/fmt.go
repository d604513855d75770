package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/internal/report"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newFmtCmd) }

func newFmtCmd() *cobra.Command {
	var to string
	var check, write bool
	cmd := &cobra.Command{
		Use:   "fmt [flags] FILE...",
		Short: "Write OpenAPI documents and templates in canonical form",
		Long: `fmt writes each FILE in canonical form: two-space indentation, block style,
no line folding, key order, comments, anchors, quoting and number spelling kept.
A CloudFormation or SAM template is formatted as a whole (short forms such as
!Sub stay as written in YAML). The output of fmt is a fixed point: formatting
it again changes nothing.

Without -w or --check, the one FILE is written to standard output. With -w,
files are rewritten in place atomically, and only when every FILE could be
read and formatted: on any error nothing is written. A symbolic link is
written through to its file; a file keeps its mode and owner; a file with
several hard links is refused (exit code 4), as a rename would split them.

Exit codes:
  0  done (with --check: every file is already canonical)
  1  --check found files that would change (listed on standard output), or a
     file has syntax errors or duplicate keys (nothing is written)
  2  usage
  3  a file was refused by a safety limit (nothing is written)
  4  a file could not be written`,
		Example: `  # Print the canonical YAML of a file
  apigw fmt api.yaml

  # Convert to JSON (or --to yaml from JSON)
  apigw fmt --to json api.yaml > api.json

  # Rewrite files in place
  apigw fmt -w api.yaml template.yaml

  # In CI: fail when a file is not canonical, listing the files to format
  apigw fmt --check api/*.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if check && write {
				return withCode(exitUsage, errors.New("use either --check or -w"))
			}
			if !check && !write && len(args) > 1 {
				return withCode(exitUsage, errors.New("formatting several files to standard output would run them together: pass one FILE, or use -w or --check"))
			}
			var target *source.Format
			switch to {
			case "":
			case "json", "yaml":
				f := source.YAML
				if to == "json" {
					f = source.JSON
				}
				target = &f
			default:
				return withCode(exitUsage, fmt.Errorf("--to %q: write json or yaml", to))
			}
			lim, err := inputLimits(cmd)
			if err != nil {
				return err
			}
			var files []atomicfile.File
			var diags []diag.Diagnostic
			var changed []string
			for _, path := range args {
				if path == stdinPath && write {
					return withCode(exitUsage, errors.New("-w rewrites files in place: standard input (-) has no file to rewrite"))
				}
				name, data, err := readInput(cmd, path, lim)
				if err != nil {
					return err
				}
				format := source.DetectFormat(data)
				if target != nil {
					format = *target
				}
				out, ds, err := openapi.Canonical(name, data, format, lim)
				var le *source.LimitError
				switch {
				case errors.As(err, &le):
					return err
				case err != nil:
					return withCode(exitFindings, fmt.Errorf("%s: %w", name, err))
				}
				if len(ds) > 0 {
					diags = append(diags, ds...)
					continue
				}
				if !bytes.Equal(out, data) {
					changed = append(changed, name)
				}
				files = append(files, atomicfile.File{Path: path, Data: out, Perm: 0o644})
			}
			if len(diags) > 0 {
				cmd.ErrOrStderr().Write(report.Text(diags))
				return withCode(exitFindings, nil)
			}
			w := cmd.OutOrStdout()
			switch {
			case check:
				for _, p := range changed {
					fmt.Fprintln(w, p)
				}
				if len(changed) > 0 {
					return withCode(exitFindings, nil)
				}
			case write:
				var todo []atomicfile.File
				var same []string
				for _, f := range files {
					if slices.Contains(changed, f.Path) {
						todo = append(todo, f)
					} else {
						same = append(same, f.Path)
					}
				}
				atomicfile.RemoveStale(same...)
				if err := atomicfile.WriteAll(todo); err != nil {
					return withCode(exitWrite, err)
				}
			default:
				if err := writeOut(w, files[0].Data); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "output format: json or yaml (default: the input's)")
	cmd.Flags().BoolVar(&check, "check", false, "list the files that are not canonical and exit 1 if any; write nothing")
	cmd.Flags().BoolVarP(&write, "write", "w", false, "rewrite the files in place")
	return cmd
}
