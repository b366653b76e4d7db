package interpret

import (
	"strings"
	"time"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Dates and periods as bulletins print them. All patterns run on
// width-folded text; numbers may be Arabic or Chinese numerals.

const (
	numPat  = vocab.NumberPattern
	yearPat = `(?:(` + numPat + `)\s*` + vocab.YearMark + `\s*)`
	month   = `\s*` + vocab.MonthMark
)

var (
	// dayPat ends a date after its day's number.
	dayPat = `\s*` + vocab.DayMarks.Pattern()
	// rangeJoin joins the two ends of a range: dashes, 至, 到.
	rangeJoin = `(?:[-—–~～]|` + vocab.RangeWords.Pattern() + `)+`
	// datePat: 2023年4月27日, 二〇二四年一月十日, 112年4月27日, 4月27日.
	datePat = lazyregexp.New(yearPat + `?(` + numPat + `)` + month + `\s*(` + numPat + `)` + dayPat)
	// rangePat: two dates joined by a dash or 至/到/—, with optional clock
	// times: 2019年9月26日-2019年10月25日, 7月8日0时—7月14日24时,
	// 9月26日至10月25日.
	rangePat = lazyregexp.New(yearPat + `?(` + numPat + `)` + month + `\s*(` + numPat + `)` + dayPat + clockPat +
		`\s*(?:` + rangeJoin + `|－)\s*` + yearPat + `?(?:(` + numPat + `)` + month + `\s*)?(` + numPat + `)` + dayPat + clockPat)
	clockPat = `(?:\s*[0-9]{1,2}\s*(?:时|点|:[0-9]{2}(?::[0-9]{2})?)(?:[0-9]{1,2}分)?)?`
	// weekPat: 2024年第28周, 第28周.
	weekPat = lazyregexp.New(yearPat + `?` + vocab.OrdinalPrefix + `\s*(` + numPat + `)\s*` + vocab.WeekMark)
	// monthRangePat: 2023年1-4月, 1—4月, 1至4月, 1月至4月, 1月份至4月份.
	monthRangePat = lazyregexp.New(yearPat + `?(` + numPat + `)\s*(?:` + vocab.MonthMark + vocab.MonthSuffix + `?)?\s*` + rangeJoin +
		`\s*(` + numPat + `)` + month + vocab.MonthSuffix + `?`)
	// quarterPat: 第三季度, 一季度, 2023年第3季度.
	quarterPat = lazyregexp.New(yearPat + `?` + vocab.OrdinalPrefix + `?\s*([1-4一二三四])\s*` + vocab.QuarterMark)
	// quartersPat: 前三季度, 2024年前两季度: the quarters of the year so
	// far, from January.
	quartersPat = lazyregexp.New(yearPat + `?` + vocab.SoFarMark + `\s*([1-3一二两三])\s*个?` + vocab.QuarterMark)
	// halfPat: 上半年, 下半年, 2023年上半年.
	halfPat = lazyregexp.New(yearPat + `?(` + vocab.FirstHalf + `|` + vocab.SecondHalf + `)` + vocab.HalfYearMark)
	// monthPat: 2023年3月份, 3月份, 3月 (not followed by a day).
	monthPat   = lazyregexp.New(yearPat + `?(` + numPat + `)` + month + `(` + vocab.MonthSuffix + `)?`)
	dayFollows = lazyregexp.New(`^\s*(` + numPat + `)` + dayPat)
	// yearOnlyPat: 2023年度, 2023年全年, and a year that opens a sentence
	// by itself: "2019年，全市…".
	yearOnlyPat = lazyregexp.New(`([0-9]{4}|[` + vocab.DigitNumerals + `]{4})\s*` + vocab.YearMark + `\s*(?:` + vocab.WholeYearWords.Pattern() + `|[,，])`)
	// upToPat: 截至8月20日, 截至2024年3月15日: from 1 January to that day.
	upToPat = lazyregexp.New(vocab.UpToWords.Pattern() + `\s*` + yearPat + `?(` + numPat + `)` + month + `\s*(` + numPat + `)` + dayPat)
)

// numeral reads an Arabic or Chinese numeral.
func numeral(s string) (int, bool) { return vocab.Number(s) }

// fullYear turns a printed year into a Gregorian one: ROC years (112年 is
// 2023) and two-digit years.
func fullYear(y int) int {
	switch {
	case y >= 100 && y < 200:
		return y + 1911
	case y < 100:
		return y + 2000
	}
	return y
}

// dateAt returns the date of a datePat match.
func dateAt(s string, m []int, defaultYear int) (model.Date, bool) {
	y := defaultYear
	if m[2] >= 0 {
		v, ok := numeral(s[m[2]:m[3]])
		if !ok {
			return model.Date{}, false
		}
		y = fullYear(v)
	}
	mo, ok1 := numeral(s[m[4]:m[5]])
	d, ok2 := numeral(s[m[6]:m[7]])
	date := model.Date{Year: y, Month: time.Month(mo), Day: d}
	if !ok1 || !ok2 || y == 0 || !date.Valid() {
		return model.Date{}, false
	}
	return date, true
}

// findDate returns the first valid full date (with a year) in s.
func findDate(s string) (model.Date, []int, bool) {
	if !strings.Contains(s, vocab.YearMark) {
		return model.Date{}, nil, false // datePat without its year is no full date
	}
	f := fold(s)
	for _, m := range datePat.FindAllStringSubmatchIndex(f, -1) {
		if m[2] < 0 {
			continue
		}
		if d, ok := dateAt(f, m, 0); ok {
			return d, mapOffsets(s, f, m[:2]), true
		}
	}
	return model.Date{}, nil, false
}

func lastDay(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// yearFor picks the year of a period that ends in month m when the text
// gives none: the issue date's year, or the year before when that month is
// still to come at the issue date (a December report issued in January).
func yearFor(m time.Month, ref model.Date) int {
	if ref.IsZero() {
		return 0
	}
	if m > ref.Month {
		return ref.Year - 1
	}
	return ref.Year
}

// findPeriod finds the first period named in s: an explicit date range, a
// week, a range of months, a quarter, a half year, a month or a year. Years
// left out are taken from ref (the issue date). The label is the period as
// printed. ok is false when s names none.
func findPeriod(s string, ref model.Date) (p model.Period, ok bool) {
	if !hasFolded(vocab.PeriodMarks, s) {
		return model.Period{}, false // every period names one of them
	}
	f := fold(s)
	type cand struct {
		at, end int
		p       model.Period
	}
	var best *cand
	consider := func(at, end int, p model.Period) {
		if best == nil || at < best.at || (at == best.at && end > best.end) {
			best = &cand{at, end, p}
		}
	}
	explicitYear := func(m []int, i int) (int, bool) {
		if m[i] < 0 {
			return 0, false
		}
		v, ok := numeral(f[m[i]:m[i+1]])
		return fullYear(v), ok
	}
	// months considers the whole months first..last of the match m, taking
	// the year from the match or, failing that, from ref.
	months := func(m []int, first, last time.Month) {
		y, has := explicitYear(m, 2)
		if !has {
			y = yearFor(last, ref)
		}
		if y > 0 && first >= 1 && last <= 12 && first <= last {
			consider(m[0], m[1], model.Period{
				Start: model.Date{Year: y, Month: first, Day: 1},
				End:   model.Date{Year: y, Month: last, Day: lastDay(y, last)},
			})
		}
	}
	// find runs re only when the marks it cannot match without are in f
	// (may): most paragraphs lack most of them, and a pattern that opens
	// with a character class is tried at every offset.
	find := func(may bool, re *lazyregexp.Regexp) []int {
		if !may {
			return nil
		}
		return re.FindStringSubmatchIndex(f)
	}
	hasMonth := strings.Contains(f, vocab.MonthMark)
	if m := find(hasMonth && vocab.DayMarks.In(f), rangePat); m != nil {
		y1, has1 := explicitYear(m, 2)
		y2, has2 := explicitYear(m, 8)
		m1, _ := numeral(f[m[4]:m[5]])
		d1, _ := numeral(f[m[6]:m[7]])
		m2 := m1
		if m[10] >= 0 {
			m2, _ = numeral(f[m[10]:m[11]])
		}
		d2, _ := numeral(f[m[12]:m[13]])
		switch {
		case has1 && !has2:
			y2 = y1
			if m2 < m1 {
				y2++
			}
		case !has1 && has2:
			y1 = y2
			if m1 > m2 {
				y1--
			}
		case !has1 && !has2:
			y2 = yearFor(time.Month(m2), ref)
			y1 = y2
			if m1 > m2 {
				y1--
			}
		}
		start := model.Date{Year: y1, Month: time.Month(m1), Day: d1}
		end := model.Date{Year: y2, Month: time.Month(m2), Day: d2}
		if start.Valid() && end.Valid() && !end.Time().Before(start.Time()) {
			consider(m[0], m[1], model.Period{Start: start, End: end})
		}
	}
	if m := find(strings.Contains(f, vocab.WeekMark), weekPat); m != nil {
		end := m[1]
		var p model.Period
		if r := rangePat.FindStringSubmatchIndex(f[m[1]:]); r != nil && r[0] <= 3 {
			// 第28周（7月8日—7月14日）: the dates in brackets.
			if rp, ok := findPeriod(f[m[1]:m[1]+r[1]], ref); ok {
				p = rp
				end = m[1] + r[1]
				if e := end; e < len(f) && (f[e] == ')' || f[e] == ']') {
					end++
				}
			}
		}
		if p.Start.IsZero() {
			y, has := explicitYear(m, 2)
			if !has {
				y = ref.Year
			}
			if w, ok := numeral(f[m[4]:m[5]]); ok && y > 0 && w >= 1 && w <= 53 {
				p.Start, p.End = isoWeek(y, w)
			}
		}
		if !p.Start.IsZero() {
			// Fix the year of bracketed dates from the week's own year.
			if y, has := explicitYear(m, 2); has && p.Start.Year != y && p.End.Year != y {
				p.Start.Year, p.End.Year = y, y
			}
			consider(m[0], end, p)
		}
	}
	if m := find(hasMonth, monthRangePat); m != nil {
		m1, ok1 := numeral(f[m[4]:m[5]])
		m2, ok2 := numeral(f[m[6]:m[7]])
		if ok1 && ok2 {
			months(m, time.Month(m1), time.Month(m2))
		}
	}
	if m := find(strings.Contains(f, vocab.QuarterMark), quarterPat); m != nil {
		if q, _ := numeral(f[m[4]:m[5]]); q >= 1 && q <= 4 {
			months(m, time.Month(q*3-2), time.Month(q*3))
		}
	}
	if m := find(strings.Contains(f, vocab.QuarterMark) && strings.Contains(f, vocab.SoFarMark), quartersPat); m != nil {
		if q, ok := numeral(f[m[4]:m[5]]); ok && q >= 1 && q <= 3 {
			months(m, time.January, time.Month(q*3))
		}
	}
	if m := find(strings.Contains(f, vocab.HalfYearMark), halfPat); m != nil {
		if f[m[4]:m[5]] == vocab.FirstHalf {
			months(m, time.January, time.June)
		} else {
			months(m, time.July, time.December)
		}
	}
	var monthMatches [][]int
	if hasMonth {
		monthMatches = monthPat.FindAllStringSubmatchIndex(f, -1)
	}
	for _, m := range monthMatches {
		if m[6] < 0 && dayFollows.MatchString(f[m[1]:]) {
			continue // a day follows: a date, not a period
		}
		if mo, ok := numeral(f[m[4]:m[5]]); ok && mo >= 1 && mo <= 12 {
			months(m, time.Month(mo), time.Month(mo))
			break
		}
	}
	if m := find(hasMonth && vocab.UpToWords.In(f), upToPat); m != nil {
		if d, ok := dateAt(f, m, 0); ok && m[2] >= 0 {
			consider(m[0], m[1], model.Period{Start: model.Date{Year: d.Year, Month: 1, Day: 1}, End: d})
		} else if mo, ok := numeral(f[m[4]:m[5]]); ok && mo >= 1 && mo <= 12 {
			if d, ok := dateAt(f, m, yearFor(time.Month(mo), ref)); ok {
				consider(m[0], m[1], model.Period{Start: model.Date{Year: d.Year, Month: 1, Day: 1}, End: d})
			}
		}
	}
	if m := find(strings.Contains(f, vocab.YearMark), yearOnlyPat); m != nil {
		if y, ok := numeral(f[m[2]:m[3]]); ok {
			y = fullYear(y)
			consider(m[0], m[1], model.Period{
				Start: model.Date{Year: y, Month: 1, Day: 1},
				End:   model.Date{Year: y, Month: 12, Day: 31},
			})
		}
	}
	if best == nil {
		return model.Period{}, false
	}
	loc := mapOffsets(s, f, []int{best.at, best.end})
	best.p.Label = strings.TrimRight(s[loc[0]:loc[1]], ",，")
	return best.p, true
}

// isoWeek returns the Monday and Sunday of ISO week w of year y.
func isoWeek(y, w int) (model.Date, model.Date) {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
	return model.DateOf(monday), model.DateOf(monday.AddDate(0, 0, 6))
}
