//go:build !linux

package hostile

import "syscall"

// pdeathsig: no parent-death signal here.
func pdeathsig() *syscall.SysProcAttr { return nil }
