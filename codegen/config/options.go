package config

import (
	"fmt"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// Options configure the emitters.
type Options struct {
	// Stage names the stage the output deploys the API to. Empty means the
	// model's stage (a template's StageName), or DefaultStage when the
	// model has none.
	Stage string
	// Format is the CloudFormation template's syntax: "json" (the
	// default, template.json) or "yaml" (template.yaml).
	Format string
	// Template is the CloudFormation or SAM template the API was read
	// from (its root mapping), nil for a plain document or a dump. Its
	// Parameters, Conditions and Mappings give meaning to the intrinsic
	// functions the API uses: CloudFormation output declares the ones it
	// refers to, Terraform and Pulumi take parameter defaults from it.
	Template *yaml.Node
	// Resource is the logical id of the API in Template: the output's API
	// resource keeps it, so that references to the API stay valid.
	Resource string
}

// DefaultStage is the stage the output deploys to when neither Options
// nor the model names one.
const DefaultStage = "v1"

// Formats are the syntaxes Options.Format accepts for CloudFormation.
var Formats = []string{"json", "yaml"}

// check validates the options.
func (o Options) check() error {
	switch o.Format {
	case "", "json", "yaml":
		return nil
	}
	return fmt.Errorf("unknown CloudFormation format %q: write json or yaml", o.Format)
}

// hasErrors tells whether diags hold an error.
func hasErrors(diags []diag.Diagnostic) bool {
	s, ok := diag.MaxSeverity(diags)
	return ok && s == diag.Error
}

// result returns files, unless diags hold an error: then nothing is
// written, and the diagnostics say why.
func result(files []File, diags []diag.Diagnostic) ([]File, []diag.Diagnostic, error) {
	diag.Sort(diags)
	if hasErrors(diags) {
		return nil, diags, nil
	}
	return files, diags, nil
}

// stageName returns the stage the output deploys to.
func stageName(opts Options, modelStage string) string {
	return cmpOr(opts.Stage, modelStage, DefaultStage)
}

// emptyDump reports a dump without an API.
func emptyDump(d *apimodel.Dump) bool { return d == nil || d.REST == nil && d.V2 == nil }
