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
	lim, err := lim.CheckInput(ctx, size)
	if err != nil {
		return nil, err
	}
	// The object reader reads the file through r as it needs it.
	doc, err := object.Open(r, size, lim)
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
	// The objects the page tree walk parsed are not kept: each page's are
	// parsed again when it is read.
	doc.Sweep(0)
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
		interp.Sweep(sweepAge)
		if afterPage != nil {
			afterPage(p.Num)
		}
		if derr := doc.Err(); derr != nil {
			// A limit met while the page's objects were read, or the
			// file could not be read: either ends the read.
			return nil, block.At(pos, derr)
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
		// The page's blocks go out now; what later pages need of it is
		// its furniture candidates, and for a table split by the page
		// break, its last table, kept until the next page is laid out.
		if len(laid) > 0 {
			last := laid[len(laid)-1]
			layout.Stitch([]*layout.Page{last, lp})
			last.Blocks = nil
		}
		for _, b := range lp.Blocks {
			if err := out.Add(b); err != nil {
				return nil, err
			}
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
	return out.Document(), nil
}

// afterPage, when set (by tests), is called after each page is read.
var afterPage func(page int)

// sweepAge is how many pages after its last use an object, font or CMap
// is kept: pages of one document share theirs, and a document appended to
// another does not keep its own to the end of the file.
const sweepAge = 4

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
