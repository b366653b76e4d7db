package vocab_test

import (
	"fmt"
	"regexp"

	"github.com/hotline12345/bulletin/internal/vocab"
)

// A pattern and its prefilter come from one list, so a word added to the
// list reaches both.
func ExampleList_Pattern() {
	lead := regexp.MustCompile(vocab.CriticWords.Pattern() + `的单位(?:是|有)`)
	for _, s := range []string{"本月有待改进提高的单位是甲局、乙镇。", "本月共受理诉求300件。"} {
		if !vocab.CriticWords.In(s) {
			fmt.Println("no lead, pattern not run")
			continue
		}
		fmt.Println(lead.FindString(s))
	}
	// Output:
	// 有待改进提高的单位是
	// no lead, pattern not run
}

// The unit matcher the interpreter and the checker share.
func ExampleSameUnit() {
	fmt.Println(vocab.SameUnit("偃师区烟草局", "烟草局"), vocab.SameUnit("本区烟草局", "烟草局"), vocab.SameUnit("交通公安局", "公安局"))
	// Output: true true false
}

func ExampleParseCN() {
	n, _ := vocab.ParseCN("二〇二四")
	m, _ := vocab.ParseCN("一千二百零五")
	fmt.Println(n, m)
	// Output: 2024 1205
}

// The channel a table title or a prose label names, as the interpreter
// and the checker both read it.
func ExampleChannel() {
	for _, s := range []string{"网民诉求事项办理情况", "群众来信办理情况", "电话和网络诉求", "12345政务服务便民热线群众诉求事项办理情况"} {
		fmt.Printf("%q\n", vocab.Channel(s))
	}
	// Output:
	// "online"
	// "mail"
	// "all"
	// ""
}
