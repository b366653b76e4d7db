package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fixtures = "../../testdata/validate/"

// checkJSON is the part of check's JSON the tests read.
type checkJSON struct {
	File     string `json:"file"`
	Findings []struct {
		Severity  string `json:"severity"`
		Rule      string `json:"rule"`
		Table     int    `json:"table"`
		Row       int    `json:"row"`
		Unit      string `json:"unit"`
		Column    string `json:"column"`
		Published string `json:"published"`
		Expected  string `json:"expected"`
		Hint      string `json:"hint"`
		Message   string `json:"message"`
		Pos       struct {
			Line int `json:"line"`
		} `json:"pos"`
	} `json:"findings"`
	Summary struct {
		Errors       int    `json:"errors"`
		Warnings     int    `json:"warnings"`
		Checked      int    `json:"checked"`
		Consistent   int    `json:"consistent"`
		Inconsistent int    `json:"inconsistent"`
		Untestable   int    `json:"untestable"`
		Rounding     string `json:"rounding"`
	} `json:"summary"`
}

func TestCheckSeed(t *testing.T) {
	code, out, errOut := runCLI("check", "-format", "json", seed)
	require.Equal(t, exitOK, code, "the seed has no error findings: %s", errOut)
	var rep checkJSON
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "yanshi-2023-03.txt", rep.File)
	assert.Zero(t, rep.Summary.Errors)
	assert.Equal(t, "half-up", rep.Summary.Rounding)
	// Issue 7's acceptance: two rate_precision warnings, five format infos,
	// two table_vs_narrative warnings, one unit_count warning.
	rules := map[string]int{}
	for _, f := range rep.Findings {
		rules[f.Severity+" "+f.Rule]++
	}
	assert.Equal(t, map[string]int{"warning rate_precision": 2, "info format": 5,
		"warning table_vs_narrative": 2, "warning unit_count": 1}, rules)
	var precision []string
	for _, f := range rep.Findings {
		assert.NotEqual(t, "error", f.Severity)
		if f.Rule == "rate_precision" {
			precision = append(precision, f.Unit+" "+f.Column+" "+f.Published+" "+f.Expected)
			assert.Positive(t, f.Pos.Line)
		}
	}
	assert.Equal(t, []string{
		"山化镇 satisfaction_rate 83% 83.33%",
		"山化镇 excellence_rate 83% 83.33%",
	}, precision)

	code, out, _ = runCLI("check", seed)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "table 3: 附件4 3月份各镇（街道）网民诉求事项办理情况")
	assert.Contains(t, out, "83%      → 83.33%")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.True(t, strings.HasPrefix(lines[len(lines)-1], "yanshi-2023-03.txt: 0 errors"), lines[len(lines)-1])
}

// The same bulletin as DOCX gives the same findings as its text copy.
func TestCheckDOCX(t *testing.T) {
	brief := func(path string) []string {
		code, out, errOut := runCLI("check", "-format", "json", path)
		require.Equal(t, exitOK, code, errOut)
		var rep checkJSON
		require.NoError(t, json.Unmarshal([]byte(out), &rep))
		var fs []string
		for _, f := range rep.Findings {
			fs = append(fs, strings.Join([]string{f.Severity, f.Rule, f.Unit, f.Column, f.Published, f.Expected}, " "))
		}
		return fs
	}
	want := brief(seed)
	assert.Len(t, want, 10)
	assert.Equal(t, want, brief("../../testdata/docx/yanshi-2023-03.libreoffice.docx"))
}

func TestCheckErrors(t *testing.T) {
	code, out, _ := runCLI("check", fixtures+"totals.txt")
	assert.Equal(t, exitFindings, code, "error findings exit 1")
	assert.Contains(t, out, "total_mismatch")
	assert.Contains(t, out, "hint: the difference equals 丙局's 7")
	assert.Contains(t, out, "totals.txt: 2 errors, 0 warnings, 0 infos;")

	// The JSON of a model.Bulletin is read as such.
	code, out, _ = runCLI("check", "-format", "json", fixtures+"shares.json", fixtures+"clean.txt")
	assert.Equal(t, exitFindings, code)
	var reps []checkJSON
	require.NoError(t, json.Unmarshal([]byte(out), &reps), "several files give an array")
	require.Len(t, reps, 2)
	assert.Equal(t, 3, reps[0].Summary.Errors)
	assert.Empty(t, reps[1].Findings)
	assert.Equal(t, "clean.txt", reps[1].File)

	code, _, _ = runCLI("check", fixtures+"clean.txt")
	assert.Equal(t, exitOK, code)
}

func TestCheckUnreadable(t *testing.T) {
	code, out, errOut := runCLI("check", "no-such-file.txt", fixtures+"totals.txt")
	assert.Equal(t, exitUnreadable, code, "an unreadable file wins over error findings")
	assert.Contains(t, errOut, "no-such-file.txt")
	assert.Contains(t, out, "total_mismatch", "the readable file is still checked")

	// A file that starts like bulletin JSON but is not is unreadable, not
	// text.
	broken := filepath.Join(t.TempDir(), "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte(`{"tables": [ {"label": `), 0o644))
	code, _, errOut = runCLI("check", broken)
	assert.Equal(t, exitUnreadable, code)
	assert.Contains(t, errOut, "broken.json")
}

func TestCheckUsage(t *testing.T) {
	code, _, _ := runCLI("check")
	assert.Equal(t, exitFindings, code)
	code, _, _ = runCLI("check", "-format", "xml", seed)
	assert.Equal(t, exitFindings, code)
	code, _, errOut := runCLI("check", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "bulletin check")
}

// TestCheckJSONWithBOM reads bulletin JSON saved with a UTF-8 byte order
// mark (as Windows editors save it), and white space before it, as JSON.
func TestCheckJSONWithBOM(t *testing.T) {
	data, err := os.ReadFile(fixtures + "shares.json")
	require.NoError(t, err)
	for name, prefix := range map[string]string{"bom": "\xef\xbb\xbf", "bom-space": "\xef\xbb\xbf \r\n", "space": "\n\t "} {
		path := filepath.Join(t.TempDir(), name+".json")
		require.NoError(t, os.WriteFile(path, append([]byte(prefix), data...), 0o644))
		code, out, errOut := runCLI("check", "-format", "json", path)
		assert.Equal(t, exitFindings, code, "%s: %s", name, errOut)
		var rep checkJSON
		require.NoError(t, json.Unmarshal([]byte(out), &rep), name)
		assert.Equal(t, 3, rep.Summary.Errors, name)
	}
}
