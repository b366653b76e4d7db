// Package pdf reads PDF files into [block.Document]s.
//
// Not yet implemented: Read reports [block.ErrUnsupported].
package pdf

import (
	"context"
	"fmt"
	"io"

	"github.com/hotline12345/bulletin/extract/block"
)

// Read reads the PDF file in r (size bytes) into blocks.
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	return nil, &block.ParseError{Err: fmt.Errorf("%w: the PDF reader is not written yet", block.ErrUnsupported)}
}
