package readme_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// root is the repository's folder, found before TestMain changes folders.
var root, _ = filepath.Abs(filepath.Join("..", ".."))

// TestMain runs the tests and the example in a temporary folder holding
// api.yaml, a copy of fixtures/petstore.yaml, as README's example expects.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "apigw-readme")
	if err != nil {
		panic(err)
	}
	api, err := os.ReadFile(filepath.Join(root, "fixtures", "petstore.yaml"))
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "api.yaml"), api, 0o644); err != nil {
		panic(err)
	}
	if err := os.Chdir(dir); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// block returns the text of the first fenced block of the given language
// after the line heading in README.md.
func block(t *testing.T, heading, lang string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut("\n"+string(data), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no heading %q", heading)
	}
	_, after, ok = strings.Cut(after, "\n```"+lang+"\n")
	if !ok {
		t.Fatalf("README.md has no %s block after %q", lang, heading)
	}
	text, _, _ := strings.Cut(after, "\n```\n")
	return text + "\n"
}

// TestLibraryExample keeps README's library example the body of Example,
// which go test runs.
func TestLibraryExample(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(root, "internal", "readme", "example_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example_test.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var body string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "Example" {
			text := string(src[fset.Position(fn.Body.Lbrace).Offset+2 : fset.Position(fn.Body.Rbrace).Offset])
			text, _, _ = strings.Cut(text, "\t// Output:")
			var b strings.Builder
			for _, line := range strings.SplitAfter(text, "\n") {
				b.WriteString(strings.TrimPrefix(line, "\t"))
			}
			body = b.String()
		}
	}
	if want := block(t, "## Using the packages from Go", "go"); body != want {
		t.Errorf("README.md's library example is not the body of Example in internal/readme/example_test.go:\n--- README\n%s\n--- Example\n%s", want, body)
	}
}

// TestQuickStart runs the commands of README's quick start from the
// repository's folder (go test ./... is what runs this test).
func TestQuickStart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds apigw")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	text := block(t, "# apigw", "sh")
	ran := 0
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		cmd, _, _ := strings.Cut(line, "#")
		args := strings.Fields(cmd)
		switch {
		case len(args) == 2 && args[0] == "go" && args[1] == "test" || strings.Join(args, " ") == "go test ./...":
			continue
		case len(args) > 2 && args[0] == "go" && args[1] == "run":
			c := exec.Command(gobin, args[1:]...)
			c.Dir = root
			var out bytes.Buffer
			c.Stdout, c.Stderr = &out, &out
			if err := c.Run(); err != nil {
				t.Errorf("%s: %v\n%s", cmd, err, out.String())
			}
			ran++
		default:
			t.Errorf("README's quick start has a command this test does not know: %q", line)
		}
	}
	if ran == 0 {
		t.Error("README's quick start runs no apigw command")
	}
}

// TestEditorSettings keeps README's editor settings pointing at the
// published schemas: the yaml-language-server line and the VS Code settings
// name the $id of golden/schema/document.json (which TestGoldenSchemas in
// codegen/schema keeps equal to what gen schema writes by default), and that
// $id is the file's place in this repository on GitHub.
func TestEditorSettings(t *testing.T) {
	ids := map[string]string{}
	for _, name := range []string{"document.json", "extensions.json"} {
		data, err := os.ReadFile(filepath.Join(root, "golden", "schema", name))
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		if want := "https://raw.githubusercontent.com/apigw/apigw/main/golden/schema/" + name; s.ID != want {
			t.Errorf("golden/schema/%s: $id %q, want %q, where GitHub serves the file", name, s.ID, want)
		}
		ids[name] = s.ID
	}
	doc := ids["document.json"]
	if got := block(t, "**VS Code, Neovim, Helix (YAML language server)**: put this on the first line of `openapi.yaml`", "yaml"); got != "# yaml-language-server: $schema="+doc+"\n" {
		t.Errorf("README's yaml-language-server line is %q, want it to name %s", got, doc)
	}
	var settings struct {
		YAML map[string][]string `json:"yaml.schemas"`
		JSON []struct {
			FileMatch []string `json:"fileMatch"`
			URL       string   `json:"url"`
		} `json:"json.schemas"`
	}
	text := block(t, "or map files in `.vscode/settings.json` (`yaml.schemas` for the YAML extension, `json.schemas`", "json")
	if err := json.Unmarshal([]byte(text), &settings); err != nil {
		t.Fatalf("README's VS Code settings are not JSON: %v\n%s", err, text)
	}
	if len(settings.YAML[doc]) == 0 || len(settings.JSON) == 0 || settings.JSON[0].URL != doc || len(settings.JSON[0].FileMatch) == 0 {
		t.Errorf("README's VS Code settings do not map files to %s:\n%s", doc, text)
	}
}
