// Package atomicfile writes files so that readers see either the old content
// or the new one, never a part: each file is written to a temporary file in
// the same folder, synced, then renamed over the target.
//
// What is replaced, and how:
//
//   - A symbolic link is written through: the file it points to (at the end
//     of a chain of links) gets the new content and the link stays a link.
//   - Only regular files are replaced. A device (/dev/full), a named pipe,
//     a socket or a folder at the target is refused, so writing never turns
//     one of them into a regular file.
//   - A file with several hard links is refused: a rename would give the
//     name new content and leave the other names with the old one.
//   - An existing file keeps its mode (the setuid, setgid and sticky bits
//     included) and its owner and group; when the owner cannot be kept (a
//     file of another user), the file is refused rather than taken over.
//   - A target that already holds exactly the new content is not rewritten,
//     only synced: it keeps its modification time and inode, as gofmt -w
//     leaves a formatted file alone, so that a generator run again over its
//     own output costs no file system work and wakes no file watcher.
//   - Temporary files are named ".NAME.apigw-PID-RANDOM.tmp". One left by a
//     process that died before renaming it (a kill, a crash, a power cut) is
//     removed the next time the same file is written.
//
// Any refusal happens before the first rename, so the guarantee of WriteAll
// holds: all files are replaced, or none.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/apigw/apigw/extensions/source"
)

// File is one file to write with WriteAll.
type File struct {
	// Path is where the file goes; a missing folder is made.
	Path string
	// Data is the complete content.
	Data []byte
	// Perm is a new file's permission, e.g. 0o644, set as given, without
	// the umask, since the file comes into being by a rename. A file that
	// exists keeps its own mode.
	Perm os.FileMode
}

// Write writes data to path atomically: a temporary file in the same
// folder is written, synced and renamed over path, then the folder is
// synced so the rename survives a crash. On failure the temporary file is
// removed and an existing file at path is left untouched. See the package
// documentation for links, special files, modes and owners.
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteAll([]File{{Path: path, Data: data, Perm: perm}})
}

// WriteAll writes several files with nothing partial: every target is
// checked (links followed, special files and hard links refused), then
// every file is written to a temporary file beside its target (a target
// that holds the content already is left as it is), all of them
// are synced to disk, and only when all of that succeeded are they renamed
// into place (and their folders synced). If a
// check or the writing of any temporary file fails, all temporary files are
// removed and no target is touched. A rename can still fail after others
// succeeded (a target replaced by a folder in the meantime); the error then
// names the files already in place.
func WriteAll(files []File) error {
	// Checking a target reads it (to compare): the targets are checked side
	// by side, and the first refusal in the order given is returned.
	targets := make([]target, len(files))
	errs := make([]error, len(files))
	parallel(len(files), func(i int) { targets[i], errs[i] = prepare(files[i]) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	paths := make([]string, len(targets))
	for i, t := range targets {
		paths[i] = t.path
	}
	removeStaleOf(paths)
	// written[i] is the file that goes to targets[i]: a temporary file, or
	// the target itself when it holds the content already.
	written := make([]string, len(targets))
	cleanup := func() {
		for i, t := range targets {
			if !t.same && written[i] != "" {
				os.Remove(written[i])
			}
		}
	}
	for i, t := range targets {
		if t.same {
			written[i] = t.path
			continue
		}
		tmp, err := writeTemp(t)
		if err != nil {
			cleanup()
			return err
		}
		written[i] = tmp
	}
	// Every file reaches the disk before any is renamed; syncing them side
	// by side lets the file system commit them together, where one sync
	// after each write waits for the disk once per file.
	if err := syncAll(written); err != nil {
		cleanup()
		return err
	}
	var renamed []target
	for i, t := range targets {
		if t.same {
			continue
		}
		if err := os.Rename(written[i], t.path); err != nil {
			done := make([]string, 0, i)
			for _, g := range files[:i] {
				done = append(done, g.Path)
			}
			for j := i; j < len(targets); j++ {
				if !targets[j].same {
					os.Remove(written[j])
				}
			}
			return fmt.Errorf("atomicfile: rename into %s: %w (already written: %v)", t.path, err, done)
		}
		renamed = append(renamed, t)
	}
	var dirErrs []error
	for _, dir := range folders(renamed) {
		if err := syncDir(dir); err != nil {
			dirErrs = append(dirErrs, err)
		}
	}
	return errors.Join(dirErrs...)
}

// target is a file to write once its path is resolved and checked.
type target struct {
	File
	path   string      // where the content goes: File.Path with links followed
	exists bool        // whether a file is there now
	same   bool        // whether it holds Data already: nothing to write
	mode   os.FileMode // its permission and special bits
	uid    int         // its owner and group, -1 when unknown
	gid    int
}

// prepare resolves f's path and checks what stands there.
func prepare(f File) (target, error) {
	t := target{File: f, uid: -1, gid: -1, mode: f.Perm.Perm()}
	path, err := resolve(f.Path)
	if err != nil {
		return t, fmt.Errorf("atomicfile: %s: %w", f.Path, err)
	}
	t.path = path
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return t, nil
	}
	if err != nil {
		return t, fmt.Errorf("atomicfile: %s: %w", f.Path, err)
	}
	shown := f.Path
	if path != f.Path {
		shown = fmt.Sprintf("%s (the link leads to %s)", f.Path, path)
	}
	if !info.Mode().IsRegular() {
		return t, fmt.Errorf("atomicfile: %s is %s, not a regular file; it is not replaced: write to a regular file, or to standard output", shown, source.FileKind(info.Mode()))
	}
	t.exists = true
	t.mode = info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	if links, uid, gid, ok := owner(info); ok {
		if links > 1 {
			return t, fmt.Errorf("atomicfile: %s has %d hard links; replacing it would give only this name the new content, so it is not replaced: write to a file with one link", shown, links)
		}
		t.uid, t.gid = uid, gid
	}
	t.same = info.Size() == int64(len(f.Data)) && holds(path, f.Data)
	return t, nil
}

// holds tells whether the file at path has exactly the content data; a
// file that cannot be read is taken to differ, and is then rewritten.
func holds(path string, data []byte) bool {
	got, err := os.ReadFile(path)
	return err == nil && bytes.Equal(got, data)
}

// resolve follows the symbolic links at the end of path, also when the
// last one points to a file that does not exist yet.
func resolve(path string) (string, error) {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p, nil
	}
	for range 255 {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			dir := filepath.Dir(path)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			link = filepath.Join(dir, link)
		}
		path = link
	}
	return "", syscall.ELOOP
}

// A temporary file's name is "." and the target's name, tempInfix, the
// writing process's id, "-" and a random number, then tempSuffix.
const (
	tempInfix  = ".apigw-"
	tempSuffix = ".tmp"
)

// tempName is a new temporary name for the file base.
func tempName(base string) string {
	return "." + base + tempInfix + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatUint(rand.Uint64()>>16, 36) + tempSuffix
}

// staleAge is how old a temporary file of a live process id must be to be
// removed anyway: the id may belong to another program by now.
const staleAge = time.Hour

// RemoveStale removes the temporary files that earlier writes of paths
// left behind: those whose process is gone, and any older than an hour.
// Files of other names, and those of a process still running, are kept.
// WriteAll does this for every file it writes; call it for files a command
// was given but did not need to write.
func RemoveStale(paths ...string) {
	var resolved []string
	for _, p := range paths {
		if r, err := resolve(p); err == nil {
			resolved = append(resolved, r)
		}
	}
	removeStaleOf(resolved)
}

// removeStaleOf removes the stale temporary files of paths (links
// resolved), reading each folder once.
func removeStaleOf(paths []string) {
	byDir := map[string]map[string]bool{}
	for _, p := range paths {
		dir, base := split(p)
		if byDir[dir] == nil {
			byDir[dir] = map[string]bool{}
		}
		byDir[dir][base] = true
	}
	for dir, bases := range byDir {
		removeStale(dir, bases)
	}
}

// split returns a path's folder ("." for none) and name.
func split(path string) (dir, base string) {
	dir, base = filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	return dir, base
}

// removeStale removes the stale temporary files of the named files in
// dir, reading the folder once.
func removeStale(dir string, bases map[string]bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		at := strings.LastIndex(name, tempInfix)
		if at < 1 || name[0] != '.' || !bases[name[1:at]] || !e.Type().IsRegular() {
			continue
		}
		middle, ok := strings.CutSuffix(name[at+len(tempInfix):], tempSuffix)
		pidText, random, found := strings.Cut(middle, "-")
		if !ok || !found || random == "" || strings.Contains(random, "-") {
			continue
		}
		pid, err := strconv.Atoi(pidText)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if pid != os.Getpid() && !alive(pid) || time.Since(info.ModTime()) > staleAge {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// writeTemp writes t's content to a new temporary file beside its target,
// gives it the target's mode and owner, and syncs it, returning its name.
func writeTemp(t target) (string, error) {
	dir, base := split(t.path)
	create := func() (*os.File, error) {
		return os.OpenFile(filepath.Join(dir, tempName(base)), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	}
	tmp, err := create()
	if errors.Is(err, fs.ErrNotExist) {
		// A missing output folder is made, as -o out/file.go asks for.
		if err = os.MkdirAll(dir, 0o755); err == nil {
			tmp, err = create()
		}
	}
	if err != nil {
		return "", fmt.Errorf("atomicfile: %s: %w", t.Path, err)
	}
	name := tmp.Name()
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(name)
		return "", fmt.Errorf("atomicfile: %s: %w", t.Path, err)
	}
	if _, err := tmp.Write(t.Data); err != nil {
		return fail(err)
	}
	if t.uid >= 0 {
		// Before the mode: changing the owner clears the setuid and setgid bits.
		if err := tmp.Chown(t.uid, t.gid); err != nil {
			return fail(fmt.Errorf("cannot keep the owner and group (%d:%d) of the file, so it is not replaced: %w", t.uid, t.gid, err))
		}
	}
	if err := tmp.Chmod(t.mode); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("atomicfile: %s: %w", t.Path, err)
	}
	return name, nil
}

// workers is how many files are checked or synced at once.
const workers = 16

// parallel calls f(0), …, f(n-1), several at a time.
func parallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// syncAll flushes the files to disk, several at a time.
func syncAll(names []string) error {
	errs := make([]error, len(names))
	parallel(len(names), func(i int) { errs[i] = syncFile(names[i]) })
	return errors.Join(errs...)
}

// syncFile flushes one written file to disk.
func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("atomicfile: syncing %s: %w", name, err)
	}
	return nil
}

// folders lists the distinct folders of the targets in first-seen order.
func folders(targets []target) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range targets {
		d := filepath.Dir(t.path)
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
