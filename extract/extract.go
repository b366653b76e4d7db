// Package extract reads 12345-hotline bulletins from DOCX, PDF, text, XLSX
// and legacy Word and Excel (.doc, .xls, WPS .wps and .et) files and web
// pages (and URLs, see [URL]) into [model.Bulletin] values.
//
// Every format goes through the same pipeline: a format reader
// (extract/text, extract/docx, extract/pdf, extract/html, extract/xlsx,
// extract/doc, extract/xls) turns the file into
// format-neutral blocks (extract/block), and one interpreter
// (extract/interpret) turns the blocks into the bulletin. So the same
// bulletin in any format gives the same records.
//
// The format is detected from the content, not the file name ([Detect]);
// images, archives and empty files are refused with an error that says what
// they are. Errors are
// *[ParseError] values wrapping a sentinel; problems that do not stop
// extraction (a row that does not fit, a skipped line) are listed in the
// bulletin's Problems instead. Every reader works within the [Limits], and
// so does [ReadJSON], which reads back the JSON of a bulletin.
package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/hotline12345/bulletin/extract/block"
	msdoc "github.com/hotline12345/bulletin/extract/doc"
	"github.com/hotline12345/bulletin/extract/docx"
	"github.com/hotline12345/bulletin/extract/html"
	"github.com/hotline12345/bulletin/extract/interpret"
	"github.com/hotline12345/bulletin/extract/pdf"
	"github.com/hotline12345/bulletin/extract/text"
	"github.com/hotline12345/bulletin/extract/xls"
	"github.com/hotline12345/bulletin/extract/xlsx"
	"github.com/hotline12345/bulletin/model"
)

// Format is an input format.
type Format string

// The formats Extract reads.
const (
	Text Format = "text"
	DOCX Format = "docx"
	PDF  Format = "pdf"
	HTML Format = html.HTML
	MHT  Format = html.MHT
	// XLSX is an Office Open XML workbook.
	XLSX Format = "xlsx"
	// XLS is an Excel 97-2003 workbook (BIFF8), also as WPS writes .et.
	XLS Format = "xls"
	// DOC is a Word 97-2003 document, also as WPS writes .wps.
	DOC Format = "doc"
)

// Option configures Extract.
type Option func(*config)

type config struct {
	limits Limits
	name   string
	format Format
	page   pageConfig
}

// WithLimits sets the limits (zero fields keep their defaults).
func WithLimits(l Limits) Option { return func(c *config) { c.limits = l } }

// WithName sets the file name reported in the bulletin's source and in
// errors.
func WithName(name string) Option { return func(c *config) { c.name = name } }

// WithFormat skips format detection.
func WithFormat(f Format) Option { return func(c *config) { c.format = f } }

// sniffBytes is how much of the input Sniff looks at.
const sniffBytes = 1024

// Sniff detects the format from the first bytes of a file: a zip package is
// DOCX, "%PDF-" within the first kilobyte is PDF, markup opening with a
// doctype, <html>, <head>, <meta> or <body> is HTML and a MIME message of
// parts is MHT (whatever the file's name: a page saved as .txt is a page),
// anything else is text. An OLE compound file is reported as DOCX too.
// [Detect], which Extract uses, looks further: into a zip's and a compound
// file's directory, and for files that are not documents at all.
func Sniff(head []byte) Format {
	switch {
	case html.Sniff(head) != "":
		return Format(html.Sniff(head))
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return DOCX
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return DOCX
	case bytes.Contains(head[:min(len(head), sniffBytes)], []byte("%PDF-")):
		return PDF
	}
	return Text
}

// Extract reads the bulletin in r, which holds size bytes. The context is
// checked between pages or parts. On error the result is nil and the error
// is a *ParseError.
func Extract(ctx context.Context, r io.ReaderAt, size int64, opts ...Option) (*model.Bulletin, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	lim := cfg.limits.WithDefaults()
	fail := func(err error) (*model.Bulletin, error) {
		var pe *ParseError
		if !errors.As(err, &pe) {
			pe = &ParseError{Err: err}
		}
		if pe.File == "" {
			pe.File = cfg.name
		}
		return nil, pe
	}
	if size < 0 {
		return fail(fmt.Errorf("%w: negative size %d", ErrFormat, size))
	}
	if size > lim.MaxInputBytes {
		return fail(block.Exceeded("input bytes", lim.MaxInputBytes))
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	sum := sha256.New()
	// io.Copy would allocate 32 KiB whatever the size (neither side offers
	// WriterTo or ReaderFrom); a bulletin is often a fraction of that.
	copyBuf := make([]byte, max(512, min(size, 32<<10)))
	if _, err := io.CopyBuffer(sum, io.NewSectionReader(r, 0, size), copyBuf); err != nil {
		return fail(fmt.Errorf("reading input: %w", err))
	}
	format := cfg.format
	if format == "" {
		f, err := Detect(ctx, r, size, lim)
		if err != nil {
			return fail(err)
		}
		format = f
	}
	var doc *block.Document
	var err error
	switch format {
	case DOCX:
		doc, err = docx.Read(ctx, r, size, lim)
	case XLSX:
		doc, err = xlsx.Read(ctx, r, size, lim)
	case XLS:
		doc, err = xls.Read(ctx, r, size, lim)
	case DOC:
		doc, err = msdoc.Read(ctx, r, size, lim)
	case PDF:
		doc, err = pdf.Read(ctx, r, size, lim)
	case HTML, MHT:
		b, err := readPage(ctx, r, size, format, cfg, hex.EncodeToString(sum.Sum(nil)))
		if err != nil {
			return fail(err)
		}
		return b, nil
	case Text:
		doc, err = text.Read(ctx, io.NewSectionReader(r, 0, size), lim)
	default:
		err = fmt.Errorf("%w: format %q", ErrUnsupported, format)
	}
	if err != nil {
		return fail(err)
	}
	b := interpret.Bulletin(doc)
	b.Source = model.Source{Name: cfg.name, Format: string(format), SHA256: hex.EncodeToString(sum.Sum(nil))}
	return b, nil
}

// ExtractFile reads the bulletin in the named file. The file name (its base
// name) is the bulletin's source name. A saved web page's attachments are
// read from the files next to it, when they are there.
func ExtractFile(ctx context.Context, path string, opts ...Option) (*model.Bulletin, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	opts = append([]Option{WithName(filepath.Base(path)), WithLocation(path)}, opts...)
	b, err := Extract(ctx, f, st.Size(), opts...)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = path
	}
	return b, err
}

// ExtractReader reads a bulletin from a stream (standard input, an HTTP
// body). It buffers the stream, up to the input limit, because DOCX and
// PDF need random access.
func ExtractReader(ctx context.Context, r io.Reader, opts ...Option) (*model.Bulletin, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	lim := cfg.limits.WithDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxInputBytes+1))
	if err != nil {
		return nil, &ParseError{File: cfg.name, Err: fmt.Errorf("reading input: %w", err)}
	}
	if int64(len(data)) > lim.MaxInputBytes {
		return nil, &ParseError{File: cfg.name, Err: block.Exceeded("input bytes", lim.MaxInputBytes)}
	}
	return Extract(ctx, bytes.NewReader(data), int64(len(data)), opts...)
}
