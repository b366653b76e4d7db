package object

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

// ErrDependency marks an error made from a panic of the PDF object package
// (github.com/ledongthuc/pdf), which reports malformed input by panicking.
var ErrDependency = errors.New("malformed PDF object")

// PanicError is a panic of the PDF object package turned into an error. It
// keeps the panic value as the cause, and the stack for debugging.
type PanicError struct {
	// Value is what the package panicked with.
	Value any
	// Stack is the goroutine's stack at the panic.
	Stack string
}

// Error describes the panic value.
func (e *PanicError) Error() string {
	return fmt.Sprintf("%v: %v", ErrDependency, e.Value)
}

// Unwrap returns ErrDependency and, when the package panicked with an
// error, that error, so errors.Is sees both.
func (e *PanicError) Unwrap() []error {
	if err, ok := e.Value.(error); ok {
		return []error{ErrDependency, err}
	}
	return []error{ErrDependency}
}

// dependency is the import path prefix of the package whose panics Guard
// converts.
const dependency = "github.com/ledongthuc/pdf."

// Guard runs fn and returns its error. It is the one place in the PDF
// reader that recovers panics: a panic raised inside the PDF object package
// becomes a *PanicError. Any other panic is a bug of ours and is re-raised,
// so that tests and fuzzing see it instead of a swallowed error.
func Guard(fn func() error) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		stack, fromDep := panicOrigin()
		if !fromDep {
			panic(r)
		}
		err = &PanicError{Value: r, Stack: stack}
	}()
	return fn()
}

// panicOrigin reports whether a frame of the object package is on the
// stack between the panic and the deferred function that recovers it. It
// must be called from that deferred function.
func panicOrigin() (stack string, fromDep bool) {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var b strings.Builder
	for {
		f, more := frames.Next()
		fmt.Fprintf(&b, "%s\n\t%s:%d\n", f.Function, f.File, f.Line)
		if strings.HasPrefix(f.Function, dependency) {
			fromDep = true
		}
		if strings.HasSuffix(f.Function, "/object.Guard") || !more {
			break
		}
	}
	return b.String(), fromDep
}
