package html_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/html"
)

// Reading a page as a CMS serves it: the site's navigation and footer are
// left out, the line under the heading becomes fields, and a Word run
// split inside a number is one number.
func ExampleReadPage() {
	page := `<html><head><meta charset="utf-8"><title>通报</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<h1>某区4月份热线诉求办理情况</h1>
<div class="info"><span>发布时间：2024-05-08</span><span>来源：某区热线办</span></div>
<div class="content">
<p class=MsoNormal>4月份，全区共受理群众诉求<span>1</span><span>234</span>件，按时办结率<span>98.</span><span>6%</span>。</p>
<table border=1><tr><td>单位</td><td>办理数</td></tr><tr><td>区城管局</td><td>37</td></tr></table>
</div>
<div class="footer">主办单位：某区人民政府办公室 网站标识码：1234567890 京ICP备00000000号</div>
</body></html>`
	p, err := html.ReadPage(context.Background(), strings.NewReader(page), int64(len(page)), html.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, blk := range p.Document.Blocks {
		switch b := blk.(type) {
		case *block.Paragraph:
			fmt.Printf("paragraph at line %d: %s\n", b.Pos.Line, b.Text)
		case *block.Fields:
			for _, f := range b.Fields {
				fmt.Printf("field %s: %s\n", f.Label, f.Value)
			}
		case *block.Table:
			fmt.Printf("table at %s: %d rows\n", b.Pos.Path, len(b.Rows))
		}
	}
	// Output:
	// paragraph at line 3: 某区4月份热线诉求办理情况
	// field 发布时间: 2024-05-08
	// field 来源: 某区热线办
	// paragraph at line 6: 4月份，全区共受理群众诉求1234件，按时办结率98.6%。
	// table at /html/body/div[3]/table[1]: 2 rows
}
