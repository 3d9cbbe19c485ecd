package xlsx_test

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// At scale, in both languages, the hidden sheet gives back the month's
// figures and every task's status.
func TestReadSnapshotAtScale(t *testing.T) {
	r := scaleResult(t)
	for _, lang := range []report.Lang{report.VI, report.EN} {
		data := writeConsolidated(t, r, lang)
		snap, err := xlsx.ReadSnapshot("tong-hop-2021-03.xlsx", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if want := xlsx.SnapWant(r); !reflect.DeepEqual(snap, want) {
			t.Errorf("%s: snapshot %s %+v, %d sectors, %d tasks; want %s %+v, %d, %d", lang,
				snap.Period, snap.Totals, len(snap.Sectors), len(snap.Status), want.Period, want.Totals, len(want.Sectors), len(want.Status))
		}
	}
}

var snapshotFile = flag.String("snapshot", "", "consolidated workbook that BenchmarkReadSnapshotFile reads")

// BenchmarkReadSnapshot100k reads the figures of a month of 200 files ×
// 500 rows (100.000 tasks) back from its consolidated workbook, as
// --previous does.
func BenchmarkReadSnapshot100k(b *testing.B) {
	res := report.Consolidate(nil, inbox.New(200, 500).Submissions(), report.Options{})
	data := writeConsolidated(b, res, report.VI)
	b.ReportAllocs()
	for b.Loop() {
		snap, err := xlsx.ReadSnapshot("tong-hop-2021-03.xlsx", bytes.NewReader(data), int64(len(data)))
		if err != nil || len(snap.Status) != len(res.Entries) {
			b.Fatalf("%v, %d tasks", err, len(snap.Status))
		}
	}
	b.ReportMetric(float64(len(data)), "file-bytes")
}

// BenchmarkReadSnapshotFile reads the figures of a workbook on disk, in
// place: go test -bench ReadSnapshotFile -benchtime 1x -args -snapshot FILE
// (e.g. the workbook consolidate writes of the 1000 × 1000 inbox).
func BenchmarkReadSnapshotFile(b *testing.B) {
	if *snapshotFile == "" {
		b.Skip("no -snapshot FILE")
	}
	f, err := os.Open(*snapshotFile)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	tasks := 0
	for b.Loop() {
		snap, err := xlsx.ReadSnapshot(fi.Name(), f, fi.Size())
		if err != nil {
			b.Fatal(err)
		}
		tasks = len(snap.Status)
	}
	b.ReportMetric(float64(tasks), "tasks")
}
