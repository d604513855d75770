package main

import "github.com/spf13/cobra"

// genSubcommands lists the constructors of the "apigw gen" subcommands; each
// registers itself from an init in its own file (gen_schema.go, …).
var genSubcommands []func() *cobra.Command

func init() { subcommands = append(subcommands, newGenCmd) }

func newGenCmd() *cobra.Command {
	gen := &cobra.Command{
		Use:   "gen",
		Short: "Generate schemas and code",
		Long:  "gen writes files derived from the API Gateway extensions or from one API's document.",
		Example: `  apigw gen schema --extensions -o apigw-extensions.json
  apigw gen schema --document -o apigw-openapi.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withCode(exitUsage, cmd.Help())
		},
	}
	for _, add := range genSubcommands {
		gen.AddCommand(add())
	}
	return gen
}
