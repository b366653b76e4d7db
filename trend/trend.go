// Package trend draws units' rates over time as inline SVG line charts, and
// collects them from bulletins: one chart per unit, one line per rate
// column, one point per period.
//
// The charts are plain SVG made with html/template (so names taken from
// documents are escaped), meant to sit inside an HTML page: they need no
// script, no font file and no network. Colour is never the only signal:
// every line also has its own marker shape and dash pattern, every point a
// tooltip with its printed value, and the legend names each line.
package trend

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hotline12345/bulletin/model"
)

// Point is one value of a series: the period it is for and the rate.
type Point struct {
	Period model.Period
	// Value is the rate in percent; Text the value as printed.
	Value float64
	Text  string
}

// Series is one line of a chart, such as a unit's 按时办结率 in 附件1.
type Series struct {
	Name   string
	Points []Point
}

// Chart is a set of series over the same periods.
type Chart struct {
	Title  string
	Series []Series
}

// Periods lists the distinct period starts of the chart's points, in
// order: the categories of its x axis.
func (c Chart) Periods() []model.Date {
	var out []model.Date
	for _, s := range c.Series {
		for _, p := range s.Points {
			out = append(out, p.Period.Start)
		}
	}
	slices.SortFunc(out, compareDates)
	return slices.Compact(out)
}

func compareDates(a, b model.Date) int {
	return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Month, b.Month), cmp.Compare(a.Day, b.Day))
}

// periodLabel names a period on the axis: "2023-03" for a month, else its
// first day.
func periodLabel(d model.Date) string {
	if d.Day == 1 {
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return d.String()
}

// The chart's geometry, in SVG user units.
const (
	width      = 640
	plotLeft   = 52
	plotRight  = width - 16
	plotTop    = 34
	plotBottom = 214
	legendTop  = 252
	legendLine = 20
)

// Each series has a colour, a dash pattern and a marker shape.
var (
	palette = []string{"#0b4f9c", "#b3261e", "#1e6b2f", "#7a4d00", "#6a1b9a", "#00695c", "#4e342e", "#37474f"}
	dashes  = []string{"", "6 3", "2 3", "8 3 2 3", "12 4", "4 4", "1 2", "10 2 2 2"}
	shapes  = []string{"circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus", "bar"}
)

type svgView struct {
	Title, Desc           string
	Width, Height         int
	Left, Right, Top, Bot int
	// Where the axis labels and the legend's parts go.
	YLabelX, XLabelY, LegendEnd, LegendTextX int
	Grid                                     []svgTick
	XTicks                                   []svgTick
	Lines                                    []svgLine
	Legend                                   []svgLegend
}

type svgTick struct {
	Pos, LabelPos float64
	Label         string
}

type svgLine struct {
	Color, Dash string
	Paths       []string // polylines: a period a series lacks breaks its line
	Marks       []svgMark
}

type svgMark struct {
	Path  string // the marker's outline, centred on the point
	Title string
}

type svgLegend struct {
	Y, TextY   float64
	Color      string
	Dash       string
	Mark, Name string
}

// svgTemplate is parsed on first use: every run of the command would
// otherwise parse it at start, whether it draws a chart or not.
var svgTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("svg").Parse(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="{{.Title}}. {{.Desc}}" font-family="sans-serif" font-size="12">
<title>{{.Title}}</title>
<desc>{{.Desc}}</desc>
<text x="{{.Left}}" y="18" font-size="14" font-weight="bold" fill="#1b1b1b">{{.Title}}</text>
<g stroke="#d9d9d9" stroke-width="1">{{range .Grid}}<line x1="{{$.Left}}" x2="{{$.Right}}" y1="{{.Pos}}" y2="{{.Pos}}"/>{{end}}</g>
<g fill="#5d5d5d" text-anchor="end">{{range .Grid}}<text x="{{$.YLabelX}}" y="{{.LabelPos}}">{{.Label}}</text>{{end}}</g>
<g fill="#5d5d5d" text-anchor="middle">{{range .XTicks}}<text x="{{.Pos}}" y="{{$.XLabelY}}">{{.Label}}</text>{{end}}</g>
<line x1="{{.Left}}" x2="{{.Right}}" y1="{{.Bot}}" y2="{{.Bot}}" stroke="#1b1b1b"/>
{{range .Lines}}<g stroke="{{.Color}}" fill="none" stroke-width="2"{{if .Dash}} stroke-dasharray="{{.Dash}}"{{end}}>{{range .Paths}}<polyline points="{{.}}"/>{{end}}</g>
<g fill="{{.Color}}" stroke="{{.Color}}">{{range .Marks}}<path d="{{.Path}}"><title>{{.Title}}</title></path>{{end}}</g>
{{end}}{{range .Legend}}<g><line x1="{{$.Left}}" x2="{{$.LegendEnd}}" y1="{{.Y}}" y2="{{.Y}}" stroke="{{.Color}}" stroke-width="2"{{if .Dash}} stroke-dasharray="{{.Dash}}"{{end}}/><path d="{{.Mark}}" fill="{{.Color}}" stroke="{{.Color}}"/><text x="{{$.LegendTextX}}" y="{{.TextY}}" fill="#1b1b1b">{{.Name}}</text></g>
{{end}}</svg>`))
})

// SVG returns the chart as inline SVG: one line per series over the
// periods of all its points, a y axis in percent from a round value below
// the lowest rate to 100 (or above the highest), the printed value of
// every point in its tooltip, and a legend.
func (c Chart) SVG() (template.HTML, error) {
	v := c.layout()
	var buf bytes.Buffer
	if err := svgTemplate().Execute(&buf, v); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

func (c Chart) layout() svgView {
	periods := c.Periods()
	index := make(map[model.Date]int, len(periods))
	for i, p := range periods {
		index[p] = i
	}
	lo, hi := 100.0, 100.0
	n := 0
	for _, s := range c.Series {
		for _, p := range s.Points {
			if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
				continue
			}
			lo, hi = min(lo, p.Value), max(hi, p.Value)
			n++
		}
	}
	// A round value below the lowest rate, so no point sits on the axis.
	lo = max(0, math.Floor((lo-1)/10)*10)
	if hi > 100 {
		hi = math.Ceil(hi/10) * 10
	}
	if hi-lo < 10 {
		lo = max(0, hi-10)
	}
	step := 10.0
	for (hi-lo)/step > 6 {
		step *= 2
	}
	y := func(v float64) float64 {
		v = min(max(v, lo), hi)
		return round1(plotBottom - (v-lo)/(hi-lo)*(plotBottom-plotTop))
	}
	x := func(i int) float64 {
		return round1(plotLeft + (float64(i)+0.5)*(plotRight-plotLeft)/float64(max(len(periods), 1)))
	}
	v := svgView{Title: c.Title, Width: width, Left: plotLeft, Right: plotRight, Top: plotTop, Bot: plotBottom,
		YLabelX: plotLeft - 6, XLabelY: plotBottom + 18, LegendEnd: plotLeft + 28, LegendTextX: plotLeft + 36}
	v.Height = legendTop + legendLine*len(c.Series)
	v.Desc = fmt.Sprintf("%d series over %d periods", len(c.Series), len(periods))
	if len(periods) > 0 {
		v.Desc += fmt.Sprintf(", %s to %s", periodLabel(periods[0]), periodLabel(periods[len(periods)-1]))
	}
	for g := lo; g <= hi+1e-9; g += step {
		v.Grid = append(v.Grid, svgTick{Pos: y(g), LabelPos: y(g) + 4, Label: strconv.FormatFloat(g, 'f', -1, 64) + "%"})
	}
	every := max(1, (len(periods)+11)/12) // at most 12 labels
	for i, p := range periods {
		if i%every == 0 {
			v.XTicks = append(v.XTicks, svgTick{Pos: x(i), Label: periodLabel(p)})
		}
	}
	for si, s := range c.Series {
		pts := slices.Clone(s.Points)
		slices.SortStableFunc(pts, func(a, b Point) int { return compareDates(a.Period.Start, b.Period.Start) })
		line := svgLine{Color: palette[si%len(palette)], Dash: dashes[si%len(dashes)]}
		shape := shapes[si%len(shapes)]
		var path []string
		prev := -2
		for _, p := range pts {
			if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
				continue
			}
			i := index[p.Period.Start]
			if i != prev+1 && len(path) > 0 {
				line.Paths = append(line.Paths, strings.Join(path, " "))
				path = nil
			}
			prev = i
			px, py := x(i), y(p.Value)
			path = append(path, fmt.Sprintf("%g,%g", px, py))
			text := p.Text
			if text == "" {
				text = strconv.FormatFloat(p.Value, 'f', -1, 64) + "%"
			}
			line.Marks = append(line.Marks, svgMark{Path: marker(shape, px, py), Title: s.Name + " " + periodLabel(p.Period.Start) + ": " + text})
		}
		if len(path) > 0 {
			line.Paths = append(line.Paths, strings.Join(path, " "))
		}
		v.Lines = append(v.Lines, line)
		ly := float64(legendTop + legendLine*si - 8)
		v.Legend = append(v.Legend, svgLegend{Y: ly, TextY: ly + 4, Color: line.Color, Dash: line.Dash, Mark: marker(shape, plotLeft+14, ly), Name: s.Name})
	}
	return v
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// marker outlines a shape of about 8 units centred on (x, y).
func marker(shape string, x, y float64) string {
	p := func(pts ...float64) string {
		var b strings.Builder
		for i := 0; i+1 < len(pts); i += 2 {
			if i == 0 {
				b.WriteString("M")
			} else {
				b.WriteString(" L")
			}
			fmt.Fprintf(&b, "%g %g", round1(x+pts[i]), round1(y+pts[i+1]))
		}
		b.WriteString(" Z")
		return b.String()
	}
	switch shape {
	case "square":
		return p(-3.5, -3.5, 3.5, -3.5, 3.5, 3.5, -3.5, 3.5)
	case "triangle":
		return p(0, -4.5, 4.5, 3.5, -4.5, 3.5)
	case "triangle-down":
		return p(0, 4.5, 4.5, -3.5, -4.5, -3.5)
	case "diamond":
		return p(0, -5, 5, 0, 0, 5, -5, 0)
	case "cross":
		return p(-4, -2.5, -2.5, -4, 0, -1.5, 2.5, -4, 4, -2.5, 1.5, 0, 4, 2.5, 2.5, 4, 0, 1.5, -2.5, 4, -4, 2.5, -1.5, 0)
	case "plus":
		return p(-1.5, -4.5, 1.5, -4.5, 1.5, -1.5, 4.5, -1.5, 4.5, 1.5, 1.5, 1.5, 1.5, 4.5, -1.5, 4.5, -1.5, 1.5, -4.5, 1.5, -4.5, -1.5, -1.5, -1.5)
	case "bar":
		return p(-5, -1.5, 5, -1.5, 5, 1.5, -5, 1.5)
	}
	// circle, as an octagon: a path like the others
	return p(-1.7, -4, 1.7, -4, 4, -1.7, 4, 1.7, 1.7, 4, -1.7, 4, -4, 1.7, -4, -1.7)
}
