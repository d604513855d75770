// Package golden compares test output with files under golden/, byte for byte.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under golden/ with the current output")

// Updating reports whether the test run was started with -update.
func Updating() bool { return *update }

// Root returns the repository root: the nearest folder above the working
// directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("golden: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Path returns the absolute path of name below the repository's golden/ folder.
func Path(t testing.TB, name string) string {
	return filepath.Join(Root(t), "golden", filepath.FromSlash(name))
}

// Fixture returns the absolute path of name below the repository's fixtures/ folder.
func Fixture(t testing.TB, name string) string {
	return filepath.Join(Root(t), "fixtures", filepath.FromSlash(name))
}

// Assert compares got with golden/name byte for byte. With -update it writes
// got there instead; read the diff (git diff golden/) before committing.
func Assert(t testing.TB, name string, got []byte) {
	t.Helper()
	path := Path(t, name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (run the test with -update to create it)", name, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from golden/%s (run with -update, then read git diff):\n%s", name, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line of want and got.
func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + string(w) + "\n  got:  " + string(g)
		}
	}
	return "(same lines, different bytes)"
}
