package report

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Cells of every kind come from untrusted files: the parsers must never
// panic and must only ever return values in range. The seeds below run in
// every `go test`; the corpus of inputs found interesting lives in
// testdata/fuzz/<FuzzName>/.

// fuzzCell builds a cell from fuzzer input: kind's bits say number (1),
// date format (2), percent format (4).
func fuzzCell(text string, n float64, kind uint8) Cell {
	return Cell{Text: text, Number: n, IsNumber: kind&1 != 0, IsDate: kind&2 != 0, Percent: kind&4 != 0}
}

func checkDate(t *testing.T, what string, c Cell, d time.Time) {
	t.Helper()
	if d.Year() < minYear || d.Year() > maxYear {
		t.Errorf("%s(%+v) = %v: outside %d–%d", what, c, d, minYear, maxYear)
	}
	if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
		t.Errorf("%s(%+v) = %v: not midnight UTC", what, c, d)
	}
}

func addCellSeeds(f *testing.F, texts ...string) {
	for _, s := range texts {
		f.Add(s, 0.0, uint8(0))
	}
	for _, n := range []float64{44201, 44201.5, 2021, 45, 0.45, 1, 0, -1, 1e308, math.Inf(1), math.NaN(), 32873, 73416} {
		for _, kind := range []uint8{1, 3, 5} {
			f.Add("", n, kind)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	addCellSeeds(f, "05/01/2021", "5/1/2021", "05-01-2021", "05.01.2021", "2021-01-05", "ngày 05 tháng 01 năm 2021",
		"31/02/2021", "03/15/2021", "05/01/21", "44201", "2021-01-05T08:30:00Z", "99/99/9999", "0/0/0")
	f.Fuzz(func(t *testing.T, text string, n float64, kind uint8) {
		c := fuzzCell(text, n, kind)
		for _, date1904 := range []bool{false, true} {
			d, ok := ParseDate(c, date1904)
			if !ok {
				if !d.IsZero() {
					t.Errorf("ParseDate(%+v) = %v, false; want the zero time", c, d)
				}
				continue
			}
			checkDate(t, "ParseDate", c, d)
			// A date is also a deadline, and a period (its month).
			if dl, ok := ParseDeadline(c, date1904); !ok || !dl.Equal(d) {
				t.Errorf("ParseDeadline(%+v) = %v, %v; ParseDate gave %v", c, dl, ok, d)
			}
			if p, ok := ParsePeriod(c, date1904); !ok || p != PeriodOf(d) {
				t.Errorf("ParsePeriod(%+v) = %v, %v; want %v", c, p, ok, PeriodOf(d))
			}
		}
	})
}

func FuzzParseDeadline(f *testing.F) {
	addCellSeeds(f, "Tháng 6/2021", "06/2021", "Quý II/2021", "Quý 2/2021", "quý IV năm 2021", "6 tháng đầu năm 2021",
		"6 tháng cuối năm 2021", "Năm 2021", "trước 30/6/2021", "Chậm nhất ngày 15/3/2021", "30/6/2021 (đã gia hạn)",
		"Quý 5/2021", "tháng 13/2021", "quy iiii/2021", "truoc truoc truoc", "((()))")
	f.Fuzz(func(t *testing.T, text string, n float64, kind uint8) {
		c := fuzzCell(text, n, kind)
		d, ok := ParseDeadline(c, false)
		if ok {
			checkDate(t, "ParseDeadline", c, d)
		} else if !d.IsZero() {
			t.Errorf("ParseDeadline(%+v) = %v, false; want the zero time", c, d)
		}
		if p, ok := ParsePeriod(c, false); ok && (p.Year < minYear || p.Year > maxYear || p.Month < 1 || p.Month > 12) {
			t.Errorf("ParsePeriod(%+v) = %v: out of range", c, p)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	addCellSeeds(f, "45", "45%", "45,5 %", "0,45", "100", "101", "-5", "NaN", "Inf", "1e2", "0x1p-2", "99,999", "%", "")
	f.Fuzz(func(t *testing.T, text string, n float64, kind uint8) {
		c := fuzzCell(text, n, kind)
		v, ok := ParsePercent(c)
		if !ok {
			if v != 0 {
				t.Errorf("ParsePercent(%+v) = %v, false; want 0", c, v)
			}
			return
		}
		if math.IsNaN(v) || v < 0 || v > 100 {
			t.Errorf("ParsePercent(%+v) = %v: outside 0–100", c, v)
		}
		if r := v * 100; math.Abs(r-math.Round(r)) > 1e-6 {
			t.Errorf("ParsePercent(%+v) = %v: more than two decimals", c, v)
		}
	})
}

func FuzzParseStage(f *testing.F) {
	for _, st := range Stages {
		f.Add(st.Label(VI))
		f.Add(st.Label(EN))
	}
	for _, s := range []string{"hoan thanh", "HOÀN THÀNH", "Đã hoàn thành", "Hoàn thành 80%", "Đúng tiến độ",
		"Đã xây dựng dự thảo, đang lấy ý kiến", ",,,", "(", "Hoàn thành 99999999999999999999 %", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		st, ok := ParseStage(text)
		if ok != (st != StageUnknown) {
			t.Errorf("ParseStage(%q) = %v, %v", text, st, ok)
		}
		if ok && st.Label(VI) == "" {
			t.Errorf("ParseStage(%q) = %v, a stage without a label", text, st)
		}
		if st2, ok2 := ParseStage("  " + text + " \n"); st2 != st || ok2 != ok {
			t.Errorf("ParseStage(%q) = %v but with spaces around %v", text, st, st2)
		}
		if ok {
			if back, _ := ParseStage(st.Label(VI)); back != st {
				t.Errorf("label %q of %v reads back as %v", st.Label(VI), st, back)
			}
		}
	})
}

func FuzzDecodeLegacy(f *testing.F) {
	for _, s := range legacySentences[:8] {
		if tc, ok := encodeTCVN3(f, s, false); ok {
			f.Add(tc, "")
		}
		f.Add(encodeVNI(s), "")
		f.Add(s, ".VnTime")
	}
	for _, s := range []string{"Hoµn thµnh", "ñy ban", "Café crème", "× µ ¸ ¬ ® \u00ad ¶ ¹", "aùùù", "Ñ", "ÿþý", "\xff\xfe"} {
		f.Add(s, "")
		f.Add(s, ".VnTimeH")
		f.Add(s, "VNI-Times")
	}
	f.Fuzz(func(t *testing.T, text, font string) {
		out, enc := DecodeLegacy(text, font)
		checkSettled(t, text, font)
		switch enc {
		case "":
			if out != text {
				t.Errorf("DecodeLegacy(%q, %q) = %q with no encoding; want the text unchanged", text, font, out)
			}
			return
		case EncTCVN3, EncVNI:
		default:
			t.Fatalf("DecodeLegacy(%q, %q): encoding %q", text, font, enc)
		}
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Errorf("DecodeLegacy(%q, %q) = %q: not valid NFC", text, font, out)
		}
		if out == text {
			t.Errorf("DecodeLegacy(%q, %q) says %s but changed nothing", text, font, enc)
		}
		// Decoded text has nothing left to convert the same way.
		if again, enc2 := DecodeLegacy(out, ""); enc2 == enc {
			t.Errorf("DecodeLegacy(%q) = %q (%s), and again %q (%s)", text, out, enc, again, enc2)
		}
	})
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"Hoàn thành", norm.NFD.String("Đang lấy ý kiến"), "  a  b  ", "a\r\nb\rc", "\ufeffx",
		"x\u200by", "a\x00b", "\xff", "\u00a0", "a\n\n\nb", "a\u0301", " \u0301", "\t\v\f", "\u2028", "Ch\u00ada"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := CleanText(s)
		checkSettled(t, s, "")
		checkSettled(t, s, ".VnTime")
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Errorf("CleanText(%q) = %q: not valid NFC", s, out)
		}
		if strings.TrimFunc(out, isSpace) != out || strings.Contains(out, "  ") || strings.Contains(out, "\n\n") {
			t.Errorf("CleanText(%q) = %q: untrimmed or doubled spaces", s, out)
		}
		if strings.IndexFunc(out, func(r rune) bool { return r != '\n' && (unicode.IsControl(r) || isSpace(r) && r != ' ') }) >= 0 {
			t.Errorf("CleanText(%q) = %q: control or odd space left", s, out)
		}
		if again := CleanText(out); again != out {
			t.Errorf("CleanText not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

// checkSettled checks settled's promise: a text it passes is left alone by
// CleanText and DecodeLegacy.
func checkSettled(t *testing.T, text, font string) {
	t.Helper()
	if !settled(text, fontHint(font) == EncTCVN3) {
		return
	}
	if out := CleanText(text); out != text {
		t.Errorf("settled(%q), but CleanText gives %q", text, out)
	}
	if out, enc := DecodeLegacy(text, font); out != text || enc != "" {
		t.Errorf("settled(%q, %q), but DecodeLegacy gives %q (%s)", text, font, out, enc)
	}
}
