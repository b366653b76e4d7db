package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/sheet"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/model"
)

// recheck recomputes a sheet's formulas and compares each result with the
// value the file caches, which is what the spreadsheet shows and what is
// read. Only formulas whose result is certain are recomputed: arithmetic
// and the functions in rechecked over cells of the same sheet that hold
// plain values (not other formulas, so that no chain of formulas is
// followed). The cells they look up, each look-up costing a search of the
// sheet's merged ranges in the library, count against a work budget of a
// few times MaxSheetCells; formulas past it are not recomputed.
type recheck struct {
	rd        *reader
	sheet     string
	formula   map[[2]int]bool // the cells holding formulas
	work      int
	budget    int
	unchecked int // formulas over the budget
	// lookup is the cost of one cell look-up in the library, which
	// searches the sheet's merged ranges each time.
	lookup int
}

// rechecked are the functions a formula may call to be recomputed.
var rechecked = map[string]bool{
	"SUM": true, "AVERAGE": true, "ROUND": true, "ROUNDUP": true, "ROUNDDOWN": true,
	"TRUNC": true, "INT": true, "MIN": true, "MAX": true, "COUNT": true, "COUNTA": true, "ABS": true,
}

// workPerCell is the budget of range cells visited per cell of the sheet.
const workPerCell = 4

func newRecheck(rd *reader, name string, sv *survey) *recheck {
	rc := &recheck{rd: rd, sheet: name, formula: map[[2]int]bool{}, budget: workPerCell * rd.lim.MaxSheetCells, lookup: 1 + len(sv.merges)}
	for _, c := range sv.cells {
		if c.formula {
			rc.formula[[2]int{c.row, c.col}] = true
		}
	}
	return rc
}

// check takes a formula cell's shown and stored values and returns them,
// recomputed when the file caches none. A disagreeing recomputation is
// reported as a problem; the cached value is kept.
func (rc *recheck) check(c cellRef, ref, shown, stored string) (string, string, error) {
	pos := model.Pos{Part: rc.sheet, Row: c.row, Col: c.col}
	if rc.work += rc.lookup; rc.work > rc.budget {
		rc.unchecked++
		if !c.cached {
			rc.rd.out.Note(pos, fmt.Sprintf("formula in %s caches no value and is not recomputed (work bound); cell left empty", ref))
		}
		return shown, stored, nil
	}
	formula, err := rc.rd.f.GetCellFormula(rc.sheet, ref)
	if err != nil {
		return "", "", block.At(pos, fmt.Errorf("%w: %w", block.ErrFormat, err))
	}
	ok := rc.recomputable(formula)
	var got string
	if ok {
		got, err = rc.rd.f.CalcCellValue(rc.sheet, ref, excelize.Options{RawCellValue: true})
		ok = err == nil
	}
	switch {
	case !c.cached && ok:
		shown, err = rc.rd.f.CalcCellValue(rc.sheet, ref)
		if err != nil {
			shown = got
		}
		rc.rd.out.Note(pos, fmt.Sprintf("formula =%s in %s caches no value; shown as recomputed: %s", formula, ref, shown))
		return shown, got, nil
	case !c.cached:
		rc.rd.out.Note(pos, fmt.Sprintf("formula =%s in %s caches no value and is not recomputed; cell left empty", formula, ref))
	case ok && disagree(stored, got):
		rc.rd.out.Note(pos, fmt.Sprintf("formula =%s in %s shows %q (cached %s) but recomputes to %s", formula, ref, shown, stored, got))
	}
	return shown, stored, nil
}

// report notes the formulas the work budget left unchecked.
func (rc *recheck) report() {
	if rc.unchecked > 0 {
		rc.rd.out.Note(model.Pos{Part: rc.sheet}, fmt.Sprintf("%d formulas not recomputed: the cells they look up exceed the work bound", rc.unchecked))
	}
}

// formulaToken is one token of a formula: a function call's name, a cell
// or range reference, a number, or an operator.
var formulaToken = lazyregexp.New(`^(?:([A-Z][A-Z0-9.]*)\(|(\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?)|[0-9]+(?:\.[0-9]+)?(?:[Ee][-+]?[0-9]+)?|[-+*/^%(), ])`)

// recomputable reports whether the formula is one rechecked, and counts
// the cells its ranges cover against the budget.
func (rc *recheck) recomputable(formula string) bool {
	var ranges []sheet.Range
	for s := strings.ToUpper(formula); s != ""; {
		m := formulaToken.FindStringSubmatchIndex(s)
		if m == nil {
			return false // text, names, other sheets, comparisons ...
		}
		if m[2] >= 0 && !rechecked[s[m[2]:m[3]]] {
			return false
		}
		if m[4] >= 0 {
			r, ok := parseRange(strings.ReplaceAll(s[m[4]:m[5]], "$", ""))
			if !ok {
				return false
			}
			ranges = append(ranges, r)
		}
		s = s[m[1]:]
	}
	for _, r := range ranges {
		area := (r.LastRow - r.FirstRow + 1) * (r.LastCol - r.FirstCol + 1)
		if area > rc.rd.lim.MaxSheetCells || area*rc.lookup > rc.budget-rc.work {
			rc.unchecked++
			return false
		}
		if rc.work += area * rc.lookup; rc.work > rc.budget {
			rc.unchecked++
			return false
		}
		for row := r.FirstRow; row <= r.LastRow; row++ {
			for col := r.FirstCol; col <= r.LastCol; col++ {
				if rc.formula[[2]int{row, col}] {
					return false // depends on another formula
				}
			}
		}
	}
	return true
}

// disagree reports whether a cached and a recomputed value are two
// numbers that differ beyond floating-point noise. Anything else (text,
// errors) is not judged.
func disagree(cached, computed string) bool {
	a, errA := strconv.ParseFloat(strings.TrimSpace(cached), 64)
	b, errB := strconv.ParseFloat(strings.TrimSpace(computed), 64)
	if errA != nil || errB != nil {
		return false
	}
	return math.Abs(a-b) > 1e-9*max(1, math.Abs(a), math.Abs(b))
}
