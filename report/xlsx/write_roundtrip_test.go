package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/report"
)

// What tonghop writes, tonghop reads back unchanged.

func TestWritePlanReadBack(t *testing.T) {
	for _, lang := range []report.Lang{report.VI, report.EN} {
		t.Run(string(lang), func(t *testing.T) { testPlanReadBack(t, lang) })
	}
}

func testPlanReadBack(t *testing.T, lang report.Lang) {
	want := testPlan()
	_, data := wSave(t, "plan.xlsx", func(b *bytes.Buffer) error { return WritePlan(b, want, lang) })
	raw, err := ReadPlan("plan.xlsx", bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadPlan: %v", err)
	}
	got := report.InterpretPlan(raw)
	for _, f := range got.Findings {
		t.Errorf("finding: %s", f.Message(report.VI))
	}
	if !reflect.DeepEqual(got.Info, want.Info) {
		t.Errorf("info:\n got %+v\nwant %+v", got.Info, want.Info)
	}
	if !reflect.DeepEqual(got.Sectors, want.Sectors) {
		t.Errorf("sectors:\n got %+v\nwant %+v", got.Sectors, want.Sectors)
	}
	if len(got.Tasks) != len(want.Tasks) {
		t.Fatalf("%d tasks, want %d", len(got.Tasks), len(want.Tasks))
	}
	for i, w := range want.Tasks {
		g := got.Tasks[i]
		if g.ID != w.ID || g.Sector != w.Sector || g.Title != w.Title || g.Lead != w.Lead || g.Coordinating != w.Coordinating ||
			g.Output != w.Output || g.SubmitTo != w.SubmitTo || !g.Deadline.Equal(w.Deadline) {
			t.Errorf("task %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestWritePlanBlankReadBack(t *testing.T) {
	_, data := wSave(t, "plan-blank.xlsx", func(b *bytes.Buffer) error { return WritePlan(b, nil, report.VI) })
	raw, err := ReadPlan("ke-hoach.xlsx", bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadPlan: %v", err)
	}
	got := report.InterpretPlan(raw)
	for _, f := range got.Findings {
		t.Errorf("finding: %s", f.Message(report.VI))
	}
	if len(got.Sectors) != 1 || len(got.Tasks) != 1 || got.Tasks[0].DeadlineText != "Quý II/2021" {
		t.Errorf("blank plan reads as %d sectors, tasks %+v; want the one example of each", len(got.Sectors), got.Tasks)
	}
}

// A department fills in the template; the office reads it with no finding.
func TestWriteSubmissionReadBack(t *testing.T) {
	plan := testPlan()
	sector, _ := plan.Sector("GD")
	sub := &report.Submission{
		Sector: "GD", Period: report.Period{Year: 2021, Month: 3}, ReportDate: report.Date(2021, 3, 3),
		Preparer: "Trần Thị Mai", Contact: "mai.tt@sgddt.gov.vn",
		Rows: []report.Row{
			{ID: "GD-01", Officer: "Trần Thị Mai", Stage: report.StageSubmitted, Percent: 90, HasPercent: true},
			{ID: "GD-02", Officer: "Trần Thị Mai", Stage: report.StageDone, Percent: 100, HasPercent: true,
				DoneDate: report.Date(2021, 2, 10), IssuedDoc: "Báo cáo số 25/BC-SGDĐT ngày 10/02/2021"},
			{ID: "GD-03", Officer: "Lê Quang Huy", Stage: report.StageAdjust,
				Proposals: "Đề nghị điều chỉnh thời hạn sang Quý III/2021."},
		},
	}
	_, data := wSave(t, "GD-filled.xlsx", func(b *bytes.Buffer) error {
		return WriteSubmission(b, Submission{Plan: plan, Sector: sector, Period: sub.Period, Sub: sub})
	})
	raw := ReadSubmission("GD-filled.xlsx", bytes.NewReader(data))
	got := report.Interpret(raw, plan)
	for _, f := range got.Findings {
		t.Errorf("finding: %s", f.Message(report.VI))
	}
	if got.Sector != "GD" || got.Period != sub.Period || !got.ReportDate.Equal(sub.ReportDate) ||
		got.Preparer != sub.Preparer || got.Contact != sub.Contact {
		t.Errorf("info = %s %s %v %q %q", got.Sector, got.Period, got.ReportDate, got.Preparer, got.Contact)
	}
	if len(got.Rows) != 3 || len(got.Proposed) != 0 {
		t.Fatalf("%d rows and %d proposed, want 3 and 0", len(got.Rows), len(got.Proposed))
	}
	for i, w := range sub.Rows {
		g := got.Rows[i]
		if g.ID != w.ID || g.Officer != w.Officer || g.Stage != w.Stage || g.Percent != w.Percent ||
			!g.DoneDate.Equal(w.DoneDate) || g.IssuedDoc != w.IssuedDoc || g.Proposals != w.Proposals || g.Row != 5+i {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, g, w)
		}
	}

	// The blank template itself is not an error either: only empty stages.
	_, blank := wSave(t, "GD-blank.xlsx", func(b *bytes.Buffer) error {
		return WriteSubmission(b, Submission{Plan: plan, Sector: sector, Period: sub.Period})
	})
	got = report.Interpret(ReadSubmission("GD-blank.xlsx", bytes.NewReader(blank)), plan)
	for _, f := range got.Findings {
		switch f.Code {
		case report.CodeStageMissing, report.CodeOfficerMissing, report.CodeReportDate:
		default:
			t.Errorf("blank template: unexpected finding %s", f.Message(report.VI))
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	plan := testPlan()
	sector, _ := plan.Sector("YT")
	writers := map[string]func(*bytes.Buffer) error{
		"consolidated": func(b *bytes.Buffer) error { return WriteConsolidated(b, testResult(), report.VI) },
		"template":     func(b *bytes.Buffer) error { return WriteSubmission(b, Submission{Plan: plan, Sector: sector}) },
		"plan":         func(b *bytes.Buffer) error { return WritePlan(b, plan, report.VI) },
	}
	for _, name := range []string{"consolidated", "template", "plan"} {
		var a, b bytes.Buffer
		if err := writers[name](&a); err != nil {
			t.Fatal(err)
		}
		if err := writers[name](&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes differ (%d and %d bytes)", name, a.Len(), b.Len())
		}
	}
}

// Another library (openpyxl) opens the workbooks without complaint and
// sees the same key values. Skipped when Debian's python3-openpyxl is absent.
func TestWriteOpenpyxl(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python")
	}
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		t.Skip("python3-openpyxl not installed")
	}
	dir := t.TempDir()
	write := func(name string, fn func(*bytes.Buffer) error) string {
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cons := write("tong-hop-2021-03.xlsx", func(b *bytes.Buffer) error { return WriteConsolidated(b, testResult(), report.VI) })
	out, err := exec.Command(py, "../../scripts/check_openpyxl.py", cons,
		"--sheets", "Tổng hợp,Nhiệm vụ,Quá hạn - Sắp đến hạn,Khó khăn - Đề xuất,Đôn đốc,Nhiệm vụ đề xuất,Nguồn,Lỗi",
		"--cell", "Nhiệm vụ!C2=YT-01", "--cell", "Nhiệm vụ!H2=28/02/2021", "--cell", "Nhiệm vụ!J7=Đang thực hiện quá hạn",
		"--cell", "tonghop!B2=2021-03").CombinedOutput()
	if err != nil {
		t.Errorf("check_openpyxl (consolidated): %v\n%s", err, out)
	}
	plan := testPlan()
	sector, _ := plan.Sector("YT")
	tmpl := write("YT.xlsx", func(b *bytes.Buffer) error { return WriteSubmission(b, Submission{Plan: plan, Sector: sector}) })
	pl := write("plan.xlsx", func(b *bytes.Buffer) error { return WritePlan(b, nil, report.VI) })
	out, err = exec.Command(py, "../../scripts/check_openpyxl.py", tmpl, pl, "--sheets", "Hướng dẫn,Thông tin,Nhiệm vụ").CombinedOutput()
	if err != nil {
		t.Errorf("check_openpyxl (templates): %v\n%s", err, out)
	}
}

// BenchmarkWriteConsolidated writes a national-size month: 40 sectors,
// 4,000 tasks.
func BenchmarkWriteConsolidated(b *testing.B) {
	base := testResult()
	r := *base
	r.Entries = nil
	for i := range 4000 {
		e := base.Entries[i%len(base.Entries)]
		e.ID = fmt.Sprintf("%s-%04d", e.Sector, i)
		e.Officer = fmt.Sprintf("Cán bộ %d", i%300)
		r.Entries = append(r.Entries, e)
	}
	for i := range 36 {
		s := base.Sectors[i%len(base.Sectors)]
		s.Code = fmt.Sprintf("S%02d", i)
		r.Sectors = append(r.Sectors, s)
	}
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteConsolidated(&buf, &r, report.VI); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
	}
}
