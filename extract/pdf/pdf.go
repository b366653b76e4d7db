package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/content"
	"github.com/hotline12345/bulletin/extract/pdf/internal/font"
	"github.com/hotline12345/bulletin/extract/pdf/internal/layout"
	"github.com/hotline12345/bulletin/extract/pdf/internal/object"
	"github.com/hotline12345/bulletin/model"
)

// Read reads the PDF file in r (size bytes) into blocks: per page, its
// paragraphs in reading order and its tables, running headers and footers
// marked as such. One page that cannot be read is reported in the
// document's Problems and the other pages are still read; a file that
// cannot be opened, or exceeds one of lim's limits, fails with a
// *block.ParseError. The context is checked between pages.
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	lim = lim.WithDefaults()
	if size < 0 {
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: negative size %d", block.ErrFormat, size))
	}
	if size > lim.MaxInputBytes {
		return nil, block.At(model.Pos{}, block.Exceeded("input bytes", lim.MaxInputBytes))
	}
	// The object reader works on the file in memory: objects are parsed
	// where they lie, and scanning a damaged file is one pass.
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); err != nil && !(errors.Is(err, io.EOF) && int64(n) == size) {
		return nil, block.At(model.Pos{}, fmt.Errorf("reading input: %w", err))
	}
	doc, err := object.Open(data, lim)
	if err != nil {
		return nil, block.At(model.Pos{}, wrapFormat(err))
	}
	pages, treeProblems, err := doc.Pages(lim.MaxPages, lim.MaxDepth)
	if err != nil && len(pages) == 0 {
		return nil, block.At(model.Pos{}, wrapFormat(err))
	}
	if err := doc.Err(); err != nil {
		return nil, block.At(model.Pos{}, err)
	}
	out := block.NewBuilder(lim)
	for _, p := range treeProblems {
		out.Problem(model.Pos{Page: p.Page}, p.Err.Error())
	}
	if err != nil { // more pages than allowed
		return nil, block.At(model.Pos{Page: len(pages)}, err)
	}
	interp := content.New(doc, font.NewCache(doc, lim), lim)
	var laid []*layout.Page
	var firstErr error
	read := 0
	withText, imageOnly := 0, 0
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, block.At(model.Pos{Page: p.Num}, err)
		}
		pos := model.Pos{Page: p.Num}
		lp, ink, notes, err := readPage(interp, p)
		if derr := doc.Err(); derr != nil {
			err = derr // a limit met while the page's objects were read
		}
		for _, n := range notes {
			out.Problem(pos, n)
		}
		if err != nil {
			if errors.Is(err, block.ErrLimit) {
				return nil, block.At(pos, err)
			}
			out.Problem(pos, "page skipped: "+err.Error())
			if firstErr == nil {
				firstErr = block.At(pos, wrapFormat(err))
			}
			continue
		}
		read++
		switch {
		case ink.glyphs > 0:
			withText++
		case ink.images > 0:
			imageOnly++
			out.Problem(pos, "page is an image without a text layer (scanned?); OCR is not supported, the page is not read")
		}
		laid = append(laid, lp)
	}
	if read == 0 && firstErr != nil {
		return nil, firstErr
	}
	if withText == 0 && imageOnly > 0 {
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: scanned PDF: no text layer; OCR is not supported", block.ErrUnsupported))
	}
	// What the object reader repaired or skipped, on opening or while
	// the pages were read, concerns the file as a whole.
	for _, n := range doc.Notes() {
		out.Problem(model.Pos{}, n)
	}
	layout.Furniture(laid)
	layout.Stitch(laid)
	for _, lp := range laid {
		for _, b := range lp.Blocks {
			if err := out.Add(b); err != nil {
				return nil, err
			}
		}
	}
	return out.Document(), nil
}

// ink is what a page draws that can be read: glyphs, and images that
// may be a scan of text.
type ink struct{ glyphs, images int }

// readPage interprets and lays out one page.
func readPage(interp *content.Interpreter, p object.Page) (*layout.Page, ink, []string, error) {
	gp, notes, err := interp.Page(p)
	if err != nil {
		return nil, ink{}, notes, err
	}
	drawn := ink{len(gp.Glyphs), gp.Images}
	lp := layout.Layout(gp, p.Num)
	return lp, drawn, append(notes, lp.Notes...), nil
}

// wrapFormat makes sure an error wraps one of the block sentinels.
func wrapFormat(err error) error {
	for _, s := range []error{block.ErrFormat, block.ErrLimit, block.ErrEncrypted, block.ErrUnsupported, context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, s) {
			return err
		}
	}
	return fmt.Errorf("%w: %w", block.ErrFormat, err)
}
