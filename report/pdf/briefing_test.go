package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/report"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite golden files")

// keep also writes the rendered PDFs to a directory, to look at them.
var keep = flag.String("keep", "", "also write the rendered PDFs to this directory")

// render writes the briefing of r to a file in a temporary directory and
// returns its path and bytes.
func render(tb testing.TB, name string, r *report.Result, opt Options) (string, []byte) {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteWith(&buf, r, opt); err != nil {
		tb.Fatalf("WriteWith: %v", err)
	}
	path := filepath.Join(tb.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	if *keep != "" {
		if err := os.WriteFile(filepath.Join(*keep, name+".pdf"), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return path, buf.Bytes()
}

// needTool skips the test when a poppler tool is missing.
func needTool(tb testing.TB, name string) {
	tb.Helper()
	if _, err := exec.LookPath(name); err != nil {
		tb.Skipf("%s not found (install poppler-utils): skipping the checks of the rendered PDF", name)
	}
}

// golden compares got with testdata/name.golden, rewriting it with -update;
// on a difference it leaves the actual text beside it as name.actual.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		actual := filepath.Join("testdata", name+".actual")
		_ = os.WriteFile(actual, []byte(got), 0o644)
		t.Errorf("extracted text differs from %s; see %s (diff them; go test -update accepts it)", path, actual)
	}
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		r    *report.Result
		lang report.Lang
		want []string // phrases the reader must find (white space collapsed)
	}{
		{"reference-vi", referenceResult(), report.VI, []string{
			"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "VĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
			"Lâm Đồng, ngày 04 tháng 3 năm 2021", "BÁO CÁO",
			"Tình hình thực hiện các nhiệm vụ trọng tâm năm 2021 khối văn hóa - xã hội tháng 3/2021",
			"Thực hiện Quyết định số 02/QĐ-UBND ngày 05/01/2021 của UBND tỉnh",
			"Theo đề xuất của các ngành, lĩnh vực Y tế có 2 nhiệm vụ; Giáo dục 7 nhiệm vụ; Lao động - Thương binh và Xã hội 7 nhiệm vụ; Văn hoá, Thể thao và Du lịch 20 nhiệm vụ; Dân tộc 9 nhiệm vụ; Thông tin và Truyền thông 10 nhiệm vụ, tổng cộng 55 nhiệm vụ.",
			"Đến thời điểm hiện tại, đã có 12/55 nhiệm vụ hoàn thành, 43 nhiệm vụ đang triển khai thực hiện bảo đảm tiến độ.",
			"Tổng cộng 55 12 12 0 43 0 0 21,82%", "Biểu đồ 1.", "không có nhiệm vụ nào chậm",
			"Nơi nhận:", "- Ban Chỉ đạo (b/c);", "- Lưu: VT, KGVX.", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn An",
			"Phụ lục", "DANH MỤC NHIỆM VỤ TRỌNG TÂM VÀ TÌNH HÌNH THỰC HIỆN THÁNG 3/2021",
			"(Kèm theo Báo cáo số /BC-VP ngày 04/3/2021)", "I Y TẾ", "VI THÔNG TIN VÀ TRUYỀN THÔNG",
		}},
		{"inbox-vi", inboxResult(), report.VI, []string{
			"đã có 16/54 nhiệm vụ hoàn thành (trong đó 3 nhiệm vụ hoàn thành quá hạn), 29 nhiệm vụ đang triển khai thực hiện, trong đó 10 nhiệm vụ đã quá thời hạn; 9 nhiệm vụ chưa được báo cáo.",
			"Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn đạt 52% (13/25 nhiệm vụ).",
			"Còn 1 ngành, lĩnh vực chưa gửi báo cáo: Dân tộc.", "III. CÁC NHIỆM VỤ CHẬM TIẾN ĐỘ",
			"Bảng 2. Các nhiệm vụ chậm tiến độ", "28/04/2021 43", "Đề nghị UBND tỉnh gia hạn",
			"Đề nghị điều chỉnh nhiệm vụ.", "Xây dựng Trung tâm điều hành thông minh (IOC) tỉnh (Thông tin và Truyền thông);",
			"V. BIẾN ĐỘNG SO VỚI KỲ TRƯỚC", "So với tháng 5/2021:", "số nhiệm vụ hoàn thành tăng từ 10 lên 16",
			"Có 1 nhiệm vụ sắp đến hạn trong 15 ngày tới",
		}},
		{"inbox-en", inboxResult(), report.EN, []string{
			"SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "Lâm Đồng, 10 June 2021", "REPORT",
			"Implementation of the key tasks, June 2021", "To date, 16/54 tasks have been completed (3 of them late)",
			"The completion rate of the tasks already due is 52% (13/25 tasks).", "I. OVERVIEW", "II. RESULTS BY SECTOR",
			"III. TASKS BEHIND SCHEDULE", "IV. DIFFICULTIES AND PROPOSALS", "V. CHANGES SINCE THE LAST PERIOD",
			"Recipients:", "Appendix", "Attached to Report No.",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, _ := render(t, c.name, c.r, Options{Lang: c.lang})
			golden(t, c.name, pdfText(t, path, true))
			text := searchable(t, path)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			if !norm.NFC.IsNormalString(text) {
				t.Errorf("extracted text is not NFC")
			}
		})
	}
}

func TestReferenceNamesSectors(t *testing.T) {
	path, _ := render(t, "reference", referenceResult(), Options{})
	text := flat(pdfText(t, path, false))
	if !strings.Contains(text, "12/55") {
		t.Errorf("text lacks 12/55")
	}
	for _, s := range referenceSectors {
		if n := strings.Count(text, s.Name); n < 3 { // overview, table, chart
			t.Errorf("sector %q appears %d times, want at least 3 (overview, table, chart)", s.Name, n)
		}
	}
}

func TestPageGeometry(t *testing.T) {
	path, _ := render(t, "inbox", inboxResult(), Options{})
	ps := pages(t, path)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1 }
	if p := ps[0]; !near(p.w, 595.28) || !near(p.h, 841.89) {
		t.Errorf("page 1 is %.1f x %.1f pt, want A4 portrait 595 x 842", p.w, p.h)
	}
	if p := ps[len(ps)-1]; !near(p.w, 841.89) || !near(p.h, 595.28) {
		t.Errorf("last page (appendix) is %.1f x %.1f pt, want A4 landscape 842 x 595", p.w, p.h)
	}
	checkMargins(t, ps)
	// The header's two columns: the national name on the right, the
	// governing body on the left, their first lines on one baseline.
	var gov, nat word
	for _, w := range ps[0].words {
		switch w.text {
		case "ỦY":
			gov = w
		case "CỘNG":
			nat = w
		}
	}
	if gov.text == "" || nat.text == "" || !near(gov.yMax, nat.yMax) || gov.xMax > nat.xMin {
		t.Errorf("header columns misplaced: governing body %+v, national name %+v", gov, nat)
	}
}

// checkMargins asserts that every word lies inside the page margins,
// except the page number, alone in the top margin of every page but the
// first and centred over the text area (as a word processor's header is).
func checkMargins(t *testing.T, ps []page) {
	t.Helper()
	top, left, right, bottom := marginTop*mm, marginLeft*mm, marginRight*mm, marginBottom*mm
	for i, p := range ps {
		n := i + 1
		var inTop []word
		for _, w := range p.words {
			if w.yMax < top {
				inTop = append(inTop, w)
				continue
			}
			if w.xMin < left-0.5 || w.xMax > p.w-right+0.5 || w.yMax > p.h-bottom+1 {
				t.Errorf("page %d: %q at x %.1f-%.1f, y %.1f-%.1f pt lies outside the margins", n, w.text, w.xMin, w.xMax, w.yMin, w.yMax)
			}
		}
		switch {
		case n == 1 && len(inTop) > 0:
			t.Errorf("page 1 has %q in the top margin; the first page carries no number", inTop[0].text)
		case n > 1 && (len(inTop) != 1 || inTop[0].text != report.Number(n, report.VI)):
			t.Errorf("page %d: top margin holds %v, want the page number only", n, inTop)
		case n > 1:
			// Centred over the text area, as a word processor's header is.
			centre := (inTop[0].xMin + inTop[0].xMax) / 2
			want := left + (p.w-left-right)/2
			if math.Abs(centre-want) > 1 {
				t.Errorf("page %d: number centred at x %.1f pt, want %.1f", n, centre, want)
			}
		}
	}
}

func TestUnicodeSafety(t *testing.T) {
	long := strings.Repeat("Nghịđịnh", 60) // 480 letters, no space
	cases := []struct {
		name   string
		edit   func(r *report.Result)
		want   []string // in the extracted text
		reject []string
	}{
		{"long unbroken words", func(r *report.Result) {
			r.Entries[0].Title = long
			r.Entries[1].Row.Difficulties = long
			r.Entries[1].Row.Proposals = "https://example.gov.vn/" + strings.Repeat("a", 300)
			r.Info.Basis = "Quyết định " + long
			r.Info.GoverningBody = long
			r.Sectors[0].Name = "Y tế" + strings.Repeat("x", 200)
		}, []string{"Nghịđịnh"}, nil},
		{"decomposed input", func(r *report.Result) {
			for i := range r.Sectors {
				r.Sectors[i].Name = norm.NFD.String(r.Sectors[i].Name)
			}
			for i := range r.Entries {
				r.Entries[i].Title = norm.NFD.String(r.Entries[i].Title)
			}
			r.Info.Place = norm.NFD.String("Lâm Đồng")
		}, []string{"Lao động - Thương binh và Xã hội 7 nhiệm vụ", "Văn hoá, Thể thao và Du lịch 20 nhiệm vụ", "Lâm Đồng, ngày 04"}, nil},
		{"emoji and astral characters", func(r *report.Result) {
			r.Entries[0].Title = "Kế hoạch 🚀 chuyển đổi số 𝔘 \u0007\u200b xong ✅"
			r.Sectors[1].Name = "Giáo dục 👩‍🏫"
			r.Info.Signer = "Nguyễn 😀 An"
		}, []string{"Kế hoạch ? chuyển đổi số ? xong ?", "Nguyễn ? An"}, []string{"🚀", "𝔘", "😀"}},
		{"a cell taller than a page", func(r *report.Result) {
			r.Entries[1].Row.Difficulties = strings.Repeat("Chưa thống nhất ý kiến giữa các sở, ngành. ", 400)
		}, []string{"Chưa thống nhất ý kiến", " …"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := referenceResult()
			r.Entries[1].Row.Stage = report.StageAdjust // puts it in the issues table
			c.edit(r)
			path, _ := render(t, "unicode", r, Options{})
			checkMargins(t, pages(t, path))
			text := flat(pdfText(t, path, false))
			if !norm.NFC.IsNormalString(text) {
				t.Errorf("extracted text is not NFC")
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, w := range c.reject {
				if strings.Contains(text, w) {
					t.Errorf("text still has %q", w)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	_, a := render(t, "a", inboxResult(), Options{})
	_, b := render(t, "b", inboxResult(), Options{})
	if !bytes.Equal(a, b) {
		t.Fatalf("two renders of the same result differ (%d and %d bytes)", len(a), len(b))
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20210610")) {
		t.Errorf("creation date is not the as-of date 2021-06-10")
	}
}

func TestAppendixCap(t *testing.T) {
	r := bigResult(2000)
	path, _ := render(t, "big", r, Options{})
	text := flat(pdfText(t, path, false))
	for _, w := range []string{
		"Phụ lục liệt kê 300/2.000 nhiệm vụ; 1.700 nhiệm vụ còn lại xem tại bảng đầy đủ trong tệp tong-hop-2021-03.xlsx.",
		"Tổng cộng 2.000",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	// Every landscape page repeats the table header.
	ps := pages(t, path)
	landscape := 0
	for i, p := range ps {
		if p.w < p.h {
			continue
		}
		landscape++
		var words []string
		for _, w := range p.words {
			words = append(words, w.text)
		}
		if !strings.Contains(strings.Join(words, " "), "Tên nhiệm vụ") {
			t.Errorf("appendix page %d lacks the table header", i+1)
		}
	}
	if landscape < 10 {
		t.Errorf("appendix has %d pages, want the 300 rows on at least 10", landscape)
	}

	_, all := render(t, "uncapped", bigResult(400), Options{AppendixRows: -1, ListRows: -1})
	if len(all) == 0 {
		t.Fatal("empty output")
	}
}

func TestEmptyAndDefaults(t *testing.T) {
	r := &report.Result{Period: report.Period{Year: 2021, Month: 3}}
	path, a := render(t, "empty", r, Options{})
	text := searchable(t, path)
	for _, w := range []string{"ỦY BAN NHÂN DÂN TỈNH", "VĂN PHÒNG", "Số: /BC-VP", "Trong kỳ chưa có nhiệm vụ nào được tổng hợp.",
		"CHÁNH VĂN PHÒNG", "- Ban Chỉ đạo;", "- Lưu: VT.", "Không có nhiệm vụ nào."} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	_, b := render(t, "empty", r, Options{})
	if !bytes.Equal(a, b) {
		t.Errorf("a result without an as-of date does not render reproducibly")
	}
	if err := Write(&bytes.Buffer{}, nil, report.VI); err == nil {
		t.Errorf("Write(nil) gave no error")
	}
}

func TestRecipients(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"none", nil, []string{"- Ban Chỉ đạo;", "- Lưu: VT."}},
		{"bare names get dashes and semicolons", []string{"Ban Chỉ đạo", "Các sở"}, []string{"- Ban Chỉ đạo;", "- Các sở;", "- Lưu: VT."}},
		{"written punctuation is normalised", []string{"- Như trên;", "– UBND tỉnh (b/c).", "- Lưu: VT, KGVX."},
			[]string{"- Như trên;", "- UBND tỉnh (b/c);", "- Lưu: VT, KGVX."}},
		{"the archive line goes last", []string{"Lưu: VT", "Ban Chỉ đạo"}, []string{"- Ban Chỉ đạo;", "- Lưu: VT."}},
		{"one cell with several lines", []string{"Ban Chỉ đạo;\nCác sở;\n"}, []string{"- Ban Chỉ đạo;", "- Các sở;", "- Lưu: VT."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc{r: &report.Result{Info: report.Info{Recipients: c.in}}, lang: report.VI}
			if got := d.recipients(); strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("recipients(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func BenchmarkWrite2000(b *testing.B) {
	r := bigResult(2000)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, r, report.VI); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// A national roll-up of 200 sectors still reads as a briefing: the running
// text counts the sectors instead of naming each, names only the 15 with
// the most overdue tasks, sends the missing ones to the workbook, and the
// chart shows the 30 sectors with the most tasks. The summary table keeps
// every sector.
func TestManySectors(t *testing.T) {
	asOf := report.Date(2021, 3, 4)
	var sectors []report.Sector
	var specs []taskSpec
	submitted := map[string]bool{}
	for i := range 200 {
		code := fmt.Sprintf("T%03d", i+1)
		sectors = append(sectors, report.Sector{Code: code, Name: "Sở số " + fmt.Sprint(i+1), Lead: "Sở số " + fmt.Sprint(i+1), Order: i + 1})
		submitted[code] = i%10 != 0
		for k := range 1 + i%7 {
			specs = append(specs, taskSpec{sector: code, title: "Kế hoạch " + fmt.Sprint(k+1), output: "Kế hoạch", submitTo: "UBND tỉnh",
				deadline: report.Date(2021, 2, 1+k), reported: submitted[code], stage: report.StageDrafting})
		}
	}
	r := buildResult(referenceInfo, report.Period{Year: 2021, Month: 3}, asOf, sectors, specs, submitted)
	path, _ := render(t, "many", r, Options{})
	text := flat(pdfText(t, path, false))
	for _, w := range []string{
		"Theo đề xuất của 200 ngành, lĩnh vực, tổng cộng có 794 nhiệm vụ (số nhiệm vụ của từng ngành, lĩnh vực nêu tại mục II).",
		"Còn 20 ngành, lĩnh vực chưa gửi báo cáo (danh sách tại trang Đôn đốc của tệp tong-hop-2021-03.xlsx).",
		"Có 180 ngành, lĩnh vực có nhiệm vụ quá hạn; nhiều nhất là: Sở số 7 (7);",
		"Biểu đồ 1. Tình trạng nhiệm vụ của 30 ngành, lĩnh vực có nhiều nhiệm vụ nhất",
		"200 Sở số 200",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	if strings.Contains(text, "Sở số 1 có") || strings.Contains(text, "chưa gửi báo cáo: Sở") {
		t.Error("the running text still names every sector")
	}
	// The chart's labels: 30 sectors, the 28 with 7 tasks and the first
	// two with 6, in report order.
	chart := text[strings.Index(text, "Biểu đồ 1. Tình trạng"):strings.Index(text, "III. CÁC NHIỆM VỤ")]
	if n := strings.Count(chart, "Sở số"); n != 30 || !strings.Contains(chart, "Sở số 6 ") || !strings.Contains(chart, "Sở số 196 ") ||
		strings.Contains(chart, "Sở số 8 ") || strings.Contains(chart, "Sở số 20 ") {
		t.Errorf("the chart names %d sectors; want the 30 with most tasks:\n%s", n, chart)
	}
}
