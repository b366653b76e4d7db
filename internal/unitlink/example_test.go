package unitlink_test

import (
	"fmt"

	"github.com/hotline12345/bulletin/internal/unitlink"
)

// Three months of one county's bulletins print one office three ways.
func ExampleLinks() {
	names := []string{"县住建局", "住建局", "县住房和城乡建设局", "城关镇"}
	for _, l := range unitlink.Links("示例县政务服务和大数据管理局", names, nil) {
		fmt.Printf("%s → %s (%s)\n", l.Name, l.Unit, l.Rule)
	}
	// Output:
	// 住建局 → 住房和城乡建设局 (abbreviation)
	// 县住建局 → 住房和城乡建设局 (prefix+abbreviation)
	// 县住房和城乡建设局 → 住房和城乡建设局 (prefix)
	// 城关镇 → 城关镇 (same)
}
