package xlsx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// The -update flag may be declared by another test file of this package;
// register it only when nobody did (package variables initialise before
// init functions run).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
	flag.String("look", "", "also write the workbooks under test to this directory")
}

func wFlag(name string) string {
	if f := flag.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// wSave writes the workbook produced by write to dir/name and returns its
// path; with -look DIR it also keeps a copy in DIR.
func wSave(tb testing.TB, name string, write func(*bytes.Buffer) error) (string, []byte) {
	tb.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		tb.Fatalf("write %s: %v", name, err)
	}
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	if dir := wFlag("look"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return path, buf.Bytes()
}

// wOpen opens a written workbook for assertions.
func wOpen(tb testing.TB, path string) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// wDump lists every sheet of a workbook (visibility, merged ranges) and
// every non-empty cell as text, as a user would read it.
func wDump(tb testing.TB, f *excelize.File) string {
	tb.Helper()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		vis, _ := f.GetSheetVisible(sh)
		fmt.Fprintf(&b, "=== %s", sh)
		if !vis {
			b.WriteString(" (hidden)")
		}
		b.WriteString("\n")
		merged, err := f.GetMergeCells(sh)
		if err != nil {
			tb.Fatal(err)
		}
		for _, m := range merged {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			tb.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				if v == "" {
					continue
				}
				fmt.Fprintf(&b, "%s\t%s\n", wRef(j+1, i+1), strings.ReplaceAll(v, "\n", `\n`))
			}
		}
	}
	return b.String()
}

// wGolden compares got with testdata/write/name.golden (see goldenFile).
func wGolden(tb testing.TB, name, got string) {
	tb.Helper()
	goldenFile(tb, filepath.Join("testdata", "write", name+".golden"), got)
}

// goldenFile compares got with the golden file at path (rewritten with
// -update); on a mismatch the actual text is left beside it as .actual.
func goldenFile(tb testing.TB, path, got string) {
	tb.Helper()
	if rUpdate() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		_ = os.WriteFile(path+".actual", []byte(got), 0o644)
		tb.Errorf("output differs from %s; actual output written to %s.actual\n%s", path, path, firstDiff(string(want), got))
		return
	}
	_ = os.Remove(path + ".actual")
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			return fmt.Sprintf("line %d:\n want %q\n  got %q", i+1, a, c)
		}
	}
	return ""
}

// wZipParts returns the content of each part of a zip by name; a name that
// occurs more than once keeps its last content and is listed in twice.
func wZipParts(tb testing.TB, data []byte) (parts map[string]string, twice []string) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	parts = map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatalf("%s: %v", zf.Name, err)
		}
		if _, dup := parts[zf.Name]; dup {
			twice = append(twice, zf.Name)
		}
		parts[zf.Name] = string(b)
	}
	return parts, twice
}

// wCell returns a cell's displayed value or fails.
func wCell(tb testing.TB, f *excelize.File, sheet, ref string) string {
	tb.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		tb.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// testPlan is a small plan of three sectors in the reference's style.
func testPlan() *report.Plan {
	return &report.Plan{
		File: "ke-hoach-2021.xlsx",
		Info: report.Info{
			GoverningBody: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
			IssuingBody:   "VĂN PHÒNG",
			Symbol:        "BC-VP",
			Place:         "Lâm Đồng",
			PlanTitle:     "Tình hình thực hiện nhiệm vụ trọng tâm năm 2021 khối văn hóa - xã hội",
			Basis:         "Quyết định số 02/QĐ-UBND ngày 05/01/2021 của UBND tỉnh",
			SignerTitle:   "CHÁNH VĂN PHÒNG",
			Signer:        "Trần Văn Bình",
			Recipients:    []string{"Chủ tịch, các PCT UBND tỉnh", "Các sở: Y tế, Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch", "Lưu: VT, VX"},
		},
		Sectors: []report.Sector{
			{Code: "YT", Name: "Y tế", Lead: "Sở Y tế", Order: 1},
			{Code: "GD", Name: "Giáo dục", Lead: "Sở Giáo dục và Đào tạo", Order: 2},
			{Code: "VH", Name: "Văn hóa, Thể thao và Du lịch", Lead: "Sở Văn hóa, Thể thao và Du lịch", Order: 3},
		},
		Tasks: []report.Task{
			{ID: "YT-01", Sector: "YT", Title: "Xây dựng Đề án nâng cao năng lực hệ thống y tế cơ sở giai đoạn 2021 - 2025, tầm nhìn đến năm 2030", Output: "Đề án", SubmitTo: "UBND tỉnh", Lead: "Sở Y tế", Coordinating: "Sở Tài chính, Sở Nội vụ, UBND các huyện, thành phố", Deadline: report.Date(2021, 2, 28)},
			{ID: "YT-02", Sector: "YT", Title: "Kế hoạch tiêm chủng vắc xin phòng COVID-19 trên địa bàn tỉnh", Output: "Kế hoạch", SubmitTo: "Chủ tịch UBND tỉnh", Lead: "Sở Y tế", Coordinating: "Các sở, ngành liên quan", Deadline: report.Date(2021, 6, 30), DeadlineText: "Quý II/2021"},
			{ID: "GD-01", Sector: "GD", Title: "Nghị quyết quy định mức học phí năm học 2021 - 2022", Output: "Nghị quyết", SubmitTo: "HĐND tỉnh", Lead: "Sở Giáo dục và Đào tạo", Coordinating: "Sở Tài chính", Deadline: report.Date(2021, 3, 15)},
			{ID: "GD-02", Sector: "GD", Title: "Báo cáo sơ kết 5 năm thực hiện Nghị quyết của Tỉnh ủy về đổi mới căn bản, toàn diện giáo dục và đào tạo", Output: "Báo cáo", SubmitTo: "Thường trực Tỉnh ủy", Lead: "Sở Giáo dục và Đào tạo", Deadline: report.Date(2021, 1, 31)},
			{ID: "GD-03", Sector: "GD", Title: "Kế hoạch phát triển giáo dục mầm non giai đoạn 2021 - 2025", Output: "Kế hoạch", SubmitTo: "UBND tỉnh", Lead: "Sở Giáo dục và Đào tạo", Deadline: report.Date(2021, 4, 10)},
			{ID: "VH-01", Sector: "VH", Title: "Đề án phát triển du lịch tỉnh giai đoạn 2021 - 2025", Output: "Đề án", SubmitTo: "Ban Thường vụ Tỉnh ủy", Lead: "Sở Văn hóa, Thể thao và Du lịch", Coordinating: "UBND các huyện, thành phố", Deadline: report.Date(2021, 2, 15)},
			{ID: "VH-02", Sector: "VH", Title: "Quyết định ban hành Quy chế quản lý di tích", Output: "Quyết định", SubmitTo: "UBND tỉnh", Lead: "Sở Văn hóa, Thể thao và Du lịch", Deadline: report.Date(2021, 12, 31), DeadlineText: "Năm 2021"},
			{ID: "VH-03", Sector: "VH", Title: "Kế hoạch tổ chức Đại hội Thể dục thể thao tỉnh lần thứ IX", Output: "Kế hoạch", SubmitTo: "UBND tỉnh", Lead: "Sở Văn hóa, Thể thao và Du lịch", Deadline: report.Date(2021, 3, 18)},
		},
	}
}

var wRawOpt = excelize.Options{RawCellValue: true}

// wHasName reports whether the workbook defines name as refersTo.
func wHasName(f *excelize.File, name, refersTo string) bool {
	for _, d := range f.GetDefinedName() {
		if d.Name == name && d.RefersTo == refersTo {
			return true
		}
	}
	return false
}
