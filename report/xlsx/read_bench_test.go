package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/templates"
)

// rBigSubmission is a template-like submission with n task rows.
func rBigSubmission(tb testing.TB, n int) []byte {
	return rBook(tb, templates.SheetInfo, func(f *excelize.File) {
		rRow(tb, f, templates.SheetInfo, 1, 1, "Ngành", "YT")
		if _, err := f.NewSheet(templates.SheetTasks); err != nil {
			tb.Fatal(err)
		}
		sw, err := f.NewStreamWriter(templates.SheetTasks)
		if err != nil {
			tb.Fatal(err)
		}
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		_ = sw.SetRow("A1", []any{"BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM"})
		_ = sw.SetRow("A4", rCanonicalHeader(templates.SubmissionFields))
		for i := 0; i < n; i++ {
			ref, _ := excelize.CoordinatesToCellName(1, 5+i)
			_ = sw.SetRow(ref, []any{i + 1, fmt.Sprintf("YT-%04d", i), "Xây dựng Đề án nâng cao năng lực hệ thống y tế cơ sở giai đoạn 2021 - 2025",
				"Đề án", "UBND tỉnh", "Sở Y tế", "Sở Tài chính, Sở Nội vụ", excelize.Cell{StyleID: date, Value: 44377},
				"Nguyễn Văn An", "Đang lấy ý kiến", 50, nil, nil, "Chưa có ý kiến của các sở", "", "Ghi chú"})
		}
		if err := sw.Flush(); err != nil {
			tb.Fatal(err)
		}
	})
}

func BenchmarkReadSubmission(b *testing.B) {
	data := rBigSubmission(b, 2000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		raw := ReadSubmission("big.xlsx", bytes.NewReader(data))
		if len(raw.Rows) != 2000 {
			b.Fatalf("rows %d findings %v", len(raw.Rows), raw.Findings)
		}
	}
}

// BenchmarkReadSubmissionSmall reads a 500-row submission and a
// two-row one: what a file costs besides its rows.
func BenchmarkReadSubmissionSmall(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
		rows int
	}{{"500", rBigSubmission(b, 500), 500}, {"2", rTemplateSubmission(b), 2}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				raw := ReadSubmission("small.xlsx", bytes.NewReader(c.data))
				if len(raw.Rows) != c.rows {
					b.Fatalf("rows %d findings %v", len(raw.Rows), raw.Findings)
				}
			}
		})
	}
}

// BenchmarkUnzipFloor is the floor the reader is measured against: inflate
// every part and count the cells of the sheets.
func BenchmarkUnzipFloor(b *testing.B) {
	data := rBigSubmission(b, 2000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		cells := 0
		for _, f := range zr.File {
			rc, _ := f.Open()
			body, _ := io.ReadAll(rc)
			rc.Close()
			cells += bytes.Count(body, []byte("<c "))
		}
		if cells < 2000 {
			b.Fatal(cells)
		}
	}
}

// BenchmarkExcelizeRows reads the same file with excelize's streaming
// reader, for comparison.
func BenchmarkExcelizeRows(b *testing.B) {
	data := rBigSubmission(b, 2000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		rows, _ := f.Rows(templates.SheetTasks)
		n := 0
		for rows.Next() {
			cols, _ := rows.Columns()
			n += len(cols)
		}
		rows.Close()
		f.Close()
	}
}
