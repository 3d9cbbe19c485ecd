package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// rTemplateSubmission is a clean submission laid out like the template.
func rTemplateSubmission(tb testing.TB) []byte {
	return rBook(tb, templates.SheetInfo, func(f *excelize.File) {
		const info = templates.SheetInfo
		rRow(tb, f, info, 1, 1, "Ngành", "YT", "Mã ngành hoặc tên ngành")
		rRow(tb, f, info, 2, 1, "Kỳ báo cáo", "2021-03")
		rRow(tb, f, info, 3, 1, "Ngày báo cáo", time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC))
		rRow(tb, f, info, 4, 1, "Người lập", "Nguyễn Văn An")
		rRow(tb, f, info, 5, 1, "Điện thoại/Email", nil, "Số điện thoại hoặc email để liên hệ")
		const tasks = templates.SheetTasks
		rRow(tb, f, tasks, 1, 1, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM")
		rRow(tb, f, tasks, 2, 1, "Ngành: Y tế — Kỳ báo cáo: tháng 3/2021")
		rRow(tb, f, tasks, 3, 1, "Các cột nền xám do Văn phòng điền sẵn")
		for _, r := range []string{"A1:P1", "A2:P2", "A3:P3"} {
			a, b, _ := cut(r)
			if err := f.MergeCell(tasks, a, b); err != nil {
				tb.Fatal(err)
			}
		}
		rRow(tb, f, tasks, 4, 1, rCanonicalHeader(templates.SubmissionFields)...)
		rRow(tb, f, tasks, 5, 1, 1, "YT01", "Đề án phát triển y tế cơ sở", "Đề án", "UBND tỉnh", "Sở Y tế", "Các sở",
			time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC), "Trần Thị Bình", "Đang lấy ý kiến", 0.4)
		rRow(tb, f, tasks, 6, 1, 2, "YT02", "Kế hoạch tiêm chủng", "Kế hoạch", "UBND tỉnh", "Sở Y tế", nil,
			"15/02/2021", "Lê Văn Cường", "Hoàn thành", 100, time.Date(2021, 2, 10, 0, 0, 0, 0, time.UTC),
			"Quyết định số 123/QĐ-UBND ngày 10/02/2021")
		rRow(tb, f, tasks, 7, 1, 3)
		rStyle(tb, f, tasks, &excelize.Style{NumFmt: 14}, "H5", "L6")
		rStyle(tb, f, tasks, &excelize.Style{NumFmt: 9}, "K5")
		rStyle(tb, f, info, &excelize.Style{NumFmt: 14}, "B3")
	})
}

func cut(r string) (string, string, bool) {
	for i := range r {
		if r[i] == ':' {
			return r[:i], r[i+1:], true
		}
	}
	return r, r, false
}

func TestReadSubmissionTemplate(t *testing.T) {
	data := rTemplateSubmission(t)
	orig := bytes.Clone(data)
	raw := ReadSubmission("inbox/y-te.xlsx", bytes.NewReader(data))
	if !bytes.Equal(data, orig) {
		t.Fatal("input bytes changed")
	}
	if raw.Name != "y-te.xlsx" || raw.File != "inbox/y-te.xlsx" || len(raw.SHA256) != 64 {
		t.Errorf("name %q file %q sha %q", raw.Name, raw.File, raw.SHA256)
	}
	rDiff(t, "findings", rCodes(raw.Findings), "")
	if raw.TaskSheet != "Nhiệm vụ" || raw.InfoSheet != "Thông tin" || raw.HeaderRow != 4 {
		t.Errorf("task sheet %q info sheet %q header row %d", raw.TaskSheet, raw.InfoSheet, raw.HeaderRow)
	}
	if raw.Columns[templates.FieldStage] != "J" || raw.Columns[templates.FieldID] != "B" || raw.Columns[templates.FieldNotes] != "P" {
		t.Errorf("columns %q", raw.Columns)
	}
	rDiff(t, "info", rInfo(raw.Info), `Sector=B1:"YT"
Period=B2:"2021-03"
Report date=B3:#44259(date)
Prepared by=B4:"Nguyễn Văn An"
Phone/Email=B5:""
`)
	rDiff(t, "rows", rDump(raw.Rows), `5: no=A5:#1 id=B5:"YT01" title=C5:"Đề án phát triển y tế cơ sở" output=D5:"Đề án" submit=E5:"UBND tỉnh" lead=F5:"Sở Y tế" coord=G5:"Các sở" deadline=H5:#44377(date) officer=I5:"Trần Thị Bình" stage=J5:"Đang lấy ý kiến" pct=K5:#0.4(%)
6: no=A6:#2 id=B6:"YT02" title=C6:"Kế hoạch tiêm chủng" output=D6:"Kế hoạch" submit=E6:"UBND tỉnh" lead=F6:"Sở Y tế" deadline=H6:"15/02/2021" officer=I6:"Lê Văn Cường" stage=J6:"Hoàn thành" pct=K6:#100 done=L6:#44237(date) doc=M6:"Quyết định số 123/QĐ-UBND ngày 10/02/2021"
`)
}

func TestReadPlanTemplate(t *testing.T) {
	data := rBook(t, templates.SheetInfo, func(f *excelize.File) {
		rRow(t, f, templates.SheetInfo, 1, 1, "Cơ quan chủ quản", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
		rRow(t, f, templates.SheetInfo, 2, 1, "Cơ quan ban hành", "VĂN PHÒNG")
		rRow(t, f, templates.SheetInfo, 3, 1, "Nơi nhận", "Ban chỉ đạo;\nLưu: VT")
		rRow(t, f, templates.SheetSectors, 1, 1, "Mã ngành", "Tên ngành", "Cơ quan chủ trì", "Thứ tự")
		rRow(t, f, templates.SheetSectors, 2, 1, "YT", "Y tế", "Sở Y tế", 1)
		rRow(t, f, templates.SheetSectors, 3, 1, "GD", "Giáo dục", "Sở Giáo dục và Đào tạo", 2)
		rRow(t, f, templates.SheetTasks, 1, 1, "DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2021")
		rRow(t, f, templates.SheetTasks, 3, 1, rCanonicalHeader(templates.PlanFields)...)
		rRow(t, f, templates.SheetTasks, 4, 1, 1, "YT01", "YT", "Đề án phát triển y tế cơ sở", "Đề án", "UBND tỉnh", "Sở Y tế", "Các sở", "Quý II/2021")
		rRow(t, f, templates.SheetTasks, 5, 1, 2, "GD01", "GD", "Kế hoạch năm học", "Kế hoạch", "UBND tỉnh", "Sở Giáo dục và Đào tạo", nil, time.Date(2021, 8, 31, 0, 0, 0, 0, time.UTC))
		rStyle(t, f, templates.SheetTasks, &excelize.Style{NumFmt: 14}, "I5")
	})
	plan, err := ReadPlan("plan.xlsx", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rDiff(t, "findings", rCodes(plan.Findings), "")
	rDiff(t, "info", rInfo(plan.Info), `Governing body=B1:"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
Issuing body=B2:"VĂN PHÒNG"
Recipients=B3:"Ban chỉ đạo;\nLưu: VT"
`)
	if len(plan.Sectors) != 2 || plan.Sectors[1].Code.Text != "GD" || plan.Sectors[1].Lead.Ref != "C3" ||
		plan.Sectors[1].Name.Text != "Giáo dục" || plan.Sectors[1].Order.Text != "2" || plan.Sectors[1].Row != 3 {
		t.Errorf("sectors %+v", plan.Sectors)
	}
	if plan.TaskSheet != templates.SheetTasks {
		t.Errorf("task sheet %q", plan.TaskSheet)
	}
	rDiff(t, "tasks", rDump(plan.Tasks), `4: no=A4:#1 id=B4:"YT01" sector=C4:"YT" title=D4:"Đề án phát triển y tế cơ sở" output=E4:"Đề án" submit=F4:"UBND tỉnh" lead=G4:"Sở Y tế" coord=H4:"Các sở" deadline=I4:"Quý II/2021"
5: no=A5:#2 id=B5:"GD01" sector=C5:"GD" title=D5:"Kế hoạch năm học" output=E5:"Kế hoạch" submit=F5:"UBND tỉnh" lead=G5:"Sở Giáo dục và Đào tạo" deadline=I5:#44439(date)
`)
}

var _ = report.Error

// TestReadOnPastTheHead reads sheets longer than the rows the reader looks
// at to find the tables (headInfoRows): the task table's rows around and
// after that row, and an info sheet whose merged label, recorded after its
// rows, lies beyond it. The reader reads on from where it looked, without
// reading the first rows again.
func TestReadOnPastTheHead(t *testing.T) {
	const n = 2*headInfoRows + 7
	data := rBook(t, templates.SheetInfo, func(f *excelize.File) {
		for r := 1; r <= headInfoRows+20; r++ {
			rRow(t, f, templates.SheetInfo, r, 5, "ghi chú")
		}
		rRow(t, f, templates.SheetInfo, 2, 1, "Kỳ báo cáo", nil, "03/2021")
		if err := f.MergeCell(templates.SheetInfo, "A2", "B2"); err != nil {
			t.Fatal(err)
		}
		rRow(t, f, templates.SheetTasks, 1, 1, rCanonicalHeader(templates.SubmissionFields)...)
		for i := 0; i < n; i++ {
			rRow(t, f, templates.SheetTasks, 2+i, 1, i+1, fmt.Sprintf("YT-%03d", i), "Đề án", nil, nil, nil, nil, "30/06/2021", "An", "Hoàn thành")
		}
	})
	raw := ReadSubmission("long.xlsx", bytes.NewReader(data))
	if len(raw.Findings) != 0 || len(raw.Rows) != n {
		t.Fatalf("%d rows, findings %v", len(raw.Rows), raw.Findings)
	}
	for i, r := range raw.Rows {
		if r.Row != 2+i || r.Cells[templates.FieldID].Text != fmt.Sprintf("YT-%03d", i) || r.Cells[templates.FieldID].Ref != fmt.Sprintf("B%d", 2+i) {
			t.Fatalf("row %d: %d %+v", i, r.Row, r.Cells[templates.FieldID])
		}
	}
	rDiff(t, "info", rInfo(raw.Info), "Period=C2:\"03/2021\"\n")
}

// TestReaderReusesItsRows reads workbooks of different sizes one after the
// other with one Reader: each result is what ReadSubmission gives, whatever
// the Reader read before (its rows are cleared and reused).
func TestReaderReusesItsRows(t *testing.T) {
	big := rBigSubmission(t, 300)
	// A task sheet refused at its last row, after the others were read.
	var sheet strings.Builder
	sheet.WriteString(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Tên nhiệm vụ</t></is></c>` +
		`<c t="inlineStr"><is><t>Giai đoạn</t></is></c><c t="inlineStr"><is><t>Thời hạn</t></is></c>` +
		`<c t="inlineStr"><is><t>Văn bản ban hành</t></is></c></row>`)
	for r := 2; r < 200; r++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c t="inlineStr"><is><t>Việc %d</t></is></c><c t="inlineStr"><is><t>Hoàn thành</t></is></c>`+
			`<c><v>44300</v></c><c t="inlineStr"><is><t>Quyết định %d</t></is></c></row>`, r, r, r)
	}
	sheet.WriteString(`<row r="200"><c><v>not a number</v></c></row></sheetData></worksheet>`)
	cut := sdBook(t, sheet.String(), "-", "-")
	books := [][]byte{big, rTemplateSubmission(t), rMessySubmission(t), rBigSubmission(t, 40),
		[]byte("not a workbook"), rBigSubmission(t, 700), cut, rBigSubmission(t, 20), rTemplateSubmission(t)}
	var rd Reader
	for i, data := range books {
		want := ReadSubmission("b.xlsx", bytes.NewReader(data))
		got := rd.ReadSubmission("b.xlsx", bytes.NewReader(data))
		if rDump(got.Rows) != rDump(want.Rows) || rCodes(got.Findings) != rCodes(want.Findings) || rInfo(got.Info) != rInfo(want.Info) {
			t.Errorf("book %d: the Reader gives\n%s\nReadSubmission gives\n%s", i, rDump(got.Rows), rDump(want.Rows))
		}
	}
}

// TestReadManyLongSheets reads a workbook whose task table and info sheet
// come after more long sheets than the reader keeps open (maxOpenHeads):
// they are read again from their start, with the same result.
func TestReadManyLongSheets(t *testing.T) {
	const n = 100
	data := rBook(t, "Bìa", func(f *excelize.File) {
		for i := 0; i <= maxOpenHeads; i++ {
			sheet := fmt.Sprintf("Phụ lục %d", i)
			for r := 1; r <= headInfoRows+10; r++ {
				rRow(t, f, sheet, r, 1, fmt.Sprintf("ghi chú %d", r))
			}
		}
		rRow(t, f, templates.SheetTasks, 1, 1, rCanonicalHeader(templates.SubmissionFields)...)
		for i := 0; i < n; i++ {
			rRow(t, f, templates.SheetTasks, 2+i, 1, i+1, fmt.Sprintf("YT-%03d", i), "Đề án", nil, nil, nil, nil, "30/06/2021", "An", "Hoàn thành")
		}
		for r := 1; r <= headInfoRows+10; r++ {
			rRow(t, f, templates.SheetInfo, r, 5, "ghi chú")
		}
		rRow(t, f, templates.SheetInfo, 2, 1, "Kỳ báo cáo", nil, "03/2021")
		if err := f.MergeCell(templates.SheetInfo, "A2", "B2"); err != nil {
			t.Fatal(err)
		}
	})
	raw := ReadSubmission("many.xlsx", bytes.NewReader(data))
	if len(raw.Findings) != 0 || len(raw.Rows) != n || raw.TaskSheet != templates.SheetTasks {
		t.Fatalf("%d rows from %q, findings %v", len(raw.Rows), raw.TaskSheet, raw.Findings)
	}
	for i, r := range raw.Rows {
		if r.Row != 2+i || r.Cells[templates.FieldID].Text != fmt.Sprintf("YT-%03d", i) {
			t.Fatalf("row %d: %d %+v", i, r.Row, r.Cells[templates.FieldID])
		}
	}
	rDiff(t, "info", rInfo(raw.Info), "Period=C2:\"03/2021\"\n")
}
