package hostile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputTargets: writes go through links to their file, refuse what
// is not a regular file or has several names, and keep mode and owner.
func TestOutputTargets(t *testing.T) {
	dir := t.TempDir()
	doc := write(t, dir, "api.yaml", []byte(mockDoc))
	loose := []byte(strings.Replace(mockDoc, "openapi: 3.0.1", "openapi:     3.0.1", 1))

	if os.Geteuid() == 0 {
		if _, err := os.Stat("/dev/full"); err == nil {
			// As root nothing stops a rename over /dev/full but the check.
			r := expect(t, "output targets", 4, spec{args: []string{"gen", "client", "-package", "x", "-o", "/dev/full", doc}, dir: dir})
			if !bytes.Contains(r.stderr, []byte("not a regular file")) {
				t.Errorf("%s\nno reason given", r)
			}
		}
	}

	// -o through a link: the target is written, the link stays.
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	write(t, dir, "real/client.go", []byte("old"))
	os.Symlink("real/client.go", filepath.Join(dir, "client.go"))
	expect(t, "output targets", 0, spec{args: []string{"gen", "client", "-package", "x", "-o", "client.go", doc}, dir: dir}, filepath.Join("real", "client.go"))
	if fi, err := os.Lstat(filepath.Join(dir, "client.go")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("-o replaced the link")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "real", "client.go")); !bytes.Contains(data, []byte("package x")) {
		t.Error("-o did not write the link's target")
	}

	// fmt -w through a link.
	write(t, dir, "real/api.yaml", loose)
	os.Symlink("real/api.yaml", filepath.Join(dir, "link.yaml"))
	expect(t, "output targets", 0, spec{args: []string{"fmt", "-w", "link.yaml"}, dir: dir}, filepath.Join("real", "api.yaml"))
	if data, _ := os.ReadFile(filepath.Join(dir, "real", "api.yaml")); !bytes.HasPrefix(data, []byte("openapi: 3.0.1\n")) {
		t.Errorf("fmt -w through a link wrote %q", data)
	}

	// A file with two names is refused, both names untouched.
	hard := write(t, dir, "hard.yaml", loose)
	os.Link(hard, filepath.Join(dir, "hard2.yaml"))
	r := expect(t, "output targets", 4, spec{args: []string{"fmt", "-w", "hard.yaml"}, dir: dir})
	if !bytes.Contains(r.stderr, []byte("hard links")) {
		t.Errorf("%s\nno reason given", r)
	}

	// A named pipe as output is refused, and stays a pipe.
	fifo(t, dir, "out.go")
	expect(t, "output targets", 4, spec{args: []string{"gen", "client", "-package", "x", "-o", "out.go", doc}, dir: dir})

	// Mode and owner are kept (the owner only where it can be given away).
	keep := write(t, dir, "keep.yaml", loose)
	mode := os.FileMode(0o750) | os.ModeSetgid
	if os.Geteuid() == 0 {
		os.Chown(keep, 65534, 65534)
		mode |= os.ModeSetuid
	}
	os.Chmod(keep, mode)
	expect(t, "output targets", 0, spec{args: []string{"fmt", "-w", "keep.yaml"}, dir: dir}, "keep.yaml")
	fi, _ := os.Stat(keep)
	st := fi.Sys().(*syscall.Stat_t)
	if fi.Mode() != mode || os.Geteuid() == 0 && (st.Uid != 65534 || st.Gid != 65534) {
		t.Errorf("after fmt -w: mode %v owner %d:%d; want %v, owner kept", fi.Mode(), st.Uid, st.Gid, mode)
	}
}
