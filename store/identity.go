package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/hotline12345/bulletin/model"
)

// ContentHash returns a bulletin's identity in the archive: the hex
// SHA-256 of what it says, apart from where each thing was printed. It
// covers the metadata, every table (label, title, channel, columns, every
// row's unit and cells' values, or text where no number is printed, and
// notes) and the prose's figures and mentions, and leaves out the file
// (name, format, hash), the positions and the problems of reading it. The
// same bulletin read from copies in several formats that read alike has
// one identity, so the archive stores it once; a bulletin re-issued with a
// corrected number is another bulletin.
func ContentHash(b *model.Bulletin) string {
	c := content{
		Title: squeeze(b.Title), Issuer: squeeze(b.Issuer), Issued: b.Issued.String(), IssueNo: squeeze(b.IssueNo),
		Period: periodText(b.Period),
	}
	if b.TitlePeriod != nil {
		c.TitlePeriod = periodText(*b.TitlePeriod)
	}
	for i := range b.Tables {
		t := &b.Tables[i]
		ct := contentTable{Label: squeeze(t.Label), Title: squeeze(t.Title), Channel: t.Channel}
		for _, col := range t.Columns {
			ct.Columns = append(ct.Columns, squeeze(col.Header)+"\x1f"+string(col.Key))
		}
		for _, n := range t.Notes {
			ct.Notes = append(ct.Notes, squeeze(n))
		}
		for _, r := range t.Rows {
			cr := []string{squeeze(r.Unit), strconv.FormatBool(r.Total)}
			keys := make([]string, 0, len(r.Cells))
			for k := range r.Cells {
				keys = append(keys, string(k))
			}
			slices.Sort(keys)
			for _, k := range keys {
				cr = append(cr, k+"="+cellText(r.Cells[model.Key(k)]))
			}
			ct.Rows = append(ct.Rows, cr)
		}
		c.Tables = append(c.Tables, ct)
	}
	for _, f := range b.Figures {
		share := ""
		if f.Share != nil {
			share = strconv.FormatFloat(*f.Share, 'g', -1, 64)
		}
		c.Figures = append(c.Figures, strings.Join([]string{string(f.Kind), squeeze(f.Label),
			strconv.FormatFloat(f.Value, 'g', -1, 64), f.Unit, strconv.Itoa(f.Parent), share}, "\x1f"))
	}
	for _, m := range b.Mentions {
		c.Mentions = append(c.Mentions, squeeze(m.Unit)+"\x1f"+m.Role)
	}
	data, err := json.Marshal(c)
	if err != nil {
		panic("store: encoding a bulletin's content: " + err.Error()) // plain strings only
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// content is what ContentHash hashes.
type content struct {
	Title, Issuer, Issued, IssueNo string
	Period, TitlePeriod            string
	Tables                         []contentTable
	Figures, Mentions              []string
}

type contentTable struct {
	Label, Title, Channel string
	Columns, Notes        []string
	Rows                  [][]string
}

func periodText(p model.Period) string {
	return p.Start.String() + "/" + p.End.String() + "/" + squeeze(p.Label)
}

// cellText is a cell as its number and precision, or its text without
// white space when it prints no number: formats differ in the spaces they
// keep, not in the numbers.
func cellText(c model.Cell) string {
	if c.Value == nil {
		return "t:" + squeeze(c.Text)
	}
	s := "v:" + strconv.FormatFloat(*c.Value, 'g', -1, 64)
	if c.Decimals != nil {
		s += "/" + strconv.Itoa(*c.Decimals)
	}
	return s
}

// squeeze removes white space, which layouts add and drop.
func squeeze(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
}
