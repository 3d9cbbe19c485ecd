package xlsx

import (
	"bytes"
	"testing"
	"time"

	"github.com/tonghop/tonghop/report"
)

// FuzzReadSubmission feeds the reader damaged workbooks: it must never
// panic, must refuse with exactly one file-level finding or return rows,
// and must finish quickly. Seeds: testdata/fuzz/FuzzReadSubmission and the
// workbooks the other tests build.
func FuzzReadSubmission(f *testing.F) {
	f.Add(rTemplateSubmission(f))
	f.Add(rMessySubmission(f))
	f.Add([]byte{})
	f.Add([]byte("%PDF-1.4"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		raw := ReadSubmission("fuzz.xlsx", bytes.NewReader(data))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("read took %v", d)
		}
		if raw.Name != "fuzz.xlsx" {
			t.Errorf("name %q", raw.Name)
		}
		for _, x := range raw.Findings {
			if x.IsFile() && (len(raw.Findings) != 1 || len(raw.Rows) != 0) {
				t.Errorf("file refusal with other findings or rows: %v", raw.Findings)
			}
			if x.File != "fuzz.xlsx" || x.Text(report.VI) == string(x.Code) {
				t.Errorf("finding %+v", x)
			}
		}
		for _, r := range raw.Rows {
			if r.Row <= raw.HeaderRow {
				t.Errorf("data row %d above header row %d", r.Row, raw.HeaderRow)
			}
		}
	})
}
