package pdf

import (
	"cmp"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/report"
)

// bySector is section II: the summary table with totals and the chart.
func (d *doc) bySector() {
	r := d.r
	if len(r.Sectors) == 0 {
		d.para(d.pick("Chưa có số liệu theo ngành, lĩnh vực.", "There are no figures by sector yet."))
		return
	}
	var late []report.SectorSummary
	for _, s := range r.Sectors {
		if s.Overdue > 0 {
			late = append(late, s)
		}
	}
	no := d.nextTable()
	s := d.pick("Kết quả thực hiện của từng ngành, lĩnh vực được tổng hợp tại Bảng "+no+" và Biểu đồ 1.",
		"The results of each sector are summarised in Table "+no+" and Chart 1.")
	if len(late) > manySectors {
		// Name those with the most overdue tasks; the table has the rest.
		slices.SortStableFunc(late, func(a, b report.SectorSummary) int { return cmp.Compare(b.Overdue, a.Overdue) })
		s += d.pick(" Có "+d.num(len(late))+" ngành, lĩnh vực có nhiệm vụ quá hạn; nhiều nhất là: ",
			" "+d.num(len(late))+" sectors have overdue tasks; the most: ") + d.overdueNames(late[:manySectors]) + "."
	} else if len(late) > 0 {
		s += d.pick(" Các ngành, lĩnh vực có nhiệm vụ quá hạn: ", " Sectors with overdue tasks: ") + d.overdueNames(late) + "."
	}
	d.para(s)

	t := &table{
		cols: []column{{11, "C"}, {38, "L"}, {14, "C"}, {14, "C"}, {14, "C"}, {14, "C"}, {14, "C"}, {14, "C"}, {14, "C"}, {18, "C"}},
		head: []hcell{
			{text: d.pick("STT", "No."), col: 0, span: 1, levels: 2},
			{text: d.pick("Ngành, lĩnh vực", "Sector"), col: 1, span: 1, levels: 2},
			{text: d.pick("Số nhiệm vụ", "Tasks"), col: 2, span: 1, levels: 2},
			{text: d.pick("Hoàn thành", "Completed"), col: 3, span: 3, levels: 1},
			{text: d.pick("Tổng số", "Total"), col: 3, span: 1, level: 1, levels: 1},
			{text: d.pick("Đúng hạn", "On time"), col: 4, span: 1, level: 1, levels: 1},
			{text: d.pick("Quá hạn", "Late"), col: 5, span: 1, level: 1, levels: 1},
			{text: d.pick("Đang thực hiện", "In progress"), col: 6, span: 2, levels: 1},
			{text: d.pick("Trong hạn", "On time"), col: 6, span: 1, level: 1, levels: 1},
			{text: d.pick("Quá hạn", "Overdue"), col: 7, span: 1, level: 1, levels: 1},
			{text: d.pick("Chưa báo cáo", "Not reported"), col: 8, span: 1, levels: 2},
			{text: d.pick("Tỷ lệ hoàn thành", "Completion rate"), col: 9, span: 1, levels: 2},
		},
		levels:  2,
		size:    tableSize,
		caption: d.pick("Bảng "+no+". Kết quả thực hiện nhiệm vụ theo ngành, lĩnh vực", "Table "+no+". Results by sector"),
	}
	row := func(no, name string, c report.Counts) []tcell {
		rate := "-"
		if p, ok := c.DoneRate(); ok {
			rate = report.Percent(p, d.lang)
		}
		return cells(no, name, d.num(c.Tasks), d.num(c.Done), d.num(c.DoneOnTime), d.num(c.DoneLate),
			d.num(c.OnTrack), d.num(c.Overdue), d.num(c.NotReported), rate)
	}
	var rows []trow
	for i, s := range r.Sectors {
		rows = append(rows, trow{cells: row(d.num(i+1), s.Name, s.Counts)})
	}
	total := row("", d.pick("Tổng cộng", "Total"), r.Totals)
	total = append([]tcell{{text: total[1].text, span: 2, align: "C"}}, total[2:]...)
	rows = append(rows, trow{cells: total, style: "B"})
	d.drawTable(t, rows)
	d.chart()
}

// overdueNames names sectors with their overdue tasks: "Giáo dục (2); Dân tộc (1)".
func (d *doc) overdueNames(ss []report.SectorSummary) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = clean(s.Name, false) + " (" + d.num(s.Overdue) + ")"
	}
	return strings.Join(names, "; ")
}

// behind is section III: tasks in progress past their deadline.
func (d *doc) behind() {
	all := d.r.Overdue()
	date := report.DateText(d.asOf, d.lang)
	if len(all) == 0 {
		d.para(d.pick("Đến ngày "+date+", không có nhiệm vụ nào chậm so với thời hạn được giao.",
			"As of "+date+", no task is behind its deadline."))
	} else {
		no := d.nextTable()
		d.para(d.pick("Đến ngày "+date+", có "+d.tasks(len(all))+" đang thực hiện đã quá thời hạn được giao (Bảng "+no+"); đề nghị các cơ quan chủ trì khẩn trương hoàn thành:",
			"As of "+date+", "+d.tasks(len(all))+pluralEN(len(all), " is", " are")+" in progress past the deadline (Table "+no+"); the lead agencies are asked to complete them without delay:"))
		shown := limit(d, all)
		t := &table{
			cols: []column{{11, "C"}, {52, "L"}, {32, "L"}, {21, "C"}, {17, "C"}, {32, "L"}},
			head: simpleHead(d.pick("STT", "No."), d.pick("Nhiệm vụ", "Task"), d.pick("Cơ quan chủ trì", "Lead agency"),
				d.pick("Thời hạn", "Deadline"), d.pick("Số ngày quá hạn", "Days overdue"), d.pick("Tiến độ", "Stage")),
			levels:  1,
			size:    tableSize,
			caption: d.pick("Bảng "+no+". Các nhiệm vụ chậm tiến độ", "Table "+no+". Tasks behind schedule"),
		}
		rows := make([]trow, len(shown))
		for i, e := range shown {
			rows[i] = trow{cells: cells(d.num(i+1), e.Title, d.lead(e), deadline(e), d.num(e.DaysOverdue), d.stage(e))}
		}
		d.drawTable(t, rows)
		d.omitted(len(shown), len(all))
	}
	if soon := d.r.DueSoon(); len(soon) > 0 {
		d.para(d.pick("Có "+d.tasks(len(soon))+" sắp đến hạn trong "+d.num(report.DueSoonDays)+" ngày tới; đề nghị các cơ quan chủ trì chủ động hoàn thành đúng thời hạn.",
			d.tasks(len(soon))+pluralEN(len(soon), " falls", " fall")+" due within the next "+d.num(report.DueSoonDays)+" days; the lead agencies are asked to complete them on time."))
	}
}

// issues is section IV: difficulties and proposals awaiting the
// committee's direction, and proposed new tasks.
func (d *doc) issues() {
	all := d.r.Issues()
	if len(all) == 0 && len(d.r.Proposed) == 0 {
		d.para(d.pick("Các ngành, lĩnh vực không báo cáo khó khăn, vướng mắc hoặc đề xuất, kiến nghị trong kỳ.",
			"The sectors reported no difficulties or proposals in this period."))
		return
	}
	if len(all) > 0 {
		no := d.nextTable()
		d.para(d.pick("Có "+d.tasks(len(all))+" có khó khăn, vướng mắc hoặc đề xuất, kiến nghị cần Ban Chỉ đạo xem xét, cho ý kiến chỉ đạo (Bảng "+no+"):",
			d.tasks(len(all))+pluralEN(len(all), " reports", " report")+" difficulties or proposals awaiting the Steering Committee's direction (Table "+no+"):"))
		shown := limit(d, all)
		t := &table{
			cols: []column{{11, "C"}, {54, "L"}, {50, "L"}, {50, "L"}},
			head: simpleHead(d.pick("STT", "No."), d.pick("Nhiệm vụ, cơ quan chủ trì", "Task, lead agency"),
				d.pick("Khó khăn, vướng mắc", "Difficulties"), d.pick("Đề xuất, kiến nghị", "Proposals")),
			levels:  1,
			size:    tableSize,
			caption: d.pick("Bảng "+no+". Khó khăn, vướng mắc và đề xuất, kiến nghị", "Table "+no+". Difficulties and proposals"),
		}
		rows := make([]trow, len(shown))
		for i, e := range shown {
			task := e.Title
			if l := d.lead(e); l != "" {
				task += "\n(" + l + ")"
			}
			prop := e.Row.Proposals
			if e.Row.Stage == report.StageAdjust {
				prop = strings.TrimSpace(d.pick("Đề nghị điều chỉnh nhiệm vụ.", "Asks to change the task.") + "\n" + prop)
			}
			rows[i] = trow{cells: cells(d.num(i+1), task, e.Row.Difficulties, prop)}
		}
		d.drawTable(t, rows)
		d.omitted(len(shown), len(all))
	}
	if n := len(d.r.Proposed); n > 0 {
		d.para(d.pick("Các ngành, lĩnh vực đề xuất bổ sung "+d.tasks(n)+" mới, đề nghị Ban Chỉ đạo xem xét:",
			"The sectors proposed "+d.num(n)+pluralEN(n, " new task", " new tasks")+" for the Steering Committee to consider:"))
		shown := limit(d, d.r.Proposed)
		for i, p := range shown {
			end := ";"
			if i == len(shown)-1 {
				end = "."
			}
			d.paraWith("- "+p.Row.Title+" ("+clean(d.r.SectorName(p.Sector), false)+")"+end, "", bodySize, 10, true)
		}
		d.omitted(len(shown), n)
	}
	d.para(d.pick("Đề nghị Ban Chỉ đạo xem xét, cho ý kiến chỉ đạo đối với các nội dung trên.",
		"The Steering Committee is asked to consider and give direction on these matters."))
}

// changes is section V: the change of totals since the previous period and
// the tasks newly completed or newly overdue.
func (d *doc) changes() {
	p, t := d.r.Previous, d.r.Totals
	was := report.PeriodText(p.Period, d.lang)
	parts := []string{
		d.change(d.pick("tổng số nhiệm vụ", "the number of tasks"), p.Totals.Tasks, t.Tasks),
		d.change(d.pick("số nhiệm vụ hoàn thành", "completed tasks"), p.Totals.Done, t.Done),
		d.change(d.pick("số nhiệm vụ quá hạn", "overdue tasks"), p.Totals.Overdue, t.Overdue),
		d.change(d.pick("số nhiệm vụ chưa báo cáo", "tasks not reported"), p.Totals.NotReported, t.NotReported),
	}
	d.para(d.pick("So với "+was+": ", "Compared with "+was+": ") + strings.Join(parts, "; ") + ".")
	d.changeTable(d.pick("Nhiệm vụ hoàn thành trong kỳ", "Tasks completed in this period"), d.r.NewlyDone)
	d.changeTable(d.pick("Nhiệm vụ chuyển sang quá hạn trong kỳ", "Tasks that became overdue in this period"), d.r.NewlyOverdue)
}

// change describes how a figure moved: "tăng từ 8 lên 12".
func (d *doc) change(what string, was, now int) string {
	switch {
	case now > was:
		return what + d.pick(" tăng từ "+d.num(was)+" lên "+d.num(now), " rose from "+d.num(was)+" to "+d.num(now))
	case now < was:
		return what + d.pick(" giảm từ "+d.num(was)+" xuống "+d.num(now), " fell from "+d.num(was)+" to "+d.num(now))
	}
	return what + d.pick(" không thay đổi ("+d.num(now)+")", " unchanged at "+d.num(now))
}

// changeTable lists changed tasks under a short paragraph, or says there
// are none.
func (d *doc) changeTable(title string, cs []report.Change) {
	if len(cs) == 0 {
		d.para(title + ": " + d.pick("không có.", "none."))
		return
	}
	no := d.nextTable()
	d.para(title + ": " + d.tasks(len(cs)) + d.pick(" (Bảng "+no+").", " (Table "+no+")."))
	shown := limit(d, cs)
	t := &table{
		cols: []column{{11, "C"}, {68, "L"}, {36, "L"}, {25, "C"}, {25, "C"}},
		head: simpleHead(d.pick("STT", "No."), d.pick("Nhiệm vụ", "Task"), d.pick("Ngành, lĩnh vực", "Sector"),
			d.pick("Kỳ trước", "Last period"), d.pick("Kỳ này", "This period")),
		levels:  1,
		size:    tableSize,
		caption: d.pick("Bảng ", "Table ") + no + ". " + title,
	}
	rows := make([]trow, len(shown))
	for i, c := range shown {
		rows[i] = trow{cells: cells(d.num(i+1), c.Title, d.r.SectorName(c.Task.Sector), c.Was.Label(d.lang), c.Status.Label(d.lang))}
	}
	d.drawTable(t, rows)
	d.omitted(len(shown), len(cs))
}
