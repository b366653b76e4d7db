package block_test

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// randomTable builds a table of up to 8 rows of up to 6 cells with spans
// of up to 4 rows and columns.
func randomTable(rng *rand.Rand) *block.Table {
	t := &block.Table{}
	for range rng.IntN(8) + 1 {
		var r block.Row
		for range rng.IntN(7) {
			r.Cells = append(r.Cells, block.Cell{Text: "x", RowSpan: rng.IntN(5), ColSpan: rng.IntN(5)})
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// TestGridAreaMatchesGrid checks GridArea against the grid Grid builds.
func TestGridAreaMatchesGrid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		tbl := randomTable(rng)
		grid, _ := tbl.Grid()
		want := len(grid) * len(grid[0])
		got, ok := tbl.GridArea(1 << 30)
		if !ok || got != want {
			t.Fatalf("table %d: GridArea = %d, %v; Grid lays out %d positions", i, got, ok, want)
		}
		if want > 0 {
			if _, ok := tbl.GridArea(want - 1); ok {
				t.Fatalf("table %d: GridArea(%d) accepted an area of %d", i, want-1, want)
			}
		}
	}
}

// gridBomb is a table whose first row is 100 cells each spanning MaxSpan
// columns and whose other rows hold one cell: 2 KB of DOCX lays it out on
// rows × 102,400 positions.
func gridBomb(rows int) *block.Table {
	t := &block.Table{Pos: model.Pos{Part: "word/document.xml", Block: 1}}
	wide := block.Row{}
	for range 100 {
		wide.Cells = append(wide.Cells, block.Cell{Text: "x", ColSpan: block.MaxSpan})
	}
	t.Rows = append(t.Rows, wide)
	for range rows - 1 {
		t.Rows = append(t.Rows, block.Row{Cells: []block.Cell{{Text: "1"}}})
	}
	return t
}

// TestGridBomb checks that the builder rejects a table whose spans make
// its grid huge, with a positioned ErrLimit, and that finding out costs
// memory bounded by the limit, not by the grid the spans ask for.
func TestGridBomb(t *testing.T) {
	bomb := gridBomb(8000) // 819 million positions
	allocs := testing.AllocsPerRun(5, func() {
		if _, ok := bomb.GridArea(block.DefaultLimits.MaxGridCells); ok {
			t.Fatal("GridArea accepted the bomb")
		}
	})
	if allocs > 2 {
		t.Errorf("GridArea allocated %v times on the bomb", allocs)
	}
	b := block.NewBuilder(block.Limits{})
	err := b.Add(bomb)
	var pe *block.ParseError
	if !errors.Is(err, block.ErrLimit) || !errors.As(err, &pe) || pe.Pos != bomb.Pos {
		t.Fatalf("Add(bomb) = %v, want ErrLimit at %v", err, bomb.Pos)
	}
	// Narrow rows under one wide one: each row is padded to the widest,
	// so a modest table grows past the per-document cell limit too.
	b = block.NewBuilder(block.Limits{MaxGridCells: 1 << 30, MaxCells: 1_000_000})
	if err := b.Add(gridBomb(20)); !errors.Is(err, block.ErrLimit) {
		t.Fatalf("Add: %v, want ErrLimit for 2,048,000 cells in the document", err)
	}
}

// TestBuilderLimits checks each bound the builder enforces.
func TestBuilderLimits(t *testing.T) {
	para := func(line int) block.Block { return &block.Paragraph{Text: "p", Pos: model.Pos{Line: line}} }
	table := func(rows, cols int) block.Block {
		t := &block.Table{Pos: model.Pos{Line: 1}}
		for range rows {
			t.Rows = append(t.Rows, block.Row{Cells: make([]block.Cell, cols)})
		}
		return t
	}
	textTable := func(rows, cols int) block.Block {
		t := table(rows, cols).(*block.Table)
		for i := range t.Rows {
			for j := range t.Rows[i].Cells {
				t.Rows[i].Cells[j].Text = "x"
			}
		}
		return t
	}
	for _, tc := range []struct {
		name   string
		lim    block.Limits
		blocks []block.Block
		fails  int // index of the block that must fail, -1 for none
	}{
		{"paragraphs", block.Limits{MaxParagraphs: 2}, []block.Block{para(1), table(1, 1), para(2), para(3)}, 3},
		{"blocks", block.Limits{MaxBlocks: 2}, []block.Block{para(1), table(1, 1), para(2)}, 2},
		{"rows", block.Limits{MaxRows: 3}, []block.Block{table(3, 1), table(4, 1)}, 1},
		{"cells", block.Limits{MaxCells: 10}, []block.Block{table(2, 3), table(2, 2), table(1, 1)}, 2},
		{"grid", block.Limits{MaxGridCells: 6}, []block.Block{table(2, 3), table(7, 1)}, 1},
		{"text", block.Limits{MaxTextBytes: 2}, []block.Block{para(1), para(2), para(3)}, 2},
		{"text in cells", block.Limits{MaxTextBytes: 4}, []block.Block{para(1), textTable(2, 2), table(1, 1)}, 1},
		{"within", block.Limits{}, []block.Block{para(1), table(100, 10), para(2)}, -1},
	} {
		b := block.NewBuilder(tc.lim)
		for i, blk := range tc.blocks {
			err := b.Add(blk)
			switch {
			case i == tc.fails && !errors.Is(err, block.ErrLimit):
				t.Errorf("%s: block %d: %v, want ErrLimit", tc.name, i, err)
			case i != tc.fails && err != nil:
				t.Errorf("%s: block %d: %v", tc.name, i, err)
			}
			if i == tc.fails {
				var pe *block.ParseError
				if !errors.As(err, &pe) || pe.Pos != blk.Position() {
					t.Errorf("%s: error %v not at the block's position %v", tc.name, err, blk.Position())
				}
				break
			}
		}
	}
}
