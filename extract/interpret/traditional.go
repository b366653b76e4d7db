package interpret

// traditionalPairs lists traditional characters, each followed by its
// simplified form: the characters of headers, unit names and the words of
// bulletins, so that a mirror site's traditional conversion (按時辦結率)
// matches the simplified dictionary. Hand-made; extend as needed.
const traditionalPairs = "" +
	"來来個个們们倫伦偉伟側侧傑杰備备傳传債债傷伤傾倾僅仅僱雇價价儀仪億亿償偿優优兒儿內内兩两冊册凍冻別别剛刚創创劃划劇剧劉刘動动務务勝胜勞劳勢势勵励勸劝匯汇區区協协" +
	"卻却厲厉參参叢丛吳吴員员問问啟启單单嚴严國国圍围園园圖图團团執执堅坚報报場场塊块壓压壞坏壩坝壯壮壽寿夠够夢梦奪夺奮奋婦妇孫孙學学實实寧宁審审寫写寬宽寶宝將将專专" +
	"對对導导屆届層层屬属島岛嶺岭帶带幣币幫帮幹干廠厂廢废廣广廳厅張张強强彈弹彙汇後后徑径從从復复徵征恆恒惡恶態态慣惯慶庆憂忧應应懷怀戰战戶户換换損损搶抢擁拥擇择擊击" +
	"擔担據据擬拟擴扩擾扰攔拦攝摄敗败數数斷断於于時时晉晋暢畅曆历書书會会東东條条楊杨業业極极構构槍枪樂乐樓楼標标樣样樹树橋桥機机橫横檔档檢检權权歐欧歡欢歷历歸归殘残" +
	"毀毁氣气決决減减測测準准溝沟滅灭滿满漁渔漢汉漲涨潔洁潛潜澤泽濕湿濟济灣湾災灾為为烏乌無无煙烟熱热燈灯燒烧營营爐炉爭争牆墙狀状獎奖獨独獲获現现環环瓊琼產产畝亩畫画" +
	"當当療疗發发盜盗盡尽監监盤盘眾众確确碼码礎础礦矿禮礼稅税稱称積积穩稳窮穷競竞筆笔節节範范築筑簡简簽签籌筹粵粤糧粮紀纪約约紅红納纳紙纸級级細细終终組组結结絡络給给" +
	"統统經经綜综綠绿維维網网緊紧線线編编練练縣县總总績绩織织繳缴繼继續续罰罚羅罗義义習习聖圣聞闻聯联聲声職职聽听肅肃腳脚臨临與与興兴舉举舊旧莊庄華华萬万葉叶蓋盖藍蓝" +
	"藝艺藥药蘇苏蘭兰處处號号蟲虫衆众術术衛卫衝冲補补裝装製制複复覆复見见規规視视親亲覺觉覽览觀观觸触訂订計计訊讯訓训記记訪访設设許许訴诉評评詞词試试話话詳详誌志認认" +
	"語语誠诚誤误說说調调請请論论謝谢證证識识譯译議议護护讀读變变讓让豐丰貝贝負负財财貢贡貧贫貨货販贩責责貴贵買买貸贷費费貼贴貿贸資资賓宾賞赏賠赔賣卖質质賴赖購购贊赞" +
	"贛赣趕赶趙赵跡迹踐践躍跃車车軌轨軍军軟软較较載载輔辅輕轻輛辆輪轮輸输轄辖轉转辦办辭辞農农這这連连週周進进遊游運运過过達达違违遠远適适遷迁選选遺遗遼辽還还邊边郵邮" +
	"鄉乡鄭郑鄰邻醫医釋释針针銀银銷销鋪铺鋼钢錄录錢钱錯错鍋锅鎖锁鎮镇鏈链鏡镜鐘钟鐵铁長长門门閉闭開开間间閘闸閣阁閩闽閱阅闊阔關关陝陕陣阵陰阴陳陈陸陆陽阳隊队階阶際际" +
	"隨随險险隱隐隴陇雙双雜杂雞鸡離离難难雲云電电靈灵靜静韓韩響响頁页項项順顺須须預预頓顿領领頭头頻频題题額额顏颜願愿類类顧顾顯显風风飛飞飯饭飲饮養养餘余館馆馬马駐驻" +
	"駕驾駛驶騎骑驗验驚惊體体髮发鬧闹魚鱼魯鲁鮮鲜鳥鸟鳳凤鳴鸣麥麦麼么黃黄點点黨党齊齐齡龄龍龙"

var traditional = func() map[rune]rune {
	rs := []rune(traditionalPairs)
	m := make(map[rune]rune, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
	}
	return m
}()

// toSimplified maps a traditional character to its simplified form.
func toSimplified(r rune) rune {
	if s, ok := traditional[r]; ok {
		return s
	}
	return r
}

// traditionalBits has a bit set for each traditional character of the
// table, so that text without any is told apart without a map lookup per
// character.
var traditionalBits = func() (bits [0x10000 / 64]uint64) {
	for r := range traditional {
		if r < 0x10000 {
			bits[r/64] |= 1 << (r % 64)
		}
	}
	return bits
}()

func isTraditional(r rune) bool {
	return r >= 0x4E00 && r < 0x10000 && traditionalBits[r/64]&(1<<(r%64)) != 0
}
