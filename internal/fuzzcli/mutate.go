// Package fuzzcli fuzzes the bulletin command as a whole process: it mutates
// the fixtures of every format the command reads (text, DOCX, XLSX, legacy
// Word and Excel, PDF, web pages and MHT, bulletin JSON) and runs commands
// on the mutants in child processes under a memory and time budget, so
// that a crash, a hang or memory out of proportion to the input is found
// by the project itself.
//
// The mutators know the formats well enough to reach past their outer
// layer: a DOCX or XLSX is unzipped, one of its XML parts changed (an
// element repeated or nested, a count attribute such as w:gridSpan or a
// cell reference such as r="A1" set to something large) and zipped again;
// a web page has its elements repeated and nested and its colspan and
// rowspan made large; a legacy .doc or .xls (an OLE compound file) has
// 16- and 32-bit integers overwritten with sector numbers and counts that
// break readers which trust them; bulletin JSON has its numbers and lists
// changed; text has lines repeated, joined and re-encoded; and any input
// has bytes flipped, spliced and repeated.
//
// The harness that runs them is a test of cmd/bulletin (TestFuzzCLI), which
// runs the test binary itself as the child.
package fuzzcli

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// maxGrowth bounds what one mutation adds by repeating a part of its
// input, and maxMutant the size of a mutant: mutants of a few MB are
// enough to make work that grows faster than its input show.
const (
	maxGrowth = 4 << 20
	maxMutant = 16 << 20
)

// repeats returns how many copies of a part of size bytes to add: want, at
// most maxGrowth bytes' worth.
func repeats(size, want int) int {
	return max(1, min(want, maxGrowth/max(size, 1)))
}

// Mutate returns a mutant of data, a fixture named name (whose extension
// says its format), of at most 16 MiB.
func Mutate(rng *rand.Rand, name string, data []byte) []byte {
	out := mutate(rng, name, data)
	if len(out) > maxMutant {
		out = out[:maxMutant]
	}
	return out
}

func mutate(rng *rand.Rand, name string, data []byte) []byte {
	var out []byte
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx", ".xlsx":
		if rng.IntN(5) > 0 {
			out = mutateZip(rng, data)
		}
	case ".html", ".htm", ".mht":
		if rng.IntN(4) > 0 {
			out = mutateMarkup(rng, data, htmlML)
		}
	case ".doc", ".xls":
		if rng.IntN(3) > 0 {
			out = mutateIntegers(rng, data)
		}
	case ".json":
		if rng.IntN(4) > 0 {
			out = mutateJSON(rng, data)
		}
	case ".txt", ".md":
		if rng.IntN(3) > 0 {
			out = mutateText(rng, data)
		}
	case ".pdf":
		if rng.IntN(3) > 0 {
			out = mutateNumbers(rng, data)
		}
	}
	if out == nil {
		out = mutateBytes(rng, data)
	}
	return out
}

// interesting are values that break readers that trust their input.
var interesting = []string{
	"0", "-1", "1024", "65535", "2147483648", "9223372036854775807", "99999999999999999999",
	"1e308", "-0", "NaN", "0.000000000000000000001", "100000000",
}

// hostile are byte strings worth inserting anywhere.
var hostile = []string{
	"\x00", "\x1b[2J\x1b[H", "\x1b]0;title\x07", "\u202e", "\u009b", "\r", "\t", "|", "｜",
	"\xff\xfe", "\xef\xbb\xbf", "%", "％", "合计", "其中", "占", "件", "。", "（", "）",
	"较好的单位是", "<w:tbl>", "<w:tr>", "<w:tc>", "obj", "endobj", "stream", "[", "{", "\"",
}

// mutateBytes applies one to four byte-level changes.
func mutateBytes(rng *rand.Rand, data []byte) []byte {
	out := append([]byte(nil), data...)
	for range rng.IntN(4) + 1 {
		if len(out) == 0 {
			out = append(out, hostile[rng.IntN(len(hostile))]...)
			continue
		}
		i := rng.IntN(len(out))
		switch rng.IntN(7) {
		case 0: // flip bits
			out[i] ^= byte(1 << rng.IntN(8))
		case 1: // set a random byte
			out[i] = byte(rng.IntN(256))
		case 2: // delete a range
			j := min(len(out), i+rng.IntN(64)+1)
			out = append(out[:i], out[j:]...)
		case 3: // insert something hostile
			out = insert(out, i, []byte(hostile[rng.IntN(len(hostile))]))
		case 4: // repeat a range many times: amplification
			j := min(len(out), i+rng.IntN(256)+1)
			out = insert(out, i, bytes.Repeat(out[i:j], repeats(j-i, rng.IntN(2000)+2)))
		case 5: // truncate
			out = out[:i]
		case 6: // splice in a copy of another range
			j := rng.IntN(len(out))
			k := min(len(out), j+rng.IntN(512)+1)
			out = insert(out, i, append([]byte(nil), out[j:k]...))
		}
	}
	return out
}

func insert(b []byte, i int, s []byte) []byte {
	out := make([]byte, 0, len(b)+len(s))
	out = append(out, b[:i]...)
	out = append(out, s...)
	return append(out, b[i:]...)
}

var number = regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?`)

// mutateNumbers replaces a few of the numbers in data with interesting
// ones (PDF object numbers, lengths, counts and coordinates; a text's
// counts and rates).
func mutateNumbers(rng *rand.Rand, data []byte) []byte {
	locs := number.FindAllIndex(data, 100_000)
	if len(locs) == 0 {
		return nil
	}
	out := append([]byte(nil), data...)
	for range rng.IntN(3) + 1 {
		loc := locs[rng.IntN(len(locs))]
		if loc[1] > len(out) {
			continue
		}
		out = append(out[:loc[0]], append([]byte(interesting[rng.IntN(len(interesting))]), out[loc[1]:]...)...)
	}
	return out
}

// mutateText changes a text file line-wise.
func mutateText(rng *rand.Rand, data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) == 0 {
		return nil
	}
	i := rng.IntN(len(lines))
	switch rng.IntN(8) {
	case 0: // repeat a line many times
		rep := strings.Repeat(lines[i], repeats(len(lines[i]), rng.IntN(20000)+2))
		lines = append(lines[:i], append([]string{rep}, lines[i:]...)...)
	case 1: // one line: every line end removed
		return []byte(strings.NewReplacer("\r", "", "\n", "").Replace(string(data)))
	case 2: // a very long line
		line := strings.TrimRight(lines[i], "\n") + "，"
		lines[i] = strings.Repeat(line, repeats(len(line), rng.IntN(30000)+2)) + "\n"
	case 3: // UTF-16 without a byte order mark
		order := binary.AppendByteOrder(binary.LittleEndian)
		if rng.IntN(2) == 0 {
			order = binary.BigEndian
		}
		var out []byte
		for _, u := range utf16.Encode([]rune(string(data))) {
			out = order.AppendUint16(out, u)
		}
		return out
	case 4: // numbers made interesting
		return mutateNumbers(rng, data)
	case 5: // every line ends in a run-on comma
		return []byte(strings.ReplaceAll(string(data), "\n", "，\n"))
	case 6: // tabs or pipes sprinkled through
		sep := []string{"\t", " | ", "  "}[rng.IntN(3)]
		lines[i] = strings.ReplaceAll(lines[i], "", sep)
	case 7: // escape sequences in a line
		lines[i] = hostile[rng.IntN(4)+1] + lines[i]
	}
	return []byte(strings.Join(lines, ""))
}

// mutateZip changes one entry of a zip package (a DOCX) and zips it again.
func mutateZip(rng *rand.Rand, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) == 0 {
		return nil
	}
	parts := make([][]byte, len(zr.File))
	var xmlParts []int
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		parts[i], err = io.ReadAll(io.LimitReader(rc, 16<<20))
		rc.Close()
		if err != nil {
			return nil
		}
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			xmlParts = append(xmlParts, i)
		}
	}
	target := rng.IntN(len(parts))
	for _, i := range xmlParts {
		// The main document or a sheet, most of the time.
		if n := zr.File[i].Name; (strings.HasSuffix(n, "document.xml") || strings.Contains(n, "worksheets/sheet")) && rng.IntN(3) > 0 {
			target = i
		}
	}
	if strings.HasSuffix(zr.File[target].Name, "xml") && rng.IntN(3) > 0 {
		parts[target] = mutateXML(rng, parts[target])
	} else {
		parts[target] = mutateBytes(rng, parts[target])
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, f := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil
		}
		w.Write(parts[i])
	}
	if zw.Close() != nil {
		return nil
	}
	return buf.Bytes()
}

// markup is what the markup mutator knows of a language: the elements
// worth repeating or nesting (element matches their open tags, the name
// in submatch 1), the attributes whose values count or place
// something (submatch 1 is what comes before the value), the values
// that break a reader trusting them, and how to give an element such an
// attribute where the input has none.
type markup struct {
	element, count *regexp.Regexp
	values         []string
	add            func(rng *rand.Rand, data []byte, value string) []byte
}

var (
	// wordML is WordprocessingML (DOCX): tables, rows, cells, paragraphs
	// and runs; spans, merges and sizes.
	wordML = markup{
		element: regexp.MustCompile(`<(w:(?:tr|tc|p|tbl|r))\b[^>]*>`),
		count:   regexp.MustCompile(`(<w:(?:gridSpan|gridBefore|gridAfter|vMerge|hMerge|tblHeader|ind|sz)\b[^>]*w:val=")[^"]*`),
		values:  interesting,
		add: func(rng *rand.Rand, data []byte, value string) []byte {
			return bytes.Replace(data, []byte("<w:tc>"), []byte(`<w:tc><w:tcPr><w:gridSpan w:val="`+value+`"/></w:tcPr>`), rng.IntN(50)+1)
		},
	}
	// sheetML is SpreadsheetML (XLSX): rows, cells and shared strings;
	// cell references, the sheet's dimension and merged ranges, which
	// say where far apart a cell lies.
	sheetML = markup{
		element: regexp.MustCompile(`<(row|c|si|mergeCell)\b[^>]*>`),
		count:   regexp.MustCompile(`(<(?:c|row|dimension|mergeCell|col)\b[^>]*\b(?:r|ref|spans|min|max)=")[^"]*`),
		values:  []string{"XFD1048576", "A1048576", "XFD1", "A0", "ZZZZ1", "A99999999999", "A1:XFD1048576", "1:16384", "0", "-1", "4294967295"},
		add: func(rng *rand.Rand, data []byte, value string) []byte {
			return bytes.Replace(data, []byte("</sheetData>"), []byte(`</sheetData><mergeCells count="1"><mergeCell ref="A1:`+value+`"/></mergeCells>`), 1)
		},
	}
	// htmlML is HTML, as saved from a web page, by Word or in an MHT:
	// tables, rows, cells, paragraphs and blocks; spans.
	htmlML = markup{
		element: regexp.MustCompile(`<(tr|td|th|p|table|div|li|span|TR|TD|TH|P|TABLE|DIV|LI|SPAN)\b[^>]*>`),
		count:   regexp.MustCompile(`(?i)((?:colspan|rowspan)\s*=\s*["']?)[^"'\s>]*`),
		values:  append([]string{"1000", "65534", "4000x"}, interesting...),
		add: func(rng *rand.Rand, data []byte, value string) []byte {
			return bytes.Replace(data, []byte("<td"), []byte(`<td colspan="`+value+`" rowspan="`+value+`"`), rng.IntN(50)+1)
		},
	}
)

// mutateXML changes a part of a zip package: WordprocessingML, or
// SpreadsheetML when the part is not.
func mutateXML(rng *rand.Rand, data []byte) []byte {
	if bytes.Contains(data, []byte("<w:")) {
		return mutateMarkup(rng, data, wordML)
	}
	return mutateMarkup(rng, data, sheetML)
}

// mutateMarkup changes markup in language m: repeats an element, sets
// count attributes to something large, or nests an element in itself.
func mutateMarkup(rng *rand.Rand, data []byte, m markup) []byte {
	// pick returns an element at random: its open tag to the first close
	// tag of its name after it (the open tag alone when it is empty or
	// not closed), and the length of the open tag.
	pick := func() (loc []int, open int, ok bool) {
		locs := m.element.FindAllSubmatchIndex(data, 10_000)
		if len(locs) == 0 {
			return nil, 0, false
		}
		l := locs[rng.IntN(len(locs))]
		end := l[1]
		if data[end-2] != '/' {
			closeTag := "</" + string(data[l[2]:l[3]]) + ">"
			if i := bytes.Index(data[end:], []byte(closeTag)); i >= 0 {
				end += i + len(closeTag)
			}
		}
		return []int{l[0], end}, l[1] - l[0], true
	}
	switch rng.IntN(4) {
	case 0:
		loc, _, ok := pick()
		if !ok {
			break
		}
		el := data[loc[0]:loc[1]]
		return insert(data, loc[1], bytes.Repeat(el, repeats(len(el), rng.IntN(5000)+2)))
	case 1:
		locs := m.count.FindAllSubmatchIndex(data, 10_000)
		if len(locs) == 0 {
			return m.add(rng, data, m.values[rng.IntN(len(m.values))])
		}
		out := data
		for range rng.IntN(20) + 1 {
			loc := locs[rng.IntN(len(locs))]
			out = append(append(append([]byte(nil), out[:loc[3]]...), m.values[rng.IntN(len(m.values))]...), out[loc[1]:]...)
			locs = m.count.FindAllSubmatchIndex(out, 10_000)
		}
		return out
	case 2:
		loc, openLen, ok := pick()
		if !ok {
			break
		}
		el := data[loc[0]:loc[1]]
		closeAt := bytes.LastIndex(el, []byte("</"))
		if closeAt < openLen {
			break // an empty element (<c r="A1"/>) holds nothing to nest
		}
		open := el[:openLen]
		closeTag := el[closeAt:]
		depth := repeats(len(open)+len(closeTag), rng.IntN(300)+2)
		nested := append(bytes.Repeat(open, depth), append(el, bytes.Repeat(closeTag, depth)...)...)
		return append(append(append([]byte(nil), data[:loc[0]]...), nested...), data[loc[1]:]...)
	}
	return mutateBytes(rng, data)
}

// interestingInts are 16- and 32-bit values that break readers of OLE
// compound files and their streams: sector numbers with a meaning
// (end of chain, free, a FAT sector), counts and sizes at the edges.
var interestingInts = []uint32{0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x3FFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
	0x7FFFFFFF, 0x80000000, 0xFFFFFFFA, 0xFFFFFFFC, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFF}

// cfbHeader is the size of an OLE compound file's header, which holds the
// sector size and the counts and starts of the allocation tables and the
// directory.
const cfbHeader = 512

// mutateIntegers overwrites one to eight little-endian 16- or 32-bit
// integers at even offsets with interesting values: in an OLE compound
// file (.doc, .xls), sector numbers, sizes and counts, and in its streams
// record lengths, row and column numbers and string lengths. A third of
// them fall in the header.
func mutateIntegers(rng *rand.Rand, data []byte) []byte {
	if len(data) < 8 {
		return nil
	}
	out := append([]byte(nil), data...)
	for range rng.IntN(8) + 1 {
		span := len(out) - 4
		if rng.IntN(3) == 0 {
			span = min(span, cfbHeader-4)
		}
		i := rng.IntN(span+1) &^ 1
		v := interestingInts[rng.IntN(len(interestingInts))]
		if rng.IntN(2) == 0 {
			binary.LittleEndian.PutUint16(out[i:], uint16(v))
		} else {
			binary.LittleEndian.PutUint32(out[i:], v)
		}
	}
	return out
}

// mutateJSON changes a bulletin's JSON: a number made interesting (a
// share_decimals of 2^63-1), a list's items repeated, a value's type
// changed.
func mutateJSON(rng *rand.Rand, data []byte) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil
	}
	// One change: values are shared once a list's item is repeated, and
	// a second change to a shared value would be repeated with it.
	v = mutateValue(rng, v, rng.IntN(8)+1)
	out, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return out
}

// mutateValue changes one value somewhere below v, descending at most
// depth levels.
func mutateValue(rng *rand.Rand, v any, depth int) any {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 || depth == 0 {
			break
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		// Map order is random; pick by a sorted order for reproducibility.
		slices.Sort(keys)
		k := keys[rng.IntN(len(keys))]
		x[k] = mutateValue(rng, x[k], depth-1)
		return x
	case []any:
		if len(x) == 0 || depth == 0 {
			break
		}
		i := rng.IntN(len(x))
		if rng.IntN(4) == 0 {
			item, _ := json.Marshal(x[i])
			for range repeats(len(item), rng.IntN(3000)+2) {
				x = append(x, x[i])
			}
			return x
		}
		x[i] = mutateValue(rng, x[i], depth-1)
		return x
	case json.Number:
		n := interesting[rng.IntN(len(interesting))]
		if n == "NaN" {
			n = "1e-300" // NaN is no JSON number
		}
		return json.Number(n)
	case string:
		if rng.IntN(2) == 0 {
			return x + hostile[rng.IntN(len(hostile))]
		}
		return strings.Repeat(x, repeats(len(x), rng.IntN(1000)+2))
	}
	switch rng.IntN(5) {
	case 0:
		return nil
	case 1:
		return json.Number(strconv.Itoa(rng.IntN(1 << 30)))
	case 2:
		return fmt.Sprint(v)
	case 3:
		return []any{v, v}
	}
	return map[string]any{"x": v}
}
