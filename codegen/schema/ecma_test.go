package schema

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// patterns returns every "pattern" string and patternProperties key of a
// marshalled schema, sorted and without duplicates.
func patterns(t testing.TB, s []byte) []string {
	var v any
	if err := json.Unmarshal(s, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if p, ok := e.(string); ok && k == "pattern" {
					out = append(out, p)
				}
				if pp, ok := e.(map[string]any); ok && k == "patternProperties" {
					for p := range pp {
						out = append(out, p)
					}
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	slices.Sort(out)
	return slices.Compact(out)
}

// TestPatternsPortable compiles every pattern as Go (RE2) and, when node is
// installed, as an ECMA-262 regular expression with the u flag, as editors do.
func TestPatternsPortable(t *testing.T) {
	ps := patterns(t, gen(t, Document(Options{})))
	if len(ps) < 10 {
		t.Fatalf("only %d patterns found", len(ps))
	}
	for _, p := range ps {
		if _, err := regexp.Compile(p); err != nil {
			t.Errorf("RE2 refuses %q: %v", p, err)
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; ECMA-262 check skipped")
	}
	js, _ := json.Marshal(ps)
	script := `const ps = JSON.parse(process.argv[1]); const bad = [];
for (const p of ps) { try { new RegExp(p, "u"); } catch (e) { bad.push(p + ": " + e.message); } }
console.log(bad.join("\n"));`
	out, err := exec.Command(node, "-e", script, string(js)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("not valid ECMA-262 (u flag):\n%s", s)
	}
}

// TestFoldPattern checks the case-insensitive enumerations against both engines' view.
func TestFoldPattern(t *testing.T) {
	re := regexp.MustCompile(foldPattern("aws_proxy", "http"))
	for s, want := range map[string]bool{"aws_proxy": true, "AWS_PROXY": true, "Aws_Proxy": true, "HTTP": true, "aws-proxy": false, "https": false, "aws_proxyx": false} {
		if re.MatchString(s) != want {
			t.Errorf("%q: match = %v, want %v", s, !want, want)
		}
	}
}
