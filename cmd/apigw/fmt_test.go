package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// TestFmtGolden formats templates and a JSON document and compares with
// golden/fmt-cli; the output formatted again must not change. In
// sam-banners.yaml, comments stay before the line they stood before and
// blank lines between sections and resources are kept.
func TestFmtGolden(t *testing.T) {
	for _, tc := range []struct{ file, to, golden string }{
		{"fixtures/check/template.yaml", "", "fmt-cli/template.yaml"},
		{"fixtures/check/clean.json", "", "fmt-cli/clean.json"},
		{"fixtures/check/clean.json", "yaml", "fmt-cli/clean.yaml"},
		{"fixtures/fmt-cli/sam-banners.yaml", "", "fmt-cli/sam-banners.yaml"},
	} {
		args := []string{"fmt", tc.file}
		if tc.to != "" {
			args = append(args, "--to", tc.to)
		}
		out, stderr, code := runAt(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		golden.Assert(t, tc.golden, []byte(out))
		tmp := filepath.Join(t.TempDir(), filepath.Base(tc.golden))
		os.WriteFile(tmp, []byte(out), 0o644)
		if _, _, code := runAt(t, "fmt", "--check", tmp); code != exitOK {
			t.Errorf("%s: formatted output is not canonical", tc.golden)
		}
	}
}

// TestFmtWrite rewrites files in place, and writes nothing when one file has errors.
func TestFmtWrite(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(good, []byte("openapi: 3.0.1\npaths: {/a: {get: {}}}\n"), 0o644)
	os.WriteFile(bad, []byte("a: 1\na: 2\n"), 0o644)
	if _, _, code := runAt(t, "fmt", "-w", good, bad); code != exitFindings {
		t.Fatalf("duplicate keys: exit %d, want 1", code)
	}
	if data, _ := os.ReadFile(good); !strings.Contains(string(data), "{/a:") {
		t.Fatal("a file was written although another had errors")
	}
	out, _, code := runAt(t, "fmt", "--check", good)
	if code != exitFindings || strings.TrimSpace(out) != good {
		t.Fatalf("--check: exit %d, out %q", code, out)
	}
	if _, _, code := runAt(t, "fmt", "-w", good); code != exitOK {
		t.Fatalf("-w: exit %d", code)
	}
	if _, _, code := runAt(t, "fmt", "--check", good); code != exitOK {
		t.Fatal("-w did not make the file canonical")
	}
	deep := filepath.Join(dir, "deep.json")
	os.WriteFile(deep, []byte(strings.Repeat("[", 2000)+strings.Repeat("]", 2000)), 0o644)
	if _, _, code := runAt(t, "fmt", deep); code != exitLimit {
		t.Errorf("depth limit: exit %d, want 3", code)
	}
	if _, _, code := runAt(t, "fmt", good, good); code != exitUsage {
		t.Errorf("two files to stdout: exit %d, want 2", code)
	}
}
