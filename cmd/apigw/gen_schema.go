package main

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/apigw/apigw/codegen/schema"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/spf13/cobra"
)

func init() { genSubcommands = append(genSubcommands, newGenSchemaCmd) }

func newGenSchemaCmd() *cobra.Command {
	var (
		exts, doc bool
		out, id   string
	)
	cmd := &cobra.Command{
		Use:   "schema --extensions [--document] [-o FILE] [--id URL]",
		Short: "Write the JSON Schema of the x-amazon-apigateway-* extensions",
		Long: `schema writes a JSON Schema (draft 2020-12) of Amazon API Gateway's OpenAPI
extensions, for editors and CI to check API definitions with.

--extensions writes a schema whose properties are the extension names, so that
{"x-amazon-apigateway-integration": {...}} validates against it. With
--document it writes a schema for whole Swagger 2.0 and OpenAPI 3.x documents
instead, which checks each extension where it may stand and allows everything
else; it embeds the extension definitions and works alone.

Strings may also be CloudFormation intrinsic functions (Fn::Sub, Ref, ...).
The $id defaults to ` + schema.DefaultExtensionsID + ` (or
` + schema.DefaultDocumentID + ` with --document).`,
		Example: `  # Schema of the extensions, to stdout
  apigw gen schema --extensions

  # Schema for whole documents, written atomically
  apigw gen schema --extensions --document -o schemas/apigw-openapi.json

  # Publish under your own URL
  apigw gen schema --document -o public/openapi.json --id https://schemas.example.com/openapi.json

  # Then, on the first line of openapi.yaml, for the YAML language server
  # (VS Code, JetBrains, Neovim, ...):
  # yaml-language-server: $schema=https://schemas.example.com/openapi.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !exts && !doc {
				return withCode(exitUsage, errors.New("gen schema: say which schema: --extensions (or --document for whole documents)"))
			}
			if id != "" {
				if u, err := url.Parse(id); err != nil || !u.IsAbs() {
					return withCode(exitUsage, fmt.Errorf("gen schema: --id %q is not an absolute URL", id))
				}
			}
			opts := schema.Options{ID: id}
			s := schema.Extensions(opts)
			if doc {
				s = schema.Document(opts)
			}
			data, err := schema.Marshal(s)
			if err != nil {
				return withCode(exitWrite, err)
			}
			if out == "" || out == "-" {
				if _, err := cmd.OutOrStdout().Write(data); err != nil {
					return withCode(exitWrite, err)
				}
				return nil
			}
			if err := atomicfile.Write(out, data, 0o644); err != nil {
				return withCode(exitWrite, fmt.Errorf("gen schema: %w", err))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&exts, "extensions", false, "write the schema of the x-amazon-apigateway-* extensions")
	f.BoolVar(&doc, "document", false, "write the schema for whole OpenAPI documents (implies --extensions)")
	f.StringVarP(&out, "output", "o", "", "write to `FILE` (atomically) instead of stdout")
	f.StringVar(&id, "id", "", "the schema's $id, the `URL` it is published at")
	return cmd
}
