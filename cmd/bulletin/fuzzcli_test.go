package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hotline12345/bulletin/internal/fuzzcli"
)

var (
	fuzzTime = flag.Duration("fuzzcli.time", 0, "run TestFuzzCLI for this long instead of -fuzzcli.n mutants")
	fuzzN    = flag.Int("fuzzcli.n", 10, "mutants TestFuzzCLI runs, each through extract, check and blocks")
	fuzzSeed = flag.Uint64("fuzzcli.seed", 1, "seed of TestFuzzCLI's mutations")
	fuzzOut  = flag.String("fuzzcli.out", "", "folder to keep the mutants that found a problem in (default: the test's temporary folder)")
)

// fuzzBudget is what one command may take on one mutant. The fixtures are
// at most 700 KB and their mutants a few MB: a run past 512 MiB, or
// printing more than 1 GiB, is out of proportion, and the 1 GiB cap keeps
// a runaway from hurting the machine.
var fuzzBudget = fuzzcli.Budget{Memory: 1 << 30, MaxRSS: 512 << 20, Timeout: 3 * time.Minute, MaxOutput: 1 << 30}

// fixture is an input file from testdata.
type fixture struct {
	name string
	data []byte
}

// fuzzFixtures reads the fixtures of every format the command reads: text,
// DOCX, XLSX, legacy .doc and .xls, PDF, web pages (saved, by Word, as
// MHT; the HTML reports in testdata are web pages too) and bulletin JSON.
func fuzzFixtures(t *testing.T) []fixture {
	var out []fixture
	err := filepath.WalkDir("../../testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".txt", ".docx", ".doc", ".xlsx", ".xls", ".pdf", ".html", ".htm", ".mht", ".json":
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, fixture{p, data})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFuzzCLI runs extract, check and blocks in child processes on mutants
// of the fixtures of every format, each under fuzzBudget, and fails on a
// crash, a hang, or memory past the budget; the mutants that found one are
// kept. By default it runs -fuzzcli.n mutants from -fuzzcli.seed, the same
// every time; for a fuzzing session give it time:
//
//	go test ./cmd/bulletin -run TestFuzzCLI -fuzzcli.time 10m -fuzzcli.seed $RANDOM -fuzzcli.out /tmp/found -v
func TestFuzzCLI(t *testing.T) {
	// Mutants take each format in turn, a fixture of it at random.
	byKind := map[string][]fixture{}
	for _, fx := range fuzzFixtures(t) {
		kind := filepath.Ext(fx.name)
		if kind == ".htm" {
			kind = ".html" // one format, whatever the name
		}
		byKind[kind] = append(byKind[kind], fx)
	}
	var kinds []string
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	if len(kinds) == 0 {
		t.Fatal("no fixtures")
	}
	out := *fuzzOut
	if out == "" {
		out = t.TempDir()
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	rng := rand.New(rand.NewPCG(*fuzzSeed, 0x6275_6c6c_6574_696e))
	var deadline time.Time
	if *fuzzTime > 0 {
		deadline = time.Now().Add(*fuzzTime)
	}
	type peak struct {
		rss  int64
		what string
	}
	var (
		mutants, runs, found int
		worst                peak
		worstPerByte         peak
		mostOutput           peak
		perKind              = map[string]int{}
	)
	for i := 0; ; i++ {
		if deadline.IsZero() && i >= *fuzzN || !deadline.IsZero() && time.Now().After(deadline) {
			break
		}
		of := byKind[kinds[i%len(kinds)]]
		fx := of[rng.IntN(len(of))]
		data := fuzzcli.Mutate(rng, fx.name, fx.data)
		kind, ext := kinds[i%len(kinds)], filepath.Ext(fx.name)
		input := filepath.Join(work, fmt.Sprintf("mutant-%d%s", i, ext))
		if err := os.WriteFile(input, data, 0o644); err != nil {
			t.Fatal(err)
		}
		mutants++
		perKind[kind]++
		for _, cmd := range []string{"extract", "check", "blocks"} {
			r := fuzzcli.Run(context.Background(), child(t, cmd, input), fuzzBudget)
			runs++
			what := fmt.Sprintf("%s of mutant %d of %s (%d bytes)", cmd, i, fx.name, len(data))
			if r.MaxRSS > worst.rss {
				worst = peak{r.MaxRSS, what}
			}
			if r.Output > mostOutput.rss {
				mostOutput = peak{r.Output, what}
			}
			if len(data) > 0 && r.MaxRSS/int64(len(data)) > worstPerByte.rss {
				worstPerByte = peak{r.MaxRSS / int64(len(data)), what}
			}
			if r.Problem == "" {
				continue
			}
			found++
			keep := filepath.Join(out, fmt.Sprintf("seed%d-mutant%d%s", *fuzzSeed, i, ext))
			if err := os.WriteFile(keep, data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Errorf("%s: %s (%v, peak RSS %d MiB); the input is kept as %s", what, r.Problem, r.Elapsed.Round(time.Millisecond), r.MaxRSS>>20, keep)
		}
		if os.Remove(input) != nil {
			t.Fatal("cannot remove", input)
		}
	}
	var counts []string
	for _, k := range kinds {
		counts = append(counts, fmt.Sprintf("%s %d", k, perKind[k]))
	}
	t.Logf("%d mutants (%s), %d runs, %d problems; highest peak RSS %d MiB (%s); most per input byte %d bytes (%s); most output %d MiB (%s)",
		mutants, strings.Join(counts, ", "), runs, found, worst.rss>>20, worst.what, worstPerByte.rss, worstPerByte.what, mostOutput.rss>>20, mostOutput.what)
}
