package report_test

import (
	"bytes"
	"testing"

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
	plan := c.Plan()
	for _, bc := range []struct {
		name string
		plan *report.Plan
	}{{"no-plan", nil}, {"plan", plan}} {
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
	for b.Loop() {
		r := report.Consolidate(nil, subs, report.Options{})
		if len(r.Entries) < 99000 {
			b.Fatalf("%d entries", len(r.Entries))
		}
	}
}
