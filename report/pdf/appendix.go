package pdf

import (
	"strings"

	"github.com/tonghop/tonghop/report"
)

// appendix draws the full task table on landscape pages, grouped by
// sector, capped for very large inputs.
func (d *doc) appendix() {
	r := d.r
	d.landscape = true
	d.newPage()
	in := d.info()
	d.centred(d.pick("Phụ lục", "Appendix"), "B", 14)
	d.centred(strings.ToUpper(d.pick("Danh mục nhiệm vụ trọng tâm và tình hình thực hiện ", "Key tasks and their status, ")+
		report.PeriodText(d.period, d.lang)), "B", 14)
	d.centred(d.pick("(Kèm theo Báo cáo số", "(Attached to Report No.")+blank+"/"+strings.TrimPrefix(strings.TrimSpace(in.Symbol), "/")+
		d.pick(" ngày ", " of ")+report.DateText(d.asOf, d.lang)+")", "I", 13)
	d.space(3)

	entries := r.Entries
	if n := d.opt.appendixRows(); len(entries) > n {
		d.paraWith(d.pick(
			"Phụ lục liệt kê "+d.num(n)+"/"+d.tasks(len(entries))+"; "+d.num(len(entries)-n)+" nhiệm vụ còn lại xem tại bảng đầy đủ trong tệp "+d.workbook()+".",
			"This appendix lists "+d.num(n)+" of "+d.tasks(len(entries))+"; the other "+d.num(len(entries)-n)+" are in the full table in "+d.workbook()+"."),
			"I", 12, 0, false)
		entries = entries[:n]
	}
	if len(entries) == 0 {
		d.paraWith(d.pick("Không có nhiệm vụ nào.", "There are no tasks."), "", bodySize, 0, false)
		return
	}
	t := &table{
		cols: []column{{10, "C"}, {20, "C"}, {62, "L"}, {32, "L"}, {30, "L"}, {19, "C"}, {28, "L"}, {24, "L"}, {27, "L"}},
		head: simpleHead(d.pick("STT", "No."), d.pick("Mã", "ID"), d.pick("Tên nhiệm vụ", "Task"),
			d.pick("Cơ quan chủ trì", "Lead agency"), d.pick("Sản phẩm, cấp trình", "Output, submit to"),
			d.pick("Thời hạn", "Deadline"), d.pick("Tiến độ", "Stage"), d.pick("Tình trạng", "Status"),
			d.pick("Ngày hoàn thành, văn bản", "Completed, document")),
		levels: 1,
		size:   smallSize,
	}
	var rows []trow
	group, no, sector := 0, 0, "\x00"
	for i := range entries {
		e := &entries[i]
		if e.Task.Sector != sector {
			sector = e.Task.Sector
			group++
			no = 0
			name := strings.ToUpper(clean(r.SectorName(sector), false))
			rows = append(rows, trow{cells: []tcell{{text: toRoman(group)}, {text: name, span: len(t.cols) - 1, align: "L"}}, style: "B", fill: 240})
		}
		no++
		rows = append(rows, trow{cells: cells(d.num(no), e.ID, e.Title, d.lead(e), joinLines(e.Output, e.SubmitTo),
			deadline(e), d.stage(e), d.status(e), joinLines(report.DateCell(e.Row.DoneDate), e.Row.IssuedDoc))})
	}
	d.drawTable(t, rows)
}

// status describes a task's standing for the appendix.
func (d *doc) status(e *report.Entry) string {
	s := e.Status.Label(d.lang)
	switch {
	case e.Status == report.StatusOverdue:
		s += d.pick(" ("+d.num(e.DaysOverdue)+" ngày)", " ("+d.num(e.DaysOverdue)+" days)")
	case e.Status == report.StatusDoneLate && e.DaysLate > 0:
		s += d.pick(" (chậm "+d.num(e.DaysLate)+" ngày)", " (by "+d.num(e.DaysLate)+" days)")
	case e.DueSoon:
		s += d.pick(" (sắp đến hạn)", " (due soon)")
	}
	return s
}

// joinLines joins the non-empty parts on separate lines.
func joinLines(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// toRoman writes n (1 to 3999) in Roman numerals, as group rows are numbered.
func toRoman(n int) string {
	if n <= 0 || n >= 4000 {
		return report.Number(n, report.VI)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
