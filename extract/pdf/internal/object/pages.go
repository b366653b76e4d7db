package object

import (
	"fmt"

	"github.com/hotline12345/bulletin/extract/block"
)

// Page is one leaf of the page tree with the attributes it inherits. It
// does not hold the page's dictionary, which is parsed again when the
// page is read: a long file's pages are listed first and read one by one,
// and the list stays small.
type Page struct {
	// Num is the page number, 1-based, in page-tree order.
	Num int
	// Box is the visible area in default user space (the CropBox clipped
	// to the MediaBox, or the MediaBox): llx, lly, urx, ury.
	Box [4]float64
	// Rotate is the clockwise rotation for display: 0, 90, 180 or 270.
	Rotate int

	doc *Doc
	// node is the page object, or for a page written inline in its
	// parent's /Kids, the dictionary itself.
	node   ref
	inline Value
	ownRes bool  // the page has /Resources of its own
	inhRes Value // else the resources it inherits
}

// Dict returns the page dictionary.
func (p Page) Dict() Value {
	if p.node == (ref{}) {
		return p.inline
	}
	return p.doc.value(p.node)
}

// Resources returns the page's resource dictionary, inherited if the page
// has none of its own.
func (p Page) Resources() Value {
	if p.ownRes {
		return p.Dict().Key("Resources")
	}
	return p.inhRes
}

// PageProblem is a part of the page tree that could not be read.
type PageProblem struct {
	// Page is the number the next readable page would have had.
	Page int
	Err  error
}

// inherited are the page attributes a page takes from its ancestors.
type inherited struct {
	resources Value
	media     Value
	crop      Value
	rotate    Value
}

// Pages walks the page tree from the catalog down, never following
// /Parent (a page that is its own parent makes walks that do loop forever,
// and is reported). It guards against cycles and
// shared subtrees, stops at maxDepth levels and after maxPages pages (the
// latter with an error wrapping [block.ErrLimit]), and passes inherited
// attributes down instead of following /Parent. A node that cannot be read
// is reported and skipped; the other pages are still returned.
func (d *Doc) Pages(maxPages, maxDepth int) ([]Page, []PageProblem, error) {
	w := walker{doc: d, maxPages: maxPages, maxDepth: maxDepth, seen: map[string]bool{}}
	root := d.Catalog().Key("Pages")
	if root.Kind() != Dict {
		return nil, nil, fmt.Errorf("%w: the document catalog has no page tree", block.ErrFormat)
	}
	if err := w.node(root, inherited{}, nil); err != nil {
		return w.pages, w.problems, err
	}
	return w.pages, w.problems, nil
}

type walker struct {
	doc                *Doc
	maxPages, maxDepth int
	seen               map[string]bool // intermediate nodes visited
	pages              []Page
	problems           []PageProblem
}

func (w *walker) problem(format string, args ...any) {
	w.problems = append(w.problems, PageProblem{Page: len(w.pages) + 1, Err: fmt.Errorf("%w: "+format, append([]any{block.ErrFormat}, args...)...)})
}

// node visits one node of the tree; path holds the IDs of its ancestors.
func (w *walker) node(n Value, inh inherited, path []string) error {
	if len(path) >= w.maxDepth {
		w.problem("page tree deeper than %d levels; subtree skipped", w.maxDepth)
		return nil
	}
	for _, a := range []struct {
		key string
		dst *Value
	}{{"Resources", &inh.resources}, {"MediaBox", &inh.media}, {"CropBox", &inh.crop}, {"Rotate", &inh.rotate}} {
		if v := n.Key(a.key); !v.IsNull() {
			*a.dst = v
		}
	}
	kids := n.Key("Kids")
	isPages := n.Key("Type").Name() == "Pages" || (n.Key("Type").Name() != "Page" && kids.Kind() == Array)
	if !isPages {
		if len(w.pages) >= w.maxPages {
			return block.Exceeded("pages", int64(w.maxPages))
		}
		p := Page{Num: len(w.pages) + 1, doc: w.doc, node: n.r}
		if n.r == (ref{}) {
			p.inline = n
		}
		if p.ownRes = !n.Key("Resources").IsNull(); !p.ownRes {
			p.inhRes = inh.resources
		}
		p.Box, p.Rotate = pageGeometry(inh)
		// The walk passes attributes down and never follows /Parent; a
		// page whose /Parent is itself (which makes walks that do loop)
		// is reported.
		if n.r != (ref{}) && n.dict()["Parent"] == n.r {
			w.problem("page %d is its own /Parent", p.Num)
		}
		w.pages = append(w.pages, p)
		return nil
	}
	id := n.ID()
	for _, a := range path {
		if a == id {
			w.problem("page tree node is its own ancestor; cycle skipped")
			return nil
		}
	}
	if w.seen[id] {
		w.problem("page tree node appears twice; repeat skipped")
		return nil
	}
	w.seen[id] = true
	path = append(path, id)
	for i := 0; i < kids.Len(); i++ {
		kid := kids.Index(i)
		if kid.Kind() != Dict {
			w.problem("page tree kid %d is %s, not a dictionary", i+1, kid)
			continue
		}
		if err := w.node(kid, inh, path); err != nil {
			return err
		}
	}
	return nil
}

// pageGeometry returns the visible box and the rotation.
func pageGeometry(inh inherited) ([4]float64, int) {
	box, ok := rect(inh.media)
	if !ok {
		box = [4]float64{0, 0, 612, 792} // US Letter, as viewers assume
	}
	if crop, ok := rect(inh.crop); ok {
		c := [4]float64{max(crop[0], box[0]), max(crop[1], box[1]), min(crop[2], box[2]), min(crop[3], box[3])}
		if c[2]-c[0] > 1 && c[3]-c[1] > 1 {
			box = c
		}
	}
	rot := inh.rotate.Int() % 360
	if rot < 0 {
		rot += 360
	}
	rot = (rot + 45) / 90 * 90 % 360
	return box, rot
}

// rect reads a rectangle array, normalised so that llx < urx and lly < ury.
func rect(v Value) ([4]float64, bool) {
	if v.Kind() != Array || v.Len() != 4 {
		return [4]float64{}, false
	}
	var r [4]float64
	for i := range r {
		e := v.Index(i)
		if !e.IsNumber() {
			return r, false
		}
		r[i] = e.Float()
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	if r[2]-r[0] < 1 || r[3]-r[1] < 1 || r[2]-r[0] > 1e6 || r[3]-r[1] > 1e6 {
		return r, false
	}
	return r, true
}
