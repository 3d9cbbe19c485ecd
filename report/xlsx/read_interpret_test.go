package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// A messy workbook with mistakes: the core, fed by the reader, must name
// the exact cells, whatever the layout (title block, two-row header,
// shuffled columns, hidden row, merged cells).
func TestReadInterpretFindingsAtCells(t *testing.T) {
	data := rBook(t, "Sheet1", func(f *excelize.File) {
		const ts = "Sheet1"
		rRow(t, f, ts, 1, 1, "BÁO CÁO TIẾN ĐỘ")
		rRow(t, f, ts, 2, 1, "Ngành: Y tế")
		rRow(t, f, ts, 3, 1, "Kỳ báo cáo: 03/2021")
		rRow(t, f, ts, 4, 1, "Ngày báo cáo: 04/3/2021")
		rRow(t, f, ts, 6, 1, "STT", "Tên nhiệm vụ", "Cán bộ phụ trách", "Tình hình thực hiện", nil, "Thời hạn", "Mã nhiệm vụ")
		rRow(t, f, ts, 7, 4, "Giai đoạn", "Tỷ lệ (%)")
		rMerge(t, f, ts, "A6:A7", "B6:B7", "C6:C7", "D6:E6", "F6:F7", "G6:G7")
		rRow(t, f, ts, 8, 1, "I", "LĨNH VỰC Y TẾ")
		rRow(t, f, ts, 9, 1, 1, "Đề án y tế cơ sở", "An", "Sắp xong", 50, "30/6/2021", "YT01")
		rRow(t, f, ts, 10, 1, 2, "Kế hoạch tiêm chủng", "Bình", "Đang lấy ý kiến", 140, "31/02/2021", "YT02")
		rRow(t, f, ts, 11, 1, 3, "Chương trình dân số", "Cường", "Hoµn thµnh", 100, "15/02/2021", "YT03")
		rStyle(t, f, ts, &excelize.Style{Font: &excelize.Font{Family: ".VnTime"}}, "D11")
		if err := f.SetRowVisible(ts, 10, false); err != nil {
			t.Fatal(err)
		}
	})
	raw := ReadSubmission("y-te.xlsx", bytes.NewReader(data))
	rDiff(t, "reader findings", rCodes(raw.Findings), "")
	sub := report.Interpret(raw, nil)
	var got []string
	for _, f := range sub.Findings {
		got = append(got, string(f.Code)+" "+f.Sheet+"!"+f.Cell)
	}
	rDiff(t, "findings", strings.Join(got, "\n"), `stage.unknown Sheet1!D9
percent.invalid Sheet1!E10
date.invalid Sheet1!F10
done.missing_date Sheet1!
text.legacy_encoding Sheet1!D11`)
	// Without a completion-date column the finding names the row.
	for _, f := range sub.Findings {
		if f.Code == report.CodeDoneMissingDate && f.Row != 11 {
			t.Errorf("done.missing_date row %d", f.Row)
		}
	}
	if sub.Sector != "" && sub.SectorText != "Y tế" {
		t.Errorf("sector %q", sub.SectorText)
	}
}
