package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/tonghop/tonghop/report"
)

// progress shows files done / total, rate and time left on a terminal,
// once the batch has taken more than a moment; elsewhere, or when quiet,
// it stays silent, so that scripts and pipes see only the results.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	now   func() time.Time
	total int
	n     int
	start time.Time
	last  time.Time // when the line was last drawn; zero when never
	on    bool
	lang  report.Lang
}

// progressDelay is how long a batch runs before the bar appears: a small
// batch finishes without any flicker.
const progressDelay = 500 * time.Millisecond

func newProgress(w io.Writer, total int, quiet bool, l report.Lang) *progress {
	return newProgressAt(w, total, !quiet && isTerminal(w), l, time.Now)
}

func newProgressAt(w io.Writer, total int, on bool, l report.Lang, now func() time.Time) *progress {
	return &progress{w: w, now: now, total: total, start: now(), on: on, lang: l}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// step counts one file done and redraws the bar at most ten times a second.
func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if !p.on {
		return
	}
	now := p.now()
	elapsed := now.Sub(p.start)
	if elapsed < progressDelay || (now.Sub(p.last) < 100*time.Millisecond && p.n < p.total) {
		return
	}
	p.last = now
	rate := float64(p.n) / elapsed.Seconds()
	left := time.Duration(float64(p.total-p.n) / rate * float64(time.Second))
	const width = 30
	filled := width * p.n / max(p.total, 1)
	bar := strings.Repeat("#", filled) + strings.Repeat("-", width-filled)
	fmt.Fprintf(p.w, "\r[%s] %s/%s %s, %s %s, %s %s\033[K", bar, report.Number(p.n, p.lang), report.Number(p.total, p.lang),
		p.lang.Pick("tệp", "files"), rateText(rate, p.lang), p.lang.Pick("tệp/giây", "files/s"),
		p.lang.Pick("còn", "left"), clock(left))
}

// phase replaces the bar with what the run is doing now, when the bar was
// shown: after the files are read, a large batch still has its outputs to
// write.
func (p *progress) phase(vi, en string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && !p.last.IsZero() {
		fmt.Fprintf(p.w, "\r%s\033[K", p.lang.Pick(vi, en))
	}
}

// done clears the line, if anything was drawn.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// rateText writes a rate with one decimal below 10 ("2,5"), whole above.
func rateText(r float64, l report.Lang) string {
	if r >= 10 {
		return report.Number(int(r+0.5), l)
	}
	s := fmt.Sprintf("%.1f", r)
	if l != report.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// clock writes a duration as m:ss, or h:mm:ss from an hour on.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
