package report_test

import (
	"bytes"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// benchRaw reads one generated 1000-row submission (the template layout).
func benchRaw(b *testing.B) (*report.RawSubmission, inbox.Config) {
	b.Helper()
	c := inbox.New(1, 1000)
	c.BadFiles = 0
	data, err := c.Unit(0).Workbook()
	if err != nil {
		b.Fatal(err)
	}
	raw := xlsx.ReadSubmission("bench.xlsx", bytes.NewReader(data))
	if len(raw.Rows) != 1000 {
		b.Fatalf("read %d rows, findings %v", len(raw.Rows), raw.Findings)
	}
	return raw, c
}

// BenchmarkInterpret1000 interprets one 1000-row submission, without and
// with a plan listing its tasks.
func BenchmarkInterpret1000(b *testing.B) {
	raw, c := benchRaw(b)
	for _, bc := range planCases(c.Plan()) {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s := report.Interpret(raw, bc.plan)
				if len(s.Rows) != 1000 {
					b.Fatalf("%d rows, findings %v", len(s.Rows), s.Findings)
				}
			}
		})
	}
}

// BenchmarkConsolidate200x500 merges 200 in-memory submissions of 500 rows
// (100.000 tasks) and classifies every task.
func BenchmarkConsolidate200x500(b *testing.B) {
	subs := inbox.New(200, 500).Submissions()
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		r := report.Consolidate(nil, subs, report.Options{})
		if len(r.Entries) < 99000 {
			b.Fatalf("%d entries", len(r.Entries))
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkConsolidateMillion merges 1000 in-memory submissions of 1000
// rows (1.000.000 tasks), without and with a plan listing them, and
// reports the live heap the Result adds once collected (live-B/entry):
// the submissions' own rows are live before and after, so they cancel.
func BenchmarkConsolidateMillion(b *testing.B) {
	c := inbox.New(1000, 1000)
	subs := c.Submissions()
	for _, bc := range planCases(c.Plan()) {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var r *report.Result
			var cpu time.Duration
			var live uint64
			for b.Loop() {
				b.StopTimer()
				r = nil
				before := liveHeap()
				start := cpuTime()
				b.StartTimer()
				r = report.Consolidate(bc.plan, subs, report.Options{})
				b.StopTimer()
				cpu += cpuTime() - start
				live = liveHeap() - before
				b.StartTimer()
			}
			if len(r.Entries) < 990000 {
				b.Fatalf("%d entries", len(r.Entries))
			}
			b.ReportMetric(float64(live)/float64(len(r.Entries)), "live-B/entry")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

type planCase struct {
	name string
	plan *report.Plan
}

// planCases runs a benchmark without and with a plan.
func planCases(plan *report.Plan) []planCase {
	return []planCase{{"no-plan", nil}, {"plan", plan}}
}

// cpuTime is the process's user and system time so far: steadier than
// wall time on a shared machine.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
