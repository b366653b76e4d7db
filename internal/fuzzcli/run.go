package fuzzcli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// The environment variables by which Run tells the child its limits; the
// child applies them with LimitSelf.
const (
	envMemory   = "BULLETIN_FUZZCLI_MEMORY"
	envFileSize = "BULLETIN_FUZZCLI_FILESIZE"
)

// Budget is what one run of a command may take.
type Budget struct {
	// Memory caps the child's data segment and private memory (RLIMIT_DATA
	// on Unix), so that a run out of proportion fails in the child
	// ("runtime: out of memory") instead of exhausting the machine.
	Memory int64
	// MaxRSS is the peak resident memory above which a run that finished
	// is reported: measured by the kernel (rusage), whatever GOMEMLIMIT
	// or the garbage collector did.
	MaxRSS int64
	// Timeout ends a run that hangs.
	Timeout time.Duration
	// FileSize, when set, caps the size of every file the child writes
	// (RLIMIT_FSIZE): a write past it fails as on a full disk.
	FileSize int64
	// MaxOutput is the standard output above which a run is reported.
	MaxOutput int64
}

// Result is what one run did.
type Result struct {
	ExitCode int
	MaxRSS   int64 // bytes
	Elapsed  time.Duration
	// Stdout and Stderr are the first MiB of each; Output counts the
	// bytes of standard output.
	Stdout, Stderr string
	Output         int64
	// Problem is empty for a run that ended by itself within the budget,
	// else it says what went wrong: a crash, a hang or too much memory.
	Problem string
}

// Run runs cmd (its path, arguments and environment set by the caller) as
// a child under the budget and judges how it ended. The child must call
// LimitSelf first thing for Memory and FileSize to hold.
func Run(ctx context.Context, cmd *exec.Cmd, b Budget) Result {
	if b.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.Timeout)
		defer cancel()
	}
	c := exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
	c.Dir, c.Stdin, c.SysProcAttr = cmd.Dir, cmd.Stdin, cmd.SysProcAttr
	c.Env = append(append([]string(nil), cmd.Env...), envMemory+"="+strconv.FormatInt(b.Memory, 10), envFileSize+"="+strconv.FormatInt(b.FileSize, 10))
	if cmd.Env == nil {
		c.Env = append(os.Environ(), c.Env...)
	}
	stdout, stderr := &capped{max: 1 << 20}, &capped{max: 1 << 20}
	c.Stdout, c.Stderr = stdout, stderr
	start := time.Now()
	err := c.Run()
	r := Result{Elapsed: time.Since(start), Stdout: stdout.String(), Stderr: stderr.String(), ExitCode: -1, Output: stdout.n}
	if c.ProcessState != nil {
		r.ExitCode = c.ProcessState.ExitCode()
		r.MaxRSS = maxRSS(c.ProcessState)
	}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.Problem = fmt.Sprintf("hang: no end after %v", b.Timeout)
	case err != nil && !errors.As(err, &exitErr):
		r.Problem = "could not run: " + err.Error()
	case crashed(r.Stderr):
		r.Problem = "crash: " + firstLines(r.Stderr, 3)
	case r.ExitCode < 0:
		r.Problem = "killed: " + c.ProcessState.String()
	case b.MaxRSS > 0 && r.MaxRSS > b.MaxRSS:
		r.Problem = fmt.Sprintf("memory: peak RSS %d MiB, budget %d MiB", r.MaxRSS>>20, b.MaxRSS>>20)
	case b.MaxOutput > 0 && r.Output > b.MaxOutput:
		r.Problem = fmt.Sprintf("output: %d MiB printed, budget %d MiB", r.Output>>20, b.MaxOutput>>20)
	}
	return r
}

// capped keeps the first max bytes written to it and counts them all, so
// that a child printing without end does not fill the parent's memory. (It
// has no ReadFrom, which io.Copy would call instead of Write.)
type capped struct {
	buf bytes.Buffer
	max int
	n   int64
}

func (c *capped) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if room := c.max - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func (c *capped) String() string { return c.buf.String() }

// crashed reports a Go panic or fatal runtime error in a child's standard
// error, which a Go program prints whatever its exit code.
func crashed(stderr string) bool {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") ||
			strings.HasPrefix(l, "runtime: out of memory") || strings.HasPrefix(l, "goroutine ") && strings.HasSuffix(l, "]:") {
			return true
		}
	}
	return false
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], " | ")
}
