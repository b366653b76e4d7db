// Package ooxml opens Office Open XML packages (DOCX, XLSX) within
// [block.Limits]: the zip central directory is checked before any part is
// inflated, relationships are resolved, and parts are read as a bounded XML
// token stream. The format readers (extract/docx, extract/xlsx) share it so
// that every OOXML file meets the same checks.
//
// The token stream is built on the package's own streaming XML lexer, not
// on encoding/xml's tokenizer: it finds markup with bytes.IndexByte in a
// buffer refilled from the inflating part, makes each distinct start tag's
// tokens once, and gives them with encoding/xml's token types and
// namespace resolution. It refuses XML that is not well-formed and expands
// only the five predefined entities and character references: an entity a
// DOCTYPE declares is an error, so no entity can grow the text.
package ooxml

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// dirBytesPerPart is how many bytes of zip central directory each allowed
// part may take: the directory is read whole before any check can be made
// on it, so its size is bounded by MaxParts × dirBytesPerPart (plus the
// end record and its comment).
const dirBytesPerPart = 1024

// ratioFloor is the uncompressed size below which a part's compression
// ratio is not checked: small XML parts legitimately compress very well.
const ratioFloor = 1 << 20

var errDirectory = errors.New("zip central directory too large")

// dirGuard is the io.ReaderAt zip.NewReader reads the central directory
// through. zip.NewReader allocates an entry for every directory record
// before it returns, so the guard stops it once it has read more bytes, or
// more record signatures, than MaxParts allows. It passes reads through
// once the directory is read (the zip.Reader keeps it).
type dirGuard struct {
	r          io.ReaderAt
	open       bool
	read, max  int64
	sigs, maxS int
}

var dirSig = []byte("PK\x01\x02")

func (g *dirGuard) ReadAt(p []byte, off int64) (int, error) {
	n, err := g.r.ReadAt(p, off)
	if g.open {
		return n, err
	}
	g.read += int64(n)
	g.sigs += bytes.Count(p[:n], dirSig)
	if g.read > g.max || g.sigs > g.maxS {
		return 0, errDirectory
	}
	return n, err
}

// Package is an opened OPC package: its zip entries by normalised name,
// and the running total of bytes the reader has committed to inflate.
type Package struct {
	zr    *zip.Reader
	files map[string]*zip.File
	lim   block.Limits
	total int64
}

// Open reads the zip's central directory within the limits: the directory
// may hold at most MaxParts entries, and reading it stops as soon as it
// could hold more. Nothing is inflated. A file that is not a zip gives an
// error wrapping [block.ErrFormat].
func Open(r io.ReaderAt, size int64, lim block.Limits) (*Package, error) {
	lim = lim.WithDefaults()
	g := &dirGuard{
		r:    r,
		max:  int64(lim.MaxParts)*dirBytesPerPart + 2*(65<<10),
		maxS: 2*lim.MaxParts + 16, // the end-record search may read the directory twice
	}
	zr, err := zip.NewReader(g, size)
	g.open = true
	switch {
	case errors.Is(err, errDirectory):
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: zip central directory larger than %d parts allow", block.ErrLimit, lim.MaxParts))
	case errors.Is(err, zip.ErrInsecurePath):
		// Names like "../x" are only a danger when extracting to disk.
	case err != nil:
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: not a readable zip package: %w", block.ErrFormat, err))
	}
	if len(zr.File) > lim.MaxParts {
		return nil, block.At(model.Pos{}, block.Exceeded("zip entries", int64(lim.MaxParts)))
	}
	p := &Package{zr: zr, files: make(map[string]*zip.File, len(zr.File)), lim: lim}
	for _, f := range zr.File {
		name := NormName(f.Name)
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	return p, nil
}

// NormName is a part name as looked up: forward slashes, no leading slash,
// lower case (OPC part names are case-insensitive).
func NormName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	return strings.ToLower(strings.TrimLeft(name, "/"))
}

// Limits returns the limits in force, with defaults filled in.
func (p *Package) Limits() block.Limits { return p.lim }

// File returns the entry of a part, or nil.
func (p *Package) File(name string) *zip.File { return p.files[NormName(name)] }

// Entries returns every entry of the zip, in directory order.
func (p *Package) Entries() []*zip.File { return p.zr.File }

// check verifies, from the central directory alone, that the part may be
// inflated: its declared size, compression ratio, the running total, and
// that it is neither encrypted nor compressed with an unknown method.
func (p *Package) check(name string, f *zip.File) error {
	pos := model.Pos{Part: name}
	size := f.UncompressedSize64
	switch {
	case f.Flags&0x1 != 0:
		return block.At(pos, fmt.Errorf("%w: zip entry is encrypted", block.ErrEncrypted))
	case f.Method != zip.Store && f.Method != zip.Deflate:
		return block.At(pos, fmt.Errorf("%w: zip compression method %d", block.ErrUnsupported, f.Method))
	case size > uint64(p.lim.MaxPartBytes):
		return block.At(pos, fmt.Errorf("%w: part declares %d bytes, more than %d", block.ErrLimit, size, p.lim.MaxPartBytes))
	case size > ratioFloor && size/max(f.CompressedSize64, 1) > uint64(p.lim.MaxCompressionRatio):
		return block.At(pos, fmt.Errorf("%w: part compressed %d:1, more than %d:1", block.ErrLimit,
			size/max(f.CompressedSize64, 1), p.lim.MaxCompressionRatio))
	case p.total+int64(size) > p.lim.MaxTotalBytes:
		return block.At(pos, fmt.Errorf("%w: parts read declare more than %d bytes", block.ErrLimit, p.lim.MaxTotalBytes))
	}
	return nil
}

// Reserve checks the parts about to be read and adds their declared sizes
// to the running total, so that every check happens before anything is
// inflated. Missing parts are ignored here.
func (p *Package) Reserve(names ...string) error {
	for _, name := range names {
		f := p.File(name)
		if f == nil {
			continue
		}
		if err := p.check(name, f); err != nil {
			return err
		}
		p.total += int64(f.UncompressedSize64)
	}
	return nil
}

// ReserveAll reserves every entry of the package, for a consumer that
// inflates them all (as a spreadsheet library loading a workbook does).
// Folder entries are skipped.
func (p *Package) ReserveAll() error {
	for _, f := range p.zr.File {
		if strings.HasSuffix(f.Name, "/") && f.UncompressedSize64 == 0 {
			continue
		}
		if err := p.check(f.Name, f); err != nil {
			return err
		}
		p.total += int64(f.UncompressedSize64)
	}
	return nil
}

// Part opens a part whose size was reserved. archive/zip never returns more
// bytes than the entry declares (it fails with zip.ErrFormat instead), so
// the declared size checked by Reserve bounds what is inflated.
func (p *Package) Part(name string) (io.ReadCloser, error) {
	f := p.File(name)
	if f == nil {
		return nil, block.At(model.Pos{Part: name}, fmt.Errorf("%w: part %s is missing", block.ErrFormat, name))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, block.At(model.Pos{Part: name}, fmt.Errorf("%w: %w", block.ErrFormat, err))
	}
	return rc, nil
}

// RelsName is the relationships part of a part ("" for the package).
func RelsName(part string) string {
	dir, base := path.Split(part)
	return dir + "_rels/" + base + ".rels"
}

// Resolve turns a relationship target into a part name, relative to the
// source part's folder unless it is absolute.
func Resolve(source, target string) string {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	target = strings.ReplaceAll(target, `\`, "/")
	if !strings.HasPrefix(target, "/") {
		target = path.Join(path.Dir(source), target)
	}
	return strings.TrimLeft(path.Clean("/"+target), "/")
}

// RelType is the last segment of a relationship type URI ("officeDocument",
// "header", "worksheet"), which is the same in the transitional and Strict
// namespaces.
func RelType(uri string) string {
	return uri[strings.LastIndexByte(uri, '/')+1:]
}
