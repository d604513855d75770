package report

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
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
		RuleID              diag.Code          `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations,omitempty"`
		PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		Properties          *sarifProps        `json:"properties,omitempty"`
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
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifProps struct {
		Pointer string `json:"jsonPointer"`
	}
)

// SARIF renders the diagnostics as a SARIF 2.1.0 log with one run, as
// GitHub code scanning documents it (see GitHubProblems): tool.driver
// "apigw" with one rule per code (sorted), and one result per diagnostic
// (sorted) with its level (error, warning or note), message, location and
// partialFingerprints. A file below o.BaseDir (the repository root) becomes
// a URI relative to it, with forward slashes, symbolic links resolved; any
// other file an absolute file: URI. The region is the one character where
// the finding starts; an unknown line or column is written as 1, since SARIF
// counts from 1. The fingerprint primaryLocationLineHash hashes the rule,
// the file and the JSON pointer (the message when there is none), so an
// alert keeps its identity when lines above it move. The JSON pointer is
// kept in the result's properties as jsonPointer.
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
	seen := map[string]int{} // fingerprints given so far
	for _, d := range ds {
		r := sarifResult{
			RuleID:    d.Code,
			RuleIndex: slices.Index(codes, d.Code),
			Level:     sarifLevel(d.Severity),
			Message:   sarifMessage{Text: d.Message},
		}
		uri := ""
		if d.File != "" {
			uri = artifactURI(d.File, o.BaseDir)
			line, col := max(d.Line, 1), max(d.Column, 1)
			r.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri},
				Region:           sarifRegion{StartLine: line, StartColumn: col, EndLine: line, EndColumn: col + 1},
			}}}
		}
		what := d.Pointer
		if what == "" {
			what = "message:" + d.Message
		}
		sum := sha256.Sum256([]byte(string(d.Code) + "\x00" + uri + "\x00" + what))
		hash := hex.EncodeToString(sum[:8])
		seen[hash]++
		r.PartialFingerprints = map[string]string{"primaryLocationLineHash": hash + ":" + strconv.Itoa(seen[hash])}
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

// artifactURI makes a file path a URI: relative to base (with forward
// slashes) when the file lies below it, symbolic links resolved on both, as
// GitHub matches relative URIs against the files of the repository; an
// absolute file: URI otherwise. Without base, a relative path stays relative.
func artifactURI(file, base string) string {
	if base != "" {
		abs, root := resolvedPath(file), resolvedPath(base)
		if rel, err := filepath.Rel(root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return relativeURI(rel)
		}
		file = abs
	}
	if filepath.IsAbs(file) {
		p := filepath.ToSlash(file)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive: file:///C:/…
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return relativeURI(file)
}

// relativeURI writes a relative path as a URI reference with forward slashes.
func relativeURI(p string) string {
	p = strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
	return (&url.URL{Path: p}).EscapedPath()
}

// resolvedPath returns path made absolute, with symbolic links resolved
// when it exists.
func resolvedPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}
