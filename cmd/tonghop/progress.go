package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/tonghop/tonghop/report"
)

// progress shows files done / total, rate and time left on a terminal;
// elsewhere, or when quiet, it stays silent.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	n     int
	start time.Time
	last  time.Time
	on    bool
	lang  report.Lang
}

func newProgress(w io.Writer, total int, quiet bool, l report.Lang) *progress {
	p := &progress{w: w, total: total, start: time.Now(), lang: l}
	if f, ok := w.(*os.File); ok && !quiet {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if !p.on {
		return
	}
	now := time.Now()
	elapsed := now.Sub(p.start)
	if elapsed < 500*time.Millisecond || (now.Sub(p.last) < 100*time.Millisecond && p.n < p.total) {
		return
	}
	p.last = now
	rate := float64(p.n) / elapsed.Seconds()
	left := time.Duration(float64(p.total-p.n)/rate) * time.Second
	const width = 30
	filled := width * p.n / max(p.total, 1)
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '-'
		if i < filled {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.w, "\r[%s] %d/%d %s, %.0f %s, %s %s   ", bar, p.n, p.total, p.lang.Pick("tệp", "files"), rate,
		p.lang.Pick("tệp/giây", "files/s"), p.lang.Pick("còn", "left"), left.Round(time.Second))
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
