// Package xls reads Excel 97-2003 workbooks — .xls, and WPS spreadsheets
// (.et), which use the same format — into [block.Document]s, knowing
// nothing about bulletins.
//
// # The package
//
// The file is an OLE compound file, opened by extract/internal/cfb (with
// github.com/richardlehane/mscfb, after checks of the directory and of the
// stream's sector chain against [block.Limits]). Its Workbook stream is a
// sequence of BIFF8 records, each checked to lie within the stream. From
// the workbook globals it reads the sheets (BOUNDSHEET8), the shared
// strings (SST, across its CONTINUE records: a string may change from one
// to two bytes a character where a continuation starts), the number
// formats (FORMAT) and the cell formats (XF); a FILEPASS record means the
// workbook is encrypted ([block.ErrEncrypted]). From each visible
// worksheet's substream: LABELSST, LABEL, NUMBER, RK, MULRK, BOOLERR and
// FORMULA cells (a formula's cached value, or its STRING record),
// MERGEDCELLS, and the hidden rows (ROW) and columns (COLINFO). Sheet
// substreams may not overlap, so no byte is read twice. Cells count
// against MaxSheetCells, as does the grid their positions span.
//
// # What is read
//
// A number's text is what the spreadsheet shows under its cell's number
// format — formatted with the same engine as extract/xlsx
// (github.com/xuri/excelize/v2), so 0.9825 under 0.00% reads "98.25%" —
// and its stored value is kept beside it in [block.Cell.Value]. Sheets are
// laid out as paragraphs and tables exactly as XLSX sheets are (see
// extract/xlsx). Hidden sheets, chart sheets and other sheet types are not
// read (noted in the problems); hidden rows and columns are read and
// marked.
//
// An Excel 5/95 workbook (a Book stream, BIFF5) is refused with
// [block.ErrUnsupported], which says to save it as .xlsx.
//
// # Positions
//
// Positions name the sheet as Part and the 1-based Row and Col of the cell;
// errors in the globals name the Workbook stream.
//
// BUG(xls): Formulas are not recomputed (their cached values are read),
// and shared strings' formatting runs and phonetic text are skipped.
package xls
