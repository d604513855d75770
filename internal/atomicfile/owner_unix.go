//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"syscall"
)

// owner returns a file's link count, owner and group.
func owner(info fs.FileInfo) (links uint64, uid, gid int, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0, false
	}
	return uint64(st.Nlink), int(st.Uid), int(st.Gid), true
}

// alive tells whether a process with id pid exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
