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
		exts, doc         bool
		out, id, resource string
		base              string
		api               apiFlag
		strict            bool
	)
	cmd := &cobra.Command{
		Use:   "schema (--extensions [--document] [-o FILE] | FILE -o DIR) [--id URL]",
		Short: "Write JSON Schemas of the extensions, or of one API's responses",
		Long: `schema writes JSON Schemas (draft 2020-12).

With FILE (an OpenAPI or Swagger document, or a CloudFormation/SAM template
holding one) it writes into the folder DIR one schema per operation of the
responses a client receives, and index.json listing them. A response is the
object {"statusCode": 404, "headers": {...}, "contentType": "...", "body": ...};
each schema is a oneOf with one branch per status code an integration response
(or, for proxy integrations, a declared response) can produce, with the headers
that responseParameters map, the media types of responseTemplates and the
method response's schema as body. Use them in contract tests: validate each
response your tests receive against its operation's schema. Files are named
after method and path (get-pets-petId.json); their $id is --id followed by
the name. Nothing is written when the document has errors in what the
schemas read (responses, models, integration types and responses); errors
elsewhere are reported as warnings (--strict refuses them too).

--extensions writes a schema whose properties are the extension names, so that
{"x-amazon-apigateway-integration": {...}} validates against it. With
--document it writes a schema for whole Swagger 2.0 and OpenAPI 3.x documents
instead, which checks each extension where it may stand and allows everything
else; it embeds the extension definitions and works alone.

Strings may also be CloudFormation intrinsic functions (Fn::Sub, Ref, ...).
The $id is --base-uri followed by ` + schema.ExtensionsFile + ` (or ` + schema.DocumentFile + `
with --document); the default base is where the project publishes both,
` + schema.DefaultBaseURI + `, so an editor given
` + schema.DefaultDocumentID + `
fetches the schema from its $id. --id sets the whole $id instead. The
per-API schemas' $ids default to ` + schema.DefaultAPIBase + `<title>/<file> (a name, not
a place): give --id with the URL you publish them under.`,
		Example: `  # Response schemas of every operation of an API, into schemas/
  apigw gen schema openapi.yaml -o schemas/

  # ... published under your own URL ($id = URL + file name)
  apigw gen schema template.yaml --resource PetsApi -o schemas --id https://schemas.example.com/pets/

  # Schema of the extensions, to stdout
  apigw gen schema --extensions

  # Schema for whole documents, written atomically
  apigw gen schema --extensions --document -o schemas/apigw-openapi.json

  # Publish under your own folder URL ($id https://schemas.example.com/apigw/document.json)
  apigw gen schema --document -o public/apigw/document.json --base-uri https://schemas.example.com/apigw/

  # Or use the published copy: on the first line of openapi.yaml, for the
  # YAML language server (VS Code, JetBrains, Neovim, ...):
  # yaml-language-server: $schema=` + schema.DefaultDocumentID,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, f := range []struct{ name, value string }{{"--id", id}, {"--base-uri", base}} {
				if u, err := url.Parse(f.value); f.value != "" && (err != nil || !u.IsAbs()) {
					return withCode(exitUsage, fmt.Errorf("gen schema: %s %q is not an absolute URL", f.name, f.value))
				}
			}
			if len(args) == 1 {
				if exts || doc {
					return withCode(exitUsage, errors.New("gen schema: give either FILE (response schemas of one API) or --extensions/--document, not both"))
				}
				if cmd.Flags().Changed("base-uri") {
					return withCode(exitUsage, errors.New("gen schema: --base-uri is where the extensions and document schemas are published; for one API's schemas give --id URL"))
				}
				return genAPISchemas(cmd, args[0], resource, out, id, &api, reads(schemaReads, strict))
			}
			if resource != "" {
				return withCode(exitUsage, errors.New("gen schema: --resource chooses the API of a template FILE; give the FILE"))
			}
			if !exts && !doc {
				return withCode(exitUsage, errors.New("gen schema: say which schema: FILE -o DIR for one API's responses, --extensions (or --document for whole documents)"))
			}
			opts := schema.Options{ID: id, BaseURI: base}
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
	f.StringVarP(&out, "output", "o", "", "write to `FILE` (atomically) instead of stdout; with a document FILE, the folder to write into")
	f.StringVar(&resource, "resource", "", "the API resource of a template FILE that holds several")
	f.StringVar(&id, "id", "", "the schema's $id, the `URL` it is published at (with FILE, the base of the files' $ids)")
	f.StringVar(&base, "base-uri", schema.DefaultBaseURI, "the folder `URL` the extensions and document schemas are published under; $id is it followed by the file name")
	api.add(cmd)
	addStrict(cmd, &strict)
	return cmd
}
