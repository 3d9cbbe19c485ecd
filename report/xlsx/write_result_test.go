package xlsx

import "github.com/tonghop/tonghop/report"

// testResult is a consolidated month built by hand from testPlan plus a
// sector that sent nothing: every status, a proposed task, sources of
// every state, findings and last month's snapshot.
func testResult() *report.Result {
	plan := testPlan()
	plan.Sectors = append(plan.Sectors, report.Sector{Code: "DT", Name: "Dân tộc", Lead: "Ban Dân tộc", Order: 4})
	plan.Tasks = append(plan.Tasks, report.Task{ID: "DT-01", Sector: "DT", Title: "Kế hoạch thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số năm 2021",
		Output: "Kế hoạch", SubmitTo: "UBND tỉnh", Lead: "Ban Dân tộc", Deadline: report.Date(2021, 4, 30), DeadlineText: "Tháng 4/2021"})
	asOf := report.Date(2021, 3, 4)
	const (
		yt = "YT - bao cao thang 3.xlsx"
		gd = "GD_T3_2021 (lan 2).xlsx"
		vh = "So VHTTDL - tien do.xlsx"
	)
	type rep struct {
		row    report.Row
		source string
	}
	reports := map[string]rep{
		"YT-01": {report.Row{Row: 5, Officer: "Phạm Thị Lan", Stage: report.StageDone, Percent: 100, HasPercent: true,
			DoneDate: report.Date(2021, 2, 20), IssuedDoc: "Quyết định số 345/QĐ-UBND ngày 20/02/2021 của UBND tỉnh"}, yt},
		"YT-02": {report.Row{Row: 6, Officer: "Nguyễn Văn Nam", Stage: report.StageConsulting, Percent: 40, HasPercent: true,
			Difficulties: "Nguồn vắc xin được phân bổ chưa đủ so với kế hoạch; thiếu nhân lực tiêm chủng tại tuyến xã."}, yt},
		"GD-01": {report.Row{Row: 7, Officer: "Trần Thị Mai", Stage: report.StageSubmitted, Percent: 90, HasPercent: true}, gd},
		"GD-02": {report.Row{Row: 8, Officer: "Trần Thị Mai", Stage: report.StageDone, DoneDate: report.Date(2021, 2, 10),
			IssuedDoc: "Báo cáo số 25/BC-SGDĐT ngày 10/02/2021"}, gd},
		"GD-03": {report.Row{Row: 9, Officer: "Lê Quang Huy", Stage: report.StageAdjust,
			Proposals: "Đề nghị điều chỉnh thời hạn sang Quý III/2021 để chờ hướng dẫn của Bộ Giáo dục và Đào tạo."}, gd},
		"VH-01": {report.Row{Row: 5, Officer: "Đặng Văn Tùng", Stage: report.StageFinalizing, Percent: 80, HasPercent: true,
			Difficulties: "Các huyện gửi ý kiến góp ý chậm.", Proposals: "Đề nghị UBND tỉnh đôn đốc các huyện góp ý trước ngày 15/3/2021."}, vh},
		"VH-02": {report.Row{Row: 6, Officer: "Đặng Văn Tùng", Stage: report.StageStopped, Notes: "Bộ đã ban hành quy chế chung"}, vh},
		"VH-03": {report.Row{Row: 7, StageText: "đang soạn thảo", Stage: report.StageDrafting}, vh},
	}
	r := &report.Result{Info: plan.Info, Period: report.Period{Year: 2021, Month: 3}, AsOf: asOf, HasPlan: true}
	for _, s := range plan.Sectors {
		sum := report.SectorSummary{Sector: s}
		if s.Code != "DT" {
			sum.Submitted = true
		}
		r.Sectors = append(r.Sectors, sum)
	}
	for _, t := range plan.Tasks {
		rp, ok := reports[t.ID]
		e := report.Entry{Task: t, Reported: ok, Row: &rp.row, Source: rp.source, Officer: rp.row.Officer}
		e.Standing = report.Classify(ok, rp.row.Stage, t.Deadline, rp.row.DoneDate, asOf)
		r.Entries = append(r.Entries, e)
		due := !t.Deadline.IsZero() && !t.Deadline.After(asOf)
		for i := range r.Sectors {
			if r.Sectors[i].Code == t.Sector {
				r.Sectors[i].Counts.Add(e.Standing, due)
			}
		}
		r.Totals.Add(e.Standing, due)
	}
	r.Proposed = []report.Proposed{{Sector: "YT", Source: yt, Row: report.Row{Row: 7, Title: "Kế hoạch phòng, chống dịch sốt xuất huyết năm 2021",
		Output: "Kế hoạch", SubmitTo: "UBND tỉnh", Lead: "Sở Y tế", Deadline: report.Date(2021, 5, 31), DeadlineText: "Tháng 5/2021",
		Stage: report.StageDrafting, Proposals: "Bổ sung vào danh mục nhiệm vụ trọng tâm năm 2021"}}}
	hash := func(c byte) string {
		b := make([]byte, 64)
		for i := range b {
			b[i] = "0123456789abcdef"[(int(c)+i*7)%16]
		}
		return string(b)
	}
	mar := report.Period{Year: 2021, Month: 3}
	r.Sources = []report.Source{
		{File: "in/GD_T3_2021.xlsx", Name: "GD_T3_2021.xlsx", SHA256: hash(1), Sector: "GD", Period: mar, ReportDate: report.Date(2021, 3, 1), Accepted: 3, State: report.SourceSuperseded},
		{File: "in/" + gd, Name: gd, SHA256: hash(2), Sector: "GD", Period: mar, ReportDate: report.Date(2021, 3, 3), Accepted: 3, State: report.SourceUsed, Warnings: 1},
		{File: "in/So VHTTDL - T2.xlsx", Name: "So VHTTDL - T2.xlsx", SHA256: hash(3), Sector: "VH", Period: report.Period{Year: 2021, Month: 2}, ReportDate: report.Date(2021, 2, 26), Accepted: 3, State: report.SourceOtherPeriod, Warnings: 1},
		{File: "in/" + vh, Name: vh, SHA256: hash(4), Sector: "VH", Period: mar, ReportDate: report.Date(2021, 3, 4), Accepted: 3, Rejected: 1, State: report.SourceUsed, Errors: 1},
		{File: "in/" + yt, Name: yt, SHA256: hash(5), Sector: "YT", Period: mar, ReportDate: report.Date(2021, 3, 2), Accepted: 2, State: report.SourceUsed, Warnings: 1},
		{File: "in/Dan toc.xls", Name: "Dan toc.xls", SHA256: hash(6), State: report.SourceRejected, Errors: 1},
	}
	r.Findings = []report.Finding{
		{File: yt, Sheet: "Nhiệm vụ", Cell: "B7", Row: 7, Column: "Mã nhiệm vụ", Code: report.CodeTaskUnknownID, Severity: report.Warning},
		{File: "Dan toc.xls", Code: report.CodeFileXLS, Severity: report.Error, Value: "Excel 97-2003 (.xls)"},
		{File: vh, Sheet: "Nhiệm vụ", Cell: "L8", Row: 8, Column: "Ngày hoàn thành", Code: report.CodeDateInvalid, Severity: report.Error, Value: "31/02/2021"},
	}
	prev := &report.Snapshot{
		Period: report.Period{Year: 2021, Month: 2},
		Totals: report.Counts{Tasks: 8, Done: 1, DoneOnTime: 1, InProgress: 6, OnTrack: 5, Overdue: 1, NotReported: 1, Due: 2, DoneOfDue: 1},
		Sectors: map[string]report.Counts{
			"YT": {Tasks: 2, Done: 1, DoneOnTime: 1, InProgress: 1, OnTrack: 1, Due: 1, DoneOfDue: 1},
			"GD": {Tasks: 3, InProgress: 3, OnTrack: 2, Overdue: 1, Due: 1},
			"VH": {Tasks: 3, InProgress: 2, OnTrack: 2, NotReported: 1},
		},
		Status: map[string]report.Status{"YT-01": report.StatusDoneOnTime, "YT-02": report.StatusOnTrack, "GD-01": report.StatusOnTrack,
			"GD-02": report.StatusOverdue, "GD-03": report.StatusOnTrack, "VH-01": report.StatusOnTrack, "VH-02": report.StatusNotReported, "VH-03": report.StatusOnTrack},
	}
	r.Previous = prev
	for _, e := range r.Entries {
		was, ok := prev.Status[e.ID]
		switch {
		case !ok:
		case e.Status.Done() && !was.Done():
			r.NewlyDone = append(r.NewlyDone, report.Change{Entry: e, Was: was})
		case e.Status == report.StatusOverdue && was != report.StatusOverdue:
			r.NewlyOverdue = append(r.NewlyOverdue, report.Change{Entry: e, Was: was})
		}
	}
	return r
}
