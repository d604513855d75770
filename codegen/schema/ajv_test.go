package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/openapi"
)

// ajvScript compiles each case's schema with ajv's Ajv2020 class in its
// default options (strict mode on; the logger only collects what strict mode
// logs) and validates the case's samples; it prints one result per case.
const ajvScript = `
const fs = require("fs");
const Ajv2020 = require(process.argv[2] + "/node_modules/ajv/dist/2020").default;
const cases = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const out = [];
for (const c of cases) {
  const logged = [];
  const note = (...a) => logged.push(a.map(String).join(" "));
  const ajv = new Ajv2020({logger: {log() {}, warn: note, error: note}});
  if (c.vocabulary) ajv.addVocabulary(c.vocabulary);
  let validate;
  try {
    validate = ajv.compile(c.schema);
  } catch (e) {
    out.push({name: c.name, error: e.message, logged});
    continue;
  }
  const results = (c.samples || []).map(s => {
    const valid = validate(s.data);
    return {name: s.name, valid, errors: valid ? "" : ajv.errorsText(validate.errors)};
  });
  out.push({name: c.name, logged, results});
}
process.stdout.write(JSON.stringify(out));
`

// ajvCase is one schema for the script, with responses it must accept or refuse.
type ajvCase struct {
	Name       string          `json:"name"`
	Schema     json.RawMessage `json:"schema"`
	Vocabulary []string        `json:"vocabulary,omitempty"`
	Samples    []ajvSample     `json:"samples,omitempty"`
}

type ajvSample struct {
	Name  string          `json:"name"`
	Data  json.RawMessage `json:"data"`
	Valid bool            `json:"-"`
}

type ajvResult struct {
	Name    string   `json:"name"`
	Error   string   `json:"error"`
	Logged  []string `json:"logged"`
	Results []struct {
		Name   string `json:"name"`
		Valid  bool   `json:"valid"`
		Errors string `json:"errors"`
	} `json:"results"`
}

// installAjv installs ajv 8 from the npm registry into a temporary folder
// and returns the folder and node's path; it skips the test when node, npm
// or the registry is unavailable.
func installAjv(t *testing.T) (dir, node string) {
	t.Helper()
	if testing.Short() {
		t.Skip("installs ajv from the npm registry")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("no npm")
	}
	dir = t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, npm, "install", "--prefix", dir, "--no-audit", "--no-fund", "--no-save", "--no-package-lock", "--loglevel=error", "ajv@8")
	c.Env = append(os.Environ(), "npm_config_cache="+filepath.Join(dir, ".npm-cache"), "npm_config_update_notifier=false")
	if out, err := c.CombinedOutput(); err != nil {
		t.Skipf("ajv could not be installed from the npm registry: %v\n%s", err, out)
	}
	return dir, node
}

// TestSchemasInAjv compiles the generated schemas with ajv, the validator
// JavaScript contract tests use, in its default strict mode: every per-API
// schema of the fixtures and of the corpus compiles as it is, without
// anything logged, and the fixtures' samples (header names in any case,
// media types with parameters) get the same verdicts as in Go. The
// extensions and document schemas compile once the one editor keyword they
// use, patternErrorMessage, is declared as a vocabulary.
func TestSchemasInAjv(t *testing.T) {
	dir, node := installAjv(t)
	var cases []ajvCase
	add := func(name string, data []byte, samples []sample, vocabulary []string) {
		c := ajvCase{Name: name, Schema: data, Vocabulary: vocabulary}
		for _, s := range samples {
			c.Samples = append(c.Samples, ajvSample{Name: s.name, Data: json.RawMessage(s.json), Valid: s.branch >= 0})
		}
		cases = append(cases, c)
	}
	for _, sc := range apiSamples(t) {
		for _, f := range mustFiles(t, sc.fixture) {
			if f.Name == sc.file {
				add(sc.fixture+"/"+f.Name, f.Data, sc.samples, nil)
			}
		}
	}
	for _, name := range apiCases {
		for _, f := range mustFiles(t, name) {
			if f.Name != IndexFile {
				add(name+"/"+f.Name+" (compiled)", f.Data, nil, nil)
			}
		}
	}
	editor := []string{"patternErrorMessage"}
	add("extensions.json", gen(t, Extensions(Options{})), nil, editor)
	add("document.json", gen(t, Document(Options{})), []sample{
		{"fixtures/petstore.yaml", string(fixtureJSON(t, "petstore.yaml")), 0},
		{"an integration type API Gateway does not know", `{"openapi":"3.0.1","paths":{"/a":{"get":{"x-amazon-apigateway-integration":{"type":"lambda"}}}}}`, -1},
	}, editor)
	corpus := 0
	for _, file := range shared.CorpusFiles(t, "specs") {
		docs, _, err := openapi.LoadFile(file, openapi.LoadOptions{})
		if err != nil {
			continue
		}
		for _, doc := range docs {
			files, _, err := ForAPI(doc, APIOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if f.Name != IndexFile {
					add(filepath.Base(file)+"/"+f.Name, f.Data, nil, nil)
					corpus++
				}
			}
		}
	}
	input, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	casesFile := filepath.Join(dir, "cases.json")
	scriptFile := filepath.Join(dir, "check.js")
	if err := os.WriteFile(casesFile, input, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(scriptFile, []byte(ajvScript), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	c := exec.Command(node, scriptFile, dir, casesFile)
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Run(); err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var results []ajvResult
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		t.Fatalf("ajv's output: %v\n%s", err, stdout.String())
	}
	if len(results) != len(cases) {
		t.Fatalf("%d results for %d schemas", len(results), len(cases))
	}
	documents := 0
	for i, r := range results {
		if r.Error != "" {
			t.Errorf("%s: ajv refuses the schema: %s", r.Name, r.Error)
		}
		// A document's own schema may say "properties" without "type:
		// object", which strict mode logs (strictTypes) without refusing
		// it; what apigw writes itself must not be logged.
		var ours []string
		for _, l := range r.Logged {
			if strings.Contains(l, "#/$defs/") && strings.Contains(l, "(strictTypes)") {
				documents++
				continue
			}
			ours = append(ours, l)
		}
		if len(ours) > 0 {
			t.Errorf("%s: ajv's strict mode logs:\n  %s", r.Name, strings.Join(ours, "\n  "))
		}
		for j, s := range r.Results {
			if want := cases[i].Samples[j].Valid; s.Valid != want {
				t.Errorf("%s: %s: ajv says valid=%v (%s), want %v", r.Name, s.Name, s.Valid, s.Errors, want)
			}
		}
	}
	t.Logf("%d schemas compiled by ajv in strict mode (%d from the corpus); %d strictTypes remarks about documents' own schemas", len(cases), corpus, documents)
}

// mustFiles runs ForAPI on a fixture.
func mustFiles(t testing.TB, fixture string) []File {
	t.Helper()
	files, _ := forFixture(t, fixture, APIOptions{})
	if len(files) == 0 {
		t.Fatalf("%s: no files", fixture)
	}
	return files
}

// fixtureJSON returns a fixture document as JSON.
func fixtureJSON(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(golden.Fixture(t, name))
	if err != nil {
		t.Fatal(err)
	}
	js, err := source.WriteJSON(parseYAML(t, string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return js
}
