package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// Layout of the submission template's task sheet.
const (
	wSubHeaderRow = 4  // rows 1-3 are titles and a hint
	wSubSpareRows = 10 // empty rows for proposed new tasks
	wSubListSheet = "Danh mục"
)

// WriteSubmission writes a submission workbook for one sector: the blank
// template the office sends out, or (with s.Sub) a filled-in one.
// The plan's columns are locked (sheet protection without a password);
// the progress columns and the spare rows at the bottom are not.
func WriteSubmission(w io.Writer, s Submission) error {
	b := newWBook()
	b.sheet(templates.SheetGuide)
	b.guide(templates.SheetGuide, wSubmissionGuide(s))
	b.submissionInfo(s)
	b.submissionTasks(s)
	b.stageList()
	idx, err := b.f.GetSheetIndex(templates.SheetTasks)
	b.do(err)
	b.f.SetActiveSheet(idx)
	title := fmt.Sprintf("Báo cáo tiến độ - %s - %s", s.Sector.Name, s.Period)
	return b.finish(w, title, report.Date(2000, 1, 1))
}

func (b *wbook) submissionInfo(s Submission) {
	const sh = templates.SheetInfo
	b.sheet(sh)
	b.width(sh, 1, 20)
	b.width(sh, 2, 30)
	b.width(sh, 3, 60)
	values := map[templates.InfoKey]any{templates.InfoSector: s.Sector.Code}
	period := s.Period
	if s.Sub != nil {
		if !s.Sub.Period.IsZero() {
			period = s.Sub.Period
		}
		values[templates.InfoReportDate] = s.Sub.ReportDate
		values[templates.InfoPreparer] = s.Sub.Preparer
		values[templates.InfoContact] = s.Sub.Contact
	}
	values[templates.InfoPeriod] = period.String()
	for i, k := range templates.SubmissionInfo {
		row := i + 1
		b.set(sh, 1, row, k.Vi, wstyle{bold: true, border: true, fill: wHead})
		v := values[k.Key]
		st := wstyle{border: true, fill: wYellow, unlocked: true, halign: "left"}
		if k.Key == templates.InfoSector || k.Key == templates.InfoPeriod {
			st.fill, st.numFmt = wGrey, "@"
		}
		b.set(sh, 2, row, v, st)
		hint := k.Hint
		if k.Key == templates.InfoSector && s.Sector.Name != "" {
			hint = s.Sector.Name
			if s.Sector.Lead != "" {
				hint += " – " + s.Sector.Lead
			}
			hint += " (Văn phòng đã điền, không sửa)"
		}
		b.set(sh, 3, row, hint, wstyle{italic: true, color: wHint, wrap: true})
		b.height(sh, row, wRowHeight(wLines(hint, 60), 0))
	}
	b.printSetup(sh, "portrait", "", report.VI)
	dv := b.dateValidation("B3", "Ngày báo cáo")
	b.do(b.f.AddDataValidation(sh, dv))
}

// dateValidation accepts dates from 2000 to 2100 and shows how to type
// one. Only a warning: in an Excel set to US format "15/02/2021" is text,
// which tonghop still reads.
func (b *wbook) dateValidation(sqref, title string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	b.do(dv.SetRange(wSerial(report.Date(2000, 1, 1)), wSerial(report.Date(2100, 12, 31)),
		excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	dv.SetInput(title, "Nhập ngày dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/02/2021.")
	dv.SetError(excelize.DataValidationErrorStyleWarning, title,
		"Ngày không hợp lệ. Nhập ngày dạng dd/mm/yyyy, ví dụ 15/02/2021.")
	return dv
}

// wSubColumn returns the 1-based column of field f in the template.
func wSubColumn(f templates.Field) int {
	for i, g := range templates.SubmissionFields {
		if g == f {
			return i + 1
		}
	}
	return 0
}

// wPlanField reports whether the office fills f from the plan.
func wPlanField(f templates.Field) bool {
	return f <= templates.FieldDeadline
}

func (b *wbook) submissionTasks(s Submission) {
	const sh = templates.SheetTasks
	b.sheet(sh)
	n := len(templates.SubmissionFields)
	b.submissionTitle(s, n)
	head := wstyle{bold: true, border: true, fill: wHead, halign: "center", valign: "center", wrap: true}
	headLines := 1
	for i, f := range templates.SubmissionFields {
		c := templates.Col(f)
		b.set(sh, i+1, wSubHeaderRow, c.Vi, head)
		b.width(sh, i+1, c.Width)
		headLines = max(headLines, wLines(c.Vi, c.Width))
	}
	b.height(sh, wSubHeaderRow, wRowHeight(headLines, 0))

	tasks, extra := wSubmissionRows(s)
	row := wSubHeaderRow
	for i, t := range tasks {
		row++
		b.submissionRow(row, i+1, t.task, t.row, true)
	}
	for i, r := range extra {
		row++
		b.submissionRow(row, len(tasks)+i+1, report.Task{}, r, false)
	}
	for range wSubSpareRows {
		row++
		b.submissionRow(row, 0, report.Task{}, nil, false)
	}
	b.submissionChecks(wSubHeaderRow+1, row)
	b.do(b.f.SetPanes(sh, &excelize.Panes{
		Freeze: true, XSplit: 3, YSplit: wSubHeaderRow, TopLeftCell: wRef(4, wSubHeaderRow+1), ActivePane: "bottomRight",
	}))
	b.landscape(sh, fmt.Sprintf("$%d:$%d", wSubHeaderRow, wSubHeaderRow), report.VI)
	b.do(b.f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		FormatCells: true, FormatColumns: true, FormatRows: true, InsertRows: true,
		SelectLockedCells: true, SelectUnlockedCells: true,
	}))
}

func (b *wbook) submissionTitle(s Submission, n int) {
	const sh = templates.SheetTasks
	period := s.Period
	if s.Sub != nil && !s.Sub.Period.IsZero() {
		period = s.Sub.Period
	}
	periodText := "tháng …/…"
	if !period.IsZero() {
		periodText = report.PeriodText(period, report.VI)
	}
	name := s.Sector.Name
	if name == "" {
		name = s.Sector.Code
	}
	lines := []struct {
		text string
		st   wstyle
	}{
		{"BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM", wstyle{bold: true, size: 14, halign: "center", valign: "center"}},
		{"Ngành: " + name + " — Kỳ báo cáo: " + periodText, wstyle{bold: true, size: 12, halign: "center", valign: "center"}},
		{"Các cột nền xám do Văn phòng điền sẵn theo danh mục nhiệm vụ, không sửa. Điền các cột nền vàng. " +
			"Đề xuất nhiệm vụ mới: ghi vào các dòng trống cuối bảng, để trống cột Mã nhiệm vụ.",
			wstyle{italic: true, halign: "center", valign: "center", wrap: true}},
	}
	for i, l := range lines {
		b.set(sh, 1, i+1, l.text, l.st)
		b.merge(sh, 1, i+1, n, i+1)
	}
	b.height(sh, 1, 24)
	b.height(sh, 2, 20)
	b.height(sh, 3, 20)
}

// wSubRow pairs a plan task with the reported row, if any.
type wSubRow struct {
	task report.Task
	row  *report.Row
}

// wSubmissionRows returns the sector's plan tasks in plan order, each with
// its reported row, and the reported rows that match no such task.
func wSubmissionRows(s Submission) ([]wSubRow, []*report.Row) {
	reported := map[string]*report.Row{}
	if s.Sub != nil {
		for i := range s.Sub.Rows {
			r := &s.Sub.Rows[i]
			if k := templates.Fold(r.ID); k != "" {
				if _, dup := reported[k]; !dup {
					reported[k] = r
				}
			}
		}
	}
	var tasks []wSubRow
	used := map[*report.Row]bool{}
	if s.Plan != nil {
		for _, t := range s.Plan.Tasks {
			if t.Sector != s.Sector.Code {
				continue
			}
			r := reported[templates.Fold(t.ID)]
			if r != nil {
				used[r] = true
			}
			tasks = append(tasks, wSubRow{t, r})
		}
	}
	var extra []*report.Row
	if s.Sub != nil {
		for i := range s.Sub.Rows {
			if r := &s.Sub.Rows[i]; !used[r] {
				extra = append(extra, r)
			}
		}
		for i := range s.Sub.Proposed {
			extra = append(extra, &s.Sub.Proposed[i])
		}
	}
	return tasks, extra
}

// submissionRow writes one task row. A plan row (fromPlan) shows the
// plan's columns locked on grey; other rows are open everywhere. r may be nil.
func (b *wbook) submissionRow(row, no int, t report.Task, r *report.Row, fromPlan bool) {
	const sh = templates.SheetTasks
	if !fromPlan && r != nil {
		t = report.Task{
			ID: r.ID, Title: r.Title, Output: r.Output, SubmitTo: r.SubmitTo, Lead: r.Lead,
			Coordinating: r.Coordinating, Deadline: r.Deadline, DeadlineText: r.DeadlineText,
		}
	}
	lines := 1
	for i, f := range templates.SubmissionFields {
		var v any
		st := wstyle{border: true, wrap: true, unlocked: true, fill: wYellow}
		if wPlanField(f) {
			v, st = wTaskValue(f, t, no)
			if no == 0 {
				v = nil
			}
			if fromPlan {
				st.fill = wGrey
			} else {
				st.unlocked, st.fill = true, wYellow
			}
		} else if r != nil {
			v = wProgressValue(f, r)
		}
		switch f {
		case templates.FieldPercent:
			st.halign, st.wrap = "center", false
		case templates.FieldDoneDate:
			st.halign = "center"
		}
		b.set(sh, i+1, row, v, st)
		if str, ok := v.(string); ok {
			lines = max(lines, wLines(str, templates.Col(f).Width))
		}
	}
	b.height(sh, row, wRowHeight(lines, 0))
}

// wProgressValue is the department's value of progress field f in r.
func wProgressValue(f templates.Field, r *report.Row) any {
	switch f {
	case templates.FieldOfficer:
		return r.Officer
	case templates.FieldStage:
		if r.StageText != "" {
			return r.StageText
		}
		if r.Stage != report.StageUnknown {
			return r.Stage.Label(report.VI)
		}
	case templates.FieldPercent:
		if r.HasPercent {
			return r.Percent
		}
	case templates.FieldDoneDate:
		return r.DoneDate
	case templates.FieldIssuedDoc:
		return r.IssuedDoc
	case templates.FieldDifficulties:
		return r.Difficulties
	case templates.FieldProposals:
		return r.Proposals
	case templates.FieldNotes:
		return r.Notes
	}
	return nil
}

// submissionChecks adds the drop-down of stages and the date and percent
// checks to the task rows first..last.
func (b *wbook) submissionChecks(first, last int) {
	const sh = templates.SheetTasks
	col := func(f templates.Field) string {
		c := wCol(wSubColumn(f))
		return fmt.Sprintf("%s%d:%s%d", c, first, c, last)
	}
	stages := excelize.NewDataValidation(true)
	stages.Sqref = col(templates.FieldStage)
	stages.SetSqrefDropList(fmt.Sprintf("%s!$A$1:$A$%d", wQuote(wSubListSheet), len(report.Stages)))
	stages.SetInput("Giai đoạn", "Chọn giai đoạn trong danh sách (xem trang Hướng dẫn).")
	stages.SetError(excelize.DataValidationErrorStyleWarning, "Giai đoạn",
		"Giai đoạn không có trong danh sách. Chọn một giai đoạn trong danh sách.")
	b.do(b.f.AddDataValidation(sh, stages))

	pct := excelize.NewDataValidation(true)
	pct.Sqref = col(templates.FieldPercent)
	b.do(pct.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
	pct.SetInput("Tỷ lệ hoàn thành (%)", "Nhập số từ 0 đến 100, ví dụ 60.")
	pct.SetError(excelize.DataValidationErrorStyleStop, "Tỷ lệ hoàn thành (%)",
		"Tỷ lệ hoàn thành phải là số từ 0 đến 100.")
	b.do(b.f.AddDataValidation(sh, pct))

	b.do(b.f.AddDataValidation(sh, b.dateValidation(col(templates.FieldDoneDate), "Ngày hoàn thành")))
}

// stageList writes the hidden sheet the stage drop-down refers to
// (SetDropList is limited to 255 characters).
func (b *wbook) stageList() {
	b.sheet(wSubListSheet)
	for i, st := range report.Stages {
		b.set(wSubListSheet, 1, i+1, st.Label(report.VI), wstyle{})
	}
	b.width(wSubListSheet, 1, 40)
	b.do(b.f.SetSheetVisible(wSubListSheet, false))
}

// wStageMeaning explains each stage in the instructions.
var wStageMeaning = map[report.Stage]string{
	report.StageNotStarted:   "chưa bắt đầu thực hiện.",
	report.StageDrafting:     "đang soạn thảo dự thảo văn bản.",
	report.StageConsulting:   "đã gửi dự thảo lấy ý kiến các sở, ngành, địa phương.",
	report.StageSynthesizing: "đang tổng hợp, giải trình, tiếp thu các ý kiến góp ý.",
	report.StageFinalizing:   "đang chỉnh sửa, hoàn thiện hồ sơ để trình.",
	report.StageSubmitted:    "đã trình cấp có thẩm quyền, đang chờ ban hành.",
	report.StageDone:         "văn bản đã được ban hành; bắt buộc ghi Ngày hoàn thành, nên ghi Văn bản ban hành.",
	report.StageInProgress:   "đang thực hiện nhưng không theo các bước trên.",
	report.StageAdjust:       "đề nghị điều chỉnh nội dung hoặc thời hạn nhiệm vụ; ghi rõ lý do ở cột Đề xuất, kiến nghị.",
	report.StageStopped:      "nhiệm vụ không tiếp tục thực hiện; ghi lý do ở cột Ghi chú.",
}

func wSubmissionGuide(s Submission) []string {
	name := s.Sector.Name
	if name == "" {
		name = s.Sector.Code
	}
	period := "kỳ báo cáo"
	if !s.Period.IsZero() {
		period = report.PeriodText(s.Period, report.VI)
	}
	lines := []string{
		"HƯỚNG DẪN ĐIỀN BÁO CÁO TIẾN ĐỘ NHIỆM VỤ TRỌNG TÂM",
		fmt.Sprintf("Mẫu này dùng để ngành %s báo cáo tiến độ thực hiện các nhiệm vụ trọng tâm %s. Văn phòng đã điền sẵn các nhiệm vụ của ngành theo danh mục nhiệm vụ.", name, period),
		"# 1. Trang \"Thông tin\"",
		"Điền Ngày báo cáo (ngày số liệu được cập nhật), Người lập và Điện thoại/Email. Không sửa Ngành và Kỳ báo cáo.",
		"# 2. Trang \"Nhiệm vụ\"",
		"Các cột nền xám (STT, Mã nhiệm vụ, Tên nhiệm vụ, Sản phẩm, Cấp trình, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn) do Văn phòng điền sẵn theo danh mục: không sửa, không xóa, không đổi thứ tự hay tên cột.",
		"Với mỗi nhiệm vụ, điền các cột nền vàng: Cán bộ phụ trách, Giai đoạn, Tỷ lệ hoàn thành (%) (số từ 0 đến 100), Ngày hoàn thành, Văn bản ban hành, Khó khăn, vướng mắc, Đề xuất, kiến nghị và Ghi chú.",
		"# 3. Giai đoạn",
		"Chọn Giai đoạn trong danh sách thả xuống, theo trình tự: xây dựng dự thảo → lấy ý kiến → tổng hợp, giải trình, tiếp thu → hoàn thiện → trình → hoàn thành.",
	}
	for _, st := range report.Stages {
		lines = append(lines, "- "+st.Label(report.VI)+": "+wStageMeaning[st])
	}
	return append(lines,
		"# 4. Ngày tháng",
		"Ghi ngày theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/02/2021 là ngày 15 tháng 02 năm 2021. Khi Giai đoạn là \"Hoàn thành\", bắt buộc ghi Ngày hoàn thành.",
		"# 5. Đề xuất nhiệm vụ mới",
		"Nếu đề xuất bổ sung nhiệm vụ mới, ghi vào các dòng trống ở cuối bảng: để trống cột Mã nhiệm vụ, ghi Tên nhiệm vụ, Sản phẩm, Cấp trình, Cơ quan chủ trì, Thời hạn và các cột tiến độ. Nhiệm vụ đề xuất được tổng hợp riêng, chưa tính vào kết quả.",
		"# 6. Gửi báo cáo",
		"Lưu tệp dạng Excel (.xlsx), không đặt mật khẩu, không lưu dạng .xls hoặc .ods, rồi gửi lại Văn phòng qua thư điện tử. Có thể đổi tên tệp.",
	)
}
