package html

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/hotline12345/bulletin/extract/block"
)

func gbk(s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func utf16le(s string) []byte {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// TestDecode checks the order of the charset's sources — byte order mark,
// HTTP header, <meta charset>, <meta http-equiv> — and what happens when
// the page declares nothing or declares wrongly.
func TestDecode(t *testing.T) {
	const body = "<p>白鹭裏社区办结率98.5%</p>" // 裏 exists in GBK, not in GB2312
	tests := []struct {
		name        string
		data        []byte
		contentType string
		charset     string // a prefix of decoded.charset
		problem     bool
		err         error
	}{
		{"meta charset gb2312 is read as GBK", gbk(`<meta charset="gb2312">` + body), "", "GB18030 (<meta charset=gb2312>)", false, nil},
		{"meta charset gbk", gbk(`<meta charset=GBK>` + body), "", "GB18030 (<meta charset=GBK>)", false, nil},
		{"http-equiv only", gbk(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` + body), "", "GB18030 (<meta http-equiv> charset=gb2312)", false, nil},
		{"http-equiv utf-8", []byte(`<META HTTP-EQUIV=content-type CONTENT="text/html;charset=utf-8">` + body), "", "UTF-8 (<meta http-equiv>", false, nil},
		{"meta charset before http-equiv", gbk(`<meta http-equiv="Content-Type" content="text/html; charset=big5"><meta charset="gbk">` + body), "", "GB18030 (<meta charset=gbk>)", false, nil},
		{"HTTP header before meta", gbk(`<meta charset="utf-8">` + body), "text/html; charset=GBK", "GB18030 (HTTP charset=GBK)", false, nil},
		{"byte order mark before header", append([]byte("\xef\xbb\xbf"), []byte(`<meta charset="gbk">`+body)...), "text/html; charset=gbk", "UTF-8 (byte order mark)", false, nil},
		{"UTF-16 byte order mark", utf16le(`<meta charset="utf-16">` + body), "", "UTF-16LE (byte order mark)", false, nil},
		{"meta utf-16 means UTF-8", []byte(`<meta charset="utf-16">` + body), "", "UTF-8 (<meta charset=utf-16>)", false, nil},
		{"unknown label falls through", gbk(`<meta charset="x-nonsense">` + body), "", "GB18030 (undeclared", false, nil},
		{"undeclared UTF-8", []byte(body), "", "UTF-8 (undeclared)", false, nil},
		{"undeclared GBK", gbk(body), "", "GB18030 (undeclared", false, nil},
		{"a server that labels a GBK page UTF-8", gbk(`<meta charset="gbk">` + body), "text/html; charset=utf-8", "GB18030 (<meta charset=gbk>)", true, nil},
		{"declared gb2312, saved as UTF-8", []byte(`<meta charset="gb2312">` + body), "", "UTF-8 (valid UTF-8", true, nil},
		{"meta after a long script", gbk(`<script>` + strings.Repeat("var a=1;", 500) + `</script><meta charset="gbk">` + body), "", "GB18030 (<meta charset=gbk>)", false, nil},
		{"declared UTF-8, binary", append([]byte(`<meta charset="utf-8">`), []byte(strings.Repeat("\xff\xfe\x00\x01", 200))...), "", "", false, block.ErrFormat},
		{"undeclared binary", []byte(strings.Repeat("\x00\x01\x02\x03\xff", 200)), "", "", false, block.ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decode(tt.data, tt.contentType)
			if tt.err != nil {
				require.True(t, errors.Is(err, tt.err), "err = %v", err)
				var pe *block.ParseError
				require.ErrorAs(t, err, &pe)
				require.NotZero(t, pe.Pos.Line)
				return
			}
			require.NoError(t, err)
			require.True(t, strings.HasPrefix(d.charset, tt.charset), "charset %q, want %q…", d.charset, tt.charset)
			require.Contains(t, string(d.text), "白鹭裏社区办结率98.5%")
			require.Equal(t, tt.problem, d.problem != "", "problem %q", d.problem)
		})
	}
}

func TestCharsetParam(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=gb2312":      "gb2312",
		"text/html;charset=\"GBK\"":      "GBK",
		"text/html; charset = utf-8;":    "utf-8",
		"text/html; CHARSET='gb18030' x": "gb18030",
		"text/html":                      "",
		"charset":                        "",
		"text/html; charset=\"unclosed":  "",
		"text/html; charsetx; charset=a": "a",
	} {
		require.Equal(t, want, charsetParam(in), in)
	}
}
