package xlsx

import (
	"cmp"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// fold is templates.Fold, remembered: the same officers head many tasks.
func (b *wbook) fold(s string) string {
	if k, ok := b.folded[s]; ok {
		return k
	}
	if b.folded == nil {
		b.folded = map[string]string{}
	}
	k := templates.Fold(s)
	b.folded[s] = k
	return k
}

// The smaller sheets of the consolidated workbook: lists of entries in
// titled sections, all printable on A4 landscape.

func (b *wbook) lateSheet(sh string, r *report.Result, lang report.Lang) {
	l := b.list(sh, []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Ngành", "Sector"), 14, ""},
		{lang.Pick("Mã nhiệm vụ", "Task ID"), 10, ""},
		{lang.Pick("Tên nhiệm vụ", "Task"), 40, ""},
		{lang.Pick("Cơ quan chủ trì", "Lead agency"), 18, ""},
		{lang.Pick("Thời hạn", "Deadline"), 11, "center"},
		{lang.Pick("Số ngày quá hạn", "Days overdue"), 10, "center"},
		{lang.Pick("Giai đoạn", "Stage"), 18, ""},
		{lang.Pick("Cán bộ phụ trách", "Officer"), 16, ""},
		{lang.Pick("Khó khăn, vướng mắc", "Difficulties"), 30, ""},
	})
	l.title(lang.Pick("NHIỆM VỤ QUÁ HẠN VÀ SẮP ĐẾN HẠN", "OVERDUE TASKS AND TASKS DUE SOON"), r, lang)
	over := r.Overdue()
	l.section(fmt.Sprintf(lang.Pick("I. NHIỆM VỤ ĐANG THỰC HIỆN QUÁ HẠN (%d)", "I. TASKS IN PROGRESS PAST THEIR DEADLINE (%d)"), len(over)))
	if len(over) == 0 {
		l.note(lang.Pick("Không có nhiệm vụ nào quá hạn.", "No task is overdue."))
	} else {
		l.header()
		l.table(len(over), func(l *wlist, i int) {
			e := over[i]
			l.add(i+1, r.SectorName(e.Sector), e.ID, e.Title, e.Lead, wDeadline(&e.Task),
				wfilled{e.DaysOverdue, wStatusColors[report.StatusOverdue][0]}, wStage(e, lang), e.Officer, e.Row.Difficulties)
		})
	}
	soon := r.DueSoon()
	l.section(fmt.Sprintf(lang.Pick("II. NHIỆM VỤ SẮP ĐẾN HẠN TRONG %d NGÀY (%d)", "II. TASKS DUE WITHIN %d DAYS (%d)"), report.DueSoonDays, len(soon)))
	if len(soon) == 0 {
		l.note(lang.Pick("Không có nhiệm vụ nào sắp đến hạn.", "No task falls due soon."))
	} else {
		heads := make([]string, len(l.cols))
		for i, c := range l.cols {
			heads[i] = c.head
		}
		heads[6] = lang.Pick("Còn lại (ngày)", "Days left")
		l.header(heads...)
		l.table(len(soon), func(l *wlist, i int) {
			e := soon[i]
			l.add(i+1, r.SectorName(e.Sector), e.ID, e.Title, e.Lead, wDeadline(&e.Task),
				report.Days(r.AsOf, e.Deadline), wStage(e, lang), e.Officer, e.Row.Difficulties)
		})
	}
	b.landscape(sh, "", lang)
}

// wStage is the reported stage of an entry, in lang.
func wStage(e *report.Entry, lang report.Lang) string {
	switch {
	case !e.Reported:
		return ""
	case e.Row.Stage != report.StageUnknown:
		return e.Row.Stage.Label(lang)
	}
	return e.Row.StageText
}

func (b *wbook) issueSheet(sh string, r *report.Result, lang report.Lang) {
	l := b.list(sh, []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Ngành", "Sector"), 14, ""},
		{lang.Pick("Mã nhiệm vụ", "Task ID"), 10, ""},
		{lang.Pick("Tên nhiệm vụ", "Task"), 36, ""},
		{lang.Pick("Giai đoạn", "Stage"), 16, ""},
		{lang.Pick("Tình trạng", "Status"), 14, ""},
		{lang.Pick("Khó khăn, vướng mắc", "Difficulties"), 38, ""},
		{lang.Pick("Đề xuất, kiến nghị", "Proposals"), 38, ""},
		{lang.Pick("Cán bộ phụ trách", "Officer"), 15, ""},
	})
	l.title(lang.Pick("KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", "DIFFICULTIES AND PROPOSALS"), r, lang)
	issues := r.Issues()
	l.line(fmt.Sprintf(lang.Pick("Các nội dung cần Ban Chỉ đạo cho ý kiến chỉ đạo (%d nhiệm vụ).",
		"Matters awaiting the steering committee's direction (%d tasks)."), len(issues)), wstyle{italic: true})
	if len(issues) == 0 {
		l.note(lang.Pick("Các ngành không báo cáo khó khăn, vướng mắc hay đề xuất nào.", "No sector reported difficulties or proposals."))
	} else {
		l.header()
		l.table(len(issues), func(l *wlist, i int) {
			e := issues[i]
			l.add(i+1, r.SectorName(e.Sector), e.ID, e.Title, wStage(e, lang), wStatus(e.Status, lang),
				e.Row.Difficulties, e.Row.Proposals, e.Officer)
		})
	}
	b.landscape(sh, "", lang)
}

func (b *wbook) followSheet(sh string, r *report.Result, lang report.Lang) {
	l := b.list(sh, []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Ngành", "Sector"), 16, ""},
		{lang.Pick("Cơ quan chủ trì", "Lead agency"), 22, ""},
		{lang.Pick("Mã nhiệm vụ", "Task ID"), 10, ""},
		{lang.Pick("Tên nhiệm vụ", "Task"), 44, ""},
		{lang.Pick("Thời hạn", "Deadline"), 11, "center"},
		{lang.Pick("Giai đoạn", "Stage"), 18, ""},
		{lang.Pick("Tình trạng", "Status"), 16, ""},
	})
	l.title(lang.Pick("DANH SÁCH ĐÔN ĐỐC", "FOLLOW-UP LIST"), r, lang)

	missing := r.Missing()
	l.section(fmt.Sprintf(lang.Pick("I. NGÀNH CHƯA GỬI BÁO CÁO (%d)", "I. SECTORS THAT SENT NO REPORT (%d)"), len(missing)))
	if len(missing) == 0 {
		l.note(lang.Pick("Tất cả các ngành đã gửi báo cáo.", "Every sector sent its report."))
	} else {
		l.header(l.cols[0].head, l.cols[1].head, l.cols[2].head, lang.Pick("Số nhiệm vụ", "Tasks"))
		l.table(len(missing), func(l *wlist, i int) {
			s := &missing[i]
			l.add(i+1, s.Name, s.Lead, s.Tasks)
		})
	}

	nr := r.NotReported()
	l.section(fmt.Sprintf(lang.Pick("II. NHIỆM VỤ CHƯA ĐƯỢC BÁO CÁO (%d)", "II. TASKS NOT REPORTED (%d)"), len(nr)))
	if len(nr) == 0 {
		l.note(lang.Pick("Tất cả nhiệm vụ đã được báo cáo.", "Every task was reported."))
	} else {
		l.header(l.cols[0].head, l.cols[1].head, l.cols[2].head, l.cols[3].head, l.cols[4].head, l.cols[5].head)
		l.table(len(nr), func(l *wlist, i int) {
			e := nr[i]
			l.add(i+1, r.SectorName(e.Sector), e.Lead, e.ID, e.Title, wDeadline(&e.Task))
		})
	}

	next := r.Period.Next()
	due := r.DueIn(next)
	l.section(fmt.Sprintf(lang.Pick("III. NHIỆM VỤ ĐẾN HẠN TRONG %s, THEO CÁN BỘ PHỤ TRÁCH (%d)", "III. TASKS FALLING DUE IN %s, BY OFFICER (%d)"),
		wUpperPeriod(next, lang), len(due)))
	l.byOfficer(r, due, lang, lang.Pick("Không có nhiệm vụ nào đến hạn.", "No task falls due."))

	over := r.Overdue()
	l.section(fmt.Sprintf(lang.Pick("IV. NHIỆM VỤ QUÁ HẠN, THEO CÁN BỘ PHỤ TRÁCH (%d)", "IV. OVERDUE TASKS, BY OFFICER (%d)"), len(over)))
	l.byOfficer(r, over, lang, lang.Pick("Không có nhiệm vụ nào quá hạn.", "No task is overdue."))
	b.landscape(sh, "", lang)
}

func wUpperPeriod(p report.Period, lang report.Lang) string {
	if lang == report.EN {
		return report.PeriodText(p, lang)
	}
	return fmt.Sprintf("THÁNG %d/%d", int(p.Month), p.Year)
}

// byOfficer lists entries grouped under each officer (alphabetical by the
// folded name, officer unknown last), in deadline order within a group.
func (l *wlist) byOfficer(r *report.Result, es []*report.Entry, lang report.Lang, none string) {
	if len(es) == 0 {
		l.note(none)
		return
	}
	// Fold each name once: folding inside the comparison made the sort
	// the slowest part of a large workbook.
	type keyed struct {
		key string
		e   *report.Entry
	}
	ks := make([]keyed, len(es))
	for i, e := range es {
		k := "\uffff"
		if e.Officer != "" {
			k = l.b.fold(e.Officer)
		}
		ks[i] = keyed{k, e}
	}
	report.SortStable(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.key, b.key), a.e.Deadline.Compare(b.e.Deadline))
	})
	// The group headings, by the position of their first task; a group is
	// contiguous: ks is sorted by key.
	heads := map[int]string{}
	for i := 0; i < len(ks); {
		n := 1
		for i+n < len(ks) && ks[i+n].key == ks[i].key {
			n++
		}
		name := ks[i].e.Officer
		if name == "" {
			name = lang.Pick("(chưa ghi)", "(not given)")
		}
		heads[i] = fmt.Sprintf(lang.Pick("Cán bộ phụ trách: %s — %d nhiệm vụ", "Officer: %s — %d tasks"), name, n)
		i += n
	}
	l.header()
	l.groupedTable(len(ks), func(i int) bool { _, ok := heads[i]; return ok }, func(l *wlist, i int) {
		e := ks[i].e
		if head, ok := heads[i]; ok {
			l.group(head)
		}
		l.add(i+1, r.SectorName(e.Sector), e.Lead, e.ID, e.Title, wDeadline(&e.Task), wStage(e, lang), wStatus(e.Status, lang))
	})
}

func (b *wbook) proposedSheet(sh string, r *report.Result, lang report.Lang) {
	l := b.list(sh, []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Ngành", "Sector"), 14, ""},
		{lang.Pick("Mã nhiệm vụ", "Task ID"), 10, ""},
		{lang.Pick("Tên nhiệm vụ", "Task"), 38, ""},
		{lang.Pick("Sản phẩm", "Output"), 11, ""},
		{lang.Pick("Cấp trình", "Submit to"), 12, ""},
		{lang.Pick("Cơ quan chủ trì", "Lead agency"), 16, ""},
		{lang.Pick("Thời hạn", "Deadline"), 11, "center"},
		{lang.Pick("Giai đoạn", "Stage"), 16, ""},
		{lang.Pick("Đề xuất, kiến nghị", "Proposals"), 28, ""},
		{lang.Pick("Tệp nguồn", "Source file"), 16, ""},
		{lang.Pick("Dòng", "Row"), 6, "center"},
	})
	l.title(lang.Pick("NHIỆM VỤ DO CÁC NGÀNH ĐỀ XUẤT BỔ SUNG", "NEW TASKS PROPOSED BY SECTORS"), r, lang)
	l.line(lang.Pick("Các nhiệm vụ không có trong danh mục (mã trống hoặc không khớp), chưa tính vào kết quả tổng hợp.",
		"Rows whose task ID is empty or not in the plan; not counted in the figures."), wstyle{italic: true})
	if len(r.Proposed) == 0 {
		l.note(lang.Pick("Không có nhiệm vụ đề xuất.", "No task was proposed."))
	} else {
		l.header()
		l.table(len(r.Proposed), func(l *wlist, i int) {
			p := &r.Proposed[i]
			x := &p.Row
			var stage string
			if x.Stage != report.StageUnknown {
				stage = x.Stage.Label(lang)
			} else {
				stage = x.StageText
			}
			var deadline any = x.DeadlineText
			if !x.Deadline.IsZero() && x.DeadlineText == "" {
				deadline = x.Deadline
			}
			l.add(i+1, r.SectorName(p.Sector), x.ID, x.Title, x.Output, x.SubmitTo, x.Lead, deadline, stage,
				x.Proposals, p.Source, x.Row)
		})
	}
	b.landscape(sh, "", lang)
}

func (b *wbook) sourceSheet(sh string, r *report.Result, lang report.Lang) {
	l := b.list(sh, []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Tệp", "File"), 30, ""},
		{"SHA-256", 34, ""},
		{lang.Pick("Ngành", "Sector"), 14, ""},
		{lang.Pick("Kỳ báo cáo", "Period"), 10, "center"},
		{lang.Pick("Ngày báo cáo", "Report date"), 11, "center"},
		{lang.Pick("Dòng hợp lệ", "Rows accepted"), 9, "center"},
		{lang.Pick("Dòng bị loại", "Rows rejected"), 9, "center"},
		{lang.Pick("Lỗi", "Errors"), 7, "center"},
		{lang.Pick("Cảnh báo", "Warnings"), 9, "center"},
		{lang.Pick("Tình trạng", "State"), 14, ""},
	})
	l.title(lang.Pick("CÁC TỆP BÁO CÁO ĐÃ NHẬN", "FILES RECEIVED"), r, lang)
	if len(r.Sources) == 0 {
		l.note(lang.Pick("Không có tệp nào.", "No file."))
	} else {
		l.header()
		l.table(len(r.Sources), func(l *wlist, i int) {
			s := &r.Sources[i]
			fill := ""
			switch s.State {
			case report.SourceRejected:
				fill = wStatusColors[report.StatusOverdue][0]
			case report.SourceSuperseded, report.SourceOtherPeriod:
				fill = wStatusColors[report.StatusNotReported][0]
			}
			l.add(i+1, s.Name, s.SHA256, r.SectorName(s.Sector), s.Period.String(), s.ReportDate,
				s.Accepted, s.Rejected, s.Errors, s.Warnings, wfilled{s.State.Label(lang), fill})
		})
	}
	b.landscape(sh, "", lang)
}

func (b *wbook) findingSheet(sh string, r *report.Result, lang report.Lang) {
	l := b.list(sh, []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Tệp", "File"), 26, ""},
		{lang.Pick("Trang tính", "Sheet"), 12, ""},
		{lang.Pick("Ô", "Cell"), 7, "center"},
		{lang.Pick("Mức độ", "Severity"), 10, ""},
		{lang.Pick("Mã lỗi", "Code"), 20, ""},
		{lang.Pick("Nội dung", "Message"), 80, ""},
	})
	l.title(lang.Pick("LỖI VÀ CẢNH BÁO KHI KIỂM TRA CÁC TỆP", "ERRORS AND WARNINGS FOUND IN THE FILES"), r, lang)
	fs := slices.Clone(r.Findings)
	report.SortFindings(fs)
	if len(fs) == 0 {
		l.note(lang.Pick("Không có lỗi hay cảnh báo nào.", "No error or warning."))
	} else {
		l.header()
		l.table(len(fs), func(l *wlist, i int) {
			f := &fs[i]
			sev := wfilled{f.Severity.Label(lang), ""}
			if f.Severity == report.Error {
				sev.fill = wStatusColors[report.StatusOverdue][0]
			}
			l.add(i+1, f.File, f.Sheet, f.Cell, sev, string(f.Code), wSentence(f.Text(lang)))
		})
	}
	b.landscape(sh, "", lang)
}

// wSentence capitalises the first letter of a finding's text, which is
// written to follow a location ("Tệp X, ô B7: …") but stands alone here.
func wSentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
