package hostile

import "syscall"

// pdeathsig kills apigw when its launcher dies (the launcher's timeout).
func pdeathsig() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
