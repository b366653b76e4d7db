package html

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// Finding the article. A government page wraps the article in a site:
// header and navigation, breadcrumbs, a catalogue box, a title block, then
// the article, its attachments, share buttons and a footer. Class names
// differ from one CMS to the next, so the article is found by its content:
//
//  1. Every element's visible text is counted, and how much of it is link
//     text. Navigation, breadcrumbs, attachment lists and share widgets
//     are mostly links; footers carry a site's registration marks
//     (ICP备, 公网安备, 网站标识码, 版权所有).
//  2. Each block of text scores its characters (outside links) to the
//     element holding it and half to the one above: the element that holds
//     the most running text wins, usually the editor's content element.
//  3. From there the article grows to the parent while a sibling holds a
//     good part of the content too (a Word document saved in sections, a
//     table after the prose), and never into a parent whose other children
//     are only short title lines and link lists.
//
// The title block is what comes just before the article (back to the
// breadcrumbs): the heading, the line "发布时间：… 来源：…", a catalogue
// box of "索引号： 发布机构： 成文日期：". Its label-and-value lines and
// boxes become Fields; a heading the article repeats is dropped, one it
// does not is kept as the article's first paragraph.

// analysis holds per-element counts of the visible text.
type analysis struct {
	t *tree
	// chars counts visible non-space characters in the subtree;
	// linkChars those inside links; links the links.
	chars, linkChars, links []int32
	// markChars counts the characters of the text nodes that hold a site
	// footer's mark.
	markChars []int32
	// visible is false inside hidden or opaque elements.
	visible []bool
	// inLink is set for nodes inside a link.
	inLink []bool
	// furniture is set for nodes in navigation, link lists or footers.
	furniture []bool
	// comments is set where the subtree holds a comment box: a <textarea>
	// or a heading such as 网友评论.
	comments []bool
	score    []float32
}

// footerMarks are printed in a Chinese site's footer and nowhere in an
// article.
var footerMarks = [][]byte{
	[]byte("ICP备"), []byte("ICP证"), []byte("公网安备"), []byte("网站标识码"), []byte("版权所有"),
	[]byte("Copyright"), []byte("©"), []byte("技术支持："),
}

func analyze(t *tree) *analysis {
	n := len(t.nodes)
	a := &analysis{
		t:         t,
		chars:     make([]int32, n),
		linkChars: make([]int32, n),
		links:     make([]int32, n),
		markChars: make([]int32, n),
		visible:   make([]bool, n),
		inLink:    make([]bool, n),
		furniture: make([]bool, n),
		comments:  make([]bool, n),
		score:     make([]float32, n),
	}
	// Top down: visibility and links. A node's parent was created before
	// it, so one forward pass sees every parent first.
	for i := range t.nodes {
		nd := &t.nodes[i]
		p := nd.parent
		vis, link := true, false
		if p != none {
			vis, link = a.visible[p], a.inLink[p]
		}
		if nd.kind == elementNode {
			if nd.flags&flagHidden != 0 || nd.is&kindOpaque != 0 {
				vis = false
			}
			if nd.flags&flagHref != 0 {
				link = true
			}
		}
		a.visible[i], a.inLink[i] = vis, link
	}
	// Bottom up: counts.
	for i := n - 1; i >= 0; i-- {
		nd := &t.nodes[i]
		if nd.tag == atom.Textarea {
			a.comments[i] = true
		}
		if p := nd.parent; p != none && a.comments[i] {
			a.comments[p] = true
		}
		if !a.visible[i] {
			continue
		}
		if nd.kind == textNode {
			s := t.textOf(nodeID(i))
			c := int32(countChars(s))
			a.chars[i] = c
			if a.inLink[i] {
				a.linkChars[i] = c
			} else if c > 0 {
				a.scoreText(nodeID(i), c)
			}
			for _, m := range footerMarks {
				if bytes.Contains(s, m) {
					a.markChars[i] = c
					break
				}
			}
			if c <= maxCommentHeading && commentHeading(s) {
				a.comments[i] = true
				if p := nd.parent; p != none {
					a.comments[p] = true
				}
			}
		} else if nd.flags&flagHref != 0 {
			a.links[i]++
		}
		if p := nd.parent; p != none {
			a.chars[p] += a.chars[i]
			a.linkChars[p] += a.linkChars[i]
			a.links[p] += a.links[i]
			a.markChars[p] += a.markChars[i]
		}
	}
	for i := range t.nodes {
		p := t.nodes[i].parent
		a.furniture[i] = p != none && a.furniture[p] || a.boilerplate(nodeID(i))
	}
	return a
}

// commentHeadings open the comment box under an article.
var commentHeadings = [][]byte{[]byte("网友评论"), []byte("发表评论"), []byte("我要评论"), []byte("评论区"),
	[]byte("相关评论"), []byte("网友留言"), []byte("我要留言"), []byte("发表留言")}

// maxCommentHeading bounds the text taken as a comment box's heading.
const maxCommentHeading = 12

func commentHeading(s []byte) bool {
	s = bytes.TrimSpace(s)
	for _, h := range commentHeadings {
		if bytes.HasPrefix(s, h) {
			return true
		}
	}
	return false
}

// countChars counts the characters of s that are not white space.
func countChars(s []byte) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r != '\u00a0' && r != '\u3000' {
			n++
		}
		i += size
	}
	return n
}

// scoreText credits a text node's characters to the element holding its
// block and half to the one above.
func (a *analysis) scoreText(n nodeID, c int32) {
	t := a.t
	b := t.nodes[n].parent
	for b != none && t.nodes[b].is&kindInline != 0 {
		b = t.nodes[b].parent
	}
	if b == none {
		return
	}
	if p := t.nodes[b].parent; p != none {
		a.score[p] += float32(c)
		if g := t.nodes[p].parent; g != none {
			a.score[g] += float32(c) / 2
		}
	}
}

// boilerplate reports whether element n is page furniture rather than
// content: navigation by its tag or role, a block that is mostly links
// (menus, breadcrumbs, attachment lists, share buttons), or a footer.
func (a *analysis) boilerplate(n nodeID) bool {
	nd := &a.t.nodes[n]
	if nd.kind != elementNode || !a.visible[n] {
		return false
	}
	switch nd.tag {
	case atom.Nav, atom.Aside, atom.Footer, atom.Menu:
		return true
	}
	if a.links[n] > 0 && 2*a.linkChars[n] >= a.chars[n] {
		return true
	}
	return a.footer(n)
}

// footer reports whether n is a site's footer: short, and a good part of
// its text in lines that carry a footer's mark.
func (a *analysis) footer(n nodeID) bool {
	c := a.contentChars(n)
	return a.markChars[n] > 0 && c < maxFooterChars && 10*a.markChars[n] >= 3*c
}

// maxFooterChars: a footer is short; a longer block with a footer mark
// holds more than the footer.
const maxFooterChars = 400

// contentChars is the text of n outside links.
func (a *analysis) contentChars(n nodeID) int32 { return a.chars[n] - a.linkChars[n] }

// span is the part of the page taken as the article: the children of
// root from first to last, both included.
type span struct {
	root, first, last nodeID
}

// article returns the part of the page holding the article; its root is
// the body for a page without text.
func (a *analysis) article() span {
	t := a.t
	best := none
	for i := range a.score {
		if a.score[i] > 0 && (best == none || a.score[i] > a.score[best]) && !a.furniture[i] {
			best = nodeID(i)
		}
	}
	c := a.outOfTable(best)
	if c == none {
		c = t.body
	}
	for c != none {
		p := t.nodes[c].parent
		if p == none || p == t.html || p == t.doc || !a.siblingsHoldContent(p, c) {
			break
		}
		c = p
	}
	c = a.outOfTable(c)
	if c == none {
		return span{root: none, first: none, last: none}
	}
	return a.trim(c)
}

// outOfTable returns n, or, when n is a table or part of one's structure
// (a row, a section), the element holding that table: rows are not an
// article, and a table is read whole. A cell may hold an article (an old
// portal's layout) and is left as it is.
func (a *analysis) outOfTable(n nodeID) nodeID {
	t := a.t
	for n != none {
		switch t.nodes[n].tag {
		case atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup, atom.Table:
			n = t.nodes[n].parent
			continue
		}
		return n
	}
	return n
}

// trim leaves out the furniture at either end of the article's children:
// the attachment list, share buttons and footer after the last paragraph
// of a page whose content sits directly in the body, say. Furniture
// between paragraphs stays, and so does a line of text around one link
// ("附件：<a>…</a>"): a link inside the text is text.
func (a *analysis) trim(root nodeID) span {
	t := a.t
	sp := span{root: root, first: none, last: none}
	for c := t.nodes[root].first; c != none; c = t.nodes[c].next {
		if !a.visible[c] || a.chars[c] == 0 && !a.holdsTable(c) {
			continue
		}
		if a.comments[c] || t.nodes[c].kind == elementNode && a.boilerplate(c) && (a.links[c] != 1 || a.contentChars(c) == 0 || a.footer(c)) {
			continue // a link list, share buttons, a footer; one link in a line of text is text
		}
		if sp.first == none {
			sp.first = c
		}
		sp.last = c
	}
	return sp
}

// holdsTable reports whether the subtree of n has a table.
func (a *analysis) holdsTable(n nodeID) bool {
	t := a.t
	if t.nodes[n].kind != elementNode {
		return false
	}
	if t.nodes[n].tag == atom.Table {
		return true
	}
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		if a.holdsTable(c) {
			return true
		}
	}
	return false
}

// siblingsHoldContent reports whether the article c should grow to its
// parent p: another child of p, not furniture or a comment box, holds at
// least a fifth as much text as c.
func (a *analysis) siblingsHoldContent(p, c nodeID) bool {
	t := a.t
	own := a.contentChars(c)
	for s := t.nodes[p].first; s != none; s = t.nodes[s].next {
		if s == c || !a.visible[s] || t.nodes[s].kind != elementNode || a.boilerplate(s) || a.comments[s] {
			continue
		}
		if sc := a.contentChars(s); sc > 0 && 5*sc >= own {
			return true
		}
	}
	return false
}
