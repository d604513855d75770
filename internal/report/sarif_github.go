package report

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// GitHub code scanning's documented limits for one SARIF file
// (docs.github.com, "SARIF support for code scanning").
const (
	gitHubMaxRuns        = 20
	gitHubMaxResults     = 25000
	gitHubMaxRules       = 25000
	gitHubMaxLocations   = 10 // per result; GitHub uses the first
	gitHubMaxTags        = 20
	gitHubMaxDescription = 1024
	gitHubMaxRuleName    = 255
)

// GitHubProblems lists what keeps a SARIF log from meeting the requirements
// GitHub code scanning documents for uploaded SARIF files ("SARIF support
// for code scanning" on docs.github.com), or nothing. Required properties
// must be present and not empty: $schema, version 2.1.0 and runs; per run,
// tool.driver with a name and rules, and results; per rule, id,
// shortDescription.text, fullDescription.text (at most 1024 characters
// each) and help.text, a name of at most 255 characters and
// defaultConfiguration.level note, warning or error when given; per result,
// message.text, a ruleId among the rules (and ruleIndex pointing at it),
// one to ten locations whose physicalLocation has an artifactLocation.uri
// relative to the repository root and a region with startLine,
// startColumn, endLine and endColumn, and partialFingerprints with
// primaryLocationLineHash, the one fingerprint GitHub reads. The size
// limits are checked too (20 runs, 25,000 results and rules per run, 20
// tags per rule). Fingerprints must also differ between results of one
// run, or GitHub would take two findings for one alert.
func GitHubProblems(data []byte) []string {
	var log struct {
		Schema  string            `json:"$schema"`
		Version string            `json:"version"`
		Runs    []json.RawMessage `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if log.Schema == "" {
		bad("$schema is missing")
	}
	if log.Version != "2.1.0" {
		bad("version is %q, not 2.1.0", log.Version)
	}
	if len(log.Runs) == 0 || len(log.Runs) > gitHubMaxRuns {
		bad("%d runs; GitHub takes 1 to %d", len(log.Runs), gitHubMaxRuns)
	}
	for i, raw := range log.Runs {
		for _, p := range gitHubRunProblems(raw) {
			bad("runs[%d]: %s", i, p)
		}
	}
	return out
}

// sarifRunIn is the part of a run GitHubProblems reads.
type sarifRunIn struct {
	Tool *struct {
		Driver *struct {
			Name  string `json:"name"`
			Rules *[]struct {
				ID               string          `json:"id"`
				Name             string          `json:"name"`
				ShortDescription *sarifMessage   `json:"shortDescription"`
				FullDescription  *sarifMessage   `json:"fullDescription"`
				Help             *sarifHelp      `json:"help"`
				Config           *sarifConfig    `json:"defaultConfiguration"`
				Properties       json.RawMessage `json:"properties"`
			} `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Results *[]struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           *int              `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             *sarifMessage     `json:"message"`
		Locations           []json.RawMessage `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	} `json:"results"`
}

func gitHubRunProblems(raw json.RawMessage) []string {
	var run sarifRunIn
	if err := json.Unmarshal(raw, &run); err != nil {
		return []string{"not a run: " + err.Error()}
	}
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if run.Tool == nil || run.Tool.Driver == nil {
		return []string{"tool.driver is missing"}
	}
	d := run.Tool.Driver
	if d.Name == "" {
		bad("tool.driver.name is missing")
	}
	if d.Rules == nil {
		bad("tool.driver.rules is missing")
		return out
	}
	if len(*d.Rules) > gitHubMaxRules {
		bad("%d rules, more than %d", len(*d.Rules), gitHubMaxRules)
	}
	levels := map[string]bool{"note": true, "warning": true, "error": true}
	ids := map[string]int{}
	for i, r := range *d.Rules {
		at := fmt.Sprintf("rule %d (%s)", i, r.ID)
		if r.ID == "" {
			bad("%s: id is missing", at)
		}
		if _, dup := ids[r.ID]; dup {
			bad("%s: id repeats", at)
		}
		ids[r.ID] = i
		for _, m := range []struct {
			name string
			msg  *sarifMessage
		}{{"shortDescription", r.ShortDescription}, {"fullDescription", r.FullDescription}} {
			switch {
			case m.msg == nil || strings.TrimSpace(m.msg.Text) == "":
				bad("%s: %s.text is missing", at, m.name)
			case utf8.RuneCountInString(m.msg.Text) > gitHubMaxDescription:
				bad("%s: %s.text is longer than %d characters", at, m.name, gitHubMaxDescription)
			}
		}
		if r.Help == nil || strings.TrimSpace(r.Help.Text) == "" {
			bad("%s: help.text is missing", at)
		}
		if utf8.RuneCountInString(r.Name) > gitHubMaxRuleName {
			bad("%s: name is longer than %d characters", at, gitHubMaxRuleName)
		}
		if r.Config != nil && !levels[r.Config.Level] {
			bad("%s: defaultConfiguration.level %q is not note, warning or error", at, r.Config.Level)
		}
		var props struct {
			Tags []string `json:"tags"`
		}
		if len(r.Properties) > 0 && json.Unmarshal(r.Properties, &props) == nil && len(props.Tags) > gitHubMaxTags {
			bad("%s: %d tags, more than %d", at, len(props.Tags), gitHubMaxTags)
		}
	}
	if run.Results == nil {
		bad("results is missing")
		return out
	}
	if len(*run.Results) > gitHubMaxResults {
		bad("%d results, more than %d", len(*run.Results), gitHubMaxResults)
	}
	fingerprints := map[string]int{}
	for i, r := range *run.Results {
		at := fmt.Sprintf("result %d (%s)", i, r.RuleID)
		if r.Message == nil || strings.TrimSpace(r.Message.Text) == "" {
			bad("%s: message.text is missing", at)
		}
		if j, ok := ids[r.RuleID]; !ok {
			bad("%s: ruleId names no rule", at)
		} else if r.RuleIndex != nil && *r.RuleIndex != j {
			bad("%s: ruleIndex %d is not the rule's index %d", at, *r.RuleIndex, j)
		}
		if r.Level != "" && !levels[r.Level] {
			bad("%s: level %q is not note, warning or error", at, r.Level)
		}
		if len(r.Locations) == 0 || len(r.Locations) > gitHubMaxLocations {
			bad("%s: %d locations; GitHub shows a result with 1 to %d", at, len(r.Locations), gitHubMaxLocations)
		}
		for _, l := range r.Locations {
			if p := gitHubLocationProblem(l); p != "" {
				bad("%s: %s", at, p)
			}
		}
		h := r.PartialFingerprints["primaryLocationLineHash"]
		if h == "" {
			bad("%s: partialFingerprints.primaryLocationLineHash is missing", at)
			continue
		}
		if j, dup := fingerprints[h]; dup {
			bad("%s: the same fingerprint as result %d", at, j)
		}
		fingerprints[h] = i
	}
	return out
}

// gitHubLocationProblem says what a location lacks, or "".
func gitHubLocationProblem(raw json.RawMessage) string {
	var loc struct {
		PhysicalLocation *struct {
			ArtifactLocation *struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region *struct {
				StartLine, StartColumn, EndLine, EndColumn int
			} `json:"region"`
		} `json:"physicalLocation"`
	}
	if err := json.Unmarshal(raw, &loc); err != nil || loc.PhysicalLocation == nil {
		return "location without physicalLocation"
	}
	p := loc.PhysicalLocation
	if p.ArtifactLocation == nil || p.ArtifactLocation.URI == "" {
		return "artifactLocation.uri is missing"
	}
	u, err := url.Parse(p.ArtifactLocation.URI)
	switch {
	case err != nil:
		return fmt.Sprintf("artifactLocation.uri %q is not a URI", p.ArtifactLocation.URI)
	case u.IsAbs() || strings.HasPrefix(u.Path, "/") || u.Path == ".." || strings.HasPrefix(u.Path, "../") || strings.Contains(u.Path, "/../") || strings.Contains(u.Path, `\`):
		return fmt.Sprintf("artifactLocation.uri %q is not relative to the repository root", p.ArtifactLocation.URI)
	}
	r := p.Region
	if r == nil || r.StartLine < 1 || r.StartColumn < 1 || r.EndLine < r.StartLine || r.EndLine == r.StartLine && r.EndColumn < r.StartColumn || r.EndColumn < 1 {
		return fmt.Sprintf("region %+v lacks startLine, startColumn, endLine or endColumn, or ends before it starts", r)
	}
	return ""
}
