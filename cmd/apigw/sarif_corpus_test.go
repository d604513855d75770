package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/report"
)

// TestSARIFOverCorpus checks apigw check --format sarif over the shared
// corpus: the log meets GitHub code scanning's documented requirements
// (report.GitHubProblems: relative paths, regions, fingerprints, rule
// metadata), every rule carries shortDescription, fullDescription, help and
// helpUri from the catalog, and every result's ruleId is one of the rules
// (and its ruleIndex points at it).
func TestSARIFOverCorpus(t *testing.T) {
	dir := filepath.Join(golden.Root(t), "..", "shared", "corpus", "specs")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	out, stderr, code := runAt(t, "check", "--format", "sarif", "--sarif-root", filepath.Dir(dir), dir)
	if code != exitOK && code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, p := range report.GitHubProblems([]byte(out)) {
		t.Errorf("GitHub code scanning: %s", p)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription *struct{ Text string }
						FullDescription  *struct{ Text string }
						Help             *struct{ Text string }
						HelpURI          string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("%d runs; want one run with results", len(log.Runs))
	}
	rules := log.Runs[0].Tool.Driver.Rules
	ids := map[string]int{}
	for i, r := range rules {
		ids[r.ID] = i
		if r.ShortDescription == nil || r.ShortDescription.Text == "" || r.FullDescription == nil || r.FullDescription.Text == "" ||
			r.Help == nil || r.Help.Text == "" || r.HelpURI == "" {
			t.Errorf("rule %s lacks shortDescription, fullDescription, help or helpUri", r.ID)
		}
	}
	for _, r := range log.Runs[0].Results {
		if i, ok := ids[r.RuleID]; !ok || i != r.RuleIndex {
			t.Errorf("result with ruleId %s, ruleIndex %d: not among the rules", r.RuleID, r.RuleIndex)
		}
	}
	t.Logf("%d rules, %d results", len(rules), len(log.Runs[0].Results))
}

// TestSARIFRoot checks that SARIF names files relative to the repository
// root whether they are given relatively or absolutely, from the working
// directory by default or from --sarif-root, and refuses a root that is not
// a folder.
func TestSARIFRoot(t *testing.T) {
	root := golden.Root(t)
	abs := filepath.Join(root, "fixtures", "check", "method-responses.yaml")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"fixtures/check/method-responses.yaml"}, `"uri": "fixtures/check/method-responses.yaml"`},
		{[]string{abs}, `"uri": "fixtures/check/method-responses.yaml"`},
		{[]string{"--sarif-root", "fixtures", abs}, `"uri": "check/method-responses.yaml"`},
		{[]string{"--sarif-root", filepath.Join(root, "fixtures", "check"), "fixtures/check/method-responses.yaml"}, `"uri": "method-responses.yaml"`},
	} {
		out, stderr, code := runAt(t, append([]string{"check", "--format", "sarif"}, tc.args...)...)
		if code != exitOK && code != exitFindings {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%v: no %s in\n%s", tc.args, tc.want, out)
		}
		for _, p := range report.GitHubProblems([]byte(out)) {
			t.Errorf("%v: GitHub code scanning: %s", tc.args, p)
		}
	}
	if _, stderr, code := runAt(t, "check", "--format", "sarif", "--sarif-root", "README.md", "fixtures/check/method-responses.yaml"); code != exitUsage || !strings.Contains(stderr, "--sarif-root") {
		t.Errorf("a file as --sarif-root: exit %d, %s", code, stderr)
	}
}
