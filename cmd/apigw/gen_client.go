package main

import (
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"github.com/apigw/apigw/codegen/goclient"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

func init() { genSubcommands = append(genSubcommands, newGenClientCmd) }

func newGenClientCmd() *cobra.Command {
	var pkg, out, allowRefs, resource string
	var api apiFlag
	var strict bool
	cmd := &cobra.Command{
		Use:   "client [-package NAME] [-o FILE] [--allow-refs DIR] FILE",
		Short: "Write a Go client that knows what API Gateway sends back",
		Long: `client writes a Go client (one file, standard library only) for the API that
FILE (OpenAPI 3.x, Swagger 2.0, or a CloudFormation/SAM template) describes,
as API Gateway serves it:

  - NewClient(baseURL, opts...) with WithHTTPClient, WithRequestEditor (sign
    AWS_IAM methods with SigV4, add tokens) and WithAPIKey (x-api-key for
    methods with apiKeyRequired); DefaultBaseURL from servers or host+basePath;
  - one method per operation, with a Params struct (path, query and header
    parameters; optional ones are pointers) and a typed request body;
  - one Response type per operation, with the typed body and headers of each
    status; for Lambda, HTTP and MOCK integrations, the statuses are the ones
    the integration responses select, with the headers their
    responseParameters map; error statuses come back as typed errors for
    errors.As; proxy integrations use the declared responses;
  - GatewayError for the responses API Gateway writes itself (DEFAULT_4XX, ...),
    with the headers the gateway responses map.

The code is gofmt-formatted and type-checked before it is written; on any
error nothing is written. The package name defaults to the output folder's name
(client when that is not a package name, or is main: a main package is a
program, which no other package can import).

An error in a part of the document a client does not read (integration URIs
and requests, authorizers, request validators, API settings) is printed as a
warning, and the client is written. An error confined to some operations
leaves them out of the client, with a warning naming each; an error the
whole client depends on refuses the document. --strict refuses the document
on any error.`,
		Example: `  # In your Go package, next to the code that calls the API:
  //go:generate go run github.com/apigw/apigw/cmd/apigw gen client -package petstore -o client_gen.go ../api/openapi.yaml

  # Or by hand, to stdout:
  apigw gen client -package petstore api/openapi.yaml

  # A document that refers to schemas in other files below api/:
  apigw gen client -package petstore --allow-refs api -o petstore/client_gen.go api/openapi.yaml`,
		// Flags are parsed here so that the Go-style single-dash spelling of
		// go:generate lines (-package petstore) works as well as --package.
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, raw []string) error {
			for _, a := range raw {
				if a == "-h" || a == "--help" || a == "-help" {
					return cmd.Help()
				}
			}
			cmd.InheritedFlags() // adds the root's flags (--max-size) to the ones parsed here
			if err := cmd.Flags().Parse(goStyleFlags(raw)); err != nil {
				return withCode(exitUsage, fmt.Errorf("gen client: %w", err))
			}
			args := cmd.Flags().Args()
			if len(args) != 1 {
				return withCode(exitUsage, fmt.Errorf("gen client: name one OpenAPI file (got %d arguments); see apigw gen client --help", len(args)))
			}
			if pkg == "" {
				pkg = defaultPackage(out)
			}
			if !token.IsIdentifier(pkg) || token.IsKeyword(pkg) {
				return withCode(exitUsage, fmt.Errorf("gen client: -package %q is not a Go package name: write one such as petstore", pkg))
			}
			if pkg == "main" {
				return withCode(exitUsage, errors.New("gen client: -package main cannot hold a client: a main package is a program, which other packages cannot import; name the package the client lives in, such as petstore"))
			}
			opts, err := api.options(cmd, allowRefs)
			if err != nil {
				return err
			}
			name, data, err := readInput(cmd, args[0], opts.Limits)
			if err != nil {
				return err
			}
			docs, diags, err := loadDocuments(name, data, opts)
			if err != nil {
				return err
			}
			var doc *openapi.Document
			var names []string
			for _, d := range docs {
				names = append(names, d.Resource)
				if resource == "" || d.Resource == resource {
					if doc != nil {
						return withCode(exitUsage, fmt.Errorf("gen client: %s holds several APIs (%s): pick one with --resource", args[0], strings.Join(names, ", ")))
					}
					doc = d
				}
			}
			v := judge(reads(clientReads, strict), doc, diags)
			if v.Refused() {
				printDiags(cmd.ErrOrStderr(), v.Diagnostics)
				if v.NothingLeft {
					return withCode(exitFindings, errors.New("gen client: every operation of the document has errors a client reads; fix them first"))
				}
				return withCode(exitFindings, errors.New("gen client: the document has errors; fix them first"))
			}
			if doc == nil && len(docs) > 0 {
				return withCode(exitUsage, fmt.Errorf("gen client: %s has no API resource %q; it has %s", args[0], resource, strings.Join(names, ", ")))
			}
			if doc == nil {
				return withCode(exitFindings, fmt.Errorf("gen client: %s holds no API definition (an OpenAPI or Swagger document, or a template with an inline Body or DefinitionBody)", args[0]))
			}
			printNotes(cmd.ErrOrStderr(), v.Diagnostics)
			code, err := goclient.Generate(doc, goclient.Options{Package: pkg, Version: Version(), Source: args[0], LeaveOut: v.LeftOut})
			if err != nil {
				return withCode(exitFindings, err)
			}
			return emit(cmd.OutOrStdout(), out, code)
		},
	}
	f := cmd.Flags()
	f.StringVar(&pkg, "package", "", "the generated package's `NAME` (default: the output folder's name)")
	f.StringVarP(&out, "output", "o", "", "write to `FILE` (atomically) instead of stdout")
	f.StringVar(&allowRefs, "allow-refs", "", "allow external $refs to files below `DIR`")
	f.StringVar(&resource, "resource", "", "the API resource of a template that holds several")
	api.add(cmd)
	addStrict(cmd, &strict)
	return cmd
}

// goStyleFlags rewrites -package, -output, -allow-refs, -resource, -api and
// -strict, -max-size (one dash, as Go tools spell flags) to their two-dash form.
func goStyleFlags(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "--" {
			copy(out[i:], args[i:])
			break
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && len(name) > 1 {
			switch name {
			case "package", "output", "allow-refs", "resource", "api", "strict", "max-size":
				out[i] = "-" + a
			}
		}
	}
	return out
}

// defaultPackage derives a package name from the output file's folder.
func defaultPackage(out string) string {
	if out == "" || out == "-" {
		return "client"
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "client"
	}
	name := strings.ToLower(strings.NewReplacer("-", "", ".", "", "_", "").Replace(filepath.Base(filepath.Dir(abs))))
	if !token.IsIdentifier(name) || token.IsKeyword(name) || name == "main" {
		return "client"
	}
	return name
}
