package main

// What each command reads of a document. An error in a part a command does
// not read is printed as a warning naming the command, and the command goes
// on; an error confined to operations that gen client and serve can leave
// out leaves them out; --strict refuses the document on any error.

import (
	"io"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

const (
	// integrationParts are all of an integration.
	integrationParts = openapi.PartIntegrationTypes | openapi.PartIntegrationURIs | openapi.PartIntegrationRequests | openapi.PartIntegrationResponses
	// simulatedParts are what simulate and serve read of an operation.
	simulatedParts = openapi.PartDocument | openapi.PartOperations | openapi.PartResponses | integrationParts | openapi.PartBinaryMediaTypes
)

var (
	clientReads = openapi.Usage{Command: "gen client", Unread: "a client does not read %s", LeaveOut: true,
		Parts: openapi.PartDocument | openapi.PartOperations | openapi.PartParameters | openapi.PartRequestBodies |
			openapi.PartResponses | openapi.PartSchemas | openapi.PartSecuritySchemes | openapi.PartAuthTypes |
			openapi.PartIntegrationTypes | openapi.PartIntegrationResponses | openapi.PartGatewayResponses}
	schemaReads = openapi.Usage{Command: "gen schema", Unread: "a response schema does not read %s",
		Parts: openapi.PartDocument | openapi.PartOperations | openapi.PartResponses | openapi.PartSchemas |
			openapi.PartIntegrationTypes | openapi.PartIntegrationResponses}
	convertReads = openapi.Usage{Command: "convert", Unread: "convert keeps %s as written", Parts: openapi.PartOpenAPI}
	importReads  = openapi.Usage{Command: "import", Unread: "import does not read %s", Parts: openapi.PartAll}
	configReads  = openapi.Usage{Command: "config", Unread: "config does not read %s", Parts: openapi.PartAll}
)

// simulateReads is what simulate reads: the integration of the one
// operation simulated (nil when it is not in the document).
func simulateReads(target *openapi.Operation) openapi.Usage {
	return openapi.Usage{Command: "simulate", Unread: "simulate does not read %s", Parts: simulatedParts,
		Only: func(o *openapi.Operation) bool { return o == target }, NotOnly: "the error is in %s, not in the one simulated"}
}

// serveReads is what serve reads: the MOCK integrations of a REST API;
// serve leaves out an operation whose MOCK integration has errors.
var serveReads = openapi.Usage{Command: "serve", Unread: "serve does not read %s", Parts: simulatedParts, LeaveOut: true,
	Only: isMock, NotOnly: "serve answers only MOCK integrations, not %s"}

// isMock tells whether a REST API operation has a MOCK integration.
func isMock(o *openapi.Operation) bool {
	v := o.Backend()
	return !o.Document().HTTPAPI() && v != nil && v.Type.Is(extensions.TypeMock)
}

// reads returns u, or nil under --strict (every error refuses).
func reads(u openapi.Usage, strict bool) *openapi.Usage {
	if strict {
		return nil
	}
	return &u
}

// judge applies u (nil: --strict) to the diagnostics of doc.
func judge(u *openapi.Usage, doc *openapi.Document, diags []diag.Diagnostic) openapi.Verdict {
	if u == nil || doc == nil {
		return openapi.Verdict{Diagnostics: diags}
	}
	return u.Judge(doc, diags)
}

// addStrict registers --strict.
func addStrict(cmd *cobra.Command, strict *bool) {
	cmd.Flags().BoolVar(strict, "strict", false, "refuse the document on any error, even in parts this command does not read")
}

// printNotes writes the warnings a verdict put in place of errors, and the
// errors that remain.
func printNotes(w io.Writer, diags []diag.Diagnostic) {
	var notes []diag.Diagnostic
	for _, d := range diags {
		if d.Severity == diag.Error || d.Code == diag.ErrorIgnored || d.Code == diag.OperationLeftOut {
			notes = append(notes, d)
		}
	}
	printDiags(w, notes)
}
