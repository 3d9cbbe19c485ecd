package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// scaleResult is a month of 10,000 tasks: the task table and the hidden
// sheet are made in dozens of pieces, the lists in several.
func scaleResult(tb testing.TB) *report.Result {
	tb.Helper()
	r := report.Consolidate(nil, inbox.New(20, 500).Submissions(), report.Options{})
	if len(r.Entries) < 9000 {
		tb.Fatalf("%d entries", len(r.Entries))
	}
	return r
}

func writeConsolidated(tb testing.TB, r *report.Result, lang report.Lang) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := xlsx.WriteConsolidated(&b, r, lang); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// The same month gives the same bytes, however many cores deflate it.
func TestWriteConsolidatedDeterministicAtScale(t *testing.T) {
	r := scaleResult(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first []byte
	for _, procs := range []int{1, 2, 4, 2} {
		runtime.GOMAXPROCS(procs)
		data := writeConsolidated(t, r, report.VI)
		if first == nil {
			first = data
			continue
		}
		if !bytes.Equal(data, first) {
			t.Fatalf("GOMAXPROCS %d: %d bytes, differ from the first write's %d", procs, len(data), len(first))
		}
	}
}

// At scale the workbook is well-formed, next month's --previous reads it,
// and the task table reads back, through excelize, as the entries.
func TestWriteConsolidatedReadBackAtScale(t *testing.T) {
	r := scaleResult(t)
	data := writeConsolidated(t, r, report.VI)
	xlsx.WCheckParts(t, data)

	snap, err := xlsx.ReadSnapshot("tong-hop-2021-03.xlsx", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if snap.Period != r.Period || snap.Totals != r.Totals || len(snap.Sectors) != len(r.Sectors) {
		t.Errorf("snapshot %s %+v, %d sectors; want %s %+v, %d", snap.Period, snap.Totals, len(snap.Sectors), r.Period, r.Totals, len(r.Sectors))
	}
	for _, s := range r.Sectors {
		if snap.Sectors[s.Code] != s.Counts {
			t.Errorf("snapshot sector %s = %+v, want %+v", s.Code, snap.Sectors[s.Code], s.Counts)
		}
	}
	if len(snap.Status) != len(r.Entries) {
		t.Errorf("snapshot has %d tasks, want %d", len(snap.Status), len(r.Entries))
	}
	for _, e := range r.Entries {
		if got, ok := snap.Status[e.ID]; !ok || got != e.Status {
			t.Fatalf("snapshot status of %s = %v, want %v", e.ID, got, e.Status)
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Nhiệm vụ", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(r.Entries)+1 || rows[0][3] != "Tên nhiệm vụ" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	for i, e := range r.Entries {
		got := append(rows[i+1], make([]string, 17)...)[:17]
		deadline := e.DeadlineText
		if !e.Deadline.IsZero() {
			deadline = fmt.Sprint(e.Deadline.Sub(report.Date(1899, 12, 30)).Hours() / 24)
		}
		want := []string{fmt.Sprint(i + 1), r.SectorName(e.Sector), e.ID, xlsx.WCellText(e.Title), e.Lead, e.Output, e.SubmitTo, deadline}
		for c, w := range want {
			if got[c] != w {
				t.Fatalf("row %d column %d = %q, want %q", i+2, c+1, got[c], w)
			}
		}
		if got[9] != e.Status.Label(report.VI) || got[12] != e.Officer || got[13] != xlsx.WCellText(e.Row.Difficulties) || got[15] != e.Source {
			t.Fatalf("row %d = %q", i+2, got)
		}
	}
	if sheets := strings.Join(f.GetSheetList(), ","); !strings.HasSuffix(sheets, ",tonghop") {
		t.Errorf("sheets %s", sheets)
	}
}

// A destination that fails mid-way gives an error, and no worker is left
// behind.
func TestWriteConsolidatedFailingWriter(t *testing.T) {
	r := scaleResult(t)
	before := runtime.NumGoroutine()
	for _, after := range []int{0, 100, 1 << 20} {
		err := xlsx.WriteConsolidated(&failingWriter{left: after}, r, report.VI)
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("failing after %d bytes: err = %v", after, err)
		}
	}
	for range 100 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines, %d before", runtime.NumGoroutine(), before)
}

type failingWriter struct{ left int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		return 0, errors.New("disk full")
	}
	w.left -= len(p)
	return len(p), nil
}
