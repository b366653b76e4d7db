// Package docx reads DOCX files (Office Open XML WordprocessingML, as
// written by Word, WPS, LibreOffice and pandoc) into [block.Document]s:
// the paragraphs and tables the document lays out, each with its part and
// position, and nothing about bulletins (that is extract/interpret's job).
//
// # The package
//
// The file is opened with archive/zip through an io.ReaderAt. Before any
// part is inflated, the central directory is checked against
// [block.Limits]: the number of entries (MaxParts; the directory itself is
// read through a guard so that a lying directory cannot make archive/zip
// allocate without bound), and for every part that will be read its
// declared size (MaxPartBytes), its compression ratio (MaxCompressionRatio,
// for parts over 1 MiB) and the total of the declared sizes
// (MaxTotalBytes). archive/zip never inflates past a declared size — a part
// that tries to is malformed ([block.ErrFormat]) — so these checks bound
// what is inflated. Parts are streamed through the XML lexer the OOXML
// readers share (about four times as fast as encoding/xml's tokenizer,
// which it replaces): no part is held whole, and one XML token is at most
// MaxTokenBytes. It refuses XML that is not well-formed, and expands only
// the predefined entities and character references: an entity a DOCTYPE
// declares is an error, so no entity can grow the text.
//
// The main document is found through the package relationships
// (_rels/.rels, type officeDocument), whatever its name; a package without
// them is read from word/document.xml. The page headers and footers its
// sections reference (w:headerReference, w:footerReference, through the
// main part's relationships) are read too, each once: their paragraphs
// come first (Region Header) and last (Region Footer) in the document,
// around the body. Other parts (styles, numbering, footnotes, comments,
// media) are never opened.
//
// An OLE compound file is not a zip: Read looks at its directory and
// reports [block.ErrEncrypted] for a password-protected DOCX (it has an
// EncryptionInfo stream) and [block.ErrUnsupported] for a legacy .doc (which
// extract/doc reads) or any other compound file.
//
// # What is read
//
// Paragraphs (w:p) give their text: w:t (leading and trailing white space
// only with xml:space="preserve"), w:tab and w:ptab as "\t", w:br and w:cr
// as "\n", w:noBreakHyphen as "-"; w:softHyphen, w:sym, drawings and
// objects give nothing. Runs split anywhere (inside a number or a name),
// w:proofErr, bookmarks, comment ranges and w:lastRenderedPageBreak do not
// matter. Paragraphs holding only white space are not blocks.
//
// Wrappers are read through: w:hyperlink, w:smartTag, w:customXml, w:dir,
// w:bdo, w:sdt content controls (around blocks, rows, cells and runs; their
// w:sdtPr is not content), w:ins and w:moveTo. Tracked deletions are
// dropped: w:del, w:moveFrom, w:delText, a row whose w:trPr has w:del, a
// cell whose w:tcPr has w:cellDel, and a deleted paragraph mark, which
// joins its paragraph to the next. Hidden runs (w:vanish) and ruby
// annotations (w:rt) are dropped.
//
// Fields show their result: the runs between a w:fldChar separate and end
// (so a =SUM(ABOVE) total reads as the number it shows), and the content
// of w:fldSimple; instructions (w:instrText) and fields nested in them
// are not shown. Of each mc:AlternateContent exactly one branch is read:
// the first mc:Choice, or the mc:Fallback when there is none.
//
// Text boxes (w:txbxContent, in DrawingML or VML) are read as blocks that
// follow the paragraph anchoring them; inside a table cell they add to the
// cell's text.
//
// Tables (w:tbl) become [block.Table]s on their grid, with HTML span
// semantics: w:gridSpan gives ColSpan; w:vMerge restart/continue give the
// starting cell a RowSpan and leave the continuation without a cell;
// legacy w:hMerge widens the starting cell; w:gridBefore becomes an empty
// cell spanning the skipped columns, w:gridAfter nothing. A row with
// w:tblHeader is marked Header. A cell's text is its paragraphs, trimmed,
// one per line. A nested table is flattened into its cell's text (a line
// per row, cells separated by tabs, noted in the problems), except in a
// one-column frame table, whose cells' content is read as blocks.
//
// WordprocessingML is recognised in the transitional and the Strict
// (ISO/IEC 29500 strict) namespaces; parts may be UTF-8 or UTF-16.
//
// # Positions
//
// Every block's Pos names its part ("word/document.xml",
// "word/header1.xml") and Block, the 1-based index of the paragraph or
// table among the part's top-level paragraphs and tables (empty ones
// counted). Blocks from text boxes and frames share the Block of the
// top-level block holding them. Rows have Row (the 1-based w:tr among the
// table's rows), cells Row and Col (the 1-based grid column).
//
// BUG(docx): Footnotes, endnotes and comments are not read, nor content
// imported with w:altChunk (noted in the problems), nor text in DrawingML
// shapes other than text boxes (SmartArt, charts, WordArt).
//
// BUG(docx): Numbering (w:numPr list labels such as "1." or "（一）") and
// automatic text from styles are not generated: only text present in the
// document part is read.
//
// BUG(docx): A floating text box is placed after the paragraph anchoring
// it, whatever its position on the page.
package docx
