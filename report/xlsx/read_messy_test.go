package xlsx

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/templates"
)

func rMerge(tb testing.TB, f *excelize.File, sheet string, ranges ...string) {
	tb.Helper()
	for _, r := range ranges {
		a, b, _ := cut(r)
		if err := f.MergeCell(sheet, a, b); err != nil {
			tb.Fatal(err)
		}
	}
}

// rMessySubmission is laid out the way departments really send reports:
// renamed sheets in another order, a title block, a two-row header with
// merged cells, shuffled and renamed columns, a numbering row, section and
// total rows, NFD text, serial and text dates, a hidden row, a merged
// lead-agency cell, a formula without a cached value and a signature block.
func rMessySubmission(tb testing.TB) []byte {
	nfd := norm.NFD.String
	return rBook(tb, "Hướng dẫn", func(f *excelize.File) {
		rRow(tb, f, "Hướng dẫn", 1, 1, "Điền cột Tiến độ theo danh mục giai đoạn.")
		const ts = "BC thang 3"
		rRow(tb, f, ts, 1, 1, "UBND TỈNH LÂM ĐỒNG")
		rRow(tb, f, ts, 2, 1, "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
		rRow(tb, f, ts, 3, 1, "BÁO CÁO TIẾN ĐỘ NHIỆM VỤ TRỌNG TÂM THÁNG 3/2021")
		rMerge(tb, f, ts, "A3:H3")
		rRow(tb, f, ts, 5, 1, "TT", nfd("Nội dung nhiệm vụ"), "Thời hạn hoàn thành", "Kết quả thực hiện", nil, "Đơn vị chủ trì", "Ghi chú", "Mã NV")
		rRow(tb, f, ts, 6, 4, "Tiến độ", "Tỷ lệ hoàn thành (%)")
		rMerge(tb, f, ts, "A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:F6", "G5:G6", "H5:H6")
		rRow(tb, f, ts, 7, 1, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)")
		rRow(tb, f, ts, 8, 1, "I. LĨNH VỰC GIÁO DỤC")
		rMerge(tb, f, ts, "A8:H8")
		rRow(tb, f, ts, 9, 1, 1, nfd("Xây dựng Đề án phát triển giáo dục mầm non"), 44377, "hoan thanh", 0.45, "Sở Giáo dục và Đào tạo", nil, "GD01")
		rRow(tb, f, ts, 10, 1, 2, "Kế hoạch tuyển sinh", "30/6/2021", "Đang lấy ý kiến", "45%", nil, "ẩn", "GD02")
		rMerge(tb, f, ts, "F9:F10")
		if err := f.SetRowVisible(ts, 10, false); err != nil {
			tb.Fatal(err)
		}
		rRow(tb, f, ts, 11, 1, "II", "Khối văn hóa")
		rRow(tb, f, ts, 12, 1, 3, "Chương trình chuyển đổi số", "ngày 05 tháng 01 năm 2021", "Đang xây dựng dự thảo", nil, "Sở TT&TT", nil, "VH01")
		if err := f.SetCellFormula(ts, "E12", "=50+25"); err != nil {
			tb.Fatal(err)
		}
		rRow(tb, f, ts, 14, 2, "Tổng cộng", nil, 3)
		rRow(tb, f, ts, 16, 2, "Người lập", nil, nil, nil, "Thủ trưởng đơn vị")
		rRow(tb, f, ts, 17, 2, "(Ký, ghi rõ họ tên)")
		rRow(tb, f, ts, 19, 2, "Nguyễn Văn Ánh", "2021-03-31", "Hoàn thành")
		rStyle(tb, f, ts, &excelize.Style{NumFmt: 14}, "C9")
		rStyle(tb, f, ts, &excelize.Style{NumFmt: 10}, "E9")
		rStyle(tb, f, ts, &excelize.Style{Font: &excelize.Font{Family: ".VnTime"}}, "D10")

		const is = "TT chung"
		rRow(tb, f, is, 1, 1, "THÔNG TIN CHUNG")
		rMerge(tb, f, is, "A1:D1")
		rRow(tb, f, is, 2, 2, "Ngành, lĩnh vực:", "Giáo dục")
		rRow(tb, f, is, 3, 2, "Kỳ báo cáo: 03/2021")
		rRow(tb, f, is, 4, 2, "Ngày lập", nil, time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC))
		rMerge(tb, f, is, "B4:C4")
		rRow(tb, f, is, 5, 2, "Người lập biểu", "Trần Văn Bình")
		code := "dd/mm/yyyy"
		rStyle(tb, f, is, &excelize.Style{CustomNumFmt: &code}, "D4")

		rRow(tb, f, "Danh mục", 1, 1, "Chưa triển khai", "Hoàn thành")
		if err := f.SetSheetVisible("Danh mục", false); err != nil {
			tb.Fatal(err)
		}
	})
}

func TestReadSubmissionMessy(t *testing.T) {
	raw := ReadSubmission("GD.xlsx", bytes.NewReader(rMessySubmission(t)))
	rDiff(t, "findings", rCodes(raw.Findings), "")
	if raw.TaskSheet != "BC thang 3" || raw.InfoSheet != "TT chung" || raw.HeaderRow != 5 {
		t.Errorf("task sheet %q info sheet %q header row %d", raw.TaskSheet, raw.InfoSheet, raw.HeaderRow)
	}
	want := map[templates.Field]string{templates.FieldNo: "A", templates.FieldTitle: "B", templates.FieldDeadline: "C",
		templates.FieldStage: "D", templates.FieldPercent: "E", templates.FieldLead: "F", templates.FieldNotes: "G", templates.FieldID: "H"}
	for f, col := range raw.Columns {
		if col != want[templates.Field(f)] {
			t.Errorf("column of %s = %q, want %q", rFieldName(templates.Field(f)), col, want[templates.Field(f)])
		}
	}
	rDiff(t, "info", rInfo(raw.Info), `Sector=C2:"Giáo dục"
Period=B3:"03/2021"
Report date=D4:#44286(date)
Prepared by=C5:"Trần Văn Bình"
`)
	rDiff(t, "rows", rDump(raw.Rows), `9: no=A9:#1 id=H9:"GD01" title=B9:"`+norm.NFD.String("Xây dựng Đề án phát triển giáo dục mầm non")+`" lead=F9:"Sở Giáo dục và Đào tạo" deadline=C9:#44377(date) stage=D9:"hoan thanh" pct=E9:#0.45(%)
10 hidden: no=A10:#2 id=H10:"GD02" title=B10:"Kế hoạch tuyển sinh" lead=F9:"Sở Giáo dục và Đào tạo" deadline=C10:"30/6/2021" stage=D10:"Đang lấy ý kiến" pct=E10:"45%" notes=G10:"ẩn"
12: no=A12:#3 id=H12:"VH01" title=B12:"Chương trình chuyển đổi số" lead=F12:"Sở TT&TT" deadline=C12:"ngày 05 tháng 01 năm 2021" stage=D12:"Đang xây dựng dự thảo"
`)
	if got := raw.Rows[1].Cells[templates.FieldStage].Font; got != ".VnTime" {
		t.Errorf("D10 font %q", got)
	}
	if got := raw.Rows[0].Cells[templates.FieldStage].Font; got != "Calibri" {
		t.Errorf("D9 font %q", got)
	}
}

// An English-headed table on the first sheet, header in row 1, no info
// sheet: the info comes from nowhere and the rows still read.
func TestReadSubmissionEnglishHeaders(t *testing.T) {
	data := rBook(t, "Report", func(f *excelize.File) {
		rRow(t, f, "Report", 1, 1, "Task ID", "Task", "Deadline", "Stage", "Percent complete", "Completion date", "Responsible officer")
		rRow(t, f, "Report", 2, 1, "YT01", "Health plan", "2021-06-30", "Completed", 1, 44270, "An")
		rRow(t, f, "Report", 3, 1, "Total", nil, nil, nil, 1)
		rStyle(t, f, "Report", &excelize.Style{NumFmt: 9}, "E2")
		rStyle(t, f, "Report", &excelize.Style{NumFmt: 22}, "F2")
	})
	raw := ReadSubmission("en.xlsx", bytes.NewReader(data))
	rDiff(t, "findings", rCodes(raw.Findings), "")
	if raw.InfoSheet != "" || len(raw.Info) != 0 || raw.HeaderRow != 1 {
		t.Errorf("info sheet %q info %v header %d", raw.InfoSheet, raw.Info, raw.HeaderRow)
	}
	rDiff(t, "rows", rDump(raw.Rows), `2: id=A2:"YT01" title=B2:"Health plan" deadline=C2:"2021-06-30" officer=G2:"An" stage=D2:"Completed" pct=E2:#1(%) done=F2:#44270(date)
`)
}
