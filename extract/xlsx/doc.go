// Package xlsx reads XLSX workbooks (Office Open XML SpreadsheetML, as
// written by Excel, WPS, LibreOffice and programs) into [block.Document]s,
// knowing nothing about bulletins.
//
// # The package
//
// The workbook is read with github.com/xuri/excelize/v2, which formats
// values as the spreadsheet shows them, after checks of our own that the
// library does not make:
//
//   - the zip central directory is checked against [block.Limits] before
//     anything is inflated, as for DOCX (MaxParts, and for every entry —
//     the library inflates them all — MaxPartBytes, MaxCompressionRatio
//     and MaxTotalBytes);
//   - each visible worksheet is first read as a bounded XML stream
//     (MaxTokenBytes, MaxDepth) that counts the cells the library will lay
//     out — every row up to its last cell, so a few cells declared far
//     apart count as the grid between them — against MaxSheetCells, and
//     collects the cells holding values, the merged ranges and the hidden
//     rows and columns;
//   - the parts used are read through archive/zip's size and checksum
//     checks, which the library skips.
//
// Only then does the library open the workbook, in memory (it writes no
// temporary files).
//
// # What is read
//
// Every visible worksheet, in workbook order; hidden sheets, chart sheets
// and other sheet types are noted in the problems and not read. A cell's
// text is its value as displayed under its number format (0.9825 formatted
// 0.00% reads "98.25%", so the text and its decimals are what a reader of
// the spreadsheet sees); the stored value, when it differs, is kept beside
// it in [block.Cell.Value]. A formula gives its cached value. Simple
// formulas (arithmetic, SUM, AVERAGE, ROUND and a few more over plain
// cells of the same sheet) are recomputed, and one whose cached value
// disagrees with its recomputation is noted in the problems; a formula
// with no cached value shows its recomputation, or stays empty when it
// cannot be recomputed, and is noted either way.
//
// Each sheet is laid out by extract/internal/sheet: rows whose only
// content is one cell (in the first column, or merged across columns) are
// paragraphs — titles, prose, notes — unless table rows stand directly
// above and below; runs of other rows, up to an empty row, are tables,
// with merged ranges as row and column spans. A sheet that starts with a
// table gets its name as a first paragraph (the table's caption), unless
// the name is one programs give new sheets ("Sheet1", "工作表1"). Hidden
// rows and columns are read, marked ([block.Row.Hidden],
// [block.Cell.Hidden]) and noted in the problems.
//
// # Positions
//
// Positions name the sheet as Part and the 1-based spreadsheet Row and Col
// of the cell, row or table; errors in a package part name the part.
package xlsx
