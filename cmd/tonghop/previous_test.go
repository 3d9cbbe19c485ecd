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
		{"not a workbook", notBook, "tong-hop-2021-02.xlsx: không dùng được làm số liệu kỳ trước (--previous): tệp không phải bảng tính Excel (.xlsx); hãy chỉ định tệp tong-hop-YYYY-MM.xlsx do tonghop tạo ở kỳ trước."},
		{"a department's report", filepath.Join(sampleMarch, "BC tien do NVTT - So Y te - T3.2021.xlsx"),
			"BC tien do NVTT - So Y te - T3.2021.xlsx: không dùng được làm số liệu kỳ trước (--previous): tệp không phải bảng tổng hợp do tonghop tạo (thiếu trang ẩn \"tonghop\")"},
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
