package xlsx

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// The consolidated workbook's values are compared with a golden file
// (wDump), and so is its layout (wLayout): column widths, row heights,
// merged ranges and every cell's style as it looks (fonts, fills,
// alignment, borders, number formats). The layout was written by the
// excelize-only writer before the rows were written as XML, and must not
// move.
func TestWriteConsolidated(t *testing.T) {
	for _, lang := range []report.Lang{report.VI, report.EN} {
		t.Run(string(lang), func(t *testing.T) {
			name := "consolidated-" + string(lang)
			path, data := wSave(t, name+".xlsx", func(b *bytes.Buffer) error { return WriteConsolidated(b, testResult(), lang) })
			f := wOpen(t, path)
			wGolden(t, name, wDump(t, f))
			wGolden(t, name+".layout", wLayout(t, f))
			wCheckParts(t, data)
		})
	}
}

func TestWriteConsolidatedCells(t *testing.T) {
	path, _ := wSave(t, "tong-hop-2021-03.xlsx", func(b *bytes.Buffer) error { return WriteConsolidated(b, testResult(), report.VI) })
	f := wOpen(t, path)
	want := "Tổng hợp,Nhiệm vụ,Quá hạn - Sắp đến hạn,Khó khăn - Đề xuất,Đôn đốc,Nhiệm vụ đề xuất,Nguồn,Lỗi,tonghop"
	if got := strings.Join(f.GetSheetList(), ","); got != want {
		t.Fatalf("sheets = %s\nwant %s", got, want)
	}

	// Summary: the totals row carries the §5 counts as numbers.
	const sum = "Tổng hợp"
	row := wFindRow(t, f, sum, "B", "Tổng cộng")
	for col, want := range map[string]string{"C": "8", "D": "2", "E": "1", "F": "1", "G": "4", "H": "1", "I": "1", "J": "2", "K": "25.00%", "L": "66.67%"} {
		if got := wCell(t, f, sum, col+row); got != want {
			t.Errorf("totals %s%s = %q, want %q", col, row, got, want)
		}
	}
	if raw, _ := f.GetCellValue(sum, "C"+row, wRawOpt); raw != "8" {
		t.Errorf("totals tasks raw = %q, want a number", raw)
	}
	// A sector with nothing due yet shows "—" for the second rate.
	dt := wFindRow(t, f, sum, "B", "Dân tộc")
	if got := wCell(t, f, sum, "L"+dt); got != "—" {
		t.Errorf("Dân tộc due rate = %q, want —", got)
	}
	if got := wCell(t, f, sum, "M"+dt); got != "Chưa gửi" {
		t.Errorf("Dân tộc report = %q, want Chưa gửi", got)
	}

	// Task table: frozen header, filter over the whole table, colours, print titles.
	const tasks = "Nhiệm vụ"
	panes, err := f.GetPanes(tasks)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("task sheet panes = %+v, %v; want the header row frozen", panes, err)
	}
	if !wHasName(f, "_xlnm._FilterDatabase", "'Nhiệm vụ'!$A$1:$Q$10") {
		t.Errorf("autofilter not over A1:Q10: %+v", f.GetDefinedName())
	}
	if !wHasName(f, "_xlnm.Print_Titles", "'Nhiệm vụ'!$1:$1") {
		t.Errorf("print titles missing: %+v", f.GetDefinedName())
	}
	vh01 := wFindRow(t, f, tasks, "C", "VH-01")
	if got := wCell(t, f, tasks, "J"+vh01); got != "Đang thực hiện quá hạn" {
		t.Errorf("VH-01 status = %q", got)
	}
	if got := wFill(t, f, tasks, "J"+vh01); got != "FFC7CE" {
		t.Errorf("VH-01 status fill = %q, want FFC7CE", got)
	}
	if raw, _ := f.GetCellValue(tasks, "H"+vh01, wRawOpt); raw != "44242" {
		t.Errorf("VH-01 deadline raw = %q, want the date serial 44242", raw)
	}
	if got := wCell(t, f, tasks, "H"+vh01); got != "15/02/2021" {
		t.Errorf("VH-01 deadline = %q, want 15/02/2021", got)
	}
	layout, _ := f.GetPageLayout(tasks)
	if layout.Orientation == nil || *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 {
		t.Errorf("page layout = %+v", layout)
	}
	hf, _ := f.GetHeaderFooter(tasks)
	if !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("footer %q has no page number", hf.OddFooter)
	}
	if vis, _ := f.GetSheetVisible("tonghop"); vis {
		t.Error("snapshot sheet is visible")
	}
}

// wFindRow returns the row number (as text) of the first cell in column
// col whose value is text.
func wFindRow(tb testing.TB, f *excelize.File, sheet, col, text string) string {
	tb.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		tb.Fatal(err)
	}
	c, _ := excelize.ColumnNameToNumber(col)
	for i, r := range rows {
		if c <= len(r) && r[c-1] == text {
			return strconv.Itoa(i + 1)
		}
	}
	tb.Fatalf("%s: no %q in column %s", sheet, text, col)
	return ""
}

// wFill returns a cell's background colour.
func wFill(tb testing.TB, f *excelize.File, sheet, ref string) string {
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
		return ""
	}
	c := strings.ToUpper(st.Fill.Color[0])
	if len(c) == 8 { // ARGB
		c = c[2:]
	}
	return c
}

// A month with nothing in it still gives a complete, readable workbook.
func TestWriteConsolidatedEmpty(t *testing.T) {
	r := &report.Result{Period: report.Period{Year: 2021, Month: 3}}
	path, data := wSave(t, "empty.xlsx", func(b *bytes.Buffer) error { return WriteConsolidated(b, r, report.VI) })
	f := wOpen(t, path)
	dump := wDump(t, f)
	for _, want := range []string{
		"A2\tKỳ báo cáo: tháng 3/2021\n",
		"Không có nhiệm vụ nào quá hạn.",
		"Tất cả các ngành đã gửi báo cáo.",
		"Không có tệp nào.",
		"Không có lỗi hay cảnh báo nào.",
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("dump lacks %q:\n%s", want, dump)
		}
	}
	snap, err := ReadSnapshot("empty.xlsx", bytes.NewReader(data), int64(len(data)))
	if err != nil || snap.Period != r.Period || snap.Totals != (report.Counts{}) || len(snap.Status) != 0 {
		t.Errorf("snapshot = %+v, %v", snap, err)
	}
	if err := WriteConsolidated(&bytes.Buffer{}, nil, report.VI); err == nil {
		t.Error("nil result: no error")
	}
}

func TestWriteSubmissionWithoutPlan(t *testing.T) {
	path, _ := wSave(t, "no-plan.xlsx", func(b *bytes.Buffer) error {
		return WriteSubmission(b, Submission{Sector: report.Sector{Code: "YT"}})
	})
	f := wOpen(t, path)
	if got := wCell(t, f, "Nhiệm vụ", "A2"); got != "Ngành: YT — Kỳ báo cáo: tháng …/…" {
		t.Errorf("subtitle = %q", got)
	}
	if got := wCell(t, f, "Nhiệm vụ", "C5"); got != "" {
		t.Errorf("C5 = %q, want the spare rows only", got)
	}
}

// A task whose difficulties run to pages still gives a workbook Excel
// opens: its row is as tall as Excel allows (409 points), never taller, in
// the task table and in the list of difficulties.
func TestWriteConsolidatedTallRow(t *testing.T) {
	r := testResult()
	long := strings.Repeat("Các huyện chưa gửi ý kiến góp ý đúng hạn; ", 300)
	for i := range r.Entries {
		if r.Entries[i].ID == "YT-02" {
			row := *r.Entries[i].Row
			row.Difficulties = long
			r.Entries[i].Row = &row
		}
	}
	var buf bytes.Buffer
	if err := WriteConsolidated(&buf, r, report.VI); err != nil {
		t.Fatal(err)
	}
	f := wOpenBytes(t, buf.Bytes())
	for _, sh := range []string{"Nhiệm vụ", "Khó khăn - Đề xuất"} {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for i, cells := range rows {
			if !slices.Contains(cells, long) {
				continue
			}
			found = true
			if h, err := f.GetRowHeight(sh, i+1); err != nil || h != 409 {
				t.Errorf("%s row %d: height %v (%v); want 409, Excel's largest", sh, i+1, h, err)
			}
		}
		if !found {
			t.Errorf("%s: the long difficulties are missing", sh)
		}
	}
}

// A month with more tasks than an Excel sheet has rows gets no workbook
// (Excel could not open it) and an error that says which sheet and how
// many rows; the limit is lowered here instead of building a million tasks.
func TestWriteConsolidatedRowLimit(t *testing.T) {
	defer func(n int) { wMaxRows = n }(wMaxRows)
	r := testResult()
	wMaxRows = len(r.Entries) // the task table needs one more, for its header
	var buf bytes.Buffer
	err := WriteConsolidated(&buf, r, report.VI)
	var rl *RowLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("error %v; want a RowLimitError", err)
	}
	names := consolidatedSheets(report.VI)
	known := []string{names.summary, names.tasks, names.late, names.issues, names.follow, names.proposed, names.sources, names.findings}
	if !slices.Contains(known, rl.Sheet) || rl.Rows <= rl.Limit || rl.Limit != len(r.Entries) {
		t.Errorf("got %+v; want one of the sheets, over the limit of %d rows", rl, len(r.Entries))
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes; want nothing", buf.Len())
	}
}

// A national roll-up has hundreds of sectors: the summary still lists
// every one, but the chart draws the 30 with the most tasks, from a table
// of their own under a heading that says so, so that it stays a chart a
// person can read rather than one thousands of pixels tall.
func TestWriteConsolidatedChartLargestSectors(t *testing.T) {
	r := testResult()
	r.Sectors, r.Previous = nil, nil
	for i := 1; i <= 40; i++ {
		n := i // sector i has i tasks
		r.Sectors = append(r.Sectors, report.SectorSummary{
			Sector: report.Sector{Code: "S" + strconv.Itoa(i), Name: "Ngành " + strconv.Itoa(i), Order: i},
			Counts: report.Counts{Tasks: n, OnTrack: n},
		})
	}
	var buf bytes.Buffer
	if err := WriteConsolidated(&buf, r, report.VI); err != nil {
		t.Fatal(err)
	}
	f := wOpenBytes(t, buf.Bytes())
	const sum = "Tổng hợp"
	rows, err := f.GetRows(sum)
	if err != nil {
		t.Fatal(err)
	}
	listed, heading := 0, -1
	for i, cells := range rows {
		if len(cells) > 1 && strings.HasPrefix(cells[1], "Ngành ") {
			listed++
		}
		if len(cells) > 0 && cells[0] == "Số liệu của biểu đồ: 30 ngành, lĩnh vực có nhiều nhiệm vụ nhất" {
			heading = i
		}
	}
	if listed != 40+30 {
		t.Errorf("summary lists %d sector rows; want 40 in the table and 30 in the chart's", listed)
	}
	if heading < 0 {
		t.Fatal("no heading for the chart's table")
	}

	parts, _ := wZipParts(t, buf.Bytes())
	chart := parts["xl/charts/chart1.xml"]
	if !strings.Contains(chart, "Tình trạng nhiệm vụ của 30 ngành có nhiều nhiệm vụ nhất") {
		t.Error("the chart's title does not say it shows the 30 largest sectors")
	}
	// The categories are the chart table's 30 rows: sectors 11 to 40.
	first, last := heading+3, heading+32 // 1-based: the heading, its header, then the rows
	cats := "&#39;Tổng hợp&#39;!$B$" + strconv.Itoa(first) + ":$B$" + strconv.Itoa(last)
	if !strings.Contains(chart, cats) {
		t.Errorf("chart categories are not %s", cats)
	}
	for i := first; i <= last; i++ {
		want := "Ngành " + strconv.Itoa(i-first+11)
		if got := wCell(t, f, sum, "B"+strconv.Itoa(i)); got != want {
			t.Errorf("B%d = %q, want %q", i, got, want)
		}
	}
}
