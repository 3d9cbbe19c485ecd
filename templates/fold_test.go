package templates

import (
	"testing"

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
