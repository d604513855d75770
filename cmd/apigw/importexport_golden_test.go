package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// cliCase runs one command line; "{tmp}" in args is a fresh folder, "{dump}"
// the REST dump that import writes from fixtures/import/rest-swagger.yaml and
// "{httpdump}" the HTTP API one.
type cliCase struct {
	golden string
	args   []string
	code   int
}

const fx = "../../fixtures/import/"

var cliCases = []cliCase{
	{"import/rest-swagger", []string{"import", fx + "rest-swagger.yaml", "--basepath", "prepend"}, exitOK},
	{"import/rest-swagger-split-yaml", []string{"import", fx + "rest-swagger.yaml", "--basepath", "split", "--format", "yaml"}, exitOK},
	{"import/http-api", []string{"import", fx + "http-api.yaml"}, exitOK},
	{"import/oas30", []string{"import", fx + "oas30.yaml", "--endpoint-type", "REGIONAL"}, exitOK},
	{"import/bad-basepath", []string{"import", fx + "oas30.yaml", "--basepath", "nope"}, exitUsage},
	{"import/bad-integration", []string{"import", "../../fixtures/import/bad-integration.json"}, exitFindings},
	{"import/put-merge", []string{"import", fx + "oas30.yaml", "--api", "rest", "--existing", "{dump}", "--mode", "merge"}, exitOK},
	{"import/put-overwrite", []string{"import", fx + "oas30.yaml", "--api", "rest", "--existing", "{dump}", "--mode", "overwrite"}, exitOK},
	{"import/put-http-into-rest", []string{"import", fx + "oas30.yaml", "--existing", "{dump}"}, exitFindings},
	{"import/bad-mode", []string{"import", fx + "oas30.yaml", "--mode", "replace", "--existing", "{dump}"}, exitUsage},
	{"import/mode-without-existing", []string{"import", fx + "oas30.yaml", "--mode", "merge"}, exitUsage},
	{"export/rest-oas30-all", []string{"export", "{dump}", "--extensions", "apigateway", "--stage", "prod"}, exitOK},
	{"export/rest-oas30-plain", []string{"export", "{dump}"}, exitOK},
	{"export/rest-swagger-yaml", []string{"export", "{dump}", "--to", "swagger", "--extensions", "integrations,authorizers", "--format", "yaml"}, exitOK},
	{"export/http-api", []string{"export", "{httpdump}", "--extensions", "apigateway", "--format", "yaml"}, exitOK},
	{"export/bad-extension", []string{"export", "{dump}", "--extensions", "everything"}, exitUsage},
	{"convert/oas30-to-swagger", []string{"convert", fx + "oas30.yaml", "--to", "swagger"}, exitOK},
	{"convert/oas30-to-oas31", []string{"convert", fx + "oas30.yaml", "--to", "oas31"}, exitOK},
	{"convert/swagger-to-oas30", []string{"convert", fx + "rest-swagger.yaml", "--to", "oas30"}, exitOK},
	{"convert/swagger-to-oas30-json", []string{"convert", fx + "rest-swagger.yaml", "--to", "oas30", "--format", "json"}, exitOK},
	{"convert/bad-target", []string{"convert", fx + "oas30.yaml", "--to", "raml"}, exitUsage},
	{"config-cli/cloudformation-from-document", []string{"config", fx + "rest-swagger.yaml", "--target", "cloudformation"}, exitOK},
	{"config-cli/terraform-from-dump", []string{"config", "{dump}", "--target", "terraform", "-o", "{tmp}/out"}, exitOK},
	{"config-cli/calls-http-api", []string{"config", fx + "http-api.yaml", "--target", "calls", "-o", "{tmp}/out"}, exitOK},
	{"config-cli/pulumi-from-dump", []string{"config", "{httpdump}", "--target", "pulumi"}, exitOK},
	{"config-cli/bad-target", []string{"config", fx + "oas30.yaml", "--target", "ansible"}, exitUsage},
	{"import/sam-properties", []string{"import", fx + "sam-properties.yaml"}, exitOK},
	{"config-cli/cloudformation-sam-yaml", []string{"config", fx + "sam-properties.yaml", "--target", "cloudformation", "--format", "yaml"}, exitOK},
	{"config-cli/terraform-sam-stage", []string{"config", fx + "sam-properties.yaml", "--target", "terraform", "--stage", "prod"}, exitOK},
	{"config-cli/pulumi-sam", []string{"config", fx + "sam-properties.yaml", "--target", "pulumi"}, exitOK},
	{"config-cli/terraform-refuses-if", []string{"config", "../../fixtures/config/sam-intrinsics.yaml", "--target", "terraform"}, exitFindings},
	{"config-cli/bad-format", []string{"config", fx + "oas30.yaml", "--target", "cloudformation", "--format", "hcl"}, exitUsage},
	{"import/resources-rest", []string{"import", fx + "resources-rest.yaml"}, exitOK},
	{"export/resources-rest", []string{"export", fx + "resources-rest.yaml", "--extensions", "apigateway", "--format", "yaml"}, exitOK},
	{"import/resources-sam-http", []string{"import", fx + "resources-sam.yaml", "--resource", "ServerlessHttpApi"}, exitOK},
	{"config-cli/cloudformation-resources-sam", []string{"config", fx + "resources-sam.yaml", "--resource", "AdminApi", "--target", "cloudformation"}, exitOK},
}

// runCLI runs args and returns the exit code, stdout and stderr.
func runCLI(args []string) (int, []byte, []byte) {
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return code, out.Bytes(), errb.Bytes()
}

func TestImportExportCommandsGolden(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "") // the goldens hold the default createdDate
	tmp := t.TempDir()
	dumps := map[string]string{"{dump}": fx + "rest-swagger.yaml", "{httpdump}": fx + "http-api.yaml"}
	for _, k := range []string{"{dump}", "{httpdump}"} {
		path := filepath.Join(tmp, strings.Trim(k, "{}")+".json")
		if code, _, stderr := runCLI([]string{"import", dumps[k], "-o", path}); code != exitOK {
			t.Fatalf("import %s: exit %d: %s", dumps[k], code, stderr)
		}
		dumps[k] = path
	}
	for _, c := range cliCases {
		t.Run(c.golden, func(t *testing.T) {
			dir := t.TempDir()
			args := slices.Clone(c.args)
			for i, a := range args {
				a = strings.ReplaceAll(a, "{tmp}", dir)
				for k, v := range dumps {
					a = strings.ReplaceAll(a, k, v)
				}
				args[i] = a
			}
			code, stdout, stderr := runCLI(args)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			stderr = bytes.ReplaceAll(stderr, []byte(dir), []byte("{tmp}"))
			stderr = bytes.ReplaceAll(stderr, []byte(tmp), []byte("{dumps}"))
			golden.Assert(t, c.golden+"/exit", []byte(strconv.Itoa(code)+"\n"))
			golden.Assert(t, c.golden+"/stdout", stdout)
			golden.Assert(t, c.golden+"/stderr", stderr)
			out := filepath.Join(dir, "out")
			files, _ := filepath.Glob(filepath.Join(out, "*"))
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, c.golden+"/files/"+filepath.Base(f), data)
			}
		})
	}
}

// TestImportOutputIsStable imports the same document twice: same bytes.
func TestImportOutputIsStable(t *testing.T) {
	_, a, _ := runCLI([]string{"import", fx + "rest-swagger.yaml"})
	_, b, _ := runCLI([]string{"import", fx + "rest-swagger.yaml"})
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatal("import output differs between runs")
	}
}

// TestConfigWritesNothingOnError checks the all-or-nothing rule: a document
// with errors leaves the output folder empty.
func TestConfigWritesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	code, _, _ := runCLI([]string{"config", "../../fixtures/import/bad-integration.json", "--target", "calls", "-o", filepath.Join(dir, "out")})
	if code != exitFindings {
		t.Fatalf("exit %d, want %d", code, exitFindings)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "out")); len(entries) > 0 {
		t.Fatalf("files written despite errors: %v", entries)
	}
}

// TestExportWriteFailure exits 4 when the output cannot be written.
func TestExportWriteFailure(t *testing.T) {
	code, _, _ := runCLI([]string{"import", fx + "oas30.yaml", "-o", filepath.Join(blocker(t, t.TempDir()), "x.json")})
	if code != exitWrite {
		t.Fatalf("exit %d, want %d", code, exitWrite)
	}
}

// TestImportCreatedDate: createdDate is fixed unless SOURCE_DATE_EPOCH gives a time.
func TestImportCreatedDate(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	_, out, _ := runCLI([]string{"import", fx + "rest-swagger.yaml"})
	if !bytes.Contains(out, []byte(`"createdDate": "1970-01-01T00:00:00+00:00"`)) {
		t.Errorf("default createdDate missing:\n%s", out[:min(len(out), 300)])
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1714557600")
	_, out, _ = runCLI([]string{"import", fx + "rest-swagger.yaml"})
	if !bytes.Contains(out, []byte(`"createdDate": "2024-05-01T10:00:00+00:00"`)) {
		t.Errorf("SOURCE_DATE_EPOCH not used:\n%s", out[:min(len(out), 300)])
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if code, _, stderr := runCLI([]string{"import", fx + "rest-swagger.yaml"}); code != exitUsage {
		t.Errorf("exit %d for a bad SOURCE_DATE_EPOCH: %s", code, stderr)
	}
}
