package extract

import (
	"errors"

	"github.com/hotline12345/bulletin/extract/block"
)

// ParseError is the error Extract returns: the file, where in it the
// problem is (line, page, part, cell) and its cause. The cause wraps one of
// the sentinel errors below, or a context error when extraction was
// cancelled. Every format reader returns this one type, so
//
//	var pe *extract.ParseError
//	if errors.As(err, &pe) { fmt.Println(pe.File, pe.Pos.Line) }
//
// works whatever the format.
type ParseError = block.ParseError

// The sentinel causes. Test for them with errors.Is; messages are not part
// of the API.
var (
	// ErrFormat: the input is not a well-formed file of its format.
	ErrFormat = block.ErrFormat
	// ErrUnsupported: a format, or a feature of one, that is not handled
	// (a legacy .doc, a scanned PDF without text).
	ErrUnsupported = block.ErrUnsupported
	// ErrEncrypted: the input needs a password.
	ErrEncrypted = block.ErrEncrypted
	// ErrLimit: the input exceeds one of the Limits.
	ErrLimit = block.ErrLimit
	// ErrNotBulletin: the input was read but holds no bulletin (a web
	// page with no tables or figures of one); the message says what it is.
	ErrNotBulletin = block.ErrNotBulletin
	// ErrFetch: a URL could not be fetched: the server did not answer,
	// answered with a status other than 200, or sent a content type that is
	// not one of the formats read. Timeouts wrap
	// context.DeadlineExceeded as well.
	ErrFetch = errors.New("fetch failed")
)

// Limits bounds the bytes, lines, parts, pages, rows, cells and nesting a
// reader accepts; see [block.Limits] for the fields and their defaults. The
// zero value means the defaults.
type Limits = block.Limits
