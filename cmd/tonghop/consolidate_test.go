package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// The README's first command, on the reference month.
func TestReferenceMonth(t *testing.T) {
	out := t.TempDir()
	before := hashTree(t, "../../samples")
	r := runBin(t, "consolidate", "--plan", samplePlan, "-o", out, sampleMarch)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"55 nhiệm vụ; 12 hoàn thành", "12/55 (21,82%)", "43 đang thực hiện trong hạn", "Văn hoá, Thể thao và Du lịch: 20 nhiệm vụ, 3 hoàn thành"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stdout)
		}
	}
	golden(t, "summary-2021-03.txt", strings.ReplaceAll(r.stdout, out, "OUT"))
	wb := filepath.Join(out, "tong-hop-2021-03.xlsx")
	pdf := filepath.Join(out, "bao-cao-2021-03.pdf")
	golden(t, "tong-hop-2021-03.txt", dumpWorkbook(t, wb))
	text := pdfText(t, pdf)
	for _, want := range []string{"12/55", "Y tế", "Giáo dục", "Lao động - Thương binh và Xã hội", "Văn hoá, Thể thao và Du lịch", "Dân tộc", "Thông tin và Truyền thông", "BÁO CÁO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	golden(t, "bao-cao-2021-03.txt", text)
	if _, err := os.Stat(filepath.Join(out, "gop-y")); err == nil {
		t.Errorf("clean inputs must give no feedback workbooks")
	}
	if after := hashTree(t, "../../samples"); len(after) != len(before) {
		t.Errorf("the sample folder changed")
	} else {
		for p, h := range before {
			if after[p] != h {
				t.Errorf("input %s was modified", p)
			}
		}
	}
}

func TestReferenceMonthJSON(t *testing.T) {
	out := t.TempDir()
	r := runIn(t, "consolidate", "--json", "--plan", samplePlan, "-o", out, sampleMarch)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	j := decode(t, r.stdout)
	if j.Totals.Tasks != 55 || j.Totals.Done != 12 || j.Totals.DoneOnTime != 12 || j.Totals.InProgressOnTime != 43 || j.Totals.Overdue != 0 || j.Totals.NotReported != 0 {
		t.Errorf("totals %+v", j.Totals)
	}
	var got []string
	for _, s := range j.Sectors {
		got = append(got, s.Code+":"+strconv.Itoa(s.Tasks))
	}
	if s := strings.Join(got, " "); s != "YT:2 GD:7 LDTBXH:7 VHTTDL:20 DT:9 TTTT:10" {
		t.Errorf("sectors %s", s)
	}
	if j.Period != "2021-03" || j.AsOf != "2021-03-03" || len(j.Files) != 6 {
		t.Errorf("period %s as of %s files %d", j.Period, j.AsOf, len(j.Files))
	}
	for _, f := range j.Files {
		if f.Status != "used" || len(f.Findings) != 0 {
			t.Errorf("file %s: %s, %d findings", f.Name, f.Status, len(f.Findings))
		}
	}
	if filepath.Base(j.Outputs.Workbook) != "tong-hop-2021-03.xlsx" || filepath.Base(j.Outputs.PDF) != "bao-cao-2021-03.pdf" {
		t.Errorf("outputs %+v", j.Outputs)
	}
	golden(t, "consolidate-2021-03.json", strings.ReplaceAll(r.stdout, out, "OUT"))
}

// April: a resubmission, overdue tasks, a proposed task, and --previous.
func TestAprilWithPrevious(t *testing.T) {
	out := t.TempDir()
	if r := runIn(t, "consolidate", "-q", "--plan", samplePlan, "-o", out, sampleMarch); r.code != 0 {
		t.Fatalf("march: exit %d %s", r.code, r.stderr)
	}
	r := runIn(t, "consolidate", "--json", "--plan", samplePlan, "--previous", filepath.Join(out, "tong-hop-2021-03.xlsx"), "-o", out, sampleApril)
	if r.code != 0 {
		t.Fatalf("april: exit %d %s", r.code, r.stderr)
	}
	j := decode(t, r.stdout)
	if j.Totals.Tasks != 55 || j.Totals.Done != 18 || j.Totals.DoneLate != 1 || j.Totals.Overdue != 3 || j.AsOf != "2021-04-15" {
		t.Errorf("totals %+v as of %s", j.Totals, j.AsOf)
	}
	if j.Previous == nil || j.Previous.Period != "2021-03" || j.Previous.Totals.Done != 12 || j.Previous.Totals.Tasks != 55 {
		t.Errorf("previous %+v", j.Previous)
	}
	states := map[string]string{}
	for _, f := range j.Files {
		states[f.Name] = f.Status
	}
	if states["VHTTDL_BC tien do T4.2021.xlsx"] != "superseded" || states["VHTTDL_BC tien do T4.2021 (ban sua lai).xlsx"] != "used" {
		t.Errorf("states %v", states)
	}
	golden(t, "consolidate-2021-04.json", strings.ReplaceAll(r.stdout, out, "OUT"))
	text := pdfText(t, filepath.Join(out, "bao-cao-2021-04.pdf"))
	golden(t, "bao-cao-2021-04.txt", text)
	golden(t, "tong-hop-2021-04.txt", dumpWorkbook(t, filepath.Join(out, "tong-hop-2021-04.xlsx")))
}

// Same inputs, same bytes; and the order of arguments does not matter.
func TestOutputsAreDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	files, _ := filepath.Glob(filepath.Join(sampleApril, "*.xlsx"))
	rev := make([]string, len(files))
	for i, f := range files {
		rev[len(files)-1-i] = f
	}
	runIn(t, append([]string{"consolidate", "-q", "--plan", samplePlan, "-o", a}, files...)...)
	runIn(t, append([]string{"consolidate", "-q", "--plan", samplePlan, "-o", b}, rev...)...)
	for _, name := range []string{"tong-hop-2021-04.xlsx", "bao-cao-2021-04.pdf"} {
		x, err1 := os.ReadFile(filepath.Join(a, name))
		y, err2 := os.ReadFile(filepath.Join(b, name))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s not written: %v %v", name, err1, err2)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestEnglish(t *testing.T) {
	out := t.TempDir()
	r := runIn(t, "consolidate", "--lang", "en", "--plan", samplePlan, "-o", out, sampleMarch)
	if r.code != 0 || !strings.Contains(r.stdout, "55 tasks; 12 completed") {
		t.Errorf("exit %d:\n%s", r.code, r.stdout)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	blocked := filepath.Join(dir, "file")
	os.WriteFile(blocked, []byte("x"), 0o644)
	bad := filepath.Join(dir, "bad")
	os.Mkdir(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "old.xls"), []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 600)), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stream string // "out" or "err"
		want   string // a regexp the stream must match
	}{
		{"no command", nil, 2, "err", "Thiếu lệnh"},
		{"unknown command", []string{"merge"}, 2, "err", `Lệnh không có: "merge"`},
		{"unknown option", []string{"consolidate", "--bogus", sampleMarch}, 2, "err", "Không có tùy chọn --bogus"},
		{"option without value", []string{"consolidate", sampleMarch, "--plan"}, 2, "err", "Tùy chọn --plan cần một giá trị"},
		{"bad period", []string{"consolidate", "--period", "03/2021x", sampleMarch}, 2, "err", "Kỳ báo cáo .* không hợp lệ"},
		{"bad as-of", []string{"consolidate", "--as-of", "04/03/2021", sampleMarch}, 2, "err", "YYYY-MM-DD"},
		{"missing input", []string{"consolidate", filepath.Join(dir, "nowhere")}, 2, "err", "Không tìm thấy .*nowhere: không có tệp hoặc thư mục này"},
		{"no inputs", []string{"consolidate"}, 2, "err", "Hãy chỉ ra các tệp"},
		{"help", []string{"consolidate", "-h"}, 0, "out", `Ví dụ:\n  tonghop consolidate --plan samples/plan.xlsx`},
		{"help once", []string{"consolidate", "--help"}, 0, "out", `\A(?:[^C]|C[^á])*Cách dùng:(?:[^C]|C[^á])*\z`},
		{"help in Vietnamese", []string{"consolidate", "-h"}, 0, "out", `\n  -o, --out THƯ_MỤC +thư mục ghi kết quả \(mặc định: out\)\n      --strict +không ghi`},
		{"english help", []string{"validate", "-h", "--lang", "en"}, 0, "out", `Example:\n  tonghop validate`},
		{"english help, --lang first", []string{"--lang", "en", "consolidate", "-h"}, 0, "out", `\n      --lang vi\|en +language: vi or en \(default: vi\)\n`},
		{"--lang and no command", []string{"--lang=en"}, 2, "err", `No command given\.`},
		{"cannot write", []string{"consolidate", "-q", "--plan", samplePlan, "-o", filepath.Join(blocked, "out"), sampleMarch}, 3, "err", "Không ghi được .*một phần của đường dẫn không phải thư mục"},
		{"plan missing", []string{"consolidate", "--plan", filepath.Join(dir, "plan.xlsx"), sampleMarch}, 3, "err", "Không đọc được danh mục nhiệm vụ"},
		{"rejected file", []string{"consolidate", "-q", "--plan", samplePlan, "-o", filepath.Join(dir, "o"), sampleMarch, bad}, 1, "out", `old.xls: tệp là định dạng Excel cũ \(\.xls\)`},
		{"version", []string{"version"}, 0, "out", `^tonghop \S+\n$`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runBin(t, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			s := r.stdout
			if tc.stream == "err" {
				s = r.stderr
			}
			if !regexp.MustCompile(tc.want).MatchString(s) {
				t.Errorf("%s does not match %q:\n%s", tc.stream, tc.want, s)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
				t.Errorf("panic:\n%s", r.stderr)
			}
		})
	}
}

func TestStrictWritesNothing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.xlsx"), nil, 0o644)
	out := filepath.Join(dir, "out")
	r := runIn(t, "consolidate", "--strict", "-q", "--plan", samplePlan, "-o", out, sampleMarch, filepath.Join(dir, "empty.xlsx"))
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if _, err := os.Stat(filepath.Join(out, "tong-hop-2021-03.xlsx")); err == nil {
		t.Errorf("--strict must not write the report when a file is rejected")
	}
	if !strings.Contains(r.stdout, "empty.xlsx: tệp rỗng") {
		t.Errorf("the rejected file must be named:\n%s", r.stdout)
	}
}

// A workbook Excel could not hold is explained in one sentence, with the
// sheet, the rows and what to do.
func TestRowLimitMessage(t *testing.T) {
	err := writeFailed("out/tong-hop-2021-03.xlsx", fmt.Errorf("write workbook: %w", &xlsx.RowLimitError{Sheet: "Nhiệm vụ", Rows: 1250000, Limit: 1048576}), report.VI)
	want := "Không ghi được out/tong-hop-2021-03.xlsx: trang tính “Nhiệm vụ” cần 1.250.000 dòng, nhiều hơn 1.048.576 dòng mà một trang tính Excel chứa được; hãy tổng hợp riêng từng nhóm ngành hoặc địa phương."
	if err.Error() != want {
		t.Errorf("message\n%s\nwant\n%s", err, want)
	}
	if code := report1(err, io.Discard); code != 3 {
		t.Errorf("exit %d; want 3", code)
	}
}
