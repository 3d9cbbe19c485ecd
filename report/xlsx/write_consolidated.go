package xlsx

import (
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// Sheet names of the consolidated workbook, Vietnamese and English.
type wsheets struct {
	summary, tasks, late, issues, follow, proposed, sources, findings string
}

func consolidatedSheets(lang report.Lang) wsheets {
	if lang == report.EN {
		return wsheets{"Summary", "Tasks", "Overdue - Due soon", "Difficulties - Proposals",
			"Follow-up", "Proposed tasks", "Sources", "Findings"}
	}
	return wsheets{"Tổng hợp", "Nhiệm vụ", "Quá hạn - Sắp đến hạn", "Khó khăn - Đề xuất",
		"Đôn đốc", "Nhiệm vụ đề xuất", "Nguồn", "Lỗi"}
}

// Status colours: a pale fill for table cells and a stronger one for the
// chart, both readable in black and white.
var wStatusColors = map[report.Status][2]string{
	report.StatusDoneOnTime:  {"C6EFCE", "2E7D32"},
	report.StatusDoneLate:    {"E2EFDA", "9BBB59"},
	report.StatusOnTrack:     {"DDEBF7", "4F81BD"},
	report.StatusOverdue:     {"FFC7CE", "C0504D"},
	report.StatusNotReported: {"EDEDED", "A5A5A5"},
	report.StatusStopped:     {"FFF2CC", "FFC000"},
}

// wStatus is a status cell: its label on its colour.
func wStatus(s report.Status, lang report.Lang) wfilled {
	return wfilled{s.Label(lang), wStatusColors[s][0]}
}

// WriteConsolidated writes the consolidated workbook tong-hop-YYYY-MM.xlsx
// (SPEC §8): summary with chart, the full task table, overdue and due-soon
// tasks, difficulties and proposals, follow-up, proposed tasks, sources
// and findings, plus a hidden sheet that ReadSnapshot reads next month.
// The bytes depend only on r and lang.
func WriteConsolidated(w io.Writer, r *report.Result, lang report.Lang) error {
	if r == nil {
		return errors.New("write consolidated workbook: no result")
	}
	if lang != report.EN {
		lang = report.VI
	}
	names := consolidatedSheets(lang)
	b := newWBook()
	b.sst = newWSST(r, lang)
	b.summarySheet(names.summary, r, lang)
	b.sheet(names.tasks)
	b.taskSheet(names.tasks, r, lang)
	b.lateSheet(names.late, r, lang)
	b.issueSheet(names.issues, r, lang)
	b.followSheet(names.follow, r, lang)
	b.proposedSheet(names.proposed, r, lang)
	b.sourceSheet(names.sources, r, lang)
	b.findingSheet(names.findings, r, lang)
	b.snapshotSheet(r)
	b.f.SetActiveSheet(0)
	title := lang.Pick("Tổng hợp tiến độ nhiệm vụ ", "Task progress ") + report.PeriodText(r.Period, lang)
	return b.finish(w, title, r.AsOf)
}

// summaryColumns is the grid of the summary sheet; the per-status columns
// E..I carry the chart's series, so their heads are the status labels.
func summaryColumns(lang report.Lang) []wcolumn {
	return []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Ngành, lĩnh vực", "Sector"), 30, ""},
		{lang.Pick("Số nhiệm vụ", "Tasks"), 10, "center"},
		{lang.Pick("Đã hoàn thành", "Completed"), 11, "center"},
		{report.StatusDoneOnTime.Label(lang), 11, "center"},
		{report.StatusDoneLate.Label(lang), 11, "center"},
		{report.StatusOnTrack.Label(lang), 12, "center"},
		{report.StatusOverdue.Label(lang), 12, "center"},
		{report.StatusNotReported.Label(lang), 10, "center"},
		{lang.Pick("Sắp đến hạn (15 ngày)", "Due soon (15 days)"), 11, "center"},
		{lang.Pick("Tỷ lệ hoàn thành / tổng số", "Completed / all tasks"), 12, "center"},
		{lang.Pick("Tỷ lệ hoàn thành / số đã đến hạn", "Completed / tasks due"), 13, "center"},
		{lang.Pick("Báo cáo của ngành", "Sector report"), 12, "center"},
	}
}

const wPercentFormat = `0.00%`

func (b *wbook) summarySheet(sh string, r *report.Result, lang report.Lang) {
	l := b.list(sh, summaryColumns(lang))
	l.title(lang.Pick("TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM", "PROGRESS OF KEY TASKS"), r, lang)
	if r.Info.Basis != "" {
		l.line(lang.Pick("Căn cứ: ", "Basis: ")+r.Info.Basis, wstyle{italic: true, halign: "center"})
	}
	l.section(lang.Pick("I. TÌNH HÌNH THỰC HIỆN THEO NGÀNH, LĨNH VỰC", "I. PROGRESS BY SECTOR"))
	l.header()
	first, last := l.sectorRows(r.Sectors, lang)
	l.countsRow(0, lang.Pick("Tổng cộng", "Total"), r.Totals, lang)
	l.note(lang.Pick(
		"Tỷ lệ hoàn thành / số đã đến hạn: số nhiệm vụ đã hoàn thành trên số nhiệm vụ có thời hạn đến ngày số liệu; \"—\" khi chưa có nhiệm vụ nào đến hạn. Nhiệm vụ dừng thực hiện và nhiệm vụ đề xuất mới không được tính.",
		"Completed / tasks due: completed tasks over tasks whose deadline has come by the as-of date; \"—\" when no task is due yet. Stopped tasks and proposed new tasks are not counted."))
	if secs := r.Sectors; len(secs) > 0 {
		title := lang.Pick("Tình trạng nhiệm vụ theo ngành", "Task status by sector")
		if len(secs) > report.ChartSectors {
			// A bar per sector of a national roll-up would make a chart
			// thousands of pixels tall: chart the largest, from a table of
			// their own, since a chart reads one range of rows.
			secs = report.LargestSectors(secs, report.ChartSectors)
			n := report.Number(report.ChartSectors, lang)
			title = lang.Pick("Tình trạng nhiệm vụ của "+n+" ngành có nhiều nhiệm vụ nhất",
				"Task status of the "+n+" sectors with the most tasks")
			l.section(lang.Pick("Số liệu của biểu đồ: "+n+" ngành, lĩnh vực có nhiều nhiệm vụ nhất",
				"Chart data: the "+n+" sectors with the most tasks"))
			l.header()
			first, last = l.sectorRows(secs, lang)
		}
		l.chart(first, last, secs, title)
	}
	if r.Previous != nil {
		l.previous(r, lang)
	}
	b.landscape(sh, "", lang)
}

// sectorRows writes a line of figures per sector and returns the rows of
// the first and the last.
func (l *wlist) sectorRows(secs []report.SectorSummary, lang report.Lang) (first, last int) {
	first = l.row + 1
	for i, s := range secs {
		l.countsRow(i+1, s.Name, s.Counts, lang)
		sent := wfilled{lang.Pick("Đã gửi", "Received"), ""}
		if !s.Submitted {
			sent = wfilled{lang.Pick("Chưa gửi", "Missing"), wStatusColors[report.StatusOverdue][0]}
		}
		l.set(13, sent.v, wstyle{border: true, halign: "center", fill: sent.fill})
	}
	return first, l.row
}

// countsRow writes one line of figures; no 0 means the totals line.
func (l *wlist) countsRow(no int, name string, c report.Counts, lang report.Lang) {
	l.row++
	vals := []any{no, name, c.Tasks, c.Done, c.DoneOnTime, c.DoneLate, c.OnTrack, c.Overdue, c.NotReported, c.DueSoon}
	for _, rate := range []func() (float64, bool){c.DoneRate, c.DueRate} {
		if v, ok := rate(); ok {
			vals = append(vals, v/100)
		} else {
			vals = append(vals, "—")
		}
	}
	vals = append(vals, nil)
	l.figures(vals, no == 0, map[int]string{11: wPercentFormat, 12: wPercentFormat})
}

// figures writes a row of centred figures after the STT and name cells;
// formats gives the number format of some 1-based columns. A total row is
// bold on grey and has no STT.
func (l *wlist) figures(vals []any, total bool, formats map[int]string) {
	if total {
		vals[0] = nil
	}
	for i, v := range vals {
		s := wstyle{border: true, halign: "center", bold: total}
		if total {
			s.fill = "F2F2F2"
		}
		if i == 1 {
			s.halign, s.wrap = "", true
		}
		if _, isText := v.(string); !isText {
			s.numFmt = formats[i+1]
		}
		l.set(i+1, v, s)
	}
	name, _ := vals[1].(string)
	l.height(wRowHeight(wLines(name, l.cols[1].width), 0))
}

// chart draws a stacked bar per sector of the five counted statuses,
// reading the figures of rows first..last, below the table.
func (l *wlist) chart(first, last int, sectors []report.SectorSummary, title string) {
	l.row += 2
	var series []excelize.ChartSeries
	for i, st := range report.Statuses {
		col := wCol(5 + i)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", wQuote(l.sheet), col, first-1),
			Categories: fmt.Sprintf("%s!$B$%d:$B$%d", wQuote(l.sheet), first, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", wQuote(l.sheet), col, first, col, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{wStatusColors[st][1]}},
		})
	}
	n := last - first + 1
	height := 120 + 28*n
	black := excelize.Font{Family: wFontName, Size: 10, Color: "000000"}
	gap := uint(60)
	overlap := 100
	l.b.do(l.b.f.AddChart(l.sheet, wRef(2, l.row), &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Dimension: excelize.ChartDimension{Width: 980, Height: uint(height)},
		Format:    excelize.GraphicOptions{OffsetX: 0, OffsetY: 0},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title,
			Font: &excelize.Font{Family: wFontName, Size: 12, Bold: true, Color: "000000"},
		}}},
		Legend: excelize.ChartLegend{Position: "bottom", Font: &black},
		XAxis:  excelize.ChartAxis{Font: black, ReverseOrder: true},
		YAxis: excelize.ChartAxis{Font: black, MajorGridLines: true, MajorUnit: wTickUnit(sectors),
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		GapWidth: &gap,
		Overlap:  &overlap,
	}))
	// Keep the rows under the chart free: one 15-point row is 20 pixels.
	l.row += height/20 + 1
}

// wTickUnit is a whole step for the value axis, so that task counts are
// never shown as 0.5.
func wTickUnit(sectors []report.SectorSummary) float64 {
	most := 0
	for _, s := range sectors {
		most = max(most, s.Tasks)
	}
	for _, u := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500} {
		if most <= 10*u {
			return float64(u)
		}
	}
	return 1000
}

// previous writes last period's figures beside this period's, and the
// tasks newly completed or newly overdue.
func (l *wlist) previous(r *report.Result, lang report.Lang) {
	p := r.Previous
	l.b.do(l.b.f.InsertPageBreak(l.sheet, wRef(1, l.row+1))) // the comparison starts a page
	l.section(fmt.Sprintf(lang.Pick("II. SO SÁNH VỚI KỲ TRƯỚC (%s)", "II. COMPARED WITH THE PREVIOUS PERIOD (%s)"),
		report.PeriodText(p.Period, lang)))
	was, now, diff := lang.Pick("Kỳ trước", "Previous"), lang.Pick("Kỳ này", "This period"), lang.Pick("Tăng, giảm", "Change")
	l.header(lang.Pick("STT", "No."), lang.Pick("Ngành, lĩnh vực", "Sector"),
		lang.Pick("Số nhiệm vụ", "Tasks")+"\n"+was, lang.Pick("Số nhiệm vụ", "Tasks")+"\n"+now,
		lang.Pick("Hoàn thành", "Completed")+"\n"+was, lang.Pick("Hoàn thành", "Completed")+"\n"+now, diff,
		lang.Pick("Quá hạn", "Overdue")+"\n"+was, lang.Pick("Quá hạn", "Overdue")+"\n"+now, diff,
		lang.Pick("Chưa báo cáo", "Not reported")+"\n"+was, lang.Pick("Chưa báo cáo", "Not reported")+"\n"+now, diff)
	for i, s := range r.Sectors {
		prev, ok := p.Sectors[s.Code]
		l.compareRow(i+1, s.Name, prev, ok, s.Counts)
	}
	l.compareRow(0, lang.Pick("Tổng cộng", "Total"), p.Totals, true, r.Totals)

	l.section(fmt.Sprintf(lang.Pick("III. NHIỆM VỤ MỚI HOÀN THÀNH TRONG KỲ (%d)", "III. NEWLY COMPLETED TASKS (%d)"), len(r.NewlyDone)))
	l.changes(r, r.NewlyDone, lang, true)
	l.section(fmt.Sprintf(lang.Pick("IV. NHIỆM VỤ MỚI QUÁ HẠN TRONG KỲ (%d)", "IV. NEWLY OVERDUE TASKS (%d)"), len(r.NewlyOverdue)))
	l.changes(r, r.NewlyOverdue, lang, false)
}

func (l *wlist) compareRow(no int, name string, prev report.Counts, known bool, c report.Counts) {
	l.row++
	vals := []any{no, name}
	for _, pair := range [][2]int{{prev.Tasks, c.Tasks}, {prev.Done, c.Done}, {prev.Overdue, c.Overdue}, {prev.NotReported, c.NotReported}} {
		switch {
		case !known && len(vals) == 2:
			vals = append(vals, "—", pair[1])
		case !known:
			vals = append(vals, "—", pair[1], "—")
		case len(vals) == 2:
			vals = append(vals, pair[0], pair[1])
		default:
			vals = append(vals, pair[0], pair[1], pair[1]-pair[0])
		}
	}
	const change = "+0;-0;0"
	l.figures(vals, no == 0, map[int]string{7: change, 10: change, 13: change})
}

// changes lists newly completed (done) or newly overdue tasks: sector, id,
// title over D..J, deadline, completion date or days overdue, last status.
func (l *wlist) changes(r *report.Result, cs []report.Change, lang report.Lang, done bool) {
	if len(cs) == 0 {
		l.note(lang.Pick("Không có nhiệm vụ nào.", "None."))
		return
	}
	what := lang.Pick("Số ngày quá hạn", "Days overdue")
	if done {
		what = lang.Pick("Ngày hoàn thành", "Completed on")
	}
	heads := []any{lang.Pick("STT", "No."), lang.Pick("Ngành, lĩnh vực", "Sector"), lang.Pick("Mã nhiệm vụ", "Task ID"),
		wmerged{lang.Pick("Tên nhiệm vụ", "Task"), 7}, lang.Pick("Thời hạn", "Deadline"), what, lang.Pick("Tình trạng kỳ trước", "Previous status")}
	l.add(heads...)
	l.fill(1, 13, wstyle{bold: true, border: true, fill: wHead, halign: "center", valign: "center", wrap: true})
	l.height(wRowHeight(2, 0))
	l.table(len(cs), func(l *wlist, i int) {
		c := &cs[i]
		var v any = c.Row.DoneDate
		if !done {
			v = c.DaysOverdue
		}
		l.add(i+1, r.SectorName(c.Sector), c.ID, wmerged{c.Title, 7}, wDeadline(&c.Task), v, c.Was.Label(lang))
	})
}

// wDeadline is a task's deadline cell: a date, or the text as written when
// the date is unknown.
func wDeadline(t *report.Task) any {
	if t.Deadline.IsZero() {
		return t.DeadlineText
	}
	return t.Deadline
}
