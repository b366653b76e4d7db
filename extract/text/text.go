// Package text reads plain-text bulletins into [block.Document]s.
//
// It decodes the bytes (UTF-8 or UTF-16 with or without BOM, GB18030 and
// GBK; CRLF, CR or LF line ends) and finds the tables among the lines
// without being told their layout. Each of these is recognised:
//
//   - one cell per TAB-prefixed line, rows separated by blank lines, a cell
//     wrapped onto continuation lines, a TAB alone for an empty cell, a
//     merged cell printed once (a text copy of a Word table);
//   - one row per line with TAB-separated cells (a spreadsheet copy),
//     Excel-style quoted cells spanning lines included;
//   - pipe rows "| a | b |", with or without rule lines, grid tables whose
//     rows span several lines between rules;
//   - one cell per line ending in " |";
//   - cells separated by blank lines;
//   - columns aligned with spaces, as pdftotext -layout and pandoc print
//     them: header cells wrapped over several lines (blank lines among
//     them included) and placed by position, group labels centred over
//     their sub-columns, unit names wrapped above and below their row or
//     under it, numbers pdftotext closed up to their neighbours, a table
//     running over pages with its header repeated or not.
//
// Text printed from pages (pdftotext -layout) carries page furniture: page
// numbers ("— 3 —", "第3页", a bare number at the edge of a page) and lines
// repeated at the top or bottom of pages. They are taken out of the flow,
// so that neither a table nor a paragraph is cut by them, and reported as
// header and footer paragraphs.
//
// Where a layout has no row separators, the row width is inferred from the
// table's shape: a header of labels, then rows that repeat one pattern of
// label and number columns. Lines of empty-cell debris ("||||") are skipped
// and noted in the document's problems. Every other line becomes a
// paragraph. Lines of one hard-wrapped paragraph are joined: a line reaching
// the right margin goes on, past one blank line too, unless the next line
// is indented as a first line or starts an item; single spaces next to
// Chinese characters, which pdftotext leaves around numbers, are closed up.
//
// The reader knows table shapes, not bulletins: which row is a header, what
// a column means and what a value is worth is left to extract/interpret.
package text

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// ctxCheckEvery is how many lines the scanner reads between checks of the
// context.
const ctxCheckEvery = 1024

// Read decodes r and returns its blocks. It reads at most
// lim.MaxInputBytes (after defaults) and fails with an error wrapping
// [block.ErrLimit] beyond that; errors are *block.ParseError values.
func Read(ctx context.Context, r io.Reader, lim block.Limits) (*block.Document, error) {
	lim = lim.WithDefaults()
	var buf bytes.Buffer
	if s, ok := r.(interface{ Size() int64 }); ok && s.Size() >= 0 && s.Size() <= lim.MaxInputBytes {
		// A reader that knows its size (a file's section) is read into a
		// buffer of that size, not one grown by doubling. (A section made
		// with a negative length says so in its Size.)
		buf.Grow(int(s.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, lim.MaxInputBytes+1)); err != nil {
		return nil, &block.ParseError{Err: fmt.Errorf("reading input: %w", err)}
	}
	// ReadBytes refuses input over MaxInputBytes.
	return ReadBytes(ctx, buf.Bytes(), lim)
}

// ReadBytes is [Read] on input already in memory.
func ReadBytes(ctx context.Context, data []byte, lim block.Limits) (*block.Document, error) {
	lim = lim.WithDefaults()
	if int64(len(data)) > lim.MaxInputBytes {
		return nil, block.At(model.Pos{}, block.Exceeded("input bytes", lim.MaxInputBytes))
	}
	if int64(len(data)) > lim.MaxTextBytes {
		// Checked before decoding: the text is what the memory of
		// everything read from it grows with.
		return nil, block.At(model.Pos{}, block.Exceeded("bytes of text", lim.MaxTextBytes))
	}
	s, _, err := Decode(data)
	if err != nil {
		return nil, err
	}
	lines, err := splitLines(s, lim.MaxLineBytes)
	if err != nil {
		return nil, err
	}
	sc := &scanner{ctx: ctx, out: block.NewBuilder(lim)}
	regions := furniture(lines)
	// The body's lines are kept in place: a copy would double the memory
	// of a file of short lines.
	sc.lines = lines[:0]
	for i, l := range lines {
		if regions[i] == block.Body {
			sc.lines = append(sc.lines, l)
		} else {
			sc.furniture = append(sc.furniture, furnitureLine{l, regions[i]})
		}
	}
	if err := sc.run(); err != nil {
		return nil, err
	}
	return sc.out.Document(), nil
}

// splitLines splits on CRLF, CR and LF. The list is sized once, from the
// count of line ends (a CRLF counted once, or a Windows file's list would
// be twice its size): grown by append, the list of a file of short lines
// would cost several times its final size.
func splitLines(s string, maxLine int) ([]line, error) {
	ends := strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
	lines := make([]line, 0, ends+1)
	for n := 1; s != ""; n++ {
		i := strings.IndexAny(s, "\r\n")
		var text string
		if i < 0 {
			text, s = s, ""
		} else {
			text = s[:i]
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			s = s[i+1:]
		}
		if len(text) > maxLine {
			return nil, block.At(model.Pos{Line: n}, block.Exceeded("bytes in a line", int64(maxLine)))
		}
		l := line{num: n, raw: text, fold: fold(text)}
		l.k = l.classify()
		lines = append(lines, l)
	}
	return lines, nil
}

// scanner walks the lines once, trying each table layout where a table may
// start and emitting paragraphs elsewhere.
type scanner struct {
	ctx   context.Context
	lines []line
	i     int
	out   *block.Builder
	err   error // first error from the builder
	para  *block.Paragraph
	// paraLastEdge is the display column where the open paragraph's last
	// line ends.
	paraLastEdge int
	// paraBuf holds the text of the open paragraph once a second line
	// joins it.
	paraBuf strings.Builder
	// plainUntil is the index of the first line after a region already
	// found not to be a table.
	plainUntil int
	// wrapEdge is the display column the lines of the document's
	// hard-wrapped paragraphs reach, or 0 when they are not wrapped.
	wrapEdge int
	// margin is the indent of the document's running text; a line indented
	// past it opens a paragraph.
	margin int
	// paraBlanks counts the blank lines since the open paragraph's last
	// line.
	paraBlanks int
	// furniture holds the page numbers and running lines taken out of
	// lines, in order, to be reported where they stood.
	furniture []furnitureLine
	// cellBuf and textBuf are the buffers of cells and one-line cell texts
	// readMarked reuses from region to region.
	cellBuf []tcell
	textBuf []string
}

// furnitureLine is a line of page furniture and the region it belongs to.
type furnitureLine struct {
	line   line
	region block.Region
}

func (s *scanner) run() error {
	s.wrapEdge, s.margin = hardWrapEdge(s.lines)
	next := ctxCheckEvery
	for s.i < len(s.lines) && s.err == nil {
		if s.i >= next {
			next = s.i + ctxCheckEvery
			if err := s.ctx.Err(); err != nil {
				return block.At(model.Pos{Line: s.lines[s.i].num}, err)
			}
		}
		l := s.lines[s.i]
		switch l.kind() {
		case kBlank:
			// A paragraph whose last line reached the right margin goes
			// on past one blank line: pdftotext prints the lines of a
			// widely spaced paragraph with blank lines between them.
			if s.para == nil || s.paraBlanks > 0 || !s.mayContinue() {
				s.flushParagraph()
			}
			s.paraBlanks++
			s.i++
			continue
		case kDebris:
			s.debris(l)
			s.i++
			continue
		}
		if start := s.i; s.i >= s.plainUntil && (s.tryPipe() || s.tryTSV() || s.tryMarked() || s.tryAligned() || s.tryBlankSeparated()) {
			// Recognizers step over debris inside a table; it is noted
			// here, once, for the lines the table took. Lines a recognizer
			// looked at but gave back come round again in this loop.
			for _, l := range s.lines[start:s.i] {
				if l.kind() == kDebris {
					s.debris(l)
				}
			}
			continue
		}
		s.textLine(l)
		s.i++
	}
	s.flushParagraph()
	s.addFurniture(0)
	return s.err
}

// debris notes a skipped line of empty-cell debris.
func (s *scanner) debris(l line) {
	s.out.Problem(model.Pos{Line: l.num}, fmt.Sprintf("skipped a line of empty-cell debris %q", strings.TrimSpace(l.raw)))
}

// textLine adds a line of running text, joining it to the paragraph before
// when that paragraph was hard-wrapped.
func (s *scanner) textLine(l line) {
	text := closeCJKSpaces(strings.TrimSpace(l.raw))
	if s.para != nil && s.continuesParagraph(text, l) {
		// Joined in a buffer: joining string to string would copy the
		// paragraph for every line, quadratic in a long wrapped paragraph.
		if s.paraBuf.Len() == 0 {
			s.paraBuf.WriteString(s.para.Text)
		}
		s.paraBuf.WriteString(wrapSeparator(s.para.Text, text))
		s.paraBuf.WriteString(text)
		s.para.Text = s.paraBuf.String()
	} else {
		s.flushParagraph()
		s.para = &block.Paragraph{Text: text, Pos: model.Pos{Line: l.num}}
	}
	s.paraLastEdge = indent(l) + displayWidth(strings.TrimSpace(l.fold))
	s.paraBlanks = 0
}

func (s *scanner) flushParagraph() {
	if s.para != nil {
		s.add(s.para)
		s.para = nil
		s.paraBuf.Reset()
	}
}

// addTable emits a table, ending any open paragraph first.
func (s *scanner) addTable(t *block.Table) {
	s.flushParagraph()
	s.add(t)
}

func (s *scanner) add(b block.Block) {
	// Furniture standing before the block comes first; furniture inside a
	// table's lines comes after it.
	s.addFurniture(b.Position().Line)
	if s.err == nil {
		s.err = s.out.Add(b)
	}
}

// addFurniture reports the furniture lines numbered below before as header
// and footer paragraphs (all of them when before is 0).
func (s *scanner) addFurniture(before int) {
	for len(s.furniture) > 0 && (before == 0 || s.furniture[0].line.num < before) && s.err == nil {
		f := s.furniture[0]
		s.furniture = s.furniture[1:]
		s.err = s.out.Add(&block.Paragraph{Text: strings.TrimSpace(f.line.raw), Region: f.region, Pos: model.Pos{Line: f.line.num}})
	}
}
