package object

import (
	"bytes"
	"sort"
	"strconv"
)

// format writes x in PDF syntax with references unresolved and dictionary
// keys sorted, so that equal values format equally.
func format(b *bytes.Buffer, x any) {
	switch x := x.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	case str:
		b.WriteString(strconv.Quote(string(x)))
	case name:
		b.WriteByte('/')
		b.WriteString(string(x))
	case ref:
		b.WriteString(strconv.FormatUint(uint64(x.num), 10))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatUint(uint64(x.gen), 10))
		b.WriteString(" R")
	case array:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(' ')
			}
			format(b, e)
		}
		b.WriteByte(']')
	case dict:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		b.WriteString("<<")
		for _, k := range keys {
			b.WriteByte('/')
			b.WriteString(k)
			b.WriteByte(' ')
			format(b, x[name(k)])
			b.WriteByte(' ')
		}
		b.WriteString(">>")
	case *stream:
		format(b, x.hdr)
		b.WriteString(" stream@")
		b.WriteString(strconv.Itoa(x.start))
	}
}
