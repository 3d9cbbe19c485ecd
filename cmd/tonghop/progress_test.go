package main

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/report"
)

// fakeClock advances by step at every reading.
type fakeClock struct {
	t    time.Time
	step time.Duration
}

func (c *fakeClock) now() time.Time {
	t := c.t
	c.t = c.t.Add(c.step)
	return t
}

func TestProgressOnTerminal(t *testing.T) {
	cases := []struct {
		name string
		lang report.Lang
		want []string // in the last drawn line
	}{
		{"vi", report.VI, []string{"[###############---------------] 10/20 tệp", "2,0 tệp/giây", "còn 0:05"}},
		{"en", report.EN, []string{"[###############---------------] 10/20 files", "2.0 files/s", "left 0:05"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out strings.Builder
			clk := &fakeClock{t: time.Date(2021, 3, 4, 8, 0, 0, 0, time.UTC), step: 500 * time.Millisecond}
			p := newProgressAt(&out, 20, true, c.lang, clk.now)
			for range 10 {
				p.step()
			}
			lines := strings.Split(out.String(), "\r")
			last := lines[len(lines)-1]
			for _, w := range c.want {
				if !strings.Contains(last, w) {
					t.Errorf("last line %q lacks %q", last, w)
				}
			}
			p.phase("Đang ghi kết quả…", "Writing the outputs…")
			if got := out.String(); !strings.HasSuffix(got, "\r"+c.lang.Pick("Đang ghi kết quả…", "Writing the outputs…")+"\033[K") {
				t.Errorf("phase not shown: %q", got[max(0, len(got)-60):])
			}
			p.done()
			if !strings.HasSuffix(out.String(), "\r\033[K") {
				t.Error("done does not clear the line")
			}
		})
	}
}

// A batch that ends within the first half second shows nothing, and so
// does a run whose stderr is not a terminal, however long it takes.
func TestProgressSilent(t *testing.T) {
	for _, c := range []struct {
		name string
		tty  bool
		step time.Duration
	}{
		{"quick batch on a terminal", true, time.Millisecond},
		{"slow batch into a pipe", false, time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out strings.Builder
			clk := &fakeClock{t: time.Date(2021, 3, 4, 8, 0, 0, 0, time.UTC), step: c.step}
			p := newProgressAt(&out, 50, c.tty, report.VI, clk.now)
			for range 50 {
				p.step()
			}
			p.phase("Đang ghi kết quả…", "Writing the outputs…")
			p.done()
			if out.Len() != 0 {
				t.Errorf("wrote %q; want nothing", out.String())
			}
		})
	}
}

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                       "0:00",
		1400 * time.Millisecond: "0:01",
		65 * time.Second:        "1:05",
		time.Hour + 2*time.Minute + 3*time.Second: "1:02:03",
	} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q; want %q", d, got, want)
		}
	}
}

// The binary writes nothing to stderr when stderr is not a terminal: the
// results go to stdout, and a script sees no progress noise.
func TestBinaryStderrQuietInPipe(t *testing.T) {
	r := runBin(t, "consolidate", "--plan", samplePlan, "-o", t.TempDir(), sampleMarch)
	if r.code != 0 || r.stderr != "" {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "12/55") {
		t.Errorf("stdout lacks the summary: %q", r.stdout)
	}
}
