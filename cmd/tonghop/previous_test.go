package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --previous names a file that cannot serve: the run stops before
// reading the inbox, with one sentence that names the file.
func TestPreviousRefused(t *testing.T) {
	dir := t.TempDir()
	notBook := filepath.Join(dir, "tong-hop-2021-02.xlsx")
	if err := os.WriteFile(notBook, []byte("%PDF-1.7"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, previous, want string
	}{
		{"missing", filepath.Join(dir, "nowhere.xlsx"), "Không đọc được bảng tổng hợp kỳ trước " + filepath.Join(dir, "nowhere.xlsx") + ": không có tệp hoặc thư mục này."},
		{"folder", dir, "Không đọc được bảng tổng hợp kỳ trước " + dir + ": đây là thư mục, không phải tệp."},
		{"not a workbook", notBook, "Tệp " + notBook + " không phải bảng tổng hợp do tonghop lập nên không so sánh được"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(t, "consolidate", "-q", "--previous", tc.previous, "-o", filepath.Join(dir, "out"), sampleMarch)
			if r.code != 3 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 3 and %q", r.code, r.stderr, tc.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
				t.Error("outputs written")
			}
		})
	}
}
