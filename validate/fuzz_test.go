package validate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/hotline12345/bulletin/model"
)

// FuzzCheck feeds Check bulletins decoded from arbitrary JSON, seeded with
// the hand-made cases and the seed's golden file: Check must not panic,
// whatever a program builds, and its report must marshal.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	seeds = append(seeds, "../testdata/yanshi-2023-03.golden.json")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var b model.Bulletin
		if json.Unmarshal(data, &b) != nil {
			return
		}
		fillValues(&b)
		rep := Check(&b)
		if _, err := json.Marshal(rep); err != nil {
			t.Fatal(err)
		}
		s := rep.Summary
		if s.Checked != s.Consistent+s.Deviating+s.Inconsistent || s.Values != s.Checked+s.Untestable {
			t.Fatalf("summary does not add up: %+v", s)
		}
	})
}
