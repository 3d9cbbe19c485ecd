package pdf

import (
	"fmt"
	"testing"
)

func TestProbeWidths(t *testing.T) {
	d := newDoc(referenceResult(), Options{})
	for _, c := range []struct {
		s     string
		style string
		size  float64
	}{
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "B", 12}, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "B", 13},
		{"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "", 12}, {"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "", 13},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "", 12},
		{"Độc lập - Tự do - Hạnh phúc", "B", 13}, {"Lâm Đồng, ngày 04 tháng 3 năm 2021", "I", 13},
		{"Thừa Thiên Huế, ngày 04 tháng 3 năm 2021", "I", 13},
	} {
		d.font(c.style, c.size)
		fmt.Printf("%-45s %s %4.1f %6.1f\n", c.s, c.style, c.size, d.f.GetStringWidth(c.s))
	}
	s, _ := coverage()
	fmt.Println("nbsp", s.has('\u00a0'), "fffd", s.has('\ufffd'), "box", s.has('\u25a1'), "ellipsis", s.has('…'))
}
