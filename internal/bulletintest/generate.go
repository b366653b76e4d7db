package bulletintest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/nguyenthenguyen/docx"
)

// Variant describes a made-up monthly bulletin like the seed: other months,
// units and numbers, consistent with each other (rates rounded half-up from
// their counts), for archive-sized tests and benchmarks.
type Variant struct {
	Issuer     string
	Year       int
	Month      int
	Tables     []VariantTable
	Phone, Web int // the prose's totals
}

// VariantTable is one table of a variant.
type VariantTable struct {
	Title string
	Rows  []VariantRow
}

// VariantRow is one unit's counts.
type VariantRow struct {
	Unit                                  string
	Handled, OnTime, Satisfied, Excellent int
}

var (
	issuers = []string{"洛阳市偃师区政务服务和大数据管理局", "郑州市金水区政务服务中心", "南阳市宛城区政务服务和大数据管理局", "开封市祥符区便民服务中心"}
	depts   = []string{"烟草局", "工信局", "水投公司", "邮政公司", "区委编办", "残联", "金融局", "科技局", "市场中心", "司法局",
		"联通公司", "供电公司", "交警大队", "电信公司", "民政局", "应急管理局", "医保局", "水利局", "交通局", "农商银行",
		"人民医院", "农业农村局", "社保中心", "林业局", "城管局", "生态环境局", "移动公司", "教体局", "公安局", "市场监管局"}
	towns = []string{"高龙镇", "伊洛街道", "大口镇", "邙岭镇", "岳滩镇", "山化镇", "缑氏镇", "翟镇镇", "府店镇", "槐新街道", "顾县镇", "首阳山街道", "商城街道"}
)

// NewVariant makes variant i; the same i gives the same variant.
func NewVariant(i int) Variant { return newVariant(i, 0, 0) }

// TemplateRows are the rows of each table of the DOCX template
// (testdata/templates/bulletin-template.docx).
var TemplateRows = [2]int{20, 13}

// NewTemplateVariant makes variant i with the template's number of rows in
// each table, for Variant.DOCX.
func NewTemplateVariant(i int) Variant { return newVariant(i, TemplateRows[0], TemplateRows[1]) }

// newVariant makes variant i with rows rows in each table, or a random
// number of rows where 0.
func newVariant(i int, rows ...int) Variant {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	v := Variant{Issuer: issuers[i%len(issuers)], Year: 2020 + i/12%5, Month: i%12 + 1}
	for ti, spec := range []struct {
		title string
		units []string
	}{{"区直部门及公共服务单位群众诉求事项办理情况", depts}, {"各镇（街道）群众诉求事项办理情况", towns}} {
		t := VariantTable{Title: strconv.Itoa(v.Month) + "月份" + spec.title}
		n := 3 + r.IntN(len(spec.units)-3)
		if rows[ti] > 0 {
			n = rows[ti]
		}
		for _, k := range r.Perm(len(spec.units))[:n] {
			h := 1 + r.IntN(300)
			onTime := h - r.IntN(h/10+1)
			sat := h - r.IntN(h/3+1)
			exc := min(onTime, sat) - r.IntN(min(onTime, sat)/4+1)
			t.Rows = append(t.Rows, VariantRow{spec.units[k], h, onTime, sat, max(exc, 0)})
			v.Phone += h
		}
		v.Tables = append(v.Tables, t)
	}
	v.Web = r.IntN(400)
	return v
}

// rate formats k/n as the seed prints rates: percent, half-up to two
// decimals, trailing zeros dropped.
func rate(k, n int) string {
	if n == 0 {
		return "0"
	}
	// Half-up on the exact fraction: round(k*10000/n) in hundredths.
	hundredths := (k*20000 + n) / (2 * n)
	s := strconv.FormatFloat(float64(hundredths)/100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + "%"
}

// Text renders the variant as the seed is written: TAB-prefixed cells,
// rows split by blank lines, header cells wrapped.
func (v Variant) Text() []byte {
	var b strings.Builder
	issued := fmt.Sprintf("%d年%d月27日", v.Year+v.Month/12, v.Month%12+1)
	fmt.Fprintf(&b, "%s    %s\n%d月份12345政务服务便民热线\n\n群众诉求事项办理情况通报\n\n", v.Issuer, issued, v.Month)
	fmt.Fprintf(&b, "%d年%d月份，区便民热线综合服务中心共受理各类诉求%d件。其中，电话诉求事项%d件、网民诉求%d件。\n\n",
		v.Year, v.Month, v.Phone+v.Web, v.Phone, v.Web)
	for ti, t := range v.Tables {
		fmt.Fprintf(&b, "附件%d\n%s\n\n", ti+1, t.Title)
		b.WriteString("\t单位名称\n\t办理数\n\t按  时\n办结数\n\t按  时\n办结率\n\t群  众\n满意数\n\t群  众\n满意率\n\t优秀数\n\t优秀率\n")
		for _, r := range t.Rows {
			fmt.Fprintf(&b, "\n\t%s\n\t%d\n\t%d\n\t%s\n\t%d\n\t%s\n\t%d\n\t%s\n", r.Unit, r.Handled, r.OnTime, rate(r.OnTime, r.Handled),
				r.Satisfied, rate(r.Satisfied, r.Handled), r.Excellent, rate(r.Excellent, r.Handled))
		}
		b.WriteString("\n\n注：1．交办事项认真办理、按时限回复为按时办结；\n\n")
	}
	return []byte(b.String())
}

// Cells is the number of table cells the variant prints (the unit column
// aside).
func (v Variant) Cells() int {
	n := 0
	for _, t := range v.Tables {
		n += 7 * len(t.Rows)
	}
	return n
}

// DOCX fills the DOCX template (testdata/templates/bulletin-template.docx)
// with the variant, which must have the template's rows (see
// NewTemplateVariant).
func (v Variant) DOCX(template []byte) ([]byte, error) {
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	d := r.Editable()
	set := func(placeholder, value string) {
		// Replace errors only for an empty placeholder.
		_ = d.Replace(placeholder, value, -1)
	}
	set("ISSUERq", v.Issuer)
	set("DATEq", fmt.Sprintf("%d年%d月27日", v.Year+v.Month/12, v.Month%12+1))
	set("YEARq", strconv.Itoa(v.Year))
	set("MONTHq", strconv.Itoa(v.Month))
	set("TOTALq", strconv.Itoa(v.Phone+v.Web))
	set("PHONEq", strconv.Itoa(v.Phone))
	set("WEBq", strconv.Itoa(v.Web))
	for ti, t := range v.Tables {
		if len(t.Rows) != TemplateRows[ti] {
			return nil, fmt.Errorf("table %d has %d rows, the template %d", ti+1, len(t.Rows), TemplateRows[ti])
		}
		for ri, row := range t.Rows {
			at := fmt.Sprintf("%d_%02dq", ti+1, ri+1)
			set("U"+at, row.Unit)
			set("H"+at, strconv.Itoa(row.Handled))
			set("OP"+at, rate(row.OnTime, row.Handled))
			set("O"+at, strconv.Itoa(row.OnTime))
			set("SP"+at, rate(row.Satisfied, row.Handled))
			set("S"+at, strconv.Itoa(row.Satisfied))
			set("EP"+at, rate(row.Excellent, row.Handled))
			set("E"+at, strconv.Itoa(row.Excellent))
		}
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
