package pdf

import (
	"fmt"
	"slices"
	"time"

	"github.com/tonghop/tonghop/report"
)

// taskSpec describes one task of a hand-built result.
type taskSpec struct {
	sector, title, output, submitTo string
	deadline                        time.Time
	reported                        bool
	stage                           report.Stage
	done                            time.Time
	percent                         float64
	difficulties, proposals         string
}

// buildResult classifies the tasks as of asOf and counts them the way
// report.Consolidate does, so the briefing sees a realistic Result.
func buildResult(info report.Info, period report.Period, asOf time.Time, sectors []report.Sector, specs []taskSpec, submitted map[string]bool) *report.Result {
	r := &report.Result{Info: info, Period: period, AsOf: asOf, HasPlan: true}
	idx := map[string]int{}
	for i, s := range sectors {
		idx[s.Code] = i
		r.Sectors = append(r.Sectors, report.SectorSummary{Sector: s, Submitted: submitted == nil || submitted[s.Code]})
	}
	perSector := map[string]int{}
	for _, sec := range sectors {
		for _, sp := range specs {
			if sp.sector != sec.Code {
				continue
			}
			perSector[sec.Code]++
			t := report.Task{
				ID: fmt.Sprintf("%s-%02d", sec.Code, perSector[sec.Code]), Sector: sec.Code, Title: sp.title,
				Output: sp.output, SubmitTo: sp.submitTo, Lead: sec.Lead, Deadline: sp.deadline,
			}
			e := report.Entry{Task: t, Reported: sp.reported, Row: &report.Row{}}
			if sp.reported {
				e.Row = &report.Row{ID: t.ID, Title: t.Title, Stage: sp.stage, DoneDate: sp.done,
					Percent: sp.percent, HasPercent: sp.percent > 0, Difficulties: sp.difficulties,
					Proposals: sp.proposals, Officer: "Trần Thị Bình"}
				if !sp.done.IsZero() {
					e.Row.IssuedDoc = "Quyết định số " + fmt.Sprint(100+perSector[sec.Code]) + "/QĐ-UBND ngày " + report.DateCell(sp.done)
				}
				e.Source = "bao-cao-" + sec.Code + ".xlsx"
			}
			e.Standing = report.Classify(sp.reported, sp.stage, sp.deadline, sp.done, asOf)
			r.Entries = append(r.Entries, e)
			due := !sp.deadline.IsZero() && !sp.deadline.After(asOf)
			r.Sectors[idx[sec.Code]].Counts.Add(e.Standing, due)
		}
	}
	for _, s := range r.Sectors {
		r.Totals = r.Totals.Plus(s.Counts)
	}
	return r
}

// referenceSectors are the six sectors of the reference meeting.
var referenceSectors = []report.Sector{
	{Code: "YT", Name: "Y tế", Lead: "Sở Y tế", Order: 1},
	{Code: "GD", Name: "Giáo dục", Lead: "Sở Giáo dục và Đào tạo", Order: 2},
	{Code: "LDTBXH", Name: "Lao động - Thương binh và Xã hội", Lead: "Sở Lao động - Thương binh và Xã hội", Order: 3},
	{Code: "VHTTDL", Name: "Văn hoá, Thể thao và Du lịch", Lead: "Sở Văn hóa, Thể thao và Du lịch", Order: 4},
	{Code: "DT", Name: "Dân tộc", Lead: "Ban Dân tộc tỉnh", Order: 5},
	{Code: "TTTT", Name: "Thông tin và Truyền thông", Lead: "Sở Thông tin và Truyền thông", Order: 6},
}

var referenceInfo = report.Info{
	GoverningBody: "Ủy ban nhân dân tỉnh Lâm Đồng",
	IssuingBody:   "Văn phòng",
	Symbol:        "BC-VP",
	Place:         "Lâm Đồng",
	PlanTitle:     "Các nhiệm vụ trọng tâm năm 2021 khối văn hóa - xã hội",
	Basis:         "Quyết định số 02/QĐ-UBND ngày 05/01/2021 của UBND tỉnh",
	SignerTitle:   "KT. Chánh Văn phòng\nPhó Chánh Văn phòng",
	Signer:        "Nguyễn Văn An",
	Recipients: []string{"Ban Chỉ đạo (b/c)", "Chủ tịch, các PCT UBND tỉnh", "Các sở, ngành khối văn hóa - xã hội",
		"Lưu: VT, KGVX"},
}

// topics give each sector's tasks realistic, varied titles.
var topics = map[string][]string{
	"YT": {"Kế hoạch phòng, chống dịch COVID-19 và tiêm chủng vắc xin năm 2021",
		"Đề án nâng cao năng lực hệ thống y tế cơ sở giai đoạn 2021 - 2025"},
	"GD": {"Đề án phát triển giáo dục mầm non", "Kế hoạch thực hiện Chương trình giáo dục phổ thông mới",
		"Nghị quyết quy định mức học phí năm học 2021 - 2022", "Đề án sắp xếp mạng lưới trường lớp",
		"Kế hoạch phổ cập giáo dục, xóa mù chữ", "Đề án ngoại ngữ trong hệ thống giáo dục quốc dân",
		"Chương trình chuyển đổi số trong giáo dục"},
	"LDTBXH": {"Kế hoạch giảm nghèo bền vững giai đoạn 2021 - 2025", "Đề án đào tạo nghề cho lao động nông thôn",
		"Kế hoạch thực hiện chính sách người có công", "Chương trình việc làm giai đoạn 2021 - 2025",
		"Kế hoạch bảo vệ, chăm sóc trẻ em", "Đề án trợ giúp xã hội", "Kế hoạch phòng, chống tệ nạn xã hội"},
	"VHTTDL": {"Đề án phát triển du lịch", "Kế hoạch bảo tồn văn hóa cồng chiêng Tây Nguyên",
		"Nghị quyết hỗ trợ nghệ nhân", "Đề án phát triển thể dục, thể thao", "Kế hoạch tổ chức Festival Hoa Đà Lạt",
		"Chương trình xúc tiến du lịch", "Kế hoạch xây dựng gia đình văn hóa", "Đề án phát triển thư viện",
		"Kế hoạch tu bổ di tích quốc gia", "Đề án đào tạo vận động viên"},
	"DT": {"Đề án phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số", "Kế hoạch thực hiện Chương trình mục tiêu quốc gia",
		"Chính sách hỗ trợ người có uy tín", "Kế hoạch công tác dân tộc năm 2021", "Đề án giảm tảo hôn và hôn nhân cận huyết thống"},
	"TTTT": {"Đề án chuyển đổi số tỉnh Lâm Đồng đến năm 2025", "Kế hoạch phát triển Chính quyền số",
		"Kế hoạch bảo đảm an toàn thông tin mạng", "Quy hoạch hạ tầng viễn thông thụ động", "Đề án xây dựng đô thị thông minh"},
}

var outputs = []string{"Kế hoạch", "Đề án", "Quyết định", "Nghị quyết", "Chương trình", "Báo cáo"}
var submitTos = []string{"UBND tỉnh", "HĐND tỉnh", "Thường trực Tỉnh ủy", "Chủ tịch UBND tỉnh"}

// referenceSpecs are the 55 tasks of the reference meeting; done[code] of
// each sector are completed before 04/3/2021, the rest in progress and
// not yet due.
func referenceSpecs() []taskSpec {
	counts := []int{2, 7, 7, 20, 9, 10}
	done := []int{1, 2, 2, 4, 1, 2} // 12 in all
	var specs []taskSpec
	n := 0
	for i, sec := range referenceSectors {
		ts := topics[sec.Code]
		for k := range counts[i] {
			title := ts[k%len(ts)]
			if k >= len(ts) {
				title += fmt.Sprintf(" (đợt %d)", k/len(ts)+1)
			}
			sp := taskSpec{
				sector: sec.Code, title: title, output: outputs[n%len(outputs)], submitTo: submitTos[n%len(submitTos)],
				deadline: report.Date(2021, time.Month(4+n%9), 28), reported: true,
				stage: report.Stages[1+n%5], percent: float64(10 + 10*(n%8)),
			}
			if k < done[i] {
				sp.deadline = report.Date(2021, 3, 31)
				sp.stage, sp.done, sp.percent = report.StageDone, report.Date(2021, 2, 10+k), 100
			}
			specs = append(specs, sp)
			n++
		}
	}
	return specs
}

// referenceResult is the reference month: 55 tasks, 12 done, as of 04/3/2021.
func referenceResult() *report.Result {
	return buildResult(referenceInfo, report.Period{Year: 2021, Month: 3}, report.Date(2021, 3, 4),
		referenceSectors, referenceSpecs(), nil)
}

// inboxResult is a later month with everything the briefing can show:
// late and overdue tasks, a sector that sent nothing, difficulties,
// proposals, a request to change a task, a stopped task, proposed new
// tasks and last month's snapshot.
func inboxResult() *report.Result {
	asOf := report.Date(2021, 6, 10)
	specs := referenceSpecs()
	for i := range specs {
		sp := &specs[i]
		switch {
		case sp.sector == "DT":
			sp.reported = false // Ban Dân tộc sent nothing this month
		case i%11 == 3:
			sp.deadline = report.Date(2021, 5, 15) // overdue
			sp.difficulties = "Chưa nhận được ý kiến góp ý của các sở, ngành và UBND các huyện, thành phố."
			sp.proposals = "Đề nghị UBND tỉnh gia hạn thời gian trình đến ngày 30/7/2021."
		case i%11 == 7:
			sp.deadline = report.Date(2021, 4, 30) // overdue, no comment
		case i%13 == 5:
			sp.stage, sp.done, sp.deadline = report.StageDone, report.Date(2021, 6, 2), report.Date(2021, 5, 31) // late
		case i%13 == 9:
			sp.stage, sp.done = report.StageDone, report.Date(2021, 5, 20)
		case i == 20:
			sp.stage = report.StageAdjust
			sp.proposals = "Đề nghị điều chỉnh thời hạn sang Quý IV/2021 do phải chờ hướng dẫn của Bộ."
		case i == 21:
			sp.stage = report.StageStopped
		case i == 24:
			sp.deadline = report.Date(2021, 6, 20) // due soon
			sp.difficulties = "Kinh phí thực hiện chưa được bố trí."
		}
	}
	r := buildResult(referenceInfo, report.Period{Year: 2021, Month: 6}, asOf, referenceSectors, specs,
		map[string]bool{"YT": true, "GD": true, "LDTBXH": true, "VHTTDL": true, "TTTT": true})
	r.Proposed = []report.Proposed{
		{Sector: "TTTT", Row: report.Row{Title: "Xây dựng Trung tâm điều hành thông minh (IOC) tỉnh"}, Source: "bao-cao-TTTT.xlsx"},
		{Sector: "GD", Row: report.Row{Title: "Đề án đưa tin học vào trường tiểu học"}, Source: "bao-cao-GD.xlsx"},
	}
	prev := &report.Snapshot{Period: report.Period{Year: 2021, Month: 5}, Status: map[string]report.Status{}}
	for _, e := range r.Entries {
		was := report.StatusOnTrack
		if e.Status.Done() && e.Row.DoneDate.Before(report.Date(2021, 5, 1)) {
			was = e.Status
		}
		prev.Status[e.ID] = was
		prev.Totals.Add(report.Standing{Status: was}, false)
		if e.Status.Done() && !was.Done() {
			r.NewlyDone = append(r.NewlyDone, report.Change{Entry: e, Was: was})
		}
		if e.Status == report.StatusOverdue {
			r.NewlyOverdue = append(r.NewlyOverdue, report.Change{Entry: e, Was: was})
		}
	}
	r.Previous = prev
	return r
}

// bigSectors are the departments and districts of a province.
var bigSectors = []string{
	"Y tế", "Giáo dục và Đào tạo", "Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "Dân tộc",
	"Thông tin và Truyền thông", "Tư pháp", "Nội vụ", "Tài chính", "Kế hoạch và Đầu tư", "Công Thương",
	"Nông nghiệp và Phát triển nông thôn", "Tài nguyên và Môi trường", "Xây dựng", "Giao thông vận tải",
	"Khoa học và Công nghệ", "Ngoại vụ", "Thanh tra tỉnh", "Thành phố Đà Lạt", "Thành phố Bảo Lộc",
	"Huyện Đức Trọng", "Huyện Lâm Hà", "Huyện Đơn Dương", "Huyện Lạc Dương", "Huyện Di Linh", "Huyện Bảo Lâm",
	"Huyện Đạ Huoai", "Huyện Đạ Tẻh", "Huyện Cát Tiên", "Huyện Đam Rông", "Ban Quản lý các khu công nghiệp",
	"Đài Phát thanh - Truyền hình",
}

// bigResult is a province-wide month with n tasks spread over the
// sectors above, every status represented.
func bigResult(n int) *report.Result {
	asOf := report.Date(2021, 3, 4)
	sectors := make([]report.Sector, len(bigSectors))
	for i, name := range bigSectors {
		sectors[i] = report.Sector{Code: fmt.Sprintf("S%02d", i+1), Name: name, Lead: "Cơ quan " + name, Order: i + 1}
	}
	all := []string{}
	for _, ts := range topics {
		all = append(all, ts...)
	}
	slices.Sort(all)
	specs := make([]taskSpec, n)
	for i := range specs {
		sp := taskSpec{
			sector: sectors[(i*7)%len(sectors)].Code, title: all[i%len(all)], output: outputs[i%len(outputs)],
			submitTo: submitTos[i%len(submitTos)], deadline: report.Date(2021, time.Month(1+i%12), 28),
			reported: i%17 != 0, stage: report.Stages[i%6], percent: float64(i % 100),
		}
		switch i % 5 {
		case 0:
			sp.stage, sp.done = report.StageDone, sp.deadline.AddDate(0, 0, i%3-1)
		case 1:
			sp.difficulties = "Chưa bố trí được kinh phí thực hiện."
		}
		specs[i] = sp
	}
	return buildResult(referenceInfo, report.Period{Year: 2021, Month: 3}, asOf, sectors, specs, nil)
}
