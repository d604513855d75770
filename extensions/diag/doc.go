// Package diag holds what every layer of apigw reports with: severities,
// positioned diagnostics, and the one catalog of diagnostic codes.
//
// Each code has a stable id (APIGW104), a one-line title, a default
// severity, documentation saying what API Gateway does and what to write
// instead, and the evidence the severity rests on: a response recorded
// against real AWS, an AWS documentation page or a public issue thread, or
// else a judgement, which caps the default at Warning. Codes about apigw
// itself (safety limits, external files, dumps, conversion, simulation)
// rest on the tool's own contract. A diagnostic takes its code's default
// severity unless the check that reports it says why it differs. The
// README's code table, SARIF rules and `apigw explain` are generated from
// the catalog.
//
// The package imports only the standard library, so every other package of
// apigw can use it.
package diag
