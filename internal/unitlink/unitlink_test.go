package unitlink

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/internal/vocab"
)

func TestPrefixes(t *testing.T) {
	assert.ElementsMatch(t, []string{"洛阳市偃师区", "偃师区", "我区", "本区", "全区", "偃师", "区"}, Prefixes("洛阳市偃师区政务服务和大数据管理局"))
	assert.ElementsMatch(t, []string{"云岭县", "我县", "本县", "全县", "云岭", "县"}, Prefixes("云岭县12345热线办公室"))
	assert.Nil(t, Prefixes(""))
	assert.Nil(t, Prefixes("政务服务中心"))
}

func TestLinks(t *testing.T) {
	const issuer = "洛阳市偃师区政务服务和大数据管理局"
	tests := []struct {
		name  string
		names []string
		apart [][2]string
		want  map[string]string // name -> unit; missing names link to themselves
		rules map[string]string
	}{
		{name: "prefix and abbreviation",
			names: []string{"区住建局", "住建局", "区住房和城乡建设局"},
			want:  map[string]string{"区住建局": "住房和城乡建设局", "住建局": "住房和城乡建设局", "区住房和城乡建设局": "住房和城乡建设局"},
			rules: map[string]string{"区住建局": "prefix+abbreviation", "住建局": "abbreviation", "区住房和城乡建设局": "prefix"}},
		{name: "委 for 委员会",
			names: []string{"发改委", "偃师区发展和改革委员会", "卫健委", "卫生健康委员会"},
			want:  map[string]string{"发改委": "发展和改革委员会", "偃师区发展和改革委员会": "发展和改革委员会", "卫健委": "卫生健康委员会"}},
		{name: "a prefix alone renames nothing",
			names: []string{"区委办", "区烟草局"}},
		{name: "a higher level's office is another office",
			names: []string{"市城管局", "城管局"}},
		{name: "towns are not abbreviated",
			names: []string{"城关镇", "城关东镇"}},
		{name: "subdistrict office",
			names: []string{"首阳山街道办事处", "首阳山街道"},
			want:  map[string]string{"首阳山街道办事处": "首阳山街道"}},
		{name: "printed apart in one table",
			names: []string{"教育局", "教育体育局"},
			apart: [][2]string{{"教育局", "教育体育局"}}},
		{name: "renamed between bulletins",
			names: []string{"教育局", "教育体育局"},
			want:  map[string]string{"教育局": "教育体育局"}},
		{name: "ambiguous abbreviation",
			names: []string{"城管局", "城市管理局", "城乡规划管理局"}},
		{name: "same core printed apart",
			names: []string{"区烟草局", "烟草局"},
			apart: [][2]string{{"区烟草局", "烟草局"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			apart := func(a, b string) bool {
				for _, p := range tt.apart {
					if (p[0] == a && p[1] == b) || (p[0] == b && p[1] == a) {
						return true
					}
				}
				return false
			}
			links := Links(issuer, tt.names, apart)
			assert.Len(t, links, len(tt.names))
			for _, l := range links {
				want, ok := tt.want[l.Name]
				if !ok {
					want = l.Name
				}
				assert.Equal(t, want, l.Unit, l.Name)
				if want == l.Name {
					assert.Equal(t, Same, l.Rule, l.Name)
					assert.Empty(t, l.Evidence, l.Name)
				} else {
					assert.NotEmpty(t, l.Evidence, l.Name)
				}
				if r, ok := tt.rules[l.Name]; ok {
					assert.Equal(t, r, l.Rule, l.Name)
				}
			}
		})
	}
	for _, l := range Links(issuer, []string{"区住建局", "住房和城乡建设局"}, nil) {
		if l.Name == "区住建局" {
			assert.Equal(t, "区住建局 is 住建局 after the prefix 区; 住建局 abbreviates 住房和城乡建设局 (住·建·局)", l.Evidence)
		}
	}
}

func TestCandidates(t *testing.T) {
	p := Prefixes("偃师区政务服务和大数据管理局")
	assert.True(t, Candidates("区烟草局", "烟草局", p))
	assert.True(t, Candidates("住建局", "区住房和城乡建设局", p))
	assert.True(t, Candidates("首阳山街道办事处", "首阳山街道", p))
	assert.False(t, Candidates("烟草局", "公安局", p))
	assert.False(t, Candidates("城关镇", "城关东镇", p))
}

// FuzzLinks: any names give one link each, to a unit of the group that
// is one of the names or a name without its prefix or office word, and
// never panic.
func FuzzLinks(f *testing.F) {
	f.Add("洛阳市偃师区政务服务和大数据管理局", "区住建局", "住建局", "区住房和城乡建设局")
	f.Add("示例县", "发改委", "县发展和改革委员会", "首阳山街道办事处")
	f.Add("", "\xff\xfe局", "局", "区")
	f.Fuzz(func(t *testing.T, issuer, a, b, c string) {
		names := []string{a, b, c}
		links := Links(issuer, names, func(x, y string) bool { return len(x)+len(y) > 40 })
		seen := map[string]bool{}
		for _, l := range links {
			if seen[l.Name] {
				t.Fatalf("%q linked twice", l.Name)
			}
			seen[l.Name] = true
			if l.Unit == "" || (l.Rule == Same) != (l.Unit == l.Name) {
				t.Fatalf("bad link %+v", l)
			}
		}
	})
}

// BenchmarkLinks links 200 names of one issuer that all begin with the
// same character and end in 局: the worst case, every pair compared.
func BenchmarkLinks(b *testing.B) {
	var names []string
	for i := range 100 {
		names = append(names, fmt.Sprintf("第%d局", i), fmt.Sprintf("区第%d管理局", i))
	}
	b.ReportAllocs()
	for b.Loop() {
		Links("洛阳市偃师区政务服务和大数据管理局", names, nil)
	}
}

// Every kind of office of the vocabulary is kept by an abbreviation, and
// the abbreviation is linked to its full name.
func TestEveryOfficeKindAbbreviates(t *testing.T) {
	for _, k := range vocab.OfficeKinds.Words() {
		short, long := "甲丙"+k, "甲乙丙丁"+k
		links := Links("云岭县12345热线办公室", []string{short, long}, nil)
		for _, l := range links {
			assert.Equal(t, long, l.Unit, "%s: %s", k, l.Name)
		}
	}
}

// Every town office of the vocabulary is taken off a town's name.
func TestEveryTownOffice(t *testing.T) {
	for _, o := range vocab.TownOffices.Words() {
		town := map[string]string{"办事处": "首阳山街道", "人民政府": "城关镇"}[o]
		require.NotEmpty(t, town, "a town for %s", o)
		links := Links("云岭县12345热线办公室", []string{town + o, town}, nil)
		for _, l := range links {
			assert.Equal(t, town, l.Unit, l.Name)
		}
	}
}
