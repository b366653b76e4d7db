package lex

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
)

func ops(t *testing.T, src string) []string {
	t.Helper()
	lx := New([]byte(src), 100, 10)
	var out []string
	var stack []Operand
	for {
		op, args, err := lx.Next(stack)
		require.NoError(t, err)
		if op == nil {
			return out
		}
		var parts []string
		for _, a := range args {
			switch a.Kind {
			case Number:
				parts = append(parts, strconv.FormatFloat(a.Num, 'f', -1, 64))
			case Name:
				parts = append(parts, "/"+string(a.Str))
			case String:
				parts = append(parts, "("+string(a.Str)+")")
			case Array:
				parts = append(parts, "["+strconv.Itoa(len(a.Elems))+"]")
			case Dict:
				parts = append(parts, "<<>>")
			}
		}
		out = append(out, strings.Join(append(parts, string(op)), " "))
		if string(op) == "ID" {
			lx.SkipInlineImage()
		}
	}
}

func TestNext(t *testing.T) {
	got := ops(t, `q 1 0 0 -1.5 .5 -3 cm BT /F1#20x 12 Tf (a\(b\)\101) Tj [(x) -250 <4142>] TJ ET
BI /W 2 /H 2 ID `+"\x00EI\xff"+` EI Q % comment
/Span <</ActualText (t)>> BDC EMC`)
	require.Equal(t, []string{
		"q", "1 0 0 -1.5 0.5 -3 cm", "BT", "/F1 x 12 Tf", "(a(b)A) Tj", "[3] TJ", "ET",
		"BI", "/W 2 /H 2 ID", "Q", "/Span <<>> BDC", "EMC",
	}, got)
}

func TestBudgets(t *testing.T) {
	lx := New([]byte(strings.Repeat("1 ", 1000)+"Tj"), 100, 10)
	_, _, err := lx.Next(nil)
	require.ErrorIs(t, err, block.ErrLimit)

	lx = New([]byte(strings.Repeat("[", 100000)), 1000, 50)
	_, _, err = lx.Next(nil)
	require.ErrorIs(t, err, block.ErrLimit)
}
