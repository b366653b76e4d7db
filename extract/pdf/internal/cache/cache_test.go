package cache

import "testing"

// TestSweep checks which entries a sweep keeps: those used in the last age
// periods, counting the one it ends.
func TestSweep(t *testing.T) {
	a := New[string, int]()
	a.Put("first page", 1)
	for page := 1; page <= 6; page++ {
		if _, ok := a.Get("every page"); !ok {
			a.Put("every page", 2)
		}
		a.Sweep(2)
		_, ok := a.Get("every page")
		if want := map[bool]int{true: 2, false: 1}[page <= 2]; a.Len() != want || !ok {
			t.Fatalf("after page %d: %d entries, want %d (the one used on every page kept: %v)", page, a.Len(), want, ok)
		}
	}
	a.Sweep(0)
	if a.Len() != 0 {
		t.Fatalf("Sweep(0) kept %d entries", a.Len())
	}
}
