package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

// TestSARIFStructure checks the properties GitHub code scanning needs, as
// no SARIF schema is available offline: version 2.1.0, one run, a driver
// named apigw with its rules, and results whose ruleId names a rule, whose
// level is a SARIF level, and whose locations are relative URIs with
// forward slashes and regions counted from 1.
func TestSARIFStructure(t *testing.T) {
	out, err := SARIF(sample(), options())
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID                                string `json:"id"`
						ShortDescription, FullDescription *struct{ Text string }
						Help                              *struct{ Text string }
						HelpURI                           string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Properties map[string]string
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema != SARIFSchema || len(log.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "apigw" || d.Version != "1.2.3" || d.InformationURI != DefaultInformationURI {
		t.Errorf("driver %+v", d)
	}
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	if got := fmtList(ids); got != "APIGW100,APIGW102,APIGW103,APIGW105" {
		t.Errorf("rules %s", got)
	}
	for _, r := range d.Rules {
		e, _ := diag.Lookup(diag.Code(r.ID))
		if r.ShortDescription == nil || r.ShortDescription.Text != e.Title || r.FullDescription == nil || r.FullDescription.Text != e.Doc ||
			r.Help == nil || !strings.HasPrefix(r.Help.Text, e.Doc) || r.HelpURI != e.HelpURI() {
			t.Errorf("rule %s does not carry its catalog entry: %+v", r.ID, r)
		}
	}
	if len(run.Results) != 4 {
		t.Fatalf("%d results", len(run.Results))
	}
	levels := map[string]bool{"error": true, "warning": true, "note": true}
	for _, r := range run.Results {
		if d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d does not name %s", r.RuleIndex, r.RuleID)
		}
		if !levels[r.Level] || r.Message.Text == "" || len(r.Locations) != 1 {
			t.Errorf("result %+v", r)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("region %+v", loc.Region)
		}
		if u := loc.ArtifactLocation.URI; u != "api/openapi.yaml" && u != "template.json" {
			t.Errorf("uri %q", u)
		}
	}
	if r := run.Results[3]; r.Level != "note" || r.Properties["jsonPointer"] != "/x-amazon-apigateway-unknown" {
		t.Errorf("info result %+v", r)
	}
}

func fmtList(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

func TestSARIFEmptyHasEmptyArrays(t *testing.T) {
	out, err := SARIF(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var log map[string]any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log["runs"].([]any)[0].(map[string]any)
	if res, ok := run["results"].([]any); !ok || len(res) != 0 {
		t.Errorf("results %v, want []", run["results"])
	}
}

func TestSARIFWithoutFileHasNoLocation(t *testing.T) {
	out, err := SARIF([]diag.Diagnostic{{Code: "APIGW100", Message: "m"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct{ Results []map[string]any }
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if _, ok := log.Runs[0].Results[0]["locations"]; ok {
		t.Error("a diagnostic without a file got a location")
	}
}

func TestArtifactURI(t *testing.T) {
	base := filepath.FromSlash("/repo")
	tests := []struct{ file, base, want string }{
		{"api.yaml", "", "api.yaml"},
		{"./specs/api.yaml", "", "specs/api.yaml"},
		{filepath.FromSlash("specs/sub/api.yaml"), "", "specs/sub/api.yaml"},
		{filepath.FromSlash("/repo/specs/api.yaml"), base, "specs/api.yaml"},
		{filepath.FromSlash("/other/api.yaml"), base, "file:///other/api.yaml"},
		{filepath.FromSlash("/other/my api.yaml"), "", "file:///other/my%20api.yaml"},
		{"my api.yaml", "", "my%20api.yaml"},
	}
	for _, tt := range tests {
		if got := artifactURI(tt.file, tt.base); got != tt.want {
			t.Errorf("artifactURI(%q, %q) = %q, want %q", tt.file, tt.base, got, tt.want)
		}
	}
}

// TestSARIFMeetsGitHub checks the output against GitHub code scanning's
// documented requirements (GitHubProblems), with paths below the
// repository root given absolutely, as a CI job's tools often do.
func TestSARIFMeetsGitHub(t *testing.T) {
	root := t.TempDir()
	ds := sample()
	for i := range ds {
		ds[i].File = filepath.Join(root, ds[i].File)
	}
	o := options()
	o.BaseDir = root
	out, err := SARIF(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	if problems := GitHubProblems(out); len(problems) > 0 {
		t.Errorf("GitHub would refuse or misread the log:\n%s", strings.Join(problems, "\n"))
	}
	if !strings.Contains(string(out), `"uri": "api/openapi.yaml"`) {
		t.Errorf("paths are not relative to the root:\n%s", out)
	}
}

// TestGitHubProblems checks that the checker finds what GitHub documents as
// required: an absolute path, a missing fingerprint, a rule without help.
func TestGitHubProblems(t *testing.T) {
	good, err := SARIF(sample(), options())
	if err != nil {
		t.Fatal(err)
	}
	if p := GitHubProblems(good); len(p) > 0 {
		t.Fatalf("the sample has problems: %v", p)
	}
	for _, tc := range []struct{ from, to, want string }{
		{`"uri": "template.json"`, `"uri": "/repo/template.json"`, "not relative to the repository root"},
		{`"uri": "template.json"`, `"uri": "file:///repo/template.json"`, "not relative to the repository root"},
		{`"primaryLocationLineHash"`, `"otherHash"`, "primaryLocationLineHash is missing"},
		{`"help": {`, `"helpless": {`, "help.text is missing"},
		{`"endColumn": 27`, `"endColumn": 0`, "region"},
		{`"version": "2.1.0"`, `"version": "2.0.0"`, "version"},
	} {
		bad := strings.Replace(string(good), tc.from, tc.to, 1)
		if bad == string(good) {
			t.Fatalf("the sample has no %s", tc.from)
		}
		if p := strings.Join(GitHubProblems([]byte(bad)), "\n"); !strings.Contains(p, tc.want) {
			t.Errorf("%s → %s: problems %q, want one saying %q", tc.from, tc.to, p, tc.want)
		}
	}
}

// TestSARIFFingerprints checks that a finding keeps its fingerprint when
// lines above it move, and that two findings never share one.
func TestSARIFFingerprints(t *testing.T) {
	fingerprints := func(ds []diag.Diagnostic) map[string]string {
		out, err := SARIF(ds, options())
		if err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Properties          map[string]string
					PartialFingerprints map[string]string
				}
			}
		}
		if err := json.Unmarshal(out, &log); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, r := range log.Runs[0].Results {
			m[r.Properties["jsonPointer"]] = r.PartialFingerprints["primaryLocationLineHash"]
		}
		return m
	}
	before := fingerprints(sample())
	moved := sample()
	for i := range moved {
		moved[i].Line += 3
	}
	if after := fingerprints(moved); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", before, after)
	}
	twice := append(sample(), sample()[0])
	out, _ := SARIF(twice, options())
	if p := GitHubProblems(out); len(p) > 0 {
		t.Errorf("a repeated finding: %v", p)
	}
}

// TestArtifactURIResolvesLinks: a file reached through a symbolic link is
// named by its place below the root, as GitHub matches files.
func TestArtifactURIResolvesLinks(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "api", "a.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(root, link); err != nil {
		t.Skip("no symbolic links here")
	}
	if got := artifactURI(filepath.Join(link, "api", "a.yaml"), root); got != "api/a.yaml" {
		t.Errorf("through a link: %q, want api/a.yaml", got)
	}
	if got := artifactURI(filepath.Join(root, "api", "a.yaml"), link); got != "api/a.yaml" {
		t.Errorf("root through a link: %q, want api/a.yaml", got)
	}
}
