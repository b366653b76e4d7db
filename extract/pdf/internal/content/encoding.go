package content

import (
	"fmt"
	"unicode"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

// minJudged is the fewest characters on which a page's text is judged:
// a page number in a font without a map is not worth a report.
const minJudged = 8

// checkEncoding reports a page whose text is mostly junk, U+FFFD,
// control or Latin-1 characters, while a font on it claims CJK glyphs
// (cjkFont is its name, "" if none does): its codes were decoded with a
// mapping the reader does not have, and the text would be garbage. Such
// a page is an error wrapping [block.ErrUnsupported] instead of text.
func checkEncoding(glyphs []geom.Glyph, cjkFont string) error {
	if cjkFont == "" {
		return nil
	}
	total, junk := 0, 0
	for _, g := range glyphs {
		for _, r := range g.Text {
			if unicode.IsSpace(r) {
				continue
			}
			total++
			if isJunk(r) {
				junk++
			}
		}
	}
	if total < minJudged || 2*junk <= total {
		return nil
	}
	return fmt.Errorf("%w: unsupported font encoding: %d of %d characters are U+FFFD, control or Latin-1 characters, with font %s claiming CJK glyphs",
		block.ErrUnsupported, junk, total, cjkFont)
}

// isJunk reports a character that Chinese text decoded correctly hardly
// has: the replacement character, C0 and C1 controls, and the Latin-1
// supplement.
func isJunk(r rune) bool {
	return r == unicode.ReplacementChar || r < 0x20 || (r >= 0x7f && r <= 0xff)
}
