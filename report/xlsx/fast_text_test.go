package xlsx

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// appendTextLines gives what appendText and wLines give.
func TestAppendTextLinesAgrees(t *testing.T) {
	pieces := []string{"a", "Đề án", " ", "\n", "\t", "\r", "\v", "\x01", "\x1f", "&", "<", ">", "_", "_x0041_", "_x00", "41_",
		"\u00a0", "\u3000", "\uFFFE", "\uFFFF", "\uFFFD", "\xff", "\xfe\xfe", "\xe1\xba", "ừ", "x", strings.Repeat("y", 30)}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(25) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkTextLines(t, b.String(), float64(rng.IntN(40)))
	}
	checkTextLines(t, strings.Repeat("Đề án ", 7000), 30) // cut to a cell
}

func checkTextLines(t *testing.T, s string, width float64) {
	t.Helper()
	got, lines := appendTextLines([]byte("<"), s, width)
	want := appendText([]byte("<"), wCellText(s))
	if string(got) != string(want) || lines != wLines(s, width) {
		t.Fatalf("appendTextLines(%q, %v) = %q, %d; want %q, %d", s, width, got, lines, want, wLines(s, width))
	}
}

func FuzzAppendTextLines(f *testing.F) {
	f.Add("Đề án _x0041_ &<>\r\n\x01\xff", 12.0)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width > 1e6 || width < -1e6 || width != width {
			return
		}
		checkTextLines(t, s, width)
	})
}

func BenchmarkAppendText(b *testing.B) {
	text := "Đề án rà soát, sắp xếp chính sách hỗ trợ người lao động bị ảnh hưởng bởi dịch COVID-19 trên địa bàn tỉnh"
	var dst []byte
	b.Run("separate", func(b *testing.B) {
		for b.Loop() {
			dst = appendText(dst[:0], text)
			_ = wLines(text, 34)
		}
	})
	b.Run("fused", func(b *testing.B) {
		for b.Loop() {
			dst, _ = appendTextLines(dst[:0], text, 34)
		}
	})
}
