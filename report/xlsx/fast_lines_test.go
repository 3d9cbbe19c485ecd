package xlsx

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wLinesSplit is the first wLines, by strings.Split and strings.Fields:
// the reference the allocation-free one must agree with.
func wLinesSplit(text string, width float64) int {
	capacity := int(width) - 1
	if capacity < 1 {
		capacity = 1
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		n, used := 1, 0
		for _, word := range strings.Fields(para) {
			l := utf8.RuneCountInString(word)
			switch {
			case used == 0:
				used = l
			case used+1+l <= capacity:
				used += 1 + l
				continue
			default:
				n++
				used = l
			}
			for used > capacity {
				n++
				used -= capacity
			}
		}
		lines += n
	}
	return max(lines, 1)
}

func TestWLinesAgrees(t *testing.T) {
	pieces := []string{"a", "bb", "Đề án", "nâng cao năng lực", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u3000",
		"\u0085", "x\xffy", "\xe1\xba", "Quyết định số 123/QĐ-UBND ngày 15/02/2021", strings.Repeat("w", 40), "\r\n", "ừ", "_x0041_"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		width := float64(rng.IntN(50)) + rng.Float64()
		if i%7 == 0 {
			width = float64(rng.IntN(3))
		}
		if got, want := wLines(text, width), wLinesSplit(text, width); got != want {
			t.Fatalf("wLines(%q, %v) = %d, want %d", text, width, got, want)
		}
	}
}

func TestWSpaceIsUnicodeSpace(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if wSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("wSpace(%U) = %v", r, wSpace(r))
		}
	}
}

func FuzzWLines(f *testing.F) {
	f.Add("Xây dựng Đề án nâng cao năng lực\nhệ thống", 12.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width > 1e6 || width < -1e6 || width != width {
			return
		}
		if got, want := wLines(text, width), wLinesSplit(text, width); got != want {
			t.Fatalf("wLines(%q, %v) = %d, want %d", text, width, got, want)
		}
	})
}

func BenchmarkWLines(b *testing.B) {
	text := "Đề án rà soát, sắp xếp chính sách hỗ trợ người lao động bị ảnh hưởng bởi dịch COVID-19 trên địa bàn tỉnh"
	for b.Loop() {
		wLines(text, 34)
	}
}

// Every white space rune above ASCII starts with a byte wSpaceLead marks.
func TestWSpaceLead(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) && !wSpaceLead[string(r)[0]] {
			t.Errorf("%U starts with %#x", r, string(r)[0])
		}
	}
}

func BenchmarkWLinesSplit(b *testing.B) {
	text := "Đề án rà soát, sắp xếp chính sách hỗ trợ người lao động bị ảnh hưởng bởi dịch COVID-19 trên địa bàn tỉnh"
	for b.Loop() {
		wLinesSplit(text, 34)
	}
}
