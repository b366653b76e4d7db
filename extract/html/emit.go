package html

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// zone says where on the page an item was found.
type zone uint8

const (
	zoneMeta    zone = iota // the head's <meta> tags
	zoneHead                // the title block before the article
	zoneArticle             // the article
)

// item is a block on its way out, with what the last pass needs to know.
type item struct {
	blk  block.Block
	zone zone
	// fields is set for a paragraph that reads as label-and-value
	// segments ("发布时间：…  来源：…"); it becomes a Fields block where
	// the title block is.
	fields []block.Field
}

// emitter walks the tree and turns elements into items.
type emitter struct {
	ctx   context.Context
	t     *tree
	a     *analysis
	lim   block.Limits
	items []item
	zone  zone
	links []Link
	// inArticle is set while the article's elements are walked, when its
	// links are collected.
	inArticle bool

	// The paragraph being built: its raw text, the element holding it and
	// the line of its first text.
	raw       []byte
	container nodeID
	paraNode  nodeID
	paraLine  int
	hasText   bool
	// articleItems counts the items of the article so far.
	articleItems int
	cells        int
	walked       int
	// read marks the nodes walked into blocks.
	read     []bool
	problems []model.Problem
}

// maxLeadingItems is how far into the article a title block is looked
// for: a heading and the line with its date and source come first.
const maxLeadingItems = 4

func (e *emitter) run(sp span) error {
	t := e.t
	if len(t.metas) > 0 {
		f := &block.Fields{Pos: model.Pos{Line: t.metas[0].line, Path: "/html/head"}}
		for _, m := range t.metas {
			f.Fields = append(f.Fields, block.Field{Label: m.name, Value: m.content, Pos: model.Pos{Line: m.line, Path: "/html/head"}})
		}
		e.add(item{blk: f, zone: zoneMeta})
	}
	if sp.root == none {
		return nil
	}
	e.zone = zoneHead
	for _, n := range e.headZone(sp) {
		if err := e.walk(n); err != nil {
			return err
		}
		e.flush()
	}
	e.zone = zoneArticle
	e.inArticle = true
	e.container = sp.root
	for c := sp.first; c != none; c = t.nodes[c].next {
		if err := e.walk(c); err != nil {
			return err
		}
		if c == sp.last {
			break
		}
	}
	e.flush()
	e.inArticle = false
	for _, n := range e.tailZone(sp) {
		e.collectLinks(n)
	}
	e.titleBlock()
	e.tablesLeftOut()
	return nil
}

// tablesLeftOut notes the tables of figures outside the article, so that
// no table is dropped without a trace: a table of two rows and columns
// at least, with digits, that is not a layout table or a link list.
func (e *emitter) tablesLeftOut() {
	t, a := e.t, e.a
	inside := make([]bool, len(t.nodes))
	for i := range t.nodes {
		p := t.nodes[i].parent
		inside[i] = e.read[i] || p != none && inside[p]
	}
	for i := range t.nodes {
		n := nodeID(i)
		if t.nodes[i].tag != atom.Table || inside[i] || !a.visible[i] || a.furniture[i] || e.holdsTable(n) {
			continue
		}
		rows, _ := e.rowsOf(n)
		width, filled := 0, 0
		for _, r := range rows {
			width = max(width, len(r.cells))
			if len(r.cells) > 0 {
				filled++
			}
		}
		var raw []byte
		e.collect(n, &raw)
		if filled < 2 || width < 2 || !strings.ContainsAny(string(raw), "0123456789") {
			continue
		}
		if len(e.problems) == maxProblems {
			e.problems = append(e.problems, model.Problem{Pos: e.pos(n), Message: "more tables outside the article were left out"})
			return
		}
		e.problems = append(e.problems, model.Problem{Pos: e.pos(n),
			Message: fmt.Sprintf("a table of %d rows outside the article was left out", filled)})
	}
}

// maxProblems bounds the problems a page reports.
const maxProblems = 100

// headZone returns the elements before the article back to the first
// piece of furniture (the breadcrumbs, the navigation): the title block.
// It stops after a few elements of text, since a title block is short.
func (e *emitter) headZone(sp span) []nodeID {
	t, a := e.t, e.a
	var zone []nodeID
	chars := int32(0)
	at, parent := sp.first, sp.root
	for parent != none && parent != t.html && parent != t.doc {
		prev := previousSiblings(t, parent, at)
		for i := len(prev) - 1; i >= 0; i-- {
			s := prev[i]
			if !a.visible[s] || a.chars[s] == 0 && !a.holdsTable(s) {
				continue
			}
			if t.nodes[s].kind == elementNode && a.boilerplate(s) || a.comments[s] || chars > maxHeadChars {
				return reverse(zone)
			}
			chars += a.chars[s]
			zone = append(zone, s)
		}
		if parent == t.body {
			break
		}
		at, parent = parent, t.nodes[parent].parent
	}
	return reverse(zone)
}

// maxHeadChars bounds the text taken as a title block.
const maxHeadChars = 1000

// tailZone returns the elements after the article up to the footer or
// the next text, where its attachment list is.
func (e *emitter) tailZone(sp span) []nodeID {
	t, a := e.t, e.a
	var zone []nodeID
	taken := 0
	at, parent := sp.last, sp.root
	if at == none {
		return nil
	}
	for parent != none && parent != t.html && parent != t.doc {
		for s := t.nodes[at].next; s != none; s = t.nodes[s].next {
			if !a.visible[s] || t.nodes[s].kind != elementNode {
				continue
			}
			switch t.nodes[s].tag {
			case atom.Nav, atom.Aside, atom.Footer:
				return zone
			}
			if a.footer(s) || a.comments[s] || a.contentChars(s) > maxTailChars || taken == maxTailElements {
				return zone
			}
			zone = append(zone, s)
			taken++
		}
		if parent == t.body {
			break
		}
		at, parent = parent, t.nodes[parent].parent
	}
	return zone
}

// The attachment list after an article is short: labels and links.
const (
	maxTailChars    = 100
	maxTailElements = 12
)

func previousSiblings(t *tree, parent, at nodeID) []nodeID {
	var out []nodeID
	for c := t.nodes[parent].first; c != none && c != at; c = t.nodes[c].next {
		out = append(out, c)
	}
	return out
}

func reverse(s []nodeID) []nodeID {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}

// walk emits the blocks of element n's subtree.
func (e *emitter) walk(n nodeID) error {
	t := e.t
	if !e.a.visible[n] {
		return nil
	}
	if len(e.items) > e.lim.MaxBlocks {
		return block.At(e.pos(n), block.Exceeded("blocks", int64(e.lim.MaxBlocks)))
	}
	if e.walked++; e.walked%ctxCheckEvery == 0 {
		if err := e.ctx.Err(); err != nil {
			return block.At(e.pos(n), err)
		}
	}
	e.read[n] = true
	nd := &t.nodes[n]
	if nd.kind == textNode {
		e.text(n)
		return nil
	}
	switch {
	case nd.tag == atom.Nav || nd.tag == atom.Aside || nd.tag == atom.Footer || e.a.footer(n):
		return nil // furniture inside the article's element
	case nd.tag == atom.Br:
		e.raw = append(e.raw, lineBreak)
		return nil
	case nd.tag == atom.Table:
		e.flush()
		return e.table(n)
	case nd.is&kindInline != 0:
		e.raw = append(e.raw, segmentEdge)
		for c := nd.first; c != none; c = t.nodes[c].next {
			if err := e.walk(c); err != nil {
				return err
			}
		}
		e.raw = append(e.raw, segmentEdge)
		if nd.tag == atom.A && e.inArticle {
			e.addLink(n)
		}
		return nil
	}
	e.flush()
	outer := e.container
	e.container = n
	for c := nd.first; c != none; c = t.nodes[c].next {
		if err := e.walk(c); err != nil {
			return err
		}
	}
	e.flush()
	e.container = outer
	return nil
}

// text appends a text node to the paragraph.
func (e *emitter) text(n nodeID) {
	s := e.t.textOf(n)
	if !e.hasText && !isBlank(s) {
		e.hasText = true
		e.paraNode = e.container
		e.paraLine = int(e.t.nodes[n].line)
		for _, c := range s {
			if c == '\n' {
				e.paraLine++
			} else if c != ' ' && c != '\t' && c != '\r' && c != '\f' {
				break
			}
		}
	}
	e.raw = append(e.raw, s...)
}

// flush ends the paragraph being built.
func (e *emitter) flush() {
	if !e.hasText {
		e.raw = e.raw[:0]
		return
	}
	withEdges := normalize(e.raw, true)
	e.raw, e.hasText = e.raw[:0], false
	text := strings.ReplaceAll(withEdges, string(segmentEdge), "")
	if text == "" {
		return
	}
	pos := model.Pos{Line: e.paraLine, Path: e.t.path(e.paraNode)}
	it := item{blk: &block.Paragraph{Text: text, Pos: pos}, zone: e.zone}
	if e.zone == zoneHead || (e.zone == zoneArticle && e.articleItems < maxLeadingItems) {
		it.fields = labelledLine(withEdges, pos)
	}
	e.add(it)
}

// add appends an item.
func (e *emitter) add(it item) {
	if it.zone == zoneArticle {
		e.articleItems++
	}
	e.items = append(e.items, it)
}

func (e *emitter) pos(n nodeID) model.Pos {
	return model.Pos{Line: int(e.t.nodes[n].line), Path: e.t.path(n)}
}

// addLink records a link of the article.
func (e *emitter) addLink(n nodeID) {
	href := e.t.hrefs[n]
	if href == "" || strings.HasPrefix(href, "#") || len(e.links) >= maxLinks ||
		len(href) >= len("javascript:") && strings.EqualFold(href[:len("javascript:")], "javascript:") {
		return
	}
	var raw []byte
	e.collect(n, &raw)
	e.links = append(e.links, Link{Href: href, Text: normalize(raw, false), InArticle: e.inArticle, Pos: e.pos(n)})
}

// maxLinks bounds the links a page reports.
const maxLinks = 1000

// collectLinks records the links under n (in the attachment list after
// the article).
func (e *emitter) collectLinks(n nodeID) {
	t := e.t
	if !e.a.visible[n] || t.nodes[n].kind != elementNode {
		return
	}
	if t.nodes[n].tag == atom.A {
		e.addLink(n)
		return
	}
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		e.collectLinks(c)
	}
}

// collect appends the text of n's subtree to raw, with a line break at
// every block element and <br>.
func (e *emitter) collect(n nodeID, raw *[]byte) {
	t := e.t
	if !e.a.visible[n] {
		return
	}
	nd := &t.nodes[n]
	if nd.kind == textNode {
		*raw = append(*raw, t.textOf(n)...)
		return
	}
	if nd.tag == atom.Br {
		*raw = append(*raw, lineBreak)
		return
	}
	inline := nd.is&kindInline != 0
	if inline {
		*raw = append(*raw, segmentEdge)
	} else {
		*raw = append(*raw, lineBreak)
	}
	for c := nd.first; c != none; c = t.nodes[c].next {
		e.collect(c, raw)
	}
	if inline {
		*raw = append(*raw, segmentEdge)
	} else {
		*raw = append(*raw, lineBreak)
	}
}

// titleBlock turns the title block into fields and drops a heading the
// article repeats. The title block is the head zone, and, when the article
// itself opens with a label-and-value line ("发布时间：…  来源：…"), what
// comes before that line.
func (e *emitter) titleBlock() {
	lastLabelled := -1
	for i, it := range e.items {
		if it.zone == zoneArticle {
			if i-e.firstArticle() >= maxLeadingItems {
				break
			}
			if it.fields != nil {
				lastLabelled = i
			}
		}
	}
	for i := range e.items {
		if e.items[i].zone == zoneArticle && i <= lastLabelled {
			e.items[i].zone = zoneHead
		}
	}
	var body strings.Builder
	for _, it := range e.items {
		if p, ok := it.blk.(*block.Paragraph); ok && it.zone == zoneArticle {
			body.WriteString(compact(p.Text))
			if body.Len() > maxRepeatBytes {
				break
			}
		}
	}
	repeated := body.String()
	out := e.items[:0]
	for _, it := range e.items {
		if it.zone == zoneHead {
			if it.fields != nil {
				it.blk = &block.Fields{Fields: it.fields, Pos: it.blk.Position()}
			} else if p, ok := it.blk.(*block.Paragraph); ok && strings.Contains(repeated, compact(p.Text)) {
				continue // the page's heading over an article that prints its title
			}
		}
		out = append(out, it)
	}
	e.items = out
}

// maxRepeatBytes is how much of the article's text a heading is looked
// for in.
const maxRepeatBytes = 8 << 10

func (e *emitter) firstArticle() int {
	for i, it := range e.items {
		if it.zone == zoneArticle {
			return i
		}
	}
	return len(e.items)
}

// compact removes all white space.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// labelledLine splits a line of "label：value" segments, apart by wide
// space or in their own elements ("发布时间：2024-06-04    来源：…"), into
// fields. It returns nil unless the line is made of at least two such
// segments.
func labelledLine(s string, pos model.Pos) []block.Field {
	if strings.ContainsRune(s, '\n') || utf8.RuneCountInString(s) > maxLabelledLine {
		return nil
	}
	var fields []block.Field
	for _, seg := range segments(s) {
		label, value, ok := splitLabel(seg)
		switch {
		case ok:
			fields = append(fields, block.Field{Label: label, Value: value, Pos: pos})
		case len(fields) == 0:
			return nil // text before the first label: not a labelled line
		case !strings.ContainsFunc(seg, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
			// a bracket closing "【字体：大 中 小】" after its links
		default:
			// A piece of the value in an element of its own
			// ("点击数：<font>1519</font>").
			f := &fields[len(fields)-1]
			f.Value = strings.TrimSpace(f.Value + " " + seg)
		}
	}
	if len(fields) < 2 {
		return nil
	}
	for i := range fields {
		fields[i].Value = unbracket(fields[i].Value)
	}
	return fields
}

// unbracket removes a bracket left open or closed by the split of a line
// like "字号：[大 中 小]" whose words are links.
func unbracket(s string) string {
	for _, p := range [][2]string{{"[", "]"}, {"【", "】"}, {"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(s, p[0]) && !strings.Contains(s, p[1]) {
			s = strings.TrimSpace(strings.TrimPrefix(s, p[0]))
		}
		if strings.HasSuffix(s, p[1]) && !strings.Contains(s, p[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(s, p[1]))
		}
	}
	return s
}

// maxLabelledLine bounds a title block's line of fields.
const maxLabelledLine = 300

// segments splits at element edges and wide gaps.
func segments(s string) []string {
	var out []string
	for _, part := range strings.Split(s, string(segmentEdge)) {
		for _, seg := range splitWide(part) {
			if seg = strings.TrimSpace(seg); seg != "" {
				out = append(out, seg)
			}
		}
	}
	return out
}

// splitWide splits at two or more spaces, a tab or an ideographic space.
func splitWide(s string) []string {
	var out []string
	start, spaces := 0, 0
	for i, r := range s {
		switch r {
		case ' ':
			spaces++
			if spaces == 2 {
				out = append(out, s[start:i-1])
			}
			continue
		case '\t', '\u3000':
			if spaces < 2 {
				out = append(out, s[start:i-spaces])
			}
			spaces = 2
			continue
		}
		if spaces >= 2 {
			start = i
		}
		spaces = 0
	}
	if spaces < 2 {
		out = append(out, s[start:])
	}
	return out
}

// maxLabelRunes bounds a field's label.
const maxLabelRunes = 8

// splitLabel splits "发布机构：北湖区…" into its label (without spaces,
// brackets and colon) and value.
func splitLabel(seg string) (label, value string, ok bool) {
	i := strings.IndexAny(seg, ":：")
	if i <= 0 {
		return "", "", false
	}
	head := strings.TrimSpace(seg[:i])
	bracketed := strings.HasPrefix(head, "【") || strings.HasPrefix(head, "[")
	label = compact(strings.TrimLeft(head, "【["))
	n := utf8.RuneCountInString(label)
	if n == 0 || n > maxLabelRunes {
		return "", "", false
	}
	for _, r := range label {
		if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) {
			return "", "", false
		}
	}
	_, colon := utf8.DecodeRuneInString(seg[i:])
	value = strings.TrimSpace(seg[i+colon:])
	if bracketed {
		value = strings.TrimSpace(strings.TrimRight(value, "】]"))
	}
	return label, value, true
}
