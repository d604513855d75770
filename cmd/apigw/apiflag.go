package main

import (
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

// apiFlag is --api, on every command that reads an OpenAPI document: which
// import the user calls (ImportRestApi or ImportApi), for documents that do
// not say it themselves.
type apiFlag struct{ value string }

// add registers the flag on cmd.
func (a *apiFlag) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&a.value, "api", "", "the kind of API a plain document defines: rest (ImportRestApi) or http (ImportApi); default: what the document uses decides, REST when it does not say")
}

// options returns load options with the kind asked for and the input
// limits of cmd (see inputLimits); a usage error for an unknown value.
func (a *apiFlag) options(cmd *cobra.Command, allowRefs string) (openapi.LoadOptions, error) {
	kind, err := openapi.ParseAPIKind(a.value)
	if err != nil {
		return openapi.LoadOptions{}, withCode(exitUsage, err)
	}
	lim, err := inputLimits(cmd)
	if err != nil {
		return openapi.LoadOptions{}, err
	}
	return openapi.LoadOptions{AllowRefs: allowRefs, API: kind, Limits: lim}, nil
}
