package interpret

import (
	"slices"

	"github.com/hotline12345/bulletin/model"
)

// Join completes b, a bulletin read from a web page, with the bulletins
// read from the attachments (附件) it links to; attachments[i] is
// b.Source.Parts[i+1]. A page often prints the prose and links the
// tables, or prints a title and links the whole bulletin:
//
//   - every table of an attachment joins b's tables, marked with its part,
//     unless b already has the same table (the page printed it too);
//   - what b's own text leaves empty — title, issuer, issue date and
//     number, period — is taken from the attachments, in order;
//   - when the page has no figures or mentions of its own, those of the
//     first attachment that has some are taken;
//   - the mentions are linked to the rows of all the tables;
//   - an attachment's problems are kept, after the name of its part.
func Join(b *model.Bulletin, attachments []*model.Bulletin) {
	for i, a := range attachments {
		part := i + 1
		for _, t := range a.Tables {
			if slices.ContainsFunc(b.Tables, func(have model.Table) bool { return sameTable(have, t) }) {
				continue
			}
			t.Part = part
			b.Tables = append(b.Tables, t)
		}
		if b.Title == "" {
			b.Title = a.Title
		}
		if b.Issuer == "" {
			b.Issuer = a.Issuer
		}
		if b.Issued.IsZero() {
			b.Issued = a.Issued
		}
		if b.IssueNo == "" {
			b.IssueNo = a.IssueNo
		}
		if b.Period.Start.IsZero() && b.Period.End.IsZero() {
			b.Period = a.Period
		}
		if b.TitlePeriod == nil {
			b.TitlePeriod = a.TitlePeriod
		}
		takeFigures := len(b.Figures) == 0 && len(a.Figures) > 0
		takeMentions := len(b.Mentions) == 0 && len(a.Mentions) > 0
		if takeFigures || takeMentions {
			// The prose they were read from comes with them, after the
			// page's; the figures' spans move with it.
			shift := len(b.Paragraphs)
			b.Paragraphs = append(b.Paragraphs, a.Paragraphs...)
			if takeFigures {
				for _, f := range a.Figures {
					if f.Span != nil {
						sp := *f.Span
						sp.Paragraph += shift
						f.Span = &sp
					}
					b.Figures = append(b.Figures, f)
				}
			}
			if takeMentions {
				b.Mentions = append(b.Mentions, a.Mentions...)
			}
		}
		for _, p := range a.Problems {
			if part < len(b.Source.Parts) {
				p.Message = b.Source.Parts[part].Name + ": " + p.Message
			}
			b.Problems = append(b.Problems, p)
		}
	}
	known := knownUnits(b.Tables)
	for i := range b.Mentions {
		b.Mentions[i].Matches = append([]model.UnitRef{}, known.lookup(b.Mentions[i].Unit)...)
	}
}

// sameTable reports whether two tables hold the same columns and rows.
func sameTable(a, b model.Table) bool {
	if len(a.Columns) != len(b.Columns) || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Columns {
		if a.Columns[i].Key != b.Columns[i].Key {
			return false
		}
	}
	for i := range a.Rows {
		ra, rb := a.Rows[i], b.Rows[i]
		if ra.Unit != rb.Unit || ra.Total != rb.Total || len(ra.Cells) != len(rb.Cells) {
			return false
		}
		for k, ca := range ra.Cells {
			if cb, ok := rb.Cells[k]; !ok || cb.Text != ca.Text {
				return false
			}
		}
	}
	return true
}
