package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

// progress shows how a run goes. On a terminal: the count of files found
// while they are counted, then a bar (github.com/schollz/progressbar) with
// the files done of the total, the rate and the time left. Otherwise (a
// log, a pipe): a plain line every few seconds, and one at each failure.
type progress struct {
	w        io.Writer
	terminal bool
	bar      *progressbar.ProgressBar
	last     time.Time
	counted  bool // the "counting" line is on the screen
}

// plainEvery is how often a plain progress line is printed.
const plainEvery = 5 * time.Second

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) update(s digitize.Progress) {
	if !p.terminal {
		p.plain(s)
		return
	}
	if s.Walking {
		fmt.Fprintf(p.w, "\rcounting files: %d", s.Found)
		p.counted = true
		return
	}
	if p.bar == nil {
		if p.counted {
			fmt.Fprint(p.w, "\r\033[K")
		}
		p.bar = progressbar.NewOptions(s.Found,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("digitize"),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	if s.Failed > 0 {
		p.bar.Describe(fmt.Sprintf("digitize (%d failed)", s.Failed))
	}
	p.bar.Set(s.Done)
}

func (p *progress) plain(s digitize.Progress) {
	now := time.Now()
	failed := s.Last != nil && s.Last.File.Status == store.StatusFailed
	if now.Sub(p.last) < plainEvery && !failed {
		return
	}
	p.last = now
	if s.Walking {
		fmt.Fprintf(p.w, "counting files: %d\n", s.Found)
		return
	}
	rate := float64(s.Done-s.Skipped) / max(s.Elapsed.Seconds(), 1e-9)
	fmt.Fprintf(p.w, "%d/%d files, %.1f/s, %d failed, %d unchanged\n", s.Done, s.Found, rate, s.Failed, s.Skipped)
}

func (p *progress) finish() {
	switch {
	case p.bar != nil:
		p.bar.Finish()
	case p.counted:
		fmt.Fprint(p.w, "\r\033[K")
	}
}
