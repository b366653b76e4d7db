// Package cache holds what a PDF reader parses once and shares between the
// pages that use it (objects, fonts, CMaps, resource dictionaries), and
// drops it when the pages that follow stop using it: a file made of
// several documents does not keep the first one's fonts to its end, and
// the memory a read takes does not grow with its pages.
package cache

// Aging is a map whose entries are dropped by [Aging.Sweep] once no
// [Aging.Get] or [Aging.Put] has used them for a given number of sweeps.
// The zero value is not ready; use [New]. It is not safe for concurrent
// use.
type Aging[K comparable, V any] struct {
	m      map[K]entry[V]
	sweeps int
}

type entry[V any] struct {
	v    V
	used int // the sweep it was last used in
}

// New returns an empty map.
func New[K comparable, V any]() *Aging[K, V] {
	return &Aging[K, V]{m: map[K]entry[V]{}}
}

// Get returns the value of k, and whether there is one, marking it used.
func (a *Aging[K, V]) Get(k K) (V, bool) {
	e, ok := a.m[k]
	if ok && e.used != a.sweeps {
		e.used = a.sweeps
		a.m[k] = e
	}
	return e.v, ok
}

// Put sets the value of k, marking it used.
func (a *Aging[K, V]) Put(k K, v V) { a.m[k] = entry[V]{v, a.sweeps} }

// Delete drops k.
func (a *Aging[K, V]) Delete(k K) { delete(a.m, k) }

// Len returns the number of entries.
func (a *Aging[K, V]) Len() int { return len(a.m) }

// Sweep ends a period of use (a reader calls it after each page) and drops
// the entries not used in the last age periods, counting the one it ends:
// Sweep(0) drops them all.
func (a *Aging[K, V]) Sweep(age int) {
	a.sweeps++
	for k, e := range a.m {
		if a.sweeps-e.used > age {
			delete(a.m, k)
		}
	}
}
