package block

import (
	"context"
	"fmt"
	"time"

	"github.com/hotline12345/bulletin/model"
)

// Limits bounds the work and memory a reader may spend on one input, so that
// a hostile or broken file ends in an error wrapping [ErrLimit] instead of
// exhausting the machine. The zero value of a field means its default; a
// negative value is treated as the default too. Defaults are generous for
// real bulletins (the largest seen are a few MB with a few thousand rows).
type Limits struct {
	// MaxInputBytes bounds the size of the input file. Default 256 MiB.
	MaxInputBytes int64
	// MaxLineBytes bounds one line of a text file. Default 1 MiB.
	MaxLineBytes int
	// MaxBlocks bounds the paragraphs and tables of a document.
	// Default 1,000,000.
	MaxBlocks int
	// MaxRows bounds the rows of one table. Default 100,000.
	MaxRows int
	// MaxCells bounds the table cells of a whole document, a merged cell
	// counting once for every grid position it covers (so it also bounds
	// what the interpreter makes of the tables: about 1 KB a row of up to
	// eight values). Default 1,000,000.
	MaxCells int
	// MaxParts bounds the entries of a DOCX package. Default 10,000.
	MaxParts int
	// MaxPartBytes bounds the uncompressed size of one DOCX part.
	// Default 256 MiB.
	MaxPartBytes int64
	// MaxTotalBytes bounds the uncompressed size of all DOCX parts read.
	// Default 512 MiB.
	MaxTotalBytes int64
	// MaxCompressionRatio bounds uncompressed/compressed size of a DOCX
	// part larger than 1 MiB. Default 200.
	MaxCompressionRatio int
	// MaxPages bounds the pages of a PDF. Default 10,000.
	MaxPages int
	// MaxDepth bounds nesting: XML and HTML elements (and the fields
	// nested in a DOCX field), PDF objects and form XObjects. Default 256.
	MaxDepth int
	// MaxObjects bounds PDF object numbers: cross-reference entries, /Size
	// and the objects found when a damaged file is scanned, so that a
	// crafted subsection starting at object 3e9 is rejected before
	// anything is allocated for it. Default 8,388,607, the largest object
	// number of PDF 1.7's implementation limits.
	MaxObjects int
	// MaxStreamBytes bounds the decoded data of one PDF stream (a page's
	// content, a font's ToUnicode map), so that a flate bomb stops early.
	// Default 32 MiB.
	MaxStreamBytes int64
	// MaxDecodedBytes bounds the decoded data of all PDF streams of a
	// document together. Default 512 MiB.
	MaxDecodedBytes int64
	// MaxOperands bounds the operands a PDF content stream or CMap may
	// stack up before an operator, counting the elements of arrays and
	// dictionaries among them. Default 100,000.
	MaxOperands int
	// MaxCMapEntries bounds the code mappings of one PDF CMap (a ToUnicode
	// map or an embedded encoding). Default 1,000,000.
	MaxCMapEntries int
	// MaxPageItems bounds the glyphs and path segments collected from one
	// PDF page. Default 1,000,000.
	MaxPageItems int
	// MaxTokenBytes bounds one token of a markup or content stream: an XML
	// tag with its attributes, a run of XML text or a comment in a DOCX
	// part, an HTML tag, text run, comment or script, so that a huge
	// attribute or text node is never buffered whole.
	// Default 1 MiB.
	MaxTokenBytes int
	// MaxRedirects bounds the redirects followed when a page or an
	// attachment is fetched from a URL. Default 10.
	MaxRedirects int
	// MaxAttachments bounds the attachments (附件) of a web page that are
	// read with it. Default 20.
	MaxAttachments int
	// FetchTimeout bounds the time one fetch of a page or an attachment
	// may take, from the request to the end of the body. Default 60s.
	FetchTimeout time.Duration
	// MaxSheetCells bounds the cells of one spreadsheet sheet (XLSX, XLS),
	// counted as the sheet lays them out: every row up to its last cell,
	// empty cells before it included, so that a few cells declared far
	// apart cannot make a reader allocate the grid between them.
	// Default 1,000,000.
	MaxSheetCells int
	// MaxGridCells bounds the grid of one table: its rows times its widest
	// row once merged cells are spread over the positions they cover, so
	// that a few cells with large spans (a DOCX w:gridSpan on every row)
	// cannot make a small file lay out a huge table. Default 1,000,000.
	MaxGridCells int
	// MaxParagraphs bounds the paragraphs of a document (every line of
	// running text in a text file that is not joined to the one before).
	// Default 1,000,000.
	MaxParagraphs int
	// MaxFigureCandidates bounds the numbers the interpreter considers as
	// figures in one paragraph of prose; the numbers after them are not
	// read, and a problem says so. Default 1,000.
	MaxFigureCandidates int
	// MaxDecimals bounds the digits after the point that a value read from
	// bulletin JSON may claim to print (a cell's decimals, a figure's
	// decimals and share_decimals); no bulletin prints more, and the
	// checker's arithmetic is exact only up to it. Default 12.
	MaxDecimals int
	// MaxTextBytes bounds the text of a document: a text file's bytes,
	// and the text of the paragraphs and cells any reader yields. What is
	// made of a document grows with its text, so this bounds memory where
	// MaxInputBytes, which counts compressed parts and images, cannot.
	// Default 64 MiB.
	MaxTextBytes int64
	// MaxFigures bounds the figures, and the unit mentions, the prose of
	// one document yields; the numbers and lists after them are not read,
	// and a problem says so. Default 100,000.
	MaxFigures int
}

// DefaultLimits are the limits a zero Limits stands for.
var DefaultLimits = Limits{
	MaxInputBytes:       256 << 20,
	MaxLineBytes:        1 << 20,
	MaxBlocks:           1_000_000,
	MaxRows:             100_000,
	MaxCells:            1_000_000,
	MaxParts:            10_000,
	MaxPartBytes:        256 << 20,
	MaxTotalBytes:       512 << 20,
	MaxCompressionRatio: 200,
	MaxPages:            10_000,
	MaxDepth:            256,
	MaxObjects:          8_388_607,
	MaxStreamBytes:      32 << 20,
	MaxDecodedBytes:     512 << 20,
	MaxOperands:         100_000,
	MaxCMapEntries:      1_000_000,
	MaxPageItems:        1_000_000,
	MaxTokenBytes:       1 << 20,
	MaxRedirects:        10,
	MaxAttachments:      20,
	FetchTimeout:        60 * time.Second,
	MaxSheetCells:       1_000_000,
	MaxGridCells:        1_000_000,
	MaxParagraphs:       1_000_000,
	MaxFigureCandidates: 1_000,
	MaxDecimals:         12,
	MaxTextBytes:        64 << 20,
	MaxFigures:          100_000,
}

// WithDefaults returns l with every zero or negative field set to its
// default.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits
	pick := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	pick64 := func(v *int64, def int64) {
		if *v <= 0 {
			*v = def
		}
	}
	pick64(&l.MaxInputBytes, d.MaxInputBytes)
	pick(&l.MaxLineBytes, d.MaxLineBytes)
	pick(&l.MaxBlocks, d.MaxBlocks)
	pick(&l.MaxRows, d.MaxRows)
	pick(&l.MaxCells, d.MaxCells)
	pick(&l.MaxParts, d.MaxParts)
	pick64(&l.MaxPartBytes, d.MaxPartBytes)
	pick64(&l.MaxTotalBytes, d.MaxTotalBytes)
	pick(&l.MaxCompressionRatio, d.MaxCompressionRatio)
	pick(&l.MaxPages, d.MaxPages)
	pick(&l.MaxDepth, d.MaxDepth)
	pick(&l.MaxObjects, d.MaxObjects)
	pick64(&l.MaxStreamBytes, d.MaxStreamBytes)
	pick64(&l.MaxDecodedBytes, d.MaxDecodedBytes)
	pick(&l.MaxOperands, d.MaxOperands)
	pick(&l.MaxCMapEntries, d.MaxCMapEntries)
	pick(&l.MaxPageItems, d.MaxPageItems)
	pick(&l.MaxTokenBytes, d.MaxTokenBytes)
	pick(&l.MaxRedirects, d.MaxRedirects)
	pick(&l.MaxAttachments, d.MaxAttachments)
	if l.FetchTimeout <= 0 {
		l.FetchTimeout = d.FetchTimeout
	}
	pick(&l.MaxSheetCells, d.MaxSheetCells)
	pick(&l.MaxGridCells, d.MaxGridCells)
	pick(&l.MaxParagraphs, d.MaxParagraphs)
	pick(&l.MaxFigureCandidates, d.MaxFigureCandidates)
	pick(&l.MaxDecimals, d.MaxDecimals)
	pick64(&l.MaxTextBytes, d.MaxTextBytes)
	pick(&l.MaxFigures, d.MaxFigures)
	return l
}

// Exceeded returns an error wrapping [ErrLimit] that names the limit.
func Exceeded(name string, limit int64) error {
	return fmt.Errorf("%w: more than %d %s", ErrLimit, limit, name)
}

// CheckInput is where a reader starts: it returns the limits with their
// defaults, or a *ParseError when the input's size is negative
// ([ErrFormat]) or over MaxInputBytes ([ErrLimit]), or ctx has ended.
func (l Limits) CheckInput(ctx context.Context, size int64) (Limits, error) {
	l = l.WithDefaults()
	switch {
	case size < 0:
		return l, At(model.Pos{}, fmt.Errorf("%w: negative size %d", ErrFormat, size))
	case size > l.MaxInputBytes:
		return l, At(model.Pos{}, Exceeded("input bytes", l.MaxInputBytes))
	}
	if err := ctx.Err(); err != nil {
		return l, At(model.Pos{}, err)
	}
	return l, nil
}

// GridExceeded returns the error for a table whose grid (rows times
// columns, merged cells spread over the positions they cover) passes limit
// positions, wrapping [ErrLimit].
func GridExceeded(limit int) error {
	return Exceeded("grid cells in a table (rows × columns, merged cells spread out)", int64(limit))
}
