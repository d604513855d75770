package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apigw/apigw/extensions/vtl"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newRenderCmd) }

// Size limits of render's inputs: API Gateway refuses payloads over 10 MB.
const (
	maxRenderBody     = 10 << 20
	maxRenderTemplate = 1 << 20
)

type renderFlags struct {
	body                                    string
	paths, queries, headers, ctx, stageVars []string
}

func newRenderCmd() *cobra.Command {
	var f renderFlags
	cmd := &cobra.Command{
		Use:   "render TEMPLATE [flags]",
		Short: "Render a mapping template as API Gateway would",
		Long: `render evaluates a mapping template (VTL, Apache Velocity 1.7 with API
Gateway's $input, $util, $context and $stageVariables) over a request and
prints exactly what API Gateway would produce, with no line break added.
TEMPLATE is a file, or - for standard input.

The request: --body is the payload ($input.body, and the JSON document that
$input.path and $input.json read), a file or - for standard input;
--path, --query and --header are its parameters ($input.params(name) looks
in path, then query string, then header; header names match in any case);
--context sets $context variables by dotted name (identity.sourceIp,
authorizer.claims.email); --stage-var sets $stageVariables. Repeat a flag
for more values.

When the template sets $context.responseOverride (status, header.NAME) or
$context.requestOverride (header, path, querystring), those values are
listed on standard error.

Exit codes:
  0  rendered
  1  the template has an error: file:line:col: error: message
  2  usage
  3  an input was refused by a size limit (template 1 MiB, body 10 MiB), or
     the render exceeded a limit (steps, iterations, output size, nesting)
  4  the output could not be written`,
		Example: `  # A response template over a backend's JSON reply
  apigw render response.vm --body reply.json

  # A request template with the client's parameters and the caller's identity
  apigw render request.vm --path id=42 --query q=shoes --header 'Accept: application/json' \
      --context identity.sourceIp=203.0.113.7 --context authorizer.claims.email=ana@example.com

  # From a pipe
  curl -s https://api.example.com/items | apigw render response.vm --body - --stage-var env=prod`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(cmd, args[0], &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.body, "body", "", "the payload: a file, or - for standard input (empty when absent)")
	fl.StringArrayVar(&f.paths, "path", nil, "a path parameter NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.queries, "query", nil, "a query string parameter NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.headers, "header", nil, "a request header 'Name: value' (repeatable)")
	fl.StringArrayVar(&f.ctx, "context", nil, "a $context variable dotted.name=VALUE, e.g. identity.sourceIp=203.0.113.7 (repeatable)")
	fl.StringArrayVar(&f.stageVars, "stage-var", nil, "a stage variable NAME=VALUE (repeatable)")
	return cmd
}

// namedValues parses NAME=VALUE flags.
func namedValues(list []string, flag string) ([]vtl.Param, error) {
	var out []vtl.Param
	for _, kv := range list {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--%s %q: write NAME=VALUE", flag, kv)
		}
		out = append(out, vtl.Param{Name: k, Value: v})
	}
	return out, nil
}

func headerValues(list []string) ([]vtl.Param, error) {
	var out []vtl.Param
	for _, h := range list {
		name, value, ok := strings.Cut(h, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("--header %q: write it as 'Name: value'", h)
		}
		out = append(out, vtl.Param{Name: name, Value: strings.TrimSpace(value)})
	}
	return out, nil
}

// readLimited reads a file (or standard input for "-") up to max bytes.
func readLimited(cmd *cobra.Command, name, what string, max int64) (string, error) {
	var r io.Reader
	if name == "-" {
		r = cmd.InOrStdin()
	} else {
		f, err := os.Open(name)
		if err != nil {
			return "", withCode(exitUsage, fmt.Errorf("%s: %w", what, err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return "", withCode(exitUsage, fmt.Errorf("%s: %w", what, err))
	}
	if int64(len(data)) > max {
		return "", withCode(exitLimit, fmt.Errorf("%s %s is larger than %d bytes", what, name, max))
	}
	return string(data), nil
}

func runRender(cmd *cobra.Command, file string, f *renderFlags) error {
	if file == "-" && f.body == "-" {
		return withCode(exitUsage, errors.New("the template and --body cannot both be read from standard input"))
	}
	var in vtl.Input
	var err error
	if in.Path, err = namedValues(f.paths, "path"); err != nil {
		return withCode(exitUsage, err)
	}
	if in.Query, err = namedValues(f.queries, "query"); err != nil {
		return withCode(exitUsage, err)
	}
	if in.Header, err = headerValues(f.headers); err != nil {
		return withCode(exitUsage, err)
	}
	if in.StageVariables, err = namedValues(f.stageVars, "stage-var"); err != nil {
		return withCode(exitUsage, err)
	}
	ctxVars, err := namedValues(f.ctx, "context")
	if err != nil {
		return withCode(exitUsage, err)
	}
	in.Context = vtl.NewContext(ctxVars...)
	src, err := readLimited(cmd, file, "template", maxRenderTemplate)
	if err != nil {
		return err
	}
	if f.body != "" {
		if in.Body, err = readLimited(cmd, f.body, "--body", maxRenderBody); err != nil {
			return err
		}
	}
	name := file
	if name == "-" {
		name = "<stdin>"
	}
	t, err := vtl.Parse(name, src)
	if err != nil {
		return templateError(cmd, err)
	}
	out, err := t.Render(in, vtl.Options{})
	if err != nil {
		return templateError(cmd, err)
	}
	if _, err := io.WriteString(cmd.OutOrStdout(), out.Body); err != nil {
		return withCode(exitWrite, fmt.Errorf("writing the output: %w", err))
	}
	printOverrides(cmd.ErrOrStderr(), out)
	return nil
}

// templateError prints a template error as file:line:col: error: message.
func templateError(cmd *cobra.Command, err error) error {
	var e *vtl.Error
	if !errors.As(err, &e) {
		return withCode(exitFindings, err)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "%s:%d:%d: error: %s\n", e.Name, e.Line, e.Column, e.Message)
	if errors.Is(err, vtl.ErrLimit) {
		return withCode(exitLimit, nil)
	}
	return withCode(exitFindings, nil)
}

func printOverrides(w io.Writer, out vtl.Output) {
	if out.Status != "" {
		fmt.Fprintf(w, "responseOverride.status: %s\n", out.Status)
	}
	for _, g := range []struct {
		name string
		ps   []vtl.Param
	}{{"responseOverride.header", out.Headers}, {"requestOverride.header", out.RequestHeaders},
		{"requestOverride.path", out.RequestPath}, {"requestOverride.querystring", out.RequestQuery}} {
		for _, p := range g.ps {
			fmt.Fprintf(w, "%s.%s: %s\n", g.name, p.Name, p.Value)
		}
	}
}
