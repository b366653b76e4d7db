package vocab

// The words of a bulletin's masthead, title and signature.

// The words of a bulletin's number: 2023年第5期, 城政数〔2024〕3号.
const (
	// IssueWord ends the number of an issue of a periodical: 第5期,
	// 总第74期.
	IssueWord = "期"
	// DocumentNumberWord ends the number of a document: 〔2024〕3号.
	DocumentNumberWord = "号"
	// HotlineNumber is the hotline's number, which names it in titles and
	// offices: 12345热线.
	HotlineNumber = "12345"
)

var (
	// TitleWords end the last line of a title: …办理情况通报, …运行情况.
	TitleWords = newList("title words", "通报", "情况", "简报", "报告", "公告", "通告", "周报", "月报", "季报", "年报",
		"专报", "快报", "分析", "统计", "排名", "排行", "汇总", "通讯", "动态")
	// PeriodicalWords end the name of a periodical (…工作简报, …周报):
	// the line under it (（2024年第45周）, 2023年第5期) is its issue, not
	// part of its title.
	PeriodicalWords = newList("periodical words", "简报", "周报", "月报", "季报", "年报", "专报", "快报", "通讯", "动态")
	// StrongTitleWords make a title proper, preferred over a publication's
	// name (…工作简报) printed above it.
	StrongTitleWords = newList("strong title words", "通报", "情况")
	// OfficeWords end the name of an issuing body: …管理局, …热线办,
	// …服务中心, …工作专班, …督查科.
	OfficeWords = newList("office words", "管理局", "服务局", "局", "委员会", "委", "办公室", "办", "中心", "政府",
		"指挥部", "领导小组", "热线", "大厅", "管委会", "专班", "小组", "工作组", "处", "科", "站", "厅", "部")
	// DateLabels may stand beside a date on its line: 印发日期：….
	DateLabels = newList("date labels", "印发日期", "发布日期", "成文日期", "发文日期", "日期", "印发", "发布", ":")
	// IssueNumberWords end an issue or document number: 第5期, 〔2024〕3号.
	IssueNumberWords = newList("issue number words", IssueWord, DocumentNumberWord)
	// SubjectLeads open the subject of a 公文's title after its issuer:
	// 某区12345热线办关于3月份诉求办理情况的通报.
	SubjectLeads = newList("subject leads", "关于")
	// SendingWords open the lines at the foot of a 公文 that name who
	// receives copies: 抄送：….
	SendingWords = newList("sending words", "抄送", "抄报", "主送", "分送")
)
