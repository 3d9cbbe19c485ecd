package xlsx_test

import (
	"io"
	"testing"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// BenchmarkWriteConsolidated100k writes the consolidated workbook of 200
// files × 500 rows (100.000 entries).
func BenchmarkWriteConsolidated100k(b *testing.B) {
	res := report.Consolidate(nil, inbox.New(200, 500).Submissions(), report.Options{})
	if len(res.Entries) < 99000 {
		b.Fatalf("%d entries", len(res.Entries))
	}
	b.ReportAllocs()
	for b.Loop() {
		var n countingWriter
		if err := xlsx.WriteConsolidated(&n, res, report.VI); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "out-bytes")
	}
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)
