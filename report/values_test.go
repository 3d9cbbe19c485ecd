package report

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func textCell(s string) Cell       { return Cell{Text: s} }
func numberCell(n float64) Cell    { return Cell{Number: n, IsNumber: true} }
func dateCell(serial float64) Cell { return Cell{Number: serial, IsNumber: true, IsDate: true} }
func percentCell(n float64) Cell   { return Cell{Number: n, IsNumber: true, Percent: true} }
func ymd(y, m, d int) time.Time    { return Date(y, time.Month(m), d) }
func showDate(t time.Time) string  { return t.Format("2006-01-02") }
func mkPeriod(y, m int) Period     { return Period{y, time.Month(m)} }

func TestParseDate(t *testing.T) {
	tests := []struct {
		name     string
		cell     Cell
		date1904 bool
		want     time.Time // zero: not a date
	}{
		{"date cell", dateCell(44201), false, ymd(2021, 1, 5)},
		{"date cell with a time of day", dateCell(44201.75), false, ymd(2021, 1, 5)},
		{"date cell, 1904 system", dateCell(42739), true, ymd(2021, 1, 5)},
		{"serial in a General cell", numberCell(44201), false, ymd(2021, 1, 5)},
		{"serial as text", textCell("44201"), false, ymd(2021, 1, 5)},
		{"small number is not a date", numberCell(45), false, time.Time{}},
		{"year number is not a date", numberCell(2021), false, time.Time{}},
		{"serial before 1990", numberCell(20000), false, time.Time{}},
		{"date cell in 1905", dateCell(2021), false, time.Time{}},
		{"percent cell", Cell{Number: 44201, IsNumber: true, Percent: true}, false, time.Time{}},
		{"dd/mm/yyyy", textCell("05/01/2021"), false, ymd(2021, 1, 5)},
		{"d/m/yyyy", textCell("5/1/2021"), false, ymd(2021, 1, 5)},
		{"dashes", textCell("05-01-2021"), false, ymd(2021, 1, 5)},
		{"dots", textCell("05.01.2021"), false, ymd(2021, 1, 5)},
		{"spaces around slashes", textCell("05 / 01 / 2021"), false, ymd(2021, 1, 5)},
		{"ISO", textCell("2021-01-05"), false, ymd(2021, 1, 5)},
		{"ISO with time", textCell("2021-01-05 00:00:00"), false, ymd(2021, 1, 5)},
		{"ISO with T", textCell("2021-01-05T08:30:00Z"), false, ymd(2021, 1, 5)},
		{"with a time", textCell("05/01/2021 08:30"), false, ymd(2021, 1, 5)},
		{"trailing space", textCell("15/3/2021 "), false, ymd(2021, 3, 15)},
		{"no-break spaces", textCell("\u00a015/3/2021\u00a0"), false, ymd(2021, 3, 15)},
		{"in words", textCell("ngày 05 tháng 01 năm 2021"), false, ymd(2021, 1, 5)},
		{"in words, capital, short numbers", textCell("Ngày 5 tháng 1 năm 2021"), false, ymd(2021, 1, 5)},
		{"in words, decomposed", textCell(norm.NFD.String("ngày 05 tháng 01 năm 2021")), false, ymd(2021, 1, 5)},
		{"in words, no diacritics", textCell("ngay 5 thang 1 nam 2021"), false, ymd(2021, 1, 5)},
		{"ngày before digits", textCell("ngày 15/02/2021"), false, ymd(2021, 2, 15)},
		{"two-digit year", textCell("05/01/21"), false, ymd(2021, 1, 5)},
		{"two-digit year of the 1990s", textCell("05/01/95"), false, ymd(1995, 1, 5)},
		{"29 February of a leap year", textCell("29/02/2024"), false, ymd(2024, 2, 29)},
		{"31 February", textCell("31/02/2021"), false, time.Time{}},
		{"29 February of a common year", textCell("29/02/2021"), false, time.Time{}},
		{"month first", textCell("03/15/2021"), false, time.Time{}},
		{"month 13", textCell("01/13/2021"), false, time.Time{}},
		{"day zero", textCell("00/01/2021"), false, time.Time{}},
		{"year 1989", textCell("05/01/1989"), false, time.Time{}},
		{"year 2101", textCell("05/01/2101"), false, time.Time{}},
		{"three-digit year", textCell("05/01/221"), false, time.Time{}},
		{"month only", textCell("01/2021"), false, time.Time{}},
		{"words", textCell("Đang thực hiện"), false, time.Time{}},
		{"empty", textCell(""), false, time.Time{}},
		{"deadline words are not a done date", textCell("trước 30/6/2021"), false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDate(tt.cell, tt.date1904)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("ParseDate(%+v) = %s, %v; want %s", tt.cell, showDate(got), ok, showDate(tt.want))
			}
			if ok && (got.Location() != time.UTC || got.Hour() != 0) {
				t.Errorf("ParseDate(%+v) = %v; want midnight UTC", tt.cell, got)
			}
		})
	}
}

func TestSerialDate(t *testing.T) {
	tests := []struct {
		name     string
		serial   float64
		date1904 bool
		want     time.Time
	}{
		{"1900 system", 44201, false, ymd(2021, 1, 5)},
		{"1 March 1900, after the phantom 29 February", 61, false, ymd(1900, 3, 1)},
		{"1904 system", 42739, true, ymd(2021, 1, 5)},
		{"zero", 0, false, time.Time{}},
		{"negative", -5, false, time.Time{}},
		{"beyond 9999", 3e6, false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SerialDate(tt.serial, tt.date1904)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("SerialDate(%v, %v) = %s, %v; want %s", tt.serial, tt.date1904, showDate(got), ok, showDate(tt.want))
			}
		})
	}
}

func TestParseDeadline(t *testing.T) {
	tests := []struct {
		name string
		cell Cell
		want time.Time // zero: not a deadline
	}{
		{"date", textCell("30/06/2021"), ymd(2021, 6, 30)},
		{"date cell", dateCell(44377), ymd(2021, 6, 30)},
		{"month", textCell("Tháng 6/2021"), ymd(2021, 6, 30)},
		{"month, lower case", textCell("tháng 6/2021"), ymd(2021, 6, 30)},
		{"month, two digits", textCell("06/2021"), ymd(2021, 6, 30)},
		{"month, February", textCell("Tháng 2/2024"), ymd(2024, 2, 29)},
		{"month in words", textCell("Tháng 06 năm 2021"), ymd(2021, 6, 30)},
		{"month, short", textCell("T6/2021"), ymd(2021, 6, 30)},
		{"month, ISO", textCell("2021-06"), ymd(2021, 6, 30)},
		{"month, no diacritics", textCell("thang 6/2021"), ymd(2021, 6, 30)},
		{"quarter, Roman", textCell("Quý II/2021"), ymd(2021, 6, 30)},
		{"quarter, Arabic", textCell("Quý 2/2021"), ymd(2021, 6, 30)},
		{"quarter IV in words", textCell("quý IV năm 2021"), ymd(2021, 12, 31)},
		{"quarter I", textCell("Quý I/2021"), ymd(2021, 3, 31)},
		{"quarter III with dash", textCell("Quý III - 2021"), ymd(2021, 9, 30)},
		{"quarter, upper case", textCell("QUÝ II/2021"), ymd(2021, 6, 30)},
		{"quarter, short", textCell("Q3/2021"), ymd(2021, 9, 30)},
		{"quarter 5", textCell("Quý 5/2021"), time.Time{}},
		{"first half", textCell("6 tháng đầu năm 2021"), ymd(2021, 6, 30)},
		{"second half", textCell("6 tháng cuối năm 2021"), ymd(2021, 12, 31)},
		{"nine months", textCell("9 tháng đầu năm 2021"), ymd(2021, 9, 30)},
		{"year in words", textCell("Năm 2021"), ymd(2021, 12, 31)},
		{"year as text", textCell("2021"), ymd(2021, 12, 31)},
		{"year number cell", numberCell(2021), ymd(2021, 12, 31)},
		{"year out of range", numberCell(1800), time.Time{}},
		{"fractional number", numberCell(2021.5), time.Time{}},
		{"date cell of 1905 is not a year", dateCell(2021), time.Time{}},
		{"end of year", textCell("Cuối năm 2021"), ymd(2021, 12, 31)},
		{"before a date", textCell("trước 30/6/2021"), ymd(2021, 6, 30)},
		{"before the day", textCell("Trước ngày 15/3/2021"), ymd(2021, 3, 15)},
		{"at the latest", textCell("Chậm nhất ngày 15/3/2021"), ymd(2021, 3, 15)},
		{"within the month", textCell("Trong tháng 6/2021"), ymd(2021, 6, 30)},
		{"within the quarter", textCell("trong Quý II/2021"), ymd(2021, 6, 30)},
		{"label and colon", textCell("Hạn: 30/6/2021"), ymd(2021, 6, 30)},
		{"note in brackets", textCell("30/6/2021 (đã gia hạn)"), ymd(2021, 6, 30)},
		{"all in brackets", textCell("(Quý II/2021)"), ymd(2021, 6, 30)},
		{"month first", textCell("06/30/2021"), time.Time{}},
		{"words only", textCell("Thường xuyên"), time.Time{}},
		{"hàng năm is not a deadline", textCell("Hàng năm"), time.Time{}},
		{"empty", textCell(""), time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDeadline(tt.cell, false)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("ParseDeadline(%+v) = %s, %v; want %s", tt.cell, showDate(got), ok, showDate(tt.want))
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		name string
		cell Cell
		want Period // zero: not a period
	}{
		{"ISO", textCell("2021-03"), mkPeriod(2021, 3)},
		{"mm/yyyy", textCell("03/2021"), mkPeriod(2021, 3)},
		{"m/yyyy", textCell("3/2021"), mkPeriod(2021, 3)},
		{"month", textCell("Tháng 3/2021"), mkPeriod(2021, 3)},
		{"short", textCell("T3/2021"), mkPeriod(2021, 3)},
		{"in words", textCell("tháng 3 năm 2021"), mkPeriod(2021, 3)},
		{"a date", textCell("04/3/2021"), mkPeriod(2021, 3)},
		{"a date cell", dateCell(44259), mkPeriod(2021, 3)},
		{"month 13", textCell("13/2021"), Period{}},
		{"year only", textCell("2021"), Period{}},
		{"plain number", numberCell(3), Period{}},
		{"words", textCell("Quý I"), Period{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParsePeriod(tt.cell, false)
			if ok != !tt.want.IsZero() || got != tt.want {
				t.Errorf("ParsePeriod(%+v) = %v, %v; want %v", tt.cell, got, ok, tt.want)
			}
		})
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		name string
		cell Cell
		want float64
		ok   bool
	}{
		{"text number", textCell("45"), 45, true},
		{"with percent sign", textCell("45%"), 45, true},
		{"decimal comma and space", textCell("45,5 %"), 45.5, true},
		{"decimal point", textCell("45.5%"), 45.5, true},
		{"no-break space", textCell("45\u00a0%"), 45, true},
		{"hundred", textCell("100%"), 100, true},
		{"zero", textCell("0"), 0, true},
		{"fraction typed as text", textCell("0,45"), 45, true},
		{"percent-formatted cell", percentCell(0.45), 45, true},
		{"percent-formatted one", percentCell(1), 100, true},
		{"percent-formatted half percent", percentCell(0.005), 0.5, true},
		{"plain number", numberCell(45), 45, true},
		{"plain one is one percent", numberCell(1), 1, true},
		{"plain fraction", numberCell(0.45), 45, true},
		{"rounded to two decimals", numberCell(33.3333), 33.33, true},
		{"over 100", textCell("101"), 0, false},
		{"over 100 in a percent cell", percentCell(1.5), 0, false},
		{"negative", numberCell(-5), 0, false},
		{"negative text", textCell("-5%"), 0, false},
		{"words", textCell("Hoàn thành"), 0, false},
		{"NaN", textCell("NaN"), 0, false},
		{"Inf", textCell("Inf"), 0, false},
		{"exponent", textCell("1e2"), 0, false},
		{"empty", textCell(""), 0, false},
		{"only a sign", textCell("%"), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParsePercent(tt.cell)
			if ok != tt.ok || got != tt.want {
				t.Errorf("ParsePercent(%+v) = %v, %v; want %v, %v", tt.cell, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Hoàn thành", "Hoàn thành"},
		{"decomposed to NFC", norm.NFD.String("Đang lấy ý kiến"), "Đang lấy ý kiến"},
		{"trimmed", "  Sở Y tế \t", "Sở Y tế"},
		{"no-break spaces", "\u00a0Sở\u00a0Y tế\u00a0", "Sở Y tế"},
		{"doubled spaces", "Sở  Văn hóa,   Thể thao", "Sở Văn hóa, Thể thao"},
		{"Alt+Enter kept", "- Sở Y tế;\n- Sở Giáo dục và Đào tạo;", "- Sở Y tế;\n- Sở Giáo dục và Đào tạo;"},
		{"Windows line ends", "dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"},
		{"blank lines dropped", "dòng 1\n\n  \ndòng 2\n", "dòng 1\ndòng 2"},
		{"spaces around line breaks", "dòng 1  \n  dòng 2", "dòng 1\ndòng 2"},
		{"control characters", "Hoàn\x00 thành\x07", "Hoàn thành"},
		{"byte-order mark", "\ufeffHoàn thành", "Hoàn thành"},
		{"zero-width space", "Hoàn\u200b thành", "Hoàn thành"},
		{"tab inside", "Hoàn\tthành", "Hoàn thành"},
		{"invalid UTF-8", "Ho\xffàn", "Ho\ufffdàn"},
		{"only spaces", " \u00a0 ", ""},
		{"empty", "", ""},
		{"legacy soft hyphen kept", "Ch\u00ada", "Ch\u00ada"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSettled checks the fast path of interp.text: settled passes the plain
// NFC texts that reports are made of, and everything it passes, CleanText
// and DecodeLegacy leave alone (checked on 200.000 random strings of
// Vietnamese, Latin-1 and legacy-looking letters, marks, spaces, controls,
// symbols and invalid bytes, in every kind of font).
func TestSettled(t *testing.T) {
	for _, s := range []string{"", "YT-0001", "Xây dựng Đề án nâng cao năng lực hệ thống y tế cơ sở giai đoạn 2021 - 2025",
		"Sở Tài chính, Sở Nội vụ", "Nguyễn Văn An", "Đang lấy ý kiến", "Quyết định số 123/QĐ-UBND ngày 15/02/2021",
		"Dòng một\nDòng hai", "“Ngoặc kép” – gạch", "Ủy ban nhân dân"} {
		if !settled(s, false) {
			t.Errorf("settled(%q) = false; want true", s)
		}
	}
	for _, s := range []string{" a", "a ", "a  b", "a\tb", "a\r\nb", "Ho\u00b5n th\u00b5nh", "Tài chính", "Cafe\u0301",
		"a\u00a0b", "a\u200bb", "\xff", norm.NFD.String("Thời hạn"), "\u2028"} {
		if settled(s, false) {
			t.Errorf("settled(%q) = true; want false", s)
		}
	}
	if settled("HOAN THANH", true) {
		t.Error("ASCII in a TCVN3 capitals font is settled")
	}
	pieces := []string{"a", "Ă", "â", "đ", "Đ", "ơ", "ư", "ạ", "ế", "ỹ", "à", "Á", "í", "µ", "¸", "¬", "®", "×", "ñ", "ø",
		"\u0300", "\u0301", "\u0323", "\u0302", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u200b", "\ufeff", "\u2028",
		"\x00", "\x7f", "\u0085", "%", ",", "“", "–", "…", "\xff", "\xc3", "가", "\u1100", "\u1161", "\u0958",
		"\u2000", "\u212b", "\u0344", "\u0f73", "Ω", "y", "Q", "1"}
	fonts := []string{"", "Times New Roman", ".VnTime", ".VnTimeH", "VNI-Times"}
	rng := rand.New(rand.NewPCG(3, 2021))
	hits := 0
	for range 200000 {
		var b strings.Builder
		for n := rng.IntN(10); n >= 0; n-- {
			if rng.IntN(6) == 0 {
				if r := rune(rng.IntN(0x3100)); utf8.ValidRune(r) {
					b.WriteRune(r)
				}
				continue
			}
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s, font := b.String(), fonts[rng.IntN(len(fonts))]
		if !settled(s, fontHint(font) == EncTCVN3) {
			continue
		}
		hits++
		if out := CleanText(s); out != s {
			t.Fatalf("settled(%+q), but CleanText gives %+q", s, out)
		}
		if out, enc := DecodeLegacy(s, font); out != s || enc != "" {
			t.Fatalf("settled(%+q, %q), but DecodeLegacy gives %+q (%s)", s, font, out, enc)
		}
	}
	if hits < 10000 {
		t.Errorf("only %d random strings settled: the check checks little", hits)
	}
}

// The table made at start-up marks as plain NFC exactly the runes that
// are NFC, start a boundary and leave a text plain on their own.
func TestSettledTable(t *testing.T) {
	for r := rune(utf8.RuneSelf); r < settledLimit; r++ {
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		want := p.BoundaryBefore() && p.CCC() == 0 && norm.NFC.IsNormalString(s) && isPlain(s)
		if got := settledTable[r]&runePlainNFC != 0; got != want {
			t.Errorf("U+%04X: plain NFC %v, want %v", r, got, want)
		}
	}
}
