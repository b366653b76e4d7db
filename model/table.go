package model

import (
	"math"
	"slices"
	"strconv"
)

// Table is one table of a bulletin: a header of columns and one row per
// unit (plus total rows).
type Table struct {
	// Label is the caption that numbers the table, e.g. "附件1".
	Label string `json:"label"`
	// Title is the table's title line(s), joined.
	Title string `json:"title"`
	// Channel is the intake channel the whole table reports on, read from
	// its caption, title or group headers: ChannelPhone, ChannelOnline,
	// ChannelMail, ChannelAll, or "" when none is named (or the columns
	// name different ones, see Column.Channel). ChannelText is the printed
	// words it was read from ("电话诉求", "网民诉求").
	Channel     string `json:"channel"`
	ChannelText string `json:"channel_text,omitempty"`

	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
	// Notes are the footnotes printed under the table ("注：1．…"), one
	// item per numbered note, without the "注：" and the numbering.
	Notes []string `json:"notes"`
	// Definitions are what the notes say a metric means, such as
	// "满意率＝满意数÷回访数", so that checks use the publisher's own
	// definitions.
	Definitions []Definition `json:"definitions,omitempty"`
	// Part is the index in Source.Parts of the file the table was read
	// from; 0 (left out of the JSON) is the first file, the page itself.
	Part int `json:"part,omitempty"`
	Pos  Pos `json:"pos"`
}

// Definition is a metric's definition read from a table note.
type Definition struct {
	// Key is the metric defined.
	Key Key `json:"key"`
	// Numerator and Denominator are the counts a rate is defined over
	// (empty when the note does not say).
	Numerator   Key `json:"numerator,omitempty"`
	Denominator Key `json:"denominator,omitempty"`
	// Implies lists the counts every item of Key is also counted in: the
	// seed defines an excellent item as one closed on time with the citizen
	// satisfied, so excellent ⊆ on_time and excellent ⊆ satisfied.
	Implies []Key `json:"implies,omitempty"`
	// Text is the note as printed.
	Text string `json:"text"`
}

// Column is one column of a table's header.
type Column struct {
	// Header is the printed header with all white space removed (a header
	// wrapped over lines, "按  时\n办结数", becomes "按时办结数"). For a
	// two-level header it is "group/sub".
	Header string `json:"header"`
	// Key is the canonical key the header maps to, or the header itself when
	// it is not recognised. It is unique in the table: a sub-column whose
	// metric another column also has is keyed "group/metric", and the cells
	// of a row are keyed by it.
	Key Key `json:"key"`
	// Group is the printed group header above the column in a two-level
	// header ("电话诉求"), or "".
	Group string `json:"group"`
	// Metric is the column's canonical key without its group: "handled"
	// for the key "电话诉求/handled". Group and Metric together name the
	// column whatever its key, so a question about a metric need not know
	// how the key was made unique.
	Metric Key `json:"metric"`
	// Channel is the intake channel the group header names ("电话诉求" is
	// ChannelPhone), or "" when it names none and the table's applies.
	Channel string `json:"channel,omitempty"`
}

// The intake channels a table or column reports on.
const (
	ChannelPhone  = "phone"  // 电话, 来电, 热线电话
	ChannelOnline = "online" // 网民, 网络, 网上, 微信, 留言
	ChannelMail   = "mail"   // 来信, 信件, 信箱, 邮件
	ChannelAll    = "all"    // all channels together: 合计, 全部, or several named
)

// ChannelOf returns the channel of the column with key k: its own, else
// the table's.
func (t *Table) ChannelOf(k Key) string {
	if i := t.Column(k); i >= 0 && t.Columns[i].Channel != "" {
		return t.Columns[i].Channel
	}
	return t.Channel
}

// GroupMetric returns the group and metric of the column with key k. For
// a key without a column (an extra cell) or a column written without them
// (a bulletin from an older version), they are read from the key.
func (t *Table) GroupMetric(k Key) (group string, metric Key) {
	if i := t.Column(k); i >= 0 && t.Columns[i].Metric != "" {
		return t.Columns[i].Group, t.Columns[i].Metric
	}
	return k.Group(), k.Base()
}

// Row is one row of a table: a unit and its cells by column key.
type Row struct {
	// Unit is the printed name in the unit column.
	Unit string `json:"unit"`
	// Total marks a 合计/总计 row.
	Total bool `json:"total"`
	// Cells holds the row's values by column key; the unit column is not
	// repeated here.
	Cells map[Key]Cell `json:"cells"`
	Pos   Pos          `json:"pos"`
}

// Cell is one printed value.
type Cell struct {
	// Text is the cell as printed (white space at the ends trimmed).
	Text string `json:"text"`
	// Value is the number the text states, or nil when it states none
	// ("—", "/", blank, words). Rates are in percent: "91.3%" is 91.3.
	// Full-width digits are normalised; 万 multiplies by 10,000.
	Value *float64 `json:"value"`
	// Decimals is the number of digits printed after the decimal point. It
	// is set for rate cells and for any value printed with a point.
	Decimals *int `json:"decimals,omitempty"`
	Pos      Pos  `json:"pos,omitzero"`
	// Stored is the value a spreadsheet stores behind the text it shows
	// ("0.9825" behind "98.25%"), when it differs from Text; empty for
	// formats that store only text.
	Stored string `json:"stored,omitempty"`
}

// Number is a numeric value with the precision it was printed at.
type Number struct {
	Value    float64
	Decimals int
}

// Rate is a percentage as printed: "87.23%" is Rate{Value: 87.23,
// Decimals: 2}.
type Rate struct {
	Value    float64
	Decimals int
}

// Scaled returns the rate as an integer count of its last printed digit:
// 87.23% at two decimals is 8723. It is exact for any printed rate, which
// lets checks compare fractions without floating-point rounding.
func (r Rate) Scaled() int64 {
	return int64(math.Round(r.Value * math.Pow10(r.Decimals)))
}

// String formats the rate with its printed precision, e.g. "87.23%".
func (r Rate) String() string {
	return strconv.FormatFloat(r.Value, 'f', r.Decimals, 64) + "%"
}

// Number returns the cell's value with its precision; ok is false when the
// cell holds no number.
func (c Cell) Number() (n Number, ok bool) {
	if c.Value == nil {
		return Number{}, false
	}
	n.Value = *c.Value
	if c.Decimals != nil {
		n.Decimals = *c.Decimals
	}
	return n, true
}

// Cell returns the cell under key k.
func (r Row) Cell(k Key) (Cell, bool) {
	c, ok := r.Cells[k]
	return c, ok
}

// Count returns the whole-number value under key k, such as
// row.Count(model.Handled). ok is false when the column is absent, the cell
// holds no number, or the number is not whole.
func (r Row) Count(k Key) (n int64, ok bool) {
	v, ok := r.Cells[k].Number()
	if !ok || v.Value != math.Trunc(v.Value) || math.Abs(v.Value) > 1<<53 {
		return 0, false
	}
	return int64(v.Value), true
}

// Rate returns the percentage under key k, such as
// row.Rate(model.OnTimeRate), with the decimals it was printed at. ok is
// false when the column is absent or the cell holds no number.
func (r Row) Rate(k Key) (Rate, bool) {
	v, ok := r.Cells[k].Number()
	if !ok {
		return Rate{}, false
	}
	return Rate(v), true
}

// Column returns the index of the column with key k, or -1.
func (t *Table) Column(k Key) int {
	for i, c := range t.Columns {
		if c.Key == k {
			return i
		}
	}
	return -1
}

// HeaderOf returns the printed header of the column with key k, or k itself
// when no column has it (an extra cell).
func (t *Table) HeaderOf(k Key) string {
	if i := t.Column(k); i >= 0 {
		return t.Columns[i].Header
	}
	return string(k)
}

// Has reports whether the table has a column with key k.
func (t *Table) Has(k Key) bool { return t.Column(k) >= 0 }

// CellKeys lists the keys of a row's cells in column order, followed by any
// extra cells (a row wider than the header) in key order.
func (t *Table) CellKeys(r Row) []Key {
	keys := make([]Key, 0, len(r.Cells))
	seen := make(map[Key]bool, len(r.Cells))
	for _, c := range t.Columns {
		if _, ok := r.Cells[c.Key]; ok && !seen[c.Key] {
			keys = append(keys, c.Key)
			seen[c.Key] = true
		}
	}
	var extra []Key
	for k := range r.Cells {
		if !seen[k] {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	return append(keys, extra...)
}
