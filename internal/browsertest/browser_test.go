package browsertest

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "rewrite docs/report.png and docs/report-prose.png, the README's screenshots")

const repoRoot = "../.."

// browserNames are the names Chromium goes by on PATH.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

func findBrowser() (string, error) {
	if p := os.Getenv("BULLETIN_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("none of %v is on PATH (install Debian's chromium: apt-get install -y chromium, as .ci/run does; or set BULLETIN_CHROMIUM)", browserNames)
}

// newBrowser starts headless Chromium in a fresh profile, with the flags
// that keep it off the network, and fails the test when it cannot.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path, err := findBrowser()
	if err != nil {
		t.Fatalf("no browser: %v", err)
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // as root, in a container
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 900),
	)
	t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("cannot start the browser %s: %v", path, err)
	}
	// A bound on the whole test, so a hung browser fails it instead of
	// hanging the suite.
	ctx, cancelAll := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelAll)
	return ctx
}

// cellRef names a table body cell: table index, row index, column key.
type cellRef struct {
	Table, Row int
	Key        string
}

func (c cellRef) String() string { return fmt.Sprintf("%d/%d/%s", c.Table, c.Row, c.Key) }

// wantMarked gives, for every finding about a table row, the cell it must
// mark (the row's unit when the finding names no column of the table) and
// the symbol of the worst severity among the findings of that cell.
func wantMarked(b *model.Bulletin, r validate.Report) map[string]string {
	worst := map[string]validate.Severity{}
	rank := map[validate.Severity]int{validate.Error: 0, validate.Warning: 1, validate.Info: 2}
	for _, f := range r.Findings {
		if f.Figure != nil || f.Mention != nil || f.Table < 0 || f.Table >= len(b.Tables) || f.Row < 0 || f.Row >= len(b.Tables[f.Table].Rows) {
			continue
		}
		key := string(f.Column)
		t := &b.Tables[f.Table]
		if _, inRow := t.Rows[f.Row].Cells[f.Column]; key == "" || (!t.Has(f.Column) && !inRow) {
			key = string(model.Unit)
		}
		ref := cellRef{f.Table, f.Row, key}.String()
		if s, ok := worst[ref]; !ok || rank[f.Severity] < rank[s] {
			worst[ref] = f.Severity
		}
	}
	return symbolsOf(worst)
}

// symbolsOf gives each place the symbol the page draws for its worst
// severity.
func symbolsOf(worst map[string]validate.Severity) map[string]string {
	symbols := map[validate.Severity]string{validate.Error: "✖", validate.Warning: "▲", validate.Info: "ℹ"}
	out := map[string]string{}
	for ref, s := range worst {
		out[ref] = symbols[s]
	}
	return out
}

// markedJS lists the body cells the page draws marked, found by how they
// look, not by class: a cell whose background is not transparent, with the
// symbol it shows. Columns are told by the <col> of their position.
const markedJS = `(() => {
	const out = {};
	for (const tbl of document.querySelectorAll('table[data-table]')) {
		const keys = Array.from(tbl.querySelectorAll('colgroup col')).map(c => c.dataset.key);
		Array.from(tbl.tBodies[0].rows).forEach((tr, r) => {
			Array.from(tr.cells).forEach((cell, i) => {
				const bg = getComputedStyle(cell).backgroundColor;
				if (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') return;
				const sym = cell.querySelector('.sym');
				out[tbl.dataset.table + '/' + r + '/' + keys[i]] = sym && getComputedStyle(sym).display !== 'none' ? sym.textContent : '';
			});
		});
	}
	return out;
})()`

// cellJS is an expression for a body cell.
func cellJS(ref cellRef) string {
	return fmt.Sprintf(`(() => {
		const tbl = document.querySelector('table[data-table="%d"]');
		const col = Array.from(tbl.querySelectorAll('colgroup col')).findIndex(c => c.dataset.key === %q);
		return tbl.tBodies[0].rows[%d].cells[col];
	})()`, ref.Table, ref.Key, ref.Row)
}

// tipState says whether the tip of a cell shows, and its text.
type tipState struct {
	Shown bool
	Text  string
}

func tipOf(ctx context.Context, t *testing.T, ref cellRef) tipState {
	t.Helper()
	return tipIn(ctx, t, cellJS(ref))
}

// tipIn says whether the tip of the marked element elem (a JavaScript
// expression) shows, and its text.
func tipIn(ctx context.Context, t *testing.T, elem string) tipState {
	t.Helper()
	st, err := chromedp.Run(ctx, chromedp.Evaluate[tipState](fmt.Sprintf(`(() => {
		const tip = %s.querySelector('.tip');
		const r = tip.getBoundingClientRect();
		return {Shown: getComputedStyle(tip).display !== 'none' && r.width > 0 && r.height > 0, Text: tip.innerText};
	})()`, elem)))
	require.NoError(t, err)
	return st
}

// hover scrolls a cell to the middle of the window and moves the mouse
// over it, as a person would.
func hover(ctx context.Context, t *testing.T, ref cellRef) {
	t.Helper()
	hoverOver(ctx, t, cellJS(ref))
}

// hoverOver scrolls the element elem (a JavaScript expression) to the
// middle of the window and moves the mouse over its first line.
func hoverOver(ctx context.Context, t *testing.T, elem string) {
	t.Helper()
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
		const c = %s;
		c.scrollIntoView({block: 'center'});
		const r = c.getClientRects()[0];
		return [r.x + Math.min(r.width / 2, 8), r.y + r.height / 2];
	})()`, elem)))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, xy[0], xy[1])))
}

func parseRef(t *testing.T, s string) cellRef {
	var ref cellRef
	parts := strings.SplitN(s, "/", 3)
	require.Len(t, parts, 3)
	_, err := fmt.Sscan(parts[0], &ref.Table)
	require.NoError(t, err)
	_, err = fmt.Sscan(parts[1], &ref.Row)
	require.NoError(t, err)
	ref.Key = parts[2]
	return ref
}

// checkMarks checks that the page shows exactly the cells of the findings
// marked, each with the symbol of its worst severity.
func checkMarks(ctx context.Context, t *testing.T, b *model.Bulletin, rep validate.Report) map[string]string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](markedJS))
	require.NoError(t, err)
	want := wantMarked(b, rep)
	assert.Equal(t, want, got, "exactly the cells of the findings are marked, each with its symbol")
	return want
}

// wantProseMarked gives, for every finding about a figure, the figure's
// index and the symbol of the worst severity among its findings.
func wantProseMarked(b *model.Bulletin, r validate.Report) map[string]string {
	worst := map[string]validate.Severity{}
	rank := map[validate.Severity]int{validate.Error: 0, validate.Warning: 1, validate.Info: 2}
	for _, f := range r.Findings {
		if f.Figure == nil || *f.Figure < 0 || *f.Figure >= len(b.Figures) {
			continue
		}
		ref := fmt.Sprint(*f.Figure)
		if s, ok := worst[ref]; !ok || rank[f.Severity] < rank[s] {
			worst[ref] = f.Severity
		}
	}
	return symbolsOf(worst)
}

// proseJS reads the prose as the page shows it: each paragraph's text
// without what marks it (symbols, finding numbers, tips, positions), and
// the figures drawn marked inside the paragraphs, found by how they look
// (a background), with the symbol each shows.
const proseJS = `(() => {
	const paras = Array.from(document.querySelectorAll('.prose .text p.para[data-paragraph]'));
	const text = paras.map(p => {
		const c = p.cloneNode(true);
		c.querySelectorAll('.tip, .sym, .vh, .refs, .pos').forEach(e => e.remove());
		return c.textContent;
	});
	const marked = {};
	for (const p of paras) {
		for (const f of p.querySelectorAll('[data-figure]')) {
			const bg = getComputedStyle(f).backgroundColor;
			if (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') continue;
			const sym = f.querySelector('.sym');
			marked[f.dataset.figure] = sym && getComputedStyle(sym).display !== 'none' ? sym.textContent : '';
		}
	}
	return {Text: text, Marked: marked};
})()`

type proseState struct {
	Text   []string
	Marked map[string]string
}

// figureJS is an expression for the element of figure i in the text.
func figureJS(i string) string {
	return fmt.Sprintf(`document.querySelector('.prose .text [data-figure="%s"]')`, i)
}

// checkProse checks that the page shows every paragraph in full, as
// printed, and marks in it exactly the figures of the findings, each with
// the symbol of its worst severity; each marked figure shows its
// findings' published and expected values on hover. It returns the marked
// figures.
func checkProse(ctx context.Context, t *testing.T, b *model.Bulletin, rep validate.Report) map[string]string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[proseState](proseJS))
	require.NoError(t, err)
	want := []string{}
	for _, p := range b.Paragraphs {
		want = append(want, p.Text)
	}
	if got.Text == nil {
		got.Text = []string{}
	}
	assert.Equal(t, want, got.Text, "every paragraph is shown in full")
	marks := wantProseMarked(b, rep)
	if got.Marked == nil {
		got.Marked = map[string]string{}
	}
	assert.Equal(t, marks, got.Marked, "exactly the figures of the findings are marked in the text, each with its symbol")
	refs := make([]string, 0, len(marks))
	for ref := range marks {
		refs = append(refs, ref)
	}
	slices.Sort(refs)
	for _, ref := range refs {
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, 1, 1)))
		assert.False(t, tipIn(ctx, t, figureJS(ref)).Shown, "figure %s: no tip before hovering", ref)
		hoverOver(ctx, t, figureJS(ref))
		tip := tipIn(ctx, t, figureJS(ref))
		assert.True(t, tip.Shown, "figure %s: hovering shows the tip", ref)
		for _, f := range rep.Findings {
			if f.Figure != nil && fmt.Sprint(*f.Figure) == ref {
				assert.Contains(t, tip.Text, f.Message, "figure %s", ref)
				if f.Published != "" {
					assert.Contains(t, tip.Text, "published "+f.Published, "figure %s", ref)
				}
				if f.Expected != "" {
					assert.Contains(t, tip.Text, "expected "+f.Expected, "figure %s", ref)
				}
			}
		}
	}
	return marks
}

// tabTo presses Tab from the top of the page until an element matching
// selector has the focus, and returns the value of attr (a data-
// attribute, or the cell reference for a table cell); "" when none is
// reached.
func tabTo(ctx context.Context, t *testing.T, selector string) string {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, 1, 1)))
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement && document.activeElement.blur(), window.scrollTo(0, 0), true`))
	require.NoError(t, err)
	for range 400 {
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("\t")))
		ref, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => {
			const c = document.activeElement;
			if (!c || !c.matches(%q)) return '';
			if (c.dataset.figure !== undefined) return c.dataset.figure;
			const tbl = c.closest('table');
			const key = tbl.querySelectorAll('colgroup col')[c.cellIndex].dataset.key;
			return tbl.dataset.table + '/' + c.parentElement.sectionRowIndex + '/' + key;
		})()`, selector)))
		require.NoError(t, err)
		if ref != "" {
			return ref
		}
	}
	return ""
}

func TestReportInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	for _, name := range []string{"validate/rate_mismatch.txt", "validate/totals.txt", "validate/closed.txt", "validate/visited.txt", "validate/narrative.txt", "yanshi-2023-03.txt"} {
		t.Run(name, func(t *testing.T) {
			b, err := extract.ExtractFile(context.Background(), filepath.Join(repoRoot, "testdata", name))
			require.NoError(t, err)
			rep := validate.Check(b)
			page := filepath.Join(dir, strings.ReplaceAll(name, "/", "-")+".html")
			var buf bytes.Buffer
			require.NoError(t, validate.HTML(&buf, b, rep))
			require.NoError(t, os.WriteFile(page, buf.Bytes(), 0o644))
			require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900), chromedp.Navigate("file://"+page)))

			want := checkMarks(ctx, t, b, rep)
			require.NotEmpty(t, len(want)+len(wantProseMarked(b, rep)), "the fixture has findings in its tables or its prose")

			// Each marked cell shows its findings' published and expected
			// values on hover, and hides them when the mouse leaves.
			refs := make([]string, 0, len(want))
			for ref := range want {
				refs = append(refs, ref)
			}
			slices.Sort(refs)
			for _, s := range refs {
				ref := parseRef(t, s)
				require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, 1, 1)))
				assert.False(t, tipOf(ctx, t, ref).Shown, "%s: no tip before hovering", ref)
				hover(ctx, t, ref)
				tip := tipOf(ctx, t, ref)
				assert.True(t, tip.Shown, "%s: hovering shows the tip", ref)
				for _, f := range rep.Findings {
					if f.Table == ref.Table && f.Row == ref.Row && (string(f.Column) == ref.Key || ref.Key == "unit") {
						assert.Contains(t, tip.Text, f.Message, "%s", ref)
						if f.Expected != "" {
							assert.Contains(t, tip.Text, "expected "+f.Expected, "%s", ref)
						}
					}
				}
			}

			// The keyboard reaches the marked cells, and focus shows the tip.
			if len(want) > 0 {
				focused := tabTo(ctx, t, "tbody td.mk, tbody th.mk")
				require.NotEmpty(t, focused, "Tab reaches a marked cell")
				assert.Contains(t, want, focused)
				assert.True(t, tipOf(ctx, t, parseRef(t, focused)).Shown, "%s: keyboard focus shows the tip", focused)
			}

			// The prose: every paragraph in full, the figures of the
			// findings marked in place, hover and keyboard as for cells.
			marked := checkProse(ctx, t, b, rep)
			if len(marked) == 0 {
				return
			}
			focused := tabTo(ctx, t, ".prose .text .fig.mk")
			require.NotEmpty(t, focused, "Tab reaches a marked figure")
			assert.Contains(t, marked, focused)
			assert.True(t, tipIn(ctx, t, figureJS(focused)).Shown, "figure %s: keyboard focus shows the tip", focused)
		})
	}

	t.Run("screenshot", func(t *testing.T) {
		b, err := extract.ExtractFile(context.Background(), filepath.Join(repoRoot, "testdata/validate/rate_mismatch.txt"))
		require.NoError(t, err)
		page := filepath.Join(dir, "screenshot.html")
		var buf bytes.Buffer
		require.NoError(t, validate.HTML(&buf, b, validate.Check(b)))
		require.NoError(t, os.WriteFile(page, buf.Bytes(), 0o644))
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 860), chromedp.Navigate("file://"+page),
			chromedp.MouseEvent(chromedp.MouseMoved, 1, 1)))
		// Hover 戊局's 满意率, whose tip has a hint, with the page at the top.
		ref := cellRef{0, 4, string(model.SatisfactionRate)}
		xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
			window.scrollTo(0, 0);
			const r = %s.getBoundingClientRect();
			return [r.x + r.width / 2, r.y + r.height / 2];
		})()`, cellJS(ref))))
		require.NoError(t, err)
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, xy[0], xy[1])))
		require.True(t, tipOf(ctx, t, ref).Shown)
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		savePNG(t, filepath.Join(t.TempDir(), "report.png"), shot, 1000, 860)
		if *updateScreenshot {
			require.NoError(t, os.MkdirAll(filepath.Join(repoRoot, "docs"), 0o755))
			savePNG(t, filepath.Join(repoRoot, "docs", "report.png"), shot, 1000, 860)
		}
	})

	t.Run("screenshot of the prose", func(t *testing.T) {
		b, err := extract.ExtractFile(context.Background(), filepath.Join(repoRoot, "testdata/validate/narrative.txt"))
		require.NoError(t, err)
		rep := validate.Check(b)
		page := filepath.Join(dir, "screenshot-prose.html")
		var buf bytes.Buffer
		require.NoError(t, validate.HTML(&buf, b, rep))
		require.NoError(t, os.WriteFile(page, buf.Bytes(), 0o644))
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 520), chromedp.Navigate("file://"+page),
			chromedp.MouseEvent(chromedp.MouseMoved, 1, 1)))
		// Hover the prose's misprinted rate, whose tip has a hint, with the
		// prose at the top of the window.
		fig := -1
		for _, f := range rep.Findings {
			if f.Rule == validate.RateMismatch && f.Figure != nil {
				fig = *f.Figure
			}
		}
		require.GreaterOrEqual(t, fig, 0, "the fixture's prose has a rate error")
		elem := figureJS(fmt.Sprint(fig))
		xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
			window.scrollTo(0, document.querySelector('section.prose').offsetTop - 8);
			const r = %s.getClientRects()[0];
			return [r.x + Math.min(r.width / 2, 8), r.y + r.height / 2];
		})()`, elem)))
		require.NoError(t, err)
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, xy[0], xy[1])))
		require.True(t, tipIn(ctx, t, elem).Shown)
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		savePNG(t, filepath.Join(t.TempDir(), "report-prose.png"), shot, 1000, 520)
		if *updateScreenshot {
			savePNG(t, filepath.Join(repoRoot, "docs", "report-prose.png"), shot, 1000, 520)
		}
	})
}

// savePNG writes a screenshot after checking it is a PNG of the window's
// size.
func savePNG(t *testing.T, path string, data []byte, width, height int) {
	t.Helper()
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, width, cfg.Width)
	assert.Equal(t, height, cfg.Height)
	require.NoError(t, os.WriteFile(path, data, 0o644))
	t.Logf("screenshot: %s", path)
}

// startServe builds the bulletin command and runs `bulletin serve` on a
// free loopback port; it returns the page's address.
func startServe(t *testing.T) string {
	t.Helper()
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		goTool = "go"
	}
	bin := filepath.Join(t.TempDir(), "bulletin")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/bulletin")
	build.Dir = repoRoot
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			line <- sc.Text()
		}
		close(line)
		for sc.Scan() {
		}
	}()
	select {
	case l := <-line:
		// "bulletin serve: open http://127.0.0.1:PORT/ in a browser; …"
		i := strings.Index(l, "http://")
		require.GreaterOrEqual(t, i, 0, "serve printed %q", l)
		return strings.TrimSuffix(strings.Fields(l[i:])[0], "/")
	case <-time.After(time.Minute):
		t.Fatal("bulletin serve printed no address")
	}
	return ""
}

func TestServeInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	url := startServe(t)
	for _, name := range []string{"docx/yanshi-2023-03.libreoffice.docx", "pdf/seed-libreoffice.pdf"} {
		t.Run(filepath.Ext(name), func(t *testing.T) {
			path, err := filepath.Abs(filepath.Join(repoRoot, "testdata", name))
			require.NoError(t, err)
			b, err := extract.ExtractFile(context.Background(), path)
			require.NoError(t, err)
			rep := validate.Check(b)

			require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900),
				chromedp.Navigate(url+"/"),
				chromedp.WaitVisible(chromedp.CSS(`#file`)),
				chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{path}),
				chromedp.Click(chromedp.CSS(`button[value="html"]`)),
				chromedp.WaitVisible(chromedp.CSS(`article.report`)),
			))
			h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`h1`)))
			require.NoError(t, err)
			assert.Equal(t, b.Title, h1)
			want := checkMarks(ctx, t, b, rep)
			assert.NotEmpty(t, want)
			downloads, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
				`Array.from(document.querySelectorAll('nav.bar a[download]')).map(a => a.getAttribute('download') + ' ' + a.href.split(',')[0])`))
			require.NoError(t, err)
			base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
			assert.Equal(t, []string{base + ".csv data:text/csv;charset=utf-8;base64", base + ".json data:application/json;base64"}, downloads)

			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			require.NoError(t, err)
			savePNG(t, filepath.Join(t.TempDir(), "serve"+filepath.Ext(name)+".png"), shot, 1000, 900)

			// The CSV link downloads the records, with a BOM.
			downloadDir := t.TempDir()
			events := true
			_, err = chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloadDir, EventsEnabled: &events})
			require.NoError(t, err)
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.bar a[download$=".csv"]`))))
			csvPath := filepath.Join(downloadDir, base+".csv")
			var data []byte
			for range 100 { // the download is written in the background
				if data, err = os.ReadFile(csvPath); err == nil && len(data) > 0 {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			require.NoError(t, err, "the CSV was downloaded")
			assert.True(t, strings.HasPrefix(string(data), "\ufefffile,issuer,period_start,period_end,period_label,table,table_label,table_title,channel,row,unit,total,grp,key,header,text,value,decimals\n"))
			assert.Equal(t, 1+99*7, strings.Count(string(data), "\n"), "a line per cell of the 99 unit rows")
		})
	}
	t.Run("not a bulletin", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "letter.txt")
		require.NoError(t, os.WriteFile(path, []byte("Dear reader,\nnothing here.\n"), 0o644))
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Navigate(url+"/"),
			chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{path}),
			chromedp.Click(chromedp.CSS(`button[value="html"]`)),
			chromedp.WaitVisible(chromedp.CSS(`p.error`)),
		))
		msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`p.error`)))
		require.NoError(t, err)
		assert.Contains(t, msg, "No tables or figures were found in letter.txt")
	})
}
