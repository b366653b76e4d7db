// Package doc reads legacy Word documents — Word 97-2003 .doc, and WPS
// Writer .wps files, which use the same format — into [block.Document]s,
// knowing nothing about bulletins.
//
// # The package
//
// The file is an OLE compound file, opened by extract/internal/cfb (with
// github.com/richardlehane/mscfb, after checks of the directory and of each
// stream's sector chain against [block.Limits]). The WordDocument stream's
// File Information Block names the table stream (0Table or 1Table), the
// length of the main document's text and where the piece table (the Clx's
// PlcPcd) and the paragraph properties (PlcBtePapx) are. The piece table
// maps the text's characters to the WordDocument stream: compressed pieces
// hold one Windows-1252 byte per character, the others UTF-16LE. Every
// piece, property page and table is checked against its stream before it
// is used; one that points outside is an error wrapping
// [block.ErrFormat].
//
// # What is read
//
// The main document's text (not headers, footnotes, comments or text
// boxes). Paragraphs end at paragraph marks (and page or section breaks);
// a line break is "\n", a tab "\t". Fields show their result, not their
// instruction. Pictures, footnote marks and soft hyphens give nothing.
// Paragraphs holding only white space are not blocks.
//
// Tables come from the paragraph properties: a paragraph in a table ends
// its cell at a cell mark, and the paragraph marked as a row end (TTP)
// ends the row. A row's definition (sprmTDefTable) gives its cell edges:
// the table's grid columns are the edges of all its rows, a cell spans the
// columns between its edges, and merged cells (horizontal, or continuing
// the cell above) become column and row spans. A nested table is
// flattened into its cell's text, a line per paragraph.
//
// A compound file without a WordDocument stream (an early WPS or Works
// document) is refused with [block.ErrUnsupported], as is a Word 6/95
// file; a document protected with a password gives [block.ErrEncrypted].
//
// # Positions
//
// Blocks are positioned in the "WordDocument" part by Block, the 1-based
// index of the top-level paragraph or table; rows have Row, cells Row and
// Col (the 1-based grid column). Errors about the table stream name it.
//
// BUG(doc): Headers, footers, footnotes, comments and text boxes are not
// read, nor list numbers generated from numbering properties.
package doc
