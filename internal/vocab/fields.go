package vocab

// The labels of the fields a reader finds around a document: the 信息公开
// box of a government portal (索引号, 发布机构, 成文日期) and a web page's
// <meta> tags or the line under its heading (发布时间, 来源). Catalogue
// labels head the document's own entry and name its issuer and dates; page
// labels are the page's, whose 来源 may be the office that runs the site
// and whose 发布日期 the day the page went up. Labels are compared folded,
// without white space or colons, in lower case.

var (
	// CatalogueIssuerLabels name the body that issued the document.
	CatalogueIssuerLabels = newList("catalogue issuer labels", "发布机构", "发文机关", "发文单位", "发文机构", "成文机关",
		"发布单位", "制发机关", "发布部门")
	// PageIssuerLabels name where a page's text came from.
	PageIssuerLabels = newList("page issuer labels", "来源", "信息来源", "文章来源", "稿件来源", "内容来源", "contentsource")
	// CatalogueDateLabels name the day the document was signed or issued.
	CatalogueDateLabels = newList("catalogue date labels", "成文日期", "印发日期", "发文日期", "签发日期", "成文时间")
	// PageDateLabels name the day a page was published.
	PageDateLabels = newList("page date labels", "发布日期", "发布时间", "公开日期", "公开时间", "日期", "时间", "pubdate",
		"publishdate")
	// CatalogueTitleLabels name the document's title.
	CatalogueTitleLabels = newList("catalogue title labels", "名称", "标题", "文件名称", "信息名称")
	// PageTitleLabels name a page's title.
	PageTitleLabels = newList("page title labels", "articletitle")
	// CatalogueIssueNoLabels name the document's number: 文号.
	CatalogueIssueNoLabels = newList("catalogue issue number labels", "文号", "发文字号", "发文文号")
)
