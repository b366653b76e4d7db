package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestElements(t *testing.T) {
	tests := []struct {
		name string
		read func([]byte, int) ([]byte, int)
		in   string
		want string
		next int
	}{
		{"name", Name, "Type /Page", "Type", 4},
		{"name with escapes", Name, "A#20B#2", "A B#2", 7},
		{"keyword", Regular, "obj<<", "obj", 3},
		{"literal", Literal, "abc) rest", "abc", 4},
		{"nested literal", Literal, "a(b)c) x", "a(b)c", 6},
		{"escapes", Literal, `a\n\(\)\\\101\0537b) x`, "a\n()\\A+7b", 20},
		{"line continuation", Literal, "ab\\\r\ncd)", "abcd", 8},
		{"unterminated literal", Literal, "abc", "abc", 3},
		{"hex", Hex, "4E2D 6587> x", "\x4e\x2d\x65\x87", 10},
		{"odd hex", Hex, "ABC>", "\xab\xc0", 4},
		{"unterminated hex", Hex, "41", "A", 2},
	}
	for _, tt := range tests {
		got, next := tt.read([]byte(tt.in), 0)
		assert.Equal(t, tt.want, string(got), tt.name)
		assert.Equal(t, tt.next, next, tt.name)
	}
}

func TestSkipSpace(t *testing.T) {
	data := []byte("  % a comment\r\n\t\x00 /Name")
	assert.Equal(t, 18, SkipSpace(data, 0))
	assert.Equal(t, 3, SkipSpace([]byte("   "), 0))
}
