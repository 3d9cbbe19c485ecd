package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

func TestWritePlan(t *testing.T) {
	tests := []struct {
		name   string
		plan   *report.Plan
		lang   report.Lang
		sheets string
	}{
		{"plan-blank", nil, report.VI, "Hướng dẫn,Thông tin,Ngành,Nhiệm vụ"},
		{"plan", testPlan(), report.VI, "Thông tin,Ngành,Nhiệm vụ"},
		{"plan-en", testPlan(), report.EN, "Thông tin,Ngành,Nhiệm vụ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, _ := wSave(t, tc.name+".xlsx", func(b *bytes.Buffer) error { return WritePlan(b, tc.plan, tc.lang) })
			f := wOpen(t, path)
			if got := strings.Join(f.GetSheetList(), ","); got != tc.sheets {
				t.Errorf("sheets = %s, want %s", got, tc.sheets)
			}
			wGolden(t, tc.name, wDump(t, f))
		})
	}
}

func TestWritePlanValues(t *testing.T) {
	path, _ := wSave(t, "plan.xlsx", func(b *bytes.Buffer) error { return WritePlan(b, testPlan(), report.VI) })
	f := wOpen(t, path)
	// Nơi nhận: one recipient per line in one cell.
	if got := wCell(t, f, templates.SheetInfo, "B9"); got != "Chủ tịch, các PCT UBND tỉnh\nCác sở: Y tế, Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch\nLưu: VT, VX" {
		t.Errorf("Nơi nhận = %q", got)
	}
	// Deadlines: the text as written, else a real date cell shown dd/mm/yyyy.
	if got := wCell(t, f, templates.SheetTasks, "I3"); got != "Quý II/2021" {
		t.Errorf("YT-02 deadline = %q", got)
	}
	if got := wCell(t, f, templates.SheetTasks, "I2"); got != "28/02/2021" {
		t.Errorf("YT-01 deadline = %q", got)
	}
	raw, _ := f.GetCellValue(templates.SheetTasks, "I2", wRawOpt)
	if raw != "44255" {
		t.Errorf("YT-01 deadline serial = %q, want 44255", raw)
	}
}

func TestWriteSubmissionBlank(t *testing.T) {
	plan := testPlan()
	sector, _ := plan.Sector("GD")
	path, _ := wSave(t, "template-GD.xlsx", func(b *bytes.Buffer) error {
		return WriteSubmission(b, Submission{Plan: plan, Sector: sector, Period: report.Period{Year: 2021, Month: 3}})
	})
	f := wOpen(t, path)
	wGolden(t, "template-GD", wDump(t, f))

	const sh = templates.SheetTasks
	if got := wCell(t, f, sh, "A2"); got != "Ngành: Giáo dục — Kỳ báo cáo: tháng 3/2021" {
		t.Errorf("subtitle = %q", got)
	}
	for i, fld := range templates.SubmissionFields {
		if got := wCell(t, f, sh, wRef(i+1, 4)); got != templates.Col(fld).Vi {
			t.Errorf("header %d = %q, want %q", i+1, got, templates.Col(fld).Vi)
		}
	}
	// The sector's three tasks in plan order, then spare rows.
	for i, id := range []string{"GD-01", "GD-02", "GD-03", ""} {
		if got := wCell(t, f, sh, "B"+strconv.Itoa(5+i)); got != id {
			t.Errorf("B%d = %q, want %q", 5+i, got, id)
		}
	}
	if got := wCell(t, f, templates.SheetInfo, "B2"); got != "2021-03" {
		t.Errorf("Kỳ báo cáo = %q", got)
	}
	if got := wCell(t, f, templates.SheetInfo, "B1"); got != "GD" {
		t.Errorf("Ngành = %q", got)
	}

	// Plan columns locked, progress columns and spare rows open.
	locked := func(ref string) bool {
		id, err := f.GetCellStyle(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for ref, want := range map[string]bool{"C5": true, "H7": true, "J5": false, "L6": false, "B8": false, "C17": false} {
		if got := locked(ref); got != want {
			t.Errorf("%s locked = %v, want %v", ref, got, want)
		}
	}
	prot, err := f.GetSheetProtection(sh)
	if err != nil || prot.Password != "" {
		t.Errorf("protection = %+v, %v; want protected without password", prot, err)
	}

	// Drop-down from the hidden list, date and percent checks.
	dvs, err := f.GetDataValidations(sh)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, dv := range dvs {
		got = append(got, dv.Sqref+" "+dv.Type+" "+dv.Formula1)
	}
	want := []string{
		"J5:J17 list 'Danh mục'!$A$1:$A$10",
		"K5:K17 decimal 0",
		"L5:L17 date 36526",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("validations:\n got %q\nwant %q", got, want)
	}
	if vis, _ := f.GetSheetVisible(wSubListSheet); vis {
		t.Errorf("sheet %s is visible", wSubListSheet)
	}

	// Row height follows the wrapped title (GD-02's title takes 3 lines in 42 characters).
	h, _ := f.GetRowHeight(sh, 6)
	if h < wRowHeight(3, 0) {
		t.Errorf("row 6 height = %v, want at least %v", h, wRowHeight(3, 0))
	}
	// Header row repeated on every printed page.
	if !wHasName(f, "_xlnm.Print_Titles", "'Nhiệm vụ'!$4:$4") {
		t.Errorf("print titles missing: %+v", f.GetDefinedName())
	}
}

func TestWriteSubmissionFilled(t *testing.T) {
	plan := testPlan()
	sector, _ := plan.Sector("YT")
	sub := &report.Submission{
		Sector: "YT", Period: report.Period{Year: 2021, Month: 3}, ReportDate: report.Date(2021, 3, 4),
		Preparer: "Lê Thị Hoa", Contact: "0263 3822 123",
		Rows: []report.Row{
			{ID: "YT-02", Officer: "Nguyễn Văn Nam", Stage: report.StageConsulting, Percent: 40, HasPercent: true,
				Difficulties: "Nguồn vắc xin phân bổ chưa đủ theo kế hoạch"},
			{ID: "YT-01", Officer: "Phạm Thị Lan", Stage: report.StageDone, StageText: "Đã hoàn thành", Percent: 100, HasPercent: true,
				DoneDate: report.Date(2021, 2, 20), IssuedDoc: "Quyết định số 345/QĐ-UBND ngày 20/02/2021"},
			{Title: "Kế hoạch phòng, chống dịch sốt xuất huyết năm 2021", Output: "Kế hoạch", SubmitTo: "UBND tỉnh",
				Lead: "Sở Y tế", DeadlineText: "Tháng 5/2021", Stage: report.StageDrafting, Proposals: "Bổ sung vào danh mục nhiệm vụ trọng tâm"},
		},
	}
	path, _ := wSave(t, "submission-YT.xlsx", func(b *bytes.Buffer) error {
		return WriteSubmission(b, Submission{Plan: plan, Sector: sector, Period: sub.Period, Sub: sub})
	})
	f := wOpen(t, path)
	wGolden(t, "submission-YT", wDump(t, f))
	const sh = templates.SheetTasks
	for ref, want := range map[string]string{
		"B5": "YT-01", "J5": "Đã hoàn thành", "K5": "100", "L5": "20/02/2021", "M5": "Quyết định số 345/QĐ-UBND ngày 20/02/2021",
		"B6": "YT-02", "J6": "Đang lấy ý kiến", "N6": "Nguồn vắc xin phân bổ chưa đủ theo kế hoạch",
		"B7": "", "C7": "Kế hoạch phòng, chống dịch sốt xuất huyết năm 2021", "H7": "Tháng 5/2021",
	} {
		if got := wCell(t, f, sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	if raw, _ := f.GetCellValue(sh, "L5", wRawOpt); raw != "44247" {
		t.Errorf("L5 raw = %q, want the date serial 44247", raw)
	}
	if got := wCell(t, f, templates.SheetInfo, "B3"); got != "04/03/2021" {
		t.Errorf("Ngày báo cáo = %q", got)
	}
}

func TestWLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"Hoàn thành", 12, 1},
		{"Hoàn thành đúng hạn", 12, 2},
		{"một\nhai\nba", 40, 3},
		{strings.Repeat("x", 25), 11, 3},
	}
	for _, tc := range tests {
		if got := wLines(tc.text, tc.width); got != tc.want {
			t.Errorf("wLines(%q, %v) = %d, want %d", tc.text, tc.width, got, tc.want)
		}
	}
}
