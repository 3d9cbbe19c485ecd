package inbox

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// retypedHeaders are the headers a department uses when it types its own
// table instead of filling in the template.
var retypedHeaders = map[templates.Field]string{
	templates.FieldNo: "TT", templates.FieldID: "Mã NV", templates.FieldTitle: "Nội dung nhiệm vụ",
	templates.FieldOutput: "Hình thức văn bản", templates.FieldSubmitTo: "Cấp trình ban hành",
	templates.FieldLead: "Đơn vị chủ trì", templates.FieldCoordinating: "Đơn vị phối hợp",
	templates.FieldDeadline: "Thời hạn hoàn thành", templates.FieldOfficer: "Chuyên viên phụ trách",
	templates.FieldStage: "Tiến độ thực hiện", templates.FieldPercent: "Tỷ lệ hoàn thành",
	templates.FieldDoneDate: "Ngày hoàn thành thực tế", templates.FieldIssuedDoc: "Số, ký hiệu văn bản",
	templates.FieldDifficulties: "Khó khăn, vướng mắc (nếu có)", templates.FieldProposals: "Kiến nghị, đề xuất",
	templates.FieldNotes: "Ghi chú khác",
}

// layout says how a streamed workbook looks: the template's (sheet names,
// headers and order of the office's template) or a retyped one.
type layout struct {
	infoSheet, taskSheet string
	infoKeys             []string // sector, period, report date, preparer, contact
	titles               []string // rows above the header
	fields               []templates.Field
	header               func(templates.Field) string
	numbering, section   bool // a "(1) (2) …" row under the header; a section row
	total                bool // a "Tổng cộng" row at the end
	textDates            bool // dates typed as text
}

func templateLayout(u *Unit) layout {
	l := layout{
		infoSheet: templates.SheetInfo, taskSheet: templates.SheetTasks,
		titles: []string{"BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM",
			"Ngành: " + u.Sector.Name + " — Kỳ báo cáo: " + report.PeriodText(Period, report.VI), ""},
		fields: templates.SubmissionFields,
		header: func(f templates.Field) string { return templates.Col(f).Vi },
	}
	for _, k := range templates.SubmissionInfo {
		l.infoKeys = append(l.infoKeys, k.Vi)
	}
	return l
}

func retypedLayout(r *rand.Rand, u *Unit) layout {
	rest := templates.SubmissionFields[1:]
	fields := []templates.Field{templates.FieldNo}
	for _, i := range r.Perm(len(rest)) {
		fields = append(fields, rest[i])
	}
	return layout{
		infoSheet: "Thong tin chung", taskSheet: "BC thang 3",
		infoKeys: []string{"Đơn vị", "Tháng báo cáo", "Ngày lập", "Người báo cáo", "Liên hệ"},
		titles: []string{"ỦY BAN NHÂN DÂN TỈNH " + strings.ToUpper(u.Sector.Lead),
			"BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM THÁNG 3 NĂM 2021", ""},
		fields:    fields,
		header:    func(f templates.Field) string { return retypedHeaders[f] },
		numbering: true, section: true, total: true, textDates: true,
	}
}

// writeStreamed streams u's workbook: the template's layout when asTemplate,
// else a department's own table.
func writeStreamed(w io.Writer, u *Unit, asTemplate bool) error {
	r := rand.New(rand.NewPCG(uint64(len(u.Tasks)), uint64(u.Sector.Order)))
	l := templateLayout(u)
	if !asTemplate {
		l = retypedLayout(r, u)
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", l.infoSheet); err != nil {
		return err
	}
	if err := writeInfo(f, st, l, u); err != nil {
		return err
	}
	if _, err := f.NewSheet(l.taskSheet); err != nil {
		return err
	}
	if err := writeTasks(f, st, l, u, r); err != nil {
		return err
	}
	idx, _ := f.GetSheetIndex(l.taskSheet)
	f.SetActiveSheet(idx)
	stamp := "2021-03-01T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "geninbox", Created: stamp, Modified: stamp}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

type styles struct{ head, cell, date, title int }

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	dateFmt := "dd/mm/yyyy"
	var s styles
	var err error
	for _, x := range []struct {
		id *int
		st *excelize.Style
	}{
		{&s.head, &excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.cell, &excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.date, &excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border,
			CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 14},
			Alignment: &excelize.Alignment{Horizontal: "center"}}},
	} {
		if *x.id, err = f.NewStyle(x.st); err != nil {
			return s, err
		}
	}
	return s, nil
}

func writeInfo(f *excelize.File, st styles, l layout, u *Unit) error {
	sw, err := f.NewStreamWriter(l.infoSheet)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 2, 30); err != nil {
		return err
	}
	rd := u.Sub.ReportDate
	var date any = excelize.Cell{StyleID: st.date, Value: serial(rd)}
	periodText := Period.String()
	if l.textDates {
		date = fmt.Sprintf("ngày %02d tháng %d năm %d", rd.Day(), int(rd.Month()), rd.Year())
		periodText = "03/2021"
	}
	values := []any{u.Sector.Code, periodText, date, u.Sub.Preparer, u.Sub.Contact}
	for i, k := range l.infoKeys {
		row := []any{excelize.Cell{StyleID: st.head, Value: k}, values[i]}
		if err := sw.SetRow(cell(1, i+1), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func writeTasks(f *excelize.File, st styles, l layout, u *Unit, r *rand.Rand) error {
	sw, err := f.NewStreamWriter(l.taskSheet)
	if err != nil {
		return err
	}
	for i, fl := range l.fields {
		if err := sw.SetColWidth(i+1, i+1, templates.Col(fl).Width); err != nil {
			return err
		}
	}
	n := len(l.fields)
	row := 0
	for _, t := range l.titles {
		row++
		if t == "" {
			continue
		}
		if err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: st.title, Value: t}}); err != nil {
			return err
		}
		if err := sw.MergeCell(cell(1, row), cell(n, row)); err != nil {
			return err
		}
	}
	head := make([]any, n)
	for i, fl := range l.fields {
		head[i] = excelize.Cell{StyleID: st.head, Value: l.header(fl)}
	}
	row++
	if err := sw.SetRow(cell(1, row), head, excelize.RowOpts{Height: 48}); err != nil {
		return err
	}
	if l.numbering {
		nums := make([]any, n)
		for i := range nums {
			nums[i] = excelize.Cell{StyleID: st.head, Value: fmt.Sprintf("(%d)", i+1)}
		}
		row++
		if err := sw.SetRow(cell(1, row), nums); err != nil {
			return err
		}
	}
	if l.section {
		row++
		sec := excelize.Cell{StyleID: st.head, Value: "I. LĨNH VỰC " + strings.ToUpper(u.Sector.Name)}
		if err := sw.SetRow(cell(1, row), []any{sec}); err != nil {
			return err
		}
	}
	vals := make([]any, n)
	for j, t := range u.Tasks {
		rw := &u.Sub.Rows[j]
		for i, fl := range l.fields {
			vals[i] = value(st, l, fl, j+1, t, rw, r)
		}
		row++
		if err := sw.SetRow(cell(1, row), vals); err != nil {
			return err
		}
	}
	if l.total {
		row++
		tot := []any{excelize.Cell{StyleID: st.head, Value: "Tổng cộng"}, excelize.Cell{StyleID: st.head, Value: fmt.Sprintf("%d nhiệm vụ", len(u.Tasks))}}
		if err := sw.SetRow(cell(1, row), tot); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// value is the cell of field fl for task t (STT no) reported in rw.
func value(st styles, l layout, fl templates.Field, no int, t report.Task, rw *report.Row, r *rand.Rand) any {
	text := func(s string) any {
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: st.cell, Value: s}
	}
	date := func(d time.Time) any {
		switch {
		case d.IsZero():
			return nil
		case l.textDates && r.IntN(2) == 0:
			return text(d.Format("02.01.2006"))
		case l.textDates:
			return text(d.Format("2/1/2006"))
		}
		return excelize.Cell{StyleID: st.date, Value: serial(d)}
	}
	switch fl {
	case templates.FieldNo:
		return excelize.Cell{StyleID: st.cell, Value: no}
	case templates.FieldID:
		return text(t.ID)
	case templates.FieldTitle:
		return text(t.Title)
	case templates.FieldOutput:
		return text(t.Output)
	case templates.FieldSubmitTo:
		return text(t.SubmitTo)
	case templates.FieldLead:
		return text(t.Lead)
	case templates.FieldCoordinating:
		return text(t.Coordinating)
	case templates.FieldDeadline:
		if t.DeadlineText != "" {
			return text(t.DeadlineText)
		}
		return date(t.Deadline)
	case templates.FieldOfficer:
		return text(rw.Officer)
	case templates.FieldStage:
		return text(rw.StageText)
	case templates.FieldPercent:
		if l.textDates && r.IntN(3) == 0 {
			return text(fmt.Sprintf("%g%%", rw.Percent))
		}
		return excelize.Cell{StyleID: st.cell, Value: rw.Percent}
	case templates.FieldDoneDate:
		return date(rw.DoneDate)
	case templates.FieldIssuedDoc:
		return text(rw.IssuedDoc)
	case templates.FieldDifficulties:
		return text(rw.Difficulties)
	case templates.FieldProposals:
		return text(rw.Proposals)
	case templates.FieldNotes:
		return text(rw.Notes)
	}
	return nil
}

func cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// serial is the Excel serial number of a date (1900 system).
func serial(t time.Time) float64 {
	return float64(t.Sub(report.Date(1899, time.December, 30)).Hours() / 24)
}
