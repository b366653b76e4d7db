// Package pdf reads PDF files into [block.Document]s: per page, the
// paragraphs in reading order and the tables as rows of cells with row and
// column spans, each block with its page and coordinates.
//
// # Pipeline
//
// The reader is split along the way a page is read:
//
//   - internal/object opens the file and reads its objects through the
//     object store github.com/ledongthuc/pdf (used for objects and streams
//     only, never for its page tree or text helpers), walks the page tree
//     itself with a cycle guard and a depth limit, and decodes streams
//     within a byte budget. Its Guard is the one place that recovers the
//     store's panics; a page whose objects are broken is reported in the
//     document's Problems and the other pages are still read.
//   - internal/lex tokenizes content streams and CMaps with a bounded
//     operand stack and nesting depth.
//   - internal/font maps character codes to text (ToUnicode first, with
//     ranges that carry into higher bytes; then a simple font's encoding)
//     and to advance widths (/Widths and FontMatrix for simple and Type3
//     fonts, /W and /DW for CID fonts), caching fonts and CMaps per
//     document.
//   - internal/content interprets the content stream: graphics state and
//     transformation matrix, text state and text matrix, Tj/TJ/'/", form
//     XObjects (recursively, with a depth limit and a cycle guard), and the
//     path operators whose strokes and thin filled rectangles are ruling
//     lines. It yields glyphs and segments in display coordinates.
//   - internal/layout turns them into blocks: ruled tables from the grid
//     of joined ruling lines (spans where a rule is missing), unruled
//     tables from lines whose phrases line up in columns, paragraphs from
//     lines at the line pitch, and running headers, footers and page
//     numbers marked as [block.Header] and [block.Footer] paragraphs.
//
// A table continued on the next page is a table block on each page; the
// interpreter joins them. A row split by the page break is put back
// together here.
//
// # Coordinates
//
// Positions are in points in the page's display space: the origin is the
// lower left corner of the visible page (CropBox, else MediaBox) after its
// /Rotate is applied, x to the right and y upwards. On a page whose text
// runs sideways (a /Rotate without a matching turn of the content) the
// layout reads the text in its own direction, but positions stay in
// display space. A block's X and Y are the baseline origin of its first
// glyph; a table's are its top left corner; a cell's row and column are
// its grid position, 1-based.
//
// # Limits
//
// Besides the input size and page count, the reader enforces
// [block.Limits]'s MaxStreamBytes and MaxDecodedBytes (decoded stream
// data), MaxOperands (operands before an operator), MaxCMapEntries,
// MaxPageItems (glyphs and path segments per page) and MaxDepth (object,
// page tree and form nesting). Exceeding one ends the read with a
// *block.ParseError wrapping [block.ErrLimit] at the page concerned.
package pdf

// BUG(pdf): Files the object store cannot open are rejected: damaged or
// missing cross-reference tables, junk before %PDF or long junk after
// %%EOF, hybrid /XRefStm files (read as empty), LZW, ASCIIHex and
// RunLength filters, RC4-40 and AES-256 encryption. Issue 5 covers them.

// BUG(pdf): Text in CID fonts without a ToUnicode map, or with predefined
// CMaps other than Identity-H/V (GBK-EUC-H, UniGB-UTF16-H), comes out as
// U+FFFD; Type3 glyph names beyond the basic Latin ones are not mapped.

// BUG(pdf): Vertical writing is laid out as if horizontal, and the
// standard 14 fonts without /Widths are measured at half an em per glyph.

// BUG(pdf): Pages set in two or more text columns are read line by line
// across the columns. Table cells are found by ruling lines or by
// alignment; a borderless table whose columns are not separated by a gap
// of about one font size is read as paragraphs.

// BUG(pdf): Crafted cross-reference data (a subsection starting at object
// 3e9, an xref stream with /Size 2e9, a /Prev chain that loops, an object
// stream that holds itself) can still exhaust memory or loop inside the
// object store while the file is opened, before any limit of ours applies.
// Issue 5 adds pre-checks or replaces the object layer.
