package pdf

import (
	"strings"

	"github.com/tonghop/tonghop/report"
)

// tasks writes a count of tasks: "7 nhiệm vụ", "1 task", "1.250 tasks".
func (d *doc) tasks(n int) string {
	if d.lang == report.EN {
		if n == 1 {
			return "1 task"
		}
		return report.Number(n, d.lang) + " tasks"
	}
	return report.Number(n, d.lang) + " nhiệm vụ"
}

// num formats a count.
func (d *doc) num(n int) string { return report.Number(n, d.lang) }

// workbook names the consolidated workbook that holds the full table.
func (d *doc) workbook() string { return "tong-hop-" + d.period.String() + ".xlsx" }

// sections draws the body: opening, then sections I to V and the
// concluding sentence.
func (d *doc) sections() {
	d.opening()
	n := 0
	next := func(vi, en string) {
		d.heading(toRoman(n+1) + ". " + d.pick(vi, en))
		n++
	}
	next("Tình hình chung", "Overview")
	d.overview()
	next("Kết quả thực hiện theo ngành, lĩnh vực", "Results by sector")
	d.bySector()
	next("Các nhiệm vụ chậm tiến độ", "Tasks behind schedule")
	d.behind()
	next("Khó khăn, vướng mắc và đề xuất, kiến nghị", "Difficulties and proposals")
	d.issues()
	if d.r.Previous != nil {
		next("Biến động so với kỳ trước", "Changes since the last period")
		d.changes()
	}
	d.para(d.pick(
		"Đề nghị các ngành, lĩnh vực tiếp tục khẩn trương triển khai thực hiện các nhiệm vụ, bảo đảm tiến độ và chất lượng.",
		"The sectors are asked to keep working on their tasks promptly, on schedule and to the required quality."))
	d.para(d.pick("Trên đây là báo cáo "+lowerFirst(d.abstract())+"./.",
		"This concludes the report on the implementation of the key tasks in "+report.PeriodText(d.period, d.lang)+"."))
}

// opening cites the basis of the tasks and the date the figures speak for.
func (d *doc) opening() {
	basis := strings.TrimRight(clean(d.r.Info.Basis, false), " .;,")
	period := report.PeriodText(d.period, d.lang)
	date := report.DateText(d.asOf, d.lang)
	if d.lang == report.EN {
		s := "Based on the sectors' reports, the implementation of the key tasks in " + period +
			" (figures as of " + date + ") is as follows:"
		if basis != "" {
			s = "Pursuant to " + basis + ", and based on the sectors' reports, the implementation of the key tasks in " +
				period + " (figures as of " + date + ") is as follows:"
		}
		d.para(s)
		return
	}
	s := "Trên cơ sở báo cáo của các ngành, lĩnh vực, tình hình thực hiện các nhiệm vụ trọng tâm " +
		period + " (số liệu đến ngày " + date + ") như sau:"
	if basis != "" {
		s = "Thực hiện " + basis + ", trên cơ sở báo cáo của các ngành, lĩnh vực, tình hình thực hiện các nhiệm vụ trọng tâm " +
			period + " (số liệu đến ngày " + date + ") như sau:"
	}
	d.para(s)
}

// overview is section I: tasks per sector in the reference's words, then
// where they stand.
func (d *doc) overview() {
	t := d.r.Totals
	if n := countSectors(d.r.Sectors); n > manySectors {
		// A roll-up of many sectors: the sentence counts them; the table
		// of section II lists them.
		d.para(d.pick("Theo đề xuất của "+d.num(n)+" ngành, lĩnh vực, tổng cộng có "+d.tasks(t.Tasks)+
			" (số nhiệm vụ của từng ngành, lĩnh vực nêu tại mục II).",
			"According to the proposals of "+d.num(n)+" sectors, there are "+d.tasks(t.Tasks)+
				" in total (the tasks of each sector are given in section II)."))
		d.para(d.standing())
		return
	}
	var items []string
	for _, s := range d.r.Sectors {
		if s.Tasks == 0 {
			continue
		}
		name := clean(s.Name, false)
		switch {
		case len(items) == 0 && d.lang == report.EN:
			items = append(items, name+" has "+d.tasks(s.Tasks))
		case len(items) == 0:
			items = append(items, name+" có "+d.tasks(s.Tasks))
		default:
			items = append(items, name+" "+d.tasks(s.Tasks))
		}
	}
	switch {
	case len(items) == 0:
		d.para(d.pick("Trong kỳ chưa có nhiệm vụ nào được tổng hợp.", "No task was consolidated in this period."))
	case d.lang == report.EN:
		s := "According to the sectors' proposals, " + strings.Join(items, "; ")
		if len(items) > 1 {
			s += "; " + d.tasks(t.Tasks) + " in total"
		}
		d.para(s + ".")
	default:
		s := "Theo đề xuất của các ngành, lĩnh vực " + strings.Join(items, "; ")
		if len(items) > 1 {
			s += ", tổng cộng " + d.tasks(t.Tasks)
		}
		d.para(s + ".")
	}
	if t.Tasks > 0 {
		d.para(d.standing())
	}
}

// standing is the paragraph on completed, running, overdue and unreported
// tasks, the rate over tasks already due, and what else needs attention.
func (d *doc) standing() string {
	t, r := d.r.Totals, d.r
	frac := d.num(t.Done) + "/" + d.num(t.Tasks)
	var b strings.Builder
	if d.lang == report.EN {
		if t.Done == 0 {
			b.WriteString("To date, no task has been completed (" + frac + ")")
		} else {
			b.WriteString("To date, " + frac + " tasks have been completed")
			if t.DoneLate > 0 {
				b.WriteString(" (" + d.num(t.DoneLate) + " of them late)")
			}
		}
		if t.InProgress > 0 {
			b.WriteString(", " + d.tasks(t.InProgress) + pluralEN(t.InProgress, " is", " are") + " in progress")
			if t.Overdue > 0 {
				b.WriteString(", " + d.num(t.Overdue) + " of them overdue")
			} else {
				b.WriteString(" on schedule")
			}
		}
		if t.NotReported > 0 {
			b.WriteString("; " + d.tasks(t.NotReported) + pluralEN(t.NotReported, " has", " have") + " not been reported")
		}
		b.WriteString(".")
		if rate, ok := t.DueRate(); ok {
			b.WriteString(" The completion rate of the tasks already due is " + report.Percent(rate, d.lang) +
				" (" + d.num(t.DoneOfDue) + "/" + d.tasks(t.Due) + ").")
		} else {
			b.WriteString(" No task has reached its deadline yet.")
		}
		if t.DueSoon > 0 {
			b.WriteString(" " + d.tasks(t.DueSoon) + pluralEN(t.DueSoon, " falls", " fall") + " due within the next " + d.num(report.DueSoonDays) + " days.")
		}
		if t.Stopped > 0 {
			b.WriteString(" In addition, " + d.tasks(t.Stopped) + pluralEN(t.Stopped, " was", " were") + " stopped (not counted).")
		}
		if m := r.Missing(); len(m) > 0 {
			b.WriteString(" " + d.num(len(m)) + pluralEN(len(m), " sector", " sectors") + " sent no report: " + sectorNames(m) + ".")
		}
		if n := len(r.Proposed); n > 0 {
			b.WriteString(" The sectors proposed " + d.num(n) + pluralEN(n, " new task", " new tasks") + " (not counted; see section IV).")
		}
		return b.String()
	}
	if t.Done == 0 {
		b.WriteString("Đến thời điểm hiện tại, chưa có nhiệm vụ nào hoàn thành (" + frac + ")")
	} else {
		b.WriteString("Đến thời điểm hiện tại, đã có " + frac + " nhiệm vụ hoàn thành")
		if t.DoneLate > 0 {
			b.WriteString(" (trong đó " + d.tasks(t.DoneLate) + " hoàn thành quá hạn)")
		}
	}
	if t.InProgress > 0 {
		b.WriteString(", " + d.tasks(t.InProgress) + " đang triển khai thực hiện")
		if t.Overdue > 0 {
			b.WriteString(", trong đó " + d.tasks(t.Overdue) + " đã quá thời hạn")
		} else {
			b.WriteString(" bảo đảm tiến độ")
		}
	}
	if t.NotReported > 0 {
		b.WriteString("; " + d.tasks(t.NotReported) + " chưa được báo cáo")
	}
	b.WriteString(".")
	if rate, ok := t.DueRate(); ok {
		b.WriteString(" Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn đạt " + report.Percent(rate, d.lang) +
			" (" + d.num(t.DoneOfDue) + "/" + d.tasks(t.Due) + ").")
	} else {
		b.WriteString(" Chưa có nhiệm vụ nào đến thời hạn hoàn thành.")
	}
	if t.DueSoon > 0 {
		b.WriteString(" Có " + d.tasks(t.DueSoon) + " sắp đến hạn trong " + d.num(report.DueSoonDays) + " ngày tới.")
	}
	if t.Stopped > 0 {
		b.WriteString(" Ngoài ra, có " + d.tasks(t.Stopped) + " dừng thực hiện (không tính vào tổng số).")
	}
	if m := r.Missing(); len(m) > manySectors {
		b.WriteString(" Còn " + d.num(len(m)) + " ngành, lĩnh vực chưa gửi báo cáo (danh sách tại trang Đôn đốc của tệp " + d.workbook() + ").")
	} else if len(m) > 0 {
		b.WriteString(" Còn " + d.num(len(m)) + " ngành, lĩnh vực chưa gửi báo cáo: " + sectorNames(m) + ".")
	}
	if n := len(r.Proposed); n > 0 {
		b.WriteString(" Các ngành, lĩnh vực đề xuất bổ sung " + d.tasks(n) + " mới (chưa tính vào tổng số, nêu tại mục IV).")
	}
	return b.String()
}

// manySectors is the most sectors named one by one in running text; a
// longer enumeration is counted instead and left to the tables.
const manySectors = 15

// countSectors counts the sectors with tasks.
func countSectors(ss []report.SectorSummary) int {
	n := 0
	for _, s := range ss {
		if s.Tasks > 0 {
			n++
		}
	}
	return n
}

func pluralEN(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func sectorNames(ss []report.SectorSummary) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = clean(s.Name, false)
	}
	return strings.Join(names, ", ")
}

// omitted says how many rows a capped list leaves out and where they are.
func (d *doc) omitted(shown, total int) {
	if shown >= total {
		return
	}
	d.paraWith(d.pick(
		"(Bảng trên liệt kê "+d.num(shown)+"/"+d.tasks(total)+"; "+d.num(total-shown)+" nhiệm vụ còn lại xem tại tệp "+d.workbook()+".)",
		"(The table lists "+d.num(shown)+" of "+d.tasks(total)+"; the other "+d.num(total-shown)+" are in "+d.workbook()+".)"),
		"I", 12, 10, false)
}

// limit caps a list at the configured number of body rows.
func limit[T any](d *doc, xs []T) []T {
	if n := d.opt.listRows(); len(xs) > n {
		return xs[:n]
	}
	return xs
}

// stage describes where a task stands in its procedure.
func (d *doc) stage(e *report.Entry) string {
	if !e.Reported {
		return ""
	}
	s := e.Row.Stage.Label(d.lang)
	if e.Row.Stage == report.StageUnknown && e.Row.StageText != "" {
		s = e.Row.StageText
	}
	if e.Row.HasPercent && !e.Status.Done() {
		s += " (" + report.Percent(e.Row.Percent, d.lang) + ")"
	}
	return s
}

// deadline writes a task's deadline for a table.
func deadline(e *report.Entry) string {
	if !e.Deadline.IsZero() {
		return report.DateCell(e.Deadline)
	}
	return e.DeadlineText
}

// lead names a task's lead agency.
func (d *doc) lead(e *report.Entry) string {
	switch {
	case e.Task.Lead != "":
		return e.Task.Lead
	case e.Row.Lead != "":
		return e.Row.Lead
	}
	for _, s := range d.r.Sectors {
		if s.Code == e.Task.Sector {
			return s.Lead
		}
	}
	return ""
}
