package report

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/templates"
)

// testPlan has two sectors and four tasks.
func testPlan() *Plan {
	return &Plan{
		File: "plan.xlsx",
		Sectors: []Sector{
			{Code: "YT", Name: "Y tế", Lead: "Sở Y tế", Order: 1},
			{Code: "GD", Name: "Giáo dục", Lead: "Sở Giáo dục và Đào tạo", Order: 2},
		},
		Tasks: []Task{
			{ID: "YT-01", Sector: "YT", Title: "Đề án y tế cơ sở", Output: "Đề án", Deadline: Date(2021, 6, 30), DeadlineText: "Quý II/2021"},
			{ID: "YT-02", Sector: "YT", Title: "Kế hoạch tiêm chủng", Output: "Kế hoạch", Deadline: Date(2021, 2, 28)},
			{ID: "GD-01", Sector: "GD", Title: "Nghị quyết học phí", Output: "Nghị quyết", Deadline: Date(2021, 3, 10)},
			{ID: "GD-02", Sector: "GD", Title: "Kế hoạch thi", Output: "Kế hoạch", Deadline: Date(2021, 3, 31)},
		},
	}
}

// cols are the column letters of the test layout.
var cols = map[templates.Field]string{
	templates.FieldID: "B", templates.FieldTitle: "C", templates.FieldOutput: "D", templates.FieldDeadline: "H",
	templates.FieldOfficer: "I", templates.FieldStage: "J", templates.FieldPercent: "K", templates.FieldDoneDate: "L",
	templates.FieldDifficulties: "N", templates.FieldProposals: "O",
}

// rawRow makes a RawRow from field → text pairs; a time.Time value becomes
// a date cell.
func rawRow(n int, kv map[templates.Field]any) RawRow {
	r := RawRow{Row: n}
	for f, v := range kv {
		c := Cell{Ref: fmt.Sprintf("%s%d", cols[f], n)}
		switch v := v.(type) {
		case string:
			c.Text = v
		case time.Time:
			c.IsNumber, c.IsDate = true, true
			c.Number = float64(Days(excelEpoch, v))
			c.Text = fmt.Sprint(c.Number)
		case float64:
			c.IsNumber, c.Number, c.Text = true, v, fmt.Sprint(v)
		}
		r.Cells[f] = c
	}
	return r
}

func rawSub(name, sector, period, date string, rows ...RawRow) *RawSubmission {
	raw := &RawSubmission{File: "in/" + name, Name: name, InfoSheet: "Thông tin", TaskSheet: "Nhiệm vụ", HeaderRow: 4, Rows: rows}
	for f, c := range cols {
		raw.Columns[f] = c
	}
	info := []struct {
		k templates.InfoKey
		v string
	}{{templates.InfoSector, sector}, {templates.InfoPeriod, period}, {templates.InfoReportDate, date}}
	for i, kv := range info {
		if kv.v != "" {
			raw.Info = append(raw.Info, RawInfo{Key: kv.k, Value: Cell{Ref: fmt.Sprintf("B%d", i+1), Text: kv.v}})
		}
	}
	return raw
}

type F = templates.Field

const (
	fID    = templates.FieldID
	fTitle = templates.FieldTitle
	fOut   = templates.FieldOutput
	fDead  = templates.FieldDeadline
	fOff   = templates.FieldOfficer
	fStage = templates.FieldStage
	fPct   = templates.FieldPercent
	fDone  = templates.FieldDoneDate
	fDiff  = templates.FieldDifficulties
)

// codesAt lists findings as "cell code severity" lines.
func codesAt(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %s\n", f.Cell, f.Code, f.Severity)
	}
	return b.String()
}

func TestInterpretFindsEveryProblemAtItsCell(t *testing.T) {
	raw := rawSub("gd.xlsx", "Giáo dục", "2021-03", "02/03/2021",
		rawRow(5, map[F]any{fID: "GD-01", fTitle: "Nghị quyết học phí", fOff: "Phạm Huy", fStage: "hoan thanh", fDone: "05/03/2021"}),
		rawRow(6, map[F]any{fID: "GD-02", fTitle: "Kế hoạch thi", fOff: "Trang", fStage: "Đang chờ", fPct: "150%"}),
		rawRow(7, map[F]any{fID: "GD-09", fTitle: "Đề án mới", fOff: "Lâm", fStage: "Đang xây dựng dự thảo"}),
		rawRow(8, map[F]any{fID: "YT-01", fTitle: "Đề án y tế", fOff: "Lâm", fStage: "Đang lấy ý kiến"}),
		rawRow(9, map[F]any{fID: "GD-02", fTitle: "Kế hoạch thi (lặp)", fStage: "Hoàn thành"}),
	)
	s := Interpret(raw, testPlan())
	got := codesAt(s.Findings)
	want := `L5 done.future_date error
B6 task.duplicate_id error
J6 stage.unknown error
K6 percent.invalid warning
B7 task.unknown_id warning
B8 task.wrong_sector error
B9 task.duplicate_id error
I9 officer.missing warning
L9 done.missing_date error
`
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if s.Rejected != 4 || len(s.Rows) != 0 || len(s.Proposed) != 1 {
		t.Errorf("rejected %d, rows %d, proposed %d; want 4, 0, 1", s.Rejected, len(s.Rows), len(s.Proposed))
	}
	if s.Sector != "GD" || s.Period.String() != "2021-03" || !s.ReportDate.Equal(Date(2021, 3, 2)) {
		t.Errorf("info: sector %q period %s date %v", s.Sector, s.Period, s.ReportDate)
	}
	// Messages name file, sheet and cell and say how to fix it.
	for _, f := range s.Findings {
		if f.Code == CodeDoneFutureDate {
			want := "gd.xlsx, trang tính “Nhiệm vụ”, ô L5: ngày hoàn thành 05/03/2021 sau ngày báo cáo 02/03/2021; hãy kiểm tra lại ngày (ngày trước, tháng sau)."
			if m := f.Message(VI); m != want {
				t.Errorf("message:\n%s\nwant:\n%s", m, want)
			}
			wantEN := "gd.xlsx, sheet “Nhiệm vụ”, cell L5: completion date 05/03/2021 is after the report date 02/03/2021; check the date (day first, then month)."
			if m := f.Message(EN); m != wantEN {
				t.Errorf("message:\n%s\nwant:\n%s", m, wantEN)
			}
		}
	}
}

func TestInterpretAcceptsAGoodRow(t *testing.T) {
	raw := rawSub("yt.xlsx", "YT", "03/2021", "01/03/2021",
		rawRow(5, map[F]any{fID: "YT-02", fTitle: "Kế hoạch tiêm chủng", fOff: "Hạnh", fStage: "Hoàn thành", fPct: 1.0, fDone: Date(2021, 2, 26)}),
		rawRow(6, map[F]any{fID: "yt-01", fTitle: "Đề án y tế cơ sở", fOff: "Tuấn", fStage: "Đang lấy ý kiến góp ý", fPct: "40%", fDiff: "Chưa có  hướng dẫn"}),
	)
	raw.Rows[0].Cells[fPct].Percent = true
	s := Interpret(raw, testPlan())
	if len(s.Findings) != 0 {
		t.Fatalf("unexpected findings:\n%s", codesAt(s.Findings))
	}
	if len(s.Rows) != 2 {
		t.Fatalf("rows %d, want 2", len(s.Rows))
	}
	r0, r1 := s.Rows[0], s.Rows[1]
	if r0.Stage != StageDone || !r0.DoneDate.Equal(Date(2021, 2, 26)) || r0.Percent != 100 {
		t.Errorf("row 5: stage %v done %v pct %v", r0.Stage, r0.DoneDate, r0.Percent)
	}
	if r1.Stage != StageConsulting || r1.Percent != 40 || r1.Difficulties != "Chưa có hướng dẫn" {
		t.Errorf("row 6: stage %v pct %v diff %q", r1.Stage, r1.Percent, r1.Difficulties)
	}
}

func TestInterpretWholeFileProblems(t *testing.T) {
	tests := []struct {
		name           string
		sector, period string
		date           string
		plan           bool
		want           string
		refused        bool
	}{
		{"unknown sector, inferred from ids", "Sở Y", "2021-03", "01/03/2021", true, "B1 sector.unknown warning\n", false},
		{"no period: taken from the report date", "YT", "", "01/03/2021", true, " period.missing warning\n", false},
		{"no period nor date", "YT", "", "", true, " period.missing error\n report_date.missing warning\n", true},
		{"bad period", "YT", "tháng ba", "01/03/2021", true, "B2 period.invalid error\n", true},
		{"bad report date", "YT", "2021-03", "03/15/2021", true, "B3 date.invalid error\n", false},
		{"no sector, no plan", "", "2021-03", "01/03/2021", false, " sector.missing error\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := rawSub("x.xlsx", tc.sector, tc.period, tc.date,
				rawRow(5, map[F]any{fID: "YT-01", fTitle: "Đề án", fOff: "A", fStage: "Đang lấy ý kiến", fDead: "Quý II/2021"}))
			var plan *Plan
			if tc.plan {
				plan = testPlan()
			}
			s := Interpret(raw, plan)
			if got := codesAt(s.Findings); got != tc.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tc.want)
			}
			if s.Refused != tc.refused {
				t.Errorf("refused %v, want %v", s.Refused, tc.refused)
			}
		})
	}
}

func TestInterpretWithoutPlanNeedsDeadlines(t *testing.T) {
	raw := rawSub("x.xlsx", "Y tế", "2021-03", "01/03/2021",
		rawRow(5, map[F]any{fTitle: "Đề án", fOff: "A", fStage: "Đang lấy ý kiến", fDead: "Quý II/2021"}),
		rawRow(6, map[F]any{fTitle: "Kế hoạch", fOff: "B", fStage: "Đang lấy ý kiến"}),
		rawRow(7, map[F]any{fTitle: "Báo cáo", fOff: "C", fStage: "Đang lấy ý kiến", fDead: "12/31/2021"}),
	)
	s := Interpret(raw, nil)
	want := "H6 deadline.missing error\nH7 date.invalid error\n"
	if got := codesAt(s.Findings); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if len(s.Rows) != 1 || !s.Rows[0].Deadline.Equal(Date(2021, 6, 30)) || s.Sector != "Y tế" {
		t.Errorf("rows %+v sector %q", s.Rows, s.Sector)
	}
}

func TestInterpretPlanMismatchIsAWarning(t *testing.T) {
	raw := rawSub("yt.xlsx", "YT", "2021-03", "01/03/2021",
		rawRow(5, map[F]any{fID: "YT-01", fTitle: "Đề án", fOut: "Quyết định", fOff: "A", fStage: "Đang lấy ý kiến", fDead: "30/09/2021"}))
	s := Interpret(raw, testPlan())
	want := "D5 task.plan_mismatch warning\nH5 task.plan_mismatch warning\n"
	if got := codesAt(s.Findings); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if len(s.Rows) != 1 {
		t.Fatalf("the row must be kept")
	}
	if got := s.Findings[1].Text(VI); !strings.Contains(got, "“Quý II/2021”") {
		t.Errorf("mismatch message should quote the plan's deadline: %s", got)
	}
}

func TestInterpretPlan(t *testing.T) {
	cell := func(ref, s string) Cell { return Cell{Ref: ref, Text: s} }
	raw := &RawPlan{Name: "plan.xlsx", TaskSheet: "Nhiệm vụ",
		Info: []RawInfo{
			{Key: templates.InfoGoverningBody, Value: cell("B1", "ỦY BAN NHÂN DÂN TỈNH X")},
			{Key: templates.InfoRecipients, Value: cell("B2", "- Như trên;\n- Lưu: VT, VX.")},
		},
		Sectors: []RawSectorRow{
			{Row: 2, Code: cell("A2", "GD"), Name: cell("B2", "Giáo dục"), Order: cell("D2", "2")},
			{Row: 3, Code: cell("A3", "YT"), Name: cell("B3", "Y tế"), Order: cell("D3", "1")},
		},
		Tasks: []RawRow{
			{Row: 2, Cells: [templates.NumFields]Cell{fID: cell("B2", "YT-01"), templates.FieldSector: cell("C2", "Y tế"), fTitle: cell("D2", "A"), fDead: cell("I2", "Quý II/2021")}},
			{Row: 3, Cells: [templates.NumFields]Cell{fID: cell("B3", "YT-01"), templates.FieldSector: cell("C3", "YT"), fTitle: cell("D3", "B")}},
			{Row: 4, Cells: [templates.NumFields]Cell{fID: cell("B4", "XX-01"), templates.FieldSector: cell("C4", "XX"), fTitle: cell("D4", "C")}},
			{Row: 5, Cells: [templates.NumFields]Cell{fID: cell("B5", "GD-01"), templates.FieldSector: cell("C5", "gd"), fTitle: cell("D5", "D"), fDead: cell("I5", "sớm")}},
		},
	}
	p := InterpretPlan(raw)
	if got := codesAt(p.Findings); got != "B3 plan.invalid error\nC4 plan.invalid error\nI5 date.invalid warning\n" {
		t.Errorf("findings:\n%s", got)
	}
	if len(p.Tasks) != 2 || p.Tasks[0].Sector != "YT" || !p.Tasks[0].Deadline.Equal(Date(2021, 6, 30)) || p.Tasks[0].DeadlineText != "Quý II/2021" {
		t.Errorf("tasks: %+v", p.Tasks)
	}
	if p.Sectors[0].Code != "YT" || p.Sectors[1].Code != "GD" {
		t.Errorf("sectors must follow their order column: %+v", p.Sectors)
	}
	if strings.Join(p.Info.Recipients, "|") != "Như trên|Lưu: VT, VX" {
		t.Errorf("recipients: %q", p.Info.Recipients)
	}
}

func TestPlanSectorNamesAsDepartmentsWriteThem(t *testing.T) {
	p := testPlan()
	for text, want := range map[string]string{
		"YT": "YT", "y tế": "YT", "Sở Y tế": "YT", "GD - Giáo dục": "GD", "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng": "GD",
		"Ngành Giáo dục": "GD", "SO Y TE": "YT", "Y tế, Giáo dục": "", "Tài chính": "", "": "",
	} {
		s, ok := p.Sector(text)
		if s.Code != want || ok != (want != "") {
			t.Errorf("Sector(%q) = %q, %v; want %q", text, s.Code, ok, want)
		}
	}
}

func TestInterpretRefusedFileStillReportsItsRows(t *testing.T) {
	raw := rawSub("x.xlsx", "", "", "",
		rawRow(5, map[F]any{fID: "YT-01", fTitle: "Đề án", fOff: "A", fStage: "Đang chờ"}),
		rawRow(6, map[F]any{fID: "YT-02", fTitle: "Kế hoạch", fOff: "B", fStage: "Đang lấy ý kiến"}))
	s := Interpret(raw, testPlan())
	// The sector is inferred from the task ids (a warning); the rows are
	// checked though the file is refused for its missing period.
	want := "J5 stage.unknown error\n period.missing error\n report_date.missing warning\n sector.missing warning\n"
	if got := codesAt(s.Findings); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if !s.Refused || len(s.Rows) != 0 || s.Rejected != 2 {
		t.Errorf("refused %v rows %d rejected %d", s.Refused, len(s.Rows), s.Rejected)
	}
}

// TestInterpretConcurrently interprets files on several goroutines at once,
// as the loader does, with texts that go through the memo shared across
// files (Latin-1-only names, legacy text, deadlines written as periods):
// every file comes out as when it is interpreted alone (run with -race).
func TestInterpretConcurrently(t *testing.T) {
	var raws []*RawSubmission
	for i := range 12 {
		var rows []RawRow
		for r := range 40 {
			rows = append(rows, rawRow(5+r, map[F]any{fID: fmt.Sprintf("X-%d-%d", i, r), fTitle: "Đề án số " + fmt.Sprint(r),
				fOff:   []string{"Bùi Xuân Tâm", "Võ Thu Lan", "Hoµn thµnh", "Lê  An "}[(i+r)%4],
				fStage: []string{"Hoàn thành", "Đang lấy ý kiến", "hoan thanh"}[r%3],
				fDead:  []string{"Quý II/2021", "Tháng 6/2021", "30/06/2021", fmt.Sprintf("Tháng %d/2021", 1+(i+r)%12)}[(i*r)%4],
				fDone:  "15/03/2021"}))
		}
		raws = append(raws, rawSub(fmt.Sprintf("f%d.xlsx", i), "YT", "2021-03", "31/03/2021", rows...))
	}
	render := func(s *Submission) string { return fmt.Sprintf("%+v", *s) }
	// Each way starts with an empty shared memo.
	fresh := func() {
		sharedTexts, sharedDeadlines = newSharedMemo[textKey, textVal](1<<16), newSharedMemo[string, dateVal](1<<14)
	}
	defer fresh()
	fresh()
	want := make([]string, len(raws))
	for i, raw := range raws {
		want[i] = render(Interpret(raw, nil))
	}
	fresh()
	got := make([]string, len(raws))
	var wg sync.WaitGroup
	for i, raw := range raws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = render(Interpret(raw, nil))
		}()
	}
	wg.Wait()
	for i := range raws {
		if got[i] != want[i] {
			t.Errorf("file %d differs when interpreted concurrently:\n%s\nalone:\n%s", i, got[i], want[i])
		}
	}
}
