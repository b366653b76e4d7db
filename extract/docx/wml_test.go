package docx_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// TestWordprocessingML reads small documents built in code, one feature
// each, and compares the blocks.
func TestWordprocessingML(t *testing.T) {
	fld := func(instr, result string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + instr +
			` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>` + result +
			`</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	tc := func(props, text string) string { return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + p(text) + "</w:tc>" }
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"runs and breaks",
			`<w:p><w:r><w:t>按</w:t><w:tab/><w:t>时</w:t><w:br/><w:t>办结</w:t><w:cr/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:t>C</w:t></w:r></w:p>`,
			[]string{"按\t时\n办结\nA-BC"}},
		{"run split inside a number with proofErr and bookmarks",
			`<w:p><w:r><w:t>共</w:t></w:r><w:r><w:t>26</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/>` +
				`<w:r><w:rPr><w:b/></w:rPr><w:lastRenderedPageBreak/><w:t>6</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r><w:t>0件</w:t></w:r></w:p>`,
			[]string{"共2660件"}},
		{"white space of w:t kept only with xml:space=preserve",
			`<w:p><w:r><w:t>  a  </w:t></w:r><w:r><w:t xml:space="preserve"> b </w:t></w:r></w:p>`,
			[]string{"a b "}},
		{"empty and white-space paragraphs are not blocks",
			`<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>` + p("x"),
			[]string{"x"}},
		{"complex field shows its result",
			`<w:p><w:r><w:t>合计</w:t></w:r>` + fld("=SUM(ABOVE)", "1884") + `</w:p>`,
			[]string{"合计1884"}},
		{"nested field inside an instruction is not shown",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` + fld("MERGEFIELD a", "hidden") +
				`<w:r><w:instrText> = 1 "yes"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>yes</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			[]string{"yes"}},
		{"field without a separator shows nothing, and is closed at the paragraph's end",
			`<w:p><w:r><w:t>a</w:t><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText></w:r></w:p>` + p("b"),
			[]string{"a", "b"}},
		{"fldSimple",
			`<w:p><w:fldSimple w:instr=" =3 "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>`,
			[]string{"3"}},
		{"tracked insertion kept, deletion dropped",
			`<w:p><w:r><w:t>受理</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>2600</w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="a"><w:r><w:t>2660</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>件</w:t></w:r></w:moveTo></w:p>`,
			[]string{"受理2660件"}},
		{"deleted paragraph mark joins the paragraph to the next",
			`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>有待改进。</w:t></w:r></w:p>` + p("存在问题。") + p("下一段"),
			[]string{"有待改进。存在问题。", "下一段"}},
		{"hidden run dropped",
			`<w:p><w:r><w:t>烟草局</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（旧称）</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>！</w:t></w:r></w:p>`,
			[]string{"烟草局！"}},
		{"wrappers: hyperlink, smartTag, customXml, sdt, dir, bdo",
			`<w:p><w:hyperlink r:id="rId9"><w:r><w:t>区</w:t></w:r></w:hyperlink><w:smartTag w:element="place"><w:r><w:t>烟</w:t></w:r></w:smartTag>` +
				`<w:customXml w:element="x"><w:r><w:t>草</w:t></w:r></w:customXml><w:sdt><w:sdtPr><w:alias w:val="不显示"/></w:sdtPr><w:sdtContent><w:r><w:t>局</w:t></w:r></w:sdtContent></w:sdt>` +
				`<w:dir w:val="ltr"><w:r><w:t>1</w:t></w:r></w:dir><w:bdo w:val="ltr"><w:r><w:t>2</w:t></w:r></w:bdo></w:p>`,
			[]string{"区烟草局12"}},
		{"block-level sdt and customXml",
			`<w:sdt><w:sdtPr><w:tag w:val="t"/></w:sdtPr><w:sdtContent>` + p("一") + `</w:sdtContent><w:sdtEndPr/></w:sdt><w:customXml w:element="b">` + p("二") + `</w:customXml>`,
			[]string{"一", "二"}},
		{"AlternateContent: first Choice read, Fallback skipped",
			`<w:p><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>甲</w:t></w:r></mc:Choice><mc:Choice Requires="w15"><w:r><w:t>乙</w:t></w:r></mc:Choice>` +
				`<mc:Fallback><w:r><w:t>丙</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`,
			[]string{"甲"}},
		{"AlternateContent without Choice: Fallback read",
			`<w:p><mc:AlternateContent><mc:Fallback><w:r><w:t>丙</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`,
			[]string{"丙"}},
		{"ruby: base text only",
			`<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>bàn</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>办</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`,
			[]string{"办"}},
		{"text box content follows its anchor paragraph, one branch only",
			`<w:p><w:r><w:t>见下表</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` +
				p("框内") + tbl(row("a", "b")) + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + p("框内") + tbl(row("a", "b")) + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` + p("后"),
			[]string{"见下表", "框内", "table", "| a | b |", "后"}},
		{"table with gridSpan, vMerge restart/continue and header row",
			tbl(
				row(`<w:trPr><w:tblHeader/></w:trPr>`, tc(`<w:vMerge w:val="restart"/>`, "单位"), tc(`<w:gridSpan w:val="2"/>`, "电话")),
				row(tc(`<w:vMerge/>`, ""), "办理数", "按时办结数"),
				row("甲", "1", "1"),
				row(tc(`<w:gridSpan w:val="1"/>`, "合计"), "1", "1")),
			[]string{"table", "| 单位{r2} | 电话{c2} | (header)", "| 办理数 | 按时办结数 |", "| 甲 | 1 | 1 |", "| 合计 | 1 | 1 |"}},
		{"vMerge continue over several rows and in a middle column",
			tbl(
				row("a", tc(`<w:vMerge w:val="restart"/>`, "M"), "b"),
				row("c", tc(`<w:vMerge w:val="continue"/>`, ""), "d"),
				row("e", tc(`<w:vMerge/>`, ""), "f"),
				row("g", "h", "i")),
			[]string{"table", "| a | M{r3} | b |", "| c | d |", "| e | f |", "| g | h | i |"}},
		{"vMerge continue without a cell above stays a cell",
			tbl(row("a"), row("b", tc(`<w:vMerge/>`, "x"))),
			[]string{"table", "| a |", "| b | x |"}},
		{"legacy hMerge",
			tbl(row(tc(`<w:hMerge w:val="restart"/>`, "总计"), tc(`<w:hMerge/>`, ""), "3"), row("a", "b", "c")),
			[]string{"table", "| 总计{c2} | 3 |", "| a | b | c |"}},
		{"gridBefore and gridAfter",
			tbl(row(`<w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>`, "b"), row("a", "b", "c")),
			[]string{"table", "|  | b |", "| a | b | c |"}},
		{"row and cell content controls, deleted row and cell",
			`<w:tbl><w:tr><w:tc>` + p("a") + `</w:tc><w:sdt><w:sdtPr/><w:sdtContent><w:tc>` + p("b") + `</w:tc></w:sdtContent></w:sdt></w:tr>` +
				`<w:sdt><w:sdtContent><w:tr><w:tc>` + p("c") + `</w:tc><w:tc>` + p("d") + `</w:tc></w:tr></w:sdtContent></w:sdt>` +
				`<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc>` + p("gone") + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + p("e") + `</w:tc><w:tc><w:tcPr><w:cellDel w:id="2" w:author="x"/></w:tcPr>` + p("gone") + `</w:tc><w:tc>` + p("f") + `</w:tc></w:tr></w:tbl>`,
			[]string{"table", "| a | b |", "| c | d |", "| e | f |"}},
		{"cell paragraphs are lines, trimmed, empty ones dropped",
			tbl(row(`<w:tc>`+p(" 按 时 ")+`<w:p/>`+p("办结数")+`</w:tc>`, "x")),
			[]string{"table", "| 按 时\n办结数 | x |"}},
		{"nested table in a cell is flattened into the cell's text",
			tbl(row("a", `<w:tc>`+p("上")+tbl(row("1", "2"), row("3", "4"))+`</w:tc>`)),
			[]string{"table", "| a | 上\n1\t2\n3\t4 |"}},
		{"a one-column frame around a table is read as its content",
			tbl(row(`<w:tc>` + p("标题") + tbl(row("单位", "办理数"), row("甲", "1")) + `</w:tc>`)),
			[]string{"标题", "table", "| 单位 | 办理数 |", "| 甲 | 1 |"}},
		{"tables nested three deep",
			tbl(row(`<w:tc>` + tbl(row(`<w:tc>`+tbl(row("x", "y"))+`</w:tc>`)) + `</w:tc>`)),
			[]string{"table", "| x | y |"}},
		{"altChunk skipped",
			`<w:altChunk r:id="rId5"/>` + p("x"),
			[]string{"x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := read(t, docxOf(t, tt.body))
			require.NoError(t, err)
			require.Equal(t, tt.want, dump(doc))
		})
	}
}

// TestPositions checks the parts, block indexes and cell grid positions.
func TestPositions(t *testing.T) {
	body := p("一") + `<w:p/>` + tbl(
		row(`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>`+p("a")+`</w:tc>`, "b"),
		row("c", "d", "e")) + p("二")
	doc, err := read(t, docxOf(t, body))
	require.NoError(t, err)
	require.Len(t, doc.Blocks, 3)
	require.Equal(t, model.Pos{Part: "word/document.xml", Block: 1}, doc.Blocks[0].Position())
	tb := doc.Blocks[1].(*block.Table)
	require.Equal(t, model.Pos{Part: "word/document.xml", Block: 3}, tb.Pos)
	require.Equal(t, model.Pos{Part: "word/document.xml", Block: 3, Row: 1}, tb.Rows[0].Pos)
	require.Equal(t, model.Pos{Part: "word/document.xml", Block: 3, Row: 1, Col: 3}, tb.Rows[0].Cells[1].Pos)
	require.Equal(t, model.Pos{Part: "word/document.xml", Block: 3, Row: 2, Col: 2}, tb.Rows[1].Cells[1].Pos)
	require.Equal(t, model.Pos{Part: "word/document.xml", Block: 4}, doc.Blocks[2].Position())
}

// TestPackage covers how parts are found: the main part through
// _rels/.rels whatever its name, headers and footers through the main
// part's relationships and section references, Strict namespaces.
func TestPackage(t *testing.T) {
	hdr := func(root, text string) string {
		return `<w:` + root + ` ` + nsDecl + `>` + p(text) + `</w:` + root + `>`
	}
	sect := `<w:sectPr><w:headerReference w:type="first" r:id="rH2"/><w:headerReference w:type="default" r:id="rH1"/>` +
		`<w:footerReference w:type="default" r:id="rF1"/></w:sectPr>`
	docRels := rels("rH1 header header1.xml", "rH2 header header2.xml", "rF1 footer ../word/footer1.xml", "rX header unused.xml")
	t.Run("headers and footers", func(t *testing.T) {
		data := docxOf(t, p("正文")+sect,
			part{"word/_rels/document.xml.rels", docRels},
			part{"word/header1.xml", hdr("hdr", "页眉一")},
			part{"word/header2.xml", hdr("hdr", "首页页眉")},
			part{"word/footer1.xml", hdr("ftr", "第1页")},
			part{"word/unused.xml", hdr("hdr", "未引用")})
		doc, err := read(t, data)
		require.NoError(t, err)
		require.Equal(t, []string{"H:首页页眉", "H:页眉一", "正文", "F:第1页"}, dump(doc))
		require.Equal(t, "word/header2.xml", doc.Blocks[0].Position().Part)
		require.Equal(t, "word/footer1.xml", doc.Blocks[3].Position().Part)
	})
	t.Run("main part named by _rels/.rels", func(t *testing.T) {
		data := buildZip(t,
			part{"[Content_Types].xml", contentType},
			part{"_rels/.rels", rels("rId1 officeDocument /word/document2.xml")},
			part{"word/document.xml", document(p("decoy"))},
			part{"word/document2.xml", document(p("real"))})
		doc, err := read(t, data)
		require.NoError(t, err)
		require.Equal(t, []string{"real"}, dump(doc))
		require.Equal(t, "word/document2.xml", doc.Blocks[0].Position().Part)
	})
	t.Run("no _rels/.rels falls back to word/document.xml", func(t *testing.T) {
		doc, err := read(t, buildZip(t, part{"word/document.xml", document(p("x"))}))
		require.NoError(t, err)
		require.Equal(t, []string{"x"}, dump(doc))
		require.NotEmpty(t, doc.Problems)
	})
	t.Run("missing header part is a problem, not an error", func(t *testing.T) {
		doc, err := read(t, docxOf(t, p("正文")+sect, part{"word/_rels/document.xml.rels", docRels}))
		require.NoError(t, err)
		require.Equal(t, []string{"正文"}, dump(doc))
		require.Len(t, doc.Problems, 3)
	})
	t.Run("Strict OOXML", func(t *testing.T) {
		strict := strings.NewReplacer(
			"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main",
			"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
		data := buildZip(t,
			part{"_rels/.rels", strict.Replace(rels("rId1 officeDocument word/document.xml"))},
			part{"word/document.xml", strict.Replace(document(p("严格") + tbl(row(`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>`+p("a")+`</w:tc>`), row("b", "c")) + sect))},
			part{"word/_rels/document.xml.rels", strict.Replace(docRels)},
			part{"word/header1.xml", strict.Replace(hdr("hdr", "页眉"))})
		doc, err := read(t, data)
		require.NoError(t, err)
		require.Equal(t, []string{"H:页眉", "严格", "table", "| a{c2} |", "| b | c |"}, dump(doc))
	})
	t.Run("unbound w prefix", func(t *testing.T) {
		data := buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument word/document.xml")},
			part{"word/document.xml", `<w:document><w:body>` + p("无命名空间") + `</w:body></w:document>`})
		doc, err := read(t, data)
		require.NoError(t, err)
		require.Equal(t, []string{"无命名空间"}, dump(doc))
	})
	t.Run("part saved as UTF-16", func(t *testing.T) {
		xml := `<?xml version="1.0" encoding="UTF-16"?>` + document(p("十六位"))[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):]
		u := []byte{0xFF, 0xFE}
		for _, r := range xml {
			if r > 0xFFFF {
				t.Fatal("test text outside the BMP")
			}
			u = append(u, byte(r), byte(r>>8))
		}
		doc, err := read(t, buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument word/document.xml")}, part{"word/document.xml", string(u)}))
		require.NoError(t, err)
		require.Equal(t, []string{"十六位"}, dump(doc))
	})
}
