// Package pdf reads PDF files into [block.Document]s: per page, the
// paragraphs in reading order and the tables as rows of cells with row and
// column spans, each block with its page and coordinates.
//
// # Pipeline
//
// The reader is split along the way a page is read:
//
//   - internal/object is our own object reader. It reads the file on
//     demand through the io.ReaderAt, finds the header
//     (skipping junk before %PDF), reads the cross-reference tables and
//     streams along the /Prev chain (hybrid files' /XRefStm included),
//     checking every count and object number against the file size and
//     the limits before allocating for it, and rebuilds a missing or
//     damaged cross-reference by scanning for "n g obj" as poppler and
//     MuPDF do. It parses objects on first use (object streams too),
//     decodes streams within a byte budget (Flate with PNG and TIFF
//     predictors, LZW, ASCIIHex, ASCII85, RunLength), decrypts files of
//     the standard security handler opened with the empty user password
//     (RC4 40 to 128 bits, AES-128, AES-256 revisions 5 and 6), and walks
//     the page tree itself with a cycle guard and a depth limit. Nothing
//     in it panics on malformed input: a value that cannot be read is
//     null, and what was repaired is reported in the document's Problems.
//   - internal/lex tokenizes content streams and CMaps with a bounded
//     operand stack and nesting depth.
//   - internal/font maps character codes to text: the ToUnicode map first
//     (with ranges that carry into higher bytes); then, for CID fonts, the
//     predefined Adobe-GB1 CMaps (GBK-EUC, GB-EUC, UniGB-UCS2,
//     UniGB-UTF16, -H and -V) with the Adobe-GB1 CID-to-Unicode table,
//     or the inverted cmap table of an embedded TrueType program; for
//     simple and Type3 fonts, the encoding and its /Differences glyph
//     names. It gives advance widths (/Widths and FontMatrix for simple
//     and Type3 fonts, /W and /DW for CID fonts), sharing fonts and CMaps
//     between the pages of a document. The predefined CMap tables are
//     generated from Debian's poppler-data (go generate in internal/font),
//     committed, and unpacked once per process.
//   - internal/content interprets the content stream: graphics state and
//     transformation matrix, text state and text matrix, Tj/TJ/'/", form
//     XObjects (recursively, with a depth limit and a cycle guard), and the
//     path operators whose strokes and thin filled rectangles are ruling
//     lines. It yields glyphs and segments in display coordinates.
//   - internal/layout turns them into blocks: ruled tables from the grid
//     of joined ruling lines (spans where a rule is missing); unruled
//     tables (borderless, three-line) from the columns their rows of
//     numbers share, with the header above them up to the top rule and
//     two-level headers as spans; paragraphs rebuilt from the lines'
//     geometry (a line that runs to the right edge continues, an indent
//     or a short line ends the paragraph, Chinese joins without a space);
//     and running headers, footers and page numbers, recognised by their
//     shape and their repetition across pages wherever they sit, marked
//     as [block.Header] and [block.Footer] paragraphs.
//
// A page whose text is mostly U+FFFD, control or Latin-1 characters while
// a font on it claims CJK glyphs was decoded with a mapping the reader
// does not have: it is reported as an unsupported font encoding (an error
// wrapping [block.ErrUnsupported]) and its text is not returned.
//
// A file whose pages draw images but no text at all (a scanned document
// without a text layer) fails with an error wrapping
// [block.ErrUnsupported]: "scanned PDF: no text layer; OCR is not
// supported". In a file with text on other pages, such a page is
// reported in the document's Problems.
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
// [block.Limits]'s MaxObjects (object numbers in cross-reference data),
// MaxStreamBytes and MaxDecodedBytes (decoded stream data), MaxOperands
// (operands before an operator), MaxCMapEntries (also the count a CMap
// block declares), MaxPageItems (glyphs and path segments per page) and
// MaxDepth (object, page tree and form nesting), and bounds the values
// parsed per byte of input. Exceeding one ends the read with a
// *block.ParseError wrapping [block.ErrLimit] at the page concerned (page
// 0 when the file is opened).
//
// # Memory
//
// The file is read through the [io.ReaderAt] as objects are needed, a few
// blocks of it cached, never whole. Pages are interpreted and laid out one
// at a time: a page's glyphs and lines are dropped once its blocks are
// made. Parsed objects, fonts and CMaps are shared by every page that
// uses them and dropped a few pages after their last use; the predefined
// CMaps are unpacked once per process. So the memory a read takes beyond
// the blocks it returns does not grow with the number of pages.
//
// # Encryption
//
// Files encrypted by the standard security handler with an empty user
// password (owner restrictions only, the usual case for government
// bulletins) are decrypted. A file that needs a user password fails with
// [block.ErrEncrypted]; another security handler with
// [block.ErrUnsupported].
package pdf

// BUG(pdf): Text in CID fonts without a ToUnicode map is read only for
// the Adobe-GB1 collection (simplified Chinese) and for embedded TrueType
// programs; other CJK fonts without one (CNS1, Japan1, Korea1 and their
// predefined CMaps) are reported as an unsupported font encoding. Type3 glyph names are read in
// the uniXXXX, uXXXX and Latin forms; other names give U+FFFD.

// BUG(pdf): Vertical writing is laid out as if horizontal (with the
// fonts' horizontal widths), and the standard 14 fonts without /Widths
// are measured at half an em per glyph.

// BUG(pdf): Pages set in two or more text columns are read line by line
// across the columns. Table cells are found by ruling lines or by
// alignment; an unruled table is found only from three or more columns of
// mostly numbers separated by a gap of about one font size, and its
// header only two levels deep (a group header row over one row of
// sub-headers).

// BUG(pdf): Only the standard security handler with the empty user
// password is supported; a user password cannot be given. Image filters
// (DCT, JPX, CCITT, JBIG2) are not decoded, as images carry no text.
