package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The monthly cycle as an office runs it, through the binary: templates
// out for every sector, one department fills its template in (in another
// program: excelize saves it again) and sends it back, the office checks
// it (no finding at all) and consolidates the month.
func TestTemplateCycle(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, "template", "--plan", samplePlan, "--all", "--period", "2021-05", "-o", dir)
	if r.code != 0 {
		t.Fatalf("template: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"bieu-mau-DT-2021-05.xlsx", "bieu-mau-GD-2021-05.xlsx", "bieu-mau-LDTBXH-2021-05.xlsx",
		"bieu-mau-TTTT-2021-05.xlsx", "bieu-mau-VHTTDL-2021-05.xlsx", "bieu-mau-YT-2021-05.xlsx"}
	if !slices.Equal(names, want) {
		t.Fatalf("templates %q; want %q", names, want)
	}

	inbox := t.TempDir()
	sent := filepath.Join(inbox, "GD - bao cao thang 5.xlsx")
	fillTemplate(t, filepath.Join(dir, "bieu-mau-GD-2021-05.xlsx"), sent)

	r = runBin(t, "validate", "--plan", samplePlan, inbox)
	if r.code != 0 || !strings.Contains(r.stdout, "GD - bao cao thang 5.xlsx: hợp lệ, 7 nhiệm vụ.") {
		t.Fatalf("validate: exit %d, want 0 and the file valid\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = runBin(t, "consolidate", "--plan", samplePlan, "--json", "-o", t.TempDir(), inbox)
	if r.code != 0 {
		t.Fatalf("consolidate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var j struct {
		Totals struct {
			Tasks       int `json:"tasks"`
			Done        int `json:"done"`
			NotReported int `json:"not_reported"`
		} `json:"totals"`
		Sectors []struct {
			Code      string
			Done      int
			Submitted bool
		}
		Files []struct{ Findings []any }
	}
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil {
		t.Fatal(err)
	}
	if j.Totals.Tasks != 55 || j.Totals.Done != 1 || j.Totals.NotReported != 48 {
		t.Errorf("totals %+v; want 55 tasks, 1 done, 48 not reported", j.Totals)
	}
	if len(j.Files) != 1 || len(j.Files[0].Findings) != 0 {
		t.Errorf("files %+v; want one file without findings", j.Files)
	}
	for _, s := range j.Sectors {
		if s.Submitted != (s.Code == "GD") {
			t.Errorf("sector %s submitted = %v", s.Code, s.Submitted)
		}
	}
}

// fillTemplate fills a template in as a department does: report date and
// preparer on the info sheet; for every task an officer and a stage, the
// first one done with its date and document; then saves it under another
// name.
func fillTemplate(t *testing.T, src, dst string) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set := func(sheet, ref string, v any) {
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	set("Thông tin", "B3", "12/05/2021")
	set("Thông tin", "B4", "Trần Thị Mai")
	set("Thông tin", "B5", "mai.tt@sgddt.gov.vn")
	rows, err := f.GetRows("Nhiệm vụ")
	if err != nil {
		t.Fatal(err)
	}
	filled := 0
	for i, row := range rows {
		if i < 4 || len(row) < 2 || !strings.HasPrefix(row[1], "GD-") {
			continue
		}
		n := i + 1
		set("Nhiệm vụ", "I"+strconv.Itoa(n), "Trần Thị Mai")
		if filled == 0 {
			set("Nhiệm vụ", "J"+strconv.Itoa(n), "Hoàn thành")
			set("Nhiệm vụ", "K"+strconv.Itoa(n), 100)
			set("Nhiệm vụ", "L"+strconv.Itoa(n), 44327) // 10/05/2021, typed into the date cell
			set("Nhiệm vụ", "M"+strconv.Itoa(n), "Quyết định số 12/QĐ-UBND ngày 10/5/2021")
		} else {
			set("Nhiệm vụ", "J"+strconv.Itoa(n), "Đang lấy ý kiến")
			set("Nhiệm vụ", "K"+strconv.Itoa(n), 50)
		}
		filled++
	}
	if filled != 7 {
		t.Fatalf("filled %d task rows; the Giáo dục template should list 7", filled)
	}
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
}

// init writes a blank plan with its instructions, and never overwrites one.
func TestInit(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, "init", dir)
	path := filepath.Join(dir, "danh-muc-nhiem-vu.xlsx")
	if r.code != 0 || !strings.Contains(r.stdout, path) {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	f.Close()
	for _, want := range []string{"Thông tin", "Ngành", "Nhiệm vụ"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("sheets %q lack %q", sheets, want)
		}
	}
	before, _ := os.ReadFile(path)
	r = runBin(t, "init", dir)
	after, _ := os.ReadFile(path)
	if r.code != 3 || !strings.Contains(r.stdout+r.stderr, "không ghi đè") || string(before) != string(after) {
		t.Errorf("second init: exit %d, want 3 and the plan untouched\n%s%s", r.code, r.stdout, r.stderr)
	}
}
