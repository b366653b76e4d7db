package model

import "strings"

// Key names a table column. The canonical keys below stand for the metrics
// bulletins print under many different headers; a column whose header is not
// recognised keeps its printed header as its key. A sub-column of a
// two-level header whose sub header alone is ambiguous is keyed
// "group/key", e.g. "12345热线/on_time".
type Key string

// The canonical column keys.
const (
	Unit                Key = "unit"                 // 单位名称
	Handled             Key = "handled"              // 办理数, 交办总量, 工单总数 ...
	OnTime              Key = "on_time"              // 按时办结数
	OnTimeRate          Key = "on_time_rate"         // 按时办结率
	Satisfied           Key = "satisfied"            // 群众满意数
	SatisfactionRate    Key = "satisfaction_rate"    // 群众满意率
	Excellent           Key = "excellent"            // 优秀数
	ExcellenceRate      Key = "excellence_rate"      // 优秀率
	Resolved            Key = "resolved"             // 解决数
	ResolutionRate      Key = "resolution_rate"      // 解决率
	Replied             Key = "replied"              // 回复数
	ReplyRate           Key = "reply_rate"           // 回复率
	Visited             Key = "visited"              // 回访数
	VisitRate           Key = "visit_rate"           // 回访率
	Closed              Key = "closed"               // 办结数, 结案数
	ClosureRate         Key = "closure_rate"         // 办结率, 结案率
	Overdue             Key = "overdue"              // 超期, 超时
	OverdueRate         Key = "overdue_rate"         // 超期率
	Open                Key = "open"                 // 未办结, 在办
	Dissatisfied        Key = "dissatisfied"         // 不满意数
	DissatisfactionRate Key = "dissatisfaction_rate" // 不满意率
	Score               Key = "score"                // 得分
	Rank                Key = "rank"                 // 排名
	Seq                 Key = "seq"                  // 序号
)

// CanonicalKeys lists every canonical key, counts before their rates.
var CanonicalKeys = []Key{
	Unit, Handled, OnTime, OnTimeRate, Satisfied, SatisfactionRate,
	Excellent, ExcellenceRate, Resolved, ResolutionRate, Replied, ReplyRate,
	Visited, VisitRate, Closed, ClosureRate, Overdue, OverdueRate, Open,
	Dissatisfied, DissatisfactionRate, Score, Rank, Seq,
}

// rateOf pairs each canonical count with its rate.
var rateOf = map[Key]Key{
	OnTime:       OnTimeRate,
	Satisfied:    SatisfactionRate,
	Excellent:    ExcellenceRate,
	Resolved:     ResolutionRate,
	Replied:      ReplyRate,
	Visited:      VisitRate,
	Closed:       ClosureRate,
	Overdue:      OverdueRate,
	Dissatisfied: DissatisfactionRate,
}

// countOf is rateOf inverted.
var countOf = func() map[Key]Key {
	m := make(map[Key]Key, len(rateOf))
	for c, r := range rateOf {
		m[r] = c
	}
	return m
}()

// Group returns the group part of a two-level key ("12345热线" for
// "12345热线/on_time"), or "".
func (k Key) Group() string {
	if i := strings.LastIndexByte(string(k), '/'); i >= 0 {
		return string(k[:i])
	}
	return ""
}

// Base returns the key without its group: "on_time" for "12345热线/on_time".
func (k Key) Base() Key {
	if i := strings.LastIndexByte(string(k), '/'); i >= 0 {
		return k[i+1:]
	}
	return k
}

// IsCanonical reports whether the key's base is one of the canonical keys.
func (k Key) IsCanonical() bool {
	b := k.Base()
	for _, c := range CanonicalKeys {
		if b == c {
			return true
		}
	}
	return false
}

// IsRate reports whether the key's base is a canonical rate.
func (k Key) IsRate() bool {
	_, ok := countOf[k.Base()]
	return ok
}

// RateKey returns the rate that goes with a count ("on_time_rate" for
// "on_time", keeping any group), and whether there is one.
func (k Key) RateKey() (Key, bool) {
	r, ok := rateOf[k.Base()]
	if !ok {
		return "", false
	}
	return k.withBase(r), true
}

// CountKey returns the count that goes with a rate ("on_time" for
// "on_time_rate", keeping any group), and whether there is one.
func (k Key) CountKey() (Key, bool) {
	c, ok := countOf[k.Base()]
	if !ok {
		return "", false
	}
	return k.withBase(c), true
}

func (k Key) withBase(b Key) Key {
	if g := k.Group(); g != "" {
		return Key(g + "/" + string(b))
	}
	return b
}
