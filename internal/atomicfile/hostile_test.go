package atomicfile

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteThroughSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "api.yaml")
	os.MkdirAll(filepath.Dir(real), 0o755)
	os.WriteFile(real, []byte("old"), 0o644)
	links := filepath.Join(dir, "links")
	os.MkdirAll(links, 0o755)
	link := filepath.Join(links, "api.yaml")
	if err := os.Symlink("../real/api.yaml", link); err != nil {
		t.Fatal(err)
	}
	chain := filepath.Join(links, "chain.yaml")
	os.Symlink("api.yaml", chain)
	if err := Write(chain, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := read(t, real); got != "new" {
		t.Errorf("target holds %q", got)
	}
	for _, l := range []string{link, chain} {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v %v", l, fi.Mode(), err)
		}
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o644 {
		t.Errorf("target mode %v, want its own 0644", fi.Mode().Perm())
	}
	assertOnly(t, filepath.Dir(real), "api.yaml")
	assertOnly(t, links, "api.yaml", "chain.yaml")

	// A link to a file that does not exist yet creates that file.
	dangling := filepath.Join(links, "new.yaml")
	os.Symlink("../real/new.yaml", dangling)
	if err := Write(dangling, []byte("created"), 0o640); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "real", "new.yaml")); got != "created" {
		t.Errorf("new target holds %q", got)
	}
	if fi, err := os.Lstat(dangling); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the dangling link was replaced")
	}
	// A loop of links is an error, and nothing is written.
	a, b := filepath.Join(links, "a"), filepath.Join(links, "b")
	os.Symlink("b", a)
	os.Symlink("a", b)
	if err := Write(a, []byte("x"), 0o644); err == nil {
		t.Error("a loop of links was written")
	}
}

func TestWriteRefusesSpecialFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no special files")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	ok := filepath.Join(dir, "ok.json")
	os.WriteFile(ok, []byte("old"), 0o644)
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	linkToDevice := filepath.Join(dir, "null-link")
	os.Symlink("/dev/null", linkToDevice)
	for _, target := range []string{fifo, folder, "/dev/null", "/dev/full", linkToDevice} {
		before, err := os.Lstat(target)
		if err != nil {
			continue
		}
		err = WriteAll([]File{{Path: ok, Data: []byte("new"), Perm: 0o644}, {Path: target, Data: []byte("x"), Perm: 0o644}})
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: error %v, want a refusal", target, err)
		}
		after, _ := os.Lstat(target)
		if after.Mode() != before.Mode() {
			t.Errorf("%s changed from %v to %v", target, before.Mode(), after.Mode())
		}
		if got := read(t, ok); got != "old" {
			t.Errorf("%s: the other file was written (all or nothing)", target)
		}
	}
	assertOnly(t, dir, "folder", "null-link", "ok.json", "pipe")
}

func TestWriteKeepsModeAndOwner(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "tool.sh")
	os.WriteFile(p, []byte("old"), 0o644)
	mode := os.FileMode(0o750) | os.ModeSetgid
	if os.Geteuid() == 0 {
		mode |= os.ModeSetuid
		if err := os.Chown(p, 65534, 65534); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(p)
	if err := Write(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(p)
	if after.Mode() != before.Mode() {
		t.Errorf("mode %v, want %v", after.Mode(), before.Mode())
	}
	_, uid, gid, _ := owner(after)
	_, wuid, wgid, _ := owner(before)
	if uid != wuid || gid != wgid {
		t.Errorf("owner %d:%d, want %d:%d", uid, gid, wuid, wgid)
	}
	if read(t, p) != "new" {
		t.Error("not written")
	}
}

func TestWriteRefusesHardLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no link counts")
	}
	dir := t.TempDir()
	p, q := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	os.WriteFile(p, []byte("old"), 0o644)
	if err := os.Link(p, q); err != nil {
		t.Skip(err)
	}
	err := Write(p, []byte("new"), 0o644)
	if err == nil || !strings.Contains(err.Error(), "2 hard links") {
		t.Fatalf("error %v, want a refusal naming the links", err)
	}
	if read(t, p) != "old" || read(t, q) != "old" {
		t.Error("a linked file changed")
	}
	assertOnly(t, dir, "a.yaml", "b.yaml")
}

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	if alive(pid) {
		t.Skip("the id was reused at once")
	}
	return pid
}

func TestWriteRemovesStaleTemporaryFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("process ids are not checked here")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "api.yaml")
	os.WriteFile(p, []byte("old"), 0o644)
	dead := ".api.yaml" + tempInfix + strconv.Itoa(deadPID(t)) + "-abc" + tempSuffix
	live := ".api.yaml" + tempInfix + strconv.Itoa(os.Getppid()) + "-def" + tempSuffix
	old := ".api.yaml" + tempInfix + strconv.Itoa(os.Getppid()) + "-ghi" + tempSuffix
	other := ".other.yaml" + tempInfix + strconv.Itoa(deadPID(t)) + "-abc" + tempSuffix
	unrelated := ".api.yaml.tmp-123"
	for _, n := range []string{dead, live, old, other, unrelated} {
		os.WriteFile(filepath.Join(dir, n), []byte("partial"), 0o600)
	}
	long := time.Now().Add(-2 * staleAge)
	os.Chtimes(filepath.Join(dir, old), long, long)
	if err := Write(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The dead process's file and the old one go; a running process's file,
	// another target's and a name not of this form stay.
	assertOnly(t, dir, live, unrelated, other, "api.yaml")
}

func TestTempNamesAreRecognised(t *testing.T) {
	n := tempName("api.yaml")
	if !strings.HasPrefix(n, ".api.yaml"+tempInfix+strconv.Itoa(os.Getpid())+"-") || !strings.HasSuffix(n, tempSuffix) {
		t.Errorf("temporary name %q", n)
	}
}

// TestWriteAllRemovesStaleFilesOfEachTarget: the stale files of every
// target are removed, each folder read once (a folder of thousands of
// outputs is not read once per file).
func TestWriteAllRemovesStaleFilesOfEachTarget(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("process ids are not checked here")
	}
	dir := t.TempDir()
	pid := strconv.Itoa(deadPID(t))
	var files []File
	var want []string
	for i := range 2000 {
		name := "op" + strconv.Itoa(i) + ".json"
		files = append(files, File{Path: filepath.Join(dir, name), Data: []byte("{}"), Perm: 0o644})
		want = append(want, name)
		if i%500 == 0 {
			os.WriteFile(filepath.Join(dir, "."+name+tempInfix+pid+"-x"+tempSuffix), nil, 0o600)
		}
	}
	start := time.Now()
	if err := WriteAll(files); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("2,000 files took %s", d)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("%d entries, want %d: stale files left", len(entries), len(want))
	}
}
