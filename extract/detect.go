package extract

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/cfb"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
	"github.com/hotline12345/bulletin/model"
)

// Detect tells the format of the file in r, which holds size bytes, from
// its content: [Sniff] on the first bytes, then, for a zip or an OLE
// compound file, a look at its directory (checked against lim, nothing
// inflated but the package relationships). A zip whose main part is a
// Word document is DOCX, a workbook XLSX; a compound file with a
// WordDocument stream is DOC (Word 97-2003, and WPS Writer files), with a
// Workbook or Book stream XLS (Excel 97-2003, and WPS spreadsheets).
//
// What cannot be a bulletin's text is refused with a *ParseError that
// names it: an empty file ([ErrFormat]); an image, an archive, another
// Office document, a password-protected one ([ErrUnsupported],
// [ErrEncrypted]).
func Detect(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (Format, error) {
	lim = lim.WithDefaults()
	if size == 0 {
		return "", block.At(model.Pos{}, fmt.Errorf("%w: empty file (0 bytes)", ErrFormat))
	}
	head := make([]byte, min(size, sniffBytes))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return "", block.At(model.Pos{}, fmt.Errorf("reading input: %w", err))
	}
	if what := refused(head, size); what != "" {
		return "", block.At(model.Pos{}, fmt.Errorf("%w: %s", ErrUnsupported, what))
	}
	switch {
	case bytes.HasPrefix(head, cfb.Signature[:]):
		return detectCompound(r, size, lim)
	case isZip(head):
		return detectPackage(ctx, r, size, lim)
	}
	return Sniff(head), nil
}

func isZip(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
}

// signatures are the first bytes of files that hold no text to read.
var signatures = []struct {
	magic, what string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"II*\x00", "a TIFF image"},
	{"MM\x00*", "a TIFF image"},
	{"Rar!\x1A\x07", "a RAR archive; extract the bulletins from it first"},
	{"7z\xBC\xAF\x27\x1C", "a 7-Zip archive; extract the bulletins from it first"},
	{"\x1F\x8B", "a gzip-compressed file; decompress it first"},
	{"BZh", "a bzip2-compressed file; decompress it first"},
	{"\xFD7zXZ\x00", "an xz-compressed file; decompress it first"},
}

// refused names what the file is when its first bytes say it holds no
// text: an image (a scanned page needs OCR, which is not done) or an
// archive. It returns "" otherwise.
func refused(head []byte, size int64) string {
	for _, s := range signatures {
		if bytes.HasPrefix(head, []byte(s.magic)) {
			if strings.HasSuffix(s.what, "image") {
				return s.what + " (a scanned page?); images are not read, there is no text recognition"
			}
			return s.what
		}
	}
	if bytes.HasPrefix(head, []byte("RIFF")) && len(head) >= 12 && string(head[8:12]) == "WEBP" {
		return "a WebP image (a scanned page?); images are not read, there is no text recognition"
	}
	// "BM" starts much text too: a bitmap also states its own file size
	// and a known header size.
	if len(head) >= 18 && string(head[:2]) == "BM" && int64(binary.LittleEndian.Uint32(head[2:])) == size {
		switch binary.LittleEndian.Uint32(head[14:]) {
		case 12, 40, 52, 56, 64, 108, 124:
			return "a BMP image (a scanned page?); images are not read, there is no text recognition"
		}
	}
	return ""
}

// detectPackage tells a DOCX from an XLSX by the folder of the package's
// main part, and refuses other zip files.
func detectPackage(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (Format, error) {
	p, err := ooxml.Open(r, size, lim)
	if err != nil {
		return "", err
	}
	main, err := p.MainPart(ctx)
	if err != nil {
		return "", err
	}
	switch {
	case strings.HasPrefix(ooxml.NormName(main), "word/"), main == "" && p.File("word/document.xml") != nil:
		return DOCX, nil
	case strings.HasPrefix(ooxml.NormName(main), "xl/"), main == "" && p.File("xl/workbook.xml") != nil:
		return XLSX, nil
	case strings.HasPrefix(ooxml.NormName(main), "ppt/"):
		return "", block.At(model.Pos{Part: main}, fmt.Errorf("%w: a PowerPoint presentation (.pptx)", ErrUnsupported))
	case main != "":
		return DOCX, nil // an Office package named unusually: the DOCX reader says what its main part is
	case p.File("mimetype") != nil:
		return "", block.At(model.Pos{Part: "mimetype"}, fmt.Errorf("%w: an OpenDocument file (.odt, .ods); save it as .docx or .xlsx", ErrUnsupported))
	}
	return "", block.At(model.Pos{}, fmt.Errorf("%w: a zip archive of %d files, not an Office document; extract the bulletins from it first",
		ErrUnsupported, len(p.Entries())))
}

// detectCompound tells the legacy Office formats apart by the streams of
// the compound file.
func detectCompound(r io.ReaderAt, size int64, lim Limits) (Format, error) {
	f, err := cfb.Open(r, size, lim)
	switch {
	case err != nil:
		return "", err
	case f.Has("EncryptionInfo") || f.Has("EncryptedPackage"):
		return "", block.At(model.Pos{Part: "EncryptionInfo"}, fmt.Errorf("%w: the document is protected with a password", ErrEncrypted))
	case f.Has("WordDocument"):
		return DOC, nil
	case f.Has("Workbook") || f.Has("Book"):
		return XLS, nil
	case f.Has("PowerPoint Document"):
		return "", block.At(model.Pos{}, fmt.Errorf("%w: a PowerPoint 97-2003 presentation (.ppt)", ErrUnsupported))
	}
	return "", block.At(model.Pos{}, fmt.Errorf("%w: an OLE compound file with neither a WordDocument nor a Workbook stream "+
		"(an early WPS or Works document?); save it as .docx or .xlsx", ErrUnsupported))
}
