package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// TestSARIFOverCorpus checks apigw check --format sarif over the shared
// corpus: every rule carries shortDescription, fullDescription, help and
// helpUri from the catalog, and every result's ruleId is one of the rules
// (and its ruleIndex points at it).
func TestSARIFOverCorpus(t *testing.T) {
	dir := filepath.Join(golden.Root(t), "..", "shared", "corpus", "specs")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	out, stderr, code := runAt(t, "check", "--format", "sarif", dir)
	if code != exitOK && code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
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
