package main

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/model"
)

// appendRow appends a table row as compact JSON, the bytes json.Marshal
// writes for it without HTML escaping. Rows are most of a long bulletin,
// and encoding/json spends more walking a row's map of cells and their
// fields by reflection than writing them; TestRowJSON holds this to
// encoding/json's output, and fails when a field is added to Row, Cell or
// Pos that this does not write.
func appendRow(dst []byte, r *model.Row) ([]byte, error) {
	dst = append(dst, `{"unit":`...)
	dst = appendString(dst, r.Unit)
	dst = append(dst, `,"total":`...)
	dst = strconv.AppendBool(dst, r.Total)
	dst = append(dst, `,"cells":`...)
	if r.Cells == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '{')
		for i, k := range slices.Sorted(maps.Keys(r.Cells)) {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, string(k))
			dst = append(dst, ':')
			var err error
			if dst, err = appendCell(dst, r.Cells[k]); err != nil {
				return nil, err
			}
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"pos":`...)
	dst, err := appendPos(dst, &r.Pos)
	if err != nil {
		return nil, err
	}
	return append(dst, '}'), nil
}

func appendCell(dst []byte, c model.Cell) ([]byte, error) {
	dst = append(dst, `{"text":`...)
	dst = appendString(dst, c.Text)
	dst = append(dst, `,"value":`...)
	if c.Value == nil {
		dst = append(dst, "null"...)
	} else {
		var err error
		if dst, err = appendFloat(dst, *c.Value); err != nil {
			return nil, err
		}
	}
	if c.Decimals != nil {
		dst = append(dst, `,"decimals":`...)
		dst = strconv.AppendInt(dst, int64(*c.Decimals), 10)
	}
	if !c.Pos.IsZero() {
		dst = append(dst, `,"pos":`...)
		var err error
		if dst, err = appendPos(dst, &c.Pos); err != nil {
			return nil, err
		}
	}
	if c.Stored != "" {
		dst = append(dst, `,"stored":`...)
		dst = appendString(dst, c.Stored)
	}
	return append(dst, '}'), nil
}

func appendPos(dst []byte, p *model.Pos) ([]byte, error) {
	dst = append(dst, '{')
	sep := func() {
		if dst[len(dst)-1] != '{' {
			dst = append(dst, ',')
		}
	}
	if p.Part != "" {
		sep()
		dst = appendString(append(dst, `"part":`...), p.Part)
	}
	for _, f := range [...]struct {
		name string
		v    int
	}{{"page", p.Page}, {"block", p.Block}, {"row", p.Row}, {"col", p.Col}, {"line", p.Line}} {
		if f.v != 0 {
			sep()
			dst = append(append(append(dst, '"'), f.name...), `":`...)
			dst = strconv.AppendInt(dst, int64(f.v), 10)
		}
	}
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"x", p.X}, {"y", p.Y}} {
		if f.v != 0 {
			sep()
			var err error
			if dst, err = appendFloat(append(append(append(dst, '"'), f.name...), `":`...), f.v); err != nil {
				return nil, err
			}
		}
	}
	if p.Path != "" {
		sep()
		dst = appendString(append(dst, `"path":`...), p.Path)
	}
	return append(dst, '}'), nil
}

// appendFloat writes a float64 as encoding/json does: the shortest
// decimal, in exponent form below 1e-6 and from 1e21, with the exponent's
// leading zero dropped; NaN and infinities are an error.
func appendFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

// appendString writes s as a JSON string as encoding/json does without
// HTML escaping: quotes, backslashes and control characters escaped,
// invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
