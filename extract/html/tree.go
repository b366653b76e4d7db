package html

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// The tree is built from x/net/html's tokenizer rather than by its Parse,
// because Parse keeps no source positions and every block must say on which
// line it starts. The tree construction follows the HTML rules that matter
// for reading text and tables: void elements, implied ends of p, li, dt/dd,
// headings, table cells, rows and sections, implied tbody and tr, end tags
// that close what they close in a browser and no more (they do not cross a
// table cell), and content misplaced inside a table moved before it
// ("foster parenting"). Formatting elements left open across blocks are
// not reopened; for text extraction that makes no difference.

// nodeID indexes tree.nodes; none is no node.
type nodeID int32

const none nodeID = -1

type nodeKind uint8

const (
	elementNode nodeKind = iota
	textNode
)

// Node flags.
const (
	flagHidden       = 1 << iota // display:none, visibility:hidden, Word's mso-hide:all, the hidden attribute
	flagPresentation             // role=presentation or role=none: a layout table
	flagIndexed                  // the same-name indexes of its children are computed
	flagHref                     // a link with a target (tree.hrefs)
)

type node struct {
	parent, first, last, next nodeID
	line                      int32
	kind                      nodeKind
	flags                     uint8
	// is is the element's kind.
	is  kind
	tag atom.Atom
	// name indexes tree.names for an element without an atom ("o:p"),
	// else -1.
	name int32
	// start and end delimit a text node's text in tree.text.
	start, end int32
	// rowspan and colspan of a table cell (0: not given).
	rowspan, colspan uint16
	// nth is the element's 1-based index among its same-named siblings,
	// computed for paths when first needed.
	nth int32
}

// metaTag is a <meta name content> of the head.
type metaTag struct {
	name, content string
	line          int
}

// tree is a parsed page.
type tree struct {
	nodes []node
	text  []byte
	names []string
	index map[string]int32
	hrefs map[nodeID]string
	metas []metaTag
	title string

	doc, html, head, body nodeID
	stack                 []nodeID
	maxDepth              int
}

// kind says what the construction rules and the reader need to know of an
// element, looked up once per element.
type kind uint16

const (
	kindVoid         kind = 1 << iota // no content, no end tag
	kindClosesP                       // a start tag ends an open <p>
	kindHeading                       // h1 … h6
	kindScoping                       // bounds the search of an end tag for its element
	kindTableContext                  // table, a section or a row: text here is misplaced
	kindTablePart                     // belongs in a table
	kindHeadElement                   // stays in the head before the body
	kindOpaque                        // holds no text of the page
	kindInline                        // continues the paragraph it is in
)

var kinds = map[atom.Atom]kind{}

func init() {
	add := func(k kind, as ...atom.Atom) {
		for _, a := range as {
			kinds[a] |= k
		}
	}
	add(kindVoid, atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Keygen, atom.Basefont,
		atom.Bgsound, atom.Frame, atom.Image)
	add(kindClosesP, atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Section, atom.Summary,
		atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Listing, atom.Form,
		atom.Hr, atom.Xmp, atom.Plaintext, atom.Li, atom.Dd, atom.Dt)
	add(kindHeading, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	add(kindScoping, atom.Html, atom.Table, atom.Td, atom.Th, atom.Caption, atom.Template, atom.Object, atom.Marquee, atom.Applet)
	add(kindTableContext, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr)
	add(kindTablePart, atom.Caption, atom.Colgroup, atom.Col, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Table)
	add(kindHeadElement, atom.Meta, atom.Title, atom.Link, atom.Base, atom.Style, atom.Script, atom.Noscript)
	add(kindOpaque, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Noembed,
		atom.Noframes, atom.Object, atom.Svg, atom.Math, atom.Select, atom.Textarea, atom.Button, atom.Head, atom.Title)
	add(kindInline, atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Big, atom.Cite, atom.Code,
		atom.Data, atom.Dfn, atom.Em, atom.Font, atom.I, atom.Kbd, atom.Label, atom.Mark, atom.Q, atom.S,
		atom.Samp, atom.Small, atom.Span, atom.Strike, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.Tt,
		atom.U, atom.Var, atom.Wbr, atom.Br, atom.Img, atom.Nobr, atom.Ins, atom.Del, atom.Blink, atom.Acronym)
}

// kindOf returns the kind of a tag; an element without an atom, such as
// Word's <o:p> or <st1:chsdate>, is inline.
func kindOf(tag atom.Atom, name int32) kind {
	if tag == 0 && name >= 0 {
		return kindInline
	}
	return kinds[tag]
}

// ctxCheckEvery is how many tokens are read between checks of the context.
const ctxCheckEvery = 4096

// parse builds the tree of a page in UTF-8. Errors are *block.ParseError
// values at the line where the input went past a limit: lim.MaxTokenBytes
// for one tag, text run, comment or script, lim.MaxDepth for the nesting of
// elements.
func parse(ctx context.Context, src []byte, lim block.Limits) (*tree, error) {
	// Word's HTML in a CMS page takes some 40 to 80 bytes per node and
	// holds a twentieth to an eightieth of its bytes as text; what a
	// hostile page claims beyond a real page's size is not reserved ahead.
	t := &tree{
		nodes:    make([]node, 0, min(len(src)/40, 1<<16)+16),
		text:     make([]byte, 0, min(len(src)/20, 1<<20)+64),
		index:    map[string]int32{},
		hrefs:    map[nodeID]string{},
		html:     none,
		head:     none,
		body:     none,
		maxDepth: lim.MaxDepth,
	}
	t.doc = t.newElement(0, -1, 1)
	t.stack = append(t.stack, t.doc)
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	z.SetMaxBuf(lim.MaxTokenBytes)
	line := 1
	for n := 0; ; n++ {
		if n%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, block.At(model.Pos{Line: line}, err)
			}
		}
		tt := z.Next()
		raw := z.Raw()
		tokenLine := line
		line += bytes.Count(raw, []byte{'\n'})
		var err error
		switch tt {
		case xhtml.ErrorToken:
			if zerr := z.Err(); errors.Is(zerr, xhtml.ErrBufferExceeded) {
				return nil, block.At(model.Pos{Line: tokenLine}, block.Exceeded("bytes in one tag, text or comment", int64(lim.MaxTokenBytes)))
			}
			return t, nil
		case xhtml.TextToken:
			t.addText(z.Text(), tokenLine)
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			err = t.startTag(z, raw, tt == xhtml.SelfClosingTagToken, tokenLine)
		case xhtml.EndTagToken:
			err = t.endTag(z, raw, tokenLine)
		}
		if err != nil {
			return nil, err
		}
	}
}

// tagName reads the lower-cased name of the tag in raw ("<TD class=x>",
// "</td>") without allocating for the names HTML knows.
func (t *tree) tagName(raw []byte) (atom.Atom, int32) {
	raw = bytes.TrimPrefix(raw[1:], []byte{'/'})
	end := 0
	for end < len(raw) {
		c := raw[end]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		end++
	}
	var buf [32]byte
	name := raw[:end]
	if len(name) <= len(buf) {
		for i, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		name = buf[:len(name)]
		if a := atom.Lookup(name); a != 0 {
			return a, -1
		}
	} else {
		name = bytes.ToLower(name)
	}
	return 0, t.intern(string(name))
}

func (t *tree) intern(name string) int32 {
	if i, ok := t.index[name]; ok {
		return i
	}
	i := int32(len(t.names))
	t.names = append(t.names, name)
	t.index[name] = i
	return i
}

func (t *tree) newElement(tag atom.Atom, name int32, line int) nodeID {
	t.nodes = append(t.nodes, node{parent: none, first: none, last: none, next: none, line: int32(line), kind: elementNode, tag: tag, name: name, is: kindOf(tag, name)})
	return nodeID(len(t.nodes) - 1)
}

func (t *tree) appendChild(parent, child nodeID) {
	p := &t.nodes[parent]
	t.nodes[child].parent = parent
	if p.last == none {
		p.first = child
	} else {
		t.nodes[p.last].next = child
	}
	p.last = child
}

// insertBefore inserts child into parent before ref, one of its children.
func (t *tree) insertBefore(parent, child, ref nodeID) {
	t.nodes[child].parent = parent
	p := &t.nodes[parent]
	if p.first == ref {
		t.nodes[child].next = ref
		p.first = child
		return
	}
	for c := p.first; c != none; c = t.nodes[c].next {
		if t.nodes[c].next == ref {
			t.nodes[child].next = ref
			t.nodes[c].next = child
			return
		}
	}
	t.appendChild(parent, child)
}

func (t *tree) current() nodeID { return t.stack[len(t.stack)-1] }

func (t *tree) tagOf(n nodeID) atom.Atom { return t.nodes[n].tag }

func (t *tree) push(n nodeID, line int) error {
	t.stack = append(t.stack, n)
	if len(t.stack)-1 > t.maxDepth {
		return block.At(model.Pos{Line: line}, block.Exceeded("nested elements", int64(t.maxDepth)))
	}
	return nil
}

// popTo pops the stack up to and including the topmost n.
func (t *tree) popTo(n nodeID) {
	for i := len(t.stack) - 1; i > 0; i-- {
		if t.stack[i] == n {
			t.stack = t.stack[:i]
			return
		}
	}
}

// open returns the topmost open element with one of the tags, searching
// no deeper than the first element that stops the scope (which may itself
// be found).
func (t *tree) open(stop func(*node) bool, tags ...atom.Atom) nodeID {
	for i := len(t.stack) - 1; i > 0; i-- {
		n := t.stack[i]
		nd := &t.nodes[n]
		for _, want := range tags {
			if nd.tag == want {
				return n
			}
		}
		if stop(nd) {
			return none
		}
	}
	return none
}

// The scopes of HTML's tree construction: how far down the stack an
// element is looked for.
func buttonScope(n *node) bool { return n.is&kindScoping != 0 || n.tag == atom.Button }
func listScope(n *node) bool {
	return n.is&kindScoping != 0 || n.tag == atom.Ol || n.tag == atom.Ul
}
func tableScope(n *node) bool {
	return n.tag == atom.Html || n.tag == atom.Table || n.tag == atom.Template
}
func documentScope(n *node) bool { return n.tag == atom.Html }

func (t *tree) ensureHTML() {
	if t.html == none {
		t.html = t.newElement(atom.Html, -1, int(t.nodes[t.doc].line))
		t.appendChild(t.doc, t.html)
		t.stack = append(t.stack[:1], t.html)
	}
}

func (t *tree) ensureHead(line int) {
	t.ensureHTML()
	if t.head == none && t.body == none {
		t.head = t.newElement(atom.Head, -1, line)
		t.appendChild(t.html, t.head)
		t.stack = append(t.stack, t.head)
	}
}

func (t *tree) ensureBody(line int) {
	if t.body != none {
		return
	}
	t.ensureHTML()
	if t.head != none {
		t.popTo(t.head)
	}
	t.body = t.newElement(atom.Body, -1, line)
	t.appendChild(t.html, t.body)
	t.stack = append(t.stack, t.body)
}

// inHead reports whether the parser is still in the page's head.
func (t *tree) inHead() bool {
	return t.body == none
}

func (t *tree) addText(s []byte, line int) {
	cur := t.current()
	if t.nodes[cur].tag == atom.Title {
		if len(t.title) < maxTitleBytes {
			t.title += string(s)
		}
		return
	}
	if t.nodes[cur].is&kindOpaque != 0 || len(s) == 0 {
		return // a script's or a style's text
	}
	if t.inHead() {
		if isBlank(s) {
			return
		}
		t.ensureBody(line)
		cur = t.current()
	}
	parent, before := cur, none
	if t.nodes[cur].is&kindTableContext != 0 {
		if isBlank(s) {
			return
		}
		parent, before = t.fosterParent()
	}
	if len(t.text)+len(s) > maxTextBytes {
		return
	}
	n := t.newElement(0, -1, line)
	t.nodes[n].kind = textNode
	t.nodes[n].start = int32(len(t.text))
	t.text = append(t.text, s...)
	t.nodes[n].end = int32(len(t.text))
	if before != none {
		t.insertBefore(parent, n, before)
	} else {
		t.appendChild(parent, n)
	}
}

// maxTitleBytes bounds the <title> kept.
const maxTitleBytes = 4096

// maxTextBytes keeps text offsets in int32; MaxInputBytes is far below it.
const maxTextBytes = 1<<31 - 1

func isBlank(s []byte) bool {
	for _, c := range s {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}

// fosterParent returns where content misplaced in a table goes: into the
// table's parent, before the table.
func (t *tree) fosterParent() (parent, before nodeID) {
	for i := len(t.stack) - 1; i > 0; i-- {
		n := t.stack[i]
		if t.nodes[n].tag == atom.Table {
			if p := t.nodes[n].parent; p != none {
				return p, n
			}
			return t.stack[i-1], none
		}
	}
	return t.current(), none
}

func (t *tree) startTag(z *xhtml.Tokenizer, raw []byte, selfClosing bool, line int) error {
	tag, name := t.tagName(raw)
	is := kindOf(tag, name)
	switch tag {
	case atom.Html:
		t.ensureHTML()
		return nil
	case atom.Head:
		t.ensureHead(line)
		return nil
	case atom.Body:
		t.ensureBody(line)
		return nil
	}
	if t.inHead() {
		if is&kindHeadElement != 0 {
			t.ensureHead(line)
		} else {
			t.ensureBody(line)
		}
	}
	if tag == atom.Image {
		tag = atom.Img // as browsers read it
	}
	// Implied ends.
	if is&kindClosesP != 0 {
		if p := t.open(buttonScope, atom.P); p != none {
			t.popTo(p)
		}
	}
	switch tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if t.nodes[t.current()].is&kindHeading != 0 {
			t.stack = t.stack[:len(t.stack)-1]
		}
	case atom.Li:
		if li := t.open(listScope, atom.Li); li != none {
			t.popTo(li)
		}
	case atom.Dd, atom.Dt:
		if d := t.open(buttonScope, atom.Dd, atom.Dt); d != none {
			t.popTo(d)
		}
	case atom.Option, atom.Optgroup:
		if t.tagOf(t.current()) == atom.Option {
			t.stack = t.stack[:len(t.stack)-1]
		}
	case atom.Tr:
		if t.open(tableScope, atom.Table) == none {
			return nil // a row outside any table is ignored, as browsers do
		}
		t.closeTo(atom.Table, atom.Tbody, atom.Thead, atom.Tfoot)
		if t.tagOf(t.current()) == atom.Table {
			if err := t.implied(atom.Tbody, line); err != nil {
				return err
			}
		}
	case atom.Td, atom.Th:
		if t.open(tableScope, atom.Table) == none {
			return nil
		}
		t.closeTo(atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr)
		switch t.tagOf(t.current()) {
		case atom.Table:
			if err := t.implied(atom.Tbody, line); err != nil {
				return err
			}
			fallthrough
		case atom.Tbody, atom.Thead, atom.Tfoot:
			if err := t.implied(atom.Tr, line); err != nil {
				return err
			}
		}
	case atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup:
		if t.open(tableScope, atom.Table) == none {
			return nil
		}
		t.closeTo(atom.Table)
	case atom.Col:
		if t.open(tableScope, atom.Table) == none {
			return nil
		}
	}
	n := t.newElement(tag, name, line)
	t.attributes(z, raw, n)
	parent, before := t.current(), none
	if t.nodes[parent].is&kindTableContext != 0 && is&(kindTablePart|kindOpaque) == 0 && tag != atom.Form && tag != atom.Input {
		parent, before = t.fosterParent()
	}
	if before != none {
		t.insertBefore(parent, n, before)
	} else {
		t.appendChild(parent, n)
	}
	if is&kindVoid != 0 || (selfClosing && tag == 0) {
		return nil
	}
	// A fostered element is open above the table it was moved out of:
	// what follows goes into it until it is closed.
	return t.push(n, line)
}

// closeTo pops the stack until its top is one of tags (or the stack's
// table, which is always among them).
func (t *tree) closeTo(tags ...atom.Atom) {
	for len(t.stack) > 1 {
		cur := t.tagOf(t.current())
		for _, want := range tags {
			if cur == want {
				return
			}
		}
		if cur == atom.Html || cur == atom.Body {
			return
		}
		t.stack = t.stack[:len(t.stack)-1]
	}
}

// implied opens an element the markup leaves out (tbody, tr).
func (t *tree) implied(tag atom.Atom, line int) error {
	n := t.newElement(tag, -1, line)
	t.appendChild(t.current(), n)
	return t.push(n, line)
}

func (t *tree) endTag(z *xhtml.Tokenizer, raw []byte, line int) error {
	tag, name := t.tagName(raw)
	switch tag {
	case atom.Html, atom.Body:
		return nil
	case atom.Head:
		if t.head != none && t.body == none {
			t.popTo(t.head)
		}
		return nil
	case atom.Br:
		return t.startTag(z, raw, true, line)
	case atom.P:
		if p := t.open(buttonScope, atom.P); p != none {
			t.popTo(p)
		}
		return nil
	case atom.Li:
		if li := t.open(listScope, atom.Li); li != none {
			t.popTo(li)
		}
		return nil
	case atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup:
		if n := t.open(tableScope, tag); n != none {
			t.popTo(n)
		}
		return nil
	case atom.Table:
		if n := t.open(documentScope, atom.Table); n != none {
			t.popTo(n)
		}
		return nil
	}
	for i := len(t.stack) - 1; i > 0; i-- {
		n := t.stack[i]
		nd := &t.nodes[n]
		if nd.tag == tag && nd.name == name {
			t.stack = t.stack[:i]
			return nil
		}
		if nd.is&kindScoping != 0 || nd.tag == atom.Body {
			return nil
		}
	}
	return nil
}

// attributes keeps what the reader needs of an element's attributes:
// links, cell spans, meta tags, and whether it is hidden or a layout
// table. Attributes are read only where the raw tag can hold what is
// looked for, which keeps the common <span style=…> cheap.
func (t *tree) attributes(z *xhtml.Tokenizer, raw []byte, n nodeID) {
	nd := &t.nodes[n]
	var want bool
	switch nd.tag {
	case atom.A, atom.Meta, atom.Frame:
		want = true
	case atom.Td, atom.Th:
		want = bytes.Contains(raw, []byte("span")) || bytes.Contains(raw, []byte("SPAN"))
	}
	// display:none (with Word's mso-hide:all), visibility:hidden, the
	// hidden and aria-hidden attributes, role=presentation; in lower case,
	// as pages write them, and NONE of an old page's upper-case styles.
	want = want || bytes.Contains(raw, []byte("none")) || bytes.Contains(raw, []byte("hidden")) ||
		bytes.Contains(raw, []byte("role")) || bytes.Contains(raw, []byte("NONE"))
	if !want {
		return
	}
	var meta metaTag
	more := true
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if k == nil {
			break
		}
		switch string(k) {
		case "href", "src":
			if href := strings.TrimSpace(string(v)); href != "" && (nd.tag == atom.A || nd.tag == atom.Frame) {
				t.hrefs[n] = href
				nd.flags |= flagHref
			}
		case "rowspan":
			nd.rowspan = spanValue(v)
		case "colspan":
			nd.colspan = spanValue(v)
		case "name", "property", "itemprop":
			if nd.tag == atom.Meta && meta.name == "" {
				meta.name = strings.TrimSpace(string(v))
			}
		case "content":
			if nd.tag == atom.Meta {
				meta.content = strings.TrimSpace(string(v))
			}
		case "style":
			if hiddenStyle(v) {
				nd.flags |= flagHidden
			}
		case "hidden":
			nd.flags |= flagHidden
		case "aria-hidden":
			if string(bytes.TrimSpace(v)) == "true" {
				nd.flags |= flagHidden
			}
		case "role":
			switch strings.ToLower(string(bytes.TrimSpace(v))) {
			case "presentation", "none":
				nd.flags |= flagPresentation
			}
		}
	}
	if nd.tag == atom.Meta && meta.name != "" && meta.content != "" {
		meta.line = int(nd.line)
		t.metas = append(t.metas, meta)
	}
}

// hiddenStyle reports whether an inline style hides the element.
func hiddenStyle(v []byte) bool {
	var b [64]byte
	s := b[:0]
	for _, c := range v {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		s = append(s, c)
	}
	return bytes.Contains(s, []byte("display:none")) || bytes.Contains(s, []byte("visibility:hidden")) ||
		bytes.Contains(s, []byte("mso-hide:all"))
}

// spanValue reads a rowspan or colspan as browsers do: leading digits,
// capped (browsers cap colspan at 1000, rowspan at 65534).
func spanValue(v []byte) uint16 {
	v = bytes.TrimSpace(v)
	end := 0
	for end < len(v) && end < 6 && '0' <= v[end] && v[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(string(v[:end]))
	if err != nil {
		return 0
	}
	return uint16(min(n, 65534))
}

// textOf returns a text node's text.
func (t *tree) textOf(n nodeID) []byte {
	nd := &t.nodes[n]
	return t.text[nd.start:nd.end]
}

// nameOf returns an element's lower-case name.
func (t *tree) nameOf(n nodeID) string {
	nd := &t.nodes[n]
	if nd.tag != 0 {
		return nd.tag.String()
	}
	if nd.name >= 0 {
		return t.names[nd.name]
	}
	return ""
}

// maxPathSteps bounds the steps of a path: deeper elements are written
// "/html/body//" and their last steps, which XPath reads as a descendant
// of the body, so that a deep page's positions do not grow with its depth.
const maxPathSteps = 14

// path returns the XPath of element n: "/html/body/div[2]/p[3]".
func (t *tree) path(n nodeID) string {
	var steps []string
	elided := false
	for ; n != none && n != t.doc; n = t.nodes[n].parent {
		if n == t.html || n == t.body || n == t.head {
			steps = append(steps, t.nameOf(n))
			continue
		}
		if len(steps) == maxPathSteps-2 {
			elided = true
			break
		}
		steps = append(steps, t.nameOf(n)+"["+strconv.Itoa(int(t.nth(n)))+"]")
	}
	var b strings.Builder
	if elided {
		b.WriteString("/html/body/")
	}
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(steps[i])
	}
	return b.String()
}

// nth returns n's index among the same-named elements of its parent,
// numbering all the parent's children in one pass the first time.
func (t *tree) nth(n nodeID) int32 {
	if t.nodes[n].nth > 0 {
		return t.nodes[n].nth
	}
	p := t.nodes[n].parent
	if p == none || t.nodes[p].flags&flagIndexed != 0 {
		return max(t.nodes[n].nth, 1)
	}
	t.nodes[p].flags |= flagIndexed
	counts := map[[2]int32]int32{}
	for c := t.nodes[p].first; c != none; c = t.nodes[c].next {
		cn := &t.nodes[c]
		if cn.kind != elementNode {
			continue
		}
		k := [2]int32{int32(cn.tag), cn.name}
		counts[k]++
		cn.nth = counts[k]
	}
	return max(t.nodes[n].nth, 1)
}
