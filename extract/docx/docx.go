// Package docx reads DOCX files into [block.Document]s.
//
// Not yet implemented: Read reports [block.ErrUnsupported].
package docx

import (
	"context"
	"fmt"
	"io"

	"github.com/hotline12345/bulletin/extract/block"
)

// Read reads the DOCX file in r (size bytes) into blocks.
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	return nil, &block.ParseError{Err: fmt.Errorf("%w: the DOCX reader is not written yet", block.ErrUnsupported)}
}
