package xlsx

import (
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// taskColumns is the full task table of the consolidated workbook.
func taskColumns(lang report.Lang) []wcolumn {
	return []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Ngành", "Sector"), 12, ""},
		{lang.Pick("Mã nhiệm vụ", "Task ID"), 9, ""},
		{lang.Pick("Tên nhiệm vụ", "Task"), 34, ""},
		{lang.Pick("Cơ quan chủ trì", "Lead agency"), 14, ""},
		{lang.Pick("Sản phẩm", "Output"), 10, ""},
		{lang.Pick("Cấp trình", "Submit to"), 11, ""},
		{lang.Pick("Thời hạn", "Deadline"), 11, "center"},
		{lang.Pick("Giai đoạn", "Stage"), 14, ""},
		{lang.Pick("Tình trạng", "Status"), 13, ""},
		{lang.Pick("Ngày hoàn thành", "Completed on"), 11, "center"},
		{lang.Pick("Văn bản ban hành", "Issued document"), 18, ""},
		{lang.Pick("Cán bộ phụ trách", "Officer"), 13, ""},
		{lang.Pick("Khó khăn, vướng mắc", "Difficulties"), 22, ""},
		{lang.Pick("Đề xuất, kiến nghị", "Proposals"), 22, ""},
		{lang.Pick("Tệp nguồn", "Source file"), 14, ""},
		{lang.Pick("Dòng", "Row"), 6, "center"},
	}
}

// taskSheet writes the full task table with a StreamWriter, so that a
// national roll-up of thousands of tasks stays within memory. Everything
// that lives outside the sheet data (print setup, filter, dimension) is
// set before the stream starts, as excelize requires.
// The sheet must exist already.
func (b *wbook) taskSheet(sh string, r *report.Result, lang report.Lang) {
	cols := taskColumns(lang)
	last := len(r.Entries) + 1
	ref := "A1:" + wRef(len(cols), last)
	b.landscape(sh, "$1:$1", lang)
	b.do(b.f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddHeader: "&C&\"Times New Roman,Bold\"&11" + lang.Pick("Tổng hợp nhiệm vụ trọng tâm — ", "Key tasks — ") +
			report.PeriodText(r.Period, lang),
		OddFooter: "&C&\"Times New Roman\"&10" + lang.Pick("Trang &P/&N", "Page &P of &N"),
	}))
	b.do(b.f.AutoFilter(sh, ref, nil))
	fit := true // AutoFilter replaces the sheet properties: fit to page again
	b.do(b.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}))
	b.do(b.f.SetSheetDimension(sh, ref))
	if b.err != nil {
		return
	}
	sw, err := b.f.NewStreamWriter(sh)
	if err != nil {
		b.do(err)
		return
	}
	// The stream writer keeps each new width in front of the others and
	// writes them unsorted; Excel wants <col> elements in ascending order.
	for i := len(cols) - 1; i >= 0; i-- {
		b.do(sw.SetColWidth(i+1, i+1, cols[i].width))
	}
	b.do(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))

	head := b.style(wstyle{bold: true, border: true, fill: wHead, halign: "center", valign: "center", wrap: true})
	var cells []any
	lines := 1
	for _, c := range cols {
		cells = append(cells, excelize.Cell{StyleID: head, Value: c.head})
		lines = max(lines, wLines(c.head, c.width))
	}
	b.do(sw.SetRow("A1", cells, excelize.RowOpts{Height: wRowHeight(lines, 0)}))
	for i, e := range r.Entries {
		b.streamRow(sw, i+2, cols, wTaskRow(i+1, e, r, lang))
	}
	b.do(sw.Flush())
}

// wTaskRow is one entry's cells, in taskColumns order.
func wTaskRow(no int, e report.Entry, r *report.Result, lang report.Lang) []any {
	var stage, row any
	if e.Reported {
		stage = e.Row.StageText
		if e.Row.Stage != report.StageUnknown {
			stage = e.Row.Stage.Label(lang)
		}
		if e.Row.Row > 0 {
			row = e.Row.Row
		}
	}
	return []any{
		no, r.SectorName(e.Sector), e.ID, e.Title, e.Lead, e.Output, e.SubmitTo, wDeadline(e.Task),
		stage, wStatus(e.Status, lang), e.Row.DoneDate, e.Row.IssuedDoc, e.Officer,
		e.Row.Difficulties, e.Row.Proposals, e.Source, row,
	}
}

// streamRow writes one bordered, wrapped data row with a height that fits
// its longest cell.
func (b *wbook) streamRow(sw *excelize.StreamWriter, row int, cols []wcolumn, vals []any) {
	cells := make([]any, len(vals))
	lines := 1
	for i, v := range vals {
		s := wstyle{border: true, wrap: true, halign: cols[i].align}
		if f, ok := v.(wfilled); ok {
			v, s.fill = f.v, f.fill
		}
		switch x := v.(type) {
		case time.Time:
			if x.IsZero() {
				v = nil
			} else {
				v, s.date, s.halign = wSerial(x), true, "center"
			}
		case string:
			lines = max(lines, wLines(x, cols[i].width))
		}
		cells[i] = excelize.Cell{StyleID: b.style(s), Value: v}
	}
	b.do(sw.SetRow(wRef(1, row), cells, excelize.RowOpts{Height: wRowHeight(lines, 0)}))
}
