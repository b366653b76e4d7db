package interpret

import (
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
)

// Shares: "X件，占Y%", "分别占a%、b%", "约占受理总量的Y%", and the whole
// each is taken of.

// share reads a percentage that is the share of a count: "X件，占Y%",
// "占比Y%", "约占受理总量的Y%", or one of a list "分别占a%、b%、c%" that goes
// to the last counts in order.
func (st *sentence) share(a amount, lead string, ls int) bool {
	t := strings.TrimSpace(lead)
	inList := (t == "" || vocab.Conjunctions.Has(t)) && len(st.shares) > 0
	if !inList {
		m := shareLead.FindStringSubmatchIndex(lead)
		if m == nil || changeLead.MatchString(lead) || st.lastCount() < 0 {
			return false
		}
		st.shareOf = st.namedWhole(lead[m[4]:m[5]])
		if vocab.RespectivelyMarkers.In(st.f[max(0, ls-12):a.start]) {
			// The list of shares goes to as many of the last counts.
			n := min(len(st.counts), listLength(st.amounts, a))
			st.shares = append([]int(nil), st.counts[len(st.counts)-n:]...)
		} else {
			st.shares = []int{st.lastCount()}
		}
	}
	if len(st.shares) == 0 {
		return false
	}
	target := st.shares[0]
	st.shares = st.shares[1:]
	fig := st.fig(target)
	if fig.Share == nil {
		v := a.value
		fig.Share, fig.ShareDecimals = &v, a.decimals
	}
	st.placeShare(target)
	return true
}

// placeShare settles what the share of figure i is taken of: its whole, a
// whole the text names, or, for a count without a whole, the bulletin's
// main total.
func (st *sentence) placeShare(i int) {
	fig := st.fig(i)
	of := st.shareOf
	main := st.r.mainTotal()
	switch {
	case of >= 0 && of == fig.Parent, of == i:
	case of >= 0 && fig.Parent < 0:
		fig.Parent, fig.List = of, st.orphanList()
	case of >= 0:
		o := of
		fig.ShareOf = &o
	case fig.Parent < 0 && main >= 0 && main != i && st.r.isCount(main) &&
		vocab.CounterClass(st.fig(main).Unit) == vocab.CounterClass(fig.Unit) && st.fig(main).Value >= fig.Value:
		fig.Parent, fig.List = main, st.orphanList()
	}
}

// orphanList is the list number of the counts of this sentence whose
// shares are of a whole they are not listed under.
func (st *sentence) orphanList() int {
	if st.orphans == 0 {
		st.orphans = st.r.newList()
	}
	return st.orphans
}

// namedWhole returns the figure a share's words name as its base
// ("受理总量" is the main total), or -1.
func (st *sentence) namedWhole(words string) int {
	words = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(words), "的"))
	words = strings.TrimPrefix(words, vocab.Fillers.Prefix(words))
	if words == "" {
		return -1
	}
	if vocab.WholeWords.In(words) {
		return st.r.mainTotal()
	}
	return st.r.ref(words)
}

// listLength counts the percentages that follow each other in a list from
// amount a on. The amounts are in order: a is found by binary search, so
// that each list of a sentence of many costs its own length only.
func listLength(as []amount, a amount) int {
	i, _ := slices.BinarySearchFunc(as, a.start, func(x amount, start int) int { return x.start - start })
	n := 0
	for _, x := range as[i:] {
		if !x.isPercent() {
			break
		}
		n++
	}
	return n
}
