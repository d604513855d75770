package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"

	"github.com/apigw/apigw/extensions/diag"
)

// Reading inputs. Every byte a command parses comes through ReadFile,
// ReadFileIn or ReadAll: they read regular files only and stop one byte past
// the size limit, so neither a device that never ends (/dev/zero) nor a named
// pipe without a writer can hold a command.

// ReadFile reads the file at path, within lim.MaxBytes. Anything but a
// regular file is refused with a *LimitError naming it (a named pipe, a
// device, a socket), before it is opened; a folder is an *fs.PathError
// (syscall.EISDIR), as a missing file is. A file larger than the limit is
// refused with a *LimitError after reading one byte past the limit, not the
// rest.
func ReadFile(path string, lim Limits) ([]byte, error) {
	return readChecked(path, lim, func() (fs.FileInfo, error) { return os.Stat(path) },
		func() (*os.File, error) { return os.OpenFile(path, os.O_RDONLY|openFlags, 0) })
}

// ReadFileIn is ReadFile for name below root: os.Root refuses paths that
// leave the folder, and symbolic links that point out of it. Errors name
// the file as dir/name, dir being what the caller calls root.
func ReadFileIn(root *os.Root, dir, name string, lim Limits) ([]byte, error) {
	return readChecked(filepath.Join(dir, name), lim, func() (fs.FileInfo, error) { return root.Stat(name) },
		func() (*os.File, error) { return root.OpenFile(name, os.O_RDONLY|openFlags, 0) })
}

// readChecked looks at a file (stat), refuses what is not a regular file,
// then opens it, checks again what was opened (the name may have been
// replaced in between) and reads it; name is for messages.
func readChecked(name string, lim Limits, stat func() (fs.FileInfo, error), open func() (*os.File, error)) ([]byte, error) {
	info, err := stat()
	if err != nil {
		return nil, err
	}
	if err := regular(name, info); err != nil {
		return nil, err
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpened(name, f, lim)
}

// ReadAll reads r (standard input, a pipe) to its end, within lim.MaxBytes;
// name says what r is in the error. Past the limit it stops and returns a
// *LimitError without reading the rest.
func ReadAll(name string, r io.Reader, lim Limits) ([]byte, error) {
	lim = lim.WithDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, sizeError(name, lim.MaxBytes)
	}
	return data, nil
}

// readOpened checks the opened file again and reads it.
func readOpened(name string, f *os.File, lim Limits) ([]byte, error) {
	lim = lim.WithDefaults()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(name, info); err != nil {
		return nil, err
	}
	size := info.Size()
	if size > lim.MaxBytes {
		return nil, sizeError(name, lim.MaxBytes)
	}
	// The size is a hint: the file may grow while it is read, so the read
	// itself stops one byte past the limit.
	r := io.LimitReader(f, lim.MaxBytes+1)
	buf := make([]byte, 0, size+512)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, len(buf))
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
	}
	if int64(len(buf)) > lim.MaxBytes {
		return nil, sizeError(name, lim.MaxBytes)
	}
	return buf, nil
}

// regular refuses what is not a regular file.
func regular(name string, info fs.FileInfo) error {
	mode := info.Mode()
	if mode.IsRegular() {
		return nil
	}
	if mode.IsDir() {
		return &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	return &LimitError{Limit: LimitFileType, Code: diag.NotRegularFile, File: name,
		Message: fmt.Sprintf("%s is %s, not a regular file; only regular files are read (a pipe may never end or never start): save the data to a file first", name, FileKind(mode))}
}

// FileKind names the type of a file that is not regular, for messages:
// "a named pipe (FIFO)", "a character device", "a folder", ...
func FileKind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a block device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// sizeError is the refusal of an input larger than limit.
func sizeError(name string, limit int64) *LimitError {
	return &LimitError{Limit: LimitSize, Code: diag.LimitSize, File: name,
		Message: fmt.Sprintf("the input is larger than the limit of %d bytes; the input is refused (raise the size limit if the file is genuine)", limit)}
}
