package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"testing"

	"github.com/hotline12345/bulletin/internal/fuzzcli"
)

// childEnv, when set, makes the test binary run the command line it holds
// (a JSON array of arguments) as the bulletin command, under the limits
// fuzzcli.Run passed: the tests that need a whole process (the CLI fuzz
// harness, the fault injection of digitize) run this binary as the child.
const childEnv = "BULLETIN_TEST_CHILD"

func TestMain(m *testing.M) {
	if argv, ok := os.LookupEnv(childEnv); ok {
		os.Exit(runChild(argv))
	}
	os.Exit(m.Run())
}

func runChild(argv string) int {
	if err := fuzzcli.LimitSelf(); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	var args []string
	if err := json.Unmarshal([]byte(argv), &args); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return run(ctx, args, os.Stdout, os.Stderr)
}

// child returns a command that runs the bulletin command with args in a
// child process.
func child(t testing.TB, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	argv, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+string(argv))
	return cmd
}
