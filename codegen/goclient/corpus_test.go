package goclient_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/codegen/goclient"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
)

// sharedFiles lists files under <repo>/../shared/<dir>, skipping when absent.
func sharedFiles(t *testing.T, dir string, exts ...string) []string {
	t.Helper()
	root := filepath.Join(golden.Root(t), "..", "shared", dir)
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Skipf("no shared data: %v", err)
	}
	var out []string
	for _, e := range entries {
		for _, x := range exts {
			if strings.HasSuffix(e.Name(), x) {
				out = append(out, filepath.Join(root, e.Name()))
				break
			}
		}
	}
	return out
}

// generated is one client generated from a shared document.
type generated struct {
	name string
	code []byte
}

// generateAll generates a client for every API definition in files. A
// document the loader rejects is skipped (it is not an API we could serve);
// every loaded one must generate, twice the same.
func generateAll(t *testing.T, files []string) []generated {
	var out []generated
	for _, f := range files {
		docs, diags, err := openapi.LoadFile(f, openapi.LoadOptions{})
		if err != nil {
			t.Logf("%s: refused by the loader: %v", filepath.Base(f), err)
			continue
		}
		if s, ok := diag.MaxSeverity(diags); ok && s == diag.Error && len(docs) == 0 {
			t.Logf("%s: not an API definition", filepath.Base(f))
			continue
		}
		for i, d := range docs {
			pkg := fmt.Sprintf("c%d", len(out))
			code, err := goclient.Generate(d, goclient.Options{Package: pkg, Version: "test", Source: f})
			if err != nil {
				t.Errorf("%s (API %d): %v", filepath.Base(f), i, err)
				continue
			}
			again, _ := goclient.Generate(d, goclient.Options{Package: pkg, Version: "test", Source: f})
			if !bytes.Equal(code, again) {
				t.Errorf("%s: two generations differ", filepath.Base(f))
			}
			out = append(out, generated{name: pkg, code: code})
		}
	}
	return out
}

// vetAll writes the clients into a temporary module and runs go vet on it.
func vetAll(t *testing.T, gens []generated) {
	if testing.Short() {
		t.Skip("go vet of generated clients skipped in -short mode")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module vetted\n\ngo 1.24\n"), 0o644)
	for _, g := range gens {
		os.MkdirAll(filepath.Join(dir, g.name), 0o755)
		os.WriteFile(filepath.Join(dir, g.name, "client_gen.go"), g.code, 0o644)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet: %v\n%s", err, out)
	}
}

// TestCorpus generates a client for every document of the shared corpus:
// each type-checks (Generate checks it) and passes go vet.
func TestCorpus(t *testing.T) {
	files := sharedFiles(t, "corpus/specs", ".json", ".yaml", ".yml")
	gens := generateAll(t, files)
	t.Logf("%d clients from %d files", len(gens), len(files))
	vetAll(t, gens)
}

// TestBenchSpecs generates clients for the large real documents in
// ../shared/bench (GitHub, Stripe, Kubernetes, petstore).
func TestBenchSpecs(t *testing.T) {
	files := sharedFiles(t, "bench", ".json", ".yaml")
	gens := generateAll(t, files)
	for _, g := range gens {
		t.Logf("%s: %d bytes", g.name, len(g.code))
	}
	vetAll(t, gens)
}
