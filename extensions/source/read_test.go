package source

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test when fn does not return within d: the readers must
// never wait for a writer.
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still reading after %s", d)
	}
}

func wantLimit(t *testing.T, err error, limit, file string) *LimitError {
	t.Helper()
	var le *LimitError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T), want *LimitError", err, err)
	}
	if le.Limit != limit || le.File != file {
		t.Fatalf("refused by %q naming %q, want %q naming %q: %v", le.Limit, le.File, limit, file, le)
	}
	return le
}

func TestReadFileRegular(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	os.WriteFile(p, []byte("openapi: 3.0.1\n"), 0o644)
	data, err := ReadFile(p, Limits{})
	if err != nil || string(data) != "openapi: 3.0.1\n" {
		t.Fatalf("got %q, %v", data, err)
	}
	if _, err := ReadFile(p, Limits{MaxBytes: 15}); err != nil {
		t.Errorf("a file of exactly the limit is read: %v", err)
	}
	le := wantLimit(t, func() error { _, err := ReadFile(p, Limits{MaxBytes: 14}); return err }(), LimitSize, p)
	if !strings.Contains(le.Message, "limit of 14 bytes") {
		t.Errorf("message %q", le.Message)
	}
}

func TestReadFileMissingAndFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(filepath.Join(dir, "missing.yaml"), Limits{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	var pe *fs.PathError
	if _, err := ReadFile(dir, Limits{}); !errors.As(err, &pe) || !errors.Is(err, syscall.EISDIR) {
		t.Errorf("folder: %v, want a *fs.PathError with EISDIR", err)
	}
}

func TestReadFileRefusesNamedPipe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "p.yaml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	within(t, 2*time.Second, func() {
		_, err := ReadFile(p, Limits{})
		le := wantLimit(t, err, LimitFileType, p)
		if !strings.Contains(le.Message, "named pipe") || le.Code != "APIGW015" {
			t.Errorf("got %v", le)
		}
	})
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	within(t, 2*time.Second, func() {
		_, err := ReadFileIn(root, dir, "p.yaml", Limits{})
		wantLimit(t, err, LimitFileType, p)
	})
}

func TestReadFileRefusesDevices(t *testing.T) {
	for _, dev := range []string{"/dev/zero", "/dev/urandom", "/dev/null"} {
		if _, err := os.Stat(dev); err != nil {
			continue
		}
		within(t, 2*time.Second, func() {
			_, err := ReadFile(dev, Limits{})
			le := wantLimit(t, err, LimitFileType, dev)
			if !strings.Contains(le.Message, "character device") {
				t.Errorf("%s: %v", dev, le)
			}
		})
	}
}

func TestReadFileThroughSymlinkToDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	p := filepath.Join(t.TempDir(), "api.yaml")
	if err := os.Symlink("/dev/zero", p); err != nil {
		t.Skip(err)
	}
	within(t, 2*time.Second, func() {
		_, err := ReadFile(p, Limits{})
		wantLimit(t, err, LimitFileType, p)
	})
}

// endless is a reader that never ends and counts what it gave.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadAllStopsAtTheLimit(t *testing.T) {
	var r endless
	_, err := ReadAll("standard input", &r, Limits{MaxBytes: 1 << 20})
	wantLimit(t, err, LimitSize, "standard input")
	if r.n > 1<<20+1 {
		t.Errorf("read %d bytes for a limit of %d", r.n, 1<<20)
	}
	data, err := ReadAll("standard input", io.LimitReader(&r, 100), Limits{MaxBytes: 100})
	if err != nil || len(data) != 100 {
		t.Errorf("got %d bytes, %v", len(data), err)
	}
}

func TestReadFileGrowingPastTheLimit(t *testing.T) {
	// /proc files report size 0 and then have content: the read itself
	// must stop at the limit, whatever the size said.
	p := "/proc/self/maps"
	if _, err := os.Stat(p); err != nil {
		t.Skip("no /proc")
	}
	if _, err := ReadFile(p, Limits{MaxBytes: 10}); err == nil {
		t.Fatal("no error")
	} else {
		wantLimit(t, err, LimitSize, p)
	}
	data, err := ReadFile(p, Limits{})
	if err != nil || !bytes.Contains(data, []byte("\n")) {
		t.Errorf("got %d bytes, %v", len(data), err)
	}
}
