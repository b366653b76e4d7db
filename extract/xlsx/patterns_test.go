package xlsx

import (
	"testing"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
)

// TestPatternsCompile compiles the package's patterns, which are otherwise
// compiled only when first used.
func TestPatternsCompile(t *testing.T) {
	if err := lazyregexp.CompileAll(); err != nil {
		t.Fatal(err)
	}
}
