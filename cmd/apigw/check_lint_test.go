package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
)

// writeFiles writes name → text files below dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runIn runs apigw in dir.
func runIn(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return out.String(), errb.String(), code
}

func namesFixture(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(golden.Fixture(t, "check/names.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestCheckSuppressions: inline comments (same line, line above), the
// configuration file found above the checked file (severity, off, ignore
// globs), --disable, an unused suppression, and the summary's count.
func TestCheckSuppressions(t *testing.T) {
	dir := t.TempDir()
	src := namesFixture(t)
	src = strings.Replace(src, "x-amazon-apigateway-request-validator: bodyy", "x-amazon-apigateway-request-validator: bodyy # apigw:ignore APIGW404 fixed in the next release", 1)
	src = strings.Replace(src, "        - apiKeyAuth: []\n", "        # apigw:ignore APIGW405 the scheme comes from a shared file\n        - apiKeyAuth: []\n", 1)
	src = strings.Replace(src, "info: {title: Names, version: \"1\"}", "info: {title: Names, version: \"1\"} # apigw:ignore APIGW401 nothing here", 1)
	writeFiles(t, dir, map[string]string{
		"api/names.yaml":        src,
		"api/legacy/old.yaml":   namesFixture(t),
		".apigw.yaml":           "severity:\n  APIGW406: warning\nignore:\n  - files: api/legacy/**\n    codes: [APIGW404]\n    reason: frozen\n",
		"api/.hidden/skip.yaml": "not: checked",
	})
	out, _, code := runIn(t, dir, "check", "api")
	want := []string{
		"api/legacy/old.yaml:12:11: warning: security requirement \"apiKeyAuth\"",
		"api/legacy/old.yaml:22:5: warning: security scheme \"legacy\"", // APIGW406 raised to warning
		"api/names.yaml:3:36: info: # apigw:ignore APIGW401 matches no finding on line 3; remove it [APIGW008]",
		"api/names.yaml:14:46: warning: request validator \"all\"",
		"api/names.yaml:23:5: warning: security scheme \"legacy\"",
		"checked 2 files: 0 errors, 4 warnings, 1 info in 2 files, 4 suppressed",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q in:\n%s", w, out)
		}
	}
	if strings.Contains(out, "bodyy") || strings.Contains(out, "legacy/old.yaml:7:") || strings.Contains(out, "names.yaml:13:") || code != exitOK {
		t.Errorf("a suppressed finding is shown, or exit %d:\n%s", code, out)
	}

	out, _, _ = runIn(t, dir, "check", "--disable", "APIGW404", "--disable", "406", "api/legacy/old.yaml")
	if !strings.HasSuffix(out, "checked 1 file: 0 errors, 1 warning, 0 infos in 1 file, 3 suppressed\n") {
		t.Errorf("--disable:\n%s", out)
	}
	writeFiles(t, dir, map[string]string{"strict.yaml": "severity:\n  APIGW404: error\n  APIGW406: off\n"})
	out, _, code = runIn(t, dir, "check", "--config", "strict.yaml", "api/legacy/old.yaml")
	if code != exitFindings || !strings.Contains(out, "old.yaml:7:40: error: request validator") || !strings.Contains(out, "1 suppressed") {
		t.Errorf("--config: exit %d\n%s", code, out)
	}
	writeFiles(t, dir, map[string]string{"bad.yaml": "severity:\n  APIGW999: error\n"})
	if _, errOut, code := runIn(t, dir, "check", "--config", "bad.yaml", "api"); code != exitUsage || !strings.Contains(errOut, "bad.yaml:2:3: unknown code APIGW999") {
		t.Errorf("bad config: exit %d, %q", code, errOut)
	}
}

// TestCheckIgnoreKeyAndSARIF: x-apigw-ignore suppresses the findings inside
// its object in a JSON document, and SARIF keeps suppressed results with
// their suppression instead of dropping them.
func TestCheckIgnoreKeyAndSARIF(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"api.json": `{
  "openapi": "3.0.1",
  "info": {"title": "J", "version": "1"},
  "paths": {
    "/a": {"get": {
      "x-apigw-ignore": ["APIGW430"],
      "responses": {"200": {"description": "ok"}}
    }},
    "/b": {"get": {"responses": {"200": {"description": "ok"}}}}
  }
}
`})
	out, _, _ := runIn(t, dir, "check", "api.json")
	if strings.Contains(out, "GET /a has no") || !strings.Contains(out, "GET /b has no") || !strings.Contains(out, "1 suppressed") {
		t.Errorf("x-apigw-ignore:\n%s", out)
	}
	out, _, _ = runIn(t, dir, "check", "--format", "sarif", "api.json")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Message      struct{ Text string }
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	suppressed := 0
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) > 0 {
			suppressed++
			if r.Suppressions[0].Kind != "inSource" || !strings.Contains(r.Message.Text, "GET /a") {
				t.Errorf("suppression %+v on %q", r.Suppressions, r.Message.Text)
			}
		}
	}
	if suppressed != 1 {
		t.Errorf("%d suppressed results, want 1:\n%s", suppressed, out)
	}
}

// TestCheckSuppressionsAboveDefaultSize: a file larger than the default
// size limit, checked under a raised --max-size, keeps its suppressions (a
// comment and an x-apigw-ignore key): they are read from the text checked,
// within the same limit.
func TestCheckSuppressionsAboveDefaultSize(t *testing.T) {
	dir := t.TempDir()
	const doc = `openapi: 3.0.1
info: {title: J, version: "1"}
paths:
  /a:
    get:
      x-apigw-ignore: [APIGW430]
      responses: {"200": {description: ok}}
  /b:
    # apigw:ignore APIGW430 served elsewhere
    get:
      responses: {"200": {description: ok}}
  /c:
    get:
      responses: {"200": {description: ok}}
`
	line := "# " + strings.Repeat("x", 1022) + "\n"
	padding := strings.Repeat(line, (source.DefaultMaxBytes+1<<20)/len(line))
	writeFiles(t, dir, map[string]string{"api.yaml": doc + padding})
	out, _, code := runIn(t, dir, "check", "--max-size", strconv.Itoa(len(doc+padding)), "api.yaml")
	if code != exitOK || !strings.Contains(out, "GET /c has no") || strings.Contains(out, "GET /a") || strings.Contains(out, "GET /b") ||
		!strings.HasSuffix(out, "1 warning, 1 info in 1 file, 2 suppressed\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestCheckFolderWalking: files that are not API definitions are skipped
// and counted, templatefile inputs (.tpl) are read with their placeholders,
// and an empty folder checks 0 files; naming a non-API file stays an error.
func TestCheckFolderWalking(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"repo/package.json":                 `{"name": "x", "version": "1.0.0"}`,
		"repo/tsconfig.json":                `{"compilerOptions": {}}`,
		"repo/.github/workflows/ci.yaml":    "on: push\n",
		"repo/deploy/workflow.yaml":         "jobs:\n  build: {runs-on: ubuntu-latest}\n",
		"repo/api/openapi.json.tpl":         `{"openapi": "3.0.1", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": ${lambda_uri}, "timeoutInMillis": 29000}}}}}`,
		"repo/api/openapi.yaml.tpl":         "openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ${lambda_uri}}\n",
		"empty/.keep-this-folder-in-git.md": "",
	})
	out, _, code := runIn(t, dir, "check", "repo")
	if code != exitOK || !strings.Contains(out, "checked 2 files (skipped 3 files that are not API definitions)") || strings.Contains(out, ": error:") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if out, _, code := runIn(t, dir, "check", "empty"); code != exitOK || out != "checked 0 files\n" {
		t.Errorf("empty folder: exit %d, %q", code, out)
	}
	if out, _, code := runIn(t, dir, "check", "repo/package.json"); code != exitFindings || !strings.Contains(out, "APIGW004") {
		t.Errorf("named non-API file: exit %d\n%s", code, out)
	}
}

// TestDefinitionOfRefusedVersionIsNotADump: a document that says openapi or
// swagger is a definition, even of a version apigw refuses, and the commands
// that also read dumps say why it is refused instead of "not a dump".
func TestDefinitionOfRefusedVersionIsNotADump(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"api.yaml": "openapi: 2.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n"})
	for _, args := range [][]string{{"config", "api.yaml", "--target", "calls"}, {"simulate", "api.yaml", "--operation", "GET /"}} {
		out, errOut, code := runIn(t, dir, args...)
		if code != exitFindings || !strings.Contains(out+errOut, "APIGW005") || strings.Contains(out+errOut, "APIGW501") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
}
