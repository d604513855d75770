package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "apigw",
		Short: "Tools for OpenAPI documents with Amazon API Gateway extensions",
		Long: `apigw reads OpenAPI documents (Swagger 2.0, OpenAPI 3.0 and 3.1; JSON or YAML),
and CloudFormation or SAM templates that hold them, and works with the
x-amazon-apigateway-* extensions in them.

Exit codes: 0 clean; 1 the input has errors (or warnings under --fail-on warning);
2 usage (an input that does not exist included); 3 input refused by a safety
limit; 4 output could not be written (standard output included).

Inputs are read up to 32 MiB; --max-size (or the APIGW_MAX_SIZE environment
variable) changes the limit, e.g. --max-size 100MiB.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version(),
	}
	root.SetVersionTemplate("apigw {{.Version}}\n")
	addMaxSize(root)
	addStdinFilename(root)
	root.AddCommand(newVersionCmd())
	for _, add := range subcommands {
		root.AddCommand(add())
	}
	return root
}

// subcommands lists the constructors of the commands defined in other files,
// each registering itself from init so that commands stay one file each.
var subcommands []func() *cobra.Command
