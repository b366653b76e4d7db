// Package html reads web pages into [block.Document]s: HTML files, pages
// saved by a browser or by Word (.htm, "Web Page, Filtered"), and
// single-file pages (MHTML, .mht/.mhtml), as governments publish their
// bulletins on their sites.
//
// The page's bytes are decoded by the charset a browser would use: a byte
// order mark, the HTTP Content-Type's charset, <meta charset>, <meta
// http-equiv="Content-Type">, in that order; GB2312 and GBK are read as
// GB18030, which holds both; a page that declares nothing is read as UTF-8
// when it is valid UTF-8 and as GB18030 otherwise, and a page that is mostly
// undecodable is not text (block.ErrFormat).
//
// Only the article is read, not the site around it: navigation,
// breadcrumbs, share buttons, scripts, styles, comments, footers and
// layout tables are left out. The article is found by its text, not by a
// CMS's class names: it is the element holding the most running text
// outside links, grown to its parent while a sibling holds a good part of
// the text too (a Word document saved in sections), and cut of the link
// lists and footer at its ends. The title block above
// it — "发布时间：…  来源：…", a box of "索引号： 发布机构： 成文日期：" —
// is handed over as [block.Fields], labels and values as printed, and so
// are the page's <meta name content> tags; a heading that the article
// repeats is dropped.
//
// Word's HTML is read as Word shows it: runs split inside a number
// (<span>12</span><span>34</span>) are one number, &nbsp; indents are
// spaces, <o:p>, conditional comments and hidden runs (mso-hide:all,
// display:none) are nothing. Tables keep their rowspan and colspan, and a
// cell's paragraphs and <br> lines are joined with "\n".
//
// Every block keeps the line its text starts on and the XPath of its
// element ("/html/body/div[2]/table[1]"). The links of the article and of
// the attachment list under it are reported in [Page.Links], for the caller
// to fetch attachments (附件).
//
// The reader knows pages, not bulletins: which fields name the issuer or
// the date, and what the tables mean, is left to extract/interpret.
package html

import (
	"context"
	"fmt"
	"io"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Options configure ReadPage and ReadMHT.
type Options struct {
	// ContentType is the Content-Type the page was served with, if it was
	// fetched: its charset comes before the page's own declaration.
	ContentType string
	// Limits bound the reading (zero fields take defaults): the input
	// size, the nesting of elements (MaxDepth), the bytes of one tag, text
	// run or comment (MaxTokenBytes), blocks, rows and cells; for MHT the
	// parts (MaxParts).
	Limits block.Limits
}

// Page is a web page read into blocks.
type Page struct {
	Document *block.Document
	// Title is the page's <title>.
	Title string
	// Charset names the encoding the page was read in and where it was
	// declared, e.g. "GB18030 (<meta charset=gbk>)".
	Charset string
	// Links are the links of the article and of the attachment list after
	// it, in page order.
	Links []Link
	// Location is, for a page unpacked from MHTML, the address the page was
	// saved from (its Content-Location), against which its links resolve.
	Location string
}

// Link is a link of the article.
type Link struct {
	// Href is the link's target as printed (not resolved).
	Href string
	// Text is the link's text.
	Text string
	// InArticle is set for a link inside the article's text; a link of
	// the attachment list under it is not.
	InArticle bool
	Pos       model.Pos
}

// Read reads the web page in r, which holds size bytes. It is ReadPage
// without a Content-Type, returning only the blocks.
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	p, err := ReadPage(ctx, r, size, Options{Limits: lim})
	if err != nil {
		return nil, err
	}
	return p.Document, nil
}

// ReadPage reads the web page in r, which holds size bytes. Errors are
// *block.ParseError values at the line concerned, wrapping
// [block.ErrFormat] for bytes that are not text, [block.ErrLimit] when
// opt.Limits are exceeded (nesting deeper than MaxDepth, a tag or text run
// longer than MaxTokenBytes, more than MaxInputBytes), or the context's
// error. A page without an article (no text at all) gives an empty
// document, not an error: whether it is a bulletin is for the caller to
// say.
func ReadPage(ctx context.Context, r io.ReaderAt, size int64, opt Options) (*Page, error) {
	lim := opt.Limits.WithDefaults()
	data, err := readAll(r, size, lim)
	if err != nil {
		return nil, err
	}
	return readBytes(ctx, data, opt.ContentType, lim)
}

func readAll(r io.ReaderAt, size int64, lim block.Limits) ([]byte, error) {
	switch {
	case size < 0:
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: negative size %d", block.ErrFormat, size))
	case size > lim.MaxInputBytes:
		return nil, block.At(model.Pos{}, block.Exceeded("input bytes", lim.MaxInputBytes))
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, block.At(model.Pos{}, fmt.Errorf("reading input: %w", err))
	}
	return data, nil
}

// readBytes reads a page already in memory.
func readBytes(ctx context.Context, data []byte, contentType string, lim block.Limits) (*Page, error) {
	if err := ctx.Err(); err != nil {
		return nil, block.At(model.Pos{}, err)
	}
	dec, err := decode(data, contentType)
	if err != nil {
		return nil, err
	}
	t, err := parse(ctx, dec.text, lim)
	if err != nil {
		return nil, err
	}
	a := analyze(t)
	e := &emitter{ctx: ctx, t: t, a: a, lim: lim, container: t.body, read: make([]bool, len(t.nodes))}
	if err := e.run(a.article()); err != nil {
		return nil, err
	}
	out := block.NewBuilder(lim)
	if dec.problem != "" {
		out.Problem(model.Pos{}, dec.problem)
	}
	for _, it := range e.items {
		if err := out.Add(it.blk); err != nil {
			return nil, err
		}
	}
	for _, p := range e.problems {
		out.Problem(p.Pos, p.Message)
	}
	return &Page{
		Document: out.Document(),
		Title:    normalize([]byte(t.title), false),
		Charset:  dec.charset,
		Links:    e.links,
	}, nil
}
