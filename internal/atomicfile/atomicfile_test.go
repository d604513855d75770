package atomicfile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestWriteCreatesAndReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.yaml")
	if err := Write(path, []byte("one"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("two"), 0o640); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "two" {
		t.Fatalf("content %q, %v", got, err)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
			t.Errorf("mode %v, want 0640", fi.Mode().Perm())
		}
	}
	assertOnly(t, dir, "out.yaml")
}

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	files := []File{
		{Path: filepath.Join(dir, "a.json"), Data: []byte("a"), Perm: 0o644},
		{Path: filepath.Join(sub, "b.json"), Data: []byte("b"), Perm: 0o644},
	}
	if err := WriteAll(files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if got, _ := os.ReadFile(f.Path); string(got) != string(f.Data) {
			t.Errorf("%s: %q", f.Path, got)
		}
	}
	assertOnly(t, dir, "a.json", "sub")
	assertOnly(t, sub, "b.json")
}

func TestWriteAllLeavesNothingPartial(t *testing.T) {
	tests := []struct {
		name string
		// blocked makes a folder under dir whose files cannot be created.
		blocked func(t *testing.T, dir string) string
	}{
		{"read-only folder", func(t *testing.T, dir string) string {
			if runtime.GOOS == "windows" || os.Geteuid() == 0 {
				t.Skip("needs a folder the test cannot write to (not root, not Windows)")
			}
			d := filepath.Join(dir, "locked")
			if err := os.Mkdir(d, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(d, 0o755) })
			return d
		}},
		{"folder is a file", func(t *testing.T, dir string) string {
			d := filepath.Join(dir, "file")
			if err := os.WriteFile(d, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			return d
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ok := filepath.Join(dir, "ok")
			if err := os.Mkdir(ok, 0o755); err != nil {
				t.Fatal(err)
			}
			existing := filepath.Join(ok, "a.json")
			if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			blocked := tt.blocked(t, dir)
			err := WriteAll([]File{
				{Path: existing, Data: []byte("new"), Perm: 0o644},
				{Path: filepath.Join(ok, "c.json"), Data: []byte("c"), Perm: 0o644},
				{Path: filepath.Join(blocked, "b.json"), Data: []byte("b"), Perm: 0o644},
			})
			if err == nil || !strings.Contains(err.Error(), "b.json") {
				t.Fatalf("error %v, want one naming b.json", err)
			}
			if got, _ := os.ReadFile(existing); string(got) != "old" {
				t.Errorf("existing file became %q", got)
			}
			assertOnly(t, ok, "a.json")
		})
	}
}

func TestWriteFailsWhenTheFolderCannotBeMade(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "file"), []byte("f"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "file", "x"), []byte("x"), 0o644); err == nil {
		t.Error("no error when a file stands where the folder should be")
	}
	assertOnly(t, dir, "file")
}

func TestWriteAllRenameFailureRemovesTemps(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "taken")
	// A non-empty folder at the target makes the rename fail after the
	// temporary file was written.
	if err := os.MkdirAll(filepath.Join(target, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(target, []byte("x"), 0o644); err == nil {
		t.Fatal("no error when a folder holds the target name")
	}
	assertOnly(t, dir, "taken")
}

// assertOnly checks that dir holds exactly the named entries: no temporary
// file is left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func TestWriteMakesMissingFolders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "out.go")
	if err := Write(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != "x" {
		t.Fatalf("read back %q, %v", got, err)
	}
}

func TestWriteAllLeavesUnchangedFilesAlone(t *testing.T) {
	dir := t.TempDir()
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	files := []File{
		{Path: filepath.Join(dir, "same.json"), Data: []byte(`{"a": 1}`), Perm: 0o644},
		{Path: filepath.Join(dir, "samesize.json"), Data: []byte(`{"b": 2}`), Perm: 0o644},
		{Path: filepath.Join(dir, "longer.json"), Data: []byte(`{"c": 33}`), Perm: 0o644},
		{Path: filepath.Join(dir, "new.json"), Data: []byte(`{}`), Perm: 0o644},
	}
	before := map[string]os.FileInfo{}
	for _, f := range files[:3] {
		content := []byte(`{"a": 1}`) // the same as the first file's new content
		if err := os.WriteFile(f.Path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(f.Path, old, old); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		before[f.Path] = fi
	}
	if err := WriteAll(files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(f.Path)
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s holds %q (%v), want %q", f.Path, got, err, f.Data)
		}
		fi, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		prev, existed := before[f.Path]
		unchanged := existed && os.SameFile(prev, fi) && fi.ModTime().Equal(old)
		if want := f.Path == files[0].Path; unchanged != want {
			t.Errorf("%s left as it was: %v, want %v", f.Path, unchanged, want)
		}
	}
	assertOnly(t, dir, "longer.json", "new.json", "same.json", "samesize.json")
}
