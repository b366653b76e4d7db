// Package lazyregexp holds regular expressions that are compiled on their
// first use instead of when the program starts. The interpreter and the
// checker keep several dozen package-level patterns; compiled at package
// initialisation they cost every run of the command a few milliseconds,
// which is most of the CPU a small file takes, whether the run needs them
// or not.
//
// A pattern that does not compile panics on its first use, as
// regexp.MustCompile does at start; [CompileAll] lets a package's tests
// check all of its patterns at once.
package lazyregexp

import (
	"regexp"
	"slices"
	"sync"
)

// Regexp is a regular expression compiled on first use. Its methods are
// those of [regexp.Regexp] that the program uses; Re gives the compiled
// expression for any other. It is safe for concurrent use.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// made are the expressions New returned, for CompileAll.
var (
	madeMu sync.Mutex
	made   []*Regexp
)

// New returns a regular expression that compiles expr when first used.
func New(expr string) *Regexp {
	r := &Regexp{expr: expr}
	madeMu.Lock()
	made = append(made, r)
	madeMu.Unlock()
	return r
}

// CompileAll compiles every expression New has returned and reports the
// first that does not compile. A package's tests call it so that a bad
// pattern fails them even where no test reaches the code that uses it.
func CompileAll() error {
	madeMu.Lock()
	list := slices.Clone(made)
	madeMu.Unlock()
	for _, r := range list {
		if _, err := regexp.Compile(r.expr); err != nil {
			return err
		}
	}
	return nil
}

// Re returns the compiled expression, compiling it on the first call.
func (r *Regexp) Re() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}

// String returns the source text of the expression.
func (r *Regexp) String() string { return r.expr }

// MatchString is [regexp.Regexp.MatchString].
func (r *Regexp) MatchString(s string) bool { return r.Re().MatchString(s) }

// FindString is [regexp.Regexp.FindString].
func (r *Regexp) FindString(s string) string { return r.Re().FindString(s) }

// FindStringIndex is [regexp.Regexp.FindStringIndex].
func (r *Regexp) FindStringIndex(s string) []int { return r.Re().FindStringIndex(s) }

// FindStringSubmatch is [regexp.Regexp.FindStringSubmatch].
func (r *Regexp) FindStringSubmatch(s string) []string { return r.Re().FindStringSubmatch(s) }

// FindStringSubmatchIndex is [regexp.Regexp.FindStringSubmatchIndex].
func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.Re().FindStringSubmatchIndex(s) }

// FindAllString is [regexp.Regexp.FindAllString].
func (r *Regexp) FindAllString(s string, n int) []string { return r.Re().FindAllString(s, n) }

// FindAllStringIndex is [regexp.Regexp.FindAllStringIndex].
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int { return r.Re().FindAllStringIndex(s, n) }

// FindAllStringSubmatch is [regexp.Regexp.FindAllStringSubmatch].
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Re().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is [regexp.Regexp.FindAllStringSubmatchIndex].
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Re().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is [regexp.Regexp.ReplaceAllString].
func (r *Regexp) ReplaceAllString(src, repl string) string { return r.Re().ReplaceAllString(src, repl) }

// ReplaceAllStringFunc is [regexp.Regexp.ReplaceAllStringFunc].
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Re().ReplaceAllStringFunc(src, repl)
}

// Split is [regexp.Regexp.Split].
func (r *Regexp) Split(s string, n int) []string { return r.Re().Split(s, n) }
