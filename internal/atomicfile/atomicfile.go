// Package atomicfile writes files so that readers see either the old content
// or the new one, never a part: each file is written to a temporary file in
// the same folder, synced, then renamed over the target.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// File is one file to write with WriteAll.
type File struct {
	// Path is where the file goes; its folder must exist.
	Path string
	// Data is the complete content.
	Data []byte
	// Perm is the file's permission, e.g. 0o644. It is set as given, without
	// the umask, since the file comes into being by a rename.
	Perm os.FileMode
}

// Write writes data to path atomically: a temporary file in the same
// folder is written, synced and renamed over path, then the folder is
// synced so the rename survives a crash. On failure the temporary file is
// removed and an existing file at path is left untouched.
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteAll([]File{{Path: path, Data: data, Perm: perm}})
}

// WriteAll writes several files with nothing partial: every file is first
// written and synced to a temporary file beside its target, and only when
// all of them succeeded are they renamed into place. If writing any
// temporary file fails, all temporary files are removed and no target is
// touched. A rename can still fail after others succeeded (a target
// replaced by a folder in the meantime); the error then names the files
// already in place.
func WriteAll(files []File) error {
	temps := make([]string, 0, len(files))
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		tmp, err := writeTemp(f)
		if err != nil {
			cleanup()
			return err
		}
		temps = append(temps, tmp)
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.Path); err != nil {
			done := make([]string, 0, i)
			for _, g := range files[:i] {
				done = append(done, g.Path)
			}
			for _, t := range temps[i:] {
				os.Remove(t)
			}
			return fmt.Errorf("atomicfile: rename into %s: %w (already written: %v)", f.Path, err, done)
		}
	}
	var errs []error
	for _, dir := range folders(files) {
		if err := syncDir(dir); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// writeTemp writes f's content to a new temporary file beside f.Path and
// syncs it, returning the temporary file's name.
func writeTemp(f File) (string, error) {
	dir, base := filepath.Split(f.Path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		// A missing output folder is made, as -o out/file.go asks for.
		if err = os.MkdirAll(dir, 0o755); err == nil {
			tmp, err = os.CreateTemp(dir, "."+base+".tmp-*")
		}
	}
	if err != nil {
		return "", fmt.Errorf("atomicfile: %s: %w", f.Path, err)
	}
	name := tmp.Name()
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(name)
		return "", fmt.Errorf("atomicfile: %s: %w", f.Path, err)
	}
	if _, err := tmp.Write(f.Data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(f.Perm.Perm()); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("atomicfile: %s: %w", f.Path, err)
	}
	return name, nil
}

// folders lists the distinct folders of files in first-seen order.
func folders(files []File) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		d := filepath.Dir(f.Path)
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// syncDir syncs a folder so a rename in it is durable. Some systems cannot
// sync folders; that is not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("atomicfile: sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("atomicfile: sync %s: %w", dir, err)
	}
	return nil
}
