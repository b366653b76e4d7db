package interpret

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// FuzzProse reads mutations of the prose of the bulletins in testdata and
// checks the shape of what is read: the figures form a tree whose every
// link points back to an earlier figure (parents, a rate's numerator, the
// figure a share is of), every figure's span holds the phrase it was read
// from, and every mention's rows exist.
func FuzzProse(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/*.txt")
	more, _ := filepath.Glob("../../testdata/validate/*.txt")
	for _, p := range append(paths, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		var prose []string
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(line, "\t") && !strings.HasPrefix(line, "|") {
				prose = append(prose, line)
			}
		}
		f.Add(strings.Join(prose, "\n"))
	}
	f.Add("共受理诉求800件，其中城建类300件。城建类事项包括：供水120件、供电80件。回访200件，满意190件，满意率95%（以回访数为基数）。")
	f.Add("合计13件：A 6件，B 7件，分别约占受理总量的1%、2%。转办工单中，甲、乙分别为3件、4件。")
	f.Fuzz(func(t *testing.T, text string) {
		var blocks []block.Block
		for i, p := range strings.Split(text, "\n") {
			blocks = append(blocks, &block.Paragraph{Text: p, Pos: model.Pos{Line: i + 1}})
		}
		b := Bulletin(&block.Document{Blocks: blocks})
		earlier := func(what string, i, j int) {
			if j < -1 || j >= i {
				t.Fatalf("figure %d: %s %d is not an earlier figure", i, what, j)
			}
		}
		for i, fg := range b.Figures {
			earlier("parent", i, fg.Parent)
			if fg.Numerator != nil {
				earlier("numerator", i, *fg.Numerator)
			}
			if fg.ShareOf != nil {
				earlier("share of", i, *fg.ShareOf)
			}
			if fg.List < 0 || (fg.List > 0 && fg.Parent < 0) {
				t.Fatalf("figure %d: list %d with parent %d", i, fg.List, fg.Parent)
			}
		}
		checkSpans(t, b)
		for _, m := range b.Mentions {
			for _, r := range m.Matches {
				if r.Table < 0 || r.Table >= len(b.Tables) || r.Row < 0 || r.Row >= len(b.Tables[r.Table].Rows) {
					t.Fatalf("mention %q matches no row: %+v", m.Unit, r)
				}
			}
		}
	})
}
