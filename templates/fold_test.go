package templates

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"canonical header", "Tên nhiệm vụ", "ten nhiem vu"},
		{"đ", "Đang lấy ý kiến", "dang lay y kien"},
		{"upper case", "CƠ QUAN CHỦ TRÌ", "co quan chu tri"},
		{"decomposed", norm.NFD.String("Thời hạn"), "thoi han"},
		{"punctuation to spaces", "Khó khăn, vướng mắc", "kho khan vuong mac"},
		{"repeated spaces and line breaks", "  Tỷ lệ\nhoàn   thành ", "ty le hoan thanh"},
		{"percent kept as a word", "Tỷ lệ hoàn thành (%)", "ty le hoan thanh %"},
		{"percent first", "% hoàn thành", "% hoan thanh"},
		{"percent stuck to a word", "hoàn thành%", "hoan thanh %"},
		{"digits kept", "(9) Giai đoạn", "9 giai doan"},
		{"slash", "Điện thoại/Email", "dien thoai email"},
		{"no-break space", "Mã\u00a0nhiệm vụ", "ma nhiem vu"},
		{"English", "Task ID", "task id"},
		{"empty", "", ""},
		{"only punctuation", " - ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldIsIdempotent(t *testing.T) {
	for _, c := range Columns {
		for _, name := range append([]string{c.Vi, c.En}, c.Alt...) {
			if f := Fold(name); Fold(f) != f {
				t.Errorf("Fold(Fold(%q)) = %q; want %q", name, Fold(f), f)
			}
		}
	}
}

func TestFoldTreatsEthAsD(t *testing.T) {
	// Ð (U+00D0, Icelandic eth) is often typed for Đ on keyboards without it.
	if got := Fold("ÐANG LẤY Ý KIẾN"); got != "dang lay y kien" {
		t.Errorf("Fold = %q", got)
	}
}

// foldNFD is Fold as it was first written, on the whole text's norm.NFD:
// the reference the table-driven Fold must agree with.
func foldNFD(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ' || r == 'Ð':
			r = 'd'
		case r == '%':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("% ")
			space = true
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// TestFoldMatchesNFD compares Fold with foldNFD on every rune alone and
// between letters and marks, and on 300.000 random strings of Vietnamese
// letters (composed and decomposed), combining marks, Ð, symbols, Hangul,
// invalid bytes and random runes.
func TestFoldMatchesNFD(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Fold(s), foldNFD(s); got != want {
			t.Fatalf("Fold(%+q) = %+q; norm.NFD gives %+q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		check(string(r))
		if r < 0x3000 || r%7 == 0 {
			check("A" + string(r) + "\u0301b\u0323 %")
			check("\u0323" + string(r) + "\u0300")
		}
	}
	pieces := []string{
		"a", "Ă", "â", "đ", "Đ", "Ð", "ê", "ô", "ơ", "ư", "ạ", "ế", "ỹ", "Ỵ", "à", "Á",
		norm.NFD.String("Thời hạn"), norm.NFD.String("ệ"), "\u0300", "\u0301", "\u0303", "\u0309", "\u0323",
		"\u031b", "\u0302", "\u0306", "\u0345", "\u0f39", " ", "  ", "\t", "\n", "\u00a0", "\u200b", "%",
		",", "(", ")", "/", "-", "–", "“", "”", "…", "·", "1", "9", "²", "½", "Ⅻ", "ǅ", "İ", "ß", "ﬁ",
		"가", "각", "\u1100", "\u1161", "\u0915\u093c", "\u09cb", "\u0dde", "\u1b06", "\xff", "\xc3", "\xe1\xbb",
		"X", "q", "Z", "_", "ǈ", "Ω", "ω", "Ά", "Ё", "й", "\u2000", "\u2126", "\u212b", "\u0958",
	}
	rng := rand.New(rand.NewPCG(6, 2021))
	for range 300000 {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			if rng.IntN(5) == 0 {
				r := rune(rng.IntN(0x3000))
				if rng.IntN(4) == 0 {
					r = rune(rng.IntN(unicode.MaxRune + 1))
				}
				if utf8.ValidRune(r) {
					b.WriteRune(r)
				}
				continue
			}
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

func TestAppendFoldLimit(t *testing.T) {
	for _, s := range []string{"", "Tên nhiệm vụ", "  Tỷ lệ hoàn thành (%) ", "%%", "a b", "Xây dựng Đề án nâng cao năng lực hệ thống y tế cơ sở"} {
		want := Fold(s)
		for limit := 0; limit <= len(want)+2; limit++ {
			b, ok := AppendFold([]byte("x"), s, limit)
			if ok != (len(want) <= limit) {
				t.Errorf("AppendFold(%q, %d) ok = %t; folded length %d", s, limit, ok, len(want))
			}
			if ok && string(b) != "x"+want {
				t.Errorf("AppendFold(%q, %d) = %q; want %q", s, limit, b, "x"+want)
			}
		}
	}
}

func BenchmarkFold(b *testing.B) {
	texts := []string{"Tên nhiệm vụ", "Đang lấy ý kiến", "CƠ QUAN CHỦ TRÌ", norm.NFD.String("Thời hạn"),
		"Khó khăn, vướng mắc", "Tỷ lệ hoàn thành (%)", "Task ID",
		"Xây dựng Đề án nâng cao năng lực hệ thống y tế cơ sở giai đoạn 2021 - 2025"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			Fold(s)
		}
	}
}

// The table made at start-up says for every rune what decomposing it with
// norm.NFD and folding the parts says.
func TestFoldTableEntries(t *testing.T) {
	for r := rune(0); r < foldTableSize; r++ {
		want := foldSlow
		if r < utf8.RuneSelf || utf8.ValidRune(r) {
			d := []rune(norm.NFD.String(string(r)))
			want = foldRune(d[0])
			for _, m := range d[1:] {
				if foldRune(m) != foldSkip {
					want = foldSlow
				}
			}
			if want == foldSkip && len(d) > 1 {
				want = foldSlow
			}
		}
		if got := foldTable[r]; got != want {
			t.Errorf("U+%04X: table %d, want %d", r, got, want)
		}
	}
}
