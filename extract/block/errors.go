package block

import (
	"errors"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// The causes a reader's error wraps. Test for them with errors.Is; the
// message text is not part of the API.
var (
	// ErrFormat means the input is not a well-formed file of the format
	// being read (not text, a corrupt zip, a broken PDF object).
	ErrFormat = errors.New("malformed input")
	// ErrUnsupported means the input is a format, or uses a feature of one,
	// that the readers do not handle (a legacy .doc, a scanned PDF).
	ErrUnsupported = errors.New("unsupported input")
	// ErrEncrypted means the input is encrypted with a password.
	ErrEncrypted = errors.New("encrypted input")
	// ErrLimit means the input exceeds one of the [Limits].
	ErrLimit = errors.New("limit exceeded")
	// ErrNotBulletin means the input was read but holds no bulletin: a web
	// page with no tables or figures of one (a list of links, a news
	// item). The message says what the input is instead.
	ErrNotBulletin = errors.New("not a bulletin")
)

// ParseError is the error every reader returns: where the problem is, and
// its cause, which wraps one of the sentinel errors above (or a context
// error when extraction was cancelled).
type ParseError struct {
	// File is the file name, when the caller gave one.
	File string
	// Pos is where in the file the problem was found; it may be zero for
	// problems with the file as a whole.
	Pos model.Pos
	// Err is the cause.
	Err error
}

// Error formats the error as "file: position: cause", leaving out what is
// unknown.
func (e *ParseError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if p := e.Pos.String(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// At returns a *ParseError at pos wrapping err.
func At(pos model.Pos, err error) *ParseError {
	return &ParseError{Pos: pos, Err: err}
}
