package ooxml_test

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
)

// FuzzTokens reads arbitrary bytes as a part, whole or one byte per read,
// seeded with the well-formed parts of TestXMLSyntax. Nothing may panic,
// every error is a *block.ParseError, and a part both encoding/xml and
// Tokens read gives the same tokens from each: the lexer may refuse or
// let through what encoding/xml does not (a name it would not allow, a
// control character), but never read the same markup differently.
func FuzzTokens(f *testing.F) {
	for _, tc := range wellFormed {
		f.Add([]byte(tc.xml), false)
	}
	f.Fuzz(func(t *testing.T, part []byte, oneByte bool) {
		got, err := tokens(string(part), block.Limits{MaxTokenBytes: 64 << 10, MaxDepth: 64}, oneByte)
		if err != nil {
			var pe *block.ParseError
			require.ErrorAs(t, err, &pe)
			require.False(t, errors.Is(err, io.EOF) && !errors.Is(err, block.ErrFormat), "a bare EOF: %v", err)
			return
		}
		if want, err := decoded(string(part)); err == nil {
			require.Equal(t, want, got)
		}
	})
}
