package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/width"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

// fileReport is the JSON of one checked file.
type fileReport struct {
	File string `json:"file"`
	validate.Report
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	format := fs.String("format", "text", "output format: text, json or html")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin check [-format text|json|html] FILE|URL...")
		fmt.Fprintln(stderr, "FILE is a bulletin (DOCX, PDF, text, web page) or the JSON of `bulletin extract`; URL a web page.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *format != "text" && *format != "json" && *format != "html" {
		fmt.Fprintf(stderr, "bulletin check: unknown format %q (want text, json or html)\n", *format)
		return exitFindings
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitFindings
	}
	code := exitOK
	var reports []fileReport
	var bulletins []*model.Bulletin
	var unread []unreadFile
	for _, path := range fs.Args() {
		b, err := readForCheck(ctx, path)
		if err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			code = exitUnreadable
			unread = append(unread, unreadFile{len(reports), path, err})
			continue
		}
		rep := validate.Check(b)
		if rep.HasErrors() && code == exitOK {
			code = exitFindings
		}
		name := b.Source.Name
		if name == "" {
			name = path
		}
		reports = append(reports, fileReport{File: name, Report: rep})
		bulletins = append(bulletins, b)
	}
	var err error
	if *format == "json" {
		err = writeReportsJSON(stdout, reports, fs.NArg() == 1)
	} else {
		// Titles, units and messages quote the documents: their control
		// characters are shown escaped, in the HTML report too, where
		// html/template escapes markup but lets them pass.
		out := terminalSafe(stdout)
		if *format == "html" {
			err = writeReportsHTML(out, reports, bulletins, unread, fs.NArg() == 1)
		} else {
			err = writeReportsText(out, reports, bulletins)
		}
		if err == nil {
			err = out.Flush()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "bulletin: writing output: %v\n", err)
		if code == exitOK {
			code = exitFindings
		}
	}
	return code
}

// readForCheck reads a bulletin file, or standard input for "-". A file
// whose content starts with "{" is the JSON of a model.Bulletin (as
// `bulletin extract -format json` prints it, perhaps edited or built by a
// program), read by extract.ReadJSON within the limits; anything else goes
// to the extractor.
func readForCheck(ctx context.Context, path string) (*model.Bulletin, error) {
	if extract.IsURL(path) {
		return extract.URL(ctx, path)
	}
	r, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	br := bufio.NewReaderSize(r, 64<<10)
	if isJSON(br) {
		b, err := extract.ReadJSON(ctx, br, extract.WithName(path))
		if err != nil {
			return nil, err
		}
		if b.Source.Name == "" {
			b.Source.Name = path
		}
		return b, nil
	}
	opts := []extract.Option{extract.WithName(baseName(path))}
	if path != "-" {
		opts = append(opts, extract.WithLocation(path)) // a saved page's attachments are next to it
	}
	return extract.ExtractReader(ctx, br, opts...)
}

// isJSON reports whether the buffered input starts, after a UTF-8 byte
// order mark (which it drops) and white space, with "{".
func isJSON(br *bufio.Reader) bool {
	const bom = "\xef\xbb\xbf"
	head, _ := br.Peek(br.Size())
	body, hasBOM := bytes.CutPrefix(head, []byte(bom))
	body = bytes.TrimLeft(body, " \t\r\n")
	if len(body) == 0 || body[0] != '{' {
		return false
	}
	if hasBOM {
		br.Discard(len(bom))
	}
	return true
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// writeReportsJSON prints one object for a single file, else an array.
func writeReportsJSON(w io.Writer, reps []fileReport, single bool) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if single {
		if len(reps) == 0 {
			return nil
		}
		return enc.Encode(reps[0])
	}
	if reps == nil {
		reps = []fileReport{}
	}
	return enc.Encode(reps)
}

// writeReportsText prints, for each file, its findings grouped by table
// (the prose first) with the published and expected values side by side,
// each finding's message, basis and hint below it, and the conventions
// the checker inferred or read from a note for that table; then a summary
// line; with several files, a total line.
func writeReportsText(w io.Writer, reps []fileReport, bs []*model.Bulletin) error {
	var total validate.Summary
	var buf bytes.Buffer
	for i, r := range reps {
		b := bs[i]
		fmt.Fprintln(&buf, r.File)
		for _, g := range reportGroups(r.Report, b) {
			fmt.Fprintf(&buf, "  %s\n", groupTitle(b, g.table))
			for _, cv := range g.conventions {
				fmt.Fprintf(&buf, "    convention: %s\n", cv.Basis)
			}
			for _, f := range g.findings {
				writeFindingText(&buf, b, f)
			}
		}
		fmt.Fprintf(&buf, "%s: %s\n", r.File, summaryLine(r.Summary))
		addSummary(&total, r.Summary)
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
		buf.Reset()
	}
	if len(reps) > 1 {
		total.Rounding = -1
		fmt.Fprintf(&buf, "total (%d files): %s\n", len(reps), summaryLine(total))
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// reportGroup is what the text report prints under one table (or the
// prose, table -1).
type reportGroup struct {
	table       int
	findings    []validate.Finding
	conventions []validate.Convention
}

// reportGroups groups a report's findings by table, in table order with
// the prose first, with the conventions worth stating: those inferred from
// the rows or read from a note, not the defaults.
func reportGroups(r validate.Report, b *model.Bulletin) []reportGroup {
	var gs []reportGroup
	group := func(ti int) *reportGroup {
		for i := range gs {
			if gs[i].table == ti {
				return &gs[i]
			}
		}
		gs = append(gs, reportGroup{table: ti})
		return &gs[len(gs)-1]
	}
	for _, cv := range r.Conventions {
		if cv.Basis != "" && (cv.Source == "definition" || cv.Source == "inferred" || cv.Source == "header" || len(cv.NumeratorParts) > 0) {
			g := group(cv.Table)
			g.conventions = append(g.conventions, cv)
		}
	}
	for _, f := range r.Findings {
		ti := f.Table
		if ti >= len(b.Tables) {
			ti = -1
		}
		g := group(ti)
		g.findings = append(g.findings, f)
	}
	slices.SortStableFunc(gs, func(a, b reportGroup) int { return a.table - b.table })
	return gs
}

func groupTitle(b *model.Bulletin, ti int) string {
	if ti < 0 || ti >= len(b.Tables) {
		return "prose"
	}
	t := &b.Tables[ti]
	title := strings.TrimSpace(t.Label + " " + t.Title)
	if title == "" {
		return fmt.Sprintf("table %d", ti)
	}
	return fmt.Sprintf("table %d: %s", ti, title)
}

var severityMark = map[validate.Severity]string{validate.Error: "E", validate.Warning: "W", validate.Info: "I"}

// writeFindingText prints one finding: where, published → expected, rule;
// then its message and hint.
func writeFindingText(w io.Writer, b *model.Bulletin, f validate.Finding) {
	where := ""
	switch {
	case f.Figure != nil:
		where = fmt.Sprintf("figure %d", *f.Figure)
		if *f.Figure < len(b.Figures) && b.Figures[*f.Figure].Label != "" {
			where += " " + b.Figures[*f.Figure].Label
		}
	case f.Mention != nil:
		where = fmt.Sprintf("mention %d %s", *f.Mention, f.Unit)
	case f.Row >= 0:
		where = fmt.Sprintf("row %d %s", f.Row, f.Unit)
	case f.Table >= 0:
		where = "(table)"
	}
	col := string(f.Column)
	if f.Table >= 0 && f.Table < len(b.Tables) {
		t := &b.Tables[f.Table]
		if i := t.Column(f.Column); i >= 0 && t.Columns[i].Header != "" {
			col = t.Columns[i].Header
		}
	}
	values := ""
	if f.Published != "" || f.Expected != "" {
		values = pad(f.Published, 8)
		if f.Expected != "" {
			values += " → " + f.Expected
		}
	}
	fmt.Fprintf(w, "    %s %s %s %s %s\n", severityMark[f.Severity], pad(where, 24), pad(col, 12), pad(values, 22), f.Rule)
	fmt.Fprintf(w, "        %s\n", f.Message)
	if f.Basis != "" {
		fmt.Fprintf(w, "        basis: %s\n", f.Basis)
	}
	if f.Hint != "" {
		fmt.Fprintf(w, "        hint: %s\n", f.Hint)
	}
	if !f.Pos.IsZero() {
		fmt.Fprintf(w, "        at %s\n", f.Pos)
	}
}

// pad right-pads s with spaces to n terminal columns, counting wide (CJK)
// characters as two.
func pad(s string, n int) string {
	wd := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			wd += 2
		default:
			wd++
		}
	}
	if wd >= n {
		return s
	}
	return s + strings.Repeat(" ", n-wd)
}

func summaryLine(s validate.Summary) string {
	line := fmt.Sprintf("%d errors, %d warnings, %d infos; %d values checked: %d consistent, %d deviating, %d inconsistent; %d untestable",
		s.Errors, s.Warnings, s.Infos, s.Checked, s.Consistent, s.Deviating, s.Inconsistent, s.Untestable)
	if s.Rounding >= 0 {
		how := "inferred from " + fmt.Sprint(s.RoundingEvidence) + " rates and shares"
		if s.RoundingEvidence == 0 {
			how = "assumed"
		}
		line += fmt.Sprintf("; %s rounding (%s)", s.Rounding, how)
	}
	return line
}

func addSummary(t *validate.Summary, s validate.Summary) {
	t.Errors += s.Errors
	t.Warnings += s.Warnings
	t.Infos += s.Infos
	t.Values += s.Values
	t.Checked += s.Checked
	t.Consistent += s.Consistent
	t.Deviating += s.Deviating
	t.Inconsistent += s.Inconsistent
	t.Untestable += s.Untestable
}
