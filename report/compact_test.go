package report

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// TestInterpretKeepsNoneOfTheFilesStrings reads rows whose texts are
// slices of one table, as the reader hands out a shared-string table:
// the submission must keep its texts, unchanged, without the table, and
// each text that repeats down the sheet once.
func TestInterpretKeepsNoneOfTheFilesStrings(t *testing.T) {
	// The reader's table: what the rows use, and much that they do not.
	table := strings.Repeat("hướng dẫn điền biểu mẫu; ", 40) +
		"GD-01|GD-02|GD-03|Nghị quyết học phí|Kế hoạch thi|Đề án trường chuẩn|Phạm Huy|Đang thực hiện|Chưa có kinh phí|Giáo dục|2021-03|02/03/2021|A|gd.xlsx"
	at := func(s string) string {
		i := strings.Index(table, s)
		if i < 0 {
			t.Fatalf("%q not in the table", s)
		}
		return table[i : i+len(s)]
	}
	row := func(n int, id, title string) RawRow {
		return rawRow(n, map[F]any{fID: at(id), fTitle: at(title), fOff: at("Phạm Huy"), fStage: at("Đang thực hiện"),
			fDead: at("02/03/2021"), fDiff: at("Chưa có kinh phí")})
	}
	raw := rawSub("gd.xlsx", at("Giáo dục"), at("2021-03"), at("02/03/2021"),
		row(5, "GD-01", "Nghị quyết học phí"), row(6, "GD-02", "Kế hoạch thi"), row(7, "GD-03", "Đề án trường chuẩn"),
		row(8, "GD-01", "Nghị quyết học phí")) // a duplicate id: two error findings about the table's texts
	raw.Rows[3].Cells[fID].Ref = at("A")

	s := Interpret(raw, nil)

	if len(s.Rows) != 2 || s.Rows[0].ID != "GD-02" || s.Rows[1].Title != "Đề án trường chuẩn" ||
		s.Rows[1].Officer != "Phạm Huy" || s.Rows[0].StageText != "Đang thực hiện" || s.Rows[1].Difficulties != "Chưa có kinh phí" ||
		s.Sector != "Giáo dục" || s.SectorText != "Giáo dục" || s.Rejected != 2 {
		t.Fatalf("rows %+v, sector %q, rejected %d", s.Rows, s.Sector, s.Rejected)
	}
	if got := codesAt(s.Findings); got != "B5 task.duplicate_id error\nA task.duplicate_id error\n" {
		t.Fatalf("findings:\n%s", got)
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(table)))
	hi := lo + uintptr(len(table))
	var kept []*string
	walkTexts(s, func(p *string, _ int) { kept = append(kept, p) })
	if len(kept) < 20 {
		t.Fatalf("walked %d texts", len(kept))
	}
	for _, p := range kept {
		if at := uintptr(unsafe.Pointer(unsafe.StringData(*p))); at >= lo && at < hi {
			t.Errorf("%q is still a slice of the table", *p)
		}
	}
	r0, r1 := &s.Rows[0], &s.Rows[1]
	for _, pair := range [][2]string{{r0.Officer, r1.Officer}, {r0.StageText, r1.StageText}, {r0.Difficulties, r1.Difficulties}, {s.Sector, s.SectorText}} {
		if unsafe.StringData(pair[0]) != unsafe.StringData(pair[1]) {
			t.Errorf("%q is stored twice", pair[0])
		}
	}
}

// TestCompactTextsLaysOutDistinctTextsOnce checks the arena: the texts
// that repeat in a column or elsewhere are laid out once, all in one
// string. (The cache of recent texts could lay out a repeat twice where
// two texts share a hash; these do not, and the hash is the same on every
// run.)
func TestCompactTextsLaysOutDistinctTextsOnce(t *testing.T) {
	s := &Submission{Sheet: "Nhiệm vụ", Sector: "YT", SectorText: "YT",
		Rows: []Row{
			{ID: "YT-1", Title: "Một", Lead: "Sở Y tế", Officer: "An", StageText: "Đang làm"},
			{ID: "YT-2", Title: "Hai", Lead: "Sở Y tế", Officer: "Bình", StageText: "Đang làm"},
			{ID: "YT-3", Title: "Ba", Lead: "Sở Y tế", Officer: "An", StageText: "Xong"},
		},
		Findings: []Finding{{Sheet: "Nhiệm vụ", Cell: "B7", Value: "YT-3", Want: "Sở Y tế"}},
	}
	want := []string{"Nhiệm vụ", "YT", // the sector text is the code
		"YT-1", "Một", "Sở Y tế", "An", "Đang làm", "YT-2", "Hai", "Bình", "YT-3", "Ba", "Xong",
		"B7", "YT-3"} // ids are not looked up: the finding's copy is laid out again
	size := len(strings.Join(want, ""))
	before := *s
	before.Rows = append([]Row(nil), s.Rows...)
	before.Findings = append([]Finding(nil), s.Findings...)

	compactTexts(s)

	if !reflect.DeepEqual(*s, before) {
		t.Errorf("texts changed:\n got %+v\nwant %+v", *s, before)
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(s.Sheet)))
	walkTexts(s, func(p *string, _ int) {
		if at := uintptr(unsafe.Pointer(unsafe.StringData(*p))); at < base || at+uintptr(len(*p)) > base+uintptr(size) {
			t.Errorf("%q lies outside the %d bytes of the arena", *p, size)
		}
	})
	if got := unsafe.String(unsafe.StringData(s.Sheet), size); got != strings.Join(want, "") {
		t.Errorf("arena %q, want %q", got, strings.Join(want, ""))
	}
}

// TestCompactTextsBoundsRepeats lays out a file whose rows alternate two
// long titles that share a place in the cache of recent texts (same
// length, same ends): past exactAfter bytes, repeats are found exactly,
// and the arena stays near the texts' own size instead of growing with
// the number of rows.
func TestCompactTextsBoundsRepeats(t *testing.T) {
	defer func(n int) { exactAfter = n }(exactAfter)
	exactAfter = 4 << 10
	end := strings.Repeat("x", 100)
	titles := [2]string{end + "A" + end, end + "B" + end}
	if textHash(titles[0]) != textHash(titles[1]) {
		t.Fatal("the titles do not share a hash: the test needs texts that do")
	}
	s := &Submission{}
	for i := range 1000 {
		s.Rows = append(s.Rows, Row{Title: titles[i%2], Lead: titles[(i+1)%2]})
	}
	n := 5 + len(rowTexts{})*len(s.Rows)
	a := textArena{offs: make([]int32, 0, n), recent: make([]recentText, recentSize(n))}
	walkTexts(s, a.place)
	if limit := exactAfter + 3*len(titles[0]); a.size > limit {
		t.Errorf("laid out %d bytes, want at most %d", a.size, limit)
	}
	compactTexts(s)
	for i, r := range s.Rows {
		if r.Title != titles[i%2] || r.Lead != titles[(i+1)%2] {
			t.Fatalf("row %d changed", i)
		}
	}
}

// FuzzCompactTexts fills rows and findings with texts drawn from a few
// fuzzed ones, so that they repeat in and across columns, and checks that
// compacting changes no text and lays out no more than the texts' own
// bytes.
func FuzzCompactTexts(f *testing.F) {
	f.Add("Sở Y tế", "An", "Đang làm", uint64(0x0123456789abcdef), uint16(40), uint16(0))
	f.Add("", "x", strings.Repeat("dài ", 20), uint64(42), uint16(300), uint16(64))
	f.Fuzz(func(t *testing.T, a, b, c string, pick uint64, rows, exact uint16) {
		defer func(n int) { exactAfter = n }(exactAfter)
		if exact > 0 {
			exactAfter = int(exact)
		}
		texts := []string{a, b, c, a + b, "", c + a}
		next := func() string {
			pick = pick*6364136223846793005 + 1442695040888963407
			return texts[pick>>61%uint64(len(texts))]
		}
		s := &Submission{Sheet: next(), Sector: next(), SectorText: next(), Preparer: next(), Contact: next()}
		for range rows % 500 {
			var r Row
			for _, p := range rowTextsOf(&r) {
				*p = next()
			}
			s.Rows = append(s.Rows, r)
		}
		for range rows % 7 {
			s.Findings = append(s.Findings, Finding{Sheet: next(), Cell: next(), Value: next(), Want: next(), Other: next()})
		}
		want := *s
		want.Rows = append([]Row(nil), s.Rows...)
		want.Findings = append([]Finding(nil), s.Findings...)
		total := 0
		walkTexts(s, func(p *string, _ int) { total += len(*p) })

		compactTexts(s)

		if !reflect.DeepEqual(*s, want) {
			t.Fatal("compacting changed a text")
		}
		lo, hi := uintptr(0), uintptr(0)
		walkTexts(s, func(p *string, _ int) {
			at := uintptr(unsafe.Pointer(unsafe.StringData(*p)))
			if lo == 0 || at < lo {
				lo = at
			}
			hi = max(hi, at+uintptr(len(*p)))
		})
		if hi-lo > uintptr(total) {
			t.Errorf("texts spread over %d bytes, more than their %d", hi-lo, total)
		}
	})
}
