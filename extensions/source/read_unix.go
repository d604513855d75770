//go:build unix

package source

import "syscall"

// openFlags keep open from waiting for a writer when a named pipe takes the
// place of a file between the check and the open.
const openFlags = syscall.O_NONBLOCK
