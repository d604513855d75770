package goclient

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGoCommandIsConfined: the go command that locates the standard library
// runs in a folder of its own, where no go.mod can ask for a newer
// toolchain, with downloads off, whatever the caller's environment says.
func TestGoCommandIsConfined(t *testing.T) {
	t.Setenv("GOTOOLCHAIN", "auto")
	t.Setenv("GOPROXY", "https://proxy.golang.org")
	t.Setenv("GOFLAGS", "-mod=vendor")
	wd, _ := os.Getwd()
	cmd, cleanup, err := goCommand("env", "GOTOOLCHAIN", "GOPROXY", "GOFLAGS")
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if cmd.Dir == "" || cmd.Dir == wd {
		t.Errorf("runs in %q, the caller's folder", cmd.Dir)
	}
	for _, want := range []string{"GOTOOLCHAIN=local", "GOPROXY=off", "GOWORK=off", "GOENV=off"} {
		if !slices.Contains(cmd.Env, want) {
			t.Errorf("environment lacks %s", want)
		}
	}
	for _, bad := range []string{"GOTOOLCHAIN=auto", "GOFLAGS=-mod=vendor", "GOPROXY=https://proxy.golang.org"} {
		if slices.Contains(cmd.Env, bad) {
			t.Errorf("environment keeps %s", bad)
		}
	}
	if _, err := os.Stat(cmd.Dir); err != nil {
		t.Fatal(err)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go command unavailable: %v", err)
	}
	if string(out) != "local\noff\n\n" {
		t.Errorf("go env says %q", out)
	}
}

// TestStdExportsCache: the listing of the standard library's export data
// is read from the cache when it was written for the same go command and
// every file it names is still there; otherwise go list runs again and the
// cache is rewritten.
func TestStdExportsCache(t *testing.T) {
	dir := t.TempDir()
	var listing strings.Builder
	for _, p := range stdPackages {
		f := filepath.Join(dir, strings.ReplaceAll(p, "/", "_")+".a")
		if err := os.WriteFile(f, []byte("export data"), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&listing, "%s=%s\n", p, f)
	}
	lists := 0
	list := func() ([]byte, error) { lists++; return []byte(listing.String()), nil }
	cache := filepath.Join(dir, "cache", "apigw", "std")
	want := parseExports(listing.String())
	step := func(what, key string, wantLists int) {
		t.Helper()
		got, err := stdExports(cache, key, list)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: %v, want %v", what, got, want)
		}
		if lists != wantLists {
			t.Errorf("%s: go list ran %d times in all, want %d", what, lists, wantLists)
		}
	}
	step("no cache yet", "key 1", 1)
	step("cached", "key 1", 1)
	step("another go command", "key 2", 2)
	step("cached for it", "key 2", 2)
	os.Remove(want["net/http"])
	if err := os.WriteFile(want["net/http"]+".new", []byte("export data"), 0o644); err != nil {
		t.Fatal(err)
	}
	listing.Reset()
	for _, p := range stdPackages {
		f := want[p]
		if p == "net/http" {
			f += ".new"
		}
		fmt.Fprintf(&listing, "%s=%s\n", p, f)
	}
	want = parseExports(listing.String())
	step("a file gone from the build cache", "key 2", 3)
	step("cached again", "key 2", 3)
	if err := os.WriteFile(cache, []byte("key 2\ngarbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	step("a damaged cache file", "key 2", 4)
	step("no key: no cache", "", 5)
	if _, err := stdExports(cache, "key 3", func() ([]byte, error) { return nil, errors.New("no go") }); err == nil {
		t.Error("a failed listing gave no error")
	}
}

// TestGoKey: the key names the go command and the environment it reads.
func TestGoKey(t *testing.T) {
	k1 := goKey()
	if k1 == "" {
		t.Skip("no go command")
	}
	if k := goKey(); k != k1 {
		t.Errorf("the same go command gave %q then %q", k1, k)
	}
	t.Setenv("GOARCH", "arm64")
	if k := goKey(); k == k1 {
		t.Error("another GOARCH gave the same key")
	}
}
