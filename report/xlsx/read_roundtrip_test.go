package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

func rPlan() *report.Plan {
	return &report.Plan{
		Info: report.Info{GoverningBody: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", IssuingBody: "VĂN PHÒNG", Symbol: "BC-VP"},
		Sectors: []report.Sector{
			{Code: "YT", Name: "Y tế", Lead: "Sở Y tế", Order: 1},
			{Code: "GD", Name: "Giáo dục", Lead: "Sở Giáo dục và Đào tạo", Order: 2},
		},
		Tasks: []report.Task{
			{ID: "YT-01", Sector: "YT", Title: "Đề án y tế cơ sở", Output: "Đề án", SubmitTo: "UBND tỉnh", Lead: "Sở Y tế", Deadline: report.Date(2021, 2, 28)},
			{ID: "YT-02", Sector: "YT", Title: "Kế hoạch tiêm chủng", Output: "Kế hoạch", SubmitTo: "UBND tỉnh", Lead: "Sở Y tế", Deadline: report.Date(2021, 6, 30), DeadlineText: "Quý II/2021"},
			{ID: "GD-01", Sector: "GD", Title: "Nghị quyết học phí", Output: "Nghị quyết", SubmitTo: "HĐND tỉnh", Lead: "Sở Giáo dục và Đào tạo", Deadline: report.Date(2021, 3, 15)},
		},
	}
}

// The workbooks tonghop writes read back: the plan, and a blank
// submission template whose info sheet has hints beside empty values.
func TestReadRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePlan(&buf, rPlan(), report.VI); err != nil {
		t.Skipf("WritePlan not available: %v", err)
	}
	raw, err := ReadPlan("plan.xlsx", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	plan := report.InterpretPlan(raw)
	if len(plan.Findings) != 0 {
		t.Errorf("plan findings:\n%s", rCodes(plan.Findings))
	}
	var got []string
	for _, x := range plan.Tasks {
		got = append(got, x.ID+"|"+x.Sector+"|"+x.Title+"|"+report.DateCell(x.Deadline))
	}
	for _, s := range plan.Sectors {
		got = append(got, s.Code+"|"+s.Name+"|"+s.Lead)
	}
	rDiff(t, "plan", strings.Join(got, "\n"), `YT-01|YT|Đề án y tế cơ sở|28/02/2021
YT-02|YT|Kế hoạch tiêm chủng|30/06/2021
GD-01|GD|Nghị quyết học phí|15/03/2021
YT|Y tế|Sở Y tế
GD|Giáo dục|Sở Giáo dục và Đào tạo`)
	if plan.Info.Symbol != "BC-VP" {
		t.Errorf("info %+v", plan.Info)
	}

	buf.Reset()
	err = WriteSubmission(&buf, Submission{Plan: plan, Sector: plan.Sectors[0], Period: report.Period{Year: 2021, Month: 3}})
	if err != nil {
		t.Skipf("WriteSubmission not available: %v", err)
	}
	sub := ReadSubmission("YT.xlsx", bytes.NewReader(buf.Bytes()))
	rDiff(t, "reader findings", rCodes(sub.Findings), "")
	if sub.TaskSheet != templates.SheetTasks || sub.InfoSheet != templates.SheetInfo {
		t.Errorf("sheets %q %q", sub.TaskSheet, sub.InfoSheet)
	}
	for i, f := range templates.SubmissionFields {
		if sub.Columns[f] != colName(i+1) {
			t.Errorf("column of %s = %q", rFieldName(f), sub.Columns[f])
		}
	}
	info := map[templates.InfoKey]string{}
	for _, in := range sub.Info {
		info[in.Key] = in.Value.Ref + ":" + in.Value.Text
	}
	if info[templates.InfoSector] != "B1:YT" || info[templates.InfoPeriod] != "B2:2021-03" || info[templates.InfoPreparer] != "B4:" {
		t.Errorf("info %v", info)
	}
	var ids []string
	for _, r := range sub.Rows {
		ids = append(ids, r.Cells[templates.FieldID].Text)
	}
	if strings.Join(ids, ",") != "YT-01,YT-02" {
		t.Errorf("rows %q\n%s", ids, rDump(sub.Rows))
	}
}
