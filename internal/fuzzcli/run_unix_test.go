//go:build unix

package fuzzcli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modeEnv makes the test binary behave as a misbehaving child.
const modeEnv = "FUZZCLI_TEST_MODE"

func TestMain(m *testing.M) {
	switch os.Getenv(modeEnv) {
	case "":
		os.Exit(m.Run())
	case "panic":
		LimitSelf()
		panic("a bug")
	case "hang":
		time.Sleep(time.Hour)
	case "allocate":
		// Allocates and touches FUZZCLI_TEST_MB MiB, unless the memory
		// cap stops it first.
		LimitSelf()
		mb, _ := strconv.Atoi(os.Getenv("FUZZCLI_TEST_MB"))
		var keep [][]byte
		for range mb / 32 {
			b := make([]byte, 32<<20)
			for i := range b {
				b[i] = 1
			}
			keep = append(keep, b)
		}
		os.Exit(len(keep) & 0)
	case "print":
		chunk := bytes.Repeat([]byte("x"), 1<<20)
		for range 8 {
			os.Stdout.Write(chunk)
		}
	case "write":
		// A file past the size cap fails to grow; the error goes out.
		LimitSelf()
		err := os.WriteFile(os.Getenv("FUZZCLI_TEST_FILE"), make([]byte, 1<<20), 0o644)
		if err != nil {
			os.Stderr.WriteString(err.Error())
			os.Exit(2)
		}
	}
	os.Exit(0)
}

func self(t *testing.T, mode string, env ...string) *exec.Cmd {
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe)
	cmd.Env = append(append(os.Environ(), modeEnv+"="+mode), env...)
	return cmd
}

// TestRunJudges checks how Run judges children that crash, hang, take too
// much memory, print too much, or run into the file size cap.
func TestRunJudges(t *testing.T) {
	ctx := context.Background()
	r := Run(ctx, self(t, "panic"), Budget{Timeout: time.Minute})
	assert.True(t, strings.HasPrefix(r.Problem, "crash: panic: a bug"), r.Problem)

	r = Run(ctx, self(t, "hang"), Budget{Timeout: time.Second})
	assert.True(t, strings.HasPrefix(r.Problem, "hang"), r.Problem)

	r = Run(ctx, self(t, "allocate", "FUZZCLI_TEST_MB=512"), Budget{Memory: 256 << 20, Timeout: time.Minute})
	assert.True(t, strings.HasPrefix(r.Problem, "crash: fatal error: ") && strings.Contains(r.Problem, "out of memory"), r.Problem)
	assert.Less(t, r.MaxRSS, int64(300<<20), "the cap held")

	r = Run(ctx, self(t, "allocate", "FUZZCLI_TEST_MB=256"), Budget{MaxRSS: 128 << 20, Timeout: time.Minute})
	assert.True(t, strings.HasPrefix(r.Problem, "memory: peak RSS"), r.Problem)

	r = Run(ctx, self(t, "print"), Budget{MaxOutput: 4 << 20, Timeout: time.Minute})
	assert.Equal(t, "output: 8 MiB printed, budget 4 MiB", r.Problem)
	assert.Equal(t, int64(8<<20), r.Output)
	assert.Len(t, r.Stdout, 1<<20, "only the first MiB is kept")

	file := t.TempDir() + "/big"
	r = Run(ctx, self(t, "write", "FUZZCLI_TEST_FILE="+file), Budget{FileSize: 64 << 10, Timeout: time.Minute})
	assert.Empty(t, r.Problem)
	assert.Equal(t, 2, r.ExitCode)
	assert.Contains(t, r.Stderr, "file too large")
}
