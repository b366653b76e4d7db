package docx

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/cfb"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
	"github.com/hotline12345/bulletin/model"
)

// maxProblems bounds the problems one document reports; a hostile file
// cannot grow the list without bound.
const maxProblems = 200

// Read reads the DOCX file in r, which holds size bytes, into blocks: the
// paragraphs of the page headers first (Region Header), then the main
// document's paragraphs and tables, then the page footers (Region Footer).
//
// Every error is a *block.ParseError whose Pos names the part (and, within
// it, the block) and whose cause wraps a sentinel: [block.ErrFormat] for
// what is not a readable DOCX (not a zip, a corrupt zip, no main document,
// malformed XML, a part inflating past its declared size),
// [block.ErrUnsupported] for a legacy .doc or another OLE or Office file,
// [block.ErrEncrypted] for a password-protected document, [block.ErrLimit]
// when lim is exceeded, or the context's error when ctx ends (the context
// is checked before each part and every few thousand XML tokens).
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	lim, err := lim.CheckInput(ctx, size)
	if err != nil {
		return nil, err
	}
	var head [8]byte
	if n, _ := r.ReadAt(head[:], 0); n == len(head) && head == cfb.Signature {
		return nil, oleError(r, size, lim)
	}
	p, err := ooxml.Open(r, size, lim)
	if err != nil {
		return nil, err
	}
	rd := &reader{ctx: ctx, pkg: p, lim: lim, out: block.NewBuilder(lim)}
	if err := rd.read(); err != nil {
		return nil, err
	}
	return rd.out.Document(), nil
}

// reader reads one package.
type reader struct {
	ctx      context.Context
	pkg      *ooxml.Package
	lim      block.Limits
	out      *block.Builder
	problems int
	blocks   int // paragraphs and tables read, in cells too
	cells    int
}

func (rd *reader) read() error {
	main, err := rd.mainPart()
	if err != nil {
		return err
	}
	rels, err := rd.pkg.Rels(rd.ctx, main)
	if err != nil {
		return err
	}
	// Check every part that may be read before inflating any of them.
	byID := map[string]ooxml.Rel{}
	names := []string{main}
	for _, r := range rels {
		if !r.External && (r.Type == "header" || r.Type == "footer") {
			byID[r.ID] = r
			names = append(names, r.Target)
		}
	}
	if err := rd.pkg.Reserve(dedupe(names)...); err != nil {
		return err
	}
	if rd.pkg.File(main) == nil {
		return block.At(model.Pos{Part: main}, fmt.Errorf("%w: main document part %s is missing", block.ErrFormat, main))
	}

	body, refs, err := rd.part(main, block.Body, "document")
	if err != nil {
		return err
	}
	var headers, footers []block.Block
	seen := map[string]bool{}
	for _, id := range refs {
		r, ok := byID[id]
		if !ok || seen[ooxml.NormName(r.Target)] {
			continue
		}
		seen[ooxml.NormName(r.Target)] = true
		if rd.pkg.File(r.Target) == nil {
			rd.problem(model.Pos{Part: r.Target}, "referenced "+r.Type+" part is missing")
			continue
		}
		if r.Type == "header" {
			blocks, _, err := rd.part(r.Target, block.Header, "hdr")
			if err != nil {
				return err
			}
			headers = append(headers, blocks...)
		} else {
			blocks, _, err := rd.part(r.Target, block.Footer, "ftr")
			if err != nil {
				return err
			}
			footers = append(footers, blocks...)
		}
	}
	for _, list := range [][]block.Block{headers, body, footers} {
		for _, b := range list {
			if err := rd.out.Add(b); err != nil {
				return err
			}
		}
	}
	return nil
}

func dedupe(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		if k := ooxml.NormName(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// mainPart finds the main document through the package relationships
// (_rels/.rels, type officeDocument). A package without them is read from
// word/document.xml when that part exists.
func (rd *reader) mainPart() (string, error) {
	main, err := rd.pkg.MainPart(rd.ctx)
	if err != nil || main != "" {
		return main, err
	}
	const pkgRels, fallback = "_rels/.rels", "word/document.xml"
	if rd.pkg.File(fallback) != nil {
		rd.problem(model.Pos{Part: pkgRels}, "no officeDocument relationship; read "+fallback)
		return fallback, nil
	}
	return "", block.At(model.Pos{Part: pkgRels}, fmt.Errorf("%w: the package has no main document (no officeDocument relationship)", block.ErrFormat))
}

// part reads the blocks of a main document (root w:document), header
// (w:hdr) or footer (w:ftr) part. It returns the relationship ids of the
// headers and footers its sections reference.
func (rd *reader) part(name string, region block.Region, root string) ([]block.Block, []string, error) {
	if err := rd.ctx.Err(); err != nil {
		return nil, nil, block.At(model.Pos{Part: name}, err)
	}
	rc, err := rd.pkg.Part(name)
	if err != nil {
		return nil, nil, err
	}
	defer rc.Close()
	p := &partReader{Tokens: ooxml.NewTokens(rd.ctx, name, rc, rd.lim), rd: rd, region: region}
	var blocks []block.Block
	for {
		tok, err := p.Next()
		if err == io.EOF {
			return nil, nil, block.At(model.Pos{Part: name}, fmt.Errorf("%w: part has no root element", block.ErrFormat))
		}
		if err != nil {
			return nil, nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !isW(se.Name) || se.Name.Local != root {
			err := fmt.Errorf("%w: root element is {%s}%s, not a WordprocessingML %s",
				block.ErrUnsupported, se.Name.Space, se.Name.Local, root)
			if region == block.Body {
				return nil, nil, block.At(model.Pos{Part: name}, err)
			}
			rd.problem(model.Pos{Part: name}, err.Error()+"; part skipped")
			return nil, nil, nil
		}
		if err := p.body(&blocks, nil); err != nil {
			return nil, nil, err
		}
		return blocks, p.refs, nil
	}
}

// countBlock counts a paragraph or table against MaxBlocks.
func (rd *reader) countBlock(pos model.Pos) error {
	if rd.blocks++; rd.blocks > rd.lim.MaxBlocks {
		return block.At(pos, block.Exceeded("blocks", int64(rd.lim.MaxBlocks)))
	}
	return nil
}

// countCell counts a table cell against MaxCells.
func (rd *reader) countCell(pos model.Pos) error {
	if rd.cells++; rd.cells > rd.lim.MaxCells {
		return block.At(pos, block.Exceeded("table cells", int64(rd.lim.MaxCells)))
	}
	return nil
}

// problem records something read leniently, up to maxProblems.
func (rd *reader) problem(pos model.Pos, msg string) {
	switch {
	case rd.problems < maxProblems:
		rd.out.Problem(pos, msg)
	case rd.problems == maxProblems:
		rd.out.Problem(model.Pos{}, "further problems not listed")
	}
	rd.problems++
}

// oleError says what an OLE compound file given as DOCX is:
// [block.ErrEncrypted] for a password-protected DOCX (it has an
// EncryptionInfo stream), [block.ErrUnsupported] for a legacy Word
// document or any other compound file, which extract/doc and extract/xls
// read, [block.ErrFormat] when its directory cannot be read.
func oleError(r io.ReaderAt, size int64, lim block.Limits) error {
	f, err := cfb.Open(r, size, lim)
	switch {
	case err != nil:
		return err
	case f.Has("EncryptionInfo") || f.Has("EncryptedPackage"):
		return block.At(model.Pos{Part: "EncryptionInfo"}, fmt.Errorf("%w: the document is protected with a password", block.ErrEncrypted))
	case f.Has("WordDocument"):
		return block.At(model.Pos{Part: "WordDocument"}, fmt.Errorf("%w: legacy Word 97-2003 (.doc) document, not DOCX", block.ErrUnsupported))
	}
	return block.At(model.Pos{}, fmt.Errorf("%w: OLE compound file that is not a Word document", block.ErrUnsupported))
}
