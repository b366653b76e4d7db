//go:build unix

package fuzzcli

import (
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
)

// LimitSelf applies the limits Run passed in the environment to the
// current process; a child calls it first thing. A file size limit makes a
// write past it fail (EFBIG) rather than kill the process.
func LimitSelf() error {
	if n, _ := strconv.ParseInt(os.Getenv(envMemory), 10, 64); n > 0 {
		if err := syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}); err != nil {
			return err
		}
	}
	if n, _ := strconv.ParseInt(os.Getenv(envFileSize), 10, 64); n > 0 {
		signal.Ignore(syscall.SIGXFSZ)
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}); err != nil {
			return err
		}
	}
	return nil
}

// maxRSS is the child's peak resident memory in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) << 10 // KiB elsewhere
}
