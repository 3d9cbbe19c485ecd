package xlsx_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// BenchmarkWriteFeedback1000 writes the feedback workbook of a generated
// 1000-row submission with bad rows, as a 1000 × 1000 inbox has about
// fifty of: the office's template and a retyped workbook.
func BenchmarkWriteFeedback1000(b *testing.B) {
	for _, bc := range []struct {
		name    string
		variant bool
	}{{"template", false}, {"retyped", true}} {
		data, fs := fbBenchInput(b, bc.variant)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := xlsx.WriteFeedback(io.Discard, data, fs, report.VI); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// fbBenchInput is a 1000-row workbook with bad rows and its findings.
func fbBenchInput(b *testing.B, variant bool) ([]byte, []report.Finding) {
	c := inbox.New(1, 1000)
	c.BadFiles = 1
	u := c.Unit(0)
	u.Variant = variant
	data, err := u.Workbook()
	if err != nil {
		b.Fatal(err)
	}
	fs := report.Interpret(xlsx.ReadSubmission("bench.xlsx", bytes.NewReader(data)), nil).Findings
	if len(fs) == 0 {
		b.Fatal("no findings")
	}
	return data, fs
}
