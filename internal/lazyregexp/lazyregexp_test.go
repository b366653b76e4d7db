package lazyregexp

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCompiledOnFirstUse checks that New compiles nothing, that the first
// use compiles the expression once for all goroutines, and that every
// method answers as the compiled expression does.
func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`(\d+)件`)
	require.Nil(t, r.re)
	require.Equal(t, `(\d+)件`, r.String())

	var wg sync.WaitGroup
	got := make([]bool, 8)
	for i := range got {
		wg.Go(func() { got[i] = r.MatchString("受理12件") })
	}
	wg.Wait()
	require.Equal(t, []bool{true, true, true, true, true, true, true, true}, got)
	first := r.Re()
	require.Same(t, first, r.Re())

	s := "受理12件，办结3件"
	re := first
	require.Equal(t, re.FindString(s), r.FindString(s))
	require.Equal(t, re.FindStringIndex(s), r.FindStringIndex(s))
	require.Equal(t, re.FindStringSubmatch(s), r.FindStringSubmatch(s))
	require.Equal(t, re.FindStringSubmatchIndex(s), r.FindStringSubmatchIndex(s))
	require.Equal(t, re.FindAllString(s, -1), r.FindAllString(s, -1))
	require.Equal(t, re.FindAllStringIndex(s, -1), r.FindAllStringIndex(s, -1))
	require.Equal(t, re.FindAllStringSubmatch(s, -1), r.FindAllStringSubmatch(s, -1))
	require.Equal(t, re.FindAllStringSubmatchIndex(s, -1), r.FindAllStringSubmatchIndex(s, -1))
	require.Equal(t, "受理N，办结N", r.ReplaceAllString(s, "N"))
	require.Equal(t, re.ReplaceAllStringFunc(s, func(string) string { return "x" }), r.ReplaceAllStringFunc(s, func(string) string { return "x" }))
	require.Equal(t, []string{"受理", "，办结", ""}, r.Split(s, -1))
}

// TestBadPattern checks that a pattern that does not compile is reported
// by CompileAll, and panics when it is first used, not before.
func TestBadPattern(t *testing.T) {
	require.NoError(t, CompileAll())
	r := New(`(`)
	require.Error(t, CompileAll())
	require.Panics(t, func() { r.MatchString("x") })
	madeMu.Lock()
	made = made[:len(made)-1] // other tests of the package check theirs
	madeMu.Unlock()
}
