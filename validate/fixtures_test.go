package validate

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
)

// Hand-made cases live in testdata/validate: a bulletin, either as text
// (read with the extractor, as `bulletin check` would) or as the JSON of a
// model.Bulletin, and beside it <case>.want.json, the findings it must
// give. A wanted finding lists only the fields it cares about; every
// finding must be wanted and every wanted finding found. The special field
// "has_hint" says whether a hint must be given.
const fixtureDir = "../testdata/validate"

func TestFixtures(t *testing.T) {
	wants, err := filepath.Glob(filepath.Join(fixtureDir, "*.want.json"))
	require.NoError(t, err)
	require.NotEmpty(t, wants)
	for _, wantPath := range wants {
		name := strings.TrimSuffix(filepath.Base(wantPath), ".want.json")
		t.Run(name, func(t *testing.T) {
			b := loadFixture(t, name)
			rep := Check(b)
			var want []map[string]any
			data, err := os.ReadFile(wantPath)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(data, &want), wantPath)
			matchFindings(t, want, rep.Findings)
			// The report is JSON in the shape the package documents.
			_, err = json.Marshal(rep)
			require.NoError(t, err)
		})
	}
}

// loadFixture reads <name>.txt with the extractor or <name>.json as a
// model.Bulletin whose cells may give only their text.
func loadFixture(t *testing.T, name string) *model.Bulletin {
	t.Helper()
	base := filepath.Join(fixtureDir, name)
	if _, err := os.Stat(base + ".txt"); err == nil {
		b, err := extract.ExtractFile(context.Background(), base+".txt")
		require.NoError(t, err)
		return b
	}
	data, err := os.ReadFile(base + ".json")
	require.NoError(t, err)
	var b model.Bulletin
	require.NoError(t, json.Unmarshal(data, &b), base+".json")
	fillValues(&b)
	return &b
}

// fillValues gives each cell written with its text only the value and
// decimals the extractor would have read from it: "87.50%" is 87.5 at two
// decimals; "—" and words have no value.
func fillValues(b *model.Bulletin) {
	for ti := range b.Tables {
		for ri := range b.Tables[ti].Rows {
			row := &b.Tables[ti].Rows[ri]
			for k, c := range row.Cells {
				if c.Value != nil {
					continue
				}
				s := strings.NewReplacer("%", "", "％", "", " ", "").Replace(c.Text)
				v, err := strconv.ParseFloat(s, 64)
				if err != nil {
					continue
				}
				c.Value = &v
				if i := strings.IndexByte(s, '.'); i >= 0 || strings.ContainsAny(c.Text, "%％") {
					d := 0
					if i >= 0 {
						d = len(s) - i - 1
					}
					c.Decimals = &d
				}
				row.Cells[k] = c
			}
		}
	}
}

// matchFindings pairs wanted and found findings one to one.
func matchFindings(t *testing.T, want []map[string]any, got []Finding) {
	t.Helper()
	gotMaps := make([]map[string]any, len(got))
	for i, f := range got {
		data, err := json.Marshal(f)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &gotMaps[i]))
		gotMaps[i]["has_hint"] = f.Hint != ""
	}
	used := make([]bool, len(got))
	var missing []map[string]any
	for _, w := range want {
		found := false
		for i, g := range gotMaps {
			if !used[i] && matches(w, g) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	var extra []string
	for i, f := range got {
		if !used[i] {
			extra = append(extra, string(f.Severity)+" "+f.Error()+" | published "+f.Published+" expected "+f.Expected+" | hint "+f.Hint)
		}
	}
	if len(missing) > 0 || len(extra) > 0 {
		var all []string
		for _, f := range got {
			all = append(all, string(f.Severity)+" "+f.Error())
		}
		t.Errorf("missing findings: %v\nunexpected findings:\n  %s\nall findings:\n  %s",
			missing, strings.Join(extra, "\n  "), strings.Join(all, "\n  "))
	}
}

func matches(want, got map[string]any) bool {
	for k, v := range want {
		if !reflect.DeepEqual(got[k], v) {
			return false
		}
	}
	return true
}
