package lazyregexp_test

import (
	"fmt"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
)

// A package-level pattern costs nothing until a run first uses it.
var monthDay = lazyregexp.New(`([0-9]{1,2})月([0-9]{1,2})日`)

func Example() {
	fmt.Println(monthDay.FindStringSubmatch("截至3月20日，共受理来电"))
	fmt.Println(monthDay.MatchString("第三季度"))
	// Output:
	// [3月20日 3 20]
	// false
}
