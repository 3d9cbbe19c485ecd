package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

func fbTestFindings() []report.Finding {
	return []report.Finding{
		{File: "y-te.xlsx", Sheet: "Nhiệm vụ", Cell: "J5", Row: 5, Column: "Giai đoạn", Code: report.CodeStageUnknown, Severity: report.Error, Value: "Sắp xong"},
		{File: "y-te.xlsx", Sheet: "Nhiệm vụ", Cell: "K5", Row: 5, Column: "Tỷ lệ hoàn thành (%)", Code: report.CodePercentInvalid, Severity: report.Warning, Value: "140"},
		{File: "y-te.xlsx", Sheet: "Nhiệm vụ", Cell: "J5", Row: 5, Column: "Giai đoạn", Code: report.CodeTextLegacy, Severity: report.Warning, Value: "TCVN3"},
		{File: "y-te.xlsx", Sheet: "Thông tin", Cell: "B2", Row: 2, Column: "Kỳ báo cáo", Code: report.CodePeriodInvalid, Severity: report.Error, Value: "tháng ba", Want: "2021-03"},
		{File: "y-te.xlsx", Sheet: "Nhiệm vụ", Row: 4, Column: "Cán bộ phụ trách", Code: report.CodeHeaderMissing, Severity: report.Warning},
	}
}

func fbWrite(tb testing.TB, original []byte, fs []report.Finding, lang report.Lang) (*excelize.File, []byte) {
	tb.Helper()
	var buf bytes.Buffer
	if _, err := WriteFeedback(&buf, original, fs, lang); err != nil {
		tb.Fatalf("WriteFeedback: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		tb.Fatalf("open feedback: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func fbFillOf(tb testing.TB, f *excelize.File, sheet, ref string) (*excelize.Style, string) {
	tb.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		tb.Fatal(err)
	}
	if len(st.Fill.Color) == 0 {
		return st, ""
	}
	return st, st.Fill.Color[0]
}

func TestWriteFeedbackMarksCells(t *testing.T) {
	original := rTemplateSubmission(t)
	keep := bytes.Clone(original)
	fs := fbTestFindings()
	f, out := fbWrite(t, original, fs, report.VI)
	if !bytes.Equal(original, keep) {
		t.Fatal("original bytes changed")
	}
	_, again := fbWrite(t, original, fs, report.VI)
	if !bytes.Equal(out, again) {
		t.Error("feedback workbook is not deterministic")
	}
	if got := f.GetSheetList(); len(got) != 3 || got[0] != "Góp ý" || got[1] != "Thông tin" || got[2] != "Nhiệm vụ" {
		t.Errorf("sheets %q", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the list", f.GetActiveSheetIndex())
	}
	// Fills: error red (J5 has an error and a warning), warning yellow with
	// the cell's percent format kept, untouched cells unchanged.
	if _, c := fbFillOf(t, f, "Nhiệm vụ", "J5"); c != fbErrorFill {
		t.Errorf("J5 fill %q", c)
	}
	if st, c := fbFillOf(t, f, "Nhiệm vụ", "K5"); c != fbWarningFill || st.NumFmt != 9 {
		t.Errorf("K5 fill %q numFmt %d", c, st.NumFmt)
	}
	if _, c := fbFillOf(t, f, "Nhiệm vụ", "J6"); c != "" {
		t.Errorf("J6 fill %q, want none", c)
	}
	if _, c := fbFillOf(t, f, "Thông tin", "B2"); c != fbErrorFill {
		t.Errorf("Thông tin B2 fill %q", c)
	}
	// Values are untouched.
	if v, _ := f.GetCellValue("Nhiệm vụ", "J5"); v != "Đang lấy ý kiến" {
		t.Errorf("J5 value %q", v)
	}
	comments, err := f.GetComments("Nhiệm vụ")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range comments {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		got[c.Cell] = text
		if c.Author != "tonghop" {
			t.Errorf("comment author %q", c.Author)
		}
	}
	wantJ5 := "Lỗi: " + fs[0].Text(report.VI) + "\nCảnh báo: " + fs[2].Text(report.VI)
	if got["J5"] != wantJ5 {
		t.Errorf("J5 comment:\n%q\nwant\n%q", got["J5"], wantJ5)
	}
	if !strings.Contains(got["K5"], "140") || len(got) != 2 {
		t.Errorf("comments %q", got)
	}
	// The list: explanation, then one row per finding, sorted, with links.
	if v, _ := f.GetCellValue("Góp ý", "A1"); !strings.HasPrefix(v, "Sửa các ô được tô màu rồi gửi lại tệp") {
		t.Errorf("A1 %q", v)
	}
	if v, _ := f.GetCellValue("Góp ý", "A2"); !strings.Contains(v, "y-te.xlsx — 2 lỗi, 3 cảnh báo") {
		t.Errorf("A2 %q", v)
	}
	rows, err := f.GetRows("Góp ý")
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, r := range rows[3:] {
		list = append(list, strings.Join(r[:4], "|")+"|"+r[5])
	}
	rDiff(t, "list", strings.Join(list, "\n"), `Mức độ|Trang tính|Ô|Cột|Mã
Cảnh báo|Nhiệm vụ|dòng 4|Cán bộ phụ trách|header.missing
Lỗi|Nhiệm vụ|J5|Giai đoạn|stage.unknown
Cảnh báo|Nhiệm vụ|J5|Giai đoạn|text.legacy_encoding
Cảnh báo|Nhiệm vụ|K5|Tỷ lệ hoàn thành (%)|percent.invalid
Lỗi|Thông tin|B2|Kỳ báo cáo|period.invalid`)
	if rows[4][4] != wSentence(fs[4].Text(report.VI)) {
		t.Errorf("message %q", rows[4][4])
	}
	if ok, target, _ := f.GetCellHyperLink("Góp ý", "C6"); !ok || target != "'Nhiệm vụ'!J5" {
		t.Errorf("C6 link %v %q", ok, target)
	}
	if ok, target, _ := f.GetCellHyperLink("Góp ý", "C9"); !ok || target != "'Thông tin'!B2" {
		t.Errorf("C9 link %v %q", ok, target)
	}
	if ok, _, _ := f.GetCellHyperLink("Góp ý", "C5"); ok {
		t.Error("row finding without a cell has a link")
	}
}

func TestWriteFeedbackRefusedFile(t *testing.T) {
	pdf := []byte("%PDF-1.4\n1 0 obj\n")
	raw := ReadSubmission("bao-cao.pdf", bytes.NewReader(pdf))
	f, _ := fbWrite(t, pdf, raw.Findings, report.EN)
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Findings" {
		t.Fatalf("sheets %q", got)
	}
	rows, _ := f.GetRows("Findings")
	if len(rows) != 5 || rows[3][0] != "Severity" || rows[4][0] != "Error" || rows[4][5] != "file.not_xlsx" ||
		!strings.Contains(rows[4][4], "not an Excel workbook (.xlsx) but PDF") {
		t.Errorf("rows %q", rows)
	}
}
