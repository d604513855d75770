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

// TestFmtWriteThroughLinks: -w formats the file a link points to, keeps
// the link, the mode and the owner, and refuses a special file.
func TestFmtWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	os.WriteFile(real, []byte("openapi:    3.0.1\n"), 0o640)
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Skip(err)
	}
	if _, stderr, code := runAt(t, "fmt", "-w", link); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(real); string(data) != "openapi: 3.0.1\n" {
		t.Errorf("target holds %q", data)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link became a file")
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	out := filepath.Join(dir, "null.yaml")
	os.Symlink("/dev/null", out)
	if _, stderr, code := runAt(t, "gen", "client", "-package", "x", "-o", out, real); code != exitWrite || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("-o a link to /dev/null: exit %d, %s", code, stderr)
	}
	if fi, _ := os.Stat("/dev/null"); fi.Mode().IsRegular() {
		t.Fatal("/dev/null became a regular file")
	}
}
