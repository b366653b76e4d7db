package object

import (
	"github.com/hotline12345/bulletin/extract/pdf/internal/scan"

	"bytes"
	"compress/flate"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/hotline12345/bulletin/extract/block"
)

// maxFilters bounds a stream's filter chain.
const maxFilters = 8

// decode applies a stream's filters to data. No stage may produce more
// than limit bytes; over is the error that says so. On corrupt data the
// bytes decoded before the damage are returned with the error.
func decode(d *Doc, data []byte, h dict, limit int64, over error) ([]byte, error) {
	var filters, parms []Value
	switch f := d.value(h["Filter"]); f.Kind() {
	case Name:
		filters = []Value{f}
		parms = []Value{d.value(h["DecodeParms"])}
	case Array:
		for i := range f.Len() {
			filters = append(filters, f.Index(i))
			parms = append(parms, d.value(h["DecodeParms"]).Index(i))
		}
	}
	if len(filters) > maxFilters {
		return nil, fmt.Errorf("%w: %d filters", block.ErrFormat, len(filters))
	}
	if int64(len(data)) > limit && len(filters) == 0 {
		return nil, over
	}
	for i, f := range filters {
		var err error
		p := parms[i]
		switch f.Name() {
		case "FlateDecode", "Fl":
			data, err = d.inflater.inflate(data, decodedSize(d, h, len(data), i == len(filters)-1), limit, over)
			if err == nil {
				data, err = predict(data, p, limit, over)
			}
		case "LZWDecode", "LZW":
			early := 1
			if e := p.Key("EarlyChange"); e.Kind() == Integer {
				early = e.Int()
			}
			data, err = lzwDecode(data, early, limit, over)
			if err == nil {
				data, err = predict(data, p, limit, over)
			}
		case "ASCIIHexDecode", "AHx":
			data = asciiHex(data)
		case "ASCII85Decode", "A85":
			data, err = ascii85Decode(data)
		case "RunLengthDecode", "RL":
			data, err = runLength(data, limit, over)
		case "Crypt":
			if n := p.Key("Name").Name(); n != "" && n != "Identity" {
				return nil, fmt.Errorf("%w: crypt filter %s", block.ErrUnsupported, n)
			}
		default:
			return nil, fmt.Errorf("%w: filter %s", block.ErrUnsupported, f)
		}
		if err != nil {
			return data, err
		}
		if int64(len(data)) > limit {
			return nil, over
		}
	}
	return data, nil
}

// decodedSize guesses the decoded length of a stream's filter whose input
// is n bytes: the stream's /DL for its last filter, else four times its
// input, what content streams and CMaps deflate by. A /DL beyond what n
// bytes of deflate data can hold (1032:1) is not believed.
func decodedSize(d *Doc, h dict, n int, last bool) int64 {
	if dl, ok := d.value(h["DL"]).x.(int64); ok && last && dl >= 0 && dl <= 1032*int64(n)+1024 {
		return dl
	}
	return 4 * int64(n)
}

// readAll reads r to its end, never holding more than limit+1 bytes.
// size is the expected length (from /DL, or a guess from the encoded
// length): the buffer starts there and grows by doubling.
func readAll(r io.Reader, size, limit int64, over error) ([]byte, error) {
	buf := make([]byte, 0, max(min(size, limit+1), 512))
	for {
		if int64(len(buf)) > limit {
			return nil, over
		}
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, int(max(min(int64(cap(buf)), limit+1-int64(len(buf))), 512)))
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return buf, fmt.Errorf("%w: %w", block.ErrFormat, err)
		}
	}
}

// inflater decodes Flate data. One is kept per document and reset for each
// stream: a new decompressor costs a 32 KiB window and its tables, more
// than most of a page's streams decode to.
type inflater struct {
	src bytes.Reader
	fr  io.ReadCloser // a flate reader, also a flate.Resetter
}

// inflate decodes zlib data; data without a valid zlib header is tried as
// raw deflate data, as some producers write it. The Adler-32 checksum
// after the deflate data is not checked: a bad checksum alone does not
// spoil the data. size is the expected decoded length.
func (z *inflater) inflate(data []byte, size, limit int64, over error) ([]byte, error) {
	body := data
	if len(data) >= 2 && data[0]&0x0f == 8 && data[0]>>4 <= 7 && (uint(data[0])<<8|uint(data[1]))%31 == 0 && data[1]&0x20 == 0 {
		body = data[2:] // a zlib header without a preset dictionary
	}
	z.src.Reset(body)
	if z.fr == nil {
		z.fr = flate.NewReader(&z.src)
	} else if err := z.fr.(flate.Resetter).Reset(&z.src, nil); err != nil {
		return nil, fmt.Errorf("%w: %w", block.ErrFormat, err)
	}
	return readAll(z.fr, size, limit, over)
}

// predict undoes a PNG (10 to 15) or TIFF (2) predictor.
func predict(data []byte, p Value, limit int64, over error) ([]byte, error) {
	pred := 1
	if v := p.Key("Predictor"); v.IsNumber() {
		pred = v.Int()
	}
	if pred <= 1 {
		return data, nil
	}
	colors, bpc, columns := 1, 8, 1
	if v := p.Key("Colors"); v.IsNumber() {
		colors = v.Int()
	}
	if v := p.Key("BitsPerComponent"); v.IsNumber() {
		bpc = v.Int()
	}
	if v := p.Key("Columns"); v.IsNumber() {
		if v.Float() > 1<<24 {
			return nil, fmt.Errorf("predictor /Columns %.0f: %w", v.Float(), block.Exceeded("columns in a predictor row", 1<<24))
		}
		columns = v.Int()
	}
	if colors < 1 || colors > 32 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) || columns < 1 {
		return data, fmt.Errorf("%w: predictor with /Colors %d /BitsPerComponent %d /Columns %d", block.ErrFormat, colors, bpc, columns)
	}
	rowBits := int64(colors) * int64(bpc) * int64(columns)
	rowLen := (rowBits + 7) / 8
	if rowLen > limit || rowLen > 1<<24 {
		return nil, fmt.Errorf("predictor /Columns %d: %w", columns, block.Exceeded("bytes in a predictor row", min(limit, 1<<24)))
	}
	bpp := max(1, colors*bpc/8)
	n := int(rowLen)
	switch {
	case pred == 2:
		if bpc != 8 && bpc != 16 {
			return data, fmt.Errorf("%w: TIFF predictor with %d bits per component", block.ErrUnsupported, bpc)
		}
		for row := 0; row < len(data); row += n {
			r := data[row:min(row+n, len(data))]
			if bpc == 8 {
				for i := bpp; i < len(r); i++ {
					r[i] += r[i-bpp]
				}
				continue
			}
			for i := 2 * colors; i+1 < len(r); i += 2 {
				v := uint16(r[i])<<8 | uint16(r[i+1])
				u := uint16(r[i-2*colors])<<8 | uint16(r[i-2*colors+1])
				v += u
				r[i], r[i+1] = byte(v>>8), byte(v)
			}
		}
		return data, nil
	case pred >= 10:
		// Rows longer than the data are cut to it before allocating.
		out := make([]byte, 0, len(data)/(n+1)*n+min(n, len(data)))
		prev := make([]byte, min(n, len(data)))
		for row := 0; row < len(data); row += n + 1 {
			typ := data[row]
			r := data[row+1 : min(row+1+n, len(data))]
			cur := out[len(out) : len(out)+len(r)]
			out = out[:len(out)+len(r)]
			for i, x := range r {
				var a, b, c byte
				if i >= bpp {
					a = cur[i-bpp]
					c = prev[i-bpp]
				}
				b = prev[i]
				switch typ {
				case 1:
					x += a
				case 2:
					x += b
				case 3:
					x += byte((int(a) + int(b)) / 2)
				case 4:
					x += paeth(a, b, c)
				}
				cur[i] = x
			}
			copy(prev, cur)
		}
		return out, nil
	}
	return data, fmt.Errorf("%w: predictor %d", block.ErrUnsupported, pred)
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// lzwDecode decodes LZW data with 9- to 12-bit codes, most significant
// bit first; early is the /EarlyChange parameter (1: the code width grows
// one code early, as TIFF and most PDF writers do).
func lzwDecode(data []byte, early int, limit int64, over error) ([]byte, error) {
	if early != 0 {
		early = 1
	}
	type span struct{ off, n int }
	var table [4096]span
	out := make([]byte, 0, min(int64(len(data))*3, limit+1))
	width, next := 9, 258
	prev := span{-1, 0}
	var acc uint32
	bits := 0
	for i := 0; ; {
		for bits < width && i < len(data) {
			acc = acc<<8 | uint32(data[i])
			bits += 8
			i++
		}
		if bits < width {
			return out, nil // the data ends without an EOD code
		}
		code := int(acc>>(bits-width)) & (1<<width - 1)
		bits -= width
		switch {
		case code == 256:
			width, next, prev = 9, 258, span{-1, 0}
			continue
		case code == 257:
			return out, nil
		}
		start := len(out)
		switch {
		case code < 256:
			out = append(out, byte(code))
		case code < next && prev.off >= 0:
			e := table[code]
			out = append(out, out[e.off:e.off+e.n]...)
		case code == next && prev.off >= 0:
			out = append(out, out[prev.off:prev.off+prev.n]...)
			out = append(out, out[prev.off])
		default:
			return out, fmt.Errorf("%w: LZW code %d out of sequence", block.ErrFormat, code)
		}
		if int64(len(out)) > limit {
			return nil, over
		}
		if prev.off >= 0 && next < 4096 {
			// The new entry is the previous string and the first byte
			// of this one, which follow each other in the output.
			table[next] = span{prev.off, prev.n + 1}
			next++
		}
		prev = span{start, len(out) - start}
		if next+early >= 1<<width && width < 12 {
			width++
		}
	}
}

// asciiHex decodes ASCIIHexDecode data up to its '>'.
func asciiHex(data []byte) []byte {
	if end := bytes.IndexByte(data, '>'); end >= 0 {
		data = data[:end]
	}
	return scan.HexDecode(data)
}

// ascii85Decode decodes ASCII85Decode data up to its "~>".
func ascii85Decode(data []byte) ([]byte, error) {
	data = bytes.TrimLeft(data, " \t\r\n\f\x00")
	data = bytes.TrimPrefix(data, []byte("<~"))
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	}
	out := make([]byte, len(data)/5*4+4+4*bytes.Count(data, []byte("z")))
	n, _, err := ascii85.Decode(out, data, true)
	if err != nil {
		return out[:n], fmt.Errorf("%w: %v", block.ErrFormat, err)
	}
	return out[:n], nil
}

// runLength decodes RunLengthDecode data.
func runLength(data []byte, limit int64, over error) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		case n > 128:
			if i >= len(data) {
				return out, nil
			}
			for range 257 - n {
				out = append(out, data[i])
			}
			i++
		default:
			return out, nil
		}
		if int64(len(out)) > limit {
			return nil, over
		}
	}
	return out, nil
}
