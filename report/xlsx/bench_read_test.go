package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report/xlsx"
)

// BenchmarkReadInbox1000 reads one generated 1000-row submission: the
// office's template (shared strings, written by xlsx.WriteSubmission) and a
// retyped workbook (title rows, renamed columns, inline strings).
func BenchmarkReadInbox1000(b *testing.B) {
	c := inbox.New(1, 1000)
	c.BadFiles = 0
	for _, variant := range []bool{false, true} {
		name := "template"
		if variant {
			name = "retyped"
		}
		u := c.Unit(0)
		u.Variant = variant
		data, err := u.Workbook()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				raw := xlsx.ReadSubmission("bench.xlsx", bytes.NewReader(data))
				if len(raw.Rows) != 1000 {
					b.Fatalf("read %d rows, findings %v", len(raw.Rows), raw.Findings)
				}
			}
		})
	}
}
