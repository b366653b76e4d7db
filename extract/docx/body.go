package docx

import (
	"encoding/xml"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
	"github.com/hotline12345/bulletin/model"
)

// partReader reads the block content of one part (the main document, a
// header or a footer).
type partReader struct {
	*ooxml.Tokens
	rd     *reader
	region block.Region
	// level is 0 for the part's own blocks and grows inside table cells
	// and text boxes, whose blocks share the position of the top-level
	// block holding them.
	level int
	// fields are the open complex fields (w:fldChar begin … end), true
	// once past their separator; instr counts those still in their
	// instruction, whose text is not shown.
	fields []bool
	instr  int
	// refs are the header and footer relationship ids of the part's
	// section properties, in document order.
	refs []string
}

// dropped are the elements whose content is never shown: tracked
// deletions, field instructions, ruby annotations, content-control
// properties and formatting properties read only where they matter.
var dropped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true, "instrText": true,
	"rt": true, "sdtPr": true, "sdtEndPr": true, "fldData": true, "ffData": true,
	"pPr": true, "rPr": true, "tblPr": true, "tblGrid": true, "tblPrEx": true, "trPr": true, "tcPr": true,
	"background": true, "footnotePr": true, "endnotePr": true,
}

// body reads block content (paragraphs, tables, content controls, custom
// XML, …) until the element just opened ends, appending its blocks to out.
// hook, when not nil, gets the first look at every child element and
// reports whether it consumed it.
func (p *partReader) body(out *[]block.Block, hook func(xml.StartElement) (bool, error)) error {
	d := p.Depth()
	var carry *block.Paragraph // a paragraph whose mark was deleted: it joins the next one
	flush := func() {
		if carry != nil {
			p.addParagraph(out, carry)
			carry = nil
		}
	}
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) {
			continue // character data between elements; foreign wrappers are read through
		}
		if hook != nil {
			if done, err := hook(se); err != nil {
				return err
			} else if done {
				continue
			}
		}
		switch se.Name.Local {
		case "p":
			if p.level == 0 {
				p.Pos.Block++
			}
			para, extra, joinNext, err := p.paragraph()
			if err != nil {
				return err
			}
			if carry != nil {
				para.Text = carry.Text + para.Text
				para.Pos = carry.Pos
				carry = nil
			}
			if joinNext {
				carry = para
			} else {
				p.addParagraph(out, para)
			}
			*out = append(*out, extra...)
		case "tbl":
			flush()
			if p.level == 0 {
				p.Pos.Block++
			}
			if err := p.table(out); err != nil {
				return err
			}
		case "sectPr":
			if err := p.sectPr(); err != nil {
				return err
			}
		case "altChunk":
			p.rd.problem(p.Pos, "imported content (w:altChunk) is not read")
			if err := p.Skip(); err != nil {
				return err
			}
		default:
			if dropped[se.Name.Local] {
				if err := p.Skip(); err != nil {
					return err
				}
			}
		}
	}
	flush()
	return nil
}

// addParagraph appends a paragraph unless it holds only white space.
func (p *partReader) addParagraph(out *[]block.Block, para *block.Paragraph) {
	if strings.TrimSpace(para.Text) != "" {
		*out = append(*out, para)
	}
}

// paragraph reads a w:p just opened. It returns the paragraph, the blocks
// of the text boxes anchored in it (read after it), and whether its mark
// was deleted as a tracked change, which joins it to the next paragraph.
func (p *partReader) paragraph() (para *block.Paragraph, extra []block.Block, joinNext bool, err error) {
	if err := p.rd.countBlock(p.Pos); err != nil {
		return nil, nil, false, err
	}
	para = &block.Paragraph{Region: p.region, Pos: p.Pos}
	var b strings.Builder
	d := p.Depth()
	runDepth, hidden := 0, false
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return nil, nil, false, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if p.Depth() < runDepth {
				runDepth, hidden = 0, false
			}
		case xml.StartElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "pPr":
				if joinNext, err = p.pPr(); err != nil {
					return nil, nil, false, err
				}
			case "r":
				runDepth, hidden = p.Depth(), false
			case "rPr":
				if runDepth > 0 && p.Depth() == runDepth+1 {
					if hidden, err = p.rPrHidden(); err != nil {
						return nil, nil, false, err
					}
				} else if err := p.Skip(); err != nil {
					return nil, nil, false, err
				}
			case "t":
				preserve := false
				if v, ok := ooxml.Attr(t, "space"); ok && v == "preserve" {
					preserve = true
				}
				if hidden || p.instr > 0 {
					err = p.Text(nil)
				} else if preserve {
					err = p.Text(&b)
				} else {
					var s strings.Builder
					err = p.Text(&s)
					b.WriteString(strings.Trim(s.String(), " \t\r\n"))
				}
				if err != nil {
					return nil, nil, false, err
				}
			case "tab", "ptab":
				p.shown(&b, hidden, "\t")
			case "br", "cr":
				p.shown(&b, hidden, "\n")
			case "noBreakHyphen":
				p.shown(&b, hidden, "-")
			case "fldChar":
				if err := p.fldChar(t); err != nil {
					return nil, nil, false, err
				}
			case "txbxContent":
				p.level++
				err := p.body(&extra, nil)
				p.level--
				if err != nil {
					return nil, nil, false, err
				}
			case "tbl", "sectPr":
				// A table outside a text box cannot stand in a paragraph.
				if err := p.Skip(); err != nil {
					return nil, nil, false, err
				}
			default:
				if dropped[t.Name.Local] {
					if err := p.Skip(); err != nil {
						return nil, nil, false, err
					}
				}
			}
		}
	}
	// A field still in its instruction at the end of the paragraph is
	// broken or has no result: show what follows.
	for i := range p.fields {
		if !p.fields[i] {
			p.fields[i] = true
			p.instr--
		}
	}
	para.Text = b.String()
	return para, extra, joinNext, nil
}

// shown appends s unless the run is hidden or inside a field instruction.
func (p *partReader) shown(b *strings.Builder, hidden bool, s string) {
	if !hidden && p.instr == 0 {
		b.WriteString(s)
	}
}

// fldChar follows a complex field: text between begin and separate is the
// field's instruction, text between separate and end its shown result.
func (p *partReader) fldChar(se xml.StartElement) error {
	typ, _ := ooxml.Attr(se, "fldCharType")
	switch typ {
	case "begin":
		if len(p.fields) >= p.rd.lim.MaxDepth {
			return p.Fail(block.Exceeded("nested fields", int64(p.rd.lim.MaxDepth)))
		}
		p.fields = append(p.fields, false)
		p.instr++
	case "separate":
		if n := len(p.fields); n > 0 && !p.fields[n-1] {
			p.fields[n-1] = true
			p.instr--
		}
	case "end":
		if n := len(p.fields); n > 0 {
			if !p.fields[n-1] {
				p.instr--
			}
			p.fields = p.fields[:n-1]
		}
	}
	return p.Skip()
}

// pPr reads paragraph properties: whether the paragraph mark is a tracked
// deletion (w:rPr/w:del), and section properties kept there.
func (p *partReader) pPr() (markDeleted bool, err error) {
	d := p.Depth()
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return false, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) {
			continue
		}
		switch se.Name.Local {
		case "sectPr":
			err = p.sectPr()
		case "del", "moveFrom":
			markDeleted = p.Depth() == d+2 // pPr/rPr/del
			err = p.Skip()
		case "rPr":
			// read through: w:del lives here
		default:
			err = p.Skip()
		}
		if err != nil {
			return false, err
		}
	}
	return markDeleted, nil
}

// rPrHidden reads run properties and reports whether the run is hidden
// (w:vanish).
func (p *partReader) rPrHidden() (bool, error) {
	d := p.Depth()
	hidden := false
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return false, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if isW(se.Name) && se.Name.Local == "vanish" {
				hidden = onOff(se)
			}
			if err := p.Skip(); err != nil {
				return false, err
			}
		}
	}
	return hidden, nil
}

// sectPr collects the header and footer references of a section.
func (p *partReader) sectPr() error {
	d := p.Depth()
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if isW(se.Name) && (se.Name.Local == "headerReference" || se.Name.Local == "footerReference") {
				if id, ok := ooxml.Attr(se, "id"); ok {
					p.refs = append(p.refs, id)
				}
			}
			if err := p.Skip(); err != nil {
				return err
			}
		}
	}
	return nil
}

// cellPos is the position of a cell or row of the current table.
func (p *partReader) cellPos(row, col int) model.Pos {
	pos := p.Pos
	pos.Row, pos.Col = row, col
	return pos
}
