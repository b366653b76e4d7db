package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSafeWriter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"办理数 47\n\t100%", "办理数 47\n\t100%"},
		{"\x1b[2J\x1b[31m红\x1b[0m", `\x1b[2J\x1b[31m红\x1b[0m`},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"over\rwrite\b", `over\x0dwrite\x08`},
		{"\u009b31m C1 CSI", `\u009b31m C1 CSI`},
		{"甲局\u202e局乙", `甲局\u202e局乙`},
		{"\x7f del", `\x7f del`},
		{"\xff\xfe not UTF-8", `\xff\xfe not UTF-8`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		w := terminalSafe(&b)
		n, err := w.Write([]byte(tt.in))
		require.NoError(t, err)
		require.NoError(t, w.Flush())
		assert.Equal(t, len(tt.in), n)
		assert.Equal(t, tt.want, b.String(), "%q", tt.in)
	}

	// A character split between two writes comes out whole; one cut
	// short at the end comes out escaped.
	var b bytes.Buffer
	w := terminalSafe(&b)
	s := []byte("办结\x1b")
	w.Write(s[:2])
	w.Write(s[2:4])
	w.Write(s[4:])
	w.Write([]byte("率"[:2]))
	require.NoError(t, w.Flush())
	assert.Equal(t, `办结\x1b\xe7\x8e`, b.String())
}

// obeyable reports the first character of s a terminal would obey rather
// than show: a control other than line feed and tab, a bidirectional
// control, or a byte that is not UTF-8.
func obeyable(s string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return r, true
		}
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || unicode.Is(unicode.Bidi_Control, r) {
			return r, true
		}
	}
	return 0, false
}

// TestEscapesFromDocuments checks an escape-laden bulletin through check
// (text and HTML: html/template escapes markup, not controls) and blocks:
// the escape sequences in its title, unit names and prose are shown, not
// sent to the terminal.
func TestEscapesFromDocuments(t *testing.T) {
	src, err := os.ReadFile(fixtures + "totals.txt")
	require.NoError(t, err)
	doc := strings.NewReplacer(
		"4月份区直部门", "4月份\x1b]0;owned\x07区直部门",
		"| 乙局 |", "| 乙局\x1b[2J\x1b[H |",
		"| 丙局 |", "| 丙\u202e局 |",
	).Replace(string(src))
	// Enough ordinary prose that the few controls do not make the file
	// "not text".
	doc = "本月共受理诉求\x1b[31m44件\u009b0m。\n\n" + strings.Repeat("各单位认真办理群众诉求，按时限回复，群众满意度持续提升。\n", 20) + "\n" + doc
	require.NotEqual(t, string(src), doc)
	path := filepath.Join(t.TempDir(), "escapes\x1b[1m.txt")
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))

	for _, tc := range []struct {
		args  []string
		shown string
	}{
		{[]string{"check", path}, `4月份\x1b]0;owned\x07区直部门`},
		{[]string{"check", "-format", "html", path}, `4月份\x1b]0;owned\x07区直部门`},
		{[]string{"blocks", path}, `\x1b[31m44件\u009b0m`},
		{[]string{"blocks", path}, `乙局\x1b[2J\x1b[H`},
	} {
		args := tc.args
		code, out, errOut := runCLI(args...)
		require.NotEqual(t, exitUnreadable, code, "%v: %s", args, errOut)
		for name, s := range map[string]string{"stdout": out, "stderr": errOut} {
			if r, ok := obeyable(s); ok {
				t.Errorf("%v: %s holds %U:\n%s", args, name, r, s)
			}
		}
		assert.Contains(t, out, tc.shown, "%v shows the escape sequence", args)
	}
	code, out, _ := runCLI("check", path)
	require.Equal(t, exitFindings, code)
	assert.Contains(t, out, `escapes\x1b[1m.txt`)
	assert.Contains(t, out, `丙\u202e局`)
}
