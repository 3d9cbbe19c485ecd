package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const sampleMessy = "../../samples/inbox-messy"

// The messy March inbox gives the right totals in either file order, names
// every problem at its cell, and gives every bad file one clear sentence.
func TestMessyInbox(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sampleMessy, "*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("sample inbox missing: %v", err)
	}
	before := hashTree(t, sampleMessy)
	rev := slices.Clone(files)
	slices.Reverse(rev)
	var outs []jsonOut
	for i, order := range [][]string{{sampleMessy}, files, rev} {
		out := filepath.Join(t.TempDir(), fmt.Sprint(i))
		r := runIn(t, append([]string{"consolidate", "--json", "--plan", samplePlan, "-o", out}, order...)...)
		if r.code != 1 {
			t.Errorf("exit %d, want 1 (some input rejected)\n%s", r.code, r.stderr)
		}
		outs = append(outs, decode(t, r.stdout))
	}
	j := outs[0]
	if j.Totals.Tasks != 55 || j.Totals.Done != 11 || j.Totals.NotReported != 2 || j.Totals.InProgressOnTime != 42 || j.Totals.Overdue != 0 {
		t.Errorf("totals %+v; want 55 tasks, 11 done, 2 not reported, 42 in progress", j.Totals)
	}
	for _, o := range outs[1:] {
		if fmt.Sprint(o.Totals, o.Sectors) != fmt.Sprint(j.Totals, j.Sectors) {
			t.Errorf("the result depends on the order of the files")
		}
	}
	type fileWant struct{ status, codes string }
	want := map[string]fileWant{
		"Y te - bao cao thang 3.xlsx":          {"used", ""},
		"SGDDT - BC thang 3 (mau cua So).xlsx": {"used", "G13 date.invalid error|E14 stage.unknown error"},
		"Ban Dan toc - tien do.xlsx":           {"used", "D11 officer.missing warning"},
		"VHTTDL_BC T3.xlsx":                    {"superseded", " file.superseded warning"},
		"VHTTDL_BC T3 - bo sung.xlsx":          {"used", ""},
		"STTTT-BC-NVTT-thang-03-2021.xlsx":     {"used", ""},
		"STTTT-BC-NVTT-thang-02-2021.xlsx":     {"other_period", " period.other warning"},
		"BC So Noi vu.xls":                     {"rejected", " file.xls error"},
		"BC Y te (luu lai).xlsx":               {"rejected", " file.xls error"},
		"BC co mat khau.xlsx":                  {"rejected", " file.encrypted error"},
		"bao cao LibreOffice.ods":              {"rejected", " file.ods error"},
		"BC bi cat ngang.xlsx":                 {"rejected", " file.corrupt error"},
		"BC rong.xlsx":                         {"rejected", " file.empty error"},
		"Cong van kem theo.xlsx":               {"rejected", " file.not_xlsx error"},
		"BC nen qua muc.xlsx":                  {"rejected", " file.too_large error"},
		"BC qua nhieu dong.xlsx":               {"rejected", " sheet.too_many_rows error"},
	}
	seen := map[string]bool{}
	for _, f := range j.Files {
		seen[f.Name] = true
		var codes []string
		legacy := 0
		for _, fd := range f.Findings {
			if fd.Code == "text.legacy_encoding" {
				legacy++
				continue
			}
			codes = append(codes, fd.Cell+" "+fd.Code+" "+fd.Severity)
			if strings.Contains(fd.Message, "\n") || !strings.Contains(fd.Message, f.Name) {
				t.Errorf("%s: a message must be one sentence naming the file: %q", f.Name, fd.Message)
			}
		}
		if f.Name == "LDTBXH T3 - go bang VnTime.xlsx" {
			if f.Status != "used" || legacy < 7 || len(codes) != 0 {
				t.Errorf("the TCVN3 file must be used with a warning per converted cell: %s, %d legacy, %v", f.Status, legacy, codes)
			}
			continue
		}
		w, ok := want[f.Name]
		if !ok {
			t.Errorf("unexpected file %s", f.Name)
			continue
		}
		if f.Status != w.status || strings.Join(codes, "|") != w.codes {
			t.Errorf("%s: %s %q; want %s %q", f.Name, f.Status, strings.Join(codes, "|"), w.status, w.codes)
		}
	}
	if seen["~$VHTTDL_BC T3.xlsx"] {
		t.Errorf("lock files must be skipped")
	}
	after := hashTree(t, sampleMessy)
	for p, h := range before {
		if after[p] != h {
			t.Errorf("input %s was modified", p)
		}
	}
}

// The feedback workbook alone lets a clerk fix the file: the problem cells
// carry comments saying what is wrong and how to fix it.
func TestMessyFeedback(t *testing.T) {
	out := t.TempDir()
	r := runIn(t, "validate", "--plan", samplePlan, "--feedback", out, filepath.Join(sampleMessy, "SGDDT - BC thang 3 (mau cua So).xlsx"))
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stdout)
	}
	if !strings.Contains(r.stdout, "ô G13: cột “Ngày hoàn thành” có giá trị “02/24/2021” không phải ngày hợp lệ") {
		t.Errorf("validate output lacks the date problem:\n%s", r.stdout)
	}
	path := filepath.Join(out, "SGDDT - BC thang 3 (mau cua So) - gop y.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("feedback workbook: %v", err)
	}
	defer f.Close()
	comments, err := f.GetComments("BC thang 3")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range comments {
		var text strings.Builder
		text.WriteString(c.Text)
		for _, p := range c.Paragraph {
			text.WriteString(p.Text)
		}
		got[c.Cell] = text.String()
	}
	if !strings.Contains(got["G13"], "ngày/tháng/năm") || !strings.Contains(got["E14"], "“Đang chờ ý kiến Bộ”") {
		t.Errorf("comments %q", got)
	}
	if _, err := os.Stat(filepath.Join(sampleMessy, "SGDDT - BC thang 3 (mau cua So) - gop y.xlsx")); err == nil {
		t.Errorf("feedback must not be written beside the input")
	}
}

// Two inputs that differ only by their extension each get their own
// feedback workbook: neither overwrites the other.
func TestFeedbackNamesDoNotCollide(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	for dst, src := range map[string]string{
		"BC.xlsx":   "SGDDT - BC thang 3 (mau cua So).xlsx",
		"BC.xls":    "BC So Noi vu.xls",
		"Y te.xlsx": "BC co mat khau.xlsx",
	} {
		data, err := os.ReadFile(filepath.Join(sampleMessy, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runIn(t, "validate", "--plan", samplePlan, "--feedback", out, in)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stdout)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"BC.xls - gop y.xlsx", "BC.xlsx - gop y.xlsx", "Y te - gop y.xlsx"}
	if !slices.Equal(names, want) {
		t.Errorf("feedback files %q; want %q", names, want)
	}
}

// The same report name in two folders (a first inbox and the resent
// files) is two files: each is named with its folder in every message,
// its findings stay its own (no "G13, G13" from the two merged), and each
// gets its own feedback workbook.
func TestSameNameInTwoFolders(t *testing.T) {
	dir := t.TempDir()
	const name = "SGDDT - BC thang 3 (mau cua So).xlsx"
	data, err := os.ReadFile(filepath.Join(sampleMessy, name))
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"hop-thu", "gui-lai"} {
		os.Mkdir(filepath.Join(dir, sub), 0o755)
		if err := os.WriteFile(filepath.Join(dir, sub, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fb := filepath.Join(dir, "gop-y")
	r := runIn(t, "validate", "--plan", samplePlan, "--feedback", fb, filepath.Join(dir, "hop-thu"), filepath.Join(dir, "gui-lai"))
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"Lỗi: hop-thu/" + name + ", trang tính “BC thang 3”, ô G13:",
		"Lỗi: gui-lai/" + name + ", trang tính “BC thang 3”, ô G13:",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no line %q in\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "G13, G13") {
		t.Errorf("the two files' findings were merged:\n%s", r.stdout)
	}
	entries, _ := os.ReadDir(fb)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := "gui-lai - SGDDT - BC thang 3 (mau cua So) - gop y.xlsx,hop-thu - SGDDT - BC thang 3 (mau cua So) - gop y.xlsx"
	if strings.Join(got, ",") != want {
		t.Errorf("feedback workbooks %q, want %q", got, want)
	}
}
