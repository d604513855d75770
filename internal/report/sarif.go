package report

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
)

// SARIFSchema is the schema URI written as $schema in SARIF output.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// The SARIF 2.1.0 objects apigw writes; field order is the output's order.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name,omitempty"`
		ShortDescription     *sarifMessage `json:"shortDescription,omitempty"`
		FullDescription      *sarifMessage `json:"fullDescription,omitempty"`
		Help                 *sarifHelp    `json:"help,omitempty"`
		HelpURI              string        `json:"helpUri,omitempty"`
		DefaultConfiguration *sarifConfig  `json:"defaultConfiguration,omitempty"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifResult struct {
		RuleID       diag.Code          `json:"ruleId"`
		RuleIndex    int                `json:"ruleIndex"`
		Level        string             `json:"level"`
		Message      sarifMessage       `json:"message"`
		Locations    []sarifLocation    `json:"locations,omitempty"`
		Suppressions []sarifSuppression `json:"suppressions,omitempty"`
		Properties   *sarifProps        `json:"properties,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
	sarifProps struct {
		Pointer string `json:"jsonPointer"`
	}
)

// SARIF renders the diagnostics as a SARIF 2.1.0 log with one run, as
// GitHub code scanning accepts it: tool.driver "apigw" with one rule per
// code (sorted), and one result per diagnostic (sorted) with its level
// (error, warning or note), message and location. Paths become relative
// URIs with forward slashes; an unknown line or column is written as 1,
// since SARIF counts from 1. The JSON pointer is kept in the result's
// properties as jsonPointer.
func SARIF(diags []diag.Diagnostic, o Options) ([]byte, error) {
	ds := sorted(diags)
	var codes []diag.Code
	for _, d := range ds {
		if !slices.Contains(codes, d.Code) {
			codes = append(codes, d.Code)
		}
	}
	slices.Sort(codes)
	rules := make([]sarifRule, 0, len(codes))
	for _, c := range codes {
		rules = append(rules, sarifRuleOf(c))
	}
	results := make([]sarifResult, 0, len(ds))
	for _, d := range ds {
		r := sarifResult{
			RuleID:    d.Code,
			RuleIndex: slices.Index(codes, d.Code),
			Level:     sarifLevel(d.Severity),
			Message:   sarifMessage{Text: d.Message},
		}
		if d.File != "" {
			r.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: artifactURI(d.File, o.BaseDir)},
				Region:           sarifRegion{StartLine: max(d.Line, 1), StartColumn: max(d.Column, 1)},
			}}}
		}
		if d.Pointer != "" {
			r.Properties = &sarifProps{Pointer: d.Pointer}
		}
		if s := d.Suppressed; s != nil {
			r.Suppressions = []sarifSuppression{{Kind: s.Kind, Justification: s.Justification}}
		}
		results = append(results, r)
	}
	uri := o.InformationURI
	if uri == "" {
		uri = DefaultInformationURI
	}
	return marshal(sarifLog{
		Schema:  SARIFSchema,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: "apigw", Version: o.ToolVersion, InformationURI: uri, Rules: rules,
			}},
			Results: results,
		}},
	})
}

// sarifRuleOf describes code from the catalog: title, documentation,
// evidence and the README row that explains it.
func sarifRuleOf(c diag.Code) sarifRule {
	r := sarifRule{ID: string(c)}
	e, ok := diag.Lookup(c)
	if !ok {
		return r
	}
	help := e.Doc
	if e.Evidence != "" {
		help += "\n\nEvidence: " + e.Evidence
	}
	r.Name = ruleName(e.Title)
	r.ShortDescription = &sarifMessage{Text: e.Title}
	r.FullDescription = &sarifMessage{Text: e.Doc}
	r.Help = &sarifHelp{Text: help}
	r.HelpURI = e.HelpURI()
	r.DefaultConfiguration = &sarifConfig{Level: sarifLevel(e.Severity)}
	return r
}

// ruleName turns a title into the PascalCase name SARIF viewers show.
func ruleName(title string) string {
	var b strings.Builder
	up := true
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// artifactURI makes a file path a relative URI reference with forward
// slashes, relative to base when the path lies below it.
func artifactURI(file, base string) string {
	if base != "" {
		if rel, err := filepath.Rel(base, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			file = rel
		}
	}
	p := strings.TrimPrefix(filepath.ToSlash(filepath.Clean(file)), "./")
	return (&url.URL{Path: p}).EscapedPath()
}
