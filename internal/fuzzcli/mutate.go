// Package fuzzcli fuzzes the bulletin command as a whole process: it mutates
// the fixtures of every format the command reads (text, DOCX, PDF, bulletin
// JSON) and runs commands on the mutants in child processes under a memory
// and time budget, so that a crash, a hang or memory out of proportion to
// the input is found by the project itself.
//
// The mutators know the formats well enough to reach past their outer
// layer: a DOCX is unzipped, one of its XML parts changed (an element
// repeated, a count attribute such as w:gridSpan set to a large number) and
// zipped again; bulletin JSON has its numbers and lists changed; text has
// lines repeated, joined and re-encoded; and any input has bytes flipped,
// spliced and repeated.
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
	case ".docx":
		if rng.IntN(5) > 0 {
			out = mutateZip(rng, data)
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
		// The main document, most of the time.
		if strings.HasSuffix(zr.File[i].Name, "document.xml") && rng.IntN(3) > 0 {
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

var (
	element   = regexp.MustCompile(`(?s)<w:(tr|tc|p|tbl|r)\b[^>]*>.*?</w:(?:tr|tc|p|tbl|r)>`)
	countAttr = regexp.MustCompile(`(<w:(?:gridSpan|gridBefore|gridAfter|vMerge|hMerge|tblHeader|ind|sz)\b[^>]*w:val=")[^"]*`)
)

// mutateXML changes WordprocessingML: repeats an element, sets a count
// attribute to something large, or nests an element in itself.
func mutateXML(rng *rand.Rand, data []byte) []byte {
	// pick returns a random table, row, cell, paragraph or run.
	pick := func() (loc []int, ok bool) {
		locs := element.FindAllIndex(data, 10_000)
		if len(locs) == 0 {
			return nil, false
		}
		return locs[rng.IntN(len(locs))], true
	}
	switch rng.IntN(4) {
	case 0:
		loc, ok := pick()
		if !ok {
			break
		}
		el := data[loc[0]:loc[1]]
		return insert(data, loc[1], bytes.Repeat(el, repeats(len(el), rng.IntN(5000)+2)))
	case 1:
		locs := countAttr.FindAllSubmatchIndex(data, 10_000)
		if len(locs) == 0 {
			// Add a span to a cell.
			return bytes.Replace(data, []byte("<w:tc>"), []byte(`<w:tc><w:tcPr><w:gridSpan w:val="`+interesting[rng.IntN(len(interesting))]+`"/></w:tcPr>`), rng.IntN(50)+1)
		}
		out := data
		for range rng.IntN(20) + 1 {
			loc := locs[rng.IntN(len(locs))]
			out = append(append(append([]byte(nil), out[:loc[3]]...), interesting[rng.IntN(len(interesting))]...), out[loc[1]:]...)
			locs = countAttr.FindAllSubmatchIndex(out, 10_000)
		}
		return out
	case 2:
		loc, ok := pick()
		if !ok {
			break
		}
		el := data[loc[0]:loc[1]]
		open := el[:bytes.IndexByte(el, '>')+1]
		closeTag := el[bytes.LastIndex(el, []byte("</")):]
		depth := repeats(len(open)+len(closeTag), rng.IntN(300)+2)
		nested := append(bytes.Repeat(open, depth), append(el, bytes.Repeat(closeTag, depth)...)...)
		return append(append(append([]byte(nil), data[:loc[0]]...), nested...), data[loc[1]:]...)
	}
	return mutateBytes(rng, data)
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
