package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/report"
)

// After a national roll-up the clerk reads the totals, then the sectors
// that most need chasing, not hundreds of lines: beyond 30 sectors the
// summary counts them, lists the 15 with the most overdue tasks (most
// first, report order among equals) and counts those that sent nothing.
func TestPrintSummaryManySectors(t *testing.T) {
	r := &report.Result{HasPlan: true}
	for i := 1; i <= 40; i++ {
		s := report.SectorSummary{Sector: report.Sector{Name: "Ngành " + strconv.Itoa(i)}, Submitted: i%10 != 0}
		s.Tasks, s.Overdue = 10, i%20 // sectors 20 and 40 have none overdue
		r.Sectors = append(r.Sectors, s)
	}
	var b bytes.Buffer
	printSummary(&b, r, outputs{}, report.VI)
	lines := strings.Split(b.String(), "\n")
	var listed []string
	for _, l := range lines {
		if name, ok := strings.CutPrefix(l, "  - "); ok {
			listed = append(listed, name[:strings.Index(name, ":")])
		}
	}
	// Overdue counts 19 (sectors 19, 39), 18 (18, 38), … down to 12 (12, 32), then 11 (11).
	want := "Ngành 19,Ngành 39,Ngành 18,Ngành 38,Ngành 17,Ngành 37,Ngành 16,Ngành 36,Ngành 15,Ngành 35,Ngành 14,Ngành 34,Ngành 13,Ngành 33,Ngành 12"
	if got := strings.Join(listed, ","); got != want {
		t.Errorf("listed %s\nwant %s", got, want)
	}
	for _, line := range []string{
		"  40 ngành, lĩnh vực (đủ từng ngành trong bảng tổng hợp); 38 ngành có nhiệm vụ quá hạn, 15 ngành nhiều nhất:",
		"  - Ngành 19: 10 nhiệm vụ, 0 hoàn thành, 19 quá hạn",
		"  4 ngành chưa gửi báo cáo (danh sách ở trang “Đôn đốc”).",
	} {
		if !strings.Contains(b.String(), line+"\n") {
			t.Errorf("no line %q in\n%s", line, b.String())
		}
	}

	// Up to 30 sectors, every one has its line.
	r.Sectors = r.Sectors[:30]
	b.Reset()
	printSummary(&b, r, outputs{}, report.EN)
	if n := strings.Count(b.String(), "\n  - "); n != 30 {
		t.Errorf("%d sector lines for 30 sectors; want 30:\n%s", n, b.String())
	}
	if strings.Contains(b.String(), "sent no report (listed") {
		t.Errorf("30 sectors get the count of missing ones; want them listed:\n%s", b.String())
	}
}
